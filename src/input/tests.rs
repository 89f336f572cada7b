//! Readers end to end: real files in a temporary directory, read with
//! [`read_file`].

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

use super::*;

const PAGE: &str = "<!DOCTYPE html><html><head><title>Budget vote</title></head>\
    <body><article><p>The council approved the budget on Tuesday.</p></article></body></html>";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> InputFile {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    InputFile {
        path,
        rel: name.to_owned(),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read_all(file: &InputFile) -> Vec<InputItem> {
    read_file(file, &Config::default()).collect()
}

fn read_with_limit(file: &InputFile, limit: usize) -> Vec<InputItem> {
    let config = Config {
        max_page_bytes: limit,
        ..Config::default()
    };
    read_file(file, &config).collect()
}

/// One line per item: `page ID SOURCE`, `skip SOURCE WHAT`, `reject REASON ID SOURCE`.
fn summary(items: &[InputItem]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            InputItem::Page(p) => format!("page {} {}", p.id, p.source),
            InputItem::Skipped { source, what } => format!("skip {source} {what}"),
            InputItem::Reject(r) => format!("reject {} {} {}", r.reason, r.id, r.source),
        })
        .collect()
}

fn page(item: &InputItem) -> &RawPage {
    match item {
        InputItem::Page(p) => p,
        other => panic!("expected a page, got {other:?}"),
    }
}

fn reject(item: &InputItem) -> &Reject {
    match item {
        InputItem::Reject(r) => r,
        other => panic!("expected a reject, got {other:?}"),
    }
}

// ---------------------------------------------------------------- files

#[test]
fn html_file_is_one_page_with_its_relative_path_as_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "story.HTML", PAGE.as_bytes());
    let items = read_all(&file);
    assert_eq!(summary(&items), ["page story.HTML story.HTML"]);
    let p = page(&items[0]);
    assert_eq!(p.bytes, PAGE.as_bytes());
    assert_eq!(p.kind, ContentKind::Html);
    assert_eq!((p.url.as_deref(), p.charset_hint.as_deref()), (None, None));
}

#[test]
fn gzipped_html_and_text_files_are_decompressed() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "story.htm.gz", &gzip(PAGE.as_bytes()));
    let items = read_all(&file);
    assert_eq!(page(&items[0]).bytes, PAGE.as_bytes());

    let file = write(dir.path(), "dump.txt.GZ", &gzip(b"Plain text dump.\n"));
    let items = read_all(&file);
    let p = page(&items[0]);
    assert_eq!(
        (p.kind, p.bytes.as_slice()),
        (ContentKind::Text, &b"Plain text dump.\n"[..])
    );
}

#[test]
fn truncated_gzip_file_is_bad_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let big = PAGE.repeat(200);
    let gz = gzip(big.as_bytes());
    let file = write(dir.path(), "story.html.gz", &gz[..gz.len() / 2]);
    assert_eq!(
        summary(&read_all(&file)),
        ["reject bad_gzip story.html.gz story.html.gz"]
    );

    let file = write(dir.path(), "garbage.html.gz", b"this is not gzip at all");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject bad_gzip garbage.html.gz garbage.html.gz"]
    );
}

#[test]
fn unknown_extension_and_empty_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "photo.png", b"\x89PNG");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject unknown_format photo.png photo.png"]
    );
    let file = write(dir.path(), "README", b"x");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject unknown_format README README"]
    );

    for name in ["empty.html", "empty.jsonl", "empty.warc", "empty.warc.gz"] {
        let file = write(dir.path(), name, b"");
        assert_eq!(
            summary(&read_all(&file)),
            [format!("reject empty {name} {name}")]
        );
    }
    let file = write(dir.path(), "nothing.html.gz", &gzip(b""));
    assert_eq!(
        summary(&read_all(&file)),
        ["reject empty nothing.html.gz nothing.html.gz"]
    );
}

#[test]
fn unreadable_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = InputFile {
        path: dir.path().join("gone.html"),
        rel: "gone.html".to_owned(),
    };
    assert_eq!(
        summary(&read_all(&file)),
        ["reject io_error gone.html gone.html"]
    );
}

