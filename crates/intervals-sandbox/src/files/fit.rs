//! Just enough of the Garmin FIT protocol for the sandbox: a writer for the files it generates
//! (activity FIT, workout FIT), a best-effort reader that finds start times, sports and totals
//! in uploaded files, and a strict reader of every message for workout files apps send.
//!
//! Layout per the FIT SDK: a 14-byte header (size, protocol, profile, data size, ".FIT", header
//! CRC), definition and data records, then a CRC-16 over everything before it.

use chrono::{DateTime, TimeZone, Utc};

/// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z.
const FIT_EPOCH_UNIX: i64 = 631_065_600;
const PROTOCOL_VERSION: u8 = 0x20;
/// Profile 21.32; readers only use it to warn about newer files.
const PROFILE_VERSION: u16 = 2132;

pub(crate) mod global {
    pub const FILE_ID: u16 = 0;
    pub const SPORT: u16 = 12;
    pub const SESSION: u16 = 18;
    pub const LAP: u16 = 19;
    pub const RECORD: u16 = 20;
    pub const WORKOUT: u16 = 26;
    pub const WORKOUT_STEP: u16 = 27;
    pub const ACTIVITY: u16 = 34;
}

/// The FIT SDK's nibble-table CRC (CRC-16/ARC).
pub(crate) fn crc16(data: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    data.iter().fold(0u16, |crc, &byte| {
        let tmp = TABLE[usize::from(crc & 0xF)];
        let crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ TABLE[usize::from(byte & 0xF)];
        let tmp = TABLE[usize::from(crc & 0xF)];
        ((crc >> 4) & 0x0FFF) ^ tmp ^ TABLE[usize::from((byte >> 4) & 0xF)]
    })
}

pub(crate) fn to_fit_time(t: DateTime<Utc>) -> u32 {
    u32::try_from(t.timestamp() - FIT_EPOCH_UNIX).unwrap_or(0)
}

pub(crate) fn from_fit_time(t: u32) -> Option<DateTime<Utc>> {
    // Values below 0x10000000 are relative (seconds since device power-on), not dates.
    if t < 0x1000_0000 || t == u32::MAX {
        return None;
    }
    Utc.timestamp_opt(FIT_EPOCH_UNIX + i64::from(t), 0).single()
}

/// One field value; the variant fixes the FIT base type and size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Enum(u8),
    U8(u8),
    U16(u16),
    U32(u32),
    U32z(u32),
    I32(i32),
    /// Null-terminated, padded to the given size (truncated to fit).
    Str(String, u8),
}

impl Value {
    fn size(&self) -> u8 {
        match self {
            Value::Enum(_) | Value::U8(_) => 1,
            Value::U16(_) => 2,
            Value::U32(_) | Value::U32z(_) | Value::I32(_) => 4,
            Value::Str(_, size) => *size,
        }
    }

    fn base_type(&self) -> u8 {
        match self {
            Value::Enum(_) => 0x00,
            Value::U8(_) => 0x02,
            Value::U16(_) => 0x84,
            Value::U32(_) => 0x86,
            Value::U32z(_) => 0x8C,
            Value::I32(_) => 0x85,
            Value::Str(..) => 0x07,
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Value::Enum(v) | Value::U8(v) => out.push(*v),
            Value::U16(v) => out.extend_from_slice(&v.to_le_bytes()),
            Value::U32(v) | Value::U32z(v) => out.extend_from_slice(&v.to_le_bytes()),
            Value::I32(v) => out.extend_from_slice(&v.to_le_bytes()),
            Value::Str(s, size) => {
                let size = usize::from(*size);
                // Cut on a character boundary and keep room for the terminating NUL.
                let mut end = s.len().min(size.saturating_sub(1));
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                out.extend_from_slice(&s.as_bytes()[..end]);
                out.resize(out.len() + size - end, 0);
            }
        }
    }
}

type Layout = (u16, Vec<(u8, u8, u8)>);

/// Writes little-endian messages, emitting a definition record whenever a local message type is
/// used with a layout different from its last definition.
#[derive(Default)]
pub(crate) struct FitWriter {
    data: Vec<u8>,
    layouts: [Option<Layout>; 16],
}

