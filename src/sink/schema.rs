//! The Arrow schema of the dataset, in one place: the columns of
//! `articles-*.parquet` and of `rejects.parquet`, their order, types and
//! nullability. The batch builder and the JSONL writer take their column
//! names from here.

use std::sync::{Arc, LazyLock};

use arrow::datatypes::{DataType, Field, FieldRef, Fields, Schema, SchemaRef, TimeUnit};

/// Name of the item field of every list column. Arrow's canonical name
/// (what pyarrow's `pa.list_()` and polars produce), used by every list
/// column alike so that pyarrow, polars and DuckDB read them the same way.
pub const LIST_ITEM: &str = "item";

/// Time zone of `fetched_at`: instants are stored as UTC milliseconds.
pub const UTC: &str = "UTC";

/// Column names of `articles-*.parquet`, in schema order.
pub mod article {
    /// Stable id: WARC-Record-ID, the JSONL `id` field, or the file path
    /// relative to the input root. utf8, not null.
    pub const ID: &str = "id";
    /// Input file (and record offset for WARC/JSONL). utf8, not null.
    pub const SOURCE: &str = "source";
    /// Page URL (WARC-Target-URI, JSONL url, canonical link). utf8.
    pub const URL: &str = "url";
    /// When the page was fetched (WARC-Date), where known.
    /// timestamp(ms, "UTC").
    pub const FETCHED_AT: &str = "fetched_at";
    /// Headline of the article. utf8.
    pub const TITLE: &str = "title";
    /// Name of the publication. utf8.
    pub const SITE_NAME: &str = "site_name";
    /// Summary from the page's metadata. utf8.
    pub const DESCRIPTION: &str = "description";
    /// Language code of the text (ISO 639-1 where known). utf8.
    pub const LANGUAGE: &str = "language";
    /// Author names, cleaned, in page order, no duplicates.
    /// `list<utf8>`, not null (an empty list when none); items not null.
    pub const AUTHORS: &str = "authors";
    /// Tags / keywords, cleaned, in page order, no duplicates.
    /// `list<utf8>`, not null (an empty list when none); items not null.
    pub const TAGS: &str = "tags";
    /// Date of first publication. date32.
    pub const DATE_PUBLISHED: &str = "date_published";
    /// Date of the last modification. date32.
    pub const DATE_MODIFIED: &str = "date_modified";
    /// Where `date_published` was found (a meta tag, JSON-LD, the URL...).
    /// utf8.
    pub const DATE_SOURCE: &str = "date_source";
    /// The page's canonical link. utf8.
    pub const CANONICAL_URL: &str = "canonical_url";
    /// The page's lead image. utf8.
    pub const IMAGE_URL: &str = "image_url";
    /// Clean body: paragraphs (and headings, list items) separated by a
    /// blank line. utf8, not null.
    pub const TEXT: &str = "text";
    /// Words in `text`. int32, not null.
    pub const WORD_COUNT: &str = "word_count";
    /// Direct quotes in `text`; `start`/`end` are character (Unicode
    /// scalar) offsets, so Python's `text[start:end]` is the quote.
    /// `list<struct<text, speaker, cue, start, end>>`, not null; items not null.
    pub const QUOTES: &str = "quotes";
    /// What was stripped from the page and as which kind of boilerplate.
    /// `list<struct<kind, text>>`; null unless the run keeps removed blocks.
    pub const REMOVED: &str = "removed";
    /// Hex hash of the normalized text, for deduplication. utf8, not null.
    pub const CONTENT_HASH: &str = "content_hash";
    /// The character encoding the page was decoded with. utf8.
    pub const ENCODING: &str = "encoding";

    /// Every column, in schema order.
    pub const ALL: [&str; 21] = [
        ID,
        SOURCE,
        URL,
        FETCHED_AT,
        TITLE,
        SITE_NAME,
        DESCRIPTION,
        LANGUAGE,
        AUTHORS,
        TAGS,
        DATE_PUBLISHED,
        DATE_MODIFIED,
        DATE_SOURCE,
        CANONICAL_URL,
        IMAGE_URL,
        TEXT,
        WORD_COUNT,
        QUOTES,
        REMOVED,
        CONTENT_HASH,
        ENCODING,
    ];
}

/// Field names of one `quotes` item.
pub mod quote {
    /// The quoted words, without the quotation marks. utf8, not null.
    pub const TEXT: &str = "text";
    /// Who said it, in the fullest form the article gives. utf8.
    pub const SPEAKER: &str = "speaker";
    /// The attribution verb or phrase ("said", "told"). utf8.
    pub const CUE: &str = "cue";
    /// Start offset in `text`, in characters. int32, not null.
    pub const START: &str = "start";
    /// End offset (exclusive) in `text`, in characters. int32, not null.
    pub const END: &str = "end";
}

