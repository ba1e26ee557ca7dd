//! Real activity files built in the tests: FIT (with a valid CRC), TCX, GPX, and gz/zip of them.

use std::io::Write;

const CRC_TABLE: [u16; 16] = [
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401,
    0x5000, 0x9C01, 0x8801, 0x4400,
];

/// CRC-16 as the FIT SDK defines it.
pub fn fit_crc(data: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &byte in data {
        for nibble in [byte & 0xF, byte >> 4] {
            let tmp = CRC_TABLE[(crc & 0xF) as usize];
            crc = (crc >> 4) & 0x0FFF;
            crc = crc ^ tmp ^ CRC_TABLE[nibble as usize];
        }
    }
    crc
}

/// A minimal valid FIT activity file: a file_id message (type activity, `time_created` =
/// `unix_secs`, serial number `serial` so each test's file hashes differently).
pub fn fit(unix_secs: i64, serial: u32) -> Vec<u8> {
    const FIT_EPOCH: i64 = 631_065_600; // 1989-12-31T00:00:00Z
    let mut records = Vec::new();
    // Definition message, local type 0: global message 0 (file_id), little endian, 4 fields.
    records.extend_from_slice(&[0x40, 0, 0, 0, 0, 4]);
    records.extend_from_slice(&[0, 1, 0x00]); // type: enum
    records.extend_from_slice(&[1, 2, 0x84]); // manufacturer: uint16
    records.extend_from_slice(&[3, 4, 0x8C]); // serial_number: uint32z
    records.extend_from_slice(&[4, 4, 0x86]); // time_created: uint32
                                              // Data message.
    records.push(0x00);
    records.push(4); // activity
    records.extend_from_slice(&255u16.to_le_bytes()); // development
    records.extend_from_slice(&serial.to_le_bytes());
    records.extend_from_slice(&((unix_secs - FIT_EPOCH) as u32).to_le_bytes());
    let mut header = vec![14u8, 0x20];
    header.extend_from_slice(&2132u16.to_le_bytes());
    header.extend_from_slice(&(records.len() as u32).to_le_bytes());
    header.extend_from_slice(b".FIT");
    let hcrc = fit_crc(&header);
    header.extend_from_slice(&hcrc.to_le_bytes());
    let mut file = header;
    file.extend_from_slice(&records);
    let crc = fit_crc(&file);
    file.extend_from_slice(&crc.to_le_bytes());
    file
}

/// A TCX with one `<Activity>` per start time (several make a multisport file).
pub fn tcx(starts: &[&str], tag: &str) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n<Activities>\n",
    );
    for (i, start) in starts.iter().enumerate() {
        let sport = if i % 2 == 0 { "Biking" } else { "Running" };
        s.push_str(&format!(
            "<Activity Sport=\"{sport}\"><Id>{start}</Id><Notes>{tag}</Notes><Lap StartTime=\"{start}\"><TotalTimeSeconds>1800</TotalTimeSeconds>\
<DistanceMeters>15000</DistanceMeters><Track><Trackpoint><Time>{start}</Time><HeartRateBpm><Value>120</Value></HeartRateBpm></Trackpoint></Track></Lap></Activity>\n"
        ));
    }
    s.push_str("</Activities>\n</TrainingCenterDatabase>\n");
    s.into_bytes()
}

pub fn gpx(start: &str, tag: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"{tag}\" xmlns=\"http://www.topografix.com/GPX/1/1\">\
<trk><name>{tag}</name><trkseg><trkpt lat=\"46.5\" lon=\"6.6\"><ele>400</ele><time>{start}</time></trkpt>\
<trkpt lat=\"46.51\" lon=\"6.61\"><ele>410</ele><time>{start}</time></trkpt></trkseg></trk></gpx>\n"
    )
    .into_bytes()
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

pub fn zip(name: &str, data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap().into_inner()
}