impl FitWriter {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn message(&mut self, local: u8, global: u16, fields: &[(u8, Value)]) {
        let local = local & 0x0F;
        let layout: Layout = (
            global,
            fields
                .iter()
                .map(|(num, v)| (*num, v.size(), v.base_type()))
                .collect(),
        );
        let slot = &mut self.layouts[usize::from(local)];
        if slot.as_ref() != Some(&layout) {
            self.data.push(0x40 | local);
            self.data.push(0); // reserved
            self.data.push(0); // little-endian
            self.data.extend_from_slice(&global.to_le_bytes());
            // Callers pass a handful of fields; FIT allows 255.
            self.data
                .push(u8::try_from(layout.1.len()).unwrap_or(u8::MAX));
            for (num, size, base) in &layout.1 {
                self.data.extend_from_slice(&[*num, *size, *base]);
            }
            *slot = Some(layout);
        }
        self.data.push(local);
        for (_, v) in fields {
            v.write(&mut self.data);
        }
    }

    pub(crate) fn finish(self) -> Vec<u8> {
        let data_size = u32::try_from(self.data.len()).unwrap_or(u32::MAX);
        let mut out = Vec::with_capacity(self.data.len() + 16);
        out.push(14);
        out.push(PROTOCOL_VERSION);
        out.extend_from_slice(&PROFILE_VERSION.to_le_bytes());
        out.extend_from_slice(&data_size.to_le_bytes());
        out.extend_from_slice(b".FIT");
        let header_crc = crc16(&out);
        out.extend_from_slice(&header_crc.to_le_bytes());
        out.extend_from_slice(&self.data);
        let crc = crc16(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }
}

/// What the sandbox wants to know about an uploaded FIT file.
#[derive(Debug, Default)]
pub(crate) struct FitSummary {
    pub time_created: Option<u32>,
    pub sport: Option<u8>,
    pub sessions: Vec<FitSession>,
    /// Timestamps of `record` messages, for files without sessions.
    pub first_record: Option<u32>,
    pub last_record: Option<u32>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct FitSession {
    pub start_time: Option<u32>,
    pub sport: Option<u8>,
    /// Milliseconds.
    pub elapsed: Option<u32>,
    pub timer: Option<u32>,
    /// Centimetres.
    pub distance: Option<u32>,
}

struct Definition {
    big_endian: bool,
    global: u16,
    fields: Vec<(u8, usize)>,
    dev_size: usize,
}

/// Reads definition and data records until the data ends or something does not add up; whatever
/// was read by then is returned, since uploads only need a start time and a few totals.
pub(crate) fn summarize(bytes: &[u8]) -> FitSummary {
    let mut summary = FitSummary::default();
    let Some(&header_size) = bytes.first() else {
        return summary;
    };
    let header_size = usize::from(header_size);
    let declared = bytes
        .get(4..8)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0);
    let end = header_size
        .checked_add(declared)
        .filter(|&e| e <= bytes.len())
        .unwrap_or(bytes.len());
    let mut defs: Vec<Option<Definition>> = (0..16).map(|_| None).collect();
    let mut pos = header_size;
    while pos < end {
        let h = bytes[pos];
        pos += 1;
        let local = if h & 0x80 != 0 {
            usize::from((h >> 5) & 0x03)
        } else {
            usize::from(h & 0x0F)
        };
        if h & 0xC0 == 0x40 {
            let Some(head) = bytes.get(pos..pos + 5) else {
                break;
            };
            let big_endian = head[1] == 1;
            let global = if big_endian {
                u16::from_be_bytes([head[2], head[3]])
            } else {
                u16::from_le_bytes([head[2], head[3]])
            };
            let n = usize::from(head[4]);
            pos += 5;
            let Some(raw) = bytes.get(pos..pos + 3 * n) else {
                break;
            };
            let fields = raw
                .chunks_exact(3)
                .map(|f| (f[0], usize::from(f[1])))
                .collect();
            pos += 3 * n;
            let mut dev_size = 0;
            if h & 0x20 != 0 {
                let Some(&nd) = bytes.get(pos) else {
                    break;
                };
                pos += 1;
                let Some(raw) = bytes.get(pos..pos + 3 * usize::from(nd)) else {
                    break;
                };
                dev_size = raw.chunks_exact(3).map(|f| usize::from(f[1])).sum();
                pos += 3 * usize::from(nd);
            }
            defs[local] = Some(Definition {
                big_endian,
                global,
                fields,
                dev_size,
            });
            continue;
        }
        let Some(def) = defs[local].as_ref() else {
            break;
        };
        let mut values: Vec<(u8, u32)> = Vec::with_capacity(def.fields.len());
        for &(num, size) in &def.fields {
            let Some(raw) = bytes.get(pos..pos + size) else {
                return summary;
            };
            pos += size;
            let v = match (size, def.big_endian) {
                (1, _) => Some(u32::from(raw[0])),
                (2, false) => Some(u32::from(u16::from_le_bytes([raw[0], raw[1]]))),
                (2, true) => Some(u32::from(u16::from_be_bytes([raw[0], raw[1]]))),
                (4, false) => Some(u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]])),
                (4, true) => Some(u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]])),
                _ => None,
            };
            // All bits set is FIT's "invalid" for unsigned types of every size.
            let invalid = match size {
                1 => Some(0xFF),
                2 => Some(0xFFFF),
                4 => Some(u32::MAX),
                _ => None,
            };
            if let Some(v) = v.filter(|v| Some(*v) != invalid) {
                values.push((num, v));
            }
        }
        pos += def.dev_size;
        absorb(&mut summary, def.global, &values);
    }
    summary
}

