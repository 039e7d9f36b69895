//! Gzip input that survives a corrupt member.
//!
//! A WARC.gz (and often a JSONL.gz) is a concatenation of gzip members, one
//! per record. [`Members`] decodes them one after the other (as
//! `flate2::bufread::MultiGzDecoder` does) but, when a member is corrupt,
//! reports the error once and goes on from the next gzip header found in
//! the compressed bytes, so the records after a broken one are still read.

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};

const MAGIC: [u8; 2] = [0x1f, 0x8b];

enum State<R> {
    /// Between members (or before the first).
    Between(R),
    /// Inside a member.
    Member(GzDecoder<R>),
    /// Only while switching states.
    Gone,
}

/// A reader of concatenated gzip members that resynchronizes after a corrupt
/// one.
pub(crate) struct Members<R> {
    state: State<R>,
    /// Looking for the next member after an error: members that fail before
    /// giving any byte are false starts and are skipped silently.
    resyncing: bool,
    /// Whether the current member gave bytes.
    produced: bool,
}

impl<R: BufRead> Members<R> {
    pub(crate) fn new(inner: R) -> Self {
        Members { state: State::Between(inner), resyncing: false, produced: false }
    }
}

/// Whether `head` starts a gzip stream.
pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&MAGIC)
}

/// Skips to the next gzip magic; false at the end of the input. `skip_here`
/// passes over a magic at the current position (a member that just failed
/// there).
fn skip_to_magic<R: BufRead>(r: &mut R, mut skip_here: bool) -> io::Result<bool> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let from = usize::from(skip_here);
        skip_here = false;
        let found = buf.get(from..).and_then(|rest| memchr::memmem::find(rest, &MAGIC)).map(|i| i + from);
        match found {
            Some(i) => {
                r.consume(i);
                return Ok(true);
            }
            None => {
                // (a magic split across two reads is missed: the member
                // after it is lost too, a rare cost of a corrupt file)
                let n = buf.len();
                r.consume(n);
            }
        }
    }
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Gone) {
                State::Gone => return Ok(0),
                State::Between(mut r) => {
                    let start = if self.resyncing {
                        let skip_here = !self.produced;
                        skip_to_magic(&mut r, skip_here)
                    } else {
                        match r.fill_buf() {
                            Ok([]) => Ok(false),
                            Ok(head) if is_gzip(head) => Ok(true),
                            Ok(_) => {
                                self.resyncing = true;
                                self.produced = true;
                                self.state = State::Between(r);
                                return Err(io::Error::new(
                                    io::ErrorKind::InvalidData,
                                    "bytes that are not gzip",
                                ));
                            }
                            Err(e) => Err(e),
                        }
                    };
                    match start {
                        Ok(true) => {
                            self.produced = false;
                            self.state = State::Member(GzDecoder::new(r));
                        }
                        Ok(false) => {
                            self.state = State::Between(r);
                            return Ok(0);
                        }
                        Err(e) => {
                            self.state = State::Between(r);
                            return Err(e);
                        }
                    }
                }
                State::Member(mut d) => match d.read(buf) {
                    Ok(0) => {
                        self.resyncing = false;
                        self.state = State::Between(d.into_inner());
                    }
                    Ok(n) => {
                        self.produced = true;
                        self.resyncing = false;
                        self.state = State::Member(d);
                        return Ok(n);
                    }
                    Err(e) => {
                        let false_start = self.resyncing && !self.produced;
                        self.resyncing = true;
                        self.state = State::Between(d.into_inner());
                        if !false_start {
                            return Err(io::Error::new(e.kind(), format!("corrupt gzip member: {e}")));
                        }
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// Reads everything, collecting the errors met on the way.
    fn drain(bytes: &[u8]) -> (Vec<u8>, usize) {
        let mut r = Members::new(io::BufReader::with_capacity(7, bytes));
        let (mut out, mut errors) = (Vec::new(), 0);
        let mut buf = [0u8; 5];
        for _ in 0..10_000 {
            match r.read(&mut buf) {
                Ok(0) => return (out, errors),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(_) => errors += 1,
            }
        }
        panic!("does not end");
    }

    #[test]
    fn members_are_concatenated() {
        let mut all = gz(b"first member\n");
        all.extend(gz(b"second\n"));
        assert_eq!(drain(&all), (b"first member\nsecond\n".to_vec(), 0));
    }

    #[test]
    fn a_corrupt_member_is_one_error_and_the_next_members_are_read() {
        let one = gz(&b"one one one one one one one one\n".repeat(20));
        let mut two = gz(&b"two two two two two two\n".repeat(20));
        let n = two.len();
        for b in &mut two[12..n - 10] {
            *b ^= 0x5a;
        }
        let three = gz(b"three\n");
        let all: Vec<u8> = [one.clone(), two, three.clone()].concat();
        let (out, errors) = drain(&all);
        assert_eq!(errors, 1);
        assert!(out.starts_with(b"one one"));
        assert!(out.ends_with(b"three\n"), "{}", String::from_utf8_lossy(&out));
        // a member cut short at the end of the file
        let cut: Vec<u8> = [one.clone(), three[..three.len() - 6].to_vec()].concat();
        let (out, errors) = drain(&cut);
        assert_eq!(errors, 1);
        assert!(out.starts_with(b"one one"));
        // garbage between members
        let junk: Vec<u8> = [one, b"garbage!".to_vec(), three].concat();
        let (out, errors) = drain(&junk);
        assert_eq!(errors, 1);
        assert!(out.ends_with(b"three\n"));
    }
}
