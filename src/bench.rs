//! Measuring decant's speed: the per-stage clock the pipeline ticks when a
//! run is timed (`Config::time_stages`), and `decant bench`, which runs the
//! whole pipeline on a user's pages, then a bare HTML parse of the same
//! pages, and reports pages/s, MB/s, peak memory, each stage's share of the
//! time and the cost of extraction relative to the bare parse.
//!
//! The clock is thread-local: a page is extracted on one worker thread from
//! start to end, so each worker sums its own stage times and hands them
//! over with the page's outcome. When `time_stages` is off, a tick is one
//! branch on a boolean: no clock is read.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::config::Config;
use crate::input::decode::decode_page;
use crate::input::{ContentKind, InputItem, RawPage, discover};
use crate::pipeline::Finished;
use crate::pipeline::{self, FlowTimes, RunError, RunStats, Silent};
use crate::sink::Position;

/// The stages of one page's trip through decant, in pipeline order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Bytes to text: gunzip of a one-page `.gz` file, charset detection
    /// and decoding.
    Decode,
    /// html5ever parse into a DOM tree (and freeing the tree).
    Parse,
    /// DOM walk into text blocks, and their classification.
    BlocksClassify,
    /// Body blocks joined into the article text, removed blocks grouped.
    Body,
    /// Metadata from the tree, and language detection.
    Metadata,
    /// Direct quotes and their speakers.
    Quotes,
    /// The output row (word count, content hash).
    Record,
    /// Writing rows into Parquet or JSONL.
    Write,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Decode,
        Stage::Parse,
        Stage::BlocksClassify,
        Stage::Body,
        Stage::Metadata,
        Stage::Quotes,
        Stage::Record,
        Stage::Write,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Parse => "parse",
            Stage::BlocksClassify => "blocks+classify",
            Stage::Body => "body",
            Stage::Metadata => "metadata",
            Stage::Quotes => "quotes",
            Stage::Record => "record",
            Stage::Write => "write",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The stages of extraction proper: what a bare parse is compared
    /// with (decoding and writing are outside both).
    pub fn is_extraction(self) -> bool {
        !matches!(self, Stage::Decode | Stage::Write)
    }
}

/// Time spent in each stage, summed over pages (and threads).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    nanos: [u64; Stage::ALL.len()],
}

impl StageTimes {
    pub fn get(&self, stage: Stage) -> Duration {
        Duration::from_nanos(self.nanos.get(stage.index()).copied().unwrap_or(0))
    }

    pub fn add(&mut self, stage: Stage, time: Duration) {
        if let Some(slot) = self.nanos.get_mut(stage.index()) {
            *slot = slot.saturating_add(u64::try_from(time.as_nanos()).unwrap_or(u64::MAX));
        }
    }

    pub fn merge(&mut self, other: &StageTimes) {
        for stage in Stage::ALL {
            self.add(stage, other.get(stage));
        }
    }

    /// The sum over all stages.
    pub fn total(&self) -> Duration {
        Stage::ALL.iter().map(|s| self.get(*s)).sum()
    }

    /// The sum over the extraction stages ([`Stage::is_extraction`]).
    pub fn extraction(&self) -> Duration {
        Stage::ALL
            .iter()
            .filter(|s| s.is_extraction())
            .map(|s| self.get(*s))
            .sum()
    }
}

impl Serialize for StageTimes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(Stage::ALL.len()))?;
        for stage in Stage::ALL {
            map.serialize_entry(stage.as_str(), &self.get(stage).as_secs_f64())?;
        }
        map.end()
    }
}

thread_local! {
    /// When the current stage of this thread's page started.
    static STAGE_START: Cell<Option<Instant>> = const { Cell::new(None) };
    /// This thread's stage times since the last [`take_stage_times`].
    static STAGE_TIMES: Cell<StageTimes> = Cell::new(StageTimes::default());
}

/// Starts timing a page on this thread, if the run is timed.
pub fn start_clock(config: &Config) {
    if config.time_stages {
        STAGE_START.with(|start| start.set(Some(Instant::now())));
    }
}

/// Ends `stage` on this thread, if the run is timed: the time since the
/// last tick goes to `stage`, and the next stage starts now.
pub fn tick(config: &Config, stage: Stage) {
    if config.time_stages {
        let now = Instant::now();
        let started = STAGE_START.with(|start| start.replace(Some(now)));
        if let Some(started) = started {
            STAGE_TIMES.with(|times| {
                let mut sum = times.get();
                sum.add(stage, now.duration_since(started));
                times.set(sum);
            });
        }
    }
}

/// This thread's stage times since the last call, reset to zero.
pub fn take_stage_times() -> StageTimes {
    STAGE_START.with(|start| start.set(None));
    STAGE_TIMES.with(|times| times.take())
}