/// A definition record as the strict reader keeps it: byte order, global message number, field
/// numbers and sizes, and the size of the developer fields.
type Def = (bool, u16, Vec<(u8, usize)>, usize);

/// One data message: its global number and each field's raw bytes (in the file's byte order).
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub global: u16,
    big_endian: bool,
    fields: Vec<(u8, Vec<u8>)>,
}

impl Message {
    /// An unsigned field of 1, 2 or 4 bytes; `None` when absent or FIT's "invalid" value.
    pub(crate) fn uint(&self, num: u8) -> Option<u32> {
        let raw = &self.fields.iter().find(|(n, _)| *n == num)?.1;
        let v = match (raw.len(), self.big_endian) {
            (1, _) => u32::from(raw[0]),
            (2, false) => u32::from(u16::from_le_bytes([raw[0], raw[1]])),
            (2, true) => u32::from(u16::from_be_bytes([raw[0], raw[1]])),
            (4, false) => u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]),
            (4, true) => u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]),
            _ => return None,
        };
        let invalid = match raw.len() {
            1 => 0xFF,
            2 => 0xFFFF,
            _ => u32::MAX,
        };
        (v != invalid).then_some(v)
    }

    /// A string field up to its first NUL; `None` when absent or empty.
    pub(crate) fn string(&self, num: u8) -> Option<String> {
        let raw = &self.fields.iter().find(|(n, _)| *n == num)?.1;
        let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
        let s = String::from_utf8_lossy(&raw[..end]).trim().to_owned();
        (!s.is_empty()).then_some(s)
    }
}

/// Every data message of a whole, well-formed FIT file: the header, the record structure and
/// the file CRC must all check out.
pub(crate) fn messages(bytes: &[u8]) -> Result<Vec<Message>, String> {
    let bad = |what: &str| format!("Invalid FIT file: {what}");
    let header_size = usize::from(*bytes.first().ok_or_else(|| bad("empty"))?);
    if header_size < 12 || bytes.get(8..12) != Some(b".FIT".as_slice()) {
        return Err(bad("no FIT header"));
    }
    let declared = bytes
        .get(4..8)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| bad("no data size"))?;
    let end = header_size
        .checked_add(declared)
        .filter(|e| e + 2 <= bytes.len())
        .ok_or_else(|| bad("truncated"))?;
    if crc16(&bytes[..end + 2]) != 0 {
        return Err(bad("CRC mismatch"));
    }
    let mut defs: Vec<Option<Def>> = (0..16).map(|_| None).collect();
    let mut out = Vec::new();
    let mut pos = header_size;
    while pos < end {
        let h = bytes[pos];
        pos += 1;
        let local = if h & 0x80 != 0 {
            usize::from((h >> 5) & 0x03)
        } else {
            usize::from(h & 0x0F)
        };
        if h & 0xC0 == 0x40 {
            let head = bytes
                .get(pos..pos + 5)
                .ok_or_else(|| bad("truncated definition"))?;
            let big_endian = head[1] == 1;
            let global = if big_endian {
                u16::from_be_bytes([head[2], head[3]])
            } else {
                u16::from_le_bytes([head[2], head[3]])
            };
            let n = usize::from(head[4]);
            pos += 5;
            let raw = bytes
                .get(pos..pos + 3 * n)
                .ok_or_else(|| bad("truncated definition"))?;
            let fields = raw
                .chunks_exact(3)
                .map(|f| (f[0], usize::from(f[1])))
                .collect();
            pos += 3 * n;
            let mut dev_size = 0;
            if h & 0x20 != 0 {
                let nd = usize::from(*bytes.get(pos).ok_or_else(|| bad("truncated definition"))?);
                pos += 1;
                let raw = bytes
                    .get(pos..pos + 3 * nd)
                    .ok_or_else(|| bad("truncated definition"))?;
                dev_size = raw.chunks_exact(3).map(|f| usize::from(f[1])).sum();
                pos += 3 * nd;
            }
            defs[local] = Some((big_endian, global, fields, dev_size));
            continue;
        }
        let (big_endian, global, fields, dev_size) = defs[local]
            .as_ref()
            .ok_or_else(|| bad("data before its definition"))?;
        let mut values = Vec::with_capacity(fields.len());
        for &(num, size) in fields {
            let raw = bytes
                .get(pos..pos + size)
                .ok_or_else(|| bad("truncated data"))?;
            values.push((num, raw.to_vec()));
            pos += size;
        }
        pos += dev_size;
        if pos > end {
            return Err(bad("truncated data"));
        }
        out.push(Message {
            global: *global,
            big_endian: *big_endian,
            fields: values,
        });
    }
    Ok(out)
}

