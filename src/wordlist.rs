//! Word lists: plain text files in the source tree, one entry a line, `#`
//! starting a comment line, `[name]` starting a section.

/// The entries of a word list: trimmed, non-empty, not comments.
pub fn lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of one `[section]` of a word list.
pub fn section<'a>(file: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    let mut inside = false;
    lines(file).filter(move |l| {
        if let Some(header) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header == name;
            return false;
        }
        inside
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections_and_comments() {
        let file = "# c\n[a]\nx\n\n y \n[b]\nz\n# [a]\n";
        assert_eq!(super::section(file, "a").collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(super::section(file, "b").collect::<Vec<_>>(), ["z"]);
        assert_eq!(super::lines(file).count(), 5);
    }
}