#[test]
fn oversized_file_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "big.html", PAGE.as_bytes());
    assert_eq!(
        summary(&read_with_limit(&file, PAGE.len() - 1)),
        ["reject too_large big.html big.html"]
    );
    assert_eq!(
        summary(&read_with_limit(&file, PAGE.len())),
        ["page big.html big.html"]
    );
    let file = write(
        dir.path(),
        "big.html.gz",
        &gzip(PAGE.repeat(100).as_bytes()),
    );
    assert_eq!(
        summary(&read_with_limit(&file, PAGE.len())),
        ["reject too_large big.html.gz big.html.gz"]
    );
}

#[test]
fn formats_are_told_by_extension() {
    let of = |name: &str| InputFormat::of(&PathBuf::from(name));
    assert_eq!(of("a/b.XHTML"), Some((InputFormat::Html, false)));
    assert_eq!(of("b.warc.gz"), Some((InputFormat::Warc, true)));
    assert_eq!(of("b.jsonl.gz"), Some((InputFormat::Jsonl, true)));
    assert_eq!(of("b.txt"), Some((InputFormat::Text, false)));
    assert_eq!(of("b.gz"), None);
    assert_eq!(of("b.json"), None);
}

// ---------------------------------------------------------------- JSONL

#[test]
fn jsonl_lines_become_pages_and_bad_lines_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "a-1", "url": "https://example.com/a", "html": "<p>caf\u00e9 na\u00efve</p>", "extra": [1, 2]}"#,
        "",
        r#"{"id": 42, "text": "A plain text dump.", "fetched_at": "2024-03-01T10:00:00Z"}"#,
        "   ",
        "not json at all",
        r#"{"url": "https://example.com/c", "title": "no body"}"#,
        r#"[1, 2, 3]"#,
        r#"{"html": "<p>no id</p>"}"#,
        r#"{"html": "<p>cut"#,
    ];
    let file = write(dir.path(), "pages.jsonl", lines.join("\n").as_bytes());
    let items = read_all(&file);
    assert_eq!(
        summary(&items),
        [
            "page a-1 pages.jsonl:1",
            "page 42 pages.jsonl:3",
            "reject bad_json pages.jsonl#5 pages.jsonl:5",
            "reject missing_field pages.jsonl#6 pages.jsonl:6",
            "reject bad_json pages.jsonl#7 pages.jsonl:7",
            "page pages.jsonl#8 pages.jsonl:8",
            "reject bad_json pages.jsonl#9 pages.jsonl:9",
        ]
    );
    let first = page(&items[0]);
    assert_eq!(first.kind, ContentKind::Html);
    assert_eq!(first.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(first.charset_hint.as_deref(), Some("utf-8"));
    assert_eq!(first.bytes, "<p>caf\u{e9} na\u{ef}ve</p>".as_bytes());
    let second = page(&items[1]);
    assert_eq!(second.kind, ContentKind::Text);
    assert_eq!(
        second.fetched_at.unwrap().to_rfc3339(),
        "2024-03-01T10:00:00+00:00"
    );
    assert_eq!(
        reject(&items[3]).url.as_deref(),
        Some("https://example.com/c")
    );
}

#[test]
fn jsonl_gz_cut_short_keeps_the_pages_before_the_break() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..2000 {
        text.push_str(&format!(
            "{{\"id\": {i}, \"html\": \"<p>page number {i} with some words</p>\"}}\n"
        ));
    }
    let gz = gzip(text.as_bytes());
    let file = write(dir.path(), "pages.jsonl.gz", &gz[..gz.len() * 2 / 3]);
    let items = read_all(&file);
    let (last, pages) = items.split_last().unwrap();
    assert!(pages.len() > 100, "{} pages before the break", pages.len());
    assert!(pages.iter().all(|i| matches!(i, InputItem::Page(_))));
    assert_eq!(page(&pages[0]).id, "0");
    assert_eq!(reject(last).reason, RejectReason::BadGzip);
}