fn absorb(summary: &mut FitSummary, global: u16, values: &[(u8, u32)]) {
    let get = |num: u8| values.iter().find(|(n, _)| *n == num).map(|(_, v)| *v);
    let byte = |num: u8| get(num).and_then(|v| u8::try_from(v).ok());
    match global {
        global::FILE_ID => summary.time_created = summary.time_created.or(get(4)),
        global::SPORT => summary.sport = summary.sport.or(byte(0)),
        global::SESSION => summary.sessions.push(FitSession {
            start_time: get(2),
            sport: byte(5),
            elapsed: get(7),
            timer: get(8),
            distance: get(9),
        }),
        global::RECORD => {
            if let Some(t) = get(253) {
                summary.first_record = summary.first_record.or(Some(t));
                summary.last_record = Some(t);
            }
        }
        _ => {}
    }
}

/// FIT `sport` enum to Intervals.icu activity types.
pub(crate) fn sport_name(sport: u8) -> &'static str {
    match sport {
        1 => "Run",
        2 => "Ride",
        5 => "Swim",
        10 => "WeightTraining",
        11 => "Walk",
        12 => "NordicSki",
        15 => "Rowing",
        17 => "Hike",
        _ => "Ride",
    }
}

pub(crate) fn sport_code(name: &str) -> u8 {
    match name {
        "Run" | "VirtualRun" | "TrailRun" => 1,
        "Swim" => 5,
        "Walk" => 11,
        "Hike" => 17,
        "Rowing" => 15,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_check_value() {
        // CRC-16/ARC check value from the CRC catalogue.
        assert_eq!(crc16(b"123456789"), 0xBB3D);
    }

    #[test]
    fn writes_and_reads_back() {
        let t = to_fit_time(
            Utc.with_ymd_and_hms(2024, 5, 1, 6, 30, 0)
                .single()
                .expect("date"),
        );
        let mut w = FitWriter::new();
        w.message(
            0,
            global::FILE_ID,
            &[(0, Value::Enum(4)), (4, Value::U32(t))],
        );
        w.message(
            1,
            global::SESSION,
            &[
                (2, Value::U32(t)),
                (5, Value::Enum(1)),
                (7, Value::U32(3_600_000)),
                (9, Value::U32(1_000_000)),
            ],
        );
        let bytes = w.finish();
        assert_eq!(&bytes[8..12], b".FIT");
        assert_eq!(
            crc16(&bytes),
            0,
            "a trailing CRC makes the whole file check to 0"
        );
        let s = summarize(&bytes);
        assert_eq!(s.time_created, Some(t));
        assert_eq!(s.sessions.len(), 1);
        assert_eq!(s.sessions[0].sport, Some(1));
        assert_eq!(
            from_fit_time(t).map(|d| d.to_rfc3339()),
            Some("2024-05-01T06:30:00+00:00".to_owned())
        );
    }

    #[test]
    fn strings_are_truncated_on_char_boundaries() {
        let mut out = Vec::new();
        Value::Str("héllo".into(), 3).write(&mut out);
        assert_eq!(out, b"h\0\0");
    }
}
