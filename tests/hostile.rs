//! The hostile corpus: pages and files built to break a crawler (absurd
//! nesting, huge pages, a million elements, binary data, lying charsets,
//! cut streams, broken records, unreadable entries, symlink loops,
//! pathological quotes, parser soup), generated here at run time so that
//! nothing big is committed. Each case runs the real `decant` binary and
//! checks that the run finishes with exit status 0, that no panic reached
//! stderr, that articles + rejects = pages read (in the `--stats` counts and
//! in the files written), and that every reject carries its precise reason
//! and a detail naming the limit or fault.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A readable article, long enough to be kept, used around the hostile
/// parts so that "the run goes on" is visible as rows.
const ARTICLE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>Harbor Town Votes to Restore Its Old Lighthouse</title></head><body><article>\
    <h1>Harbor Town Votes to Restore Its Old Lighthouse</h1>\
    <p>The town council of Harbor Point voted on Tuesday evening to restore the lighthouse \
    that has stood at the mouth of the bay since 1871, ending a debate that had divided \
    residents for more than a decade.</p>\
    <p>Work on the tower is expected to begin in the spring and to last about two years, \
    the council said, with most of the money coming from a state heritage grant.</p>\
    </article></body></html>";

/// What one run of `decant extract` produced.
struct Run {
    stats: Value,
    articles: Vec<Value>,
    rejects: Vec<Value>,
}

impl Run {
    /// The reject whose `source` is `source`.
    fn reject(&self, source: &str) -> &Value {
        self.rejects
            .iter()
            .find(|r| r["source"] == source)
            .unwrap_or_else(|| panic!("no reject for {source}: {:?}", self.rejects))
    }

    /// The article row whose `source` is `source`.
    fn article(&self, source: &str) -> &Value {
        self.articles
            .iter()
            .find(|r| r["source"] == source)
            .unwrap_or_else(|| panic!("no article for {source}: rejects {:?}", self.rejects))
    }

    fn stat(&self, name: &str) -> u64 {
        self.stats[name]
            .as_u64()
            .unwrap_or_else(|| panic!("stats has no {name}: {}", self.stats))
    }
}

/// Runs `decant extract` on `inputs` (JSONL output, stats file) and checks
/// the invariants every hostile run must keep.
fn extract(inputs: &[&Path], extra: &[&str]) -> Run {
    let out = tempfile::tempdir().expect("temp dir");
    let stats_path = out.path().join("stats.json");
    let dataset = out.path().join("dataset");
    let output = Command::new(env!("CARGO_BIN_EXE_decant"))
        .arg("extract")
        .args(inputs)
        .arg("-o")
        .arg(&dataset)
        .args(["--format", "jsonl", "-q", "--stats"])
        .arg(&stats_path)
        .args(extra)
        .output()
        .expect("running the decant binary");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "decant failed ({}): {stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "a panic escaped: {stderr}");
    let stats: Value =
        serde_json::from_slice(&fs::read(&stats_path).expect("stats file")).expect("stats JSON");
    let articles = read_jsonl_files(&dataset, "articles-");
    let rejects = read_jsonl_files(&dataset, "rejects");
    let run = Run {
        stats,
        articles,
        rejects,
    };
    let (read, articles, rejects) = (
        run.stat("pages_read"),
        run.stat("articles"),
        run.stat("rejects"),
    );
    assert_eq!(articles + rejects, read, "stats: {}", run.stats);
    assert_eq!(run.articles.len() as u64, articles, "article rows");
    assert_eq!(run.rejects.len() as u64, rejects, "reject rows");
    for reject in &run.rejects {
        assert_ne!(reject["reason"], "panic", "a contained panic: {reject}");
        let detail = reject["detail"].as_str().unwrap_or_default();
        assert!(!detail.is_empty(), "a reject without detail: {reject}");
    }
    run
}

