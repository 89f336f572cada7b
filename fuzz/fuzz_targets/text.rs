//! Fuzz target: raw bytes as a plain-text dump through decoding and the
//! text extraction (lines to blocks, classification, body, metadata, quotes),
//! without the pipeline's panic guard, so any panic is a crash.
#![no_main]

use decant::Config;
use decant::input::{ContentKind, RawPage};
use decant::pipeline::extract_page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = RawPage {
        id: "fuzz.txt".into(),
        source: "fuzz.txt".into(),
        url: Some("https://example.com/news/2024/05/story".into()),
        bytes: Vec::new(),
        charset_hint: None,
        fetched_at: None,
        kind: ContentKind::Text,
    };
    let _ = extract_page(data.to_vec(), &page, &Config::default());
});
