//! End-to-end tests of the `decant` binary: run it in a temporary folder,
//! read the Parquet it wrote back with the parquet crate, check schema and
//! rows.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::{DataType, Int32Type};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::{FileReader, SerializedFileReader};

fn decant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_decant"))
        .args(args)
        .output()
        .expect("running the decant binary")
}

fn run_ok(args: &[&str]) -> Output {
    let output = decant(args);
    assert!(
        output.status.success(),
        "decant {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn read_parquet(path: &Path) -> Vec<RecordBatch> {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("a valid Parquet file")
        .build()
        .expect("a Parquet reader")
        .collect::<Result<Vec<_>, _>>()
        .expect("readable batches")
}

fn rows(batches: &[RecordBatch]) -> usize {
    batches.iter().map(|b| b.num_rows()).sum()
}

fn strings(batches: &[RecordBatch], column: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for batch in batches {
        let array = batch.column_by_name(column).expect(column);
        let array = array.as_string::<i32>();
        for i in 0..array.len() {
            out.push(array.is_valid(i).then(|| array.value(i).to_string()));
        }
    }
    out
}

fn article_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("output dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("articles-"))
        })
        .collect();
    files.sort();
    files
}

const ARTICLE: &str = r#"<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Harbor Town Votes to Restore Its Old Lighthouse | Coastal Ledger</title>
<meta property="og:site_name" content="Coastal Ledger">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-03-05T09:30:00-05:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<article><h1>Harbor Town Votes to Restore Its Old Lighthouse</h1>
<p>The town council of Harbor Point voted on Tuesday evening to restore the lighthouse that has stood at the mouth of the bay since 1871, ending a debate that had divided residents for more than a decade.</p>
<p>"This light guided my grandfather home every night of his working life, and it deserves better than to crumble," said council member Edith Marsh, who proposed the measure after a storm damaged the lantern room last winter.</p>
<p>The restoration is expected to cost about 2.4 million dollars, most of it covered by a state heritage grant and private donations collected by the local historical society over the past three years.</p>
<p>Work on the tower will begin in the spring and should be finished before the summer season, when thousands of visitors come to walk the breakwater and photograph the old keeper's house.</p>
</article>
<footer><p>Copyright 2024 Coastal Ledger. All rights reserved.</p></footer>
</body></html>"#;

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, bytes).expect("write fixture");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// A folder mixing good pages with empty, binary, truncated-gzip and
/// unknown files: every page read is either a row or a reject.
fn mixed_folder(root: &Path) -> PathBuf {
    let input = root.join("input");
    write(&input.join("a-good.html"), ARTICLE.as_bytes());
    write(&input.join("b-good.html.gz"), &gzip(ARTICLE.as_bytes()));
    write(&input.join("c-empty.html"), b"");
    let mut binary = vec![0u8, 159, 146, 150, 0, 0, 1, 2];
    binary.extend(std::iter::repeat_n(0u8, 2000));
    write(&input.join("d-binary.html"), &binary);
    let truncated = gzip(ARTICLE.repeat(20).as_bytes());
    write(
        &input.join("e-truncated.html.gz"),
        &truncated[..truncated.len() / 2],
    );
    write(&input.join("f-unknown.pdf"), b"%PDF-1.4 not a page");
    write(&input.join("nested/g-good.htm"), ARTICLE.as_bytes());
    input
}

