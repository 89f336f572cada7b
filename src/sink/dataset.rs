//! The dataset of one run in its output folder, whatever the format:
//! article files rotated every `rows_per_file` rows, rejects, checkpoints
//! in the progress manifest, and the resume of an interrupted run. The
//! formats ([`super::parquet`], [`super::jsonl`]) only write rows into the
//! files this module names and publishes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::files::{self, article_path, rejects_part_path, rejects_path};
use super::progress::{FileEntry, InputLedger, MANIFEST_VERSION, Manifest, Position};
use super::{SinkError, SinkOptions, SinkSummary, jsonl, parquet};
use crate::config::OutputFormat;
use crate::record::{Record, Reject};

/// What a format does with rows: the files it writes are opened and
/// published by the [`DatasetWriter`], which decides their names.
pub(super) trait RowFiles {
    /// Adds an article row to the article file to be published at `path`
    /// (opened by its first row).
    fn write_article(&mut self, record: &Record, path: &Path) -> Result<(), SinkError>;
    /// Publishes the article file being filled; None when it holds no row.
    fn publish_articles(&mut self) -> Result<Option<PathBuf>, SinkError>;
    /// Adds a reject row.
    fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError>;
    /// Publishes the reject rows written since the last call (possibly
    /// none) as the file `path`; later rows start a new file.
    fn publish_rejects(&mut self, path: &Path) -> Result<(), SinkError>;
    /// Appends the rows of a published rejects part to the rejects being
    /// written.
    fn append_rejects(&mut self, part: &Path) -> Result<(), SinkError>;
}

/// Writes article and reject rows into an output folder.
pub struct DatasetWriter {
    dir: PathBuf,
    extension: &'static str,
    rows_per_file: u64,
    rows: Box<dyn RowFiles + Send>,
    ledger: InputLedger,
    /// The run's identity recorded in the manifest (the files' metadata).
    run: BTreeMap<String, String>,
    /// Rows given to the article file being filled.
    shard_rows: u64,
    /// Reject rows written since the last rejects part.
    pending_rejects: u64,
    article_files: Vec<FileEntry>,
    reject_parts: Vec<FileEntry>,
    articles: u64,
    rejects: u64,
    /// Everything before it is written (see [`DatasetWriter::end_item`]).
    position: Position,
    /// An article file was published since the last checkpoint.
    checkpoint_due: bool,
    stale_files_removed: Vec<PathBuf>,
}

/// What [`DatasetWriter::resume`] found in the output folder.
pub enum Resumed {
    /// No progress was recorded: the run starts from the beginning.
    Fresh(DatasetWriter),
    /// The run goes on from this position.
    Continue(DatasetWriter, Position),
    /// The recorded run had finished; nothing is left to do.
    Finished(SinkSummary),
}

impl DatasetWriter {
    /// Creates `dir` (and its parents) and opens a new dataset in it. The
    /// progress manifest, rejects and numbered files of an earlier run in
    /// the folder are removed first, so the folder only ever describes one
    /// run. Fails with [`SinkError::Io`] if the folder cannot be written.
    pub fn create(dir: &Path, options: SinkOptions) -> Result<Self, SinkError> {
        let mut writer = Self::open(dir, options)?;
        files::remove_previous(&files::manifest_path(dir))?;
        files::remove_previous(&rejects_path(dir, writer.extension))?;
        writer.stale_files_removed = files::remove_stale(dir, writer.extension, &[])?;
        Ok(writer)
    }

    /// Opens the dataset of an interrupted run in `dir` to go on where its
    /// manifest says it stopped. Refuses ([`SinkError::Resume`]) when the
    /// options or the inputs up to that point differ, or a listed file is
    /// missing or changed; removes the files published after the last
    /// checkpoint. Without a manifest, starts afresh as [`Self::create`].
    pub fn resume(dir: &Path, options: SinkOptions) -> Result<Resumed, SinkError> {
        let manifest = if dir.is_dir() {
            Manifest::load(dir)?
        } else {
            None
        };
        let Some(manifest) = manifest else {
            return Self::create(dir, options).map(Resumed::Fresh);
        };
        let mut writer = Self::open(dir, options)?;
        manifest.check_same_run(&writer.run)?;
        writer.ledger.check_unchanged(&manifest)?;
        let listed: Vec<PathBuf> = manifest
            .article_files
            .iter()
            .chain(&manifest.reject_parts)
            .map(|entry| check_listed_file(dir, entry))
            .collect::<Result<_, _>>()?;
        if manifest.finished {
            return writer.finished_summary(manifest).map(Resumed::Finished);
        }
        files::remove_previous(&rejects_path(dir, writer.extension))?;
        writer.stale_files_removed = files::remove_stale(dir, writer.extension, &listed)?;
        let from = manifest.position;
        writer.position = from;
        writer.articles = manifest.articles;
        writer.rejects = manifest.rejects;
        writer.article_files = manifest.article_files;
        writer.reject_parts = manifest.reject_parts;
        Ok(Resumed::Continue(writer, from))
    }

