//! The streaming parallel pipeline: a reader thread turns inputs into
//! bounded chunks of raw pages; each chunk is extracted on rayon's pool
//! (decode → extract → record, one task per page, panics contained); the
//! results are written in input order. Memory is bounded by the chunk
//! budget whatever the corpus size, and the output does not depend on the
//! number of threads.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use thiserror::Error;

use crate::bench::{self, Stage, StageTimes};
use crate::config::Config;
use crate::error::{PageError, RejectReason};
use crate::extract::{Extracted, PageContext, extract_html, extract_text};
use crate::input::decode::{decode_page, looks_binary};
use crate::input::{ContentKind, InputItem, RawPage, discover, read_file};
use crate::record::{Record, Reject, content_hash, word_count};
use crate::sink::{DatasetWriter, SinkError, SinkOptions, SinkSummary};

/// How many chunks may wait between the reader thread and the workers.
/// One is enough to keep the workers fed while bounding memory to about
/// three chunks (one being read, one waiting, one being extracted).
const CHUNKS_IN_FLIGHT: usize = 1;

/// A fatal failure of a run (per-page failures are rejects, not errors).
#[derive(Debug, Error)]
pub enum RunError {
    #[error(transparent)]
    Sink(#[from] SinkError),
    #[error("cannot start {threads} worker threads: {message}")]
    ThreadPool { threads: usize, message: String },
    #[error("the input reader thread could not start or stopped unexpectedly")]
    Reader,
}

/// Counts of a run, printed at the end and written by `--stats`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RunStats {
    /// Input files found.
    pub files: u64,
    /// Pages read: always `articles + rejects`.
    pub pages_read: u64,
    pub articles: u64,
    pub rejects: u64,
    /// Rejects by reason (the `reason` column of the rejects file).
    pub rejects_by_reason: BTreeMap<String, u64>,
    /// Records that are not pages (WARC requests, non-HTML responses...).
    pub skipped_records: u64,
    pub skipped_by_kind: BTreeMap<String, u64>,
    /// Bytes of the pages read (after decompression).
    pub bytes: u64,
    pub seconds: f64,
    /// Worker threads used.
    pub threads: usize,
    /// Time per stage summed over pages, when the run was timed
    /// (`Config::time_stages`, as `decant bench` does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage_times: Option<StageTimes>,
}

impl RunStats {
    pub fn megabytes(&self) -> f64 {
        self.bytes as f64 / 1_000_000.0
    }

    pub fn pages_per_second(&self) -> f64 {
        per_second(self.pages_read as f64, self.seconds)
    }

    pub fn megabytes_per_second(&self) -> f64 {
        per_second(self.megabytes(), self.seconds)
    }

    fn count_reject(&mut self, reason: RejectReason) {
        self.rejects += 1;
        self.pages_read += 1;
        *self
            .rejects_by_reason
            .entry(reason.as_str().to_string())
            .or_default() += 1;
    }