/// Field names of one `removed` item.
pub mod removed {
    /// The kind of boilerplate the block was. utf8, not null.
    pub const KIND: &str = "kind";
    /// The stripped block's text. utf8, not null.
    pub const TEXT: &str = "text";
}

/// Column names of `rejects.parquet`, in schema order.
pub mod reject {
    /// Stable id of the page, as in the articles. utf8, not null.
    pub const ID: &str = "id";
    /// Input file (and record offset). utf8, not null.
    pub const SOURCE: &str = "source";
    /// Page URL where known. utf8.
    pub const URL: &str = "url";
    /// Why the page yielded no article (`empty`, `not_html`, ...).
    /// utf8, not null.
    pub const REASON: &str = "reason";
    /// Human-readable detail of the failure. utf8, not null.
    pub const DETAIL: &str = "detail";

    /// Every column, in schema order.
    pub const ALL: [&str; 5] = [ID, SOURCE, URL, REASON, DETAIL];
}

/// The schema of `articles-*.parquet`.
pub fn article_schema() -> SchemaRef {
    ARTICLE_SCHEMA.clone()
}

/// The schema of `rejects.parquet`.
pub fn reject_schema() -> SchemaRef {
    REJECT_SCHEMA.clone()
}

static ARTICLE_SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    use article::*;
    let utf8 = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        utf8(ID, false),
        utf8(SOURCE, false),
        utf8(URL, true),
        Field::new(FETCHED_AT, timestamp_type(), true),
        utf8(TITLE, true),
        utf8(SITE_NAME, true),
        utf8(DESCRIPTION, true),
        utf8(LANGUAGE, true),
        Field::new(AUTHORS, DataType::List(string_item()), false),
        Field::new(TAGS, DataType::List(string_item()), false),
        Field::new(DATE_PUBLISHED, DataType::Date32, true),
        Field::new(DATE_MODIFIED, DataType::Date32, true),
        utf8(DATE_SOURCE, true),
        utf8(CANONICAL_URL, true),
        utf8(IMAGE_URL, true),
        utf8(TEXT, false),
        Field::new(WORD_COUNT, DataType::Int32, false),
        Field::new(QUOTES, DataType::List(quote_item()), false),
        Field::new(REMOVED, DataType::List(removed_item()), true),
        utf8(CONTENT_HASH, false),
        utf8(ENCODING, true),
    ]))
});

static REJECT_SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    use reject::*;
    Arc::new(Schema::new(vec![
        Field::new(ID, DataType::Utf8, false),
        Field::new(SOURCE, DataType::Utf8, false),
        Field::new(URL, DataType::Utf8, true),
        Field::new(REASON, DataType::Utf8, false),
        Field::new(DETAIL, DataType::Utf8, false),
    ]))
});

/// The type of `fetched_at`: milliseconds since the epoch, in UTC.
pub fn timestamp_type() -> DataType {
    DataType::Timestamp(TimeUnit::Millisecond, Some(UTC.into()))
}

/// The item field of `authors` and `tags`: a non-null string.
pub fn string_item() -> FieldRef {
    Arc::new(Field::new(LIST_ITEM, DataType::Utf8, false))
}

/// The fields of one quote.
pub fn quote_fields() -> Fields {
    Fields::from(vec![
        Field::new(quote::TEXT, DataType::Utf8, false),
        Field::new(quote::SPEAKER, DataType::Utf8, true),
        Field::new(quote::CUE, DataType::Utf8, true),
        Field::new(quote::START, DataType::Int32, false),
        Field::new(quote::END, DataType::Int32, false),
    ])
}

/// The item field of `quotes`: a non-null quote struct.
pub fn quote_item() -> FieldRef {
    Arc::new(Field::new(
        LIST_ITEM,
        DataType::Struct(quote_fields()),
        false,
    ))
}

/// The fields of one removed block.
pub fn removed_fields() -> Fields {
    Fields::from(vec![
        Field::new(removed::KIND, DataType::Utf8, false),
        Field::new(removed::TEXT, DataType::Utf8, false),
    ])
}

/// The item field of `removed`: a non-null removed-block struct.
pub fn removed_item() -> FieldRef {
    Arc::new(Field::new(
        LIST_ITEM,
        DataType::Struct(removed_fields()),
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_name_lists_follow_the_schemas() {
        let names: Vec<String> = article_schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, article::ALL);
        let names: Vec<String> = reject_schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, reject::ALL);
    }

    #[test]
    fn every_list_column_names_its_item_alike() {
        for field in article_schema().fields() {
            if let DataType::List(item) = field.data_type() {
                assert_eq!(item.name(), LIST_ITEM, "column {}", field.name());
                assert!(!item.is_nullable(), "column {}", field.name());
            }
        }
    }
}