/// Every record of the JSONL files of `dir` whose name starts with `prefix`.
fn read_jsonl_files(dir: &Path, prefix: &str) -> Vec<Value> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("dataset folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            fs::read_to_string(f)
                .expect("JSONL file")
                .lines()
                .map(|l| serde_json::from_str::<Value>(l).expect("a JSON record"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Asserts the reject of `source` has `reason` and a detail containing `detail`.
fn assert_reject(run: &Run, source: &str, reason: &str, detail: &str) {
    let reject = run.reject(source);
    assert_eq!(reject["reason"], reason, "{reject}");
    let text = reject["detail"].as_str().unwrap_or_default();
    assert!(text.contains(detail), "detail {text:?} lacks {detail:?}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("writing a test file");
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

/// A folder holding `files` and one ordinary article (`ok.html`), so each
/// run also shows that good pages around the hostile one are kept.
fn folder_with(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        write(dir.path(), name, bytes);
    }
    write(dir.path(), "ok.html", ARTICLE.as_bytes());
    dir
}

/// Deterministic pseudo-random bytes (xorshift), for binary junk.
fn junk(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

// ------------------------------------------------------------- pages

#[test]
fn a_page_nested_100000_levels_deep_is_rejected_as_too_deep() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}deep text{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let dir = folder_with(&[("deep.html", page.into_bytes())]);
    let run = extract(&[dir.path()], &[]);
    assert_reject(&run, "deep.html", "too_deep", "--max-depth");
    assert_eq!(run.stat("pages_read"), 2);
    run.article("ok.html");
}

#[test]
fn a_50_mb_page_is_rejected_as_too_large_and_so_is_a_gzip_bomb() {
    let big = format!(
        "<html><body><p>{}</p></body></html>",
        "fifty megabytes ".repeat(50 * 1024 * 1024 / 16)
    );
    // 50 MB of zeros compress to about 50 KB: the limit applies after
    // decompression, and the reader stops there.
    let bomb = gzip(&vec![0u8; 50 * 1024 * 1024]);
    let dir = folder_with(&[("big.html", big.into_bytes()), ("bomb.html.gz", bomb)]);
    let run = extract(&[dir.path()], &[]);
    assert_reject(&run, "big.html", "too_large", "--max-page-bytes");
    assert_reject(&run, "bomb.html.gz", "too_large", "--max-page-bytes");
    assert_eq!(run.stat("pages_read"), 3);
    run.article("ok.html");
}

/// html5ever is generic over its tree sink, so it is compiled in this crate
/// and unoptimised in test builds (about 50 µs an element there, 2 µs in
/// release): the test sets `--max-elements` to 10,000 so it stays fast.
/// That the parser stops at the limit rather than after the whole page is
/// checked in `parse.rs`'s unit tests.
#[test]
fn a_million_empty_elements_stop_the_parse_at_the_element_limit() {
    let page = format!("<html><body>{}</body></html>", "<i></i>".repeat(1_000_000));
    let dir = folder_with(&[("million.html", page.into_bytes())]);
    let run = extract(&[dir.path()], &["--max-elements", "10000"]);
    assert_reject(
        &run,
        "million.html",
        "too_many_elements",
        "10000 elements (--max-elements)",
    );
    run.article("ok.html");
}

/// A page whose body is one paragraph of `words` words (5 bytes each).
fn wall_of_text(words: usize) -> String {
    format!(
        "<html><body><article><p>{}</p></article></body></html>",
        "word ".repeat(words)
    )
}

/// 10 MB of one text node takes about a second in a release build, but
/// ten times that in a test build (this crate is not optimised there). So
/// the whole 10 MB page is checked against a time budget it cannot meet in
/// any build (1 ms: parsing alone takes far longer), which must stop it
/// with a `timeout` naming the option, and one megabyte of the same text
/// node is extracted whole, word for word.
#[test]
fn ten_megabytes_of_one_text_node_meet_the_time_budget_and_one_is_extracted_whole() {
    let ten = wall_of_text(2_000_000);
    assert!(ten.len() > 10_000_000);
    let dir = folder_with(&[("wall.html", ten.into_bytes())]);
    let run = extract(&[dir.path()], &["--page-timeout-ms", "1"]);
    assert_reject(&run, "wall.html", "timeout", "1 ms (--page-timeout-ms)");

    let words = 200_000;
    let dir = folder_with(&[("wall.html", wall_of_text(words).into_bytes())]);
    let run = extract(&[dir.path()], &[]);
    assert_eq!(run.article("wall.html")["word_count"], words);
    run.article("ok.html");
}

#[test]
fn binary_data_named_html_is_rejected_as_not_html() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(junk(20_000));
    let dir = folder_with(&[
        ("noise.html", junk(100_000)),
        ("image.html", png),
        ("nul.htm", vec![0u8; 4096]),
    ]);
    let run = extract(&[dir.path()], &[]);
    for source in ["noise.html", "image.html", "nul.htm"] {
        assert_reject(&run, source, "not_html", "binary data");
    }
    run.article("ok.html");
}

#[test]
fn invalid_utf8_and_a_lying_charset_still_decode_to_articles() {
    let body = "<p>The café on the corner of Rue Saint-Honoré reopened on Monday after \
        a renovation that lasted more than two years and cost the owners their savings.</p>";
    // Declares UTF-8, but the bytes are windows-1252: like a browser, the
    // declaration wins and the bad bytes become U+FFFD.
    let lying = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><article>{body}</article></body></html>"
    );
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&lying);
    // No declaration, stray invalid sequences in otherwise UTF-8 text.
    let mut broken = format!("<html><body><article>{body}").into_bytes();
    broken.extend_from_slice(
        b"<p>Broken bytes \xC3\x28 and \xF0\x90\x28\xBC here, \xFF\xFE too.</p>",
    );
    broken.extend_from_slice(b"</article></body></html>");
    let dir = folder_with(&[("lying.html", latin1.into_owned()), ("broken.html", broken)]);
    let run = extract(&[dir.path()], &[]);
    let lying = run.article("lying.html");
    assert_eq!(lying["encoding"], "UTF-8");
    assert!(
        lying["text"]
            .as_str()
            .unwrap_or_default()
            .contains("caf\u{FFFD}")
    );
    let broken = run.article("broken.html");
    assert!(
        broken["text"]
            .as_str()
            .unwrap_or_default()
            .contains("Rue Saint-Hono")
    );
    run.article("ok.html");
}

#[test]
fn ten_thousand_unbalanced_quote_marks_finish_with_valid_quote_offsets() {
    let straight = "He said \" and then ".repeat(10_000);
    let curly = "\u{201C}she wrote ".repeat(10_000);
    let page = format!(
        "<html><body><article><p>{straight}</p><p>{curly}</p>\
         <p>“A closed quote at the end,” the mayor said.</p></article></body></html>"
    );
    let dir = folder_with(&[("quotes.html", page.into_bytes())]);
    let run = extract(&[dir.path()], &[]);
    let row = run.article("quotes.html");
    let chars = row["text"].as_str().unwrap_or_default().chars().count() as u64;
    for quote in row["quotes"].as_array().into_iter().flatten() {
        let (start, end) = (quote["start"].as_u64(), quote["end"].as_u64());
        assert!(
            matches!((start, end), (Some(s), Some(e)) if s < e && e <= chars),
            "{quote}"
        );
    }
    run.article("ok.html");
}

#[test]
fn svg_template_soup_parses_without_a_panic() {
    // Foreign content, templates, tables, framesets and select misnested
    // and left open: the parser's rarest paths, each repetition deeper in
    // unclosed template contents.
    let soup = "<svg><template><table><template><math><mi><template><tr><td>\
        <svg><foreignObject><template><select><option><template><b><i></template></svg>\
        <p>cell text</p></td></tr></template></math></table></template></svg>\
        <template><frameset><template><svg><desc><template>x</template></desc></svg>"
        .repeat(50);
    let article_then_soup = format!(
        "<html><body><article><p>Before the soup comes a paragraph of real prose \
         that a reader would recognise as the article, long enough to keep.</p>\
         <p>A second paragraph follows it, with more words about the same story.</p>\
         </article>{soup}</body></html>"
    );
    let dir = folder_with(&[
        ("article.html", article_then_soup.into_bytes()),
        ("soup.html", format!("<html><body>{soup}").into_bytes()),
    ]);
    let run = extract(&[dir.path()], &[]);
    let row = run.article("article.html");
    assert!(
        row["text"]
            .as_str()
            .unwrap_or_default()
            .contains("real prose")
    );
    // Template contents are never shown by a browser: nothing to keep.
    assert_reject(&run, "soup.html", "no_article", "no body blocks");
    run.article("ok.html");
}

#[test]
fn an_empty_file_is_rejected_as_empty_in_every_format() {
    let dir = folder_with(&[
        ("empty.html", Vec::new()),
        ("empty.jsonl", Vec::new()),
        ("empty.warc", Vec::new()),
        ("blank.txt", b" \n\t\n".to_vec()),
    ]);
    let run = extract(&[dir.path()], &[]);
    for source in ["empty.html", "empty.jsonl", "empty.warc"] {
        assert_reject(&run, source, "empty", "empty file");
    }
    assert_reject(&run, "blank.txt", "empty", "empty");
    run.article("ok.html");
}

/// serde_json refuses JSON nested deeper than 128 levels (its recursion
/// limit, which decant leaves on), so neither a JSON-LD block nor a JSONL
/// line can drive a recursive parse or drop to a depth the page chooses.
#[test]
fn json_nested_100000_levels_is_refused_without_recursion() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let page = ARTICLE.replace(
        "</head>",
        &format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
             \"author\":{deep}}}</script></head>"
        ),
    );
    // An unknown field is skipped by serde_json without recursion (and the
    // page is too short to be an article); a field decant reads is parsed
    // into a value, where the recursion limit refuses it.
    let lines = format!("{{\"html\": \"<p>x</p>\", \"extra\": {deep}}}\n{{\"html\": {deep}}}\n");
    let dir = folder_with(&[
        ("ld.html", page.into_bytes()),
        ("deep.jsonl", lines.into_bytes()),
    ]);
    let run = extract(&[dir.path()], &[]);
    let row = run.article("ld.html");
    assert_eq!(row["authors"], serde_json::json!([]));
    assert_reject(&run, "deep.jsonl:1", "no_article", "no body blocks");
    assert_reject(&run, "deep.jsonl:2", "bad_json", "recursion limit exceeded");
    run.article("ok.html");
}

