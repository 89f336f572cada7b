//! Round trips of whole datasets: write records, read the files back with
//! the Parquet Arrow reader (or serde_json), check every kind of value.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use ::parquet::basic::Compression;
use ::parquet::file::metadata::ParquetMetaData;
use arrow::array::{Array, AsArray, RecordBatch};
use arrow::compute::concat_batches;
use arrow::datatypes::{Date32Type, Int32Type, TimestampMillisecondType};
use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value;

use super::files;
use super::parquet::{ROW_GROUP_ROWS, VERSION_KEY};
use super::*;
use crate::config::OutputFormat;
use crate::error::RejectReason;
use crate::record::{Quote, Record, Reject, Removed};

fn options(format: OutputFormat, rows_per_file: usize, keep_removed: bool) -> SinkOptions {
    SinkOptions {
        format,
        rows_per_file,
        keep_removed,
        metadata: vec![
            ("format".into(), format.as_str().into()),
            ("keep_removed".into(), keep_removed.to_string()),
        ],
        inputs: std::sync::Arc::new(Vec::new()),
    }
}

/// A full article: unicode text, authors, dates, two quotes, removed blocks.
fn full_record() -> Record {
    let text = "«Привет», сказал он. \"We stay,\" Smith said.\n\nZweiter Absatz — ü.";
    Record {
        id: "<urn:uuid:1>".into(),
        source: "crawl.warc.gz:1024".into(),
        url: Some("https://example.com/a".into()),
        fetched_at: Utc.timestamp_millis_opt(1_700_000_000_123).single(),
        title: Some("Заголовок".into()),
        site_name: Some("Example".into()),
        description: Some("A description".into()),
        language: Some("ru".into()),
        authors: vec!["Anna Smith".into(), "Иван Петров".into()],
        tags: vec!["politics".into()],
        date_published: NaiveDate::from_ymd_opt(2024, 2, 29),
        date_modified: NaiveDate::from_ymd_opt(1969, 12, 31),
        date_source: Some("json-ld".into()),
        canonical_url: Some("https://example.com/a".into()),
        image_url: Some("https://example.com/a.jpg".into()),
        text: text.into(),
        word_count: crate::record::word_count(text),
        quotes: vec![
            Quote {
                text: "Привет".into(),
                speaker: None,
                cue: Some("сказал".into()),
                start: 1,
                end: 7,
            },
            Quote {
                text: "We stay,".into(),
                speaker: Some("Smith".into()),
                cue: Some("said".into()),
                start: 22,
                end: 30,
            },
        ],
        removed: Some(vec![
            Removed {
                kind: "nav".into(),
                text: "Home | World".into(),
            },
            Removed {
                kind: "share".into(),
                text: "Share on 𝕏".into(),
            },
        ]),
        content_hash: crate::record::content_hash(text),
        encoding: Some("windows-1251".into()),
    }
}

/// A bare article: every optional field absent, every list empty.
fn bare_record(n: usize) -> Record {
    let text = format!("Article number {n}.");
    Record {
        id: format!("page-{n}.html"),
        source: format!("pages/page-{n}.html"),
        word_count: crate::record::word_count(&text),
        content_hash: crate::record::content_hash(&text),
        text,
        ..Record::default()
    }
}

fn reject(n: usize, reason: RejectReason) -> Reject {
    Reject {
        id: format!("bad-{n}"),
        source: format!("bad/{n}.bin"),
        url: n
            .is_multiple_of(2)
            .then(|| format!("https://example.com/bad/{n}")),
        reason,
        detail: format!("détail {n}"),
    }
}

fn write_dataset(
    dir: &Path,
    options: SinkOptions,
    records: &[Record],
    rejects: &[Reject],
) -> SinkSummary {
    let mut writer = DatasetWriter::create(dir, options).unwrap();
    for r in records {
        writer.write_article(r).unwrap();
    }
    for r in rejects {
        writer.write_reject(r).unwrap();
    }
    writer.finish().unwrap()
}

fn read_parquet(path: &Path) -> (RecordBatch, std::sync::Arc<ParquetMetaData>) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let metadata = builder.metadata().clone();
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder.build().unwrap().map(|b| b.unwrap()).collect();
    (concat_batches(&schema, &batches).unwrap(), metadata)
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn strings(batch: &RecordBatch, column: &str) -> Vec<Option<String>> {
    let array = batch.column_by_name(column).unwrap().as_string::<i32>();
    array.iter().map(|v| v.map(str::to_string)).collect()
}

