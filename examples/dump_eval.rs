//! Development harness: extracts every page of a benchmark folder and
//! writes JSONL `{"source", "text"}` for `../shared/eval/score.py`.
//!
//! ```text
//! cargo run --release --example dump_eval -- DIR/html OUT.jsonl
//! ```
//! Pages are `*.gz` (gzip'd HTML). The charset decode here is a quick
//! stand-in (BOM, `<meta charset>`, then chardetng), not decant's own.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--blocks") {
        return show_blocks(args.get(2).map(String::as_str).unwrap_or_default());
    }
    let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: dump_eval HTML_DIR OUT.jsonl");
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "gz"))
        .collect();
    files.sort();
    let config = decant::Config::default();
    let lines: Vec<String> = files
        .par_iter()
        .map(|path| {
            let text = read_page(path)
                .ok()
                .and_then(|html| {
                    decant::extract_html(&html, &decant::PageContext::default(), &config).ok()
                })
                .map(|e| e.text)
                .unwrap_or_default();
            let source = path.file_name().map(|n| n.to_string_lossy().into_owned());
            serde_json::json!({ "source": source, "text": text }).to_string()
        })
        .collect();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for line in lines {
        writeln!(w, "{line}")?;
    }
    Ok(())
}

/// Prints every block of one page with its kind and features (debugging).
fn show_blocks(path: &str) -> anyhow::Result<()> {
    let html = read_page(Path::new(path))?;
    let doc = decant::parse::parse_html(&html, &decant::Config::default())?;
    let page = decant::blocks::from_html(&doc);
    let container = decant::classify::container::choose(&page);
    let kinds = decant::classify::classify_html(&page);
    println!("container {container:?}");
    let mut scored: Vec<(usize, f32)> = (0..page.elements.len())
        .map(|i| (i, decant::classify::container::score(&page, i, true)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (i, s) in scored.iter().take(5) {
        println!("  candidate {i} score {s:.0} {:?}", page.elements.get(*i));
    }
    if let Some(c) = container.and_then(|c| page.elements.get(c)) {
        println!("  {c:?}");
    }
    for (b, k) in page.blocks.iter().zip(&kinds) {
        let text: String = b.text.chars().take(110).collect();
        println!(
            "{:<10} {:>6} {:?} ld{:.2} m{:?} {:?} | {}",
            k.as_str(),
            b.element,
            b.tag,
            b.link_density(),
            b.mark,
            b.is_prose(),
            text.replace('\n', " / ")
        );
    }
    Ok(())
}

fn read_page(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(decode(&bytes))
}

fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode(bytes).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    let meta = head.find("charset=").and_then(|i| {
        let rest = head.get(i + 8..)?.trim_start_matches(['"', '\'']);
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))?;
        encoding_rs::Encoding::for_label(rest.get(..end)?.as_bytes())
    });
    let enc = meta.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    });
    enc.decode(bytes).0.into_owned()
}
