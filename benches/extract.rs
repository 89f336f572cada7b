//! Throughput of decant's stages on real pages: `samples/*.html` and, when
//! present, `../shared/eval/scrapinghub-dev/html/*.html.gz`. Each bench
//! reports bytes per second of the pages' HTML over the whole page set, so
//! stages compare as ratios measured in one run (`cargo bench --bench
//! extract`): `bare_scraper_parse` is the baseline, `extract_html` is what
//! decant does with a page (parse, metadata, body, quotes), `whole_page`
//! adds decoding and the output row, `parquet_write` the writer.

use std::hint::black_box;
use std::io::Read;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use decant::extract::{PageContext, body, metadata, quotes};
use decant::input::decode::decode_html;
use decant::input::{ContentKind, RawPage};
use decant::parse::parse_html;
use decant::pipeline::{build_record, process_page};
use decant::sink::{DatasetWriter, SinkOptions};
use decant::{Config, blocks, classify, extract_html, prepass};

/// Loads the benchmark pages as raw bytes.
fn load_pages() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    for dir in [
        root.join("samples"),
        root.join("../shared/eval/scrapinghub-dev/html"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path.to_string_lossy();
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if name.ends_with(".html.gz") {
                let mut html = Vec::new();
                if flate2::read::MultiGzDecoder::new(&bytes[..])
                    .read_to_end(&mut html)
                    .is_ok()
                {
                    pages.push(html);
                }
            } else if name.ends_with(".html") {
                pages.push(bytes);
            }
        }
    }
    pages
}

fn raw_page(index: usize, bytes: Vec<u8>) -> RawPage {
    RawPage {
        id: format!("page-{index}"),
        source: format!("page-{index}.html"),
        url: None,
        bytes,
        charset_hint: None,
        fetched_at: None,
        kind: ContentKind::Html,
    }
}

fn stages(c: &mut Criterion) {
    let pages = load_pages();
    let total: u64 = pages.iter().map(|p| p.len() as u64).sum();
    let texts: Vec<String> = pages.iter().map(|p| decode_html(p, None).text).collect();
    let config = Config::default();
    let ctx = PageContext::default();
    let docs: Vec<scraper::Html> = texts
        .iter()
        .filter_map(|t| parse_html(t, &config).ok())
        .collect();
    let bodies: Vec<String> = docs
        .iter()
        .map(|d| body::from_html(d, &config).text)
        .collect();
    let extracted: Vec<_> = texts
        .iter()
        .filter_map(|t| extract_html(t, &ctx, &config).ok())
        .collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(total));
    group.sample_size(10);
    group.bench_function("decode", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(decode_html(page, None));
            }
        })
    });
    group.bench_function("bare_scraper_parse", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(scraper::Html::parse_document(text));
            }
        })
    });
    group.bench_function("prepass", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(prepass::strip_inert(text));
            }
        })
    });
    group.bench_function("decant_parse", |b| {
        b.iter(|| {
            for text in &texts {
                let _ = black_box(parse_html(text, &config));
            }
        })
    });
    group.bench_function("blocks_classify", |b| {
        b.iter(|| {
            for doc in &docs {
                let page = blocks::from_html(doc);
                black_box(classify::classify_html(&page));
            }
        })
    });
    group.bench_function("body", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(body::from_html(doc, &config));
            }
        })
    });
    group.bench_function("metadata", |b| {
        b.iter(|| {
            for (doc, text) in docs.iter().zip(&bodies) {
                let found = metadata::from_html(doc, &ctx);
                black_box(metadata::detect_language(text, found.html_lang.as_deref()));
            }
        })
    });
    group.bench_function("quotes", |b| {
        b.iter(|| {
            for text in &bodies {
                black_box(quotes::find_quotes(text));
            }
        })
    });
    group.bench_function("record", |b| {
        b.iter(|| {
            for (i, page) in extracted.iter().enumerate() {
                let raw = raw_page(i, Vec::new());
                black_box(build_record(raw, page.clone(), "UTF-8".into(), &config));
            }
        })
    });
    let records: Vec<_> = extracted
        .iter()
        .enumerate()
        .map(|(i, page)| {
            build_record(
                raw_page(i, Vec::new()),
                page.clone(),
                "UTF-8".into(),
                &config,
            )
        })
        .collect();
    group.bench_function("parquet_write", |b| {
        b.iter(|| {
            let Ok(dir) = tempfile::tempdir() else {
                return;
            };
            let options = SinkOptions {
                format: config.format,
                rows_per_file: config.rows_per_file,
                keep_removed: false,
                metadata: Vec::new(),
                inputs: std::sync::Arc::new(Vec::new()),
            };
            let Ok(mut writer) = DatasetWriter::create(dir.path(), options) else {
                return;
            };
            for record in &records {
                let _ = writer.write_article(record);
            }
            black_box(writer.finish().ok());
        })
    });
    group.bench_function("extract_html", |b| {
        b.iter(|| {
            for text in &texts {
                let _ = black_box(extract_html(text, &ctx, &config));
            }
        })
    });
    group.bench_function("whole_page", |b| {
        b.iter(|| {
            for (i, page) in pages.iter().enumerate() {
                let _ = black_box(process_page(raw_page(i, page.clone()), &config));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
