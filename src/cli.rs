//! Command-line arguments → validated [`Config`], and the commands
//! (`extract`, `show`, `eval`). The only place that uses `anyhow`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::config::{self, Config, OutputFormat};
use crate::input::{InputItem, discover, read_file};
use crate::pipeline::{self, Observer, RunError, RunStats};
use crate::record::Record;

/// decant: raw scraped web pages in, a clean article dataset out.
#[derive(Debug, Parser)]
#[command(name = "decant", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract articles from pages into a Parquet (or JSONL) dataset.
    Extract(ExtractArgs),
    /// Show what decant extracts from the pages of one file.
    Show(ShowArgs),
    /// Score the extractor on a benchmark folder with gold data.
    Eval(EvalArgs),
    /// Measure speed and memory on your pages: the whole pipeline, time
    /// per stage, peak RSS, and a bare HTML parse of the same pages.
    Bench(BenchArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Parquet,
    Jsonl,
}

/// Limits that guard against hostile pages.
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Reject pages larger than this many bytes (after decompression).
    #[arg(long, default_value_t = config::DEFAULT_MAX_PAGE_BYTES, value_name = "BYTES")]
    pub max_page_bytes: usize,
    /// Reject pages with more parsed nodes than this (the parse stops there).
    #[arg(long, default_value_t = config::DEFAULT_MAX_ELEMENTS, value_name = "N")]
    pub max_elements: usize,
    /// Reject pages that nest elements deeper than this.
    #[arg(long, default_value_t = config::DEFAULT_MAX_DEPTH, value_name = "N")]
    pub max_depth: usize,
    /// Reject pages whose extraction takes longer than this (0: no limit).
    #[arg(long, default_value_t = config::DEFAULT_PAGE_TIMEOUT_MS, value_name = "MS")]
    pub page_timeout_ms: u64,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input files or directories (walked recursively in sorted order):
    /// .html .htm .xhtml .txt .jsonl .warc, each also as .gz.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output folder for articles-NNNNN.parquet and rejects.parquet.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Parquet)]
    pub format: FormatArg,
    /// Start a new articles file after this many rows.
    #[arg(long, default_value_t = config::DEFAULT_ROWS_PER_FILE, value_name = "N")]
    pub rows_per_file: usize,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Keep every stripped block, with its kind, in the `removed` column.
    #[arg(long)]
    pub keep_removed: bool,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the run's counts and speed as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
    /// Go on with an interrupted run into the same output folder: skip what
    /// its published files already hold (same inputs and options required).
    #[arg(long)]
    pub resume: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A page file (any input kind; every page of a JSONL or WARC file is shown).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also print the removed blocks with their kinds.
    #[arg(long)]
    pub removed: bool,
    /// Print each page's record as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A benchmark folder: `html/` plus `ground-truth.json` (scrapinghub
    /// format) or `evaldata.json` (trafilatura format).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// How many of the worst pages to print, with what was missed and leaked.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub worst: usize,
    /// Also write the predictions as JSONL (`source`, `text`), for other scorers.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Exit with status 1 when F1 is below this.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Exit with status 1 when precision is below this.
    #[arg(long, value_name = "X")]
    pub min_precision: Option<f64>,
    /// Exit with status 1 when accuracy is below this.
    #[arg(long, value_name = "X")]
    pub min_accuracy: Option<f64>,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Input files or directories, as for `extract`.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Output format written during the run.
    #[arg(long, value_enum, default_value_t = FormatArg::Parquet)]
    pub format: FormatArg,
    /// Keep the dataset in this folder (default: a temporary folder, removed).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Print the measurements as JSON.
    #[arg(long)]
    pub json: bool,
    /// Repeat the extraction run and the bare parse this many times and
    /// report the median ratio (a shared machine's noise can move one
    /// round by tenths).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub rounds: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
}

impl ExtractArgs {
    /// Validates the flags into a [`Config`].
    pub fn to_config(&self) -> Result<Config> {
        if self.rows_per_file == 0 {
            bail!("--rows-per-file must be at least 1");
        }
        Ok(Config {
            threads: self.threads,
            format: match self.format {
                FormatArg::Parquet => OutputFormat::Parquet,
                FormatArg::Jsonl => OutputFormat::Jsonl,
            },
            rows_per_file: self.rows_per_file,
            keep_removed: self.keep_removed,
            resume: self.resume,
            ..limits_config(&self.limits)?
        })
    }
}

fn limits_config(limits: &LimitArgs) -> Result<Config> {
    if limits.max_page_bytes == 0 || limits.max_elements == 0 || limits.max_depth == 0 {
        bail!("--max-page-bytes, --max-elements and --max-depth must be at least 1");
    }
    Ok(Config {
        max_page_bytes: limits.max_page_bytes,
        max_elements: limits.max_elements,
        max_depth: limits.max_depth,
        page_timeout: (limits.page_timeout_ms > 0)
            .then(|| Duration::from_millis(limits.page_timeout_ms)),
        ..Config::default()
    })
}