#[test]
fn parquet_round_trip_keeps_every_kind_of_value() {
    let dir = tempfile::tempdir().unwrap();
    let records = vec![full_record(), bare_record(1)];
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 100, true),
        &records,
        &[],
    );
    assert_eq!(summary.articles, 2);
    assert_eq!(
        summary.article_files,
        vec![dir.path().join("articles-00000.parquet")]
    );

    let (batch, _) = read_parquet(&summary.article_files[0]);
    assert_eq!(batch.schema().fields(), schema::article_schema().fields());
    assert_eq!(batch.num_rows(), 2);

    assert_eq!(
        strings(&batch, "id"),
        vec![Some("<urn:uuid:1>".into()), Some("page-1.html".into())]
    );
    assert_eq!(
        strings(&batch, "text")[0].as_deref(),
        Some(records[0].text.as_str())
    );
    assert_eq!(
        strings(&batch, "title"),
        vec![Some("Заголовок".into()), None]
    );
    assert_eq!(strings(&batch, "encoding")[1], None);

    let fetched = batch["fetched_at"].as_primitive::<TimestampMillisecondType>();
    assert_eq!(fetched.value(0), 1_700_000_000_123);
    assert!(fetched.is_null(1));

    let published = batch["date_published"].as_primitive::<Date32Type>();
    assert_eq!(
        Date32Type::to_naive_date_opt(published.value(0)),
        NaiveDate::from_ymd_opt(2024, 2, 29)
    );
    assert!(published.is_null(1));
    let modified = batch["date_modified"].as_primitive::<Date32Type>();
    assert_eq!(modified.value(0), -1, "dates before 1970 are negative days");

    let authors = batch["authors"].as_list::<i32>();
    let first: Vec<_> = authors
        .value(0)
        .as_string::<i32>()
        .iter()
        .flatten()
        .map(String::from)
        .collect();
    assert_eq!(first, records[0].authors);
    assert_eq!(authors.value(1).len(), 0);
    assert_eq!(authors.null_count(), 0, "an empty list is not a null list");

    let words = batch["word_count"].as_primitive::<Int32Type>();
    assert_eq!(words.value(0), records[0].word_count);

    let quotes = batch["quotes"].as_list::<i32>();
    assert_eq!(quotes.value(1).len(), 0);
    let first_quotes = quotes.value(0);
    let first_quotes = first_quotes.as_struct();
    let speakers: Vec<_> = first_quotes
        .column_by_name("speaker")
        .unwrap()
        .as_string::<i32>()
        .iter()
        .collect();
    assert_eq!(speakers, vec![None, Some("Smith")]);
    let starts = first_quotes
        .column_by_name("start")
        .unwrap()
        .as_primitive::<Int32Type>();
    assert_eq!(starts.values().to_vec(), vec![1, 22]);

    let removed = batch["removed"].as_list::<i32>();
    assert!(removed.is_valid(0));
    assert!(
        removed.is_null(1),
        "a record without removed blocks stays null"
    );
    let blocks = removed.value(0);
    let kinds: Vec<_> = blocks
        .as_struct()
        .column_by_name("kind")
        .unwrap()
        .as_string::<i32>()
        .iter()
        .flatten()
        .collect();
    assert_eq!(kinds, vec!["nav", "share"]);
}

#[test]
fn parquet_files_carry_version_options_and_zstd() {
    let dir = tempfile::tempdir().unwrap();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 100, false),
        &[full_record()],
        &[reject(1, RejectReason::NotHtml)],
    );
    let rejects = summary.rejects_file.clone().unwrap();
    for path in summary.article_files.iter().chain([&rejects]) {
        let (_, metadata) = read_parquet(path);
        let pairs: Vec<(String, Option<String>)> = metadata
            .file_metadata()
            .key_value_metadata()
            .unwrap()
            .iter()
            .map(|kv| (kv.key.clone(), kv.value.clone()))
            .collect();
        assert!(pairs.contains(&(VERSION_KEY.into(), Some(env!("CARGO_PKG_VERSION").into()))));
        assert!(pairs.contains(&("format".into(), Some("parquet".into()))));
        assert!(pairs.contains(&("keep_removed".into(), Some("false".into()))));
        let group = metadata.row_group(0);
        for column in group.columns() {
            assert!(
                matches!(column.compression(), Compression::ZSTD(_)),
                "{} in {}",
                column.column_path(),
                path.display()
            );
        }
    }
}