#[test]
fn extract_writes_rows_and_rejects_for_every_page_of_a_mixed_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = mixed_folder(tmp.path());
    let out = tmp.path().join("out");
    let stats = tmp.path().join("stats.json");
    run_ok(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--stats",
        stats.to_str().unwrap(),
    ]);

    let files = article_files(&out);
    assert_eq!(files.len(), 1, "one articles file: {files:?}");
    assert!(files[0].ends_with("articles-00000.parquet"));
    let articles = read_parquet(&files[0]);
    let rejects = read_parquet(&out.join("rejects.parquet"));
    assert_eq!(rows(&articles), 3, "three good pages");
    assert_eq!(rows(&rejects), 4, "empty, binary, truncated gzip, unknown");

    // Input order: files sorted, directories walked recursively.
    let sources = strings(&articles, "source");
    assert_eq!(
        sources,
        vec![
            Some("a-good.html".to_string()),
            Some("b-good.html.gz".to_string()),
            Some("nested/g-good.htm".to_string())
        ]
    );
    let reasons = strings(&rejects, "reason");
    let reject_sources = strings(&rejects, "source");
    let by_source: Vec<(String, String)> = reject_sources
        .into_iter()
        .zip(reasons)
        .map(|(s, r)| (s.unwrap_or_default(), r.unwrap_or_default()))
        .collect();
    assert_eq!(
        by_source,
        vec![
            ("c-empty.html".to_string(), "empty".to_string()),
            ("d-binary.html".to_string(), "not_html".to_string()),
            ("e-truncated.html.gz".to_string(), "bad_gzip".to_string()),
            ("f-unknown.pdf".to_string(), "unknown_format".to_string()),
        ]
    );

    let stats: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&stats).expect("stats file")).expect("json");
    assert_eq!(stats["pages_read"], 7);
    assert_eq!(stats["articles"], 3);
    assert_eq!(stats["rejects"], 4);
    assert_eq!(stats["rejects_by_reason"]["bad_gzip"], 1);

    // No temporary file is left behind.
    for entry in fs::read_dir(&out).expect("out") {
        let name = entry.expect("entry").file_name();
        assert!(
            !name.to_string_lossy().contains("tmp"),
            "{name:?} left behind"
        );
    }
}

#[test]
fn article_rows_have_the_documented_schema_and_values() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let page = tmp.path().join("lighthouse.html");
    write(&page, ARTICLE.as_bytes());
    let out = tmp.path().join("out");
    run_ok(&[
        "extract",
        page.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let path = out.join("articles-00000.parquet");
    let batches = read_parquet(&path);
    let schema = batches[0].schema();
    let expected = [
        ("id", DataType::Utf8),
        ("source", DataType::Utf8),
        ("url", DataType::Utf8),
        ("title", DataType::Utf8),
        ("text", DataType::Utf8),
        ("word_count", DataType::Int32),
        ("date_published", DataType::Date32),
        ("content_hash", DataType::Utf8),
    ];
    for (name, data_type) in expected {
        let field = schema
            .field_with_name(name)
            .unwrap_or_else(|_| panic!("column {name}"));
        assert_eq!(field.data_type(), &data_type, "type of {name}");
    }
    for name in ["authors", "tags", "quotes", "removed"] {
        let field = schema
            .field_with_name(name)
            .unwrap_or_else(|_| panic!("column {name}"));
        assert!(
            matches!(field.data_type(), DataType::List(_)),
            "{name} is a list"
        );
    }
    assert!(matches!(
        schema
            .field_with_name("fetched_at")
            .expect("fetched_at")
            .data_type(),
        DataType::Timestamp(_, Some(_))
    ));

    let text = strings(&batches, "text")[0].clone().expect("text");
    assert!(
        text.starts_with("The town council of Harbor Point voted"),
        "{text}"
    );
    assert!(
        text.contains("\n\n"),
        "paragraphs separated by a blank line"
    );
    assert!(!text.contains("Sports"), "navigation stripped: {text}");
    assert!(!text.contains("Copyright"), "footer stripped: {text}");
    let words = batches[0]
        .column_by_name("word_count")
        .expect("word_count")
        .as_primitive::<Int32Type>()
        .value(0);
    assert!(words > 100, "word count {words}");

    // The file says which decant and which options wrote it.
    let reader = SerializedFileReader::new(fs::File::open(&path).expect("open")).expect("parquet");
    let kv = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .cloned()
        .unwrap_or_default();
    let version = kv
        .iter()
        .find(|kv| kv.key == "decant.version")
        .and_then(|kv| kv.value.clone());
    assert_eq!(version.as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert!(kv.iter().any(|kv| kv.key.contains("rows_per_file")));
}

#[test]
fn one_thread_and_four_threads_write_identical_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = mixed_folder(tmp.path());
    for i in 0..40 {
        write(
            &input.join(format!("many/page-{i:03}.html")),
            ARTICLE.replace("Tuesday", &format!("day {i}")).as_bytes(),
        );
    }
    let mut outputs = Vec::new();
    for threads in ["1", "4"] {
        let out = tmp.path().join(format!("out-{threads}"));
        run_ok(&[
            "extract",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--threads",
            threads,
            "--quiet",
            "--rows-per-file",
            "16",
        ]);
        outputs.push(out);
    }
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let first = names(&outputs[0]);
    assert_eq!(first, names(&outputs[1]));
    assert_eq!(
        first.iter().filter(|n| n.starts_with("articles-")).count(),
        3,
        "43 articles at 16 rows per file: {first:?}"
    );
    for name in &first {
        let a = fs::read(outputs[0].join(name)).expect("read");
        let b = fs::read(outputs[1].join(name)).expect("read");
        assert!(a == b, "{name} differs between 1 and 4 threads");
    }
}

#[test]
fn jsonl_format_writes_the_same_records() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = mixed_folder(tmp.path());
    let out = tmp.path().join("out");
    run_ok(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "jsonl",
        "--quiet",
    ]);
    let articles = fs::read_to_string(out.join("articles-00000.jsonl")).expect("articles");
    let lines: Vec<serde_json::Value> = articles
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["source"], "a-good.html");
    assert!(
        lines[0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Harbor Point"))
    );
    let rejects = fs::read_to_string(out.join("rejects.jsonl")).expect("rejects");
    assert_eq!(rejects.lines().count(), 4);
}

