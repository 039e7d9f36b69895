//! Reading lines with a cap on their length, so that one endless line (a
//! corrupt or hostile file) cannot take the memory.

use std::io::{self, BufRead};

/// What [`read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Bytes consumed from the reader, newline included.
    pub consumed: u64,
    /// Whether the line was longer than the cap (the rest was skipped).
    pub truncated: bool,
}

/// Reads one line into `buf` (cleared first), without its `\n`, keeping at
/// most `cap` bytes and skipping the rest of a longer line. `None` at the
/// end of the input.
pub(crate) fn read_line<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<Line>> {
    buf.clear();
    let mut line = Line { consumed: 0, truncated: false };
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((line.consumed > 0).then_some(line));
        }
        let (chunk, used, end) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        let room = cap.saturating_sub(buf.len());
        if chunk.len() > room {
            line.truncated = true;
        }
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        r.consume(used);
        line.consumed += used as u64;
        if end {
            return Ok(Some(line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_and_the_rest_skipped() {
        let mut r = io::BufReader::with_capacity(4, &b"abcdefgh\nij\nk"[..]);
        let mut buf = Vec::new();
        let l = read_line(&mut r, &mut buf, 5).unwrap().unwrap();
        assert_eq!((buf.as_slice(), l.truncated, l.consumed), (&b"abcde"[..], true, 9));
        let l = read_line(&mut r, &mut buf, 5).unwrap().unwrap();
        assert_eq!((buf.as_slice(), l.truncated), (&b"ij"[..], false));
        let l = read_line(&mut r, &mut buf, 5).unwrap().unwrap();
        assert_eq!((buf.as_slice(), l.consumed), (&b"k"[..], 1));
        assert!(read_line(&mut r, &mut buf, 5).unwrap().is_none());
    }
}
