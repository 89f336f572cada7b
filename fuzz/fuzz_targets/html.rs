//! Fuzz target: raw bytes as an HTML page through decoding and the whole
//! extraction (parse, metadata, blocks, classification, body, quotes),
//! without the pipeline's panic guard, so any panic is a crash.
#![no_main]

use decant::Config;
use decant::input::{ContentKind, RawPage};
use decant::pipeline::extract_page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = RawPage {
        id: "fuzz.html".into(),
        source: "fuzz.html".into(),
        url: Some("https://example.com/news/2024/05/story".into()),
        bytes: Vec::new(),
        charset_hint: None,
        fetched_at: None,
        kind: ContentKind::Html,
    };
    let _ = extract_page(data.to_vec(), &page, &Config::default());
});