#[test]
fn jsonl_page_over_the_limit_is_too_large_and_the_file_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(5000);
    let text = format!(
        "{{\"html\": \"{big}\"}}\n{{\"html\": \"{}\"}}\n{{\"html\": \"small\"}}\n",
        big.repeat(20)
    );
    let file = write(dir.path(), "p.jsonl", text.as_bytes());
    assert_eq!(
        summary(&read_with_limit(&file, 1000)),
        [
            "reject too_large p.jsonl#1 p.jsonl:1",
            "reject too_large p.jsonl#2 p.jsonl:2",
            "page p.jsonl#3 p.jsonl:3",
        ]
    );
}

#[test]
fn jsonl_with_crlf_line_ends_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"html\": \"<p>a</p>\"}\r\n\r\n{\"text\": \"b\"}\r\n";
    let file = write(dir.path(), "crlf.jsonl", text.as_bytes());
    let items = read_all(&file);
    assert_eq!(
        summary(&items),
        [
            "page crlf.jsonl#1 crlf.jsonl:1",
            "page crlf.jsonl#3 crlf.jsonl:3"
        ]
    );
    assert_eq!(page(&items[1]).bytes, b"b");
}

#[test]
fn jsonl_with_only_blank_lines_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "blank.jsonl", b"\n\n  \n");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject empty blank.jsonl blank.jsonl"]
    );
}

// ---------------------------------------------------------------- WARC

const DATE: &str = "2024-05-17T08:30:00Z";

