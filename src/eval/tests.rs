//! Tests of the scorer against figures computed by the reference score.py
//! on the same hand-made pages, and of benchmark loading and reporting.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;

use super::*;

/// Truth/prediction pairs covering score.py's edge cases: perfect, partial
/// with leaks, under 4 tokens, empty truth, empty prediction, both empty,
/// repeated shingles, combining marks, a 3-token truth against 4 tokens,
/// underscore and numeric symbols.
const SCRAPINGHUB_PAIRS: [(&str, &str); 10] = [
    (
        "The quick brown fox jumps over the lazy dog.",
        "The quick brown fox jumps over the lazy dog.",
    ),
    (
        "The quick brown fox jumps over the lazy dog.",
        "The quick brown fox jumps. Subscribe now to our newsletter!",
    ),
    ("Short text", "Short text"),
    ("", "Some boilerplate only here"),
    ("A b c d e f", ""),
    ("", ""),
    ("a b c d a b c d a b c d", "a b c d a b c d"),
    (
        "Caf\u{e9} au lait est tr\u{e8}s bon",
        "Cafe\u{301} au lait est tre\u{300}s bon",
    ),
    ("one two three", "one two three four"),
    ("x_y 3\u{b2} \u{bd}", "x_y 3\u{b2} \u{bd}"),
];

/// (tp, fp, fn, exact) per pair, as printed by score.py's `shingles` and
/// `TOKEN.findall` on the pairs above.
const SCRAPINGHUB_COUNTS: [(usize, usize, usize, bool); 10] = [
    (6, 0, 0, true),
    (2, 5, 4, false),
    (1, 0, 0, true),
    (0, 1, 0, false),
    (0, 0, 3, false),
    (0, 0, 0, true),
    (5, 0, 4, false),
    (0, 4, 3, false),
    (0, 1, 1, false),
    (1, 0, 0, true),
];

/// score.py's F1, precision, recall, accuracy on the pairs above.
const SCRAPINGHUB_FIGURES: Summary = Summary {
    f1: 0.5097087378640777,
    precision: 0.5357142857142857,
    recall: 0.4861111111111111,
    accuracy: 0.4,
};

/// Tolerance for full-precision comparisons: score.py averages with exact
/// fractions, we with compensated floats; they agree to a few ulps.
const ULPS: f64 = 1e-12;

fn assert_figures(got: &Summary, want: &Summary) {
    for (name, g, w) in [
        ("f1", got.f1, want.f1),
        ("precision", got.precision, want.precision),
        ("recall", got.recall, want.recall),
        ("accuracy", got.accuracy, want.accuracy),
    ] {
        assert!((g - w).abs() < ULPS, "{name}: got {g}, score.py {w}");
    }
}

fn write_gz(path: &Path, content: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    encoder.write_all(content.as_bytes()).unwrap();
    encoder.finish().unwrap();
}

/// A scrapinghub-format benchmark of the pairs' truths, page ids p0..p9.
fn scrapinghub_benchmark() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("html")).unwrap();
    let mut truth = serde_json::Map::new();
    for (index, (body, _)) in SCRAPINGHUB_PAIRS.iter().enumerate() {
        let id = format!("p{index}");
        let html = format!("<html><body><article><p>{body}</p></article></body></html>");
        write_gz(&dir.path().join(format!("html/{id}.html.gz")), &html);
        let url = format!("https://example.com/{id}");
        truth.insert(id, serde_json::json!({"articleBody": body, "url": url}));
    }
    let json = serde_json::Value::Object(truth).to_string();
    std::fs::write(dir.path().join("ground-truth.json"), json).unwrap();
    dir
}

fn scrapinghub_predictions() -> HashMap<String, String> {
    SCRAPINGHUB_PAIRS
        .iter()
        .enumerate()
        .map(|(index, (_, prediction))| (format!("p{index}"), prediction.to_string()))
        .collect()
}

