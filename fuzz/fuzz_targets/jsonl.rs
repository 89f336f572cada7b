//! Fuzz target: raw bytes as a `.jsonl` file through the JSONL reader (lines,
//! JSON objects, fields, size caps), every item read.
#![no_main]

use decant::Config;
use decant::input::{InputFormat, read_bytes};
use libfuzzer_sys::fuzz_target;

/// A page limit below the default, so the size guards are reached by
/// inputs of the sizes libFuzzer builds.
const FUZZ_PAGE_LIMIT: usize = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    let config = Config {
        max_page_bytes: FUZZ_PAGE_LIMIT,
        ..Config::default()
    };
    for item in read_bytes(
        "fuzz.jsonl",
        data.to_vec(),
        InputFormat::Jsonl,
        false,
        &config,
    ) {
        std::hint::black_box(item);
    }
});
