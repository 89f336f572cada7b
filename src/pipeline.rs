//! The streaming parallel pipeline: a reader thread reads the inputs into
//! raw pages, worker threads extract them one page at a time (decode →
//! extract → record, panics contained), and the calling thread writes the
//! results in input order as they come ([`flow`]). Memory is bounded by
//! the in-flight budget whatever the corpus size, and the output does not
//! depend on the number of threads. Each item carries its [`Position`] in
//! the inputs, so the writer can record checkpoints and a run can be
//! resumed (`Config::resume`) or stopped cleanly between chunks
//! ([`Observer::should_stop`]).

mod flow;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;
use thiserror::Error;

use crate::bench::{self, Stage, StageTimes};
use crate::config::Config;
use crate::error::{PageError, RejectReason};
use crate::extract::{Extracted, PageContext, extract_html, extract_text};
use crate::input::decode::{decode_page, decode_page_borrowed, looks_binary};
use crate::input::{ContentKind, FoundFiles, InputFile, InputItem, RawPage, ReadItem, discover};
use crate::record::{Record, Reject, content_hash, word_count};
use crate::sink::{
    DatasetWriter, InputIdentities, Position, Resumed, SinkError, SinkOptions, SinkSummary,
};

pub use flow::FlowTimes;
pub(crate) use flow::{Finished, run_ordered};

/// A fatal failure of a run (per-page failures are rejects, not errors).
#[derive(Debug, Error)]
pub enum RunError {
    #[error(transparent)]
    Sink(#[from] SinkError),
    #[error("cannot start {threads} worker threads: {message}")]
    ThreadPool { threads: usize, message: String },
    #[error("the input reader thread could not start or stopped unexpectedly")]
    Reader,
    #[error("a worker thread stopped unexpectedly")]
    Worker,
    /// The observer asked the run to stop (Ctrl-C, SIGTERM). Everything
    /// written so far is published and recorded in the progress manifest.
    #[error(
        "interrupted after {articles} article and {rejects} reject rows; the files written are complete: run the same command with --resume to continue"
    )]
    Interrupted {
        articles: u64,
        rejects: u64,
        output: SinkSummary,
    },
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
    /// Where the threads spent their time, when the run was timed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<FlowTimes>,
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

/// Receives the running counts after each chunk (the CLI's progress bar),
/// and may ask the run to stop.
pub trait Observer {
    fn update(&mut self, _stats: &RunStats) {}
    /// Checked after each chunk is extracted and written: true stops the
    /// run cleanly with [`RunError::Interrupted`] (the pages read ahead are
    /// dropped; what was written is published and recorded for `--resume`).
    fn should_stop(&self) -> bool {
        false
    }
}

/// An observer that ignores everything.
pub struct Silent;
impl Observer for Silent {}

/// What a finished `extract` run produced.
#[derive(Clone, Debug)]
pub struct RunSummary {
    pub stats: RunStats,
    /// The whole dataset (with `--resume`, the interrupted run's files too).
    pub output: SinkSummary,
    /// With `--resume`: where the interrupted run had stopped (None when it
    /// had recorded no progress and the run started from the beginning).
    pub resumed_from: Option<Position>,
    /// With `--resume`: the recorded run had already finished; nothing was done.
    pub already_finished: bool,
}

/// The outcome of one input item after extraction.
enum Outcome {
    Article(Box<Record>),
    Reject(Reject),
    Skipped(String),
}

/// Runs the whole pipeline from `inputs` into the dataset folder `out_dir`
/// (with `config.resume`, going on with the run recorded there).
pub fn run_extract(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &Config,
    observer: &mut dyn Observer,
) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let found = Arc::new(discover(inputs));
    let (mut writer, start) = match open_writer(inputs, &found, out_dir, config)? {
        Opened::Writer(writer, start) => (writer, start),
        Opened::Finished(output) => {
            return Ok(RunSummary {
                stats: RunStats::default(),
                output,
                resumed_from: None,
                already_finished: true,
            });
        }
    };
    let mut stats = RunStats {
        threads: flow::worker_count(config.threads),
        files: found.len() as u64,
        stage_times: config.time_stages.then(StageTimes::default),
        ..RunStats::default()
    };
    // Items written since the observer last heard: the last chunk, when
    // it is not full, ends with the input.
    let mut unreported = false;
    let flow = flow::run_ordered(
        &*found,
        start.unwrap_or_default(),
        config,
        |item| process_item(item, config),
        |finished| {
            let ends_chunk = finished.ends_chunk;
            write_outcome(&mut writer, &mut stats, finished, config)?;
            unreported = !ends_chunk;
            if ends_chunk && report_progress(&mut stats, started, observer) {
                return Err(Halt::StopAsked);
            }
            Ok(())
        },
    );
    match flow {
        Ok(times) => stats.flow = config.time_stages.then_some(times),
        Err(Halt::StopAsked) => return Err(interrupt(writer)?),
        Err(Halt::Failed(error)) => return Err(error),
    }
    if unreported && report_progress(&mut stats, started, observer) {
        return Err(interrupt(writer)?);
    }
    bench::start_clock(config);
    let output = writer.finish()?;
    bench::tick(config, Stage::Write);
    if let Some(sum) = stats.stage_times.as_mut() {
        sum.merge(&bench::take_stage_times());
    }
    stats.seconds = started.elapsed().as_secs_f64();
    Ok(RunSummary {
        stats,
        output,
        resumed_from: start,
        already_finished: false,
    })
}