/// Runs a parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Show(args) => show(args),
        Command::Eval(args) => eval(args),
        Command::Bench(args) => bench(args),
    }
}

fn bench(args: BenchArgs) -> Result<i32> {
    let config = Config {
        threads: args.threads,
        format: match args.format {
            FormatArg::Parquet => OutputFormat::Parquet,
            FormatArg::Jsonl => OutputFormat::Jsonl,
        },
        ..limits_config(&args.limits)?
    };
    for input in &args.inputs {
        if !input.exists() {
            bail!("input {} does not exist", input.display());
        }
    }
    let temporary = std::env::temp_dir().join(format!("decant-bench-{}", std::process::id()));
    let out_dir = args.output.clone().unwrap_or_else(|| temporary.clone());
    if args.rounds == 0 {
        bail!("--rounds must be at least 1");
    }
    let report = crate::bench::run_bench(&args.inputs, &out_dir, &config, args.rounds);
    if args.output.is_none() {
        let _ = std::fs::remove_dir_all(&temporary);
    }
    let report = report.with_context(|| format!("benchmarking into {}", out_dir.display()))?;
    if args.json {
        print_stdout(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        print_stdout(&report.render())?;
    }
    Ok(0)
}

fn eval(args: EvalArgs) -> Result<i32> {
    let config = Config {
        threads: args.threads,
        ..limits_config(&args.limits)?
    };
    let report = crate::eval::run(&args.dir, &config)
        .with_context(|| format!("evaluating on {}", args.dir.display()))?;
    print_stdout(&format!("{}\n", report.render(args.worst)))?;
    if let Some(path) = &args.predictions {
        report
            .write_predictions_jsonl(path)
            .with_context(|| format!("writing predictions to {}", path.display()))?;
    }
    let summary = &report.summary;
    let floors = [
        ("F1", summary.f1, args.min_f1),
        ("precision", summary.precision, args.min_precision),
        ("accuracy", summary.accuracy, args.min_accuracy),
    ];
    let mut below = 0;
    for (name, value, floor) in floors {
        if let Some(floor) = floor.filter(|floor| value < *floor) {
            eprintln!("decant eval: {name} {value:.4} is below the floor {floor}");
            below += 1;
        }
    }
    Ok(if below > 0 { 1 } else { 0 })
}

/// Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, the
/// shell's convention for a run ended by Ctrl-C).
const EXIT_INTERRUPTED: i32 = 130;

fn extract(args: ExtractArgs) -> Result<i32> {
    let config = args.to_config()?;
    for input in &args.inputs {
        if !input.exists() && std::fs::symlink_metadata(input).is_err() {
            bail!("input {} does not exist", input.display());
        }
    }
    let stop = stop_on_signals().context("installing the Ctrl-C handler")?;
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let mut progress = ProgressObserver::new(show_progress, stop);
    let result = pipeline::run_extract(&args.inputs, &args.output, &config, &mut progress);
    progress.finish();
    let summary = match result {
        Ok(summary) => summary,
        Err(RunError::Interrupted {
            articles, rejects, ..
        }) => {
            eprintln!(
                "decant: interrupted; {articles} article and {rejects} reject rows are safely in {}/: run the same command with --resume to continue",
                args.output.display()
            );
            return Ok(EXIT_INTERRUPTED);
        }
        Err(error) => {
            return Err(error)
                .with_context(|| format!("extracting into {}", args.output.display()));
        }
    };
    if summary.already_finished {
        if !args.quiet {
            eprintln!(
                "decant: the run into {}/ had already finished ({} article and {} reject rows); nothing to resume",
                args.output.display(),
                summary.output.articles,
                summary.output.rejects
            );
        }
        return Ok(0);
    }
    if let Some(path) = &args.stats {
        let json = serde_json::to_string_pretty(&summary.stats)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("writing stats to {}", path.display()))?;
    }
    if !args.quiet {
        report_extract(&args, &summary);
    }
    Ok(0)
}

/// The summary lines of a finished `extract`.
fn report_extract(args: &ExtractArgs, summary: &pipeline::RunSummary) {
    let files = summary
        .output
        .article_files
        .iter()
        .chain(summary.output.rejects_file.iter())
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    if args.resume {
        match summary.resumed_from {
            Some(at) if at.records_done == 0 => eprintln!(
                "decant: resumed where the interrupted run stopped: before input file {}",
                at.inputs_done + 1
            ),
            Some(at) => eprintln!(
                "decant: resumed where the interrupted run stopped: input file {}, after its first {} records",
                at.inputs_done + 1,
                at.records_done
            ),
            None => eprintln!(
                "decant: no progress was recorded in the output folder; ran from the beginning"
            ),
        }
    }
    eprintln!("decant: {}", summary.stats.summary_line());
    eprintln!(
        "decant: wrote {} article rows and {} reject rows to {}/ ({files})",
        summary.output.articles,
        summary.output.rejects,
        args.output.display()
    );
}

