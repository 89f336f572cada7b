//! Measuring decant's speed: the per-stage clock the pipeline ticks when a
//! run is timed (`Config::time_stages`), and `decant bench`, which runs the
//! whole pipeline on a user's pages and reports pages/s, MB/s, peak
//! memory, each stage's share of the time and the cost of extraction
//! relative to a bare HTML parse of the same pages.
//!
//! The bare parse is paired with the extraction page by page: in a second
//! run, each HTML page is also parsed by a bare `scraper::Html::parse_document`
//! right before or right after its extraction (alternately, so neither
//! always finds the caches warm). On a shared machine another process can
//! take the core for seconds; measured back to back on each page, both
//! sides see the same machine, so the ratio stays put where two separate
//! runs drift by tenths. `--rounds N` repeats the paired run and reports
//! the median ratio beside each round's own.
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
use crate::pipeline::{self, FlowTimes, RunError, RunStats, Silent};

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
    /// The paired baseline of a bench run ([`Config::pair_bare_parse`]):
    /// a bare `scraper::Html::parse_document` of the page, tree freed.
    /// Not a stage of decant's own.
    BareParse,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Decode,
        Stage::Parse,
        Stage::BlocksClassify,
        Stage::Body,
        Stage::Metadata,
        Stage::Quotes,
        Stage::Record,
        Stage::Write,
        Stage::BareParse,
    ];

    /// decant's own stages, in pipeline order (all but the paired
    /// baseline).
    pub const PIPELINE: [Stage; 8] = [
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
            Stage::BareParse => "bare parse",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The stages of extraction proper: what a bare parse is compared
    /// with (decoding and writing are outside both).
    pub fn is_extraction(self) -> bool {
        !matches!(self, Stage::Decode | Stage::Write | Stage::BareParse)
    }
}

/// Time spent in each stage, summed over pages (and threads).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    nanos: [u64; Stage::ALL.len()],
    /// Pages timed in [`Stage::BareParse`].
    bare_parses: u64,
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
        self.bare_parses += other.bare_parses;
    }

    /// Pages timed in [`Stage::BareParse`].
    pub fn bare_parses(&self) -> u64 {
        self.bare_parses
    }

    /// The sum over decant's own stages ([`Stage::PIPELINE`]).
    pub fn total(&self) -> Duration {
        Stage::PIPELINE.iter().map(|s| self.get(*s)).sum()
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
    /// Whether this thread's next paired bare parse goes before the
    /// extraction; flipped at each page.
    static BARE_PARSE_FIRST: Cell<bool> = const { Cell::new(true) };
}

/// Whether the paired bare parse of this thread's next page goes before
/// its extraction (true and false alternate, page after page).
pub fn bare_parse_goes_first() -> bool {
    BARE_PARSE_FIRST.with(|first| {
        let now = first.get();
        first.set(!now);
        now
    })
}

/// A fresh copy of a page's text for one side of a paired measurement,
/// with the stage clock restarted after the copy: each side parses a copy
/// just written, as the pipeline parses a text just decoded, whichever
/// side runs first.
pub fn hot_copy(text: &str, config: &Config) -> String {
    let copy = text.to_owned();
    start_clock(config);
    copy
}

