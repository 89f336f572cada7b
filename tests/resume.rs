//! Runs that stop before their end: a real `decant extract` over a crawl of
//! many WARC, JSONL and HTML files is killed (SIGKILL) or interrupted
//! (SIGINT, SIGTERM) once its first file is published; what it left must
//! hold no file that looks complete but is not, and `--resume` must then
//! produce the same dataset as an uninterrupted run. Also: output errors
//! (a full disk, an unwritable folder) end a run with one clear message.
//!
//! The tests synchronise on files appearing in the output folder, never on
//! time.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use arrow::array::{ArrayRef, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// Article rows per output file: small, so files rotate many times (each
/// file is synced to disk, so not too small: the tests would be slow).
const ROWS_PER_FILE: &str = "20";

fn decant() -> Command {
    Command::new(env!("CARGO_BIN_EXE_decant"))
}

fn run(args: &[&str]) -> Output {
    decant().args(args).output().expect("running decant")
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An article page whose text differs with `n`.
fn article(n: usize) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbor Town {n} Votes to Restore Its Old Lighthouse | Coastal Ledger</title>
<meta name="author" content="Maria Lindqvist"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbor Town {n} Votes to Restore Its Old Lighthouse</h1>
<p>The council of Harbor Point {n} voted on Tuesday evening to restore the lighthouse that has stood at the mouth of the bay since 1871, ending a debate that had divided residents for more than a decade.</p>
<p>"This light guided my grandfather home every night of his working life, and it deserves better than to crumble," said council member Edith Marsh, who proposed measure number {n} after a storm damaged the lantern room.</p>
<p>The restoration is expected to cost about {n} thousand dollars, most of it covered by a state heritage grant and private donations collected by the local historical society over the past three years.</p>
</article><footer><p>Copyright 2024 Coastal Ledger.</p></footer></body></html>"#
    )
}

/// A page with no article: a reject (`no_article` or `empty`).
const NO_ARTICLE: &str = "<html><body><nav><a href='/'>Home</a></nav></body></html>";

/// One WARC response record of `body`.
fn warc_record(id: &str, url: &str, body: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    record.extend_from_slice(http.as_bytes());
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// A crawl folder: WARC files of many records, JSONL files with a broken
/// line each, single HTML pages. About 800 pages, four chunks of the
/// pipeline, so a run is still reading when its first files are published.
fn crawl(root: &Path) -> PathBuf {
    let dir = root.join("crawl");
    fs::create_dir_all(&dir).expect("mkdir");
    let mut n = 0;
    for file in 0..30 {
        let mut warc = Vec::new();
        for _ in 0..20 {
            let body = if n % 9 == 4 {
                NO_ARTICLE.to_string()
            } else {
                article(n)
            };
            let url = format!("https://example.com/news/{n}");
            warc.extend(warc_record(
                &format!("{n:08}-0000-0000-0000-000000000000"),
                &url,
                &body,
            ));
            n += 1;
        }
        fs::write(dir.join(format!("a-{file:03}.warc")), warc).expect("write warc");
    }
    for file in 0..10 {
        let mut lines = String::new();
        for line in 0..20 {
            if line == 7 {
                lines.push_str("{\"id\": \"broken\", \"html\": \n");
            } else {
                let page = serde_json::json!({"id": format!("j{n}"), "html": article(n)});
                lines.push_str(&format!("{page}\n"));
            }
            n += 1;
        }
        fs::write(dir.join(format!("b-{file:03}.jsonl")), lines).expect("write jsonl");
    }
    for file in 0..20 {
        let body = if file % 5 == 0 {
            NO_ARTICLE.to_string()
        } else {
            article(n)
        };
        fs::write(dir.join(format!("c-{file:03}.html")), body).expect("write html");
        n += 1;
    }
    dir
}

fn extract_args<'a>(input: &'a Path, out: &'a Path, format: &'a str) -> Vec<&'a str> {
    vec![
        "extract",
        input.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 path"),
        "--format",
        format,
        "--rows-per-file",
        ROWS_PER_FILE,
        "-q",
    ]
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn article_files(dir: &Path, format: &str) -> Vec<PathBuf> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with("articles-") && n.ends_with(&format!(".{format}")))
        .map(|n| dir.join(n))
        .collect()
}

