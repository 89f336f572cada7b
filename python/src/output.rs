//! The output batch of `extract_batch`: the columns and types of
//! `articles-*.parquet` (built by decant's own batch builder), every
//! column nullable, then `reject_reason` and `reject_detail`, then the kept
//! input columns. One row per input row, in input order; a rejected row
//! has its id, source, url and reason, and nulls elsewhere.

use std::sync::Arc;

use arrow::array::{Array, ArrayRef, RecordBatch, new_null_array};
use arrow::compute::interleave;
use arrow::datatypes::{DataType, Field, FieldRef, Schema, SchemaRef};
use arrow::error::ArrowError;
use decant::sink::batch::{ArticleColumns, RejectColumns};
use decant::sink::schema::{self, article, reject};
use decant::{Record, Reject};

/// Why a row yielded no article (the `reason` of `rejects.parquet`); null
/// for articles.
pub const REJECT_REASON: &str = "reject_reason";
/// The reject's human-readable detail (`detail` of `rejects.parquet`).
pub const REJECT_DETAIL: &str = "reject_detail";

/// Columns a rejected row shares with its reject row: the page's identity.
const IDENTITY_COLUMNS: [&str; 3] = [article::ID, article::SOURCE, article::URL];

/// Names of the output columns before the kept ones.
pub fn output_names() -> Vec<&'static str> {
    let mut names = article::ALL.to_vec();
    names.extend([REJECT_REASON, REJECT_DETAIL]);
    names
}

/// The output schema for the given kept input fields.
pub fn output_schema(kept: &[FieldRef]) -> SchemaRef {
    let mut fields: Vec<FieldRef> = schema::article_schema()
        .fields()
        .iter()
        .map(|f| Arc::new(f.as_ref().clone().with_nullable(true)))
        .collect();
    fields.push(Arc::new(Field::new(REJECT_REASON, DataType::Utf8, true)));
    fields.push(Arc::new(Field::new(REJECT_DETAIL, DataType::Utf8, true)));
    fields.extend(kept.iter().cloned());
    Arc::new(Schema::new(fields))
}

/// Where an output row comes from: the n-th article or the n-th reject.
#[derive(Clone, Copy)]
enum Source {
    Article(usize),
    Reject(usize),
}

/// Builds the output batch from the results in row order.
pub fn assemble(
    results: &[Result<Record, Reject>],
    keep_removed: bool,
    kept: Vec<(FieldRef, ArrayRef)>,
) -> Result<RecordBatch, ArrowError> {
    let mut articles = ArticleColumns::new(keep_removed);
    let mut rejects = RejectColumns::default();
    let mut sources = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(record) => {
                sources.push(Source::Article(articles.rows()));
                articles.push(record);
            }
            Err(r) => {
                sources.push(Source::Reject(rejects.rows()));
                rejects.push(r);
            }
        }
    }
    let articles = articles.finish()?;
    let rejects = rejects.finish()?;
    let (kept_fields, kept_arrays): (Vec<FieldRef>, Vec<ArrayRef>) = kept.into_iter().unzip();
    let mut columns = Vec::with_capacity(article::ALL.len() + 2 + kept_arrays.len());
    for (field, column) in schema::article_schema()
        .fields()
        .iter()
        .zip(articles.columns())
    {
        let from_reject = IDENTITY_COLUMNS
            .contains(&field.name().as_str())
            .then(|| rejects.column_by_name(field.name()))
            .flatten();
        columns.push(merge(column, from_reject, &sources)?);
    }
    for (name, reject_column) in [
        (REJECT_REASON, reject::REASON),
        (REJECT_DETAIL, reject::DETAIL),
    ] {
        let empty = new_null_array(&DataType::Utf8, 1);
        let from_reject = rejects.column_by_name(reject_column).ok_or_else(|| {
            ArrowError::SchemaError(format!("rejects have no {reject_column} column for {name}"))
        })?;
        columns.push(merge_reject_side(&empty, from_reject, &sources)?);
    }
    columns.extend(kept_arrays);
    RecordBatch::try_new(output_schema(&kept_fields), columns)
}

/// An article column over every row: the article's value, and for a
/// rejected row the reject's value (`from_reject`) or null.
fn merge(
    article_column: &ArrayRef,
    from_reject: Option<&ArrayRef>,
    sources: &[Source],
) -> Result<ArrayRef, ArrowError> {
    if sources.iter().all(|s| matches!(s, Source::Article(_))) {
        return Ok(article_column.clone());
    }
    let null = new_null_array(article_column.data_type(), 1);
    let reject_side = from_reject.unwrap_or(&null);
    let picks: Vec<(usize, usize)> = sources
        .iter()
        .map(|s| match (s, from_reject.is_some()) {
            (Source::Article(i), _) => (0, *i),
            (Source::Reject(i), true) => (1, *i),
            (Source::Reject(_), false) => (1, 0),
        })
        .collect();
    interleave(&[article_column.as_ref(), reject_side.as_ref()], &picks)
}

/// A reject column over every row: the reject's value, null for articles
/// (`nulls` is an all-null array of at least one row).
fn merge_reject_side(
    nulls: &ArrayRef,
    reject_column: &ArrayRef,
    sources: &[Source],
) -> Result<ArrayRef, ArrowError> {
    let picks: Vec<(usize, usize)> = sources
        .iter()
        .map(|s| match s {
            Source::Article(_) => (0, 0),
            Source::Reject(i) => (1, *i),
        })
        .collect();
    interleave(&[nulls.as_ref(), reject_column.as_ref()], &picks)
}