#[test]
fn scrapinghub_pages_count_like_score_py() {
    for ((truth, prediction), (tp, fp, fn_, exact)) in
        SCRAPINGHUB_PAIRS.iter().zip(SCRAPINGHUB_COUNTS)
    {
        let page = scrapinghub::score_page("p", None, truth, Some(prediction));
        assert_eq!(
            (page.tp, page.fp, page.fn_, page.exact),
            (tp, fp, fn_, exact),
            "{truth:?} vs {prediction:?}"
        );
    }
}

#[test]
fn scrapinghub_figures_equal_score_py() {
    let dir = scrapinghub_benchmark();
    let report = score_predictions(dir.path(), &scrapinghub_predictions()).unwrap();
    assert_eq!(report.kind, BenchmarkKind::Scrapinghub);
    assert_eq!(report.pages, 10);
    assert_eq!(report.missing, 0);
    assert_figures(&report.summary, &SCRAPINGHUB_FIGURES);
    // score.py prints: pages 10  missing 0  F1 0.510  precision 0.536  recall 0.486  accuracy 0.400
    assert_eq!(
        report.summary_line(),
        "pages 10  missing 0  F1 0.510  precision 0.536  recall 0.486  accuracy 0.400"
    );
}

#[test]
fn absent_prediction_is_missing_and_empty() {
    let dir = scrapinghub_benchmark();
    let mut predictions = scrapinghub_predictions();
    predictions.remove("p0");
    let report = score_predictions(dir.path(), &predictions).unwrap();
    assert_eq!(report.missing, 1);
    let row = report.rows.iter().find(|row| row.id == "p0").unwrap();
    assert!(!row.predicted);
    assert_eq!((row.tp, row.fp, row.fn_), (0, 0, 6));
    assert!(report.render(2).contains("no prediction: missing"));
}

#[test]
fn missed_text_is_the_dropped_span_only() {
    let truth =
        "Alpha beta gamma delta epsilon.\n\nPhoto: Getty Images\n\nZeta eta theta iota kappa.";
    let prediction = "Alpha beta gamma delta epsilon.\n\nZeta eta theta iota kappa.";
    let page = scrapinghub::score_page("p", None, truth, Some(prediction));
    let missed: Vec<&str> = page.missed.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(missed, vec!["Photo: Getty Images"]);
    assert!(page.leaked.is_empty());
}

#[test]
fn one_wrong_word_shows_as_that_word() {
    let page = scrapinghub::score_page(
        "p",
        None,
        "a b c d e f g h i j k",
        Some("a b c d e F g h i j k"),
    );
    assert_eq!(
        page.missed,
        vec![Snippet {
            tokens: 1,
            text: "f".into()
        }]
    );
    assert_eq!(
        page.leaked,
        vec![Snippet {
            tokens: 1,
            text: "F".into()
        }]
    );
}

#[test]
fn leaked_boilerplate_is_reported() {
    let truth = "One two three four five six.";
    let prediction = "Subscribe to our newsletter today. One two three four five six.";
    let page = scrapinghub::score_page("p", None, truth, Some(prediction));
    assert!(page.missed.is_empty());
    let leaked: Vec<&str> = page.leaked.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(leaked, vec!["Subscribe to our newsletter today"]);
}

/// (with, without, prediction) pages covering whitespace collapsing (tabs,
/// newlines, no-break space, U+001F which Python counts as space) and a
/// page without prediction.
fn withwithout_pages() -> Vec<(Vec<&'static str>, Vec<&'static str>, Option<&'static str>)> {
    vec![
        (
            vec!["quick brown fox", "lazy  dog"],
            vec!["Subscribe now"],
            Some("The quick\nbrown fox jumps over the lazy dog."),
        ),
        (
            vec!["Article body text"],
            vec!["Share this", "Cookie notice"],
            Some("Article body\u{a0}text. Share  this!"),
        ),
        (vec!["missing part"], vec!["nav"], None),
        (vec!["a\u{1f}b"], vec![], Some("a b c")),
    ]
}

/// score.py's withwithout figures on the pages above (tp 4, fp 1, fn 1, tn 3).
const WITHWITHOUT_FIGURES: Summary = Summary {
    f1: 0.8,
    precision: 0.8,
    recall: 0.8,
    accuracy: 0.7777777777777778,
};