/// Makes Ctrl-C (SIGINT) and SIGTERM set the returned flag, which stops the
/// run cleanly after the chunk in flight. A second signal ends the process
/// at once (files being written stay under their temporary names).
fn stop_on_signals() -> std::io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(
            signal,
            EXIT_INTERRUPTED,
            Arc::clone(&stop),
        )?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// The progress bar on stderr: pages, MB, pages/s, rejects.
struct ProgressObserver {
    bar: Option<ProgressBar>,
    /// Set by a signal: the run should stop.
    stop: Arc<AtomicBool>,
}

impl ProgressObserver {
    fn new(visible: bool, stop: Arc<AtomicBool>) -> Self {
        let bar = visible.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        ProgressObserver { bar, stop }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Observer for ProgressObserver {
    fn update(&mut self, stats: &RunStats) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!(
                "{} pages, {:.1} MB, {:.0} pages/s, {} articles, {} rejects",
                stats.pages_read,
                stats.megabytes(),
                stats.pages_per_second(),
                stats.articles,
                stats.rejects
            ));
        }
    }

    fn should_stop(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

/// Writes a report to stdout. A reader that went away (`decant eval | head`)
/// is not an error: the rest of the command (floors, predictions) still runs.
fn print_stdout(text: &str) -> Result<()> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn show(args: ShowArgs) -> Result<i32> {
    let config = Config {
        keep_removed: true,
        ..limits_config(&args.limits)?
    };
    let path: &Path = &args.file;
    if !path.is_file() {
        bail!("{} is not a file", path.display());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut pages = 0usize;
    for entry in discover(&[path.to_path_buf()]) {
        let items = match entry {
            Ok(file) => read_file(&file, &config),
            Err(reject) => Box::new(std::iter::once(InputItem::Reject(reject)))
                as Box<dyn Iterator<Item = InputItem> + Send>,
        };
        for item in items {
            let result = match item {
                InputItem::Page(page) => pipeline::process_page(page, &config),
                InputItem::Reject(reject) => Err(reject),
                InputItem::Skipped { .. } => continue,
            };
            pages += 1;
            if pages > 1 && !args.json {
                writeln!(out, "\n{}\n", "=".repeat(72))?;
            }
            match result {
                Ok(record) if args.json => {
                    let mut record = record;
                    if !args.removed {
                        record.removed = None;
                    }
                    writeln!(out, "{}", serde_json::to_string_pretty(&record)?)?
                }
                Ok(record) => write_record(&mut out, &record, args.removed)?,
                Err(reject) if args.json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&reject)?)?
                }
                Err(reject) => writeln!(
                    out,
                    "{}: rejected ({}): {}",
                    reject.source, reject.reason, reject.detail
                )?,
            }
        }
    }
    if pages == 0 {
        bail!("{} holds no page", path.display());
    }
    Ok(0)
}

/// Prints one record as readable text: metadata, body, quotes, removed.
fn write_record(out: &mut dyn Write, record: &Record, with_removed: bool) -> std::io::Result<()> {
    let field = |name: &str, value: Option<String>| -> Option<String> {
        value
            .filter(|v| !v.is_empty())
            .map(|v| format!("{name:<15}{v}"))
    };
    let lines = [
        field("source", Some(record.source.clone())),
        field("title", record.title.clone()),
        field("url", record.url.clone()),
        field("site", record.site_name.clone()),
        field("authors", Some(record.authors.join("; "))),
        field(
            "published",
            record.date_published.map(|d| {
                let from = record.date_source.as_deref().unwrap_or("?");
                format!("{d} (from {from})")
            }),
        ),
        field("modified", record.date_modified.map(|d| d.to_string())),
        field("language", record.language.clone()),
        field("description", record.description.clone()),
        field("tags", Some(record.tags.join("; "))),
        field("canonical", record.canonical_url.clone()),
        field("image", record.image_url.clone()),
        field("encoding", record.encoding.clone()),
        field(
            "words",
            Some(format!(
                "{} ({} quotes)",
                record.word_count,
                record.quotes.len()
            )),
        ),
    ];
    for line in lines.into_iter().flatten() {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "\n{}\n", record.text)?;
    if !record.quotes.is_empty() {
        writeln!(out, "--- quotes")?;
        for quote in &record.quotes {
            writeln!(
                out,
                "[{}..{}] {} — {}",
                quote.start,
                quote.end,
                quote.text,
                quote.speaker.as_deref().unwrap_or("(unattributed)")
            )?;
        }
    }
    if let (true, Some(removed)) = (with_removed, &record.removed) {
        writeln!(out, "--- removed ({} blocks)", removed.len())?;
        for block in removed {
            writeln!(
                out,
                "[{}] {}",
                block.kind,
                block.text.replace('\n', "\n    ")
            )?;
        }
    }
    Ok(())
}
