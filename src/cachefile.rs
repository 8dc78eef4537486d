//! Derived data kept on disk between runs (the word index): one checksummed file,
//! replaced whole by rename. A file that is missing, cut short, corrupt or made by other
//! code reads as nothing, and the caller builds afresh.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

/// `magic`, `fingerprint` (the code that made the payload) and `key` (the input it was
/// made from), the payload as `payload` writes it, then an xxh3-64 of everything before
/// it. Streamed to a temp file beside `path` (no copy of the payload in memory), which
/// then replaces `path`.
pub fn write(
    path: &Path,
    magic: &[u8; 8],
    fingerprint: u64,
    key: u128,
    payload: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let tmp = temp_path(path);
    let result = (|| {
        let mut out = Summed {
            out: BufWriter::with_capacity(1 << 16, fs::File::create_new(&tmp)?),
            sum: Xxh3Default::new(),
        };
        out.write_all(magic)?;
        out.write_all(&fingerprint.to_le_bytes())?;
        out.write_all(&key.to_le_bytes())?;
        payload(&mut out)?;
        let sum = out.sum.digest();
        out.out.write_all(&sum.to_le_bytes())?;
        out.out.flush()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A temp file name beside `path` that no other writer uses: this process's id and a
/// count, so two threads (the reader's indexing and its live reload) or two processes
/// saving the same cache never write into one file. Created with `create_new`.
pub fn temp_path(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut tmp = path.as_os_str().to_os_string();
    tmp.push(format!(".{}-{n}.tmp", std::process::id()));
    PathBuf::from(tmp)
}

/// A writer that hashes what goes through it.
struct Summed {
    out: BufWriter<fs::File>,
    sum: Xxh3Default,
}

impl Write for Summed {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.sum.update(buf.get(..n).unwrap_or_default());
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The payload of a whole file with this magic, fingerprint and key; `None` otherwise.
pub fn read(path: &Path, magic: &[u8; 8], fingerprint: u64, key: u128) -> Option<Vec<u8>> {
    let mut bytes = fs::read(path).ok()?;
    let body = bytes.len().checked_sub(8)?;
    if bytes.len() < 40 || xxh3_64(bytes.get(..body)?).to_le_bytes() != *bytes.get(body..)? {
        return None;
    }
    let header_ok = bytes.get(..8)? == magic
        && bytes.get(8..16)? == fingerprint.to_le_bytes()
        && bytes.get(16..32)? == key.to_le_bytes();
    if !header_ok {
        return None;
    }
    bytes.truncate(body);
    bytes.drain(..32);
    Some(bytes)
}

/// A little-endian reader that fails instead of panicking.
pub struct Cursor<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl Cursor<'_> {
    pub fn take(&mut self, n: usize) -> Option<std::ops::Range<usize>> {
        let end = self.at.checked_add(n)?;
        (end <= self.bytes.len()).then(|| {
            let r = self.at..end;
            self.at = end;
            r
        })
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let r = self.take(N)?;
        self.bytes.get(r)?.try_into().ok()
    }

    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    pub fn u128(&mut self) -> Option<u128> {
        self.array().map(u128::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_every_mismatch_reads_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.idx");
        write(&path, b"TESTMAG1", 7, 9, |w| w.write_all(b"payload")).unwrap();
        assert_eq!(
            read(&path, b"TESTMAG1", 7, 9).as_deref(),
            Some(&b"payload"[..])
        );
        assert!(read(&path, b"TESTMAG2", 7, 9).is_none());
        assert!(read(&path, b"TESTMAG1", 8, 9).is_none());
        assert!(read(&path, b"TESTMAG1", 7, 10).is_none());
        let good = fs::read(&path).unwrap();
        for n in 0..good.len() {
            fs::write(&path, &good[..n]).unwrap();
            assert!(read(&path, b"TESTMAG1", 7, 9).is_none(), "cut at {n}");
            let mut bad = good.clone();
            bad[n] ^= 1;
            fs::write(&path, &bad).unwrap();
            assert!(read(&path, b"TESTMAG1", 7, 9).is_none(), "flipped {n}");
        }
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn writers_on_many_threads_each_leave_a_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.idx");
        std::thread::scope(|s| {
            for t in 0..8u8 {
                let path = &path;
                s.spawn(move || {
                    let payload = vec![t; 200_000];
                    write(path, b"TESTMAG1", 7, 9, |w| w.write_all(&payload)).unwrap();
                });
            }
        });
        let got = read(&path, b"TESTMAG1", 7, 9).expect("one whole file");
        assert_eq!(got.len(), 200_000);
        assert!(got.iter().all(|&b| b == got[0]), "not a mix of writers");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp files left"
        );
    }
}