/// One WARC record, framed by hand as the standard says.
fn record(warc_type: &str, id: Option<&str>, extra: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.0\r\n".to_vec();
    out.extend_from_slice(format!("WARC-Type: {warc_type}\r\n").as_bytes());
    if let Some(id) = id {
        out.extend_from_slice(format!("WARC-Record-ID: <urn:uuid:{id}>\r\n").as_bytes());
    }
    out.extend_from_slice(format!("WARC-Date: {DATE}\r\n").as_bytes());
    for (name, value) in extra {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

fn response(id: &str, uri: &str, http: &[u8]) -> Vec<u8> {
    record(
        "response",
        Some(id),
        &[
            ("WARC-Target-URI", uri),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http,
    )
}

fn chunked(body: &[u8], chunk: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for part in body.chunks(chunk) {
        out.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        out.extend_from_slice(part);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// A small crawl: warcinfo, request, an HTML response (chunked and
/// gzipped, windows-1252), an image, a 404, a metadata record.
fn crawl_records() -> Vec<Vec<u8>> {
    let latin = encoding_rs::WINDOWS_1252
        .encode("<html><body><p>Caf\u{e9} \u{201c}news\u{201d}</p></body></html>")
        .0
        .into_owned();
    let html_body = chunked(&gzip(&latin), 7);
    vec![
        record(
            "warcinfo",
            Some("info"),
            &[("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        record(
            "request",
            Some("req-1"),
            &[
                ("WARC-Target-URI", "https://news.example/a"),
                ("Content-Type", "application/http; msgtype=request"),
            ],
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        response(
            "resp-1",
            "https://news.example/a",
            &http_response(
                "200 OK",
                &[
                    ("Content-Type", "text/html; charset=windows-1252"),
                    ("Transfer-Encoding", "chunked"),
                    ("Content-Encoding", "gzip"),
                ],
                &html_body,
            ),
        ),
        response(
            "resp-2",
            "https://news.example/logo.png",
            &http_response(
                "200 OK",
                &[("Content-Type", "image/png")],
                b"\x89PNG\r\n\x1a\n",
            ),
        ),
        response(
            "resp-3",
            "https://news.example/gone",
            &http_response(
                "404 Not Found",
                &[("Content-Type", "text/html")],
                b"<html>gone</html>",
            ),
        ),
        record(
            "metadata",
            Some("meta-1"),
            &[("Content-Type", "application/warc-fields")],
            b"via: x\r\n",
        ),
    ]
}

fn expected_crawl_summary(name: &str, offsets: &[usize]) -> Vec<String> {
    vec![
        format!("skip {name}@{} warc warcinfo record", offsets[0]),
        format!("skip {name}@{} warc request record", offsets[1]),
        format!("page urn:uuid:resp-1 {name}@{}", offsets[2]),
        format!("skip {name}@{} non-HTML response (image/png)", offsets[3]),
        format!("skip {name}@{} HTTP 404 response", offsets[4]),
        format!("skip {name}@{} warc metadata record", offsets[5]),
    ]
}

fn offsets(records: &[Vec<u8>]) -> Vec<usize> {
    records
        .iter()
        .scan(0, |at, r| {
            let start = *at;
            *at += r.len();
            Some(start)
        })
        .collect()
}

fn check_crawl_page(item: &InputItem) {
    let p = page(item);
    assert_eq!(p.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(p.charset_hint.as_deref(), Some("windows-1252"));
    assert_eq!(
        p.fetched_at.unwrap().to_rfc3339(),
        "2024-05-17T08:30:00+00:00"
    );
    assert_eq!(p.kind, ContentKind::Html);
    let decoded = decode::decode_html(&p.bytes, p.charset_hint.as_deref());
    assert_eq!(
        decoded.text,
        "<html><body><p>Caf\u{e9} \u{201c}news\u{201d}</p></body></html>"
    );
}

#[test]
fn warc_responses_become_pages_and_other_records_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl_records();
    let file = write(dir.path(), "crawl.warc", &records.concat());
    let items = read_all(&file);
    assert_eq!(
        summary(&items),
        expected_crawl_summary("crawl.warc", &offsets(&records))
    );
    check_crawl_page(&items[2]);
}

#[test]
fn warc_gz_with_one_gzip_member_per_record_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl_records();
    let members: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let file = write(dir.path(), "crawl.warc.gz", &members);
    let items = read_all(&file);
    assert_eq!(
        summary(&items),
        expected_crawl_summary("crawl.warc.gz", &offsets(&records))
    );
    check_crawl_page(&items[2]);
}

#[test]
fn warc_written_by_the_warc_crate_is_read() {
    use ::warc::{RecordBuilder, RecordType, WarcHeader, WarcWriter};
    let http = http_response("200 OK", &[("Content-Type", "text/html")], PAGE.as_bytes());
    let record = RecordBuilder::default()
        .warc_type(RecordType::Response)
        .warc_id("<urn:uuid:built-1>")
        .header(WarcHeader::TargetURI, "https://example.org/built")
        .header(WarcHeader::ContentType, "application/http;msgtype=response")
        .body(http)
        .build()
        .unwrap();
    let mut out = Vec::new();
    WarcWriter::new(&mut out).write(&record).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "built.warc", &out);
    let items = read_all(&file);
    assert_eq!(summary(&items), ["page urn:uuid:built-1 built.warc@0"]);
    let p = page(&items[0]);
    assert_eq!(p.bytes, PAGE.as_bytes());
    assert_eq!(p.url.as_deref(), Some("https://example.org/built"));
}

#[test]
fn warc_cut_mid_record_keeps_earlier_pages_then_bad_warc() {
    let dir = tempfile::tempdir().unwrap();
    let first = response(
        "ok",
        "https://a.example/1",
        &http_response("200 OK", &[("Content-Type", "text/html")], PAGE.as_bytes()),
    );
    let second = response(
        "cut",
        "https://a.example/2",
        &http_response("200 OK", &[("Content-Type", "text/html")], PAGE.as_bytes()),
    );
    let mut bytes = first.clone();
    bytes.extend_from_slice(&second[..second.len() - 40]);
    let file = write(dir.path(), "cut.warc", &bytes);
    let items = read_all(&file);
    assert_eq!(
        summary(&items),
        [
            "page urn:uuid:ok cut.warc@0".to_owned(),
            format!("reject bad_warc urn:uuid:cut cut.warc@{}", first.len())
        ]
    );
    let r = reject(&items[1]);
    assert_eq!(r.url.as_deref(), Some("https://a.example/2"));
    assert!(r.detail.contains("cut short"), "{}", r.detail);

    // Cut inside the header block.
    let mut bytes = first.clone();
    bytes.extend_from_slice(b"WARC/1.0\r\nWARC-Type: resp");
    let file = write(dir.path(), "cut2.warc", &bytes);
    let items = read_all(&file);
    assert_eq!(
        summary(&items)[1],
        format!("reject bad_warc cut2.warc@{0} cut2.warc@{0}", first.len())
    );
}

#[test]
fn warc_with_wrong_content_length_is_bad_warc() {
    let dir = tempfile::tempdir().unwrap();
    let good = response(
        "ok",
        "https://a.example/1",
        &http_response("200 OK", &[("Content-Type", "text/html")], PAGE.as_bytes()),
    );
    let liar = String::from_utf8(good.clone())
        .unwrap()
        .replacen("Content-Length: ", "Content-Length: 1", 1)
        .replacen("urn:uuid:ok", "urn:uuid:liar", 1);
    let mut bytes = good.clone();
    bytes.extend_from_slice(liar.as_bytes());
    bytes.extend_from_slice(&good);
    let file = write(dir.path(), "liar.warc", &bytes);
    let items = read_all(&file);
    let s = summary(&items);
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[0], "page urn:uuid:ok liar.warc@0");
    assert_eq!(reject(&items[1]).reason, RejectReason::BadWarc);

    // Content-Length too small: the record is not followed by CRLF CRLF.
    let http = http_response("200 OK", &[("Content-Type", "text/html")], PAGE.as_bytes());
    let mut rec = record("response", Some("short"), &[], &http);
    let text = String::from_utf8(rec.clone()).unwrap();
    let fixed = text.replacen(
        &format!("Content-Length: {}", http.len()),
        &format!("Content-Length: {}", http.len() - 10),
        1,
    );
    rec = fixed.into_bytes();
    let file = write(dir.path(), "short.warc", &rec);
    let items = read_all(&file);
    assert_eq!(
        summary(&items),
        ["reject bad_warc urn:uuid:short short.warc@0"]
    );
    assert!(reject(&items[0]).detail.contains("wrong Content-Length"));
}

#[test]
fn warc_garbage_is_bad_warc() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "junk.warc", b"this is not a warc file\n");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject bad_warc junk.warc@0 junk.warc@0"]
    );
    // A header line the parser refuses.
    let file = write(dir.path(), "bad.warc", b"WARC/1.0\r\nno colon here\r\n\r\n");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject bad_warc bad.warc@0 bad.warc@0"]
    );
}

#[test]
fn truncated_warc_gz_is_bad_gzip_after_the_pages_before() {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<Vec<u8>> = (0..3)
        .map(|i| {
            let body = format!("<html><body>{}</body></html>", "page text ".repeat(500 + i));
            gzip(&response(
                &format!("r{i}"),
                "https://a.example/",
                &http_response("200 OK", &[("Content-Type", "text/html")], body.as_bytes()),
            ))
        })
        .collect();
    let mut bytes = pages[0].clone();
    bytes.extend_from_slice(&pages[1]);
    bytes.extend_from_slice(&pages[2][..pages[2].len() / 2]);
    let file = write(dir.path(), "t.warc.gz", &bytes);
    let items = read_all(&file);
    let s = summary(&items);
    assert_eq!(s.len(), 3, "{s:?}");
    assert!(s[0].starts_with("page urn:uuid:r0 t.warc.gz@0"));
    assert!(s[1].starts_with("page urn:uuid:r1"));
    assert_eq!(reject(&items[2]).reason, RejectReason::BadGzip);
}

#[test]
fn warc_record_without_id_uses_its_offset_and_resources_are_pages() {
    let dir = tempfile::tempdir().unwrap();
    let info = record("warcinfo", Some("i"), &[], b"x");
    let no_id = record(
        "response",
        None,
        &[("WARC-Target-URI", "<https://a.example/x>")],
        &http_response(
            "200 OK",
            &[],
            b"\n<!doctype html><html><body>sniffed</body></html>",
        ),
    );
    let resource = record(
        "resource",
        Some("res"),
        &[
            ("WARC-Target-URI", "file:///saved.html"),
            ("Content-Type", "text/html; charset=Shift_JIS"),
        ],
        PAGE.as_bytes(),
    );
    let binary = record(
        "response",
        Some("bin"),
        &[],
        &http_response("200 OK", &[], b"\x00\x01binary"),
    );
    let bytes = [info.clone(), no_id.clone(), resource.clone(), binary].concat();
    let file = write(dir.path(), "misc.warc", &bytes);
    let items = read_all(&file);
    let at1 = info.len();
    let at2 = at1 + no_id.len();
    let at3 = at2 + resource.len();
    assert_eq!(
        summary(&items),
        [
            "skip misc.warc@0 warc warcinfo record".to_owned(),
            format!("page misc.warc@{at1} misc.warc@{at1}"),
            format!("page urn:uuid:res misc.warc@{at2}"),
            format!("skip misc.warc@{at3} non-HTML response (no Content-Type)"),
        ]
    );
    assert_eq!(page(&items[1]).url.as_deref(), Some("https://a.example/x"));
    assert_eq!(page(&items[1]).charset_hint, None);
    assert_eq!(page(&items[2]).charset_hint.as_deref(), Some("Shift_JIS"));
}

#[test]
fn warc_page_over_the_limit_is_too_large_and_the_file_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let big = format!("<html><body>{}</body></html>", "words ".repeat(2000));
    let small = "<html><body>small</body></html>";
    let gz_big = gzip(big.as_bytes());
    let bytes = [
        response(
            "big",
            "https://a.example/big",
            &http_response("200 OK", &[("Content-Type", "text/html")], big.as_bytes()),
        ),
        response(
            "bomb",
            "https://a.example/bomb",
            &http_response(
                "200 OK",
                &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                &gz_big,
            ),
        ),
        response(
            "small",
            "https://a.example/small",
            &http_response("200 OK", &[("Content-Type", "text/html")], small.as_bytes()),
        ),
    ]
    .concat();
    let file = write(dir.path(), "big.warc", &bytes);
    let items = read_with_limit(&file, 1000);
    let s = summary(&items);
    assert!(s[0].starts_with("reject too_large urn:uuid:big"), "{s:?}");
    assert!(s[1].starts_with("reject too_large urn:uuid:bomb"), "{s:?}");
    assert!(s[2].starts_with("page urn:uuid:small"), "{s:?}");
    assert_eq!(s.len(), 3);
}