    /// Validates the options, makes the folder and opens the format's rows.
    fn open(dir: &Path, options: SinkOptions) -> Result<Self, SinkError> {
        if options.rows_per_file == 0 {
            return Err(SinkError::InvalidOptions(
                "rows per file must be at least 1".into(),
            ));
        }
        files::create_dir(dir)?;
        let (extension, rows): (_, Box<dyn RowFiles + Send>) = match options.format {
            OutputFormat::Parquet => (
                parquet::EXTENSION,
                Box::new(parquet::ParquetRows::create(dir, &options)?),
            ),
            OutputFormat::Jsonl => (
                jsonl::EXTENSION,
                Box::new(jsonl::JsonlRows::create(dir, &options)?),
            ),
        };
        Ok(DatasetWriter {
            dir: dir.to_path_buf(),
            extension,
            rows_per_file: options.rows_per_file as u64,
            rows,
            ledger: InputLedger::new(options.inputs),
            run: options.metadata.into_iter().collect(),
            shard_rows: 0,
            pending_rejects: 0,
            article_files: Vec::new(),
            reject_parts: Vec::new(),
            articles: 0,
            rejects: 0,
            position: Position::default(),
            checkpoint_due: false,
            stale_files_removed: Vec::new(),
        })
    }

    /// Adds one article row; publishes the article file when it is full.
    pub fn write_article(&mut self, record: &Record) -> Result<(), SinkError> {
        let path = article_path(&self.dir, self.article_files.len(), self.extension);
        self.rows.write_article(record, &path)?;
        self.shard_rows += 1;
        self.articles += 1;
        if self.shard_rows >= self.rows_per_file {
            self.publish_articles()?;
            self.checkpoint_due = true;
        }
        Ok(())
    }

    /// Adds one reject row.
    pub fn write_reject(&mut self, reject: &Reject) -> Result<(), SinkError> {
        self.rows.write_reject(reject)?;
        self.pending_rejects += 1;
        self.rejects += 1;
        Ok(())
    }

    /// Tells the writer that every record before `at` has been written
    /// (called after each input record, row or not). When an article file
    /// was published since the last checkpoint, makes one: the rejects so
    /// far are published as a part and the manifest records `at`.
    pub fn end_item(&mut self, at: Position) -> Result<(), SinkError> {
        self.position = at;
        if self.checkpoint_due {
            if let Some(last) = self.article_files.last_mut() {
                last.ends_at = at;
            }
            self.checkpoint()?;
        }
        Ok(())
    }

    /// Stops the run cleanly: publishes the article rows written so far
    /// (a file shorter than `rows_per_file`) and the rejects as a part, and
    /// records the position, so `--resume` loses nothing.
    pub fn interrupt(mut self) -> Result<SinkSummary, SinkError> {
        self.publish_articles()?;
        self.checkpoint()?;
        Ok(self.summary(None))
    }

    /// Writes what is buffered and publishes every file: the last article
    /// file, then the rejects file (the parts merged in order), published
    /// last, then the manifest marked finished. Dropping the writer without
    /// calling this publishes nothing more and removes its temporary files.
    pub fn finish(mut self) -> Result<SinkSummary, SinkError> {
        self.publish_articles()?;
        let keep: Vec<PathBuf> = self.listed_paths().collect();
        let stale = files::remove_stale(&self.dir, self.extension, &keep)?;
        self.stale_files_removed.extend(stale);
        let rejects_file = rejects_path(&self.dir, self.extension);
        if !self.reject_parts.is_empty() {
            self.publish_reject_part()?;
            for part in &self.reject_parts {
                self.rows.append_rejects(&self.dir.join(&part.name))?;
            }
        }
        self.rows.publish_rejects(&rejects_file)?;
        files::sync_dir(&self.dir)?;
        let parts = std::mem::take(&mut self.reject_parts);
        self.manifest(true).save(&self.dir)?;
        for part in parts {
            files::remove_previous(&self.dir.join(part.name))?;
        }
        Ok(self.summary(Some(rejects_file)))
    }