/// Peak resident memory of this process so far (`VmHWM` in
/// `/proc/self/status`), in bytes; None where that file does not exist.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes * 1024)
}

/// The bare-parse baseline: the same pages decoded, then parsed by
/// `scraper::Html::parse_document` and nothing else.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BareParse {
    /// HTML pages parsed (text dumps are not parsed by decant either).
    pub pages: u64,
    pub bytes: u64,
    /// Wall-clock time of the whole baseline run (reading and decoding included).
    pub seconds: f64,
    /// Time inside the parser, summed over pages (and threads).
    #[serde(serialize_with = "as_seconds")]
    pub parse: Duration,
    /// Where the threads spent their time.
    pub flow: Option<FlowTimes>,
}

fn as_seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// What `decant bench` measured.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// The extraction run (with stage times).
    pub run: RunStats,
    /// Peak RSS after the extraction run, in bytes.
    pub peak_rss_bytes: Option<u64>,
    pub bare: BareParse,
}

impl BenchReport {
    /// Extraction time (parse to record, decode and write excluded) over
    /// the bare parse's time on the same pages: both are time per page
    /// summed over pages, so the ratio does not depend on the thread count
    /// and the reader and writer threads do not blur it.
    pub fn extraction_ratio(&self) -> Option<f64> {
        let stages = self.run.stage_times?;
        ratio(stages.extraction(), self.bare.parse)
    }

    /// All stages (decode and write included) over the bare parse.
    pub fn whole_ratio(&self) -> Option<f64> {
        let stages = self.run.stage_times?;
        ratio(stages.total(), self.bare.parse)
    }

    /// The report printed by `decant bench`.
    pub fn render(&self) -> String {
        let run = &self.run;
        let mut out = String::new();
        out.push_str(&format!(
            "decant bench: {} pages ({} articles, {} rejects), {:.1} MB, {} threads\n",
            run.pages_read,
            run.articles,
            run.rejects,
            run.megabytes(),
            run.threads
        ));
        out.push_str(&format!(
            "  whole pipeline  {:>8.2} s {:>8.1} pages/s {:>7.1} MB/s  (wall clock: read, decode, extract, write)\n",
            run.seconds,
            run.pages_per_second(),
            run.megabytes_per_second()
        ));
        let bare = &self.bare;
        out.push_str(&format!(
            "  bare parse      {:>8.2} s {:>8.1} pages/s {:>7.1} MB/s  (wall clock: read, decode, scraper::Html::parse_document)\n",
            bare.seconds,
            per_second(bare.pages as f64, bare.seconds),
            per_second(bare.bytes as f64 / 1e6, bare.seconds)
        ));
        if let Some(flow) = &run.flow {
            out.push_str(&render_flow("pipeline threads", flow));
        }
        if let Some(flow) = &bare.flow {
            out.push_str(&render_flow("bare-parse threads", flow));
        }
        if let Some(rss) = self.peak_rss_bytes {
            out.push_str(&format!(
                "  peak RSS        {:>8.1} MB  (VmHWM after the pipeline run)\n",
                rss as f64 / 1e6
            ));
        }
        if let Some(stages) = &run.stage_times {
            let total = stages.total().as_secs_f64();
            out.push_str(
                "  time per stage (summed over worker threads; write on the main thread):\n",
            );
            for stage in Stage::ALL {
                let seconds = stages.get(stage).as_secs_f64();
                out.push_str(&format!(
                    "    {:<16}{:>8.3} s {:>6.1}%  {:>7.3} ms/page\n",
                    stage.as_str(),
                    seconds,
                    100.0 * per_second(seconds, total),
                    1000.0 * per_second(seconds, run.pages_read as f64),
                ));
            }
            out.push_str(&format!(
                "    {:<16}{:>8.3} s           {:>7.3} ms/page\n",
                "bare parse",
                bare.parse.as_secs_f64(),
                1000.0 * per_second(bare.parse.as_secs_f64(), bare.pages as f64),
            ));
        }
        if let (Some(extraction), Some(whole)) = (self.extraction_ratio(), self.whole_ratio()) {
            out.push_str(&format!(
                "  extraction / bare parse: {extraction:.2}x  (parse to record; with decode and write: {whole:.2}x)\n"
            ));
        }
        out
    }
}

