//! Benchmark folders and prediction files: the two ground-truth formats
//! (scrapinghub `ground-truth.json`, trafilatura `evaldata.json`) with their
//! pages in `html/`, and score.py's ways of reading predictions and naming
//! pages.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::EvalError;
use super::report::BenchmarkKind;

/// Ground truth file of a scrapinghub-style benchmark.
const SCRAPINGHUB_TRUTH: &str = "ground-truth.json";

/// Ground truth file of a trafilatura-style benchmark.
const WITHWITHOUT_TRUTH: &str = "evaldata.json";

/// Folder of the pages, beside the ground truth file.
const HTML_DIR: &str = "html";

/// Suffix of a page that is a plain-text dump (optionally gzipped): it
/// goes through `extract_text` instead of `extract_html`.
const TEXT_SUFFIX: &str = ".txt";

/// Suffixes score.py strips, in this order, once each, to name a page.
const PAGE_SUFFIXES: [&str; 5] = [".gz", ".html", ".htm", ".xhtml", ".txt"];

/// Prediction files score.py skips (decant's rejects: they score as empty).
const REJECTS_PREFIX: &str = "rejects";

/// A loaded benchmark: its metric and its pages, sorted by id.
#[derive(Clone, Debug)]
pub struct Benchmark {
    pub kind: BenchmarkKind,
    pub dir: PathBuf,
    pub pages: Vec<BenchmarkPage>,
}

/// One page of a benchmark.
#[derive(Clone, Debug)]
pub struct BenchmarkPage {
    /// The page id predictions are keyed by (see [`page_id`]).
    pub id: String,
    /// The page URL, when the benchmark gives a real one.
    pub url: Option<String>,
    /// The page file (`.gz` or not): HTML, or a text dump (`.txt`).
    pub html: PathBuf,
    pub truth: Truth,
}

impl BenchmarkPage {
    /// The page file's name, which score.py maps back to [`Self::id`].
    pub fn source_name(&self) -> String {
        self.html
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.id.clone())
    }

    /// True if the page file is a plain-text dump (`.txt` or `.txt.gz`).
    pub fn is_text_dump(&self) -> bool {
        let name = self.source_name();
        name.strip_suffix(".gz")
            .unwrap_or(&name)
            .ends_with(TEXT_SUFFIX)
    }
}

/// What a page's extraction is compared with.
#[derive(Clone, Debug)]
pub enum Truth {
    /// The full article body (scrapinghub).
    Body(String),
    /// Snippets that must and must not appear (withwithout).
    Snippets {
        with: Vec<String>,
        without: Vec<String>,
    },
}