/// Why the writing side of a run stopped it early.
enum Halt {
    /// The observer asked the run to stop (Ctrl-C, SIGTERM).
    StopAsked,
    Failed(RunError),
}

impl From<RunError> for Halt {
    fn from(error: RunError) -> Self {
        Halt::Failed(error)
    }
}

impl From<SinkError> for Halt {
    fn from(error: SinkError) -> Self {
        Halt::Failed(error.into())
    }
}

/// Writes one extracted item, in input order, and counts it.
fn write_outcome(
    writer: &mut DatasetWriter,
    stats: &mut RunStats,
    finished: Finished<(Outcome, u64, StageTimes)>,
    config: &Config,
) -> Result<(), SinkError> {
    let (outcome, bytes, times) = finished.value;
    stats.bytes += bytes;
    if let Some(sum) = stats.stage_times.as_mut() {
        sum.merge(&times);
    }
    bench::start_clock(config);
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
    writer.end_item(finished.at)?;
    bench::tick(config, Stage::Write);
    Ok(())
}

/// At the end of a chunk: hands the running counts to the observer and
/// asks it whether to stop.
fn report_progress(stats: &mut RunStats, started: Instant, observer: &mut dyn Observer) -> bool {
    if let Some(sum) = stats.stage_times.as_mut() {
        sum.merge(&bench::take_stage_times());
    }
    stats.seconds = started.elapsed().as_secs_f64();
    observer.update(stats);
    observer.should_stop()
}

/// Stops the run cleanly: what was written is published and recorded.
fn interrupt(writer: DatasetWriter) -> Result<RunError, RunError> {
    let output = writer.interrupt()?;
    Ok(RunError::Interrupted {
        articles: output.articles,
        rejects: output.rejects,
        output,
    })
}

/// The dataset writer of a run, and where its input starts.
enum Opened {
    /// Write from this position (None: from the beginning, as a fresh run,
    /// or a resume that found no progress).
    Writer(DatasetWriter, Option<Position>),
    /// A resumed run that had already finished.
    Finished(SinkSummary),
}

/// Creates the dataset writer, or reopens the interrupted run's with
/// `config.resume`. The files' metadata (inputs as given, options) is the
/// run's identity; `found` gives the inputs' identities (path and size).
fn open_writer(
    inputs: &[PathBuf],
    found: &Arc<FoundFiles>,
    out_dir: &Path,
    config: &Config,
) -> Result<Opened, RunError> {
    let mut metadata = vec![("decant.inputs".to_string(), describe_inputs(inputs))];
    metadata.extend(
        config
            .describe()
            .into_iter()
            .map(|(k, v)| (format!("decant.option.{k}"), v)),
    );
    let options = SinkOptions {
        format: config.format,
        rows_per_file: config.rows_per_file,
        keep_removed: config.keep_removed,
        metadata,
        inputs: Arc::new(FoundIdentities(Arc::clone(found))),
    };
    if !config.resume {
        return Ok(Opened::Writer(
            DatasetWriter::create(out_dir, options)?,
            None,
        ));
    }
    Ok(match DatasetWriter::resume(out_dir, options)? {
        Resumed::Fresh(writer) => Opened::Writer(writer, None),
        Resumed::Continue(writer, at) => Opened::Writer(writer, Some(at)),
        Resumed::Finished(output) => Opened::Finished(output),
    })
}

/// The identities of the files found, made as the writer asks for them
/// (when a checkpoint passes a file, after it was read), so the run holds
/// no string per file.
#[derive(Debug)]
struct FoundIdentities(Arc<FoundFiles>);

impl InputIdentities for FoundIdentities {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn identity(&self, index: usize) -> Option<String> {
        self.0.get(index).map(|entry| input_identity(&entry))
    }
}