/// The paired baseline of one page: a bare `scraper::Html::parse_document`
/// of a [`hot_copy`] of its decoded text, tree freed, timed as
/// [`Stage::BareParse`]. Call it right after a tick (decode) or right
/// after the extraction's last one.
pub fn paired_bare_parse(text: &str, config: &Config) {
    let text = hot_copy(text, config);
    let doc = scraper::Html::parse_document(&text);
    drop(std::hint::black_box(doc));
    tick(config, Stage::BareParse);
    drop(text);
    if config.time_stages {
        STAGE_TIMES.with(|times| {
            let mut sum = times.get();
            sum.bare_parses += 1;
            times.set(sum);
        });
    }
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
pub fn peak_rss_bytes_now() -> Option<u64> {
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

/// One paired round of `decant bench`: a run in which each HTML page was
/// extracted and, back to back, bare-parsed.
#[derive(Clone, Debug, Serialize)]
pub struct BenchRound {
    /// HTML pages bare-parsed (text dumps are not parsed by decant either).
    pub html_pages: u64,
    /// Extraction time (parse to record), summed over pages.
    #[serde(serialize_with = "as_seconds")]
    pub extraction: Duration,
    /// The bare parses of the same pages, summed over pages.
    #[serde(serialize_with = "as_seconds")]
    pub bare_parse: Duration,
    /// `extraction / bare_parse`.
    pub ratio: Option<f64>,
}

impl BenchRound {
    fn new(run: &RunStats) -> BenchRound {
        let stages = run.stage_times.unwrap_or_default();
        BenchRound {
            html_pages: stages.bare_parses(),
            extraction: stages.extraction(),
            bare_parse: stages.get(Stage::BareParse),
            ratio: ratio(stages.extraction(), stages.get(Stage::BareParse)),
        }
    }
}

fn as_seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// What `decant bench` measured.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// The plain extraction run (with stage times): throughput, threads,
    /// stage shares.
    pub run: RunStats,
    /// Peak RSS after the plain extraction run, in bytes.
    pub peak_rss_bytes: Option<u64>,
    /// The paired rounds, in the order they ran.
    pub rounds: Vec<BenchRound>,
}

impl BenchReport {
    /// Extraction time (parse to record, decode and write excluded) over
    /// the bare parse's time on the same pages, both summed over pages so
    /// the ratio does not depend on the thread count; the median over the
    /// paired rounds.
    pub fn extraction_ratio(&self) -> Option<f64> {
        median(self.rounds.iter().filter_map(|round| round.ratio).collect())
    }

    /// The round whose ratio is the median (the lower middle one for an
    /// even count).
    fn median_round(&self) -> Option<&BenchRound> {
        let mut rounds: Vec<&BenchRound> =
            self.rounds.iter().filter(|r| r.ratio.is_some()).collect();
        rounds.sort_by(|a, b| {
            let key = |r: &BenchRound| r.ratio.unwrap_or(f64::INFINITY);
            key(a).total_cmp(&key(b))
        });
        rounds.get(rounds.len().saturating_sub(1) / 2).copied()
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
        if let Some(flow) = &run.flow {
            out.push_str(&render_flow("pipeline threads", flow));
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
            for stage in Stage::PIPELINE {
                let seconds = stages.get(stage).as_secs_f64();
                out.push_str(&format!(
                    "    {:<16}{:>8.3} s {:>6.1}%  {:>7.3} ms/page\n",
                    stage.as_str(),
                    seconds,
                    100.0 * per_second(seconds, total),
                    1000.0 * per_second(seconds, run.pages_read as f64),
                ));
            }
        }
        if let (Some(extraction), Some(round)) = (self.extraction_ratio(), self.median_round()) {
            let per_page =
                |d: Duration| 1000.0 * per_second(d.as_secs_f64(), round.html_pages as f64);
            out.push_str(&format!(
                "  extraction / bare parse: {extraction:.2}x  (paired on each of {} HTML pages: extraction {:.3} ms/page, \
                 scraper::Html::parse_document {:.3} ms/page = {:.1} pages/s per thread)\n",
                round.html_pages,
                per_page(round.extraction),
                per_page(round.bare_parse),
                per_second(round.html_pages as f64, round.bare_parse.as_secs_f64()),
            ));
        }
        if self.rounds.len() > 1 {
            let each: Vec<String> = self
                .rounds
                .iter()
                .map(|round| match round.ratio {
                    Some(r) => format!("{r:.2}x"),
                    None => "-".to_string(),
                })
                .collect();
            out.push_str(&format!(
                "  median of {} paired rounds; each round: {}\n",
                self.rounds.len(),
                each.join(" ")
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
/// with stage timing on, then `rounds` paired runs (at least one), each
/// into `scratch_dir(round)` (which the caller removes: a run into a folder
/// that already holds a dataset would resume it and skip every page).
pub fn run_bench(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &Config,
    rounds: usize,
    scratch_dir: impl Fn(usize) -> PathBuf,
) -> Result<BenchReport, RunError> {
    let timed = Config {
        time_stages: true,
        pair_bare_parse: false,
        ..config.clone()
    };
    let summary = pipeline::run_extract(inputs, out_dir, &timed, &mut Silent)?;
    let peak_rss_bytes = peak_rss_bytes_now();
    let paired = Config {
        pair_bare_parse: true,
        ..timed
    };
    let mut paired_rounds = Vec::new();
    for round in 1..=rounds.max(1) {
        let run = pipeline::run_extract(inputs, &scratch_dir(round), &paired, &mut Silent)?;
        paired_rounds.push(BenchRound::new(&run.stats));
    }
    Ok(BenchReport {
        run: summary.stats,
        peak_rss_bytes,
        rounds: paired_rounds,
    })
}

/// The median of `values` (the mean of the middle two for an even count).
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => values.get(middle).copied(),
        _ => Some((values.get(middle - 1)? + values.get(middle)?) / 2.0),
    }
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

    fn report_with_ratios(ratios: &[Option<f64>]) -> BenchReport {
        let rounds = ratios
            .iter()
            .map(|ratio| BenchRound {
                html_pages: 10,
                extraction: Duration::from_secs(3),
                bare_parse: Duration::from_secs(2),
                ratio: *ratio,
            })
            .collect();
        BenchReport {
            run: RunStats::default(),
            peak_rss_bytes: None,
            rounds,
        }
    }

    #[test]
    fn the_reported_ratio_is_the_median_round() {
        let report = report_with_ratios(&[Some(1.9), Some(1.4), Some(1.5)]);
        assert_eq!(report.extraction_ratio(), Some(1.5));
        assert_eq!(report.median_round().and_then(|r| r.ratio), Some(1.5));
        let report = report_with_ratios(&[None, Some(1.7), Some(1.2)]);
        assert_eq!(report.median_round().and_then(|r| r.ratio), Some(1.2));
        assert_eq!(report_with_ratios(&[None]).extraction_ratio(), None);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![1.9, 1.4, 1.5]), Some(1.5));
        assert_eq!(median(vec![2.0, 1.0]), Some(1.5));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn paired_bare_parses_alternate_before_and_after() {
        let first = bare_parse_goes_first();
        assert_eq!(bare_parse_goes_first(), !first);
        assert_eq!(bare_parse_goes_first(), first);
    }

    #[test]
    fn a_paired_bare_parse_is_timed_apart_from_extraction() {
        let config = Config {
            time_stages: true,
            ..Config::default()
        };
        take_stage_times();
        start_clock(&config);
        paired_bare_parse("<html><body><p>Hello</p></body></html>", &config);
        let times = take_stage_times();
        assert!(times.get(Stage::BareParse) > Duration::ZERO);
        assert_eq!(times.bare_parses(), 1);
        assert_eq!(times.extraction(), Duration::ZERO);
        assert_eq!(times.total(), Duration::ZERO);
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        if Path::new("/proc/self/status").exists() {
            assert!(peak_rss_bytes_now().is_some_and(|b| b > 0));
        }
    }
}
