//! The progress manifest of a run, `DIR/decant-progress.json`: how far the
//! run's published files reach in its inputs, so that `--resume` can go on
//! from there and produce the same rows as an uninterrupted run.
//!
//! The run's inputs are the files found under its INPUT arguments, in
//! sorted order, each read as a sequence of records (a page, a reject, a
//! skipped WARC record). A [`Position`] counts the inputs fully written
//! plus the records written of the next one. The manifest is rewritten
//! atomically (temporary file, sync, rename) at every checkpoint: when an
//! article file is published (rotation), when the run is interrupted, and
//! when it finishes. It names each published file with its rows and the
//! position its last row came from, and is the only truth on resume: a
//! published file it does not list (a crash between publishing and the
//! manifest) is removed and written again.
//!
//! The format (`manifest_version` 1):
//!
//! ```json
//! {
//!   "manifest_version": 1,
//!   "decant_version": "0.1.0",
//!   "run": {"decant.inputs": "crawl", "decant.option.format": "parquet", "...": "..."},
//!   "finished": false,
//!   "position": {"inputs_done": 12, "records_done": 40},
//!   "inputs_digest": "<blake3 of the names and sizes of the inputs up to the position>",
//!   "current_input": "crawl/013.warc.gz\t5120000",
//!   "articles": 1200,
//!   "rejects": 57,
//!   "article_files": [{"name": "articles-00000.parquet", "rows": 100, "bytes": 81234,
//!                      "ends_at": {"inputs_done": 3, "records_done": 17}}],
//!   "reject_parts": [{"name": "rejects-00000.parquet.part", "rows": 20, "bytes": 4312,
//!                     "ends_at": {"inputs_done": 3, "records_done": 17}}]
//! }
//! ```
//!
//! `run` holds the key/value metadata of every output file (inputs as
//! given and every option that changes the output); resuming with other
//! values is refused, as is resuming when an input up to the position
//! changed (name or size). Rejects are written in parts at checkpoints and
//! merged into `rejects.EXT` when the run finishes.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use super::files;
use super::{InputIdentities, SinkError};

/// Version of the manifest format; a manifest of another version is not resumed.
pub const MANIFEST_VERSION: u32 = 1;

/// A point in the run's input stream: inputs `0..inputs_done` are wholly
/// written, and the first `records_done` records of input `inputs_done`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    pub inputs_done: usize,
    pub records_done: u64,
}

impl Position {
    /// The position just after record `record` (0-based) of input `input`.
    pub fn after(input: usize, record: u64) -> Self {
        Position {
            inputs_done: input,
            records_done: record.saturating_add(1),
        }
    }
}

/// One published file of the dataset, as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// The file name inside the output folder.
    pub name: String,
    pub rows: u64,
    /// Its size, checked on resume: a listed file that changed is refused.
    pub bytes: u64,
    /// The position just after the record of its last row.
    pub ends_at: Position,
}

/// The contents of `decant-progress.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub manifest_version: u32,
    pub decant_version: String,
    /// The run's identity: inputs as given and output-changing options.
    pub run: BTreeMap<String, String>,
    pub finished: bool,
    pub position: Position,
    /// Digest of the identities of inputs `0..position.inputs_done`.
    pub inputs_digest: String,
    /// Identity of input `position.inputs_done` when some of its records
    /// are written (`records_done > 0`).
    pub current_input: Option<String>,
    pub articles: u64,
    pub rejects: u64,
    pub article_files: Vec<FileEntry>,
    pub reject_parts: Vec<FileEntry>,
}

