//! Finding input files: paths given on the command line, directories walked
//! recursively in a stable (sorted by name) order, every problem turned into
//! an `io_error` reject rather than a panic or a silent gap.

use std::path::{Component, Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::InputFile;
use crate::error::RejectReason;
use crate::record::Reject;

/// Lists the files under every input, in input order, each directory's
/// entries sorted by file name.
pub(crate) fn discover(inputs: &[PathBuf]) -> Vec<Result<InputFile, Reject>> {
    let mut found = Vec::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk_directory(input, &mut found),
            Ok(meta) if meta.is_file() => found.push(Ok(InputFile {
                path: input.clone(),
                rel: file_name_of(input),
            })),
            Ok(_) => found.push(Err(io_reject(
                &display(input),
                "not a regular file or directory".to_owned(),
            ))),
            Err(e) => found.push(Err(io_reject(&display(input), e.to_string()))),
        }
    }
    found
}

/// Walks `root` recursively, following symlinks; hidden entries (dot files
/// and dot directories: editor backups, `.git`) are skipped.
fn walk_directory(root: &Path, found: &mut Vec<Result<InputFile, Reject>>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if entry.file_type().is_file() => found.push(Ok(InputFile {
                rel: relative_name(root, entry.path()),
                path: entry.into_path(),
            })),
            Ok(entry) => found.push(Err(io_reject(
                &relative_name(root, entry.path()),
                "not a regular file".to_owned(),
            ))),
            Err(e) => {
                let name = e
                    .path()
                    .map_or_else(|| display(root), |p| relative_name(root, p));
                found.push(Err(io_reject(&name, walk_error_detail(&e))));
            }
        }
    }
}

fn walk_error_detail(e: &walkdir::Error) -> String {
    match e.loop_ancestor() {
        Some(ancestor) => format!("symlink loop back to {}", ancestor.display()),
        None => e.to_string(),
    }
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

/// `path` relative to `root`, `/`-separated; the whole path if it is not
/// under `root`.
fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        file_name_of(path)
    } else {
        parts.join("/")
    }
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| display(path), |n| n.to_string_lossy().into_owned())
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn io_reject(name: &str, detail: String) -> Reject {
    Reject {
        id: name.to_owned(),
        source: name.to_owned(),
        url: None,
        reason: RejectReason::IoError,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn rels(found: &[Result<InputFile, Reject>]) -> Vec<String> {
        found
            .iter()
            .map(|r| match r {
                Ok(f) => f.rel.clone(),
                Err(rej) => format!("REJECT {} {}", rej.reason, rej.id),
            })
            .collect()
    }

    #[test]
    fn directories_are_walked_sorted_with_relative_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("crawl");
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "z.html",
            "b/deep/x.html",
            "b/c.txt",
            "a/y.jsonl",
            ".hidden.html",
        ] {
            fs::write(root.join(name), b"x").unwrap();
        }
        fs::write(root.join(".git/config.html"), b"x").unwrap();
        let single = dir.path().join("one.warc");
        fs::write(&single, b"x").unwrap();

        let found = discover(&[root.clone(), single.clone()]);
        assert_eq!(
            rels(&found),
            [
                "a/y.jsonl",
                "b/c.txt",
                "b/deep/x.html",
                "z.html",
                "one.warc"
            ]
        );
        assert_eq!(found[2].as_ref().unwrap().path, root.join("b/deep/x.html"));
        assert_eq!(found[4].as_ref().unwrap().path, single);
    }

    #[test]
    fn missing_input_is_an_io_reject() {
        let dir = tempfile::tempdir().unwrap();
        let found = discover(&[dir.path().join("nope")]);
        assert_eq!(found.len(), 1);
        let rej = found[0].as_ref().unwrap_err();
        assert_eq!(rej.reason, RejectReason::IoError);
    }

    #[test]
    fn symlink_loop_is_an_io_reject_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("sub/page.html"), b"x").unwrap();
        std::os::unix::fs::symlink(&root, root.join("sub/loop")).unwrap();

        let found = discover(std::slice::from_ref(&root));
        assert_eq!(rels(&found), ["REJECT io_error sub/loop", "sub/page.html"]);
        let rej = found[0].as_ref().unwrap_err();
        assert!(rej.detail.contains("symlink loop"), "{}", rej.detail);
    }

    #[test]
    fn symlinked_files_are_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        let target = dir.path().join("elsewhere.html");
        fs::write(&target, b"x").unwrap();
        std::os::unix::fs::symlink(&target, root.join("link.html")).unwrap();
        let found = discover(std::slice::from_ref(&root));
        assert_eq!(rels(&found), ["link.html"]);
    }
}
