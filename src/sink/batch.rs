//! Records → Arrow columns: accumulates article and reject rows in column
//! builders and turns them into a [`RecordBatch`] of the schema in
//! [`super::schema`].

use std::sync::Arc;

use arrow::array::{
    ArrayRef, Date32Builder, Int32Builder, ListArray, ListBuilder, RecordBatch, StringBuilder,
    StructArray, TimestampMillisecondBuilder,
};
use arrow::buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow::datatypes::{Date32Type, FieldRef, Fields};
use arrow::error::ArrowError;

use super::schema;
use crate::record::{Quote, Record, Reject, Removed};

/// Article rows buffered in column builders, not yet written.
pub struct ArticleColumns {
    keep_removed: bool,
    id: StringBuilder,
    source: StringBuilder,
    url: StringBuilder,
    fetched_at: TimestampMillisecondBuilder,
    title: StringBuilder,
    site_name: StringBuilder,
    description: StringBuilder,
    language: StringBuilder,
    authors: ListBuilder<StringBuilder>,
    tags: ListBuilder<StringBuilder>,
    date_published: Date32Builder,
    date_modified: Date32Builder,
    date_source: StringBuilder,
    canonical_url: StringBuilder,
    image_url: StringBuilder,
    text: StringBuilder,
    word_count: Int32Builder,
    quotes: QuoteColumns,
    removed: RemovedColumns,
    content_hash: StringBuilder,
    encoding: StringBuilder,
    rows: usize,
    bytes: usize,
}

impl ArticleColumns {
    /// Empty builders; `keep_removed` decides whether `removed` is filled.
    pub fn new(keep_removed: bool) -> Self {
        ArticleColumns {
            keep_removed,
            id: StringBuilder::new(),
            source: StringBuilder::new(),
            url: StringBuilder::new(),
            fetched_at: TimestampMillisecondBuilder::new().with_timezone(schema::UTC),
            title: StringBuilder::new(),
            site_name: StringBuilder::new(),
            description: StringBuilder::new(),
            language: StringBuilder::new(),
            authors: string_list_builder(),
            tags: string_list_builder(),
            date_published: Date32Builder::new(),
            date_modified: Date32Builder::new(),
            date_source: StringBuilder::new(),
            canonical_url: StringBuilder::new(),
            image_url: StringBuilder::new(),
            text: StringBuilder::new(),
            word_count: Int32Builder::new(),
            quotes: QuoteColumns::default(),
            removed: RemovedColumns::default(),
            content_hash: StringBuilder::new(),
            encoding: StringBuilder::new(),
            rows: 0,
            bytes: 0,
        }
    }

    /// Rows buffered.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// String bytes buffered: the measure of the batch's memory.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// String bytes `r` would add to the buffer.
    pub fn bytes_of(&self, r: &Record) -> usize {
        record_bytes(r, self.keep_removed)
    }

    /// Appends one article row.
    pub fn push(&mut self, r: &Record) {
        self.id.append_value(&r.id);
        self.source.append_value(&r.source);
        self.url.append_option(r.url.as_deref());
        self.fetched_at
            .append_option(r.fetched_at.map(|t| t.timestamp_millis()));
        self.title.append_option(r.title.as_deref());
        self.site_name.append_option(r.site_name.as_deref());
        self.description.append_option(r.description.as_deref());
        self.language.append_option(r.language.as_deref());
        append_strings(&mut self.authors, &r.authors);
        append_strings(&mut self.tags, &r.tags);
        self.date_published
            .append_option(r.date_published.map(Date32Type::from_naive_date));
        self.date_modified
            .append_option(r.date_modified.map(Date32Type::from_naive_date));
        self.date_source.append_option(r.date_source.as_deref());
        self.canonical_url.append_option(r.canonical_url.as_deref());
        self.image_url.append_option(r.image_url.as_deref());
        self.text.append_value(&r.text);
        self.word_count.append_value(r.word_count);
        self.quotes.push(&r.quotes);
        let removed = if self.keep_removed {
            r.removed.as_deref()
        } else {
            None
        };
        self.removed.push(removed);
        self.content_hash.append_value(&r.content_hash);
        self.encoding.append_option(r.encoding.as_deref());
        self.rows += 1;
        self.bytes += record_bytes(r, self.keep_removed);
    }