/// What identifies an input file across runs: its path as found and its
/// size (an unreadable one: its path and reject reason).
fn input_identity(entry: &Result<InputFile, Reject>) -> String {
    match entry {
        Ok(file) => {
            let size = std::fs::metadata(&file.path)
                .map(|m| m.len().to_string())
                .unwrap_or_else(|e| format!("unreadable: {}", e.kind()));
            format!("{}\t{size}", file.path.display())
        }
        Err(reject) => format!("{}\t{}", reject.source, reject.reason),
    }
}

fn describe_inputs(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds a rayon pool of `threads` workers (0: one per core), named
/// `decant-worker-N`: the pipeline's workers ([`flow`]), and the pool of
/// library users who extract pages of their own (the Python binding).
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

/// Extracts one input item; returns the outcome, the page's byte count
/// and its stage times (zero unless the run is timed).
fn process_item(item: ReadItem, config: &Config) -> (Outcome, u64, StageTimes) {
    bench::start_clock(config);
    let (outcome, bytes) = match item.ready() {
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
    let mut page = page;
    let bytes = std::mem::take(&mut page.bytes);
    process_with(page, config, |page| extract_page(bytes, page, config))
}

/// Like [`process_page`], but reads the page's bytes from `bytes`, borrowed
/// (a page held in an Arrow column): valid UTF-8 is not copied. `page`
/// gives the context; its own `bytes` are not read. Same result as
/// [`process_page`] on a page holding the same bytes.
pub fn process_page_borrowed(
    bytes: &[u8],
    page: RawPage,
    config: &Config,
) -> Result<Record, Reject> {
    process_with(page, config, |page| {
        extract_page_borrowed(bytes, page, config)
    })
}

/// Runs `extract` on `page` with panics contained, and turns its outcome
/// into a record or a reject.
fn process_with(
    page: RawPage,
    config: &Config,
    extract: impl FnOnce(&RawPage) -> Result<(Extracted, String), PageError>,
) -> Result<Record, Reject> {
    let reject = |reason: RejectReason, detail: String, page: &RawPage| Reject {
        id: page.id.clone(),
        source: page.source.clone(),
        url: page.url.clone(),
        reason,
        detail,
    };
    let result = catch_unwind(AssertUnwindSafe(|| extract(&page)));
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
    check_page_bytes(&bytes, config)?;
    let decoded = decode_page(bytes, page.charset_hint.as_deref(), page.kind);
    bench::tick(config, Stage::Decode);
    extract_decoded(&decoded.text, decoded.encoding.name(), page, config)
}

/// Like [`extract_page`], but borrows the bytes (valid UTF-8 is not copied).
pub fn extract_page_borrowed(
    bytes: &[u8],
    page: &RawPage,
    config: &Config,
) -> Result<(Extracted, String), PageError> {
    check_page_bytes(bytes, config)?;
    let decoded = decode_page_borrowed(bytes, page.charset_hint.as_deref(), page.kind);
    bench::tick(config, Stage::Decode);
    extract_decoded(&decoded.text, decoded.encoding.name(), page, config)
}

/// Rejects what is not worth decoding: blank, too large or binary bytes.
pub(crate) fn check_page_bytes(bytes: &[u8], config: &Config) -> Result<(), PageError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(PageError::Empty);
    }
    if bytes.len() > config.max_page_bytes {
        return Err(PageError::TooLarge {
            size: bytes.len(),
            limit: config.max_page_bytes,
        });
    }
    if looks_binary(bytes) {
        return Err(PageError::NotHtml("binary data".to_string()));
    }
    Ok(())
}

/// Runs the extractor of the page's kind on its decoded text.
fn extract_decoded(
    text: &str,
    encoding: &str,
    page: &RawPage,
    config: &Config,
) -> Result<(Extracted, String), PageError> {
    let ctx = PageContext {
        url: page.url.clone(),
        fetched_at: page.fetched_at,
    };
    let extracted = match page.kind {
        ContentKind::Html => extract_html(text, &ctx, config)?,
        ContentKind::Text => extract_text(text, &ctx, config)?,
    };
    Ok((extracted, encoding.to_string()))
}

/// Extracts a page whose text is already decoded (`encoding` names the
/// charset it was decoded from) into a record, or a reject with its
/// reason, as [`process_page`] does after decoding: what `decant bench`
/// times against a bare parse of the same text.
pub fn process_decoded(
    text: &str,
    encoding: &str,
    page: RawPage,
    config: &Config,
) -> Result<Record, Reject> {
    process_with(page, config, |page| {
        extract_decoded(text, encoding, page, config)
    })
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
