//! Measuring decant's speed: the per-stage clock the pipeline ticks when a
//! run is timed (`Config::time_stages`), and `decant bench`, which runs the
//! whole pipeline on a user's pages and reports pages/s, MB/s, peak
//! memory, each stage's share of the time and the cost of extraction
//! relative to a bare HTML parse of the same pages.
//!
//! The bare parse is paired with the extraction in blocks of pages: in a
//! second pass, the pages are decoded ahead, then each block of
//! [`PAIRED_BLOCK_PAGES`] pages is extracted and bare-parsed by
//! `scraper::Html::parse_document`, one side after the other, the side
//! that goes first alternating from block to block. Within a block each
//! side runs page after page as the pipeline does, with its own data warm
//! in the caches; and another process that takes the core for a
//! few seconds slows both sides alike, so the ratio holds on a busy
//! machine, where two separate runs drift by tenths. `--rounds N` repeats
//! the paired pass and reports the median ratio beside each round's own.
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
use crate::pipeline::{self, Finished, FlowTimes, RunError, RunStats, Silent};
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

/// Pages per block of the paired pass: enough for each side to run in
/// its steady state, its tables and allocator warm (measured on 1,056 news
/// pages on a quiet machine: blocks of 1 page made extraction 6-13% and
/// the bare parse 13-19% slower, and the ratio 0.07 lower, than blocks of
/// 96 or 200 pages or two separate runs), few enough that a block of both
/// sides takes about half a second, shorter than most bursts of other
/// processes.
pub const PAIRED_BLOCK_PAGES: usize = 96;

/// Text bytes a block holds at most: a block of very large pages is
/// measured early, so the paired pass stays in bounded memory.
pub const PAIRED_BLOCK_BYTES: usize = 32 << 20;

/// One paired round of `decant bench`: every HTML page extracted and
/// bare-parsed, block by block.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BenchRound {
    /// HTML pages measured (text dumps are not parsed by decant either).
    pub html_pages: u64,
    /// Extraction time (parse to record, as `process_page` after
    /// decoding), summed over pages.
    #[serde(serialize_with = "as_seconds")]
    pub extraction: Duration,
    /// The bare parses of the same pages, summed over pages.
    #[serde(serialize_with = "as_seconds")]
    pub bare_parse: Duration,
    /// `extraction / bare_parse`.
    pub ratio: Option<f64>,
}

/// A decoded HTML page waiting in a block of the paired pass.
struct DecodedPage {
    page: RawPage,
    text: String,
    encoding: &'static str,
}

impl BenchRound {
    /// Measures one block: both sides over all its pages, the side that
    /// goes first given by `bare_parse_first`.
    fn measure_block(
        &mut self,
        block: &mut Vec<DecodedPage>,
        bare_parse_first: bool,
        config: &Config,
    ) {
        if bare_parse_first {
            self.bare_parse += time_bare_parses(block);
            self.extraction += time_extractions(block, config);
        } else {
            self.extraction += time_extractions(block, config);
            self.bare_parse += time_bare_parses(block);
        }
        self.html_pages += block.len() as u64;
        block.clear();
    }
}

/// The time `scraper::Html::parse_document` takes on each page of the
/// block, tree freed, summed.
fn time_bare_parses(block: &[DecodedPage]) -> Duration {
    block
        .iter()
        .map(|decoded| {
            let started = Instant::now();
            let doc = scraper::Html::parse_document(&decoded.text);
            drop(std::hint::black_box(doc));
            started.elapsed()
        })
        .sum()
}

