//! What an uploaded activity file is, judged from its bytes (never from its name): FIT, TCX or
//! GPX, or a gzip or zip holding one of those. Anything else is refused before any upstream call.

use std::io::Read;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fit,
    Tcx,
    Gpx,
}

impl Kind {
    pub fn ext(self) -> &'static str {
        match self {
            Kind::Fit => "fit",
            Kind::Tcx => "tcx",
            Kind::Gpx => "gpx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Fit => "application/vnd.ant.fit",
            Kind::Tcx => "application/vnd.garmin.tcx+xml",
            Kind::Gpx => "application/gpx+xml",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    Plain,
    Gzip,
    Zip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub kind: Kind,
    pub container: Container,
}

impl Detected {
    /// The file name to send upstream, whose extension matches the bytes.
    pub fn filename(&self) -> String {
        match self.container {
            Container::Plain => format!("activity.{}", self.kind.ext()),
            Container::Gzip => format!("activity.{}.gz", self.kind.ext()),
            Container::Zip => "activity.zip".to_owned(),
        }
    }
}

const HEAD: usize = 4096;

/// Recognises a plain FIT, TCX or GPX from its first bytes.
pub fn sniff_plain(head: &[u8]) -> Option<Kind> {
    if head.len() >= 12 && matches!(head[0], 12 | 14) && &head[8..12] == b".FIT" {
        return Some(Kind::Fit);
    }
    let text = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let text = String::from_utf8_lossy(&text[..text.len().min(HEAD)]);
    let trimmed = text.trim_start();
    if !trimmed.starts_with('<') {
        return None;
    }
    if trimmed.contains("<TrainingCenterDatabase") {
        Some(Kind::Tcx)
    } else if trimmed.contains("<gpx") {
        Some(Kind::Gpx)
    } else {
        None
    }
}

fn read_head(mut r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(HEAD);
    r.by_ref().take(HEAD as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

pub const SUPPORTED: &str = "FIT, TCX or GPX, or a .gz or .zip of one";

/// Inspects the spooled file. Reads at most a few KB (decompressing only that much).
pub fn detect(path: &Path) -> Result<Detected, String> {
    let head = read_head(std::fs::File::open(path).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    if head.is_empty() {
        return Err("the file is empty".into());
    }
    if let Some(kind) = sniff_plain(&head) {
        return Ok(Detected {
            kind,
            container: Container::Plain,
        });
    }
    let unsupported = || format!("the file is not {SUPPORTED}");
    if head.starts_with(&[0x1f, 0x8b]) {
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let inner = read_head(flate2::read::GzDecoder::new(file))
            .map_err(|_| "the gzip file is corrupt".to_owned())?;
        let kind = sniff_plain(&inner)
            .ok_or_else(|| format!("the gzip file does not hold {SUPPORTED}"))?;
        return Ok(Detected {
            kind,
            container: Container::Gzip,
        });
    }
    if head.starts_with(b"PK\x03\x04") {
        let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        check_zip_directory(&mut file)?;
        let mut archive =
            zip::ZipArchive::new(file).map_err(|_| "the zip file is corrupt".to_owned())?;
        let index = (0..archive.len())
            .find(|i| archive.by_index(*i).map(|f| f.is_file()).unwrap_or(false))
            .ok_or_else(|| "the zip file is empty".to_owned())?;
        let entry = archive
            .by_index(index)
            .map_err(|_| "the zip file is corrupt".to_owned())?;
        let inner = read_head(entry).map_err(|_| "the zip file is corrupt".to_owned())?;
        let kind =
            sniff_plain(&inner).ok_or_else(|| format!("the zip file does not hold {SUPPORTED}"))?;
        return Ok(Detected {
            kind,
            container: Container::Zip,
        });
    }
    Err(unsupported())
}

/// Entries a zip of one activity may list (a file, and the folders or metadata some tools add).
pub const MAX_ZIP_ENTRIES: u64 = 16;

/// Reads the zip's end-of-central-directory record (the last 22 bytes, or up to 64 KiB more with
/// a comment) and refuses an archive whose directory lists more than [`MAX_ZIP_ENTRIES`] entries
/// or is larger than such a directory can be, before the directory is read: the zip crate loads
/// every entry of it into memory. A Zip64 archive (counts that do not fit the record) is refused
/// the same way; one activity never needs it.
fn check_zip_directory(file: &mut (impl std::io::Read + std::io::Seek)) -> Result<(), String> {
    use std::io::SeekFrom;
    const RECORD: u64 = 22;
    const MAX_TAIL: u64 = RECORD + u16::MAX as u64;
    /// Each directory entry is 46 bytes plus its name, extra field and comment.
    const MAX_DIRECTORY_BYTES: u64 = MAX_ZIP_ENTRIES * (46 + 3 * 1024);
    let corrupt = || "the zip file is corrupt".to_owned();
    let len = file.seek(SeekFrom::End(0)).map_err(|_| corrupt())?;
    let tail_len = len.min(MAX_TAIL);
    file.seek(SeekFrom::Start(len - tail_len))
        .map_err(|_| corrupt())?;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact(&mut tail).map_err(|_| corrupt())?;
    file.seek(SeekFrom::Start(0)).map_err(|_| corrupt())?;
    let at = (0..tail.len().saturating_sub(RECORD as usize - 1))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(corrupt)?;
    let record = &tail[at..];
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([record[i], record[i + 1]]));
    let entries = u16_at(10);
    let directory_bytes = u64::from(u32::from_le_bytes([
        record[12], record[13], record[14], record[15],
    ]));
    if entries > MAX_ZIP_ENTRIES || u16_at(8) > MAX_ZIP_ENTRIES {
        return Err(format!(
            "the zip file lists {entries} entries; a zip of one activity holds at most {MAX_ZIP_ENTRIES}"
        ));
    }
    if directory_bytes > MAX_DIRECTORY_BYTES {
        return Err(format!(
            "the zip file's directory is {directory_bytes} bytes; a zip of one activity needs at most {MAX_DIRECTORY_BYTES}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_plain_kinds() {
        let mut fit = vec![14u8, 0x10, 0, 0, 0, 0, 0, 0];
        fit.extend_from_slice(b".FIT\0\0");
        assert_eq!(sniff_plain(&fit), Some(Kind::Fit));
        assert_eq!(
            sniff_plain(b"\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<TrainingCenterDatabase>"),
            Some(Kind::Tcx)
        );
        assert_eq!(
            sniff_plain(b"<?xml version=\"1.0\"?><gpx version=\"1.1\">"),
            Some(Kind::Gpx)
        );
        assert_eq!(sniff_plain(b"<html><body>"), None);
        assert_eq!(sniff_plain(b"hello world, definitely not a ride"), None);
    }
}
