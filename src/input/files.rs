//! Finding input files: paths given on the command line, directories walked
//! recursively in a stable (sorted by name) order, every problem turned into
//! an `io_error` reject rather than a panic or a silent gap. The files found
//! are kept in one compact list ([`FoundFiles`]): a run over a million files
//! holds their relative names in one string, not a path and a name each.

use std::path::{Component, Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::InputFile;
use crate::error::RejectReason;
use crate::record::Reject;

/// The input files of a run, in reading order, with the rejects of what
/// could not be listed in their places. Each file found under a directory
/// costs its relative name in one shared string plus one 24-byte entry; its
/// [`InputFile`] (path and name) is made when it is asked for.
#[derive(Debug, Default)]
pub struct FoundFiles {
    /// The inputs as given that files were found in.
    roots: Vec<PathBuf>,
    /// The `/`-separated relative names of the files found under
    /// directories, one after the other.
    names: String,
    entries: Vec<Entry>,
    /// Files whose name is not kept in `names` (not UTF-8, or not under
    /// their root), whole.
    whole: Vec<InputFile>,
    rejects: Vec<Reject>,
}

/// One item of a [`FoundFiles`]; the numbers index its vectors.
#[derive(Clone, Copy, Debug)]
enum Entry {
    /// An input given as a file: the root itself, named by its file name.
    Given {
        root: u32,
    },
    /// A file found under the directory `roots[root]`, whose relative
    /// name is `names[start..end]`.
    Under {
        root: u32,
        start: usize,
        end: usize,
    },
    Whole(u32),
    Reject(u32),
}

impl FoundFiles {
    /// How many files (and rejects in their places) were found.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The file at `index` in reading order (or the reject in its place).
    pub fn get(&self, index: usize) -> Option<Result<InputFile, Reject>> {
        let entry = *self.entries.get(index)?;
        Some(match entry {
            Entry::Given { root } => {
                let path = self.root(root)?;
                Ok(InputFile {
                    rel: file_name_of(path),
                    path: path.to_path_buf(),
                })
            }
            Entry::Under { root, start, end } => {
                let rel = self.names.get(start..end)?;
                Ok(InputFile {
                    path: self.root(root)?.join(rel),
                    rel: rel.to_owned(),
                })
            }
            Entry::Whole(i) => Ok(self.whole.get(index_of(i))?.clone()),
            Entry::Reject(i) => Err(self.rejects.get(index_of(i))?.clone()),
        })
    }

    /// The files in reading order.
    pub fn iter(&self) -> impl Iterator<Item = Result<InputFile, Reject>> + '_ {
        (0..self.len()).filter_map(|index| self.get(index))
    }

    fn root(&self, root: u32) -> Option<&Path> {
        self.roots.get(index_of(root)).map(PathBuf::as_path)
    }

    /// Adds `root` as an input whose files follow; returns its number.
    fn add_root(&mut self, root: &Path) -> u32 {
        self.roots.push(root.to_path_buf());
        number_of(self.roots.len() - 1)
    }

    /// Adds the file `path` found under the directory of root `root`.
    fn push_under(&mut self, root: u32, root_path: &Path, path: PathBuf) {
        match path.strip_prefix(root_path).ok().and_then(Path::to_str) {
            Some(rel) if is_plain_relative(rel) => {
                let start = self.names.len();
                self.names.push_str(rel);
                let end = self.names.len();
                self.entries.push(Entry::Under { root, start, end });
            }
            _ => self.push(Ok(InputFile {
                rel: relative_name(root_path, &path),
                path,
            })),
        }
    }

    /// Adds a file kept whole, or a reject.
    fn push(&mut self, entry: Result<InputFile, Reject>) {
        let entry = match entry {
            Ok(file) => {
                self.whole.push(file);
                Entry::Whole(number_of(self.whole.len() - 1))
            }
            Err(reject) => {
                self.rejects.push(reject);
                Entry::Reject(number_of(self.rejects.len() - 1))
            }
        };
        self.entries.push(entry);
    }
}

/// Builds a list from files and rejects given whole (tests, library users).
impl FromIterator<Result<InputFile, Reject>> for FoundFiles {
    fn from_iter<I: IntoIterator<Item = Result<InputFile, Reject>>>(iter: I) -> Self {
        let mut found = FoundFiles::default();
        for entry in iter {
            found.push(entry);
        }
        found
    }
}

impl AsRef<FoundFiles> for FoundFiles {
    fn as_ref(&self) -> &FoundFiles {
        self
    }
}