/// A trafilatura-format benchmark of [`withwithout_pages`]: files w0.html..
/// (gzipped as w0.html.gz), keys URLs except one `hard::` label.
fn withwithout_benchmark() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("html")).unwrap();
    let mut evaldata = serde_json::Map::new();
    for (index, (with, without, _)) in withwithout_pages().into_iter().enumerate() {
        let file = format!("w{index}.html");
        let html = format!("<html><body><p>{}</p></body></html>", with.join(" "));
        write_gz(&dir.path().join(format!("html/{file}.gz")), &html);
        let key = if index == 0 {
            "hard::w0".to_string()
        } else {
            format!("https://example.org/{index}")
        };
        evaldata.insert(
            key,
            serde_json::json!({"file": file, "with": with, "without": without}),
        );
    }
    let json = serde_json::Value::Object(evaldata).to_string();
    std::fs::write(dir.path().join("evaldata.json"), json).unwrap();
    dir
}

#[test]
fn withwithout_figures_equal_score_py() {
    let dir = withwithout_benchmark();
    let predictions: HashMap<String, String> = withwithout_pages()
        .into_iter()
        .enumerate()
        .filter_map(|(index, (_, _, p))| p.map(|p| (format!("w{index}"), p.to_string())))
        .collect();
    let report = score_predictions(dir.path(), &predictions).unwrap();
    assert_eq!(report.kind, BenchmarkKind::WithWithout);
    assert_eq!((report.pages, report.missing), (4, 1));
    assert_figures(&report.summary, &WITHWITHOUT_FIGURES);
    let counts: Vec<_> = report
        .rows
        .iter()
        .map(|r| (r.tp, r.fp, r.fn_, r.tn))
        .collect();
    assert_eq!(
        counts,
        vec![(2, 0, 0, 1), (1, 1, 0, 1), (0, 0, 1, 1), (1, 0, 0, 0)]
    );
    let w1 = report.rows.iter().find(|r| r.id == "w1").unwrap();
    assert_eq!(
        w1.leaked.first().map(|s| s.text.as_str()),
        Some("Share this")
    );
    assert_eq!(w1.url.as_deref(), Some("https://example.org/1"));
    let w0 = report.rows.iter().find(|r| r.id == "w0").unwrap();
    assert_eq!(w0.url, None, "a hard:: label is not a URL");
}

#[test]
fn worst_lists_failing_pages_lowest_f1_first() {
    let dir = scrapinghub_benchmark();
    let report = score_predictions(dir.path(), &scrapinghub_predictions()).unwrap();
    let worst: Vec<&str> = report.worst(3).iter().map(|p| p.id.as_str()).collect();
    // p7 (0 tp, 7 errors), p4 (0 tp, 3), p3/p8 (0 tp, 1 or 2) — p7 first.
    assert_eq!(worst.first(), Some(&"p7"));
    assert_eq!(worst.len(), 3);
    assert!(report.worst(100).iter().all(|p| p.errors() > 0));
    let text = report.render(2);
    assert!(text.starts_with(&report.summary_line()));
    assert!(text.contains("worst 2 pages"));
    assert!(text.contains("https://example.com/p7"));
}

#[test]
fn predictions_jsonl_round_trips_with_line_separators() {
    let dir = scrapinghub_benchmark();
    let mut predictions = scrapinghub_predictions();
    predictions.insert("p2".into(), "Short\u{2028}text\u{85}".into());
    let report = score_predictions(dir.path(), &predictions).unwrap();
    let out = dir.path().join("predictions.jsonl");
    report.write_predictions_jsonl(&out).unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(!written.contains('\u{2028}') && !written.contains('\u{85}'));
    assert_eq!(written.lines().count(), 10);
    assert!(written.contains("\"source\":\"p0.html.gz\""));
    let reloaded = load_predictions(&out).unwrap();
    assert_eq!(reloaded, predictions);
}

#[test]
fn benchmark_format_predictions_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let json = r#"{"version": 1, "output": {"a": {"articleBody": "text a"}, "b": null}}"#;
    std::fs::write(&path, json).unwrap();
    let loaded = load_predictions(&path).unwrap();
    assert_eq!(loaded.get("a").map(String::as_str), Some("text a"));
    assert_eq!(loaded.get("b").map(String::as_str), Some(""));
}