    /// One line for humans: pages, articles, rejects by reason, speed.
    pub fn summary_line(&self) -> String {
        let reasons = self
            .rejects_by_reason
            .iter()
            .map(|(reason, n)| format!("{reason} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rejects = if reasons.is_empty() {
            format!("{} rejects", self.rejects)
        } else {
            format!("{} rejects ({reasons})", self.rejects)
        };
        let skipped = if self.skipped_records > 0 {
            format!(", {} non-page records skipped", self.skipped_records)
        } else {
            String::new()
        };
        format!(
            "{} pages read: {} articles, {rejects}{skipped}; {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} pages/s, {} threads)",
            self.pages_read,
            self.articles,
            self.megabytes(),
            self.seconds,
            self.megabytes_per_second(),
            self.pages_per_second(),
            self.threads,
        )
    }
}

fn per_second(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 { amount / seconds } else { 0.0 }
}

/// Receives the running counts after each chunk (the CLI's progress bar).
pub trait Observer {
    fn update(&mut self, _stats: &RunStats) {}
}

/// An observer that ignores everything.
pub struct Silent;
impl Observer for Silent {}

/// What a finished `extract` run produced.
#[derive(Clone, Debug)]
pub struct RunSummary {
    pub stats: RunStats,
    pub output: SinkSummary,
}

/// The outcome of one input item after extraction.
enum Outcome {
    Article(Box<Record>),
    Reject(Reject),
    Skipped(String),
}

/// Runs the whole pipeline from `inputs` into the dataset folder `out_dir`.
pub fn run_extract(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &Config,
    observer: &mut dyn Observer,
) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let pool = build_pool(config.threads)?;
    let mut metadata = vec![("decant.inputs".to_string(), describe_inputs(inputs))];
    metadata.extend(
        config
            .describe()
            .into_iter()
            .map(|(k, v)| (format!("decant.option.{k}"), v)),
    );
    let mut writer = DatasetWriter::create(
        out_dir,
        SinkOptions {
            format: config.format,
            rows_per_file: config.rows_per_file,
            keep_removed: config.keep_removed,
            metadata,
        },
    )?;
    let mut stats = RunStats {
        threads: pool.current_num_threads(),
        stage_times: config.time_stages.then(StageTimes::default),
        ..RunStats::default()
    };
    let (chunks, reader) = spawn_reader(inputs.to_vec(), config.clone())?;
    for chunk in chunks {
        match chunk {
            Chunk::FilesFound(n) => stats.files = n,
            Chunk::Items(items) => {
                let outcomes = pool.install(|| {
                    items
                        .into_par_iter()
                        .map(|item| process_item(item, config))
                        .collect::<Vec<_>>()
                });
                bench::start_clock(config);
                for (outcome, bytes, times) in outcomes {
                    stats.bytes += bytes;
                    if let Some(sum) = stats.stage_times.as_mut() {
                        sum.merge(&times);
                    }
                    match outcome {
                        Outcome::Article(record) => {
                            writer.write_article(&record)?;
                            stats.articles += 1;
                            stats.pages_read += 1;
                        }
                        Outcome::Reject(reject) => {
                            writer.write_reject(&reject)?;
                            stats.count_reject(reject.reason);
                        }
                        Outcome::Skipped(what) => {
                            stats.skipped_records += 1;
                            *stats.skipped_by_kind.entry(what).or_default() += 1;
                        }
                    }
                }
                bench::tick(config, Stage::Write);
                if let Some(sum) = stats.stage_times.as_mut() {
                    sum.merge(&bench::take_stage_times());
                }
                stats.seconds = started.elapsed().as_secs_f64();
                observer.update(&stats);
            }
        }
    }
    reader.join().map_err(|_| RunError::Reader)?;
    bench::start_clock(config);
    let output = writer.finish()?;
    bench::tick(config, Stage::Write);
    if let Some(sum) = stats.stage_times.as_mut() {
        sum.merge(&bench::take_stage_times());
    }
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(RunSummary { stats, output })
}

fn describe_inputs(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds the worker pool; 0 threads means one per core.
pub fn build_pool(threads: usize) -> Result<rayon::ThreadPool, RunError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("decant-worker-{i}"))
        .build()
        .map_err(|e| RunError::ThreadPool {
            threads,
            message: e.to_string(),
        })
}

/// A message from the reader thread.
pub(crate) enum Chunk {
    FilesFound(u64),
    Items(Vec<InputItem>),
}

/// Starts the reader thread. It sends the input items in order, in chunks
/// bounded by `config.chunk_pages` and `config.chunk_bytes`.
pub(crate) fn spawn_reader(
    inputs: Vec<PathBuf>,
    config: Config,
) -> Result<(Receiver<Chunk>, std::thread::JoinHandle<()>), RunError> {
    let (sender, receiver) = sync_channel(CHUNKS_IN_FLIGHT);
    let handle = std::thread::Builder::new()
        .name("decant-reader".into())
        .spawn(move || {
            let found = discover(&inputs);
            if sender.send(Chunk::FilesFound(found.len() as u64)).is_err() {
                return;
            }
            let mut chunk = Vec::new();
            let mut chunk_bytes = 0usize;
            for entry in found {
                let items: Box<dyn Iterator<Item = InputItem> + Send> = match entry {
                    Ok(file) => read_file(&file, &config),
                    Err(reject) => Box::new(std::iter::once(InputItem::Reject(reject))),
                };
                for item in items {
                    if let InputItem::Page(page) = &item {
                        chunk_bytes += page.bytes.len();
                    }
                    chunk.push(item);
                    if chunk.len() >= config.chunk_pages || chunk_bytes >= config.chunk_bytes {
                        let full = std::mem::take(&mut chunk);
                        chunk_bytes = 0;
                        if sender.send(Chunk::Items(full)).is_err() {
                            return;
                        }
                    }
                }
            }
            if !chunk.is_empty() {
                let _ = sender.send(Chunk::Items(chunk));
            }
        })
        .map_err(|_| RunError::Reader)?;
    Ok((receiver, handle))
}

