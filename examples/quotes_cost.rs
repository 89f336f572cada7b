//! Measures what quote extraction adds to a page's extraction time: runs
//! `extract_html` (which includes the quotes stage) over every page of a
//! folder of `.html.gz`/`.html` files, then `find_quotes` alone over the
//! bodies it produced, and prints both totals and the share.
//!
//! ```text
//! cargo run --release --example quotes_cost -- ../shared/eval/scrapinghub-dev/html [ROUNDS]
//! cargo run --release --example quotes_cost -- DIR --dump OUT.jsonl
//! ```
//!
//! With `--dump`, it writes each page's language and quotes as JSON lines
//! instead (to read the quotes of many pages, in any language).

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use decant::extract::quotes::find_quotes;
use decant::{Config, PageContext};

/// Rounds over the pages when none is given: enough for a stable total.
const DEFAULT_ROUNDS: u32 = 5;

fn read_page(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .ok()?;
        return Some(String::from_utf8_lossy(&out).into_owned());
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

fn page_paths(dir: &str) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Writes `{"id", "language", "quotes": [{"text", "speaker", "cue"}]}` per page.
fn dump(dir: &str, out: &str) {
    let config = Config::default();
    let ctx = PageContext::default();
    let mut lines = String::new();
    for path in page_paths(dir) {
        let Some(html) = read_page(&path) else {
            continue;
        };
        let Ok(extracted) = decant::extract_html(&html, &ctx, &config) else {
            continue;
        };
        let quotes: Vec<serde_json::Value> = extracted
            .quotes
            .iter()
            .map(|q| serde_json::json!({"text": q.text, "speaker": q.speaker, "cue": q.cue}))
            .collect();
        let row = serde_json::json!({
            "id": path.file_name().map(|n| n.to_string_lossy().into_owned()),
            "language": extracted.metadata.language,
            "quotes": quotes,
        });
        lines.push_str(&row.to_string());
        lines.push('\n');
    }
    if let Err(e) = std::fs::write(out, lines) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: quotes_cost DIR [ROUNDS | --dump OUT.jsonl]");
        std::process::exit(2);
    };
    let next = args.next();
    if next.as_deref() == Some("--dump") {
        let out = args.next().unwrap_or_else(|| "quotes.jsonl".to_string());
        dump(&dir, &out);
        return;
    }
    let mut args = next.into_iter().chain(args);
    let rounds: u32 = args
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or(DEFAULT_ROUNDS);
    let pages: Vec<String> = page_paths(&dir)
        .iter()
        .filter_map(|p| read_page(p))
        .collect();
    let config = Config::default();
    let ctx = PageContext::default();
    let mut bodies = Vec::new();
    let mut whole = Duration::ZERO;
    let mut quotes_found = 0usize;
    for round in 0..rounds {
        let start = Instant::now();
        for html in &pages {
            if let Ok(extracted) = decant::extract_html(html, &ctx, &config) {
                if round == 0 {
                    quotes_found += extracted.quotes.len();
                    bodies.push(extracted.text);
                }
            }
        }
        whole += start.elapsed();
    }
    let mut stage = Duration::ZERO;
    for _ in 0..rounds {
        let start = Instant::now();
        for body in &bodies {
            std::hint::black_box(find_quotes(std::hint::black_box(body)));
        }
        stage += start.elapsed();
    }
    let per_round = |d: Duration| d.as_secs_f64() * 1000.0 / f64::from(rounds.max(1));
    println!(
        "{} pages, {} quotes, {rounds} rounds",
        pages.len(),
        quotes_found
    );
    println!(
        "extract_html (quotes included): {:.1} ms per round",
        per_round(whole)
    );
    println!("find_quotes alone:              {:.1} ms per round", per_round(stage));
    println!(
        "quotes stage share of extraction: {:.2}%",
        100.0 * stage.as_secs_f64() / whole.as_secs_f64().max(f64::MIN_POSITIVE)
    );
}