fn read_parquet(path: &Path) -> Vec<RecordBatch> {
    let file = File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap_or_else(|e| panic!("{} is not valid Parquet: {e}", path.display()))
        .build()
        .expect("a Parquet reader")
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{} does not read back: {e}", path.display()))
}

/// A dataset read back: the rows of each article file (columns of each
/// batch) and of the rejects file, in order.
#[derive(Debug, PartialEq)]
struct Dataset {
    rows_per_file: Vec<usize>,
    articles: Vec<Vec<ArrayRef>>,
    rejects: Vec<Vec<ArrayRef>>,
}

fn columns(batches: Vec<RecordBatch>) -> Vec<Vec<ArrayRef>> {
    // Row-group boundaries are not part of the dataset: compare rows as
    // one batch per file.
    let Some(schema) = batches.first().map(|b| b.schema()) else {
        return Vec::new();
    };
    let batch = arrow::compute::concat_batches(&schema, &batches).expect("one schema");
    vec![batch.columns().to_vec()]
}

fn read_dataset(dir: &Path, format: &str) -> Dataset {
    let files = article_files(dir, format);
    let rejects = dir.join(format!("rejects.{format}"));
    assert!(rejects.is_file(), "{} has no rejects file", dir.display());
    if format == "jsonl" {
        let lines = |path: &Path| -> Vec<String> {
            fs::read_to_string(path)
                .expect("jsonl")
                .lines()
                .map(str::to_string)
                .collect()
        };
        let per_file: Vec<Vec<String>> = files.iter().map(|f| lines(f)).collect();
        let as_array = |rows: Vec<String>| -> Vec<ArrayRef> {
            vec![std::sync::Arc::new(arrow::array::StringArray::from(rows))]
        };
        return Dataset {
            rows_per_file: per_file.iter().map(Vec::len).collect(),
            articles: vec![as_array(per_file.concat())],
            rejects: vec![as_array(lines(&rejects))],
        };
    }
    let mut rows_per_file = Vec::new();
    let mut batches = Vec::new();
    for file in &files {
        let read = read_parquet(file);
        rows_per_file.push(read.iter().map(|b| b.num_rows()).sum());
        batches.extend(read);
    }
    Dataset {
        rows_per_file,
        articles: columns(batches),
        rejects: columns(read_parquet(&rejects)),
    }
}

/// Starts a run with stderr going to `stderr`.
fn spawn(args: &[&str], stderr: &Path) -> Child {
    decant()
        .args(args)
        .stdout(Stdio::null())
        .stderr(File::create(stderr).expect("stderr file"))
        .spawn()
        .expect("starting decant")
}