#[test]
fn removed_is_null_unless_kept() {
    let dir = tempfile::tempdir().unwrap();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 100, false),
        &[full_record(), bare_record(1)],
        &[],
    );
    let (batch, _) = read_parquet(&summary.article_files[0]);
    assert_eq!(batch["removed"].null_count(), 2);
}

#[test]
fn parquet_rotates_every_rows_per_file_rows() {
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<Record> = (0..5).map(bare_record).collect();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 2, false),
        &records,
        &[reject(1, RejectReason::Empty)],
    );
    assert_eq!(summary.articles, 5);
    assert_eq!(summary.rejects, 1);
    assert_eq!(
        file_names(dir.path()),
        vec![
            "articles-00000.parquet",
            "articles-00001.parquet",
            "articles-00002.parquet",
            "decant-progress.json",
            "rejects.parquet"
        ],
        "no temporary file is left"
    );
    let rows: Vec<usize> = summary
        .article_files
        .iter()
        .map(|p| read_parquet(p).0.num_rows())
        .collect();
    assert_eq!(rows, vec![2, 2, 1]);
    let ids: Vec<Option<String>> = summary
        .article_files
        .iter()
        .flat_map(|p| strings(&read_parquet(p).0, "id"))
        .collect();
    let expected: Vec<Option<String>> = records.iter().map(|r| Some(r.id.clone())).collect();
    assert_eq!(ids, expected, "rows keep input order across files");
}

#[test]
fn a_run_ending_on_a_rotation_leaves_no_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<Record> = (0..4).map(bare_record).collect();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 2, false),
        &records,
        &[],
    );
    assert_eq!(summary.article_files.len(), 2);
    assert!(!dir.path().join("articles-00002.parquet").exists());
}

#[test]
fn row_groups_are_bounded_by_rows() {
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<Record> = (0..=ROW_GROUP_ROWS).map(bare_record).collect();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 1_000_000, false),
        &records,
        &[],
    );
    let (batch, metadata) = read_parquet(&summary.article_files[0]);
    assert_eq!(batch.num_rows(), ROW_GROUP_ROWS + 1);
    let group_rows: Vec<i64> = metadata.row_groups().iter().map(|g| g.num_rows()).collect();
    assert_eq!(group_rows, vec![ROW_GROUP_ROWS as i64, 1]);
}

#[test]
fn rejects_file_holds_every_reject_row() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = vec![
        reject(1, RejectReason::NotHtml),
        reject(2, RejectReason::Panic),
    ];
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 10, false),
        &[bare_record(0)],
        &rejects,
    );
    let (batch, _) = read_parquet(&dir.path().join("rejects.parquet"));
    assert_eq!(batch.schema().fields(), schema::reject_schema().fields());
    assert_eq!(summary.rejects, 2);
    assert_eq!(
        strings(&batch, "reason"),
        vec![Some("not_html".into()), Some("panic".into())]
    );
    assert_eq!(
        strings(&batch, "url"),
        vec![None, Some("https://example.com/bad/2".into())]
    );
    assert_eq!(strings(&batch, "detail")[0].as_deref(), Some("détail 1"));
}

#[test]
fn a_run_without_articles_writes_only_an_empty_rejects_file() {
    let dir = tempfile::tempdir().unwrap();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 10, false),
        &[],
        &[],
    );
    assert!(summary.article_files.is_empty());
    assert_eq!(
        file_names(dir.path()),
        vec!["decant-progress.json", "rejects.parquet"]
    );
    let (batch, _) = read_parquet(&dir.path().join("rejects.parquet"));
    assert_eq!(batch.num_rows(), 0);
    assert_eq!(batch.schema().fields(), schema::reject_schema().fields());
}

