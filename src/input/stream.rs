//! Opening an input file as a byte stream (decompressing `.gz` on the fly),
//! reading from it with size caps, and telling apart where a read error came
//! from: the file itself (`io_error`) or a broken gzip stream (`bad_gzip`).

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::error::RejectReason;

/// Read buffer of an input file. Large enough that WARC headers and JSONL
/// lines are usually found within one buffer fill.
const READ_BUFFER_BYTES: usize = 256 * 1024;

/// A byte stream of one input file, already decompressed.
pub(crate) type InputStream = Box<dyn BufRead + Send>;

/// An error raised by the file itself (below any decompression).
#[derive(Debug)]
struct FileFault(io::Error);

impl std::fmt::Display for FileFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for FileFault {}

/// An error raised by the gzip decoder: the stream is corrupt or cut.
#[derive(Debug)]
struct GzipFault(io::Error);

impl std::fmt::Display for GzipFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.kind() == io::ErrorKind::UnexpectedEof {
            f.write_str("gzip stream is truncated")
        } else {
            write!(f, "gzip stream is corrupt: {}", self.0)
        }
    }
}

impl std::error::Error for GzipFault {}

/// Wraps the file so its own read errors are recognisable as such.
struct TagFileErrors(File);

impl Read for TagFileErrors {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| io::Error::new(e.kind(), FileFault(e)))
    }
}

/// Wraps the gzip decoder so its errors (but not the file's, which it
/// passes through) are recognisable as gzip errors.
struct TagGzipErrors<R>(R);

impl<R: Read> Read for TagGzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            if is_fault::<FileFault>(&e) {
                e
            } else {
                io::Error::new(e.kind(), GzipFault(e))
            }
        })
    }
}

fn is_fault<T: std::error::Error + 'static>(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<T>())
}

/// The reject reason of a read error: `bad_gzip` if the gzip decoder raised
/// it, `io_error` otherwise.
pub(crate) fn reason_of(e: &io::Error) -> RejectReason {
    if is_fault::<GzipFault>(e) {
        RejectReason::BadGzip
    } else {
        RejectReason::IoError
    }
}

/// Opens `path` for streaming, through a gzip decoder (all members of a
/// multi-member file) when `gzip` is set.
pub(crate) fn open(path: &Path, gzip: bool) -> io::Result<InputStream> {
    let file = TagFileErrors(File::open(path)?);
    if gzip {
        let raw = BufReader::with_capacity(READ_BUFFER_BYTES, file);
        let decoded = TagGzipErrors(MultiGzDecoder::new(raw));
        Ok(Box::new(BufReader::with_capacity(
            READ_BUFFER_BYTES,
            decoded,
        )))
    } else {
        Ok(Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, file)))
    }
}

/// A stream over bytes already in memory, through a gzip decoder (all
/// members) when `gzip` is set.
pub(crate) fn from_bytes(bytes: Vec<u8>, gzip: bool) -> InputStream {
    let cursor = io::Cursor::new(bytes);
    if gzip {
        let decoded = TagGzipErrors(MultiGzDecoder::new(cursor));
        Box::new(BufReader::with_capacity(READ_BUFFER_BYTES, decoded))
    } else {
        Box::new(cursor)
    }
}

/// Reads the rest of `reader`, but at most `cap + 1` bytes, so a caller can
/// tell "exactly at the cap" from "over the cap" without buffering more.
pub(crate) fn read_capped(reader: &mut impl Read, cap: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let max = u64::try_from(cap).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(max).read_to_end(&mut out)?;
    Ok(out)
}

/// Appends bytes up to and including `delim` to `buf`, but at most `max`
/// bytes. Returns the number of bytes appended; stops early (without the
/// delimiter) at the cap or at the end of the stream.
pub(crate) fn read_until_capped(
    reader: &mut impl BufRead,
    delim: u8,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<usize> {
    let mut appended = 0;
    while appended < max {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let room = max - appended;
        let window = available.get(..room).unwrap_or(available);
        let (take, found) = match memchr::memchr(delim, window) {
            Some(i) => (i + 1, true),
            None => (window.len(), false),
        };
        buf.extend_from_slice(window.get(..take).unwrap_or(window));
        reader.consume(take);
        appended += take;
        if found {
            break;
        }
    }
    Ok(appended)
}

/// A reader that counts the bytes consumed from it: the offset of a record
/// in the (decompressed) stream.
pub(crate) struct Counting<R> {
    inner: R,
    position: u64,
}

impl<R> Counting<R> {
    pub(crate) fn new(inner: R) -> Self {
        Counting { inner, position: 0 }
    }

    /// Bytes consumed so far.
    pub(crate) fn position(&self) -> u64 {
        self.position
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.position += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.position += amt as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    #[test]
    fn read_capped_reads_one_byte_past_the_cap() {
        let mut r = Cursor::new(vec![7u8; 100]);
        assert_eq!(read_capped(&mut r, 10).unwrap().len(), 11);
        let mut r = Cursor::new(vec![7u8; 5]);
        assert_eq!(read_capped(&mut r, 10).unwrap().len(), 5);
    }

    #[test]
    fn read_until_capped_stops_at_delimiter_or_cap() {
        let mut r = Cursor::new(b"abc\ndefghij\nk".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_until_capped(&mut r, b'\n', &mut buf, 100).unwrap(), 4);
        assert_eq!(buf, b"abc\n");
        buf.clear();
        assert_eq!(read_until_capped(&mut r, b'\n', &mut buf, 3).unwrap(), 3);
        assert_eq!(buf, b"def");
        buf.clear();
        assert_eq!(read_until_capped(&mut r, b'\n', &mut buf, 100).unwrap(), 5);
        assert_eq!(buf, b"ghij\n");
        buf.clear();
        assert_eq!(read_until_capped(&mut r, b'\n', &mut buf, 100).unwrap(), 1);
        assert_eq!(read_until_capped(&mut r, b'\n', &mut buf, 100).unwrap(), 0);
    }

    #[test]
    fn truncated_gzip_is_told_apart_from_file_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&vec![b'x'; 10_000]).unwrap();
        let full = enc.finish().unwrap();
        std::fs::write(&path, &full[..full.len() / 2]).unwrap();
        let mut stream = open(&path, true).unwrap();
        let err = read_capped(&mut stream, 1 << 20).unwrap_err();
        assert_eq!(reason_of(&err), RejectReason::BadGzip);

        let plain = io::Error::other("disk on fire");
        assert_eq!(reason_of(&plain), RejectReason::IoError);
    }
}