/// The files in reading order, each made as it is reached.
impl IntoIterator for FoundFiles {
    type Item = Result<InputFile, Reject>;
    type IntoIter = IntoFiles;

    fn into_iter(self) -> IntoFiles {
        IntoFiles {
            found: self,
            next: 0,
        }
    }
}

/// The iterator of [`FoundFiles::into_iter`].
pub struct IntoFiles {
    found: FoundFiles,
    next: usize,
}

impl Iterator for IntoFiles {
    type Item = Result<InputFile, Reject>;

    fn next(&mut self) -> Option<Self::Item> {
        let entry = self.found.get(self.next)?;
        self.next += 1;
        Some(entry)
    }
}

/// A relative name that joins back onto its root to the same path, and is
/// the name [`relative_name`] gives for it: plain components separated by
/// single `/` (as a walk below a directory gives on Unix).
fn is_plain_relative(rel: &str) -> bool {
    rel.split('/').all(|part| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && !part.contains(std::path::MAIN_SEPARATOR)
            && Path::new(part).is_relative()
    })
}

/// A vector index stored as u32 in an [`Entry`] (the list would need four
/// billion rejects or roots to overflow it: saturates rather than wraps).
fn number_of(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn index_of(number: u32) -> usize {
    usize::try_from(number).unwrap_or(usize::MAX)
}

/// Lists the files under every input, in input order, each directory's
/// entries sorted by file name.
pub(crate) fn discover(inputs: &[PathBuf]) -> FoundFiles {
    let mut found = FoundFiles::default();
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk_directory(input, &mut found),
            Ok(meta) if meta.is_file() => {
                let root = found.add_root(input);
                found.entries.push(Entry::Given { root });
            }
            Ok(_) => found.push(Err(io_reject(
                &display(input),
                "not a regular file or directory".to_owned(),
            ))),
            Err(e) => found.push(Err(io_reject(&display(input), e.to_string()))),
        }
    }
    found.names.shrink_to_fit();
    found.entries.shrink_to_fit();
    found
}

/// Walks `root` recursively, following symlinks; hidden entries (dot files
/// and dot directories: editor backups, `.git`) are skipped.
fn walk_directory(root: &Path, found: &mut FoundFiles) {
    let number = found.add_root(root);
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if entry.file_type().is_file() => {
                found.push_under(number, root, entry.into_path());
            }
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

        let found: Vec<_> = discover(&[root.clone(), single.clone()])
            .into_iter()
            .collect();
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
        let found: Vec<_> = discover(&[dir.path().join("nope")]).iter().collect();
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

        let found: Vec<_> = discover(std::slice::from_ref(&root)).iter().collect();
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
        let found: Vec<_> = discover(std::slice::from_ref(&root)).iter().collect();
        assert_eq!(rels(&found), ["link.html"]);
    }

    #[test]
    fn files_under_a_directory_share_one_string_of_names() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("crawl");
        fs::create_dir_all(root.join("sub")).unwrap();
        for name in ["b.html", "a.html", "sub/c.html"] {
            fs::write(root.join(name), b"x").unwrap();
        }
        let found = discover(std::slice::from_ref(&root));
        assert_eq!(found.names, "a.htmlb.htmlsub/c.html");
        assert!(found.whole.is_empty());
        let third = found.get(2).unwrap().unwrap();
        assert_eq!(third.path, root.join("sub/c.html"));
        assert_eq!(third.rel, "sub/c.html");
        assert!(found.get(3).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_kept_whole_with_its_exact_path() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9.html");
        let path = dir.path().join(name);
        if fs::write(&path, b"x").is_err() {
            return; // a file system that refuses such names has none to list
        }
        let found = discover(&[dir.path().to_path_buf()]);
        assert_eq!(found.whole.len(), 1);
        let file = found.get(0).unwrap().unwrap();
        assert_eq!(file.path, path);
        assert_eq!(file.rel, "caf\u{fffd}.html");
    }

    #[test]
    fn a_list_built_from_whole_entries_gives_them_back_in_order() {
        let file = InputFile {
            path: PathBuf::from("x/a.html"),
            rel: "a.html".to_owned(),
        };
        let reject = io_reject("gone", "missing".to_owned());
        let found: FoundFiles = [Ok(file.clone()), Err(reject.clone())]
            .into_iter()
            .collect();
        assert_eq!(found.len(), 2);
        let back: Vec<_> = found.into_iter().collect();
        assert_eq!(back, [Ok(file), Err(reject)]);
    }
}