#[test]
fn stale_article_files_of_an_earlier_run_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join("articles-00001.parquet");
    let stale_temp = dir.path().join(".articles-00007.parquet.tmp");
    let other_format = dir.path().join("articles-00001.jsonl");
    let unrelated = dir.path().join("notes.parquet");
    for path in [&stale, &stale_temp, &other_format, &unrelated] {
        fs::write(path, b"old").unwrap();
    }
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Parquet, 10, false),
        &[bare_record(0)],
        &[],
    );
    assert_eq!(
        summary.stale_files_removed,
        vec![stale_temp.clone(), stale.clone()]
    );
    assert!(!stale.exists() && !stale_temp.exists());
    assert!(other_format.exists() && unrelated.exists());
    assert_eq!(read_parquet(&summary.article_files[0]).0.num_rows(), 1);
}

#[test]
fn an_abandoned_writer_publishes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for format in [OutputFormat::Parquet, OutputFormat::Jsonl] {
        let earlier_rejects = dir.path().join(format!("rejects.{}", format.as_str()));
        fs::write(&earlier_rejects, b"from an earlier, finished run").unwrap();
        let mut writer = DatasetWriter::create(dir.path(), options(format, 1, false)).unwrap();
        assert!(
            !earlier_rejects.exists(),
            "a rejects file means a finished run, so the earlier one goes at once"
        );
        writer.write_article(&bare_record(0)).unwrap();
        writer.write_article(&bare_record(1)).unwrap();
        writer
            .write_reject(&reject(1, RejectReason::Empty))
            .unwrap();
        let published = dir
            .path()
            .join(format!("articles-00000.{}", format.as_str()));
        assert!(published.exists(), "a full file is published at rotation");
        drop(writer);
        assert!(
            !dir.path()
                .join(format!("rejects.{}", format.as_str()))
                .exists(),
            "the unfinished rejects file never gets its final name"
        );
        let temps: Vec<String> = file_names(dir.path())
            .into_iter()
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(temps.is_empty(), "{temps:?}");
    }
}

#[test]
fn an_unwritable_folder_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    fs::write(&file, b"x").unwrap();
    for (target, format) in [
        (file.join("out"), OutputFormat::Parquet),
        (file.clone(), OutputFormat::Parquet),
        (file.join("out"), OutputFormat::Jsonl),
    ] {
        let result = DatasetWriter::create(&target, options(format, 10, false));
        assert!(
            matches!(result, Err(SinkError::Io { .. })),
            "{}",
            target.display()
        );
    }
}

#[test]
fn zero_rows_per_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let result = DatasetWriter::create(dir.path(), options(OutputFormat::Parquet, 0, false));
    assert!(matches!(result, Err(SinkError::InvalidOptions(_))));
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    names.sort();
    names
}

#[test]
fn jsonl_round_trip_uses_the_column_names() {
    let dir = tempfile::tempdir().unwrap();
    let records = vec![full_record(), bare_record(1)];
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Jsonl, 100, true),
        &records,
        &[reject(2, RejectReason::BadJson)],
    );
    assert_eq!(
        file_names(dir.path()),
        vec![
            "articles-00000.jsonl",
            "decant-progress.json",
            "rejects.jsonl"
        ]
    );
    let lines = read_jsonl(&summary.article_files[0]);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(keys(line), sorted(&schema::article::ALL));
    }
    let full = &lines[0];
    assert_eq!(full["text"], records[0].text.as_str());
    assert_eq!(full["fetched_at"], "2023-11-14T22:13:20.123Z");
    assert_eq!(full["date_published"], "2024-02-29");
    assert_eq!(full["authors"][1], "Иван Петров");
    let quote = &full["quotes"][1];
    assert_eq!(
        keys(quote),
        sorted(&[
            schema::quote::TEXT,
            schema::quote::SPEAKER,
            schema::quote::CUE,
            schema::quote::START,
            schema::quote::END
        ])
    );
    assert_eq!(quote["speaker"], "Smith");
    assert_eq!(quote["start"], 22);
    assert_eq!(
        keys(&full["removed"][0]),
        sorted(&[schema::removed::KIND, schema::removed::TEXT])
    );
    assert_eq!(full["removed"][1]["text"], "Share on 𝕏");

    let bare = &lines[1];
    assert!(bare["url"].is_null() && bare["fetched_at"].is_null());
    assert!(bare["date_published"].is_null() && bare["removed"].is_null());
    assert_eq!(bare["authors"], Value::Array(vec![]));
    assert_eq!(bare["quotes"], Value::Array(vec![]));

    let rejects = read_jsonl(&dir.path().join("rejects.jsonl"));
    assert_eq!(rejects.len(), 1);
    assert_eq!(keys(&rejects[0]), sorted(&schema::reject::ALL));
    assert_eq!(rejects[0]["reason"], "bad_json");
}