// ------------------------------------------------------------- streams

#[test]
fn a_truncated_gzip_is_rejected_as_bad_gzip() {
    let whole = gzip(ARTICLE.repeat(50).as_bytes());
    let cut = whole[..whole.len() / 2].to_vec();
    let dir = folder_with(&[
        ("cut.html.gz", cut),
        ("cut.jsonl.gz", {
            let line = serde_json::json!({ "html": ARTICLE }).to_string() + "\n";
            let whole = gzip(line.repeat(50).as_bytes());
            whole[..whole.len() / 2].to_vec()
        }),
    ]);
    let run = extract(&[dir.path()], &[]);
    assert_reject(&run, "cut.html.gz", "bad_gzip", "gzip stream is truncated");
    // The lines before the cut are pages; the cut ends the file with one reject.
    let bad: Vec<&Value> = run
        .rejects
        .iter()
        .filter(|r| {
            r["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("cut.jsonl.gz"))
        })
        .collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0]["reason"], "bad_gzip");
    let lines_kept = run
        .articles
        .iter()
        .filter(|r| {
            r["source"]
                .as_str()
                .is_some_and(|s| s.starts_with("cut.jsonl.gz:"))
        })
        .count();
    assert!(lines_kept > 0 && lines_kept < 50, "{lines_kept} lines kept");
    run.article("ok.html");
}

