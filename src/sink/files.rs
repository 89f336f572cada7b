//! Names of the output files and their publishing: every file is written
//! under a hidden temporary name in the output folder and renamed to its
//! final name only once complete, so an interrupted run never leaves a file
//! that looks finished.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::SinkError;

/// Prefix of the article files: `articles-00000.parquet`, ...
const ARTICLES_PREFIX: &str = "articles-";

/// Digits of an article file's index: five keep `ls` and globs in order up
/// to 100 000 files, i.e. 10^10 rows at the default rotation.
const INDEX_DIGITS: usize = 5;

/// Stem of the rejects file: `rejects.parquet` or `rejects.jsonl`.
const REJECTS_STEM: &str = "rejects";

/// Suffix of a file being written; it never matches `*.parquet` / `*.jsonl`.
const TEMP_SUFFIX: &str = ".tmp";

/// Final path of article file number `index`, e.g. `DIR/articles-00003.parquet`.
pub fn article_path(dir: &Path, index: usize, extension: &str) -> PathBuf {
    dir.join(format!(
        "{ARTICLES_PREFIX}{index:0width$}.{extension}",
        width = INDEX_DIGITS
    ))
}

/// Final path of the rejects file, e.g. `DIR/rejects.parquet`.
pub fn rejects_path(dir: &Path, extension: &str) -> PathBuf {
    dir.join(format!("{REJECTS_STEM}.{extension}"))
}

/// The hidden temporary path a file is written under before it is
/// published: `DIR/.NAME.tmp`, in the same folder so the rename is atomic.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{TEMP_SUFFIX}"))
}

/// Name of the progress manifest in the output folder (see [`super::progress`]).
const MANIFEST_NAME: &str = "decant-progress.json";

/// Suffix of a published part of the rejects file: `rejects-00000.parquet.part`.
/// Parts are merged into the rejects file when the run finishes; the suffix
/// keeps them out of `*.parquet` / `*.jsonl` globs meanwhile.
const PART_SUFFIX: &str = ".part";

/// Path of the progress manifest, `DIR/decant-progress.json`.
pub fn manifest_path(dir: &Path) -> PathBuf {
    dir.join(MANIFEST_NAME)
}

/// Path of rejects part number `index`, e.g. `DIR/rejects-00002.parquet.part`.
pub fn rejects_part_path(dir: &Path, index: usize, extension: &str) -> PathBuf {
    dir.join(format!(
        "{REJECTS_STEM}-{index:0width$}.{extension}{PART_SUFFIX}",
        width = INDEX_DIGITS
    ))
}

/// Makes the output folder (and its parents). A file in its place is
/// named as such, rather than by the system's "File exists".
pub fn create_dir(dir: &Path) -> Result<(), SinkError> {
    if dir.exists() && !dir.is_dir() {
        let source = io::Error::new(
            io::ErrorKind::NotADirectory,
            "it exists and is not a folder",
        );
        return Err(io_error(dir)(source));
    }
    fs::create_dir_all(dir).map_err(io_error(dir))
}

/// Creates (or truncates) the temporary file of `path`.
pub fn create_temp(path: &Path) -> Result<(PathBuf, File), SinkError> {
    let temp = temp_path(path);
    let file = File::create(&temp).map_err(io_error(&temp))?;
    Ok((temp, file))
}

/// Removes the file an earlier run published at `path`, if any. Used for
/// the rejects file, published last: its presence then always means the
/// last run into the folder finished.
pub fn remove_previous(path: &Path) -> Result<(), SinkError> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io_error(path)(e)),
        _ => Ok(()),
    }
}

/// Makes a complete temporary file durable and gives it its final name.
pub fn publish(file: File, temp: &Path, path: &Path) -> Result<(), SinkError> {
    file.sync_all().map_err(io_error(temp))?;
    drop(file);
    fs::rename(temp, path).map_err(io_error(path))
}

/// Removes an unfinished temporary file. Best effort: it is only called
/// when the run is already failing or abandoned, and a leftover `.tmp`
/// file is harmless (it matches no dataset glob).
pub fn discard_temp(temp: &Path) {
    let _ = fs::remove_file(temp);
}

