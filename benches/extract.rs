//! Throughput of decant's stages on real pages: `samples/*.html` and, when
//! present, `../shared/eval/scrapinghub-dev/html/*.html.gz`. Each bench
//! reports bytes per second over the whole page set, so stages compare as
//! ratios measured in one run (`cargo bench --bench extract`).

use std::hint::black_box;
use std::io::Read;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use decant::extract::PageContext;
use decant::input::decode::decode_html;
use decant::{Config, extract_html};

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

fn stages(c: &mut Criterion) {
    let pages = load_pages();
    let total: u64 = pages.iter().map(|p| p.len() as u64).sum();
    let texts: Vec<String> = pages.iter().map(|p| decode_html(p, None).text).collect();
    let config = Config::default();
    let ctx = PageContext::default();

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
    group.bench_function("extract_html", |b| {
        b.iter(|| {
            for text in &texts {
                let _ = black_box(extract_html(text, &ctx, &config));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