#[test]
fn warc_body_stored_dechunked_despite_its_header_is_kept_as_is() {
    // Crawlers often store the decoded payload but keep the original
    // Transfer-Encoding / Content-Encoding headers.
    let dir = tempfile::tempdir().unwrap();
    let headers = [
        ("Content-Type", "text/html"),
        ("Transfer-Encoding", "chunked"),
        ("Content-Encoding", "gzip"),
    ];
    let bytes = response(
        "plain",
        "https://a.example/",
        &http_response("200 OK", &headers, PAGE.as_bytes()),
    );
    let file = write(dir.path(), "plain.warc", &bytes);
    let items = read_all(&file);
    assert_eq!(page(&items[0]).bytes, PAGE.as_bytes());

    let chunked_only = [
        ("Content-Type", "text/html"),
        ("Transfer-Encoding", "chunked"),
    ];
    let bytes = response(
        "ch",
        "https://a.example/",
        &http_response("200 OK", &chunked_only, &chunked(PAGE.as_bytes(), 16)),
    );
    let file = write(dir.path(), "chunked.warc", &bytes);
    let items = read_all(&file);
    assert_eq!(page(&items[0]).bytes, PAGE.as_bytes());
}

#[test]
fn warc_with_only_whitespace_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "blank.warc", b"\r\n\r\n");
    assert_eq!(
        summary(&read_all(&file)),
        ["reject empty blank.warc blank.warc"]
    );
}

