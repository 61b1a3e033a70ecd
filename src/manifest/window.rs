//! [`RawWindow`]: a reader that remembers the raw bytes of the CSV record being parsed.
//!
//! The `csv` crate reports where a record starts but hands back fields with quotes removed, so
//! the file offset of a bad byte inside a field cannot be computed from the fields alone. The
//! window keeps the raw bytes from the current record's start onwards; the CSV reader asks it
//! for exact byte offsets (invalid UTF-8) and for the true first line of a record (the parser
//! reports the position before any skipped blank lines). The trade-off is one extra copy of
//! every byte read; memory stays bounded by one record plus the parser's read-ahead, because
//! consumed bytes are dropped in chunks of [`TRIM_THRESHOLD`].

use std::io::{self, Read};

/// Consumed bytes are dropped once this many have piled up, so each byte is moved at most a
/// few times instead of on every record.
const TRIM_THRESHOLD: usize = 64 * 1024;

/// A pass-through reader keeping the bytes from a given file offset onwards.
#[derive(Debug)]
pub(crate) struct RawWindow<R> {
    inner: R,
    buffer: Vec<u8>,
    /// File offset of `buffer[0]`.
    base: u64,
}

impl<R: Read> RawWindow<R> {
    pub fn new(inner: R) -> Self {
        RawWindow {
            inner,
            buffer: Vec::new(),
            base: 0,
        }
    }

    /// The raw bytes of file offsets `start..end` still held (clamped to what is held).
    pub fn slice(&self, start: u64, end: u64) -> &[u8] {
        let from = self.index_of(start);
        let to = self.index_of(end).max(from);
        &self.buffer[from..to]
    }

    /// Declares that bytes before file offset `offset` will not be asked for again.
    pub fn forget_before(&mut self, offset: u64) {
        let index = self.index_of(offset);
        if index >= TRIM_THRESHOLD {
            self.buffer.drain(..index);
            self.base += index as u64;
        }
    }

    /// Index into `buffer` of a file offset, clamped to the buffer.
    fn index_of(&self, offset: u64) -> usize {
        let relative = offset.saturating_sub(self.base);
        usize::try_from(relative)
            .unwrap_or(usize::MAX)
            .min(self.buffer.len())
    }
}

impl<R: Read> Read for RawWindow<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        self.buffer.extend_from_slice(&out[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_through_the_window_can_be_sliced_by_file_offset() {
        let data = b"hello,world\nsecond,line\n".to_vec();
        let mut window = RawWindow::new(&data[..]);
        let mut sink = Vec::new();
        window.read_to_end(&mut sink).expect("in-memory read");
        assert_eq!(window.slice(12, 18), b"second");
        assert_eq!(window.slice(20, 999), b"ine\n");
    }

    #[test]
    fn forgotten_bytes_are_dropped_only_in_large_chunks() {
        let data = vec![b'x'; TRIM_THRESHOLD * 2];
        let mut window = RawWindow::new(&data[..]);
        let mut sink = Vec::new();
        window.read_to_end(&mut sink).expect("in-memory read");
        window.forget_before(10);
        assert_eq!(window.slice(0, 10).len(), 10, "small prefixes are kept");
        window.forget_before(TRIM_THRESHOLD as u64 + 5);
        assert!(window.slice(0, 10).is_empty(), "large prefixes are dropped");
        assert_eq!(
            window.slice(TRIM_THRESHOLD as u64 + 5, TRIM_THRESHOLD as u64 + 8),
            b"xxx"
        );
    }
}