/// The time decant's extraction (parse to record, record freed) takes on
/// each page of the block, summed.
fn time_extractions(block: &[DecodedPage], config: &Config) -> Duration {
    block
        .iter()
        .map(|decoded| {
            let page = decoded.page.clone();
            let started = Instant::now();
            let outcome = pipeline::process_decoded(&decoded.text, decoded.encoding, page, config);
            drop(std::hint::black_box(outcome));
            started.elapsed()
        })
        .sum()
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
        }
        if let (Some(extraction), Some(round)) = (self.extraction_ratio(), self.median_round()) {
            let per_page =
                |d: Duration| 1000.0 * per_second(d.as_secs_f64(), round.html_pages as f64);
            out.push_str(&format!(
                "  extraction / bare parse: {extraction:.2}x  ({} HTML pages paired in blocks of {}, one thread: extraction {:.3} ms/page, \
                 scraper::Html::parse_document {:.3} ms/page = {:.1} pages/s)\n",
                round.html_pages,
                PAIRED_BLOCK_PAGES,
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
/// with stage timing on, then `rounds` paired passes (at least one).
pub fn run_bench(
    inputs: &[PathBuf],
    out_dir: &Path,
    config: &Config,
    rounds: usize,
) -> Result<BenchReport, RunError> {
    let timed = Config {
        time_stages: true,
        ..config.clone()
    };
    let summary = pipeline::run_extract(inputs, out_dir, &timed, &mut Silent)?;
    let peak_rss_bytes = peak_rss_bytes_now();
    let mut paired_rounds = Vec::new();
    for _ in 0..rounds.max(1) {
        paired_rounds.push(paired_round(inputs, config)?);
    }
    Ok(BenchReport {
        run: summary.stats,
        peak_rss_bytes,
        rounds: paired_rounds,
    })
}

/// One paired pass: one worker reads and decodes the HTML pages ahead
/// (in the pipeline's bounded flow), and this thread measures them block
/// by block, single-threaded whatever `config.threads` says (the ratio is
/// a cost per page).
pub fn paired_round(inputs: &[PathBuf], config: &Config) -> Result<BenchRound, RunError> {
    let reader = Config {
        threads: 1,
        time_stages: false,
        ..config.clone()
    };
    let measured = Config {
        time_stages: false,
        ..config.clone()
    };
    let mut round = BenchRound::default();
    let mut block: Vec<DecodedPage> = Vec::with_capacity(PAIRED_BLOCK_PAGES);
    let mut block_bytes = 0usize;
    let mut blocks = 0usize;
    pipeline::run_ordered(
        discover(inputs),
        Position::default(),
        &reader,
        |item| match item.ready() {
            InputItem::Page(page) => decode_for_pairing(page, &reader),
            _ => None,
        },
        |finished: Finished<Option<DecodedPage>>| -> Result<(), RunError> {
            if let Some(decoded) = finished.value {
                block_bytes += decoded.text.len();
                block.push(decoded);
            }
            if block.len() >= PAIRED_BLOCK_PAGES || block_bytes >= PAIRED_BLOCK_BYTES {
                block_bytes = 0;
                round.measure_block(&mut block, blocks.is_multiple_of(2), &measured);
                blocks += 1;
            }
            Ok(())
        },
    )?;
    if !block.is_empty() {
        round.measure_block(&mut block, blocks.is_multiple_of(2), &measured);
    }
    round.ratio = ratio(round.extraction, round.bare_parse);
    Ok(round)
}

/// An HTML page decoded for the paired pass, or None for what decant does
/// not parse (text dumps, pages it rejects before decoding).
fn decode_for_pairing(mut page: RawPage, config: &Config) -> Option<DecodedPage> {
    if page.kind != ContentKind::Html || pipeline::check_page_bytes(&page.bytes, config).is_err() {
        return None;
    }
    let bytes = std::mem::take(&mut page.bytes);
    let decoded = decode_page(bytes, page.charset_hint.as_deref(), page.kind);
    Some(DecodedPage {
        page,
        text: decoded.text,
        encoding: decoded.encoding.name(),
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
    fn a_block_measures_both_sides_on_every_page_and_empties() {
        let page = |n: usize| DecodedPage {
            page: RawPage {
                id: format!("p{n}"),
                source: format!("p{n}.html"),
                url: None,
                bytes: Vec::new(),
                charset_hint: None,
                fetched_at: None,
                kind: ContentKind::Html,
            },
            text: format!(
                "<html><body><article><p>{}</p></article></body></html>",
                "Words of a page. ".repeat(20)
            ),
            encoding: "UTF-8",
        };
        let config = Config::default();
        let mut round = BenchRound::default();
        let mut block: Vec<DecodedPage> = (0..3).map(page).collect();
        round.measure_block(&mut block, true, &config);
        let mut block: Vec<DecodedPage> = (3..5).map(page).collect();
        round.measure_block(&mut block, false, &config);
        assert!(block.is_empty());
        assert_eq!(round.html_pages, 5);
        assert!(round.extraction > Duration::ZERO);
        assert!(round.bare_parse > Duration::ZERO);
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        if Path::new("/proc/self/status").exists() {
            assert!(peak_rss_bytes_now().is_some_and(|b| b > 0));
        }
    }
}