#[derive(Deserialize)]
struct GroundTruthEntry {
    #[serde(rename = "articleBody", default)]
    article_body: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct EvalDataEntry {
    file: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

/// Loads the benchmark in `dir` (or the folder of the ground truth file
/// `dir` names): `ground-truth.json` makes it scrapinghub, `evaldata.json`
/// withwithout.
pub fn load_benchmark(dir: &Path) -> Result<Benchmark, EvalError> {
    let dir = if dir.is_file() {
        dir.parent().unwrap_or(Path::new(".")).to_path_buf()
    } else {
        dir.to_path_buf()
    };
    let scrapinghub = dir.join(SCRAPINGHUB_TRUTH);
    let withwithout = dir.join(WITHWITHOUT_TRUTH);
    if scrapinghub.is_file() {
        load_scrapinghub(&dir, &scrapinghub)
    } else if withwithout.is_file() {
        load_withwithout(&dir, &withwithout)
    } else {
        Err(EvalError::NotABenchmark(dir))
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// `{id: {"articleBody", "url"}}`, pages at `html/ID.html.gz` (or `.html`;
/// or a text dump `ID.txt`, `ID.txt.gz`).
fn load_scrapinghub(dir: &Path, truth_path: &Path) -> Result<Benchmark, EvalError> {
    let truth: BTreeMap<String, GroundTruthEntry> = read_json(truth_path)?;
    let html_dir = dir.join(HTML_DIR);
    let pages = truth
        .into_iter()
        .map(|(id, entry)| BenchmarkPage {
            html: first_existing(
                &html_dir,
                &[
                    format!("{id}.html.gz"),
                    format!("{id}.html"),
                    format!("{id}.txt"),
                    format!("{id}.txt.gz"),
                ],
            ),
            url: entry.url.filter(|url| !url.is_empty()),
            truth: Truth::Body(entry.article_body.unwrap_or_default()),
            id,
        })
        .collect();
    Ok(Benchmark {
        kind: BenchmarkKind::Scrapinghub,
        dir: dir.to_path_buf(),
        pages,
    })
}

/// `{url: {"file", "with", "without"}}`, pages at `html/FILE.gz` (or `FILE`).
fn load_withwithout(dir: &Path, truth_path: &Path) -> Result<Benchmark, EvalError> {
    let truth: BTreeMap<String, EvalDataEntry> = read_json(truth_path)?;
    let html_dir = dir.join(HTML_DIR);
    let mut pages: Vec<BenchmarkPage> = truth
        .into_iter()
        .map(|(key, entry)| BenchmarkPage {
            id: page_id(&entry.file),
            url: is_web_url(&key).then_some(key),
            html: first_existing(&html_dir, &[format!("{}.gz", entry.file), entry.file]),
            truth: Truth::Snippets {
                with: entry.with,
                without: entry.without,
            },
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Benchmark {
        kind: BenchmarkKind::WithWithout,
        dir: dir.to_path_buf(),
        pages,
    })
}

/// Whether a benchmark key is a real URL (trafilatura's keys are URLs except
/// for a few `hard::name` labels).
fn is_web_url(key: &str) -> bool {
    key.starts_with("http://") || key.starts_with("https://")
}

/// The first of `names` that exists in `dir`, else the first (so the read
/// error names the expected file).
fn first_existing(dir: &Path, names: &[String]) -> PathBuf {
    names
        .iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
        .or_else(|| names.first().map(|name| dir.join(name)))
        .unwrap_or_else(|| dir.to_path_buf())
}

/// score.py's page id: the file name (after any `#fragment` is cut and the
/// folders dropped) without `.gz`, `.html`, `.htm`, `.xhtml`, `.txt`, each
/// stripped once in that order.
pub fn page_id(name: &str) -> String {
    let before_fragment = name.split('#').next().unwrap_or_default();
    let trimmed = before_fragment.trim_end_matches('/');
    let mut id = trimmed.rsplit('/').next().unwrap_or_default();
    if id == "." {
        id = "";
    }
    for suffix in PAGE_SUFFIXES {
        id = id.strip_suffix(suffix).unwrap_or(id);
    }
    id.to_string()
}

/// Reads predictions as score.py does: a `.json` object `{id:
/// {"articleBody": text}}` (optionally wrapped in `{"version", "output"}`),
/// or a `.jsonl` file or folder of `.jsonl` files with `source` (or `id`)
/// and `text` fields, files named `rejects*` skipped. Returns page id → text.
pub fn load_predictions(path: &Path) -> Result<HashMap<String, String>, EvalError> {
    if path.is_file() && path.extension().is_some_and(|e| e == "json") {
        return load_benchmark_format(path);
    }
    let files = if path.is_dir() {
        jsonl_files_in(path)?
    } else if path.extension().is_some_and(|e| e == "jsonl") {
        vec![path.to_path_buf()]
    } else {
        return Err(EvalError::UnsupportedPredictions(path.to_path_buf()));
    };
    let mut predictions = HashMap::new();
    for file in files {
        read_jsonl_predictions(&file, &mut predictions)?;
    }
    Ok(predictions)
}

/// The `.jsonl` files of a folder, sorted, without the rejects.
fn jsonl_files_in(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let io_error = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let is_jsonl = path.extension().is_some_and(|e| e == "jsonl");
        if is_jsonl && name.is_some_and(|n| !n.starts_with(REJECTS_PREFIX)) {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(EvalError::UnsupportedPredictions(dir.to_path_buf()));
    }
    Ok(files)
}

/// Adds the rows of one JSONL file; a later row for the same page wins.
fn read_jsonl_predictions(
    path: &Path,
    predictions: &mut HashMap<String, String>,
) -> Result<(), EvalError> {
    let content = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    for line in content.lines().filter(|line| !line.trim().is_empty()) {
        let row: serde_json::Value =
            serde_json::from_str(line).map_err(|source| EvalError::Json {
                path: path.to_path_buf(),
                source,
            })?;
        let key = [row.get("source"), row.get("id")]
            .into_iter()
            .flatten()
            .find_map(non_empty_string)
            .unwrap_or_default();
        let text = row.get("text").and_then(serde_json::Value::as_str);
        predictions.insert(page_id(&key), text.unwrap_or_default().to_string());
    }
    Ok(())
}

/// A JSON value as a non-empty string key (score.py's `str(...)` of a
/// truthy value).
fn non_empty_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `{id: {"articleBody": text}}`, possibly inside `{"version", "output"}`.
fn load_benchmark_format(path: &Path) -> Result<HashMap<String, String>, EvalError> {
    let mut data: serde_json::Map<String, serde_json::Value> = read_json(path)?;
    let wrapped = data.len() == 2 && data.contains_key("version") && data.contains_key("output");
    if wrapped && let Some(serde_json::Value::Object(output)) = data.remove("output") {
        data = output;
    }
    Ok(data
        .into_iter()
        .map(|(id, value)| {
            let text = value
                .get("articleBody")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default();
            (id, text.to_string())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_id_strips_suffixes_like_score_py() {
        // python3 -c 'import score; print([score.page_id(n) for n in [...]])'
        assert_eq!(page_id("html/abc.html.gz"), "abc");
        assert_eq!(page_id("abc.htm.gz"), "abc");
        assert_eq!(page_id("a.txt.html"), "a");
        assert_eq!(page_id("a.gz.html"), "a.gz");
        assert_eq!(page_id("a.html.html"), "a.html");
        assert_eq!(page_id("dir/x.html#frag"), "x");
        assert_eq!(page_id("blog.python.org.html"), "blog.python.org");
    }
}
