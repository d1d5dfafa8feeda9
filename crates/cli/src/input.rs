//! Finding and reading the input files, and tallying how it went.

use dafu_parser::Reply;
use std::fs;
use std::path::{Path, PathBuf};

/// Extensions picked up when a directory is given.
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Exit code when every file was read and is a recognisable reply.
pub const EXIT_OK: u8 = 0;
/// Exit code when at least one file is not a recognisable reply.
pub const EXIT_NOT_A_REPLY: u8 = 1;
/// Exit code when at least one file or directory could not be read.
pub const EXIT_IO: u8 = 2;

/// What happened to the files of one run.
#[derive(Debug, Default)]
pub struct Tally {
    pub ok: usize,
    pub not_replies: usize,
    pub unreadable: usize,
}

impl Tally {
    /// I/O errors win over unrecognised texts: they mean the answer is incomplete.
    pub fn exit_code(&self) -> u8 {
        if self.unreadable > 0 {
            EXIT_IO
        } else if self.not_replies > 0 {
            EXIT_NOT_A_REPLY
        } else {
            EXIT_OK
        }
    }

    /// Counts one unreadable path and reports it on stderr.
    fn unreadable(&mut self, name: &str, what: &str, err: &std::io::Error) {
        self.unreadable += 1;
        eprintln!("{name}: error: cannot {what}: {err}");
    }
}

/// One readable input, parsed.
pub struct Parsed {
    /// The path as given, or as found inside a given directory.
    pub name: String,
    pub reply: Reply,
}

/// Expands `paths` (files, or directories meaning their `*.txt` / `*.md`
/// files, sorted by name, not recursing) and parses every file, in order.
/// Unreadable paths are reported on stderr, counted in `tally` and skipped.
pub fn parse_all(paths: &[PathBuf], tally: &mut Tally) -> Vec<Parsed> {
    let mut out = Vec::new();
    for path in paths {
        for file in expand(path, tally) {
            let name = file.display().to_string();
            match fs::read(&file) {
                Ok(bytes) => out.push(Parsed {
                    name,
                    reply: dafu_parser::parse(&bytes),
                }),
                Err(err) => tally.unreadable(&name, "read", &err),
            }
        }
    }
    out
}

fn expand(path: &Path, tally: &mut Tally) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(err) => {
            tally.unreadable(&path.display().to_string(), "list directory", &err);
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && has_known_extension(p))
        .collect();
    files.sort();
    if files.is_empty() {
        eprintln!(
            "{}: note: no *.txt or *.md files in this directory",
            path.display()
        );
    }
    files
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|k| e.eq_ignore_ascii_case(k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_take_precedence() {
        let mut t = Tally {
            ok: 3,
            ..Tally::default()
        };
        assert_eq!(t.exit_code(), EXIT_OK);
        t.not_replies = 1;
        assert_eq!(t.exit_code(), EXIT_NOT_A_REPLY);
        t.unreadable = 1;
        assert_eq!(t.exit_code(), EXIT_IO);
    }

    #[test]
    fn extensions() {
        assert!(has_known_extension(Path::new("a/b.TXT")));
        assert!(has_known_extension(Path::new("b.md")));
        assert!(!has_known_extension(Path::new("b.docx")));
        assert!(!has_known_extension(Path::new("txt")));
    }
}