    /// Turns the buffered rows into a batch and empties the builders.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.fetched_at.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.site_name.finish()),
            Arc::new(self.description.finish()),
            Arc::new(self.language.finish()),
            Arc::new(self.authors.finish()),
            Arc::new(self.tags.finish()),
            Arc::new(self.date_published.finish()),
            Arc::new(self.date_modified.finish()),
            Arc::new(self.date_source.finish()),
            Arc::new(self.canonical_url.finish()),
            Arc::new(self.image_url.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.word_count.finish()),
            Arc::new(self.quotes.finish()?),
            Arc::new(self.removed.finish()?),
            Arc::new(self.content_hash.finish()),
            Arc::new(self.encoding.finish()),
        ];
        self.rows = 0;
        self.bytes = 0;
        RecordBatch::try_new(schema::article_schema(), columns)
    }
}

/// String bytes of one article row as buffered: what the byte budget of a
/// row group counts.
fn record_bytes(r: &Record, keep_removed: bool) -> usize {
    let optional = [
        &r.url,
        &r.title,
        &r.site_name,
        &r.description,
        &r.language,
        &r.date_source,
        &r.canonical_url,
        &r.image_url,
        &r.encoding,
    ];
    let quotes: usize = r
        .quotes
        .iter()
        .map(|q| {
            q.text.len()
                + q.speaker.as_ref().map_or(0, String::len)
                + q.cue.as_ref().map_or(0, String::len)
        })
        .sum();
    let removed: usize = match (&r.removed, keep_removed) {
        (Some(blocks), true) => blocks.iter().map(|b| b.kind.len() + b.text.len()).sum(),
        _ => 0,
    };
    r.id.len()
        + r.source.len()
        + r.text.len()
        + r.content_hash.len()
        + optional
            .iter()
            .map(|s| s.as_ref().map_or(0, String::len))
            .sum::<usize>()
        + r.authors
            .iter()
            .chain(&r.tags)
            .map(String::len)
            .sum::<usize>()
        + quotes
        + removed
}

/// A list builder whose items are non-null strings named as the schema says.
fn string_list_builder() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(schema::string_item())
}

/// Appends one non-null list of strings.
fn append_strings(builder: &mut ListBuilder<StringBuilder>, values: &[String]) {
    for value in values {
        builder.values().append_value(value);
    }
    builder.append(true);
}

/// List offsets under construction: one entry per row plus the leading 0.
#[derive(Debug)]
struct Offsets(Vec<i32>);

impl Default for Offsets {
    fn default() -> Self {
        Offsets(vec![0])
    }
}

impl Offsets {
    /// Adds a row of `len` items.
    fn push(&mut self, len: usize) -> Result<(), ArrowError> {
        let last = self.0.last().copied().unwrap_or(0);
        let next = i32::try_from(len)
            .ok()
            .and_then(|len| last.checked_add(len))
            .ok_or_else(|| ArrowError::ComputeError("list offsets overflow i32".into()))?;
        self.0.push(next);
        Ok(())
    }

    /// The finished offsets; the builder starts again from a single 0.
    fn finish(&mut self) -> OffsetBuffer<i32> {
        let offsets = std::mem::take(&mut self.0);
        self.0.push(0);
        OffsetBuffer::new(ScalarBuffer::from(offsets))
    }
}

/// The `quotes` column under construction, as child columns + offsets.
#[derive(Debug, Default)]
struct QuoteColumns {
    text: StringBuilder,
    speaker: StringBuilder,
    cue: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    offsets: Offsets,
    /// An offset overflow seen by `push`, reported by `finish`.
    error: Option<ArrowError>,
}