#[test]
fn jsonl_removed_is_null_unless_kept_and_files_rotate() {
    let dir = tempfile::tempdir().unwrap();
    let records: Vec<Record> = std::iter::once(full_record())
        .chain((1..5).map(bare_record))
        .collect();
    let summary = write_dataset(
        dir.path(),
        options(OutputFormat::Jsonl, 2, false),
        &records,
        &[],
    );
    let names: Vec<PathBuf> = (0..3)
        .map(|i| dir.path().join(format!("articles-0000{i}.jsonl")))
        .collect();
    assert_eq!(summary.article_files, names);
    let counts: Vec<usize> = names.iter().map(|p| read_jsonl(p).len()).collect();
    assert_eq!(counts, vec![2, 2, 1]);
    assert!(read_jsonl(&names[0])[0]["removed"].is_null());
    assert!(read_jsonl(&dir.path().join("rejects.jsonl")).is_empty());
    assert!(file_names(dir.path()).iter().all(|n| !n.ends_with(".tmp")));
}

/// One input record of a scripted run: the position after it and what it
/// gave (an article, a reject, or nothing, as a skipped WARC record).
type Event = (Position, Option<Result<Record, Reject>>);

/// Four inputs of several records each, articles and rejects mixed, so
/// files rotate inside inputs and a file holds rows of several inputs.
fn scripted_run() -> Vec<Event> {
    let mut events = Vec::new();
    let mut n = 0;
    for (input, records) in [5u64, 1, 7, 4].into_iter().enumerate() {
        for record in 0..records {
            let at = Position::after(input, record);
            let row = match n % 4 {
                1 => Some(Err(reject(n, RejectReason::NoArticle))),
                3 if n % 8 == 3 => None,
                _ => Some(Ok(bare_record(n))),
            };
            events.push((at, row));
            n += 1;
        }
    }
    events
}

fn inputs(identities: [&str; 4]) -> Vec<String> {
    identities.map(String::from).to_vec()
}

fn resumable_options(format: OutputFormat) -> SinkOptions {
    SinkOptions {
        inputs: std::sync::Arc::new(inputs([
            "a.warc\t10",
            "b.warc\t20",
            "c.jsonl\t30",
            "d.html\t40",
        ])),
        ..options(format, 3, false)
    }
}

fn feed(writer: &mut DatasetWriter, events: &[Event]) {
    for (at, row) in events {
        match row {
            Some(Ok(record)) => writer.write_article(record).unwrap(),
            Some(Err(reject)) => writer.write_reject(reject).unwrap(),
            None => {}
        }
        writer.end_item(*at).unwrap();
    }
}

/// The article ids (files in order) and reject ids of a finished dataset.
fn dataset_ids(dir: &Path, format: OutputFormat) -> (Vec<String>, Vec<String>) {
    let extension = format.as_str();
    let ids_of = |path: &Path| -> Vec<String> {
        match format {
            OutputFormat::Parquet => strings(&read_parquet(path).0, "id")
                .into_iter()
                .flatten()
                .collect(),
            OutputFormat::Jsonl => read_jsonl(path)
                .iter()
                .filter_map(|v| v["id"].as_str().map(str::to_string))
                .collect(),
        }
    };
    let articles = file_names(dir)
        .into_iter()
        .filter(|n| n.starts_with("articles-") && n.ends_with(extension))
        .flat_map(|n| ids_of(&dir.join(n)))
        .collect();
    let rejects = ids_of(&dir.join(format!("rejects.{extension}")));
    (articles, rejects)
}

