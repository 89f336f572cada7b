//! The result of an evaluation: summary figures, one score per page, and a
//! text rendering (score.py's summary line, then the worst pages with what
//! they missed and leaked).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use serde::Serialize;

use super::EvalError;

/// Snippets shown per page and side (missed, leaked) in the rendering.
const SNIPPETS_SHOWN: usize = 3;

/// Characters of one snippet shown in the rendering before it is cut.
const SNIPPET_CHARS: usize = 160;

/// Which metric a benchmark uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BenchmarkKind {
    /// `html/` + `ground-truth.json`: full article bodies, shingle metric.
    Scrapinghub,
    /// `html/` + `evaldata.json`: snippets that must / must not appear.
    WithWithout,
}

impl BenchmarkKind {
    /// The name score.py uses for this metric.
    pub fn as_str(self) -> &'static str {
        match self {
            BenchmarkKind::Scrapinghub => "scrapinghub",
            BenchmarkKind::WithWithout => "withwithout",
        }
    }
}

/// A piece of missed or leaked text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snippet {
    /// Its number of `\w+` tokens.
    pub tokens: usize,
    /// The text, whitespace collapsed.
    pub text: String,
}

/// The score of one page.
///
/// For scrapinghub, `tp`/`fp`/`fn_` count 4-gram shingles, `tn` is 0,
/// `exact` means the token sequences are equal, `missed`/`leaked` are runs
/// of truth tokens not predicted / predicted tokens not in the truth. For
/// withwithout they count snippets, `exact` means no error, `missed` are the
/// "with" snippets not found and `leaked` the "without" snippets found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageScore {
    /// Page id (file name without `.gz`/`.html`..., or the ground-truth key).
    pub id: String,
    pub url: Option<String>,
    /// Whether there was a prediction (false: extraction failed or missing).
    pub predicted: bool,
    /// Why extraction failed, if it did.
    pub error: Option<String>,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    pub exact: bool,
    pub missed: Vec<Snippet>,
    pub leaked: Vec<Snippet>,
}

impl PageScore {
    /// Page F1 `2tp / (2tp + fp + fn)`; 1 when there is nothing to find and
    /// nothing was found.
    pub fn f1(&self) -> f64 {
        let denominator = 2 * self.tp + self.fp + self.fn_;
        if denominator == 0 {
            1.0
        } else {
            (2 * self.tp) as f64 / denominator as f64
        }
    }

    /// Page precision; 1 when nothing was predicted wrongly or at all.
    pub fn precision(&self) -> f64 {
        share(self.tp, self.fp)
    }

    /// Page recall; 1 when nothing was missed.
    pub fn recall(&self) -> f64 {
        share(self.tp, self.fn_)
    }

    /// Number of errors (false positives plus false negatives).
    pub fn errors(&self) -> usize {
        self.fp + self.fn_
    }
}

/// `good / (good + bad)`, 1 when both are zero.
fn share(good: usize, bad: usize) -> f64 {
    if good + bad == 0 {
        1.0
    } else {
        good as f64 / (good + bad) as f64
    }
}

/// The four benchmark figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
}

/// What the extractor produced for one page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prediction {
    /// Page id, as in [`PageScore::id`].
    pub id: String,
    /// The page's file name in `html/` (score.py maps it back to the id).
    pub source: String,
    /// The extracted text; `None` when extraction failed (a reject).
    pub text: Option<String>,
}

/// The result of evaluating predictions on one benchmark.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    pub kind: BenchmarkKind,
    /// Number of benchmark pages.
    pub pages: usize,
    /// Pages with no prediction (scored as empty).
    pub missing: usize,
    pub summary: Summary,
    /// One row per page, in benchmark order (sorted by id).
    pub rows: Vec<PageScore>,
    /// The predictions scored, in the order of `rows`.
    #[serde(skip)]
    pub predictions: Vec<Prediction>,
}