/// One WARC response record of an HTML page.
fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    warc_record_claiming(uri, html, 0)
}

/// A WARC response record whose `Content-Length` is `shortfall` bytes less
/// than the block it holds.
fn warc_record_claiming(uri: &str, html: &str, shortfall: usize) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\n\
         WARC-Target-URI: https://example.com/{uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len() - shortfall
    )
    .into_bytes();
    record.extend_from_slice(http.as_bytes());
    record.extend_from_slice(b"\r\n\r\n");
    record
}

#[test]
fn a_warc_cut_mid_record_keeps_the_records_before_the_cut() {
    let mut warc = warc_record("first", ARTICLE);
    let second = warc_record("second", ARTICLE);
    warc.extend_from_slice(&second[..second.len() / 2]);
    let dir = folder_with(&[("cut.warc", warc)]);
    let run = extract(&[dir.path()], &[]);
    run.article("cut.warc@0");
    let cut = run
        .rejects
        .iter()
        .find(|r| r["id"] == "urn:uuid:second")
        .expect("a reject for the cut record");
    assert_eq!(cut["reason"], "bad_warc", "{cut}");
    assert!(
        cut["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("cut short"),
        "{cut}"
    );
    assert_eq!(run.stat("pages_read"), 3);
}

#[test]
fn a_warc_with_a_wrong_content_length_is_rejected_as_bad_warc() {
    let mut warc = warc_record("first", ARTICLE);
    let good_len = warc.len();
    warc.extend(warc_record_claiming("second", ARTICLE, 40));
    warc.extend(warc_record("third", ARTICLE));
    let dir = folder_with(&[("wrong.warc", warc)]);
    let run = extract(&[dir.path()], &[]);
    run.article("wrong.warc@0");
    assert_reject(
        &run,
        &format!("wrong.warc@{good_len}"),
        "bad_warc",
        "wrong Content-Length",
    );
    // The file ends at the broken record: the third is never reached.
    assert_eq!(run.stat("pages_read"), 3);
    run.article("ok.html");
}

#[test]
fn jsonl_with_broken_lines_a_missing_field_and_a_20_mb_line() {
    let good = serde_json::json!({ "url": "https://example.com/a", "html": ARTICLE }).to_string();
    let huge = serde_json::json!({
        "url": "https://example.com/huge",
        "html": format!("<p>{}</p>", "twenty mb ".repeat(2 * 1024 * 1024)),
    })
    .to_string();
    assert!(huge.len() > 20_000_000);
    let lines = [
        good.as_str(),                                // 1: article
        "{\"html\": \"<p>an unterminated string",     // 2: bad_json
        "not json at all",                            // 3: bad_json
        "{\"url\": \"https://example.com/no-html\"}", // 4: missing_field
        "[1, 2, 3]",                                  // 5: bad_json
        huge.as_str(),                                // 6: too_large
        "{\"html\": 42}",                             // 7: missing_field
        good.as_str(),                                // 8: article
    ];
    let dir = folder_with(&[("pages.jsonl", (lines.join("\n") + "\n").into_bytes())]);
    let run = extract(&[dir.path()], &[]);
    run.article("pages.jsonl:1");
    assert_reject(&run, "pages.jsonl:2", "bad_json", "EOF");
    assert_reject(&run, "pages.jsonl:3", "bad_json", "not a JSON object");
    assert_reject(&run, "pages.jsonl:4", "missing_field", "\"html\"");
    assert_reject(&run, "pages.jsonl:5", "bad_json", "not a JSON object");
    assert_reject(&run, "pages.jsonl:6", "too_large", "--max-page-bytes");
    assert_reject(&run, "pages.jsonl:7", "missing_field", "\"html\"");
    run.article("pages.jsonl:8");
    assert_eq!(run.stat("pages_read"), 9);
}

// ------------------------------------------------------------- files

/// Whether this process can read a file whose permissions deny it (root,
/// or CAP_DAC_OVERRIDE): then `chmod 000` does not make a file unreadable.
fn permissions_are_bypassed(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = write(dir, "probe", b"x");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = fs::read(&probe).is_ok();
    fs::remove_file(&probe).expect("removing the probe");
    readable
}

/// Entries that cannot be read as a page whoever runs the test: a
/// `chmod 000` file (unreadable unless permissions are bypassed), a
/// dangling symlink, a FIFO (opening it would block forever) and a socket.
#[test]
fn unreadable_entries_are_io_errors_and_never_block() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder_with(&[]);
    let bypassed = permissions_are_bypassed(dir.path());
    let locked = write(dir.path(), "locked.html", ARTICLE.as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    std::os::unix::fs::symlink(
        dir.path().join("gone.html"),
        dir.path().join("dangling.html"),
    )
    .expect("symlink");
    let fifo = dir.path().join("fifo.html");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("socket.html"))
        .expect("a unix socket");

    let run = extract(&[dir.path()], &[]);
    if bypassed {
        // Running as root: the chmod does not stop the read, the page is kept.
        run.article("locked.html");
    } else {
        assert_reject(&run, "locked.html", "io_error", "ermission denied");
    }
    assert_reject(&run, "dangling.html", "io_error", "No such file");
    assert_reject(&run, "fifo.html", "io_error", "not a regular file");
    assert_reject(&run, "socket.html", "io_error", "not a regular file");
    run.article("ok.html");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).expect("chmod back");
}