#[test]
fn a_run_stopped_anywhere_and_resumed_writes_the_same_rows() {
    let events = scripted_run();
    for format in [OutputFormat::Parquet, OutputFormat::Jsonl] {
        let whole = tempfile::tempdir().unwrap();
        let mut writer = DatasetWriter::create(whole.path(), resumable_options(format)).unwrap();
        feed(&mut writer, &events);
        writer.finish().unwrap();
        let expected = dataset_ids(whole.path(), format);
        assert_eq!(expected.0.len() + expected.1.len(), 15);

        // Every third record, and the end: stops before, at and after
        // rotations, inside inputs and on their boundaries (each run syncs
        // its files, so every record would make a slow test).
        let stops = (0..events.len()).step_by(3).chain([events.len()]);
        for stop in stops {
            for interrupt in [false, true] {
                let dir = tempfile::tempdir().unwrap();
                let mut writer =
                    DatasetWriter::create(dir.path(), resumable_options(format)).unwrap();
                feed(&mut writer, events.get(..stop).unwrap());
                if interrupt {
                    writer.interrupt().unwrap();
                } else {
                    drop(writer); // a crash: only the last checkpoint counts
                }
                let names = file_names(dir.path());
                assert!(
                    !names.iter().any(|n| n.starts_with("rejects.")),
                    "an unfinished run has no rejects file: {names:?}"
                );
                let resumed = DatasetWriter::resume(dir.path(), resumable_options(format));
                let (mut writer, from) = match resumed.unwrap() {
                    Resumed::Continue(writer, from) => (writer, from),
                    Resumed::Fresh(writer) => (writer, Position::default()),
                    Resumed::Finished(_) => panic!("the run did not finish"),
                };
                let rest: Vec<Event> = events
                    .iter()
                    .filter(|(at, _)| *at > from)
                    .cloned()
                    .collect();
                feed(&mut writer, &rest);
                let summary = writer.finish().unwrap();
                let context =
                    format!("{format:?}, stopped after {stop} records, interrupt {interrupt}");
                assert_eq!(dataset_ids(dir.path(), format), expected, "{context}");
                assert_eq!(summary.articles as usize, expected.0.len(), "{context}");
                assert_eq!(summary.rejects as usize, expected.1.len(), "{context}");
                let leftovers: Vec<String> = file_names(dir.path())
                    .into_iter()
                    .filter(|n| n.ends_with(".part") || n.ends_with(".tmp"))
                    .collect();
                assert!(leftovers.is_empty(), "{context}: {leftovers:?}");
            }
        }
    }
}

#[test]
fn a_crash_leaves_only_whole_files_and_unlisted_ones_are_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let events = scripted_run();
    let mut writer =
        DatasetWriter::create(dir.path(), resumable_options(OutputFormat::Parquet)).unwrap();
    // Three articles fill the first file; stop before the record's end is
    // told, as a crash between publishing and the manifest would.
    let first_article_file = dir.path().join("articles-00000.parquet");
    let mut fed = 0;
    while !first_article_file.exists() {
        let (at, row) = &events[fed];
        match row {
            Some(Ok(record)) => writer.write_article(record).unwrap(),
            Some(Err(reject)) => writer.write_reject(reject).unwrap(),
            None => {}
        }
        fed += 1;
        if !first_article_file.exists() {
            writer.end_item(*at).unwrap();
        }
    }
    drop(writer);
    assert_eq!(read_parquet(&first_article_file).0.num_rows(), 3);
    assert!(!files::manifest_path(dir.path()).exists());
    let Resumed::Fresh(writer) =
        DatasetWriter::resume(dir.path(), resumable_options(OutputFormat::Parquet)).unwrap()
    else {
        panic!("no checkpoint was recorded, so the run starts afresh");
    };
    assert!(
        !first_article_file.exists(),
        "a file the manifest does not list is removed"
    );
    drop(writer);
}