#[test]
fn folder_without_truth_is_not_a_benchmark() {
    let dir = tempfile::tempdir().unwrap();
    let error = load_benchmark(dir.path()).unwrap_err();
    assert!(matches!(error, EvalError::NotABenchmark(_)));
}

#[test]
fn run_extracts_every_gzipped_page_in_order() {
    let dir = scrapinghub_benchmark();
    let report = run(dir.path(), &Config::default()).unwrap();
    assert_eq!(report.pages, 10);
    let ids: Vec<&str> = report.predictions.iter().map(|p| p.id.as_str()).collect();
    let rows: Vec<&str> = report.rows.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, rows);
    for (row, prediction) in report.rows.iter().zip(&report.predictions) {
        assert_eq!(row.predicted, prediction.text.is_some());
        assert_eq!(row.predicted, row.error.is_none(), "{row:?}");
    }
    let missing = report.rows.iter().filter(|row| !row.predicted).count();
    assert_eq!(report.missing, missing);
}

#[test]
fn run_reports_an_unreadable_page() {
    let dir = scrapinghub_benchmark();
    std::fs::remove_file(dir.path().join("html/p3.html.gz")).unwrap();
    let error = run(dir.path(), &Config::default()).unwrap_err();
    assert!(error.to_string().contains("p3.html.gz"), "{error}");
}

/// A short article as a text dump (the shape `scripts/make_text_dumps.py`
/// writes): a menu line, the headline, three paragraphs, a footer line.
const TEXT_DUMP: &str = "Home | News | Sport\n\nCouncil passes budget\n\n\
    The council approved the new budget on Tuesday after a long debate about schools.\n\n\
    Critics said the plan would raise local taxes for families already under pressure.\n\n\
    The mayor defended the spending and promised a review of the numbers next spring.\n\n\
    © 2024 Example Media. All rights reserved.\n";

#[test]
fn text_dump_pages_go_through_the_text_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("html")).unwrap();
    std::fs::write(dir.path().join("html/t0.txt"), TEXT_DUMP).unwrap();
    write_gz(&dir.path().join("html/t1.txt.gz"), TEXT_DUMP);
    let body = "The council approved the new budget on Tuesday after a long debate about schools.";
    let truth = serde_json::json!({
        "t0": {"articleBody": body, "url": ""},
        "t1": {"articleBody": body, "url": ""},
    });
    std::fs::write(dir.path().join("ground-truth.json"), truth.to_string()).unwrap();
    let benchmark = load_benchmark(dir.path()).unwrap();
    assert!(benchmark.pages.iter().all(BenchmarkPage::is_text_dump));
    let report = run(dir.path(), &Config::default()).unwrap();
    assert_eq!(report.missing, 0);
    for prediction in &report.predictions {
        // Read as HTML, the dump would be one paragraph; read as text, its
        // paragraphs stay apart and the copyright line is removed.
        let text = prediction.text.as_deref().unwrap_or_default();
        assert!(text.contains("schools.\n\nCritics"), "{text}");
        assert!(!text.contains("All rights reserved"), "{text}");
    }
}

#[test]
fn withwithout_text_dumps_are_found_by_their_file_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("html")).unwrap();
    std::fs::write(dir.path().join("html/w0.txt"), TEXT_DUMP).unwrap();
    let evaldata = serde_json::json!({"https://example.org/w0": {
        "file": "w0.txt", "with": ["review of the numbers"], "without": ["All rights reserved"]}});
    std::fs::write(dir.path().join("evaldata.json"), evaldata.to_string()).unwrap();
    let report = run(dir.path(), &Config::default()).unwrap();
    let row = report.rows.first().unwrap();
    assert_eq!(row.id, "w0");
    assert_eq!((row.tp, row.fp, row.fn_, row.tn), (1, 0, 0, 1));
}

#[test]
fn an_html_page_is_not_a_text_dump() {
    let dir = scrapinghub_benchmark();
    let benchmark = load_benchmark(dir.path()).unwrap();
    assert!(!benchmark.pages.iter().any(BenchmarkPage::is_text_dump));
}