impl EvalReport {
    /// score.py's summary line:
    /// `pages N  missing M  F1 x.xxx  precision x.xxx  recall x.xxx  accuracy x.xxx`.
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        format!(
            "pages {}  missing {}  F1 {:.3}  precision {:.3}  recall {:.3}  accuracy {:.3}",
            self.pages, self.missing, s.f1, s.precision, s.recall, s.accuracy
        )
    }

    /// The `n` worst pages: lowest page F1 first, then most errors, then id.
    /// Pages without any error are never listed.
    pub fn worst(&self, n: usize) -> Vec<&PageScore> {
        let mut pages: Vec<&PageScore> = self.rows.iter().filter(|p| p.errors() > 0).collect();
        pages.sort_by(|a, b| {
            a.f1()
                .total_cmp(&b.f1())
                .then(b.errors().cmp(&a.errors()))
                .then(a.id.cmp(&b.id))
        });
        pages.truncate(n);
        pages
    }

    /// The summary line, then the `worst` worst pages with excerpts of what
    /// they missed and leaked.
    pub fn render(&self, worst: usize) -> String {
        let mut out = self.summary_line();
        out.push('\n');
        let pages = self.worst(worst);
        if pages.is_empty() {
            return out;
        }
        let _ = writeln!(
            out,
            "\nworst {} pages ({}):",
            pages.len(),
            self.kind.as_str()
        );
        for page in pages {
            self.render_page(&mut out, page);
        }
        out
    }

    fn render_page(&self, out: &mut String, page: &PageScore) {
        let _ = write!(
            out,
            "\n{}  F1 {:.3}  P {:.3}  R {:.3}",
            page.id,
            page.f1(),
            page.precision(),
            page.recall()
        );
        let unit = match self.kind {
            BenchmarkKind::Scrapinghub => "shingles",
            BenchmarkKind::WithWithout => "snippets",
        };
        let _ = write!(out, "  ({} {unit} missed, {} leaked)", page.fn_, page.fp);
        if let Some(url) = &page.url {
            let _ = write!(out, "  {url}");
        }
        out.push('\n');
        if !page.predicted {
            let why = page.error.as_deref().unwrap_or("missing");
            let _ = writeln!(out, "  no prediction: {why}");
        }
        render_snippets(out, "missed", &page.missed, self.kind);
        render_snippets(out, "leaked", &page.leaked, self.kind);
    }

    /// Writes the predictions as JSONL, one `{"source", "text"}` object per
    /// page that has one (failed pages are left out, as `decant extract`
    /// leaves them out of the dataset), for `score.py` to read.
    pub fn write_predictions_jsonl(&self, path: &Path) -> Result<(), EvalError> {
        let io_error = |source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::create(path).map_err(io_error)?;
        let mut writer = std::io::BufWriter::new(file);
        for prediction in &self.predictions {
            let Some(text) = &prediction.text else {
                continue;
            };
            let line = serde_json::json!({"source": prediction.source, "text": text});
            writeln!(writer, "{}", escape_line_breaks(&line.to_string())).map_err(io_error)?;
        }
        writer.flush().map_err(io_error)
    }
}

impl std::fmt::Display for EvalReport {
    /// The summary line and the 10 worst pages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(10))
    }
}

/// Writes up to [`SNIPPETS_SHOWN`] snippets under `label`: the largest runs
/// for scrapinghub, the first snippets for withwithout.
fn render_snippets(out: &mut String, label: &str, snippets: &[Snippet], kind: BenchmarkKind) {
    if snippets.is_empty() {
        return;
    }
    let mut shown: Vec<&Snippet> = snippets.iter().collect();
    if kind == BenchmarkKind::Scrapinghub {
        shown.sort_by_key(|s| std::cmp::Reverse(s.tokens));
    }
    for snippet in shown.iter().take(SNIPPETS_SHOWN) {
        let _ = writeln!(out, "  {label}: \"{}\"", excerpt(&snippet.text));
    }
    if snippets.len() > SNIPPETS_SHOWN {
        let _ = writeln!(
            out,
            "  {label}: ... {} more",
            snippets.len() - SNIPPETS_SHOWN
        );
    }
}

/// Characters Python's `str.splitlines()` breaks lines at that JSON may
/// leave unescaped inside strings (serde_json escapes the ASCII controls).
const UNESCAPED_LINE_BREAKS: [(char, &str); 3] = [
    ('\u{85}', "\\u0085"),
    ('\u{2028}', "\\u2028"),
    ('\u{2029}', "\\u2029"),
];

/// `json` with NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR escaped, so a
/// reader that splits lines like Python (score.py) sees one record per line.
/// These characters only occur inside JSON strings, where the escape means
/// the same character.
fn escape_line_breaks(json: &str) -> String {
    let mut out = json.to_string();
    for (c, escaped) in UNESCAPED_LINE_BREAKS {
        if out.contains(c) {
            out = out.replace(c, escaped);
        }
    }
    out
}

/// `text` cut to [`SNIPPET_CHARS`] characters, middle elided.
fn excerpt(text: &str) -> String {
    let chars = text.chars().count();
    if chars <= SNIPPET_CHARS {
        return text.to_string();
    }
    let half = SNIPPET_CHARS / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(chars - half).collect();
    format!("{head} … {tail}")
}