    /// Publishes the article file being filled, if it holds rows.
    fn publish_articles(&mut self) -> Result<(), SinkError> {
        if let Some(path) = self.rows.publish_articles()? {
            let entry = self.entry(&path, self.shard_rows)?;
            self.article_files.push(entry);
        }
        self.shard_rows = 0;
        Ok(())
    }

    /// Publishes the rejects since the last part as the next part.
    fn publish_reject_part(&mut self) -> Result<(), SinkError> {
        if self.pending_rejects == 0 {
            return Ok(());
        }
        let path = rejects_part_path(&self.dir, self.reject_parts.len(), self.extension);
        self.rows.publish_rejects(&path)?;
        let entry = self.entry(&path, self.pending_rejects)?;
        self.reject_parts.push(entry);
        self.pending_rejects = 0;
        Ok(())
    }

    /// Makes everything written so far durable and records it. The folder
    /// is synced before the manifest is written, so a manifest that
    /// survives a power loss never lists a file that did not.
    fn checkpoint(&mut self) -> Result<(), SinkError> {
        self.publish_reject_part()?;
        files::sync_dir(&self.dir)?;
        self.manifest(false).save(&self.dir)?;
        self.checkpoint_due = false;
        Ok(())
    }

    /// The manifest entry of a file just published.
    fn entry(&self, path: &Path, rows: u64) -> Result<FileEntry, SinkError> {
        Ok(FileEntry {
            name: file_name(path),
            rows,
            bytes: files::size_of(path)?,
            ends_at: self.position,
        })
    }

    /// The manifest of the files published so far.
    fn manifest(&mut self, finished: bool) -> Manifest {
        let at = self.position;
        Manifest {
            manifest_version: MANIFEST_VERSION,
            decant_version: env!("CARGO_PKG_VERSION").to_string(),
            run: self.run.clone(),
            finished,
            position: at,
            inputs_digest: self.ledger.digest_before(at.inputs_done),
            current_input: self.ledger.current_input(at),
            articles: self.articles,
            rejects: self.rejects,
            article_files: self.article_files.clone(),
            reject_parts: self.reject_parts.clone(),
        }
    }

    /// The paths of the files the manifest lists.
    fn listed_paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.article_files
            .iter()
            .chain(&self.reject_parts)
            .map(|entry| self.dir.join(&entry.name))
    }

    /// What the writer produced.
    fn summary(&self, rejects_file: Option<PathBuf>) -> SinkSummary {
        SinkSummary {
            article_files: self
                .article_files
                .iter()
                .map(|entry| self.dir.join(&entry.name))
                .collect(),
            rejects_file,
            articles: self.articles,
            rejects: self.rejects,
            stale_files_removed: self.stale_files_removed.clone(),
        }
    }

    /// The summary of a finished run found on resume; its rejects file
    /// must be there. Parts left by a stop just after finishing are removed.
    fn finished_summary(mut self, manifest: Manifest) -> Result<SinkSummary, SinkError> {
        let rejects_file = rejects_path(&self.dir, self.extension);
        if !rejects_file.is_file() {
            return Err(SinkError::Resume(format!(
                "the progress manifest says the run finished, but {} is missing",
                rejects_file.display()
            )));
        }
        self.articles = manifest.articles;
        self.rejects = manifest.rejects;
        self.article_files = manifest.article_files;
        let keep: Vec<PathBuf> = self.listed_paths().collect();
        self.stale_files_removed = files::remove_stale(&self.dir, self.extension, &keep)?;
        Ok(self.summary(Some(rejects_file)))
    }
}

/// Checks that a file the manifest lists is there with its size; returns
/// its path.
fn check_listed_file(dir: &Path, entry: &FileEntry) -> Result<PathBuf, SinkError> {
    let path = dir.join(&entry.name);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).ok();
    if bytes != Some(entry.bytes) || entry.name.contains(['/', '\\']) {
        return Err(SinkError::Resume(format!(
            "{}, listed in the progress manifest, is missing or was changed",
            path.display()
        )));
    }
    Ok(path)
}

/// The file name of a path inside the output folder.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
