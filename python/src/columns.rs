//! The input side of `extract_batch`: finds the html, url, id and kept
//! columns of the caller's batches and reads each row's page as borrowed
//! bytes, so the HTML column is never copied.

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch};
use arrow::compute::{cast, concat};
use arrow::datatypes::{DataType, Field, SchemaRef};
use arrow::error::ArrowError;

/// The column names `extract_batch` reads, as the caller gave them.
#[derive(Clone, Debug)]
pub struct ColumnNames {
    pub html: String,
    /// `None`: no URLs. A missing column of the default name is no URLs too.
    pub url: Option<String>,
    pub id: Option<String>,
    pub keep: Vec<String>,
}

/// Name of the URL column that may be absent without an error.
pub const DEFAULT_URL_COLUMN: &str = "url";

/// A caller's mistake in the batch or the column names: raised as
/// `ValueError` (missing, clashing) or `TypeError` (wrong Arrow type).
#[derive(Debug)]
pub enum ColumnError {
    Missing(String),
    WrongType { column: String, found: DataType },
    Clash(String),
}

impl std::fmt::Display for ColumnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnError::Missing(name) => write!(f, "the batch has no column {name:?}"),
            ColumnError::WrongType { column, found } => write!(
                f,
                "column {column:?} is {found}; expected string or binary (utf8, large_utf8, \
                 utf8_view, binary, large_binary, binary_view)"
            ),
            ColumnError::Clash(name) => write!(
                f,
                "cannot keep column {name:?}: the output already has a column of that name \
                 (rename it first)"
            ),
        }
    }
}

/// Where the columns `extract_batch` reads sit in the input schema.
#[derive(Clone, Debug)]
pub struct ColumnIndices {
    pub html: usize,
    pub url: Option<usize>,
    pub id: Option<usize>,
    pub keep: Vec<usize>,
}

/// Finds and checks the columns in `schema`; `output_names` are the
/// columns the output already has (kept columns must not clash with them).
pub fn resolve(
    schema: &SchemaRef,
    names: &ColumnNames,
    output_names: &[&str],
) -> Result<ColumnIndices, ColumnError> {
    let find = |name: &str| {
        schema
            .index_of(name)
            .map_err(|_| ColumnError::Missing(name.to_string()))
    };
    let html = find(&names.html)?;
    check_text_type(schema.field(html))?;
    let url = match names.url.as_deref() {
        None => None,
        Some(name) => match (schema.index_of(name), name == DEFAULT_URL_COLUMN) {
            (Ok(index), _) => Some(index),
            (Err(_), true) => None,
            (Err(_), false) => return Err(ColumnError::Missing(name.to_string())),
        },
    };
    if let Some(index) = url {
        check_text_type(schema.field(index))?;
    }
    let id = names.id.as_deref().map(find).transpose()?;
    let mut keep = Vec::with_capacity(names.keep.len());
    for name in &names.keep {
        if output_names.contains(&name.as_str()) {
            return Err(ColumnError::Clash(name.clone()));
        }
        keep.push(find(name)?);
    }
    Ok(ColumnIndices {
        html,
        url,
        id,
        keep,
    })
}

/// Whether a column holds strings or bytes that pages can be read from.
fn check_text_type(field: &Field) -> Result<(), ColumnError> {
    match field.data_type() {
        DataType::Utf8
        | DataType::LargeUtf8
        | DataType::Utf8View
        | DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView => Ok(()),
        other => Err(ColumnError::WrongType {
            column: field.name().clone(),
            found: other.clone(),
        }),
    }
}

/// A string or binary column read in place: each value is a slice of the
/// column's own buffer.
pub enum BytesColumn<'a> {
    Utf8(&'a arrow::array::StringArray),
    LargeUtf8(&'a arrow::array::LargeStringArray),
    Utf8View(&'a arrow::array::StringViewArray),
    Binary(&'a arrow::array::BinaryArray),
    LargeBinary(&'a arrow::array::LargeBinaryArray),
    BinaryView(&'a arrow::array::BinaryViewArray),
}

impl<'a> BytesColumn<'a> {
    /// Views `array` (checked by [`resolve`] to be a string or binary type).
    pub fn new(array: &'a ArrayRef) -> Option<Self> {
        Some(match array.data_type() {
            DataType::Utf8 => BytesColumn::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => BytesColumn::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => BytesColumn::Utf8View(array.as_string_view()),
            DataType::Binary => BytesColumn::Binary(array.as_binary::<i32>()),
            DataType::LargeBinary => BytesColumn::LargeBinary(array.as_binary::<i64>()),
            DataType::BinaryView => BytesColumn::BinaryView(array.as_binary_view()),
            _ => return None,
        })
    }

    /// Whether the values are strings, hence valid UTF-8 already decoded.
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            BytesColumn::Utf8(_) | BytesColumn::LargeUtf8(_) | BytesColumn::Utf8View(_)
        )
    }

    /// The bytes of row `row`, or `None` when it is null or out of range.
    pub fn get(&self, row: usize) -> Option<&'a [u8]> {
        macro_rules! value {
            ($array:expr, $as_bytes:expr) => {{
                let array = $array;
                (row < array.len() && array.is_valid(row)).then(|| $as_bytes(array.value(row)))
            }};
        }
        match self {
            BytesColumn::Utf8(a) => value!(*a, str::as_bytes),
            BytesColumn::LargeUtf8(a) => value!(*a, str::as_bytes),
            BytesColumn::Utf8View(a) => value!(*a, str::as_bytes),
            BytesColumn::Binary(a) => value!(*a, std::convert::identity),
            BytesColumn::LargeBinary(a) => value!(*a, std::convert::identity),
            BytesColumn::BinaryView(a) => value!(*a, std::convert::identity),
        }
    }

    /// Row `row` as a string (URLs): `None` when null or not UTF-8.
    pub fn get_str(&self, row: usize) -> Option<&'a str> {
        self.get(row).and_then(|b| std::str::from_utf8(b).ok())
    }
}

/// The id column of one batch as strings (integers and other types cast).
pub fn ids_as_strings(array: &ArrayRef) -> Result<ArrayRef, ArrowError> {
    cast(array, &DataType::Utf8)
}

/// Column `index` of every batch as one array: the batch's own array when
/// there is one batch (no copy), else the batches' arrays concatenated.
pub fn whole_column(batches: &[RecordBatch], index: usize) -> Result<ArrayRef, ArrowError> {
    if let [batch] = batches {
        return Ok(batch.column(index).clone());
    }
    let arrays: Vec<&dyn Array> = batches.iter().map(|b| b.column(index).as_ref()).collect();
    concat(&arrays)
}
