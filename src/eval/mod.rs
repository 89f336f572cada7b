//! Benchmark scoring for `decant eval`: load a benchmark folder (scrapinghub
//! `ground-truth.json` or trafilatura `evaldata.json`, pages in `html/`),
//! extract every page, and score the output with exactly the metrics of the
//! reference scorer `score.py` (same tokens, shingles, means and edge cases).
//! Pages may be HTML or plain-text dumps (`.txt`, as
//! `scripts/make_text_dumps.py` writes them): a dump goes through
//! `extract_text`, so the same scorers measure the text path.

pub mod benchmark;
mod py_word;
pub mod report;
pub mod scrapinghub;
pub mod text;
pub mod withwithout;

use std::collections::HashMap;
use std::io::Read as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use rayon::prelude::*;
use thiserror::Error;

use crate::config::Config;
use crate::extract::{Extracted, PageContext, extract_html, extract_text};
use crate::input::decode::{decode_html, decode_text};

pub use benchmark::{Benchmark, BenchmarkPage, Truth, load_benchmark, load_predictions, page_id};
pub use report::{BenchmarkKind, EvalReport, PageScore, Prediction, Snippet, Summary};

/// Why an evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: invalid JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{0}: not a benchmark folder (needs html/ and ground-truth.json or evaldata.json)")]
    NotABenchmark(PathBuf),
    #[error("{0}: unsupported predictions (give a .json, a .jsonl or a folder of .jsonl files)")]
    UnsupportedPredictions(PathBuf),
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// The gzip magic bytes: pages are gunzipped by content, whatever their name.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Loads the benchmark in `dir`, extracts every page with [`extract_html`]
/// (a `.txt` page with [`extract_text`]) in parallel, and scores the output. A page whose extraction fails (or
/// panics) scores as an empty prediction and counts as missing.
pub fn run(dir: &Path, config: &Config) -> Result<EvalReport, EvalError> {
    let benchmark = load_benchmark(dir)?;
    let predictions = in_pool(config, || extract_all(&benchmark, config))??;
    Ok(score(&benchmark, predictions))
}

/// Scores `predictions` (page id → extracted text; ids as [`page_id`] makes
/// them) on the benchmark in `dir`. Pages absent from the map are missing.
pub fn score_predictions(
    dir: &Path,
    predictions: &HashMap<String, String>,
) -> Result<EvalReport, EvalError> {
    let benchmark = load_benchmark(dir)?;
    let predictions = benchmark
        .pages
        .iter()
        .map(|page| Outcome {
            text: predictions.get(&page.id).cloned(),
            error: None,
        })
        .collect();
    Ok(score(&benchmark, predictions))
}

/// The extractor's result for one page.
struct Outcome {
    text: Option<String>,
    error: Option<String>,
}

/// Runs `job` on a pool of `config.threads` threads (rayon's global pool
/// when 0).
fn in_pool<T: Send>(config: &Config, job: impl FnOnce() -> T + Send) -> Result<T, EvalError> {
    if config.threads == 0 {
        return Ok(job());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| EvalError::Threads(e.to_string()))?;
    Ok(pool.install(job))
}

/// Extracts every page of the benchmark, in parallel, in page order.
fn extract_all(benchmark: &Benchmark, config: &Config) -> Result<Vec<Outcome>, EvalError> {
    benchmark
        .pages
        .par_iter()
        .map(|page| {
            let bytes = read_page(&page.html)?;
            Ok(extract_page(
                &bytes,
                page.is_text_dump(),
                page.url.as_deref(),
                config,
            ))
        })
        .collect()
}

/// The bytes of a page file, gunzipped when they are gzip.
fn read_page(path: &Path) -> Result<Vec<u8>, EvalError> {
    let io_error = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let raw = std::fs::read(path).map_err(io_error)?;
    if !raw.starts_with(&GZIP_MAGIC) {
        return Ok(raw);
    }
    let mut bytes = Vec::new();
    MultiGzDecoder::new(raw.as_slice())
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    Ok(bytes)
}

/// Decodes and extracts one page (HTML, or a plain-text dump when `text`);
/// a failure or a panic becomes an error message instead of a text.
fn extract_page(bytes: &[u8], text: bool, url: Option<&str>, config: &Config) -> Outcome {
    let ctx = PageContext {
        url: url.map(str::to_string),
        fetched_at: None,
    };
    let extract = || -> Result<Extracted, crate::error::PageError> {
        if text {
            extract_text(&decode_text(bytes, None).text, &ctx, config)
        } else {
            extract_html(&decode_html(bytes, None).text, &ctx, config)
        }
    };
    match catch_unwind(AssertUnwindSafe(extract)) {
        Ok(Ok(extracted)) => Outcome {
            text: Some(extracted.text),
            error: None,
        },
        Ok(Err(error)) => Outcome {
            text: None,
            error: Some(error.to_string()),
        },
        Err(panic) => Outcome {
            text: None,
            error: Some(format!("panic: {}", panic_message(panic.as_ref()))),
        },
    }
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Scores each page's outcome with the benchmark's metric and summarises.
fn score(benchmark: &Benchmark, outcomes: Vec<Outcome>) -> EvalReport {
    let rows: Vec<PageScore> = benchmark
        .pages
        .par_iter()
        .zip(outcomes.par_iter())
        .map(|(page, outcome)| {
            let prediction = outcome.text.as_deref();
            let url = page.url.as_deref();
            let mut row = match &page.truth {
                Truth::Body(truth) => scrapinghub::score_page(&page.id, url, truth, prediction),
                Truth::Snippets { with, without } => {
                    withwithout::score_page(&page.id, url, with, without, prediction)
                }
            };
            row.error.clone_from(&outcome.error);
            row
        })
        .collect();
    let summary = match benchmark.kind {
        BenchmarkKind::Scrapinghub => scrapinghub::summarise(&rows),
        BenchmarkKind::WithWithout => withwithout::summarise(&rows),
    };
    let predictions = benchmark
        .pages
        .iter()
        .zip(outcomes)
        .map(|(page, outcome)| Prediction {
            id: page.id.clone(),
            source: page.source_name(),
            text: outcome.text,
        })
        .collect();
    EvalReport {
        kind: benchmark.kind,
        pages: rows.len(),
        missing: rows.iter().filter(|row| !row.predicted).count(),
        summary,
        rows,
        predictions,
    }
}

#[cfg(test)]
mod tests;