impl Manifest {
    /// Reads the manifest of `dir`; None when there is none.
    pub fn load(dir: &Path) -> Result<Option<Manifest>, SinkError> {
        let path = files::manifest_path(dir);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(files::io_error(&path)(e)),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| SinkError::Resume(format!("{} is not readable: {e}", path.display())))
    }

    /// Writes the manifest of `dir` atomically.
    pub fn save(&self, dir: &Path) -> Result<(), SinkError> {
        let path = files::manifest_path(dir);
        let mut json = serde_json::to_vec_pretty(self)
            .map_err(|e| files::io_error(&path)(std::io::Error::other(e)))?;
        json.push(b'\n');
        files::write_atomic(&path, &json)
    }

    /// Refuses a resume whose version or run identity differs from this
    /// manifest's, naming the first difference.
    pub fn check_same_run(&self, run: &BTreeMap<String, String>) -> Result<(), SinkError> {
        if self.manifest_version != MANIFEST_VERSION {
            return Err(SinkError::Resume(format!(
                "the progress manifest is of version {}, this decant writes version {MANIFEST_VERSION}",
                self.manifest_version
            )));
        }
        let version = env!("CARGO_PKG_VERSION");
        if self.decant_version != version {
            return Err(SinkError::Resume(format!(
                "the interrupted run was made by decant {}, this is decant {version}",
                self.decant_version
            )));
        }
        let keys = self.run.keys().chain(run.keys());
        for key in keys {
            let (before, now) = (self.run.get(key), run.get(key));
            if before != now {
                let show =
                    |v: Option<&String>| v.map_or("(none)".to_string(), |v| format!("{v:?}"));
                return Err(SinkError::Resume(format!(
                    "{key} was {} in the interrupted run and is {} now",
                    show(before),
                    show(now)
                )));
            }
        }
        Ok(())
    }
}

/// The identities of the run's inputs (name and size, made on demand) and
/// a running digest of those passed, for the manifest.
pub struct InputLedger {
    identities: Arc<dyn InputIdentities>,
    /// Boxed: the hasher is about 2 KB, and the ledger lives in the writer.
    hasher: Box<blake3::Hasher>,
    hashed: usize,
}

impl InputLedger {
    pub fn new(identities: Arc<dyn InputIdentities>) -> Self {
        InputLedger {
            identities,
            hasher: Box::new(blake3::Hasher::new()),
            hashed: 0,
        }
    }

    /// The digest of the identities of inputs `0..n`. Positions only move
    /// forward, so each identity is made and hashed once over the run; an
    /// `n` below what was already hashed (never the case in a run) is
    /// computed afresh.
    pub fn digest_before(&mut self, n: usize) -> String {
        let end = n.min(self.identities.count());
        if n < self.hashed {
            return digest((0..end).filter_map(|i| self.identities.identity(i)));
        }
        for index in self.hashed..end {
            if let Some(identity) = self.identities.identity(index) {
                absorb(&mut self.hasher, &identity);
            }
        }
        self.hashed = end.max(self.hashed);
        self.hasher.finalize().to_hex().to_string()
    }

    /// The identity of input `index`, if the run has one.
    pub fn identity(&self, index: usize) -> Option<String> {
        self.identities.identity(index)
    }

    /// The identity of the input the position is inside, when some of its
    /// records are written.
    pub fn current_input(&self, at: Position) -> Option<String> {
        (at.records_done > 0)
            .then(|| self.identity(at.inputs_done))
            .flatten()
    }

    /// Refuses a resume at `at` when the inputs up to it are not those the
    /// manifest recorded.
    pub fn check_unchanged(&mut self, manifest: &Manifest) -> Result<(), SinkError> {
        let at = manifest.position;
        if at.inputs_done > self.identities.count()
            || self.digest_before(at.inputs_done) != manifest.inputs_digest
        {
            return Err(SinkError::Resume(format!(
                "the first {} input files are not those of the interrupted run (a file was added, removed, renamed or changed size before the point reached)",
                at.inputs_done
            )));
        }
        let now = self.current_input(at);
        if now != manifest.current_input {
            return Err(SinkError::Resume(format!(
                "the input being read when the run stopped was {}, it is now {}",
                manifest.current_input.as_deref().unwrap_or("(none)"),
                now.as_deref().unwrap_or("(none)")
            )));
        }
        Ok(())
    }
}