/// Two lines on where a run's threads spent their time: the workers' share
/// idle for want of pages shows whether the structure keeps them busy; the
/// time they waited for a core is the machine's load.
fn render_flow(what: &str, flow: &FlowTimes) -> String {
    let cpu = flow.worker_cpu + flow.reader_cpu + flow.writer_cpu;
    format!(
        "  {what:<19}{} workers, idle {:.1}% (waited for pages {:.2} s, worked {:.2} s, of which waiting for a core {:.2} s)\n\
         {:<21}CPU {:.2} s in {:.2} s wall ({:.2} cores): workers {:.2} s, reader {:.2} s (waited for room {:.2} s), writer {:.2} s (waited for results {:.2} s)\n",
        flow.workers,
        100.0 * flow.idle_share(),
        flow.waiting_for_pages,
        flow.working,
        flow.worker_waiting_for_a_core,
        "",
        cpu,
        flow.seconds,
        per_second(cpu, flow.seconds),
        flow.worker_cpu,
        flow.reader_cpu,
        flow.reader_waiting_for_room,
        flow.writer_cpu,
        flow.writer_waiting,
    )
}

fn ratio(a: Duration, b: Duration) -> Option<f64> {
    (!b.is_zero()).then(|| a.as_secs_f64() / b.as_secs_f64())
}

fn per_second(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 { amount / seconds } else { 0.0 }
}

/// Runs `decant bench`: the whole pipeline on `inputs` into `out_dir`
/// with stage timing on, then the bare-parse baseline on the same pages.
pub fn run_bench(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &Config,
) -> Result<BenchReport, RunError> {
    let timed = Config {
        time_stages: true,
        ..config.clone()
    };
    let summary = pipeline::run_extract(inputs, out_dir, &timed, &mut Silent)?;
    let peak_rss_bytes = peak_rss_bytes();
    let bare = bare_parse(inputs, config)?;
    Ok(BenchReport {
        run: summary.stats,
        peak_rss_bytes,
        bare,
    })
}

/// The baseline: reads the same pages through the same flow as the
/// pipeline (reader thread, worker threads, results in order), decodes each
/// one and parses it with `scraper::Html::parse_document`, so its scaling
/// with threads compares with the pipeline's.
pub fn bare_parse(inputs: &[PathBuf], config: &Config) -> Result<BareParse, RunError> {
    let started = Instant::now();
    let mut result = BareParse::default();
    let flow = pipeline::run_ordered(
        discover(inputs),
        Position::default(),
        config,
        |item| match item.ready() {
            InputItem::Page(page) => parse_only(page, config),
            _ => None,
        },
        |finished: Finished<Option<(u64, Duration)>>| -> Result<(), RunError> {
            if let Some((bytes, time)) = finished.value {
                result.pages += 1;
                result.bytes += bytes;
                result.parse += time;
            }
            Ok(())
        },
    )?;
    result.seconds = started.elapsed().as_secs_f64();
    result.flow = Some(flow);
    Ok(result)
}

/// Decodes one HTML page and times a bare parse of it (freeing the tree
/// included, as decant's own parse stage counts it). Pages decant would
/// reject before parsing (too large) and text dumps are not parsed.
fn parse_only(page: RawPage, config: &Config) -> Option<(u64, Duration)> {
    if page.kind != ContentKind::Html || page.bytes.len() > config.max_page_bytes {
        return None;
    }
    let bytes = page.bytes.len() as u64;
    let decoded = decode_page(page.bytes, page.charset_hint.as_deref(), page.kind);
    let started = Instant::now();
    let doc = scraper::Html::parse_document(&decoded.text);
    drop(std::hint::black_box(doc));
    Some((bytes, started.elapsed()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_do_nothing_when_the_run_is_not_timed() {
        let config = Config::default();
        take_stage_times();
        start_clock(&config);
        tick(&config, Stage::Parse);
        assert_eq!(take_stage_times(), StageTimes::default());
    }

    #[test]
    fn ticks_add_the_time_since_the_last_tick_to_the_stage() {
        let config = Config {
            time_stages: true,
            ..Config::default()
        };
        take_stage_times();
        start_clock(&config);
        std::thread::sleep(Duration::from_millis(2));
        tick(&config, Stage::Parse);
        tick(&config, Stage::Quotes);
        let times = take_stage_times();
        assert!(times.get(Stage::Parse) >= Duration::from_millis(2));
        assert_eq!(times.get(Stage::Decode), Duration::ZERO);
        assert_eq!(take_stage_times(), StageTimes::default());
    }

    #[test]
    fn extraction_excludes_decode_and_write() {
        let mut times = StageTimes::default();
        times.add(Stage::Decode, Duration::from_secs(1));
        times.add(Stage::Parse, Duration::from_secs(2));
        times.add(Stage::Write, Duration::from_secs(4));
        assert_eq!(times.extraction(), Duration::from_secs(2));
        assert_eq!(times.total(), Duration::from_secs(7));
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        if Path::new("/proc/self/status").exists() {
            assert!(peak_rss_bytes().is_some_and(|b| b > 0));
        }
    }
}