impl QuoteColumns {
    fn push(&mut self, quotes: &[Quote]) {
        for q in quotes {
            self.text.append_value(&q.text);
            self.speaker.append_option(q.speaker.as_deref());
            self.cue.append_option(q.cue.as_deref());
            self.start.append_value(q.start);
            self.end.append_value(q.end);
        }
        if let Err(e) = self.offsets.push(quotes.len()) {
            self.error.get_or_insert(e);
        }
    }

    fn finish(&mut self) -> Result<ListArray, ArrowError> {
        let children: Vec<ArrayRef> = vec![
            Arc::new(self.text.finish()),
            Arc::new(self.speaker.finish()),
            Arc::new(self.cue.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
        ];
        let offsets = self.offsets.finish();
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        list_of_structs(
            schema::quote_item(),
            schema::quote_fields(),
            children,
            offsets,
            None,
        )
    }
}

/// The `removed` column under construction: a nullable list of structs.
#[derive(Debug, Default)]
struct RemovedColumns {
    kind: StringBuilder,
    text: StringBuilder,
    offsets: Offsets,
    valid: Vec<bool>,
    /// An offset overflow seen by `push`, reported by `finish`.
    error: Option<ArrowError>,
}

impl RemovedColumns {
    /// Appends one row: the blocks, or null when `None`.
    fn push(&mut self, blocks: Option<&[Removed]>) {
        let blocks_in_row = blocks.unwrap_or_default();
        for block in blocks_in_row {
            self.kind.append_value(&block.kind);
            self.text.append_value(&block.text);
        }
        if let Err(e) = self.offsets.push(blocks_in_row.len()) {
            self.error.get_or_insert(e);
        }
        self.valid.push(blocks.is_some());
    }

    fn finish(&mut self) -> Result<ListArray, ArrowError> {
        let children: Vec<ArrayRef> =
            vec![Arc::new(self.kind.finish()), Arc::new(self.text.finish())];
        let offsets = self.offsets.finish();
        let valid = std::mem::take(&mut self.valid);
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let nulls = Some(NullBuffer::from(valid)).filter(|n| n.null_count() > 0);
        list_of_structs(
            schema::removed_item(),
            schema::removed_fields(),
            children,
            offsets,
            nulls,
        )
    }
}

/// Assembles a `list<struct>` column from its finished child columns.
fn list_of_structs(
    item: FieldRef,
    fields: Fields,
    children: Vec<ArrayRef>,
    offsets: OffsetBuffer<i32>,
    nulls: Option<NullBuffer>,
) -> Result<ListArray, ArrowError> {
    let structs = StructArray::try_new(fields, children, None)?;
    ListArray::try_new(item, offsets, Arc::new(structs), nulls)
}

/// Reject rows buffered in column builders, not yet written.
#[derive(Debug, Default)]
pub struct RejectColumns {
    id: StringBuilder,
    source: StringBuilder,
    url: StringBuilder,
    reason: StringBuilder,
    detail: StringBuilder,
    rows: usize,
    bytes: usize,
}

impl RejectColumns {
    /// Rows buffered.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// String bytes buffered.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Appends one reject row.
    pub fn push(&mut self, r: &Reject) {
        self.id.append_value(&r.id);
        self.source.append_value(&r.source);
        self.url.append_option(r.url.as_deref());
        self.reason.append_value(r.reason.as_str());
        self.detail.append_value(&r.detail);
        self.rows += 1;
        self.bytes += r.id.len()
            + r.source.len()
            + r.url.as_ref().map_or(0, String::len)
            + r.reason.as_str().len()
            + r.detail.len();
    }

    /// Turns the buffered rows into a batch and empties the builders.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.reason.finish()),
            Arc::new(self.detail.finish()),
        ];
        self.rows = 0;
        self.bytes = 0;
        RecordBatch::try_new(schema::reject_schema(), columns)
    }
}