#[test]
fn warc_reader_is_send_and_lazy() {
    fn assert_send<T: Send>(_: &T) {}
    let dir = tempfile::tempdir().unwrap();
    let records = crawl_records();
    let file = write(dir.path(), "crawl.warc", &records.concat());
    let mut iter = read_file(&file, &Config::default());
    assert_send(&iter);
    assert!(matches!(iter.next(), Some(InputItem::Skipped { .. })));
}

// ---------------------------------------------------------------- panics

#[test]
fn a_panicking_reader_becomes_one_panic_reject_and_ends_the_file() {
    let mut step = 0;
    let reader = std::iter::from_fn(move || {
        step += 1;
        assert!(step < 2, "reader bug at step {step}");
        Some(item_reject(
            "f.warc@0",
            "f.warc@0",
            None,
            RejectReason::Empty,
            "e".into(),
        ))
    });
    let items: Vec<InputItem> = contained("f.warc", Box::new(reader)).collect();
    assert_eq!(
        summary(&items),
        [
            "reject empty f.warc@0 f.warc@0",
            "reject panic f.warc f.warc"
        ]
    );
    assert_eq!(
        reject(&items[1]).detail,
        "reader panicked: reader bug at step 2"
    );
}

#[test]
fn read_bytes_reads_like_read_file() {
    let line = format!("{}\n", serde_json::json!({ "html": PAGE, "id": 7 }));
    let items: Vec<InputItem> = read_bytes(
        "mem.jsonl.gz",
        gzip(line.as_bytes()),
        InputFormat::Jsonl,
        true,
        &Config::default(),
    )
    .collect();
    assert_eq!(summary(&items), ["page 7 mem.jsonl.gz:1"]);
    let empty: Vec<InputItem> = read_bytes(
        "e.warc",
        Vec::new(),
        InputFormat::Warc,
        false,
        &Config::default(),
    )
    .collect();
    assert_eq!(summary(&empty), ["reject empty e.warc e.warc"]);
}

