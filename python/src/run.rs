//! One `extract_batch` call without the GIL: every row of the input
//! batches becomes a page (its HTML borrowed from the Arrow column), pages
//! are extracted on rayon as the CLI does, and the results are assembled
//! into the output batch in row order.

use std::sync::Arc;

use arrow::array::{ArrayRef, RecordBatch, new_empty_array};
use arrow::datatypes::SchemaRef;
use arrow::error::ArrowError;
use decant::input::{ContentKind, RawPage};
use decant::pipeline::{build_pool, process_page_borrowed};
use decant::{Config, Record, Reject};
use rayon::prelude::*;

use crate::columns::{self, BytesColumn, ColumnIndices};
use crate::output;

/// Charset of the pages of a string column: Arrow strings are UTF-8, so
/// the page's own `<meta charset>` must not be obeyed (as for JSONL input).
const STRING_COLUMN_CHARSET: &str = "utf-8";

/// How a call spreads its pages over threads.
#[derive(Clone, Copy, Debug)]
pub enum Threads {
    /// rayon's global pool: one thread per core, shared by every call.
    Global,
    /// On the calling thread only (for engines that run one task per core).
    Caller,
    /// A pool of this many threads, made for the call.
    Pool(usize),
}

impl Threads {
    /// 0 → the global pool, 1 → the calling thread, n → a pool of n.
    pub fn from_count(threads: usize) -> Self {
        match threads {
            0 => Threads::Global,
            1 => Threads::Caller,
            n => Threads::Pool(n),
        }
    }
}

/// One input row to extract: its bytes borrowed from the html column.
struct Row<'a> {
    bytes: &'a [u8],
    page: RawPage,
}

/// Extracts every row of `batches` (which share `schema`) and returns the
/// output batch.
pub fn extract_batches(
    batches: &[RecordBatch],
    schema: &SchemaRef,
    indices: &ColumnIndices,
    config: &Config,
    threads: Threads,
) -> Result<RecordBatch, ArrowError> {
    let rows = collect_rows(batches, indices)?;
    let results = extract_rows(rows, config, threads)?;
    let kept = kept_columns(batches, schema, &indices.keep)?;
    output::assemble(&results, config.keep_removed, kept)
}

/// The rows of every batch in order, numbered from 0 across batches.
fn collect_rows<'a>(
    batches: &'a [RecordBatch],
    indices: &ColumnIndices,
) -> Result<Vec<Row<'a>>, ArrowError> {
    let mut rows = Vec::with_capacity(batches.iter().map(RecordBatch::num_rows).sum());
    for batch in batches {
        let html = BytesColumn::new(batch.column(indices.html))
            .ok_or_else(|| ArrowError::SchemaError("html column is not string or binary".into()))?;
        let urls = indices.url.and_then(|i| BytesColumn::new(batch.column(i)));
        let ids = indices
            .id
            .map(|i| columns::ids_as_strings(batch.column(i)))
            .transpose()?;
        let ids = ids.as_ref().and_then(BytesColumn::new);
        let charset_hint = html.is_text().then(|| STRING_COLUMN_CHARSET.to_string());
        for row in 0..batch.num_rows() {
            let number = rows.len();
            let id = ids
                .as_ref()
                .and_then(|ids| ids.get_str(row))
                .map_or_else(|| number.to_string(), str::to_string);
            rows.push(Row {
                bytes: html.get(row).unwrap_or_default(),
                page: RawPage {
                    id,
                    source: format!("row:{number}"),
                    url: urls
                        .as_ref()
                        .and_then(|u| u.get_str(row))
                        .map(str::to_string),
                    bytes: Vec::new(),
                    charset_hint: charset_hint.clone(),
                    fetched_at: None,
                    kind: ContentKind::Html,
                },
            });
        }
    }
    Ok(rows)
}

/// Extracts the rows on the chosen threads; results are in row order.
fn extract_rows(
    rows: Vec<Row<'_>>,
    config: &Config,
    threads: Threads,
) -> Result<Vec<Result<Record, Reject>>, ArrowError> {
    let one = |row: Row<'_>| process_page_borrowed(row.bytes, row.page, config);
    Ok(match threads {
        Threads::Caller => rows.into_iter().map(one).collect(),
        Threads::Global => rows.into_par_iter().map(one).collect(),
        Threads::Pool(n) => {
            let pool = build_pool(n).map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
            pool.install(|| rows.into_par_iter().map(one).collect())
        }
    })
}

/// The kept input columns, with their fields, each as one array.
fn kept_columns(
    batches: &[RecordBatch],
    schema: &SchemaRef,
    keep: &[usize],
) -> Result<Vec<(Arc<arrow::datatypes::Field>, ArrayRef)>, ArrowError> {
    keep.iter()
        .map(|&index| {
            let field = Arc::new(schema.field(index).clone());
            let array = if batches.is_empty() {
                new_empty_array(field.data_type())
            } else {
                columns::whole_column(batches, index)?
            };
            Ok((field, array))
        })
        .collect()
}