/// The digest of a list of identities.
fn digest(identities: impl Iterator<Item = String>) -> String {
    let mut hasher = blake3::Hasher::new();
    for identity in identities {
        absorb(&mut hasher, &identity);
    }
    hasher.finalize().to_hex().to_string()
}

/// Hashes one identity, length first, so no two lists hash alike by
/// shifting bytes between neighbours.
fn absorb(hasher: &mut blake3::Hasher, identity: &str) {
    hasher.update(&(identity.len() as u64).to_le_bytes());
    hasher.update(identity.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    fn ledger_of(names: &[&str]) -> InputLedger {
        InputLedger::new(Arc::new(ids(names)))
    }

    fn manifest(ledger: &mut InputLedger, at: Position) -> Manifest {
        Manifest {
            manifest_version: MANIFEST_VERSION,
            decant_version: env!("CARGO_PKG_VERSION").into(),
            run: BTreeMap::from([("decant.option.format".into(), "parquet".into())]),
            finished: false,
            position: at,
            inputs_digest: ledger.digest_before(at.inputs_done),
            current_input: ledger.current_input(at),
            articles: 3,
            rejects: 1,
            article_files: Vec::new(),
            reject_parts: Vec::new(),
        }
    }

    #[test]
    fn the_running_digest_equals_a_fresh_one() {
        let names = ids(&["a.warc\t10", "b.warc\t20", "c.warc\t30"]);
        let mut running = InputLedger::new(Arc::new(names.clone()));
        let _ = running.digest_before(1);
        let after_two = running.digest_before(2);
        assert_eq!(after_two, digest(names.iter().take(2).cloned()));
        assert_eq!(
            running.digest_before(1),
            digest(names.iter().take(1).cloned())
        );
        assert_ne!(after_two, digest(names.iter().take(3).cloned()));
    }

    #[test]
    fn a_changed_input_before_the_position_is_refused() {
        let at = Position {
            inputs_done: 2,
            records_done: 5,
        };
        let mut before = ledger_of(&["a\t1", "b\t2", "c\t3", "d\t4"]);
        let saved = manifest(&mut before, at);
        assert_eq!(saved.current_input.as_deref(), Some("c\t3"));

        let mut same = ledger_of(&["a\t1", "b\t2", "c\t3", "e\t9"]);
        assert!(
            same.check_unchanged(&saved).is_ok(),
            "inputs after it may change"
        );
        let mut grown = ledger_of(&["a\t1", "b\t7", "c\t3", "d\t4"]);
        assert!(grown.check_unchanged(&saved).is_err());
        let mut current = ledger_of(&["a\t1", "b\t2", "c\t4", "d\t4"]);
        assert!(current.check_unchanged(&saved).is_err());
        let mut shorter = ledger_of(&["a\t1"]);
        assert!(shorter.check_unchanged(&saved).is_err());
    }

    #[test]
    fn other_options_or_versions_are_refused_naming_the_option() {
        let mut ledger = ledger_of(&["a\t1"]);
        let saved = manifest(&mut ledger, Position::default());
        assert!(saved.check_same_run(&saved.run.clone()).is_ok());
        let other = BTreeMap::from([("decant.option.format".into(), "jsonl".into())]);
        let error = saved.check_same_run(&other).unwrap_err().to_string();
        assert!(error.contains("decant.option.format"), "{error}");
        let older = Manifest {
            decant_version: "0.0.1".into(),
            ..saved.clone()
        };
        assert!(older.check_same_run(&saved.run).is_err());
    }

    #[test]
    fn the_manifest_round_trips_through_its_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap(), None);
        let mut ledger = ledger_of(&["a\t1", "b\t2"]);
        let saved = manifest(&mut ledger, Position::after(1, 0));
        saved.save(dir.path()).unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap(), Some(saved));
        std::fs::write(files::manifest_path(dir.path()), b"{ cut off").unwrap();
        assert!(matches!(
            Manifest::load(dir.path()),
            Err(SinkError::Resume(_))
        ));
    }
}
