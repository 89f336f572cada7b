//! Python bindings of decant (the `decant` wheel): `extract_batch` runs the
//! CLI's extraction over the rows of a pyarrow RecordBatch or Table (Arrow
//! buffers shared through the C data interface, never copied; the GIL
//! released; pages spread over rayon threads) and `extract` runs it on one
//! page. Built by maturin from `python/pyproject.toml`.

mod columns;
mod output;
mod page;
mod run;

use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use arrow::pyarrow::{FromPyArrow, Table, ToPyArrow};
use decant::Config;
use decant::config::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_PAGE_BYTES, DEFAULT_PAGE_TIMEOUT_MS,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use std::time::Duration;

use crate::columns::{ColumnError, ColumnNames};
use crate::run::Threads;

/// Extracts the article of every row of a pyarrow RecordBatch or Table.
///
/// See `decant/__init__.pyi` for the full documentation.
#[pyfunction]
#[pyo3(signature = (
    batch,
    html_column = "html",
    url_column = Some(columns::DEFAULT_URL_COLUMN),
    keep_columns = Vec::new(),
    *,
    id_column = None,
    keep_removed = false,
    max_page_bytes = DEFAULT_MAX_PAGE_BYTES,
    max_elements = DEFAULT_MAX_ELEMENTS,
    max_depth = DEFAULT_MAX_DEPTH,
    page_timeout_ms = DEFAULT_PAGE_TIMEOUT_MS,
    threads = 0,
))]
#[allow(clippy::too_many_arguments)]
fn extract_batch<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    html_column: &str,
    url_column: Option<&str>,
    keep_columns: Vec<String>,
    id_column: Option<&str>,
    keep_removed: bool,
    max_page_bytes: usize,
    max_elements: usize,
    max_depth: usize,
    page_timeout_ms: u64,
    threads: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let (batches, schema) = read_arrow(batch)?;
    let names = ColumnNames {
        html: html_column.to_string(),
        url: url_column.map(str::to_string),
        id: id_column.map(str::to_string),
        keep: keep_columns,
    };
    let indices =
        columns::resolve(&schema, &names, &output::output_names()).map_err(|e| match e {
            ColumnError::WrongType { .. } => PyTypeError::new_err(e.to_string()),
            _ => PyValueError::new_err(e.to_string()),
        })?;
    let config = config(Limits {
        keep_removed,
        max_page_bytes,
        max_elements,
        max_depth,
        page_timeout_ms,
    })?;
    let threads = Threads::from_count(threads);
    let output = py
        .detach(|| run::extract_batches(&batches, &schema, &indices, &config, threads))
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    output.to_pyarrow(py)
}

/// Extracts the article of one page (str or bytes) into a dict.
///
/// See `decant/__init__.pyi` for the full documentation.
#[pyfunction]
#[pyo3(signature = (
    html,
    url = None,
    *,
    keep_removed = false,
    max_page_bytes = DEFAULT_MAX_PAGE_BYTES,
    max_elements = DEFAULT_MAX_ELEMENTS,
    max_depth = DEFAULT_MAX_DEPTH,
    page_timeout_ms = DEFAULT_PAGE_TIMEOUT_MS,
))]
#[allow(clippy::too_many_arguments)]
fn extract<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    keep_removed: bool,
    max_page_bytes: usize,
    max_elements: usize,
    max_depth: usize,
    page_timeout_ms: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let config = config(Limits {
        keep_removed,
        max_page_bytes,
        max_elements,
        max_depth,
        page_timeout_ms,
    })?;
    let input = page::PageInput::from_python(html)?;
    let result = py.detach(|| input.extract(url, &config));
    page::to_dict(py, &result, keep_removed)
}

/// The schema of `extract_batch`'s output when it keeps `keep_fields`
/// (a list of pyarrow fields, or a pyarrow schema's fields).
#[pyfunction]
#[pyo3(signature = (keep_fields = None))]
fn output_schema<'py>(
    py: Python<'py>,
    keep_fields: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kept: Vec<arrow::datatypes::FieldRef> = match keep_fields {
        None => Vec::new(),
        Some(fields) => {
            let mut kept = Vec::new();
            for field in fields.try_iter()? {
                kept.push(std::sync::Arc::new(
                    arrow::datatypes::Field::from_pyarrow_bound(&field?)?,
                ));
            }
            kept
        }
    };
    output::output_schema(&kept).as_ref().to_pyarrow(py)
}

/// The CLI options a call takes as keyword arguments.
struct Limits {
    keep_removed: bool,
    max_page_bytes: usize,
    max_elements: usize,
    max_depth: usize,
    /// 0: no time budget, as the CLI's `--page-timeout-ms 0`.
    page_timeout_ms: u64,
}

/// The run settings of one call, checked as the CLI checks its flags.
fn config(limits: Limits) -> PyResult<Config> {
    if limits.max_page_bytes == 0 || limits.max_elements == 0 || limits.max_depth == 0 {
        return Err(PyValueError::new_err(
            "max_page_bytes, max_elements and max_depth must be at least 1",
        ));
    }
    Ok(Config {
        keep_removed: limits.keep_removed,
        max_page_bytes: limits.max_page_bytes,
        max_elements: limits.max_elements,
        max_depth: limits.max_depth,
        page_timeout: (limits.page_timeout_ms > 0)
            .then(|| Duration::from_millis(limits.page_timeout_ms)),
        ..Config::default()
    })
}

/// The batches of a pyarrow RecordBatch (one) or Table / stream (any
/// number), read through the Arrow PyCapsule interface without copying.
fn read_arrow(value: &Bound<'_, PyAny>) -> PyResult<(Vec<RecordBatch>, SchemaRef)> {
    if value.hasattr("__arrow_c_array__")? {
        let batch = RecordBatch::from_pyarrow_bound(value)?;
        let schema = batch.schema();
        return Ok((vec![batch], schema));
    }
    if value.hasattr("__arrow_c_stream__")? {
        let (batches, schema) = Table::from_pyarrow_bound(value)?.into_inner();
        return Ok((batches, schema));
    }
    Err(PyTypeError::new_err(format!(
        "expected a pyarrow RecordBatch or Table, got {}",
        value.get_type().name()?
    )))
}

/// The compiled part of the `decant` package.
#[pymodule]
fn _decant(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(output_schema, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_PAGE_BYTES", DEFAULT_MAX_PAGE_BYTES)?;
    m.add("DEFAULT_MAX_ELEMENTS", DEFAULT_MAX_ELEMENTS)?;
    m.add("DEFAULT_MAX_DEPTH", DEFAULT_MAX_DEPTH)?;
    m.add("DEFAULT_PAGE_TIMEOUT_MS", DEFAULT_PAGE_TIMEOUT_MS)?;
    Ok(())
}