/// Writes `bytes` to `path` atomically: a temporary file, synced, renamed.
/// A reader sees the old file or the new one, never a part of either.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SinkError> {
    let mut file = PendingFile::create(path, Ok)?;
    let temp = file.temp().to_path_buf();
    file.writer()?.write_all(bytes).map_err(io_error(&temp))?;
    file.publish(path, Ok)
}

/// Syncs a folder's entries (the renames into it), so files published in
/// it survive a power loss before anything that refers to them is written.
/// Not every platform or file system can open a folder for syncing; there
/// the renames are left to the system, still atomic, only not forced.
pub fn sync_dir(dir: &Path) -> Result<(), SinkError> {
    match File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if e.kind() != io::ErrorKind::PermissionDenied && cfg!(unix) => {
            Err(io_error(dir)(e))
        }
        _ => Ok(()),
    }
}

/// The byte size of a published file.
pub fn size_of(path: &Path) -> Result<u64, SinkError> {
    fs::metadata(path).map(|m| m.len()).map_err(io_error(path))
}

/// A file being written under its temporary name (`.NAME.tmp`) through a
/// writer `W` (a buffered file, an Arrow writer). [`PendingFile::publish`]
/// finishes the writer, syncs the file and renames it; a file dropped
/// unpublished (the run failed or stopped) is removed, so no partial file
/// ever carries a final name.
pub struct PendingFile<W> {
    /// None once published.
    writer: Option<W>,
    temp: PathBuf,
}

impl<W> PendingFile<W> {
    /// Creates the temporary file of `path` and wraps it in a writer.
    pub fn create(
        path: &Path,
        wrap: impl FnOnce(File) -> Result<W, SinkError>,
    ) -> Result<Self, SinkError> {
        let (temp, file) = create_temp(path)?;
        match wrap(file) {
            Ok(writer) => Ok(PendingFile {
                writer: Some(writer),
                temp,
            }),
            Err(e) => {
                discard_temp(&temp);
                Err(e)
            }
        }
    }

    /// The temporary path being written.
    pub fn temp(&self) -> &Path {
        &self.temp
    }

    /// The writer, or an error if the file was already published.
    pub fn writer(&mut self) -> Result<&mut W, SinkError> {
        self.writer.as_mut().ok_or_else(|| closed_error(&self.temp))
    }

    /// Finishes the writer into its file (`finish` writes what the format
    /// still holds: a Parquet footer, a buffer), syncs it and renames it to
    /// `path`. On failure the temporary file is removed.
    pub fn publish(
        mut self,
        path: &Path,
        finish: impl FnOnce(W) -> Result<File, SinkError>,
    ) -> Result<(), SinkError> {
        let Some(writer) = self.writer.take() else {
            return Err(closed_error(&self.temp));
        };
        let result = finish(writer).and_then(|file| publish(file, &self.temp, path));
        if result.is_err() {
            discard_temp(&self.temp);
        }
        result
    }
}

/// The error for a write to a file already published (a bug, not bad input).
fn closed_error(temp: &Path) -> SinkError {
    SinkError::Io {
        path: temp.to_path_buf(),
        source: io::Error::other("file already closed"),
    }
}

impl<W> Drop for PendingFile<W> {
    /// A file dropped unpublished leaves no temporary file behind.
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            discard_temp(&self.temp);
        }
    }
}

/// Removes the numbered files of this `extension` in `dir` that are not
/// among `keep`: article files (an earlier run with more files would
/// otherwise add its stale rows to an `articles-*` glob), rejects parts,
/// and the temporary files of both. Returns the paths removed, sorted.
pub fn remove_stale(
    dir: &Path,
    extension: &str,
    keep: &[PathBuf],
) -> Result<Vec<PathBuf>, SinkError> {
    let entries = fs::read_dir(dir).map_err(io_error(dir))?;
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io_error(dir))?;
        let path = entry.path();
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let numbered = is_numbered_name(name, extension);
        let is_stale = numbered && !keep.contains(&path);
        let is_temp = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
            .is_some_and(|n| is_numbered_name(n, extension));
        if is_stale || is_temp {
            fs::remove_file(&path).map_err(io_error(&path))?;
            removed.push(path);
        }
    }
    removed.sort();
    Ok(removed)
}