/// Extracts one input item; returns the outcome, the page's byte count
/// and its stage times (zero unless the run is timed).
fn process_item(item: InputItem, config: &Config) -> (Outcome, u64, StageTimes) {
    bench::start_clock(config);
    let (outcome, bytes) = match item {
        InputItem::Page(page) => {
            let bytes = page.bytes.len() as u64;
            let outcome = match process_page(page, config) {
                Ok(record) => Outcome::Article(Box::new(record)),
                Err(reject) => Outcome::Reject(reject),
            };
            (outcome, bytes)
        }
        InputItem::Reject(reject) => (Outcome::Reject(reject), 0),
        InputItem::Skipped { what, .. } => (Outcome::Skipped(what), 0),
    };
    let times = if config.time_stages {
        bench::take_stage_times()
    } else {
        StageTimes::default()
    };
    (outcome, bytes, times)
}

/// Decodes and extracts one page into a record, or a reject with its
/// reason. A panic inside extraction becomes a `panic` reject.
pub fn process_page(page: RawPage, config: &Config) -> Result<Record, Reject> {
    let reject = |reason: RejectReason, detail: String, page: &RawPage| Reject {
        id: page.id.clone(),
        source: page.source.clone(),
        url: page.url.clone(),
        reason,
        detail,
    };
    let mut page = page;
    let bytes = std::mem::take(&mut page.bytes);
    let result = catch_unwind(AssertUnwindSafe(|| extract_page(bytes, &page, config)));
    match result {
        Ok(Ok((extracted, encoding))) => {
            let record = build_record(page, extracted, encoding, config);
            bench::tick(config, Stage::Record);
            Ok(record)
        }
        Ok(Err(error)) => Err(reject(error.reason(), error.to_string(), &page)),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(reject(RejectReason::Panic, message, &page))
        }
    }
}

/// Decodes a page's `bytes` by its kind (taking ownership, so valid UTF-8
/// is not copied) and runs the matching extractor. `page` gives the
/// context (URL, fetch date, charset hint, kind); its own `bytes` are not read.
pub fn extract_page(
    bytes: Vec<u8>,
    page: &RawPage,
    config: &Config,
) -> Result<(Extracted, String), PageError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(PageError::Empty);
    }
    if bytes.len() > config.max_page_bytes {
        return Err(PageError::TooLarge {
            size: bytes.len(),
            limit: config.max_page_bytes,
        });
    }
    if looks_binary(&bytes) {
        return Err(PageError::NotHtml("binary data".to_string()));
    }
    let ctx = PageContext {
        url: page.url.clone(),
        fetched_at: page.fetched_at,
    };
    let decoded = decode_page(bytes, page.charset_hint.as_deref(), page.kind);
    bench::tick(config, Stage::Decode);
    let extracted = match page.kind {
        ContentKind::Html => extract_html(&decoded.text, &ctx, config)?,
        ContentKind::Text => extract_text(&decoded.text, &ctx, config)?,
    };
    Ok((extracted, decoded.encoding.name().to_string()))
}

/// Builds the output row of an extracted page.
pub fn build_record(
    page: RawPage,
    extracted: Extracted,
    encoding: String,
    config: &Config,
) -> Record {
    let Extracted {
        metadata,
        text,
        removed,
        quotes,
    } = extracted;
    let url = page.url.or_else(|| metadata.canonical_url.clone());
    Record {
        id: page.id,
        source: page.source,
        url,
        fetched_at: page.fetched_at,
        title: metadata.title,
        site_name: metadata.site_name,
        description: metadata.description,
        language: metadata.language,
        authors: metadata.authors,
        tags: metadata.tags,
        date_published: metadata.date_published,
        date_modified: metadata.date_modified,
        date_source: metadata.date_source,
        canonical_url: metadata.canonical_url,
        image_url: metadata.image_url,
        word_count: word_count(&text),
        content_hash: content_hash(&text),
        text,
        quotes,
        removed: config.keep_removed.then_some(removed),
        encoding: Some(encoding),
    }
}
