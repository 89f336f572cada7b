//! Charset decisions on real-shaped pages, encoded with encoding_rs.

use super::*;
use encoding_rs::{GB18030, GBK, SHIFT_JIS, UTF_16LE, WINDOWS_1251, WINDOWS_1252};

const FRENCH_NEWS: &str = "<p>\u{201c}C\u{2019}est un caf\u{e9} tr\u{e8}s pr\u{e9}cieux,\u{201d} a d\u{e9}clar\u{e9} \
    le ma\u{ee}tre torr\u{e9}facteur, \u{e0} c\u{f4}t\u{e9} de la fen\u{ea}tre. \u{2014} Les \
    march\u{e9}s fran\u{e7}ais ont r\u{e9}agi \u{e0} la d\u{e9}cision du minist\u{e8}re, \
    selon un communiqu\u{e9} publi\u{e9} mercredi. L\u{2019}\u{e9}t\u{e9} dernier, la r\u{e9}colte \
    \u{e9}tait d\u{e9}j\u{e0} m\u{e9}diocre et les prix ont grimp\u{e9} de 30 %.</p>";

const JAPANESE_NEWS: &str = "<h1>東京の天気</h1><p>気象庁によりますと、東京都心では今日の午後から雨が\
    降り始め、夜にかけて雷を伴って激しく降るおそれがあります。交通機関への影響に注意してください。\
    明日は晴れる見込みですが、気温は平年より低くなるでしょう。</p>";

const CHINESE_NEWS: &str = "<h1>北京新闻</h1><p>据新华社报道，北京市政府今天宣布了一系列新的环境保护措施，\
    包括限制机动车出行和关闭部分高污染企业。专家表示，这些措施将有助于改善空气质量。\
    市民们对此表示欢迎，但也希望政府能够提供更多的公共交通选择。</p>";

fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head>{head}<title>News</title></head>\n<body>{body}</body></html>"
    )
}

fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "test text must fit {}", encoding.name());
    bytes.into_owned()
}

#[test]
fn windows_1252_page_declared_by_meta() {
    let html = page("<meta charset=\"windows-1252\">", FRENCH_NEWS);
    let bytes = encode(&html, WINDOWS_1252);
    let decoded = decode_html(&bytes, None);
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert_eq!(decoded.source, CharsetSource::Meta);
    assert_eq!(decoded.text, html);
    assert!(decoded.text.contains("\u{201c}C\u{2019}est un caf\u{e9}"));
}

#[test]
fn iso_8859_1_label_in_http_equiv_means_windows_1252() {
    let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
    let html = page(head, FRENCH_NEWS);
    let decoded = decode_html(&encode(&html, WINDOWS_1252), None);
    assert_eq!(decoded.encoding.name(), "windows-1252");
    assert_eq!(decoded.text, html);
}

#[test]
fn undeclared_windows_1252_page_is_detected() {
    let html = page("", FRENCH_NEWS);
    let decoded = decode_html(&encode(&html, WINDOWS_1252), None);
    assert_eq!(decoded.source, CharsetSource::Detected);
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert_eq!(decoded.text, html);
}

#[test]
fn shift_jis_page_declared_and_undeclared() {
    let declared = page("<meta charset=\"Shift_JIS\">", JAPANESE_NEWS);
    let decoded = decode_html(&encode(&declared, SHIFT_JIS), None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (SHIFT_JIS, CharsetSource::Meta)
    );
    assert_eq!(decoded.text, declared);

    let undeclared = page("", JAPANESE_NEWS);
    let decoded = decode_html(&encode(&undeclared, SHIFT_JIS), None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (SHIFT_JIS, CharsetSource::Detected)
    );
    assert_eq!(decoded.text, undeclared);
}