#[test]
fn a_symlink_loop_in_an_input_folder_is_one_io_error() {
    let dir = folder_with(&[]);
    let sub = dir.path().join("section");
    fs::create_dir(&sub).expect("mkdir");
    write(&sub, "story.html", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).expect("symlink");
    let run = extract(&[dir.path()], &[]);
    assert_reject(&run, "section/loop", "io_error", "symlink loop");
    run.article("section/story.html");
    run.article("ok.html");
    assert_eq!(run.stat("pages_read"), 3);
}

/// Every hostile file of this suite in one folder, in one run: each is
/// handled on its own and the run goes on to the end.
#[test]
fn one_run_over_the_whole_small_hostile_corpus() {
    let mut warc = warc_record("first", ARTICLE);
    warc.extend_from_slice(&warc_record("second", ARTICLE)[..100]);
    let dir = folder_with(&[
        (
            "a-deep.html",
            format!("{}x", "<b><i><div>".repeat(5_000)).into_bytes(),
        ),
        ("b-binary.html", junk(10_000)),
        ("c-empty.html", Vec::new()),
        ("d-cut.html.gz", gzip(ARTICLE.as_bytes())[..40].to_vec()),
        ("e-cut.warc", warc),
        ("f-lines.jsonl", b"{\"html\": 1}\nnope\n".to_vec()),
        ("g-quotes.html", "\"a ".repeat(10_000).into_bytes()),
        ("h-unknown.pdf", b"%PDF-1.4".to_vec()),
    ]);
    let run = extract(&[dir.path()], &["-j", "2"]);
    let reasons: Vec<(String, String)> = run
        .rejects
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap_or_default().to_owned(),
                r["reason"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("a-deep.html", "too_deep"),
        ("b-binary.html", "not_html"),
        ("c-empty.html", "empty"),
        ("d-cut.html.gz", "bad_gzip"),
        ("f-lines.jsonl:1", "missing_field"),
        ("f-lines.jsonl:2", "bad_json"),
        ("h-unknown.pdf", "unknown_format"),
    ];
    for (source, reason) in expected {
        assert!(
            reasons.contains(&(source.to_owned(), reason.to_owned())),
            "{source} {reason} not in {reasons:?}"
        );
    }
    assert!(
        reasons
            .iter()
            .any(|(s, r)| s.starts_with("e-cut.warc@") && r == "bad_warc")
    );
    run.article("e-cut.warc@0");
    run.article("ok.html");
}
