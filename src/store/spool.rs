//! [`Spool`]: bytes kept in memory while they are few, in an anonymous temporary file once they
//! are many, and read back in parts. A screening of a million flagged lines packs to hundreds of
//! megabytes; four of them at once must not live in memory, so the packed result is spooled,
//! stored part by part ([`PART_BYTES`] each, see the backends' `screening_parts`), and answered
//! from the spool. The file has no name (it is unlinked at creation), so nothing is left behind
//! whatever happens to the process.

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::sync::Arc;

/// Bytes held in memory before spilling to a file.
pub const SPILL_BYTES: usize = 4 << 20;
/// The size of a stored part.
pub const PART_BYTES: usize = 1 << 20;

/// A sink that spills to a temporary file past [`SPILL_BYTES`].
#[derive(Debug, Default)]
pub struct Spool {
    memory: Vec<u8>,
    file: Option<File>,
    len: u64,
}

/// What a [`Spool`] holds, finished: read it with [`Spooled::read_at`] or in parts.
#[derive(Debug)]
pub enum Spooled {
    Memory(Vec<u8>),
    File { file: File, len: u64 },
}

impl Spool {
    pub fn new() -> Spool {
        Spool::default()
    }

    pub fn finish(mut self) -> std::io::Result<Spooled> {
        Ok(match self.file.take() {
            None => Spooled::Memory(self.memory),
            Some(mut file) => {
                file.flush()?;
                Spooled::File {
                    file,
                    len: self.len,
                }
            }
        })
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.file.is_none() && self.memory.len() + buf.len() > SPILL_BYTES {
            let mut file = tempfile::tempfile()?;
            file.write_all(&self.memory)?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        match &mut self.file {
            Some(file) => file.write_all(buf)?,
            None => self.memory.extend_from_slice(buf),
        }
        self.len += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Spooled {
    pub fn len(&self) -> u64 {
        match self {
            Spooled::Memory(bytes) => bytes.len() as u64,
            Spooled::File { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Fills `buf` from `offset` (less at the end); the number of bytes read.
    pub fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        match self {
            Spooled::Memory(bytes) => {
                let start = (offset as usize).min(bytes.len());
                let n = buf.len().min(bytes.len() - start);
                buf[..n].copy_from_slice(&bytes[start..start + n]);
                Ok(n)
            }
            Spooled::File { file, len } => {
                let want = buf.len().min(len.saturating_sub(offset) as usize);
                let mut done = 0;
                while done < want {
                    match file.read_at(&mut buf[done..want], offset + done as u64)? {
                        0 => break,
                        n => done += n,
                    }
                }
                Ok(done)
            }
        }
    }

    /// The bytes in parts of [`PART_BYTES`], in order (one empty part for empty contents, so
    /// that a stored record always has a part 0).
    pub fn parts(&self) -> Parts<'_> {
        Parts {
            spooled: self,
            offset: 0,
            first: true,
        }
    }

    /// The contents in memory (tests and small records).
    pub fn to_vec(&self) -> std::io::Result<Vec<u8>> {
        let mut out = vec![0; self.len() as usize];
        let n = self.read_at(&mut out, 0)?;
        out.truncate(n);
        Ok(out)
    }
}

/// The parts of a [`Spooled`], each read when it is reached.
pub struct Parts<'a> {
    spooled: &'a Spooled,
    offset: u64,
    first: bool,
}

impl Iterator for Parts<'_> {
    type Item = std::io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        let left = self.spooled.len().saturating_sub(self.offset);
        if left == 0 && !self.first {
            return None;
        }
        self.first = false;
        let mut part = vec![0; (left as usize).min(PART_BYTES)];
        Some(self.spooled.read_at(&mut part, self.offset).map(|n| {
            part.truncate(n);
            self.offset += n as u64;
            part
        }))
    }
}

/// A `Read` over shared spooled bytes, from the start.
pub struct SpoolReader {
    spooled: Arc<Spooled>,
    offset: u64,
}

impl SpoolReader {
    pub fn new(spooled: Arc<Spooled>) -> SpoolReader {
        SpoolReader { spooled, offset: 0 }
    }
}

impl Read for SpoolReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.spooled.read_at(buf, self.offset)?;
        self.offset += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spool(bytes: &[u8]) -> Spooled {
        let mut spool = Spool::new();
        for piece in bytes.chunks(100_003) {
            spool.write_all(piece).unwrap();
        }
        spool.finish().unwrap()
    }

    #[test]
    fn small_contents_stay_in_memory_and_large_ones_spill_with_the_same_bytes() {
        let small = spool(b"a few bytes");
        assert!(matches!(small, Spooled::Memory(_)));
        assert_eq!(small.to_vec().unwrap(), b"a few bytes");
        let data: Vec<u8> = (0..SPILL_BYTES + PART_BYTES + 17)
            .map(|i| (i % 251) as u8)
            .collect();
        let large = spool(&data);
        assert!(matches!(large, Spooled::File { .. }));
        assert_eq!(large.len(), data.len() as u64);
        let mut read = Vec::new();
        SpoolReader::new(Arc::new(large))
            .read_to_end(&mut read)
            .unwrap();
        assert_eq!(read, data);
    }

    #[test]
    fn parts_cover_the_contents_in_order() {
        let data: Vec<u8> = (0..3 * PART_BYTES + 5).map(|i| (i % 13) as u8).collect();
        let spooled = spool(&data);
        let parts: Vec<Vec<u8>> = spooled.parts().map(Result::unwrap).collect();
        let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
        assert_eq!(sizes, [PART_BYTES, PART_BYTES, PART_BYTES, 5]);
        assert_eq!(parts.concat(), data);
        let exact = spool(&data[..2 * PART_BYTES]);
        assert_eq!(exact.parts().count(), 2, "no empty part after a full one");
        let empty: Vec<Vec<u8>> = spool(b"").parts().map(Result::unwrap).collect();
        assert_eq!(empty, [Vec::<u8>::new()]);
    }
}