#[test]
fn gb18030_page_declared_and_undeclared() {
    let declared = page("<meta charset=\"gb18030\">", CHINESE_NEWS);
    let decoded = decode_html(&encode(&declared, GB18030), None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (GB18030, CharsetSource::Meta)
    );
    assert_eq!(decoded.text, declared);

    // chardetng names the family GBK; encoding_rs decodes GB18030 bytes
    // with it all the same.
    let undeclared = page("", CHINESE_NEWS);
    let decoded = decode_html(&encode(&undeclared, GB18030), None);
    assert_eq!(decoded.source, CharsetSource::Detected);
    assert!(
        decoded.encoding == GBK || decoded.encoding == GB18030,
        "{}",
        decoded.encoding.name()
    );
    assert_eq!(decoded.text, undeclared);
}

#[test]
fn bom_beats_transport_and_meta() {
    let html = page("<meta charset=\"windows-1252\">", FRENCH_NEWS);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(html.as_bytes());
    let decoded = decode_html(&bytes, Some("windows-1251"));
    assert_eq!(
        (decoded.encoding, decoded.source),
        (UTF_8, CharsetSource::Bom)
    );
    assert_eq!(decoded.text, html, "the BOM itself is not text");

    let mut utf16 = b"\xFF\xFE".to_vec();
    utf16.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    let decoded = decode_html(&utf16, None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (UTF_16LE, CharsetSource::Bom)
    );
    assert_eq!(decoded.text, html);
}

#[test]
fn transport_charset_beats_meta() {
    let body = "<p>Москва — столица России, крупнейший город страны.</p>";
    let html = page("<meta charset=\"windows-1252\">", body);
    let decoded = decode_html(&encode(&html, WINDOWS_1251), Some(" Windows-1251 "));
    assert_eq!(
        (decoded.encoding, decoded.source),
        (WINDOWS_1251, CharsetSource::Transport)
    );
    assert_eq!(decoded.text, html);
}

#[test]
fn unknown_transport_label_falls_through_to_meta() {
    let html = page("<meta charset=\"windows-1252\">", FRENCH_NEWS);
    let decoded = decode_html(&encode(&html, WINDOWS_1252), Some("none"));
    assert_eq!(decoded.source, CharsetSource::Meta);
}

#[test]
fn meta_utf16_on_an_8_bit_page_means_utf8() {
    let html = page("<meta charset=\"utf-16\">", "<p>caf\u{e9}</p>");
    let decoded = decode_html(html.as_bytes(), None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (UTF_8, CharsetSource::Meta)
    );
    assert_eq!(decoded.text, html);
}

#[test]
fn declared_charset_is_used_even_if_it_fits_badly() {
    // A UTF-8 page that claims windows-1252 decodes as browsers show it.
    let html = page("<meta charset=\"windows-1252\">", "<p>caf\u{e9}</p>");
    let decoded = decode_html(html.as_bytes(), None);
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert!(decoded.text.contains("caf\u{c3}\u{a9}"));
}

#[test]
fn text_dumps_skip_the_meta_prescan() {
    let text = "How to write <meta charset=\"windows-1252\"> in a page: caf\u{e9}.";
    let decoded = decode_text(text.as_bytes(), None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (UTF_8, CharsetSource::Detected)
    );
    assert_eq!(decoded.text, text);
}

#[test]
fn ascii_without_declaration_is_utf8_fallback() {
    let decoded = decode_html(b"<html><body>plain</body></html>", None);
    assert_eq!(
        (decoded.encoding, decoded.source),
        (UTF_8, CharsetSource::Fallback)
    );
}

#[test]
fn owned_utf8_is_not_copied() {
    let html = page("", "<p>caf\u{e9} na\u{ef}ve</p>").into_bytes();
    let ptr = html.as_ptr();
    let decoded = decode_html_owned(html, Some("utf-8"));
    assert_eq!(decoded.text.as_ptr(), ptr);
    assert_eq!(decoded.source, CharsetSource::Transport);

    let bad = b"<p>caf\xe9</p>".to_vec();
    let decoded = decode_html_owned(bad, Some("utf-8"));
    assert_eq!(decoded.text, "<p>caf\u{fffd}</p>");
}

