//! Golden tests: every page of `samples/` against its hand-checked answer
//! in `tests/golden/` (conventions in `tests/golden/README.md`). A failure
//! names the sample and the field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use decant::input::{InputItem, discover, read_file};
use decant::pipeline::process_page;
use decant::{Config, Record};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every record decant extracts from `samples/`, keyed by the golden
/// lookup key: the file name, `file:LINE` for JSONL and the record id for
/// WARC.
fn extracted_samples() -> BTreeMap<String, Record> {
    let config = Config {
        keep_removed: true,
        ..Config::default()
    };
    let mut records = BTreeMap::new();
    for file in discover(&[root().join("samples")]) {
        let file = file.expect("every sample file is readable");
        for item in read_file(&file, &config) {
            match item {
                InputItem::Page(page) => {
                    let source = page.source.clone();
                    let record = process_page(page, &config)
                        .unwrap_or_else(|r| panic!("{source} rejected: {r:?}"));
                    let key = if source.contains('@') {
                        record.id.clone()
                    } else {
                        source
                    };
                    records.insert(key, record);
                }
                InputItem::Reject(reject) => panic!("sample rejected: {reject:?}"),
                InputItem::Skipped { .. } => {}
            }
        }
    }
    records
}

/// Each golden answer with the key of the record it describes.
fn golden_answers() -> Vec<(String, Value)> {
    let mut answers = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("tests/golden"))
        .expect("tests/golden")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("golden file");
        let value: Value = serde_json::from_str(&text).expect("golden JSON");
        let entries = match value {
            Value::Array(entries) => entries,
            single => vec![single],
        };
        for entry in entries {
            let source = entry["source"]
                .as_str()
                .expect("source")
                .replace("samples/", "");
            let key = if let Some(line) = entry.get("line").and_then(Value::as_u64) {
                format!("{source}:{line}")
            } else if let Some(id) = entry.get("id").and_then(Value::as_str) {
                id.to_string()
            } else {
                source
            };
            answers.push((key, entry));
        }
    }
    answers
}

fn opt_str(value: &Value) -> Option<String> {
    value.as_str().map(str::to_string)
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(opt_str).collect())
        .unwrap_or_default()
}

/// Compares one record with its answer; returns one line per wrong field.
fn differences(case: &str, record: &Record, answer: &Value, fields: &[&str]) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut check = |field: &str, expected: String, got: String| {
        if expected != got {
            wrong.push(format!(
                "{case}: {field}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    };
    for field in fields {
        match *field {
            "text" => check(
                "text",
                answer["text"].as_str().unwrap_or("").into(),
                record.text.clone(),
            ),
            "title" => check(
                "title",
                format!("{:?}", opt_str(&answer["title"])),
                format!("{:?}", record.title),
            ),
            "site_name" => check(
                "site_name",
                format!("{:?}", opt_str(&answer["site_name"])),
                format!("{:?}", record.site_name),
            ),
            "language" => check(
                "language",
                format!("{:?}", opt_str(&answer["language"])),
                format!("{:?}", record.language),
            ),
            "authors" => check(
                "authors",
                format!("{:?}", strings(&answer["authors"])),
                format!("{:?}", record.authors),
            ),
            "date_published" => check(
                "date_published",
                format!("{:?}", opt_str(&answer["date_published"])),
                format!("{:?}", record.date_published.map(|d| d.to_string())),
            ),
            "must_not_contain" => {
                for snippet in strings(&answer["must_not_contain"]) {
                    if record.text.contains(&snippet) {
                        check("boilerplate kept", String::new(), snippet);
                    }
                }
            }
            "quotes" => {
                let expected: Vec<(String, Option<String>)> = answer["quotes"]
                    .as_array()
                    .map(|quotes| {
                        quotes
                            .iter()
                            .map(|q| {
                                (
                                    q["text"].as_str().unwrap_or("").to_string(),
                                    opt_str(&q["speaker"]),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let got: Vec<(String, Option<String>)> = record
                    .quotes
                    .iter()
                    .map(|q| (q.text.clone(), q.speaker.clone()))
                    .collect();
                check("quotes", format!("{expected:#?}"), format!("{got:#?}"));
            }
            other => panic!("unknown golden field {other}"),
        }
    }
    wrong
}

fn run_golden(fields: &[&str]) {
    let records = extracted_samples();
    let answers = golden_answers();
    assert!(answers.len() >= 18, "only {} golden answers", answers.len());
    let mut failures = Vec::new();
    for (key, answer) in &answers {
        match records.get(key) {
            Some(record) => failures.extend(differences(key, record, answer, fields)),
            None => failures.push(format!("{key}: no record extracted")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_body_text() {
    run_golden(&["text", "must_not_contain"]);
}

#[test]
fn golden_metadata() {
    run_golden(&[
        "title",
        "site_name",
        "authors",
        "date_published",
        "language",
    ]);
}

#[test]
fn golden_quotes() {
    run_golden(&["quotes"]);
}

#[test]
fn founding_example_removed_blocks_have_the_expected_kinds() {
    let records = extracted_samples();
    let record = records
        .get("newsweek-kazakhstan.txt")
        .expect("the founding example");
    let answer: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/golden/newsweek-kazakhstan.json"))
            .expect("answer"),
    )
    .expect("JSON");
    let expected: Vec<(String, String)> = answer["removed"]
        .as_array()
        .expect("removed")
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap_or("").into(),
                r["text"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let got: Vec<(String, String)> = record
        .removed
        .as_ref()
        .expect("removed kept")
        .iter()
        .map(|r| (r.kind.clone(), r.text.clone()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn samples_folder_holds_only_pages() {
    let unknown: Vec<String> = discover(&[root().join("samples")])
        .into_iter()
        .filter_map(Result::ok)
        .filter(|f| decant::input::InputFormat::of(Path::new(&f.path)).is_none())
        .map(|f| f.rel)
        .collect();
    assert!(unknown.is_empty(), "not pages: {unknown:?}");
}
