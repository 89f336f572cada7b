//! Names of the output files and their publishing: every file is written
//! under a hidden temporary name in the output folder and renamed to its
//! final name only once complete, so an interrupted run never leaves a file
//! that looks finished.

use std::fs::{self, File};
use std::io;
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

/// Makes the output folder (and its parents).
pub fn create_dir(dir: &Path) -> Result<(), SinkError> {
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

/// Removes article files of this `extension` left in `dir` by an earlier
/// run that are not among `written` (an earlier run with more files would
/// otherwise add its stale rows to a `DIR/*.parquet` glob), and their
/// temporary files. Returns the paths removed.
pub fn remove_stale_articles(
    dir: &Path,
    extension: &str,
    written: &[PathBuf],
) -> Result<Vec<PathBuf>, SinkError> {
    let entries = fs::read_dir(dir).map_err(io_error(dir))?;
    let mut removed = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io_error(dir))?;
        let path = entry.path();
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_stale = is_article_file_name(name, extension) && !written.contains(&path);
        if is_stale || is_article_temp_name(name, extension) {
            fs::remove_file(&path).map_err(io_error(&path))?;
            removed.push(path);
        }
    }
    removed.sort();
    Ok(removed)
}

/// `articles-NNNNN.EXT`, the name of an article file.
fn is_article_file_name(name: &str, extension: &str) -> bool {
    let Some(rest) = name.strip_prefix(ARTICLES_PREFIX) else {
        return false;
    };
    let Some(index) = rest
        .strip_suffix(extension)
        .and_then(|r| r.strip_suffix('.'))
    else {
        return false;
    };
    index.len() >= INDEX_DIGITS && index.bytes().all(|b| b.is_ascii_digit())
}

/// `.articles-NNNNN.EXT.tmp`, the temporary name of an article file.
fn is_article_temp_name(name: &str, extension: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|n| is_article_file_name(n, extension))
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
    fn only_article_files_of_the_format_count_as_stale() {
        assert!(is_article_file_name("articles-00012.parquet", "parquet"));
        assert!(is_article_file_name("articles-123456.parquet", "parquet"));
        assert!(!is_article_file_name("articles-00012.jsonl", "parquet"));
        assert!(!is_article_file_name("articles-12.parquet", "parquet"));
        assert!(!is_article_file_name("articles-0001x.parquet", "parquet"));
        assert!(!is_article_file_name("rejects.parquet", "parquet"));
        assert!(!is_article_file_name(
            "my-articles-00001.parquet",
            "parquet"
        ));
        assert!(is_article_temp_name(
            ".articles-00001.parquet.tmp",
            "parquet"
        ));
        assert!(!is_article_temp_name(".rejects.parquet.tmp", "parquet"));
    }
}