/// Waits until `path` exists; fails if the run ends first (the crawl is
/// then too small for this machine to catch it running).
fn wait_for(child: &mut Child, path: &Path) {
    while !path.exists() {
        if let Some(status) = child.try_wait().expect("polling decant") {
            panic!("decant ended ({status}) before {} appeared", path.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Checks what a stopped run left: every file with a final name reads
/// back whole, article files are full unless `short_last` allows the last
/// one to be short (a clean stop), and the run does not look finished.
fn check_stopped_output(out: &Path, format: &str, short_last: bool) {
    let names = names(out);
    assert!(
        !names.contains(&format!("rejects.{format}")),
        "a stopped run must not look finished: {names:?}"
    );
    let files = article_files(out, format);
    assert!(!files.is_empty(), "{names:?}");
    let full: usize = ROWS_PER_FILE.parse().expect("number");
    for (i, file) in files.iter().enumerate() {
        let rows = if format == "parquet" {
            read_parquet(file).iter().map(|b| b.num_rows()).sum()
        } else {
            let text = fs::read_to_string(file).expect("jsonl");
            assert!(text.ends_with('\n'), "{} is cut", file.display());
            for line in text.lines() {
                serde_json::from_str::<serde_json::Value>(line)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            }
            text.lines().count()
        };
        let last = i + 1 == files.len();
        if !(short_last && last) {
            assert_eq!(rows, full, "{} is not a whole file", file.display());
        }
    }
    for part in names.iter().filter(|n| n.ends_with(".part")) {
        if format == "parquet" {
            read_parquet(&out.join(part));
        }
    }
    let manifest = out.join("decant-progress.json");
    if manifest.exists() {
        let json: serde_json::Value =
            serde_json::from_slice(&fs::read(&manifest).expect("manifest")).expect("valid JSON");
        assert_eq!(json["finished"], false);
    }
}

/// Runs the crawl uninterrupted into `out`.
fn reference(input: &Path, out: &Path, format: &str) -> Dataset {
    let output = run(&extract_args(input, out, format));
    assert!(output.status.success(), "{}", stderr_of(&output));
    read_dataset(out, format)
}

/// Resumes the run into `out`, which must then equal `expected`.
fn resume_and_compare(
    input: &Path,
    out: &Path,
    format: &str,
    expected: &Dataset,
    same_files: bool,
) {
    let mut args = extract_args(input, out, format);
    args.push("--resume");
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let resumed = read_dataset(out, format);
    assert_eq!(resumed.articles, expected.articles, "article rows differ");
    assert_eq!(resumed.rejects, expected.rejects, "reject rows differ");
    if same_files {
        assert_eq!(resumed.rows_per_file, expected.rows_per_file);
    }
    let leftovers: Vec<String> = names(out)
        .into_iter()
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_killed_run_resumes_into_the_same_dataset() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = crawl(tmp.path());
    let expected = reference(&input, &tmp.path().join("whole"), "parquet");
    assert!(
        expected.rows_per_file.len() > 20,
        "{:?}",
        expected.rows_per_file
    );

    let out = tmp.path().join("killed");
    let mut child = spawn(
        &extract_args(&input, &out, "parquet"),
        &tmp.path().join("err"),
    );
    wait_for(&mut child, &out.join("articles-00000.parquet"));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaping decant");
    check_stopped_output(&out, "parquet", false);

    // The run resumes from its last checkpoint, a rotation: even the file
    // boundaries are those of the uninterrupted run.
    resume_and_compare(&input, &out, "parquet", &expected, true);
}

/// Sends `signal` (a name `kill` knows) to the child.
fn signal(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .expect("running kill");
    assert!(status.success());
}

#[test]
fn ctrl_c_and_sigterm_stop_cleanly_and_resume_into_the_same_dataset() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = crawl(tmp.path());
    for (format, name) in [("jsonl", "INT"), ("parquet", "TERM")] {
        let expected = reference(&input, &tmp.path().join(format!("whole-{format}")), format);
        let out = tmp.path().join(format!("stopped-{format}"));
        let err = tmp.path().join(format!("err-{format}"));
        let mut child = spawn(&extract_args(&input, &out, format), &err);
        wait_for(&mut child, &out.join(format!("articles-00001.{format}")));
        signal(&child, name);
        let status = child.wait().expect("reaping decant");
        let stderr = fs::read_to_string(&err).expect("stderr");
        assert_eq!(status.code(), Some(130), "SIG{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains("--resume"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let temps: Vec<String> = names(&out)
            .into_iter()
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(
            temps.is_empty(),
            "a clean stop leaves no temporary file: {temps:?}"
        );
        check_stopped_output(&out, format, true);
        // A clean stop publishes the rows it had: the last file may be
        // short, so only the rows are compared, not the file boundaries.
        resume_and_compare(&input, &out, format, &expected, false);
    }
}

#[test]
fn resume_refuses_other_options_and_knows_a_finished_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("pages");
    fs::create_dir_all(&input).expect("mkdir");
    for n in 0..5 {
        fs::write(input.join(format!("{n}.html")), article(n)).expect("write");
    }
    let out = tmp.path().join("out");
    let args = extract_args(&input, &out, "parquet");
    assert!(run(&args).status.success());

    let mut finished = args.clone();
    finished.push("--resume");
    let output = run(&finished);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let mut quiet_removed = finished.clone();
    quiet_removed.retain(|a| *a != "-q");
    let stderr = stderr_of(&run(&quiet_removed));
    assert!(stderr.contains("already finished"), "{stderr}");

    let mut other = finished.clone();
    other.push("--keep-removed");
    let output = run(&other);
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("cannot resume"), "{stderr}");
    assert!(stderr.contains("keep_removed"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Asserts a run failed on its output with one line naming `what`.
fn assert_fatal_output_error(output: &Output, what: &str) {
    let stderr = stderr_of(output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("decant: error: "), "{stderr}");
    assert!(stderr.contains(what), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_stops_the_run_with_one_clear_message() {
    // `/dev/full` fails every write with ENOSPC, for root too: the output
    // folder's rejects file is made to point at it.
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("pages");
    fs::create_dir_all(&input).expect("mkdir");
    for n in 0..3 {
        fs::write(input.join(format!("{n}.html")), article(n)).expect("write");
    }
    fs::write(input.join("x.html"), NO_ARTICLE).expect("write");
    for format in ["parquet", "jsonl"] {
        let out = tmp.path().join(format!("out-{format}"));
        fs::create_dir_all(&out).expect("mkdir");
        std::os::unix::fs::symlink("/dev/full", out.join(format!(".rejects.{format}.tmp")))
            .expect("symlink");
        let output = run(&extract_args(&input, &out, format));
        assert_fatal_output_error(&output, "No space left on device");
        assert!(!out.join(format!("rejects.{format}")).exists());
    }
}

#[test]
fn an_output_folder_that_cannot_be_written_stops_the_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("pages");
    fs::create_dir_all(&input).expect("mkdir");
    fs::write(input.join("a.html"), article(1)).expect("write");
    // Shapes that fail for root too: the folder is a file, lies under a
    // file, or holds a folder where a file of the dataset must go.
    let file = tmp.path().join("a-file");
    fs::write(&file, b"not a folder").expect("write");
    let taken = tmp.path().join("taken");
    fs::create_dir_all(taken.join("rejects.parquet").join("inside")).expect("mkdir");
    for out in [file.clone(), file.join("out"), taken] {
        let output = run(&extract_args(&input, &out, "parquet"));
        assert_fatal_output_error(&output, "cannot write");
    }
}

/// Asks the run to stop after `chunks` chunks, as Ctrl-C would.
struct StopAfter {
    chunks: usize,
    seen: usize,
}

impl decant::pipeline::Observer for StopAfter {
    fn update(&mut self, _stats: &decant::pipeline::RunStats) {
        self.seen += 1;
    }

    fn should_stop(&self) -> bool {
        self.seen >= self.chunks
    }
}

#[test]
fn a_stop_between_chunks_publishes_what_was_written_and_resume_completes_it() {
    use decant::config::{Config, OutputFormat};
    use decant::pipeline::{RunError, Silent, run_extract};
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = crawl(tmp.path());
    let inputs = [input];
    let config = Config {
        format: OutputFormat::Parquet,
        rows_per_file: 20,
        chunk_pages: 50,
        threads: 2,
        ..Config::default()
    };
    let whole = tmp.path().join("whole");
    run_extract(&inputs, &whole, &config, &mut Silent).expect("uninterrupted run");
    let expected = read_dataset(&whole, "parquet");

    let out = tmp.path().join("stopped");
    let mut observer = StopAfter { chunks: 3, seen: 0 };
    let Err(RunError::Interrupted { output, .. }) =
        run_extract(&inputs, &out, &config, &mut observer)
    else {
        panic!("the run should stop after three chunks");
    };
    assert!(output.rejects_file.is_none());
    check_stopped_output(&out, "parquet", true);
    let resume = Config {
        resume: true,
        ..config.clone()
    };
    let summary = run_extract(&inputs, &out, &resume, &mut Silent).expect("resumed run");
    let from = summary.resumed_from.expect("a recorded position");
    assert!(from.inputs_done > 0, "{from:?}");
    let resumed = read_dataset(&out, "parquet");
    assert_eq!(resumed.articles, expected.articles);
    assert_eq!(resumed.rejects, expected.rejects);
    assert_eq!(
        summary.output.articles as usize,
        expected.rows_per_file.iter().sum::<usize>()
    );
}
