//! How manifests and results are compressed for keeping: the one place that knows it.
//!
//! LZ4 rather than gzip because it is on the request path: a profile of the service under load
//! put gzip's deflate at a tenth of the CPU, LZ4 costs a few per cent of that, for a larger file.
//! Two forms are read:
//! - the LZ4 *frame* format, written by [`Packer`] as the bytes are produced, so that a
//!   screening of a million lines is never held uncompressed (the service renders its result
//!   straight into a packer, and answers by [`Unpacker`] from the packed copy it stored). The
//!   packed bytes go to a [`Spool`], so a large packed result is not held in memory either;
//! - an LZ4 block with its size prepended ([`compress`]), the form stored before, still read.
//!
//! A frame starts with the magic number `04 22 4D 18`; a block starts with its size, which
//! would have to be 407 MB exactly to look the same, and even then is tried as a block when it
//! does not decode as a frame.

use std::io::{Read, Write};
use std::sync::Arc;

use lz4_flex::frame::{FrameDecoder, FrameEncoder, FrameInfo};
use sha2::{Digest, Sha256};

use super::spool::{Spool, SpoolReader, Spooled};
use super::StoreError;

/// The largest decompressed size accepted (a damaged size prefix must not allocate 4 GB; a
/// document larger than this is refused rather than read into memory).
pub const MAX_UNPACKED: usize = 1 << 30;

const FRAME_MAGIC: [u8; 4] = [0x04, 0x22, 0x4d, 0x18];

/// LZ4 block with the original size prepended.
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    lz4_flex::compress_prepend_size(bytes)
}

/// The bytes `packed` holds, in either form.
/// True when `packed` is an LZ4 frame (what a [`Packer`] writes), which can be unpacked a piece
/// at a time; earlier records hold one LZ4 block, which cannot.
pub fn is_frame(packed: &[u8]) -> bool {
    packed.starts_with(&FRAME_MAGIC)
}

pub fn decompress(packed: &[u8]) -> Result<Vec<u8>, StoreError> {
    if packed.starts_with(&FRAME_MAGIC) {
        let mut out = Vec::new();
        let read = FrameDecoder::new(packed)
            .take(MAX_UNPACKED as u64 + 1)
            .read_to_end(&mut out);
        match read {
            Ok(n) if n > MAX_UNPACKED => {
                return Err(StoreError::Corrupt(format!(
                    "lz4: more than {MAX_UNPACKED} bytes"
                )))
            }
            Ok(_) => return Ok(out),
            Err(_) => {} // perhaps a block whose size prefix is the magic number
        }
    }
    let size = packed
        .get(..4)
        .map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]]) as usize)
        .ok_or_else(|| StoreError::Corrupt("lz4: shorter than its size prefix".to_owned()))?;
    if size > MAX_UNPACKED {
        return Err(StoreError::Corrupt(format!("lz4: a size of {size} bytes")));
    }
    lz4_flex::decompress_size_prepended(packed)
        .map_err(|e| StoreError::Corrupt(format!("lz4: {e}")))
}

/// Compresses what is written to it, counting the bytes (and, made by [`Packer::new`], their
/// SHA-256) as they pass.
pub struct Packer {
    encoder: FrameEncoder<Spool>,
    /// SHA-256 of what passes; `None` for a packer made with [`Packer::keeping`] (results need
    /// no digest, and hashing them cost a tenth of a small request's CPU).
    digest: Option<Sha256>,
    len: u64,
    /// The bytes as written, kept while they are at most `raw_limit` (see [`Packer::keeping`]).
    raw: Option<Vec<u8>>,
    raw_limit: usize,
}

/// What a [`Packer`] made.
#[derive(Debug, Clone)]
pub struct Packed {
    /// LZ4 frame, spooled; shared between the store and the answer.
    pub bytes: Arc<Spooled>,
    /// The bytes unpacked, when the packer kept them ([`Packer::keeping`]) and they were small.
    pub raw: Option<Vec<u8>>,
    /// The length of what was packed.
    pub len: u64,
    /// Its SHA-256, lowercase hex (not computed by a [`Packer::keeping`] packer).
    pub sha256: Option<String>,
}

impl Packer {
    pub fn new() -> Packer {
        Packer {
            // The content checksum makes a cut or damaged frame an error on reading.
            encoder: FrameEncoder::with_frame_info(
                FrameInfo::new().content_checksum(true),
                Spool::new(),
            ),
            digest: Some(Sha256::new()),
            len: 0,
            raw: None,
            raw_limit: 0,
        }
    }