/// Every field of an item, to compare two readers' answers.
fn full(items: &[InputItem]) -> Vec<String> {
    items.iter().map(|item| format!("{item:?}")).collect()
}

#[test]
fn a_gzipped_page_left_to_the_worker_reads_like_read_file() {
    let dir = tempfile::tempdir().unwrap();
    let big = PAGE.repeat(100);
    let gz = gzip(big.as_bytes());
    let files = [
        write(dir.path(), "story.html.gz", &gzip(PAGE.as_bytes())),
        write(dir.path(), "dump.txt.gz", &gzip(b"Plain text dump.\n")),
        write(dir.path(), "cut.html.gz", &gz[..gz.len() / 2]),
        write(dir.path(), "garbage.html.gz", b"this is not gzip at all"),
        write(dir.path(), "nothing.html.gz", &gzip(b"")),
        write(dir.path(), "big.html.gz", &gz),
        write(dir.path(), "plain.html", PAGE.as_bytes()),
        write(dir.path(), "lines.jsonl.gz", &gzip(b"{\"html\": \"<p>x</p>\"}\n")),
    ];
    // A limit the big page is over once decompressed, not compressed.
    let config = Config {
        max_page_bytes: big.len() - 1,
        ..Config::default()
    };
    for file in &files {
        let deferred: Vec<ReadItem> = read_file_for_workers(file, &config).collect();
        let left_compressed = deferred
            .iter()
            .any(|item| matches!(item, ReadItem::Gzipped(_)));
        let gzipped_page = file.rel.ends_with(".html.gz") || file.rel.ends_with(".txt.gz");
        assert_eq!(left_compressed, gzipped_page, "{}", file.rel);
        let ready: Vec<InputItem> = deferred.into_iter().map(ReadItem::ready).collect();
        let eager: Vec<InputItem> = read_file(file, &config).collect();
        assert_eq!(full(&ready), full(&eager), "{}", file.rel);
    }
}

#[test]
fn a_gzipped_file_over_the_limit_is_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let noise: Vec<u8> = (0..20_000u32).flat_map(|i| i.to_le_bytes()).collect();
    let file = write(dir.path(), "noise.html.gz", &gzip(&noise));
    let config = Config {
        max_page_bytes: 1_000,
        ..Config::default()
    };
    let items: Vec<ReadItem> = read_file_for_workers(&file, &config).collect();
    assert!(matches!(
        items.as_slice(),
        [ReadItem::Ready(InputItem::Reject(r))] if r.reason == RejectReason::TooLarge
    ));
}