#[test]
fn resuming_with_other_options_or_inputs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let events = scripted_run();
    let mut writer =
        DatasetWriter::create(dir.path(), resumable_options(OutputFormat::Parquet)).unwrap();
    feed(&mut writer, &events[..8]);
    drop(writer);
    let mut other_rows = resumable_options(OutputFormat::Parquet);
    other_rows
        .metadata
        .push(("rows_per_file".into(), "7".into()));
    let mut other_inputs = resumable_options(OutputFormat::Parquet);
    other_inputs.inputs = std::sync::Arc::new(inputs([
        "a.warc\t11",
        "b.warc\t20",
        "c.jsonl\t30",
        "d.html\t40",
    ]));
    for options in [other_rows, other_inputs] {
        let error = DatasetWriter::resume(dir.path(), options).err().unwrap();
        assert!(matches!(error, SinkError::Resume(_)), "{error}");
    }
    // A listed file that changed is refused too.
    fs::write(dir.path().join("articles-00000.parquet"), b"not the same").unwrap();
    let error = DatasetWriter::resume(dir.path(), resumable_options(OutputFormat::Parquet))
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("articles-00000.parquet"),
        "{error}"
    );
}

#[test]
fn a_finished_run_is_not_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer =
        DatasetWriter::create(dir.path(), resumable_options(OutputFormat::Jsonl)).unwrap();
    feed(&mut writer, &scripted_run());
    let finished = writer.finish().unwrap();
    let Resumed::Finished(summary) =
        DatasetWriter::resume(dir.path(), resumable_options(OutputFormat::Jsonl)).unwrap()
    else {
        panic!("the run had finished");
    };
    assert_eq!(summary.article_files, finished.article_files);
    assert_eq!(summary.articles, finished.articles);
    assert_eq!(summary.rejects, finished.rejects);
}

#[test]
fn a_fresh_run_clears_what_an_interrupted_one_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer =
        DatasetWriter::create(dir.path(), resumable_options(OutputFormat::Parquet)).unwrap();
    feed(&mut writer, &scripted_run()[..10]);
    writer.interrupt().unwrap();
    assert!(files::manifest_path(dir.path()).exists());
    let writer =
        DatasetWriter::create(dir.path(), resumable_options(OutputFormat::Parquet)).unwrap();
    let names = file_names(dir.path());
    assert_eq!(
        names,
        vec![".rejects.parquet.tmp"],
        "only the new run's own file"
    );
    drop(writer);
}

/// A file that accepts no byte, as a full disk: `/dev/full` fails every
/// write with ENOSPC, for root too. The test points the temporary file of
/// an output file at it.
#[cfg(target_os = "linux")]
fn full_disk_at(temp: &Path) {
    std::os::unix::fs::symlink("/dev/full", temp).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_io_error_naming_the_file() {
    for format in [OutputFormat::Parquet, OutputFormat::Jsonl] {
        let extension = format.as_str();
        // The article file cannot be written.
        let dir = tempfile::tempdir().unwrap();
        let mut writer = DatasetWriter::create(dir.path(), options(format, 2, false)).unwrap();
        full_disk_at(&dir.path().join(format!(".articles-00000.{extension}.tmp")));
        writer.write_article(&full_record()).unwrap();
        let error = writer.write_article(&bare_record(1)).unwrap_err();
        let SinkError::Io { path, source } = &error else {
            panic!("{format:?}: {error}");
        };
        assert_eq!(source.kind(), std::io::ErrorKind::StorageFull, "{error}");
        assert!(path.to_string_lossy().contains("articles-00000"), "{error}");
        drop(writer);
        assert!(
            !dir.path()
                .join(format!("articles-00000.{extension}"))
                .exists()
        );

        // The rejects file cannot be written: the run fails at the end,
        // and nothing looks finished.
        let dir = tempfile::tempdir().unwrap();
        full_disk_at(&dir.path().join(format!(".rejects.{extension}.tmp")));
        let mut writer = DatasetWriter::create(dir.path(), options(format, 2, false)).unwrap();
        writer
            .write_reject(&reject(0, RejectReason::Empty))
            .unwrap();
        let error = writer.finish().unwrap_err();
        assert!(
            matches!(&error, SinkError::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull),
            "{format:?}: {error}"
        );
        assert!(!dir.path().join(format!("rejects.{extension}")).exists());
    }
}

#[test]
fn an_output_name_taken_by_a_folder_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer =
        DatasetWriter::create(dir.path(), options(OutputFormat::Parquet, 1, false)).unwrap();
    fs::create_dir(dir.path().join(".articles-00000.parquet.tmp")).unwrap();
    let error = writer.write_article(&bare_record(0)).unwrap_err();
    assert!(matches!(error, SinkError::Io { .. }), "{error}");
}