    /// A packer that also keeps the bytes as written while they total at most `limit`: a small
    /// answer is then sent as it was rendered, without unpacking the stored copy (most answers
    /// are a few dozen lines; unpacking them cost a tenth of a request's CPU).
    pub fn keeping(limit: usize) -> Packer {
        Packer {
            raw: Some(Vec::new()),
            raw_limit: limit,
            digest: None,
            ..Packer::new()
        }
    }

    /// `bytes`, packed at once.
    pub fn pack(bytes: &[u8]) -> std::io::Result<Packed> {
        let mut packer = Packer::new();
        packer.write_all(bytes)?;
        packer.finish()
    }

    /// The frame, its length and digest. Fails only if the spool's temporary file does (a
    /// full disk).
    pub fn finish(self) -> std::io::Result<Packed> {
        let spool = self.encoder.finish().map_err(std::io::Error::other)?;
        Ok(Packed {
            bytes: Arc::new(spool.finish()?),
            raw: self.raw,
            len: self.len,
            sha256: self
                .digest
                .map(|d| d.finalize().iter().map(|b| format!("{b:02x}")).collect()),
        })
    }
}

impl Default for Packer {
    fn default() -> Self {
        Packer::new()
    }
}

impl Write for Packer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.encoder.write(buf)?;
        if let Some(digest) = &mut self.digest {
            digest.update(&buf[..n]);
        }
        self.len += n as u64;
        if let Some(raw) = &mut self.raw {
            if raw.len() + n <= self.raw_limit {
                raw.extend_from_slice(&buf[..n]);
            } else {
                self.raw = None;
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.encoder.flush()
    }
}

/// Reads back what a [`Packer`] packed, a piece at a time (an answer streamed from the packed
/// copy).
pub struct Unpacker(FrameDecoder<SpoolReader>);

impl Unpacker {
    pub fn new(packed: Arc<Spooled>) -> Unpacker {
        Unpacker(FrameDecoder::new(SpoolReader::new(packed)))
    }
}

impl Read for Unpacker {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_round_trip() {
        let text = "Supplier,Country\nDandong Hongxiang,CN\n".repeat(50);
        let block = compress(text.as_bytes());
        assert!(block.len() < text.len() / 4, "{} bytes", block.len());
        assert_eq!(decompress(&block).unwrap(), text.as_bytes());
        let mut packer = Packer::new();
        for piece in text.as_bytes().chunks(7) {
            packer.write_all(piece).unwrap();
        }
        let frame = packer.finish().unwrap();
        let bytes = frame.bytes.to_vec().unwrap();
        assert!(bytes.starts_with(&FRAME_MAGIC));
        assert!(bytes.len() < text.len() / 4, "{} bytes", bytes.len());
        assert_eq!(frame.len, text.len() as u64);
        assert_eq!(
            frame.sha256,
            Some(
                Sha256::digest(text.as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            )
        );
        assert_eq!(decompress(&bytes).unwrap(), text.as_bytes());
        assert!(frame.raw.is_none(), "a plain packer keeps nothing");
        for (limit, kept) in [(text.len(), true), (text.len() - 1, false)] {
            let mut packer = Packer::keeping(limit);
            for piece in text.as_bytes().chunks(7) {
                packer.write_all(piece).unwrap();
            }
            let packed = packer.finish().unwrap();
            assert_eq!(packed.raw.is_some(), kept, "limit {limit}");
            assert!(packed.sha256.is_none(), "results are not hashed");
            if let Some(raw) = packed.raw {
                assert_eq!(raw, text.as_bytes());
            }
            assert_eq!(
                decompress(&packed.bytes.to_vec().unwrap()).unwrap(),
                text.as_bytes()
            );
        }
        let mut streamed = Vec::new();
        Unpacker::new(frame.bytes)
            .read_to_end(&mut streamed)
            .unwrap();
        assert_eq!(streamed, text.as_bytes());
    }

    #[test]
    fn damaged_input_is_an_error_not_a_panic_or_a_huge_allocation() {
        assert!(decompress(b"not lz4").is_err());
        assert!(decompress(b"ab").is_err());
        assert!(
            decompress(&[0xff, 0xff, 0xff, 0xff, 0]).is_err(),
            "a damaged size prefix"
        );
        let frame = Packer::pack("some text to keep ".repeat(100).as_bytes())
            .unwrap()
            .bytes
            .to_vec()
            .unwrap();
        // A frame cut inside a block is an error. (The decoder accepts a frame whose last
        // bytes, the end mark and checksum, are missing: rows are written in one transaction,
        // so a stored frame is not cut there.)
        let cut = &frame[..frame.len() / 2];
        assert!(
            decompress(cut).is_err(),
            "a frame cut to {} bytes",
            cut.len()
        );
        let mut damaged = frame.clone();
        let middle = damaged.len() / 2;
        damaged[middle] ^= 0x55;
        assert!(decompress(&damaged).is_err(), "a damaged byte");
    }
}