#[test]
fn owned_and_borrowed_decoding_agree() {
    let html = page("<meta charset=\"Shift_JIS\">", JAPANESE_NEWS);
    let bytes = encode(&html, SHIFT_JIS);
    let owned = decode_html_owned(bytes.clone(), None);
    let borrowed = decode_html(&bytes, None);
    assert_eq!(owned.text, borrowed.text);
    assert_eq!(owned.encoding, borrowed.encoding);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(b"<p>x</p>");
    assert_eq!(decode_text_owned(with_bom, None).text, "<p>x</p>");
}

#[test]
fn binary_data_is_recognised() {
    assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
    assert!(looks_binary(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3"));
    assert!(looks_binary(b"<html>\0\0\0</html>"));
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert!(looks_binary(&noise));
}

#[test]
fn text_in_any_charset_is_not_binary() {
    let html = page("", JAPANESE_NEWS);
    assert!(!looks_binary(html.as_bytes()));
    assert!(!looks_binary(&encode(&html, SHIFT_JIS)));
    assert!(!looks_binary(&encode(&page("", FRENCH_NEWS), WINDOWS_1252)));
    let mut utf16 = b"\xFF\xFE".to_vec();
    utf16.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    assert!(
        !looks_binary(&utf16),
        "UTF-16 with a BOM is text despite its NULs"
    );
    assert!(!looks_binary(b"\x1b$B$3$s$K$A$O\x1b(B ISO-2022-JP"));
    assert!(!looks_binary(b""));
    let mut stray_nul = page("", FRENCH_NEWS).into_bytes();
    stray_nul.insert(100, 0);
    assert!(
        !looks_binary(&stray_nul),
        "one stray NUL does not make a page binary"
    );
}

#[test]
fn decode_page_prescans_html_but_not_text() {
    let bytes = encode(
        "<meta charset=windows-1251><p>\u{418}\u{432}\u{430}\u{43d}</p>",
        WINDOWS_1251,
    );
    let html = decode_page(bytes.clone(), None, ContentKind::Html);
    assert_eq!(
        (html.encoding, html.source),
        (WINDOWS_1251, CharsetSource::Meta)
    );
    let text = decode_page(bytes, None, ContentKind::Text);
    assert_eq!(text.source, CharsetSource::Detected);
}

/// The borrowed decoder (pages held in an Arrow column) must give the
/// decoder by value's text and charset on every kind of page, and borrow
/// valid UTF-8 rather than copy it.
#[test]
fn borrowed_decoding_equals_decoding_by_value() {
    let french = page("<meta charset=\"windows-1252\">", FRENCH_NEWS);
    let japanese = page("", JAPANESE_NEWS);
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(page("", FRENCH_NEWS).as_bytes());
    let mut broken_utf8 = page("", FRENCH_NEWS).into_bytes();
    broken_utf8.insert(40, 0xff);
    let pages: Vec<(Vec<u8>, Option<&str>)> = vec![
        (encode(&french, WINDOWS_1252), None),
        (encode(&japanese, SHIFT_JIS), None),
        (japanese.clone().into_bytes(), Some("utf-8")),
        (with_bom, None),
        (broken_utf8, None),
    ];
    for (bytes, hint) in pages {
        for kind in [ContentKind::Html, ContentKind::Text] {
            let by_value = decode_page(bytes.clone(), hint, kind);
            let borrowed = decode_page_borrowed(&bytes, hint, kind);
            assert_eq!(borrowed.text, by_value.text);
            assert_eq!(borrowed.encoding, by_value.encoding);
            assert_eq!(borrowed.source, by_value.source);
        }
    }
    let utf8 = japanese.into_bytes();
    let borrowed = decode_page_borrowed(&utf8, None, ContentKind::Html);
    assert!(matches!(borrowed.text, Cow::Borrowed(_)));
}