/// `articles-NNNNN.EXT` or `rejects-NNNNN.EXT.part`: a file of the
/// dataset numbered by the writer.
fn is_numbered_name(name: &str, extension: &str) -> bool {
    let numbered = |prefix: &str, suffix: &str| {
        name.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .and_then(|rest| rest.strip_suffix(extension))
            .and_then(|rest| rest.strip_suffix('.'))
            .is_some_and(|index| {
                index.len() >= INDEX_DIGITS && index.bytes().all(|b| b.is_ascii_digit())
            })
    };
    numbered(ARTICLES_PREFIX, "") || numbered(&format!("{REJECTS_STEM}-"), PART_SUFFIX)
}

/// Maps an IO error to a [`SinkError::Io`] naming `path`.
pub fn io_error(path: &Path) -> impl FnOnce(io::Error) -> SinkError + '_ {
    move |source| SinkError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_numbered_and_temporaries_hidden() {
        let dir = Path::new("/out");
        let path = article_path(dir, 3, "parquet");
        assert_eq!(path, Path::new("/out/articles-00003.parquet"));
        assert_eq!(
            temp_path(&path),
            Path::new("/out/.articles-00003.parquet.tmp")
        );
        assert_eq!(rejects_path(dir, "jsonl"), Path::new("/out/rejects.jsonl"));
    }

    #[test]
    fn only_numbered_files_of_the_format_count_as_stale() {
        assert!(is_numbered_name("articles-00012.parquet", "parquet"));
        assert!(is_numbered_name("articles-123456.parquet", "parquet"));
        assert!(is_numbered_name("rejects-00003.parquet.part", "parquet"));
        assert!(!is_numbered_name("rejects-00003.parquet", "parquet"));
        assert!(!is_numbered_name("rejects-00003.jsonl.part", "parquet"));
        assert!(!is_numbered_name("articles-00012.jsonl", "parquet"));
        assert!(!is_numbered_name("articles-12.parquet", "parquet"));
        assert!(!is_numbered_name("articles-0001x.parquet", "parquet"));
        assert!(!is_numbered_name("rejects.parquet", "parquet"));
        assert!(!is_numbered_name("my-articles-00001.parquet", "parquet"));
    }

    #[test]
    fn stale_files_and_temporaries_are_removed_and_kept_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "articles-00000.parquet",
            "articles-00001.parquet",
            ".articles-00002.parquet.tmp",
            "rejects-00000.parquet.part",
            "rejects-00001.parquet.part",
            ".rejects-00002.parquet.part.tmp",
            ".rejects.parquet.tmp",
            "rejects.parquet",
            "notes.parquet",
        ];
        for name in names {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        let keep = [
            dir.path().join("articles-00000.parquet"),
            dir.path().join("rejects-00000.parquet.part"),
        ];
        let removed = remove_stale(dir.path(), "parquet", &keep).unwrap();
        let removed: Vec<_> = removed
            .iter()
            .filter_map(|p| p.file_name()?.to_str())
            .collect();
        assert_eq!(
            removed,
            vec![
                ".articles-00002.parquet.tmp",
                ".rejects-00002.parquet.part.tmp",
                "articles-00001.parquet",
                "rejects-00001.parquet.part",
            ]
        );
        assert!(dir.path().join(".rejects.parquet.tmp").exists());
        assert!(dir.path().join("rejects.parquet").exists());
    }

    #[test]
    fn a_dropped_pending_file_leaves_nothing_and_a_published_one_is_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("articles-00000.jsonl");
        let mut dropped = PendingFile::create(&path, Ok).unwrap();
        dropped.writer().unwrap().write_all(b"partial").unwrap();
        let temp = dropped.temp().to_path_buf();
        assert!(temp.exists());
        drop(dropped);
        assert!(!temp.exists() && !path.exists());

        let mut file = PendingFile::create(&path, Ok).unwrap();
        file.writer().unwrap().write_all(b"whole\n").unwrap();
        assert!(!path.exists(), "not published before it is complete");
        file.publish(&path, Ok).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"whole\n");
        assert!(!temp.exists());
    }

    #[test]
    fn write_atomic_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = manifest_path(dir.path());
        write_atomic(&path, b"first, longer content").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert!(!temp_path(&path).exists());
    }
}