#[test]
fn show_prints_metadata_and_body_of_a_page() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let page = tmp.path().join("lighthouse.html");
    write(&page, ARTICLE.as_bytes());
    let output = run_ok(&["show", page.to_str().unwrap(), "--removed"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Harbor Town Votes to Restore Its Old Lighthouse"),
        "{stdout}"
    );
    assert!(
        stdout.contains("The town council of Harbor Point"),
        "{stdout}"
    );
    assert!(stdout.contains("--- removed"), "{stdout}");

    let output = run_ok(&["show", page.to_str().unwrap(), "--json"]);
    let record: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("show --json prints JSON");
    assert_eq!(record["source"], "lighthouse.html");
    assert!(record["word_count"].as_i64().is_some_and(|n| n > 100));
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error_not_a_panic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let page = tmp.path().join("page.html");
    write(&page, ARTICLE.as_bytes());
    let blocker = tmp.path().join("file");
    write(&blocker, b"a file, not a folder");
    let out = blocker.join("out");
    let output = decant(&[
        "extract",
        page.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("decant: error"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_missing_input_is_reported() {
    let output = decant(&["extract", "/nonexistent/pages", "-o", "/tmp/never"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not exist"));
}

#[test]
fn a_reader_that_closes_early_does_not_make_a_report_panic() {
    // `decant bench samples | head -1`: the pipe closes before the report
    // is written; the command must end without a panic trace.
    let child = Command::new(env!("CARGO_BIN_EXE_decant"))
        .args(["bench", "samples/latin1-page.html", "-j", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("running the decant binary");
    let mut child = child;
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("waiting for decant");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{stderr}");
}

#[test]
fn bench_pairs_every_html_page_with_a_bare_parse_in_each_round() {
    let output = run_ok(&["bench", "samples", "-j", "1", "--rounds", "2", "--json"]);
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("bench --json prints JSON");
    let html_files = fs::read_dir("samples")
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".html")
        })
        .count() as u64;
    let pages_read = report["run"]["pages_read"].as_u64().expect("pages_read");
    let rounds = report["rounds"].as_array().expect("a rounds array");
    assert_eq!(rounds.len(), 2);
    for round in rounds {
        // Every HTML page (files, and pages inside the WARC and JSONL
        // files) is paired; the text dump is not.
        let paired = round["html_pages"].as_u64().expect("html_pages");
        assert!(paired >= html_files && paired < pages_read, "{round}");
        assert_eq!(round["html_pages"], rounds[0]["html_pages"]);
        assert!(
            round["bare_parse"].as_f64().is_some_and(|s| s > 0.0),
            "{round}"
        );
        assert!(round["ratio"].as_f64().is_some_and(|r| r > 0.0), "{round}");
    }
}
