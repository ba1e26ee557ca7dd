//! Part 2 of the sandbox over real HTTP: uploads (formats, dedupe, multisport, size cap),
//! listing, files, planned workouts and their files, fault switches and the rate limiter.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use base64::Engine;
use chrono::{Duration as Days, Utc};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::{http, ALEX, CLIENT, SAM, SECRET};

/// 2024-05-01T06:30:00Z in seconds since the FIT epoch (1989-12-31T00:00:00Z).
const FIT_2024_05_01_0630: u32 = 1_714_545_000 - 631_065_600;

/// The shared sandbox harness, with the activity helpers these tests need.
struct Env {
    shared: crate::support::Env,
}

impl Env {
    /// A fresh sandbox; the rate limiter (off in the shared harness, since these tests fire
    /// requests far faster than 10 a second) is back at Intervals.icu's 10/s, burst 20, when a
    /// test is about it.
    async fn start(limit: bool) -> Env {
        let shared = crate::support::Env::start().await;
        if limit {
            shared.sb.set_rate_limit(10.0, 20.0);
        }
        Env { shared }
    }

    fn url(&self, path: &str) -> String {
        self.shared.url(path)
    }

    async fn control(&self, method: &str, path: &str, body: Value) -> Value {
        self.shared.control(method, path, body).await
    }

    async fn connect(&self, athlete: &str, scope: &str) -> String {
        self.shared.connect(CLIENT, athlete, scope).await
    }

    async fn get(&self, token: &str, path: &str) -> reqwest::Response {
        self.shared.get(token, path).await
    }

    async fn upload(
        &self,
        token: &str,
        athlete: &str,
        bytes: &[u8],
        filename: &str,
        query: &[(&str, &str)],
    ) -> reqwest::Response {
        let form = Form::new().part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(filename.to_owned()),
        );
        http()
            .post(self.url(&format!("/api/v1/athlete/{athlete}/activities")))
            .query(query)
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("upload")
    }
}

/// CRC-16/ARC bit by bit, independent of the table-driven code under test.
fn crc16(data: &[u8]) -> u16 {
    let mut crc = 0u16;
    for &b in data {
        crc ^= u16::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xA001
            } else {
                crc >> 1
            };
        }
    }
    crc
}

/// A minimal FIT activity file: one file_id message (type, manufacturer, time_created, serial).
fn tiny_fit(time_created: u32, serial: u32, header_size: u8) -> Vec<u8> {
    let mut data = vec![
        0x40, 0, 0, 0, 0, 4, // definition, local 0, little-endian, global 0, 4 fields
        0, 1, 0x00, // type: enum
        1, 2, 0x84, // manufacturer: uint16
        4, 4, 0x86, // time_created: uint32
        3, 4, 0x8C, // serial_number: uint32z
    ];
    data.push(0x00);
    data.push(4);
    data.extend(255u16.to_le_bytes());
    data.extend(time_created.to_le_bytes());
    data.extend(serial.to_le_bytes());
    let mut out = vec![header_size, 0x10];
    out.extend(2132u16.to_le_bytes());
    out.extend(u32::try_from(data.len()).expect("len").to_le_bytes());
    out.extend(b".FIT");
    if header_size == 14 {
        let crc = crc16(&out);
        out.extend(crc.to_le_bytes());
    }
    out.extend(data);
    let crc = crc16(&out);
    out.extend(crc.to_le_bytes());
    out
}

fn tcx(activities: &[(&str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n<Activities>\n",
    );
    for (sport, time) in activities {
        out.push_str(&format!(
            "<Activity Sport=\"{sport}\"><Id>{time}</Id><Lap StartTime=\"{time}\"><TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>12000</DistanceMeters><Track><Trackpoint><Time>{time}</Time><DistanceMeters>0</DistanceMeters></Trackpoint></Track></Lap></Activity>\n"
        ));
    }
    out.push_str("</Activities>\n</TrainingCenterDatabase>\n");
    out
}

fn gpx(tracks: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n",
    );
    for (name, start, end) in tracks {
        out.push_str(&format!(
            "<trk><name>{name}</name><type>cycling</type><trkseg>\
             <trkpt lat=\"52.0\" lon=\"5.0\"><time>{start}</time></trkpt>\
             <trkpt lat=\"52.1\" lon=\"5.0\"><time>{end}</time></trkpt>\
             </trkseg></trk>\n"
        ));
    }
    out.push_str("</gpx>\n");
    out
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gunzip");
    out
}

fn zipped(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(name, zip::write::SimpleFileOptions::default())
        .expect("zip entry");
    w.write_all(bytes).expect("zip write");
    w.finish().expect("zip").into_inner()
}

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.expect("json")
}

fn ids(body: &Value) -> Vec<String> {
    body["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| a["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Checks the 14-byte header, its CRC and the file CRC; returns the data records.
fn check_fit(bytes: &[u8]) -> &[u8] {
    assert!(bytes.len() > 16, "too short: {}", bytes.len());
    assert_eq!(bytes[0], 14);
    assert_eq!(&bytes[8..12], b".FIT");
    let header_crc = u16::from_le_bytes([bytes[12], bytes[13]]);
    assert_eq!(header_crc, crc16(&bytes[..12]), "header CRC");
    let size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    assert_eq!(bytes.len(), 14 + size + 2, "data size");
    let n = bytes.len();
    let file_crc = u16::from_le_bytes([bytes[n - 2], bytes[n - 1]]);
    assert_eq!(file_crc, crc16(&bytes[..n - 2]), "file CRC");
    // The first record defines global message 0 (file_id).
    assert_eq!(bytes[14] & 0x40, 0x40);
    assert_eq!(u16::from_le_bytes([bytes[17], bytes[18]]), 0);
    &bytes[14..n - 2]
}

/// The file_id `type` field value in a file written by the sandbox (field 0 comes first).
fn fit_file_type(bytes: &[u8]) -> u8 {
    let fields = usize::from(bytes[19]);
    // Definition: header + 5 bytes + 3 per field; then the data record header.
    bytes[14 + 6 + 3 * fields + 1]
}

#[tokio::test]
async fn uploads_every_format_and_dedupes() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:WRITE").await;
    let fit = tiny_fit(FIT_2024_05_01_0630, 1, 14);
    let res = env
        .upload(
            &token,
            "0",
            &fit,
            "ride.fit",
            &[
                ("name", "Lunch loop"),
                ("external_id", "ext-1"),
                ("description", "Nice"),
                ("device_name", "Garmin Edge 540"),
                ("paired_event_id", "1002"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let first = json_of(res).await;
    let id = first["id"].as_str().expect("id").to_owned();
    assert!(
        id.starts_with('i') && id[1..].parse::<u64>().is_ok(),
        "{id}"
    );
    assert_eq!(
        first,
        json!({"icu_athlete_id": ALEX, "id": id, "activities": [{"icu_athlete_id": ALEX, "id": id}]})
    );

    // The same bytes again: 200, same body, nothing new stored.
    let res = env.upload(&token, ALEX, &fit, "again.fit", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(json_of(res).await, first);

    // A 12-byte header is FIT too; TCX, GPX, gz and zip all work.
    let files: Vec<(Vec<u8>, &str)> = vec![
        (tiny_fit(FIT_2024_05_01_0630 + 60, 2, 12), "short.fit"),
        (
            tcx(&[("Running", "2024-05-02T07:00:00Z")]).into_bytes(),
            "run.tcx",
        ),
        (
            gpx(&[(
                "Evening spin",
                "2024-05-03T18:00:00Z",
                "2024-05-03T18:30:00Z",
            )])
            .into_bytes(),
            "spin.gpx",
        ),
        (
            gz(tcx(&[("Biking", "2024-05-04T08:00:00Z")]).as_bytes()),
            "ride.tcx.gz",
        ),
        (
            zipped(
                "ride.gpx",
                gpx(&[("Zipped", "2024-05-05T09:00:00Z", "2024-05-05T10:00:00Z")]).as_bytes(),
            ),
            "ride.zip",
        ),
        (gz(&tiny_fit(FIT_2024_05_01_0630 + 120, 3, 14)), "x.fit.gz"),
    ];
    let mut all = vec![id.clone()];
    for (bytes, name) in &files {
        let res = env.upload(&token, "0", bytes, name, &[]).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{name}");
        let body = json_of(res).await;
        assert_eq!(ids(&body).len(), 1, "{name}");
        assert!(!all.contains(&ids(&body)[0]), "ids are unique");
        all.push(ids(&body)[0].clone());
    }

    // Anything else is 422 with upstream's error body.
    let junk_zip = zipped("notes.txt", b"hello");
    for (bytes, name) in [
        (b"not an activity".to_vec(), "x.txt"),
        (Vec::new(), "empty.fit"),
        (b"<html><body/></html>".to_vec(), "page.gpx"),
        (gz(b"plain text"), "x.gz"),
        (junk_zip, "junk.zip"),
        (vec![0x1f, 0x8b, 0, 1, 2], "broken.gz"),
    ] {
        let res = env.upload(&token, "0", &bytes, name, &[]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let body = json_of(res).await;
        assert_eq!(body["status"], 422);
        assert!(body["error"].is_string());
    }
    // No multipart file part.
    let res = http()
        .post(env.url("/api/v1/athlete/0/activities"))
        .bearer_auth(&token)
        .multipart(Form::new().text("name", "x"))
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // What arrived, exactly once each.
    let stored = env
        .control("GET", &format!("activities/{ALEX}"), json!({}))
        .await;
    let stored = stored.as_array().expect("array");
    assert_eq!(stored.len(), 7);
    let ride = &stored[0];
    assert_eq!(ride["id"], id.as_str());
    assert_eq!(ride["external_id"], "ext-1");
    assert_eq!(ride["name"], "Lunch loop");
    assert_eq!(ride["file_type"], "fit");
    assert_eq!(ride["start_date_local"], "2024-05-01T06:30:00");
    assert_eq!(ride["paired_event_id"], 1002);
    assert_eq!(ride["device_name"], "Garmin Edge 540");
    assert_eq!(ride["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(stored[2]["type"], "Run");
    assert_eq!(stored[2]["name"], "Morning Run");
    assert_eq!(stored[3]["name"], "Evening spin");
    assert_eq!(stored[4]["compression"], "gz");
    assert_eq!(stored[5]["compression"], "zip");
    assert_eq!(stored[5]["file_type"], "gpx");

    // Dedupe is per athlete: Sam may upload the same bytes.
    let sam = env.connect(SAM, "ACTIVITY:WRITE").await;
    let res = env.upload(&sam, SAM, &fit, "ride.fit", &[]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_ne!(json_of(res).await["id"], id.as_str());

    // Authentication and scopes.
    let reader = env.connect(ALEX, "ACTIVITY:READ").await;
    let res = env.upload(&reader, "0", &fit, "ride.fit", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = env.upload(&token, SAM, &fit, "ride.fit", &[]).await;
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "token replaced by the READ grant"
    );
    let stats = env.control("GET", "stats", json!({})).await;
    assert_eq!(stats["uploads"], 9);
}

#[tokio::test]
async fn upload_size_cap_is_413() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:WRITE").await;
    let settings = env
        .control("POST", "settings", json!({"max_upload_bytes": 2000}))
        .await;
    assert_eq!(settings["max_upload_bytes"], 2000);
    let big = gpx(&[("x", "2024-05-03T18:00:00Z", "2024-05-03T18:30:00Z")]).repeat(8);
    assert!(big.len() > 2000);
    let res = env
        .upload(&token, "0", big.as_bytes(), "big.gpx", &[])
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(json_of(res).await["status"], 413);
    // A compressed file that inflates far beyond the cap is refused as well.
    let bomb = gz(&vec![b' '; 200_000]);
    assert!(bomb.len() < 2000);
    let res = env.upload(&token, "0", &bomb, "bomb.gz", &[]).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let small = tiny_fit(FIT_2024_05_01_0630, 9, 14);
    let res = env.upload(&token, "0", &small, "ok.fit", &[]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn multisport_files_split() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:WRITE").await;
    let tri = tcx(&[
        ("Running", "2024-06-01T07:00:00Z"),
        ("Biking", "2024-06-01T07:30:00Z"),
        ("Running", "2024-06-01T09:00:00Z"),
    ]);
    let res = env
        .upload(
            &token,
            "0",
            tri.as_bytes(),
            "tri.tcx",
            &[("external_id", "tri")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body = json_of(res).await;
    let split = ids(&body);
    assert_eq!(split.len(), 3);
    assert_eq!(body["id"], split[0].as_str());
    let res = env
        .upload(&token, "0", tri.as_bytes(), "tri.tcx", &[])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(ids(&json_of(res).await), split);

    let two = gpx(&[
        ("Out", "2024-06-02T07:00:00Z", "2024-06-02T08:00:00Z"),
        ("Back", "2024-06-02T12:00:00Z", "2024-06-02T13:00:00Z"),
    ]);
    let res = env
        .upload(&token, "0", two.as_bytes(), "two.gpx", &[])
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(ids(&json_of(res).await).len(), 2);

    let stored = env
        .control("GET", &format!("activities/{ALEX}"), json!({}))
        .await;
    let types: Vec<&str> = stored
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["type"].as_str().expect("type"))
        .collect();
    assert_eq!(types, ["Run", "Ride", "Run", "Ride", "Ride"]);
    assert_eq!(stored[1]["start_date_local"], "2024-06-01T07:30:00");
    assert_eq!(stored[4]["name"], "Back");
    assert_eq!(stored[4]["start_date_local"], "2024-06-02T12:00:00");
    assert!(stored
        .as_array()
        .expect("array")
        .iter()
        .take(3)
        .all(|a| a["external_id"] == "tri"));
}

#[tokio::test]
async fn lists_activities_by_window() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:WRITE").await;
    for (i, day) in ["2024-05-01", "2024-05-02", "2024-05-03"]
        .iter()
        .enumerate()
    {
        let file = tcx(&[("Biking", &format!("{day}T10:00:00Z"))]);
        let ext = format!("e{i}");
        let res = env
            .upload(
                &token,
                "0",
                file.as_bytes(),
                "r.tcx",
                &[("external_id", &ext)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }

    let res = env.get(&token, "/api/v1/athlete/0/activities").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json_of(res).await["status"], 422);
    let res = env
        .get(&token, "/api/v1/athlete/0/activities?oldest=yesterday")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A date-only `newest` includes that whole day; newest first.
    let list = json_of(
        env.get(
            &token,
            "/api/v1/athlete/0/activities?oldest=2024-05-01T12:00:00&newest=2024-05-03",
        )
        .await,
    )
    .await;
    let ext: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["external_id"].as_str().expect("external_id"))
        .collect();
    assert_eq!(ext, ["e2", "e1"]);
    let a = &list[0];
    assert_eq!(a["icu_athlete_id"], ALEX);
    assert_eq!(a["start_date_local"], "2024-05-03T10:00:00");
    assert_eq!(a["type"], "Ride");
    assert_eq!(a["source"], "UPLOAD");
    assert_eq!(a["distance"], 12000.0);
    assert_eq!(a["moving_time"], 1800);
    assert!(a["icu_training_load"].as_u64().expect("load") > 0);
    assert!(a.get("name").is_some() && a.get("description").is_some());

    let limited = json_of(
        env.get(
            &token,
            "/api/v1/athlete/0/activities?oldest=2024-01-01&newest=2024-12-31&limit=1&fields=id,external_id,description",
        )
        .await,
    )
    .await;
    assert_eq!(limited.as_array().map(Vec::len), Some(1));
    let only = limited[0].as_object().expect("object");
    // `fields` keeps only the named keys and drops nulls (description is null).
    let mut keys: Vec<&str> = only.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["external_id", "id"]);

    // Strava stubs within the last 30 days, `newest` defaulting to now.
    let since = (Utc::now() - Days::days(30)).format("%Y-%m-%d").to_string();
    let recent = json_of(
        env.get(
            &token,
            &format!("/api/v1/athlete/{ALEX}/activities?oldest={since}"),
        )
        .await,
    )
    .await;
    let recent = recent.as_array().expect("array");
    assert_eq!(recent.len(), 2);
    for stub in recent {
        let mut keys: Vec<&str> = stub
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "_note",
                "icu_athlete_id",
                "id",
                "source",
                "start_date_local"
            ]
        );
        assert_eq!(stub["source"], "STRAVA");
    }
    assert!(recent[0]["start_date_local"].as_str() > recent[1]["start_date_local"].as_str());

    // Another athlete's list is forbidden; their own has only their stubs.
    let res = env
        .get(
            &token,
            &format!("/api/v1/athlete/{SAM}/activities?oldest=2020-01-01"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let sam = env.connect(SAM, "ACTIVITY:READ").await;
    let theirs = json_of(
        env.get(&sam, "/api/v1/athlete/0/activities?oldest=2020-01-01")
            .await,
    )
    .await;
    assert_eq!(theirs.as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn serves_original_and_generated_files() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:WRITE").await;
    let plain = tcx(&[("Biking", "2024-05-04T08:00:00Z")]).into_bytes();
    let packed = gz(&tiny_fit(FIT_2024_05_01_0630, 5, 14));
    let zip = zipped(
        "a.gpx",
        gpx(&[("Z", "2024-05-05T09:00:00Z", "2024-05-05T10:00:00Z")]).as_bytes(),
    );
    let mut ids_by_file = Vec::new();
    for (bytes, name) in [(&plain, "a.tcx"), (&packed, "a.fit.gz"), (&zip, "a.zip")] {
        let res = env.upload(&token, "0", bytes, name, &[]).await;
        ids_by_file.push(json_of(res).await["id"].as_str().expect("id").to_owned());
    }

    // A plain upload comes back gzip-compressed; compressed uploads come back as they were.
    let res = env
        .get(&token, &format!("/api/v1/activity/{}/file", ids_by_file[0]))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/octet-stream");
    assert!(res.headers().get("content-encoding").is_none());
    let body = res.bytes().await.expect("bytes");
    assert_eq!(&body[..2], &[0x1f, 0x8b]);
    assert_eq!(gunzip(&body), plain);
    for (i, original) in [(1, &packed), (2, &zip)] {
        let res = env
            .get(&token, &format!("/api/v1/activity/{}/file", ids_by_file[i]))
            .await;
        assert_eq!(
            res.bytes().await.expect("bytes").as_ref(),
            original.as_slice()
        );
    }

    // The generated FIT: header, CRCs, file type activity, same bytes every time.
    let path = format!("/api/v1/activity/{}/fit-file", ids_by_file[0]);
    let res = env.get(&token, &path).await;
    assert_eq!(res.status(), StatusCode::OK);
    let fit = res.bytes().await.expect("bytes");
    check_fit(&fit);
    assert_eq!(fit_file_type(&fit), 4);
    let again = env.get(&token, &path).await.bytes().await.expect("bytes");
    assert_eq!(fit, again);
    // It is itself a valid upload for another athlete.
    let sam = env.connect(SAM, "ACTIVITY:WRITE").await;
    let res = env.upload(&sam, "0", &fit, "gen.fit", &[]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let stored = env
        .control("GET", &format!("activities/{SAM}"), json!({}))
        .await;
    assert_eq!(stored[0]["start_date_local"], "2024-05-04T08:00:00");

    // Not yours, unknown, Strava.
    let res = env
        .get(&sam, &format!("/api/v1/activity/{}/file", ids_by_file[0]))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(json_of(res).await["status"], 404);
    let res = env.get(&token, "/api/v1/activity/i1/fit-file").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let since = (Utc::now() - Days::days(30)).format("%Y-%m-%d").to_string();
    let list = json_of(
        env.get(
            &token,
            &format!("/api/v1/athlete/0/activities?oldest={since}"),
        )
        .await,
    )
    .await;
    let strava = list[0]["id"].as_str().expect("id").to_owned();
    for suffix in ["file", "fit-file"] {
        let res = env
            .get(&token, &format!("/api/v1/activity/{strava}/{suffix}"))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{suffix}");
        let body = json_of(res).await;
        assert_eq!(body["status"], 422);
        assert!(body["error"].as_str().expect("error").contains("STRAVA"));
    }
    let one = json_of(
        env.get(&token, &format!("/api/v1/activity/{}", ids_by_file[2]))
            .await,
    )
    .await;
    assert_eq!(one["file_type"], "gpx");
}

#[tokio::test]
async fn planned_workouts_and_their_files() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "CALENDAR:READ").await;
    let today = Utc::now().date_naive();
    let day = |offset: i64| {
        (today + Days::days(offset))
            .format("%Y-%m-%dT00:00:00")
            .to_string()
    };

    // Defaults: today … today+6, every category.
    let list = json_of(env.get(&token, "/api/v1/athlete/0/events").await).await;
    let list = list.as_array().expect("array");
    let got: Vec<(i64, &str, &str)> = list
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().expect("id"),
                e["category"].as_str().expect("category"),
                e["start_date_local"].as_str().expect("date"),
            )
        })
        .collect();
    let (d0, d1, d3, d5) = (day(0), day(1), day(3), day(5));
    assert_eq!(
        got,
        [
            (1002, "WORKOUT", d0.as_str()),
            (1003, "NOTE", d1.as_str()),
            (1004, "WORKOUT", d3.as_str()),
            (1005, "WORKOUT", d5.as_str()),
        ]
    );
    let e = &list[0];
    assert_eq!(e["type"], "Ride");
    assert_eq!(e["name"], "Sweet Spot 3x12");
    assert!(e["external_id"].is_null() && e["oauth_client_id"].is_null());
    let doc = &e["workout_doc"];
    assert_eq!(doc["target"], "POWER");
    assert_eq!(doc["steps"][0]["warmup"], true);
    assert_eq!(doc["steps"][0]["ramp"], true);
    assert_eq!(
        doc["steps"][0]["power"],
        json!({"start": 45.0, "end": 75.0, "units": "%ftp"})
    );
    assert_eq!(doc["steps"][1]["reps"], 3);
    assert_eq!(doc["steps"][1]["steps"][0]["duration"], 720);
    assert_eq!(
        doc["steps"][1]["steps"][0]["power"],
        json!({"value": 90.0, "units": "%ftp"})
    );
    assert_eq!(
        doc["steps"][1]["steps"][0]["cadence"],
        json!({"value": 90, "units": "rpm"})
    );
    assert!(doc["steps"][1]["steps"][0].get("_power").is_none());
    assert_eq!(doc["steps"][2]["cooldown"], true);
    assert!(e.get("workout_file_base64").is_none());
    assert!(list[1].get("workout_doc").is_none());

    // The wider window, `.json`, a category filter and a limit.
    let url = format!(
        "/api/v1/athlete/{ALEX}/events.json?oldest={}&newest={}&category=WORKOUT",
        (today - Days::days(2)).format("%Y-%m-%d"),
        (today + Days::days(10)).format("%Y-%m-%d"),
    );
    let wide = json_of(env.get(&token, &url).await).await;
    let wide_ids: Vec<i64> = wide
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(wide_ids, [1001, 1002, 1004, 1005, 1006]);
    let limited = json_of(env.get(&token, &format!("{url}&limit=2")).await).await;
    assert_eq!(limited.as_array().map(Vec::len), Some(2));
    let run = &wide[2];
    assert_eq!(run["type"], "Run");
    assert_eq!(run["workout_doc"]["target"], "PACE");

    // resolve=true adds watts next to each %ftp target.
    let resolved = json_of(
        env.get(
            &token,
            "/api/v1/athlete/0/events?category=WORKOUT&resolve=true",
        )
        .await,
    )
    .await;
    let doc = &resolved[0]["workout_doc"];
    assert_eq!(doc["steps"][0]["_power"], json!({"start": 113, "end": 188}));
    assert_eq!(doc["steps"][1]["steps"][0]["_power"], json!({"value": 225}));
    assert_eq!(doc["steps"][1]["steps"][1]["_power"], json!({"value": 138}));
    assert_eq!(doc["ftp"], 250);
    assert!(resolved[1]["workout_doc"]["steps"][0]["_pace"]["start"].is_number());

    // ext= and /download give the same bytes.
    for ext in ["zwo", "mrc", "erg", "fit"] {
        let listed = json_of(
            env.get(
                &token,
                &format!("/api/v1/athlete/0/events?category=WORKOUT&ext={ext}"),
            )
            .await,
        )
        .await;
        let e = &listed[0];
        assert_eq!(e["workout_filename"], format!("Sweet Spot 3x12.{ext}"));
        let from_list = base64::engine::general_purpose::STANDARD
            .decode(e["workout_file_base64"].as_str().expect("base64"))
            .expect("decode");
        let res = env
            .get(
                &token,
                &format!("/api/v1/athlete/0/events/1002/download.{ext}"),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{ext}");
        assert_eq!(
            res.headers()["content-disposition"],
            format!("attachment; filename=\"Sweet Spot 3x12.{ext}\"").as_str()
        );
        let downloaded = res.bytes().await.expect("bytes");
        assert_eq!(downloaded.as_ref(), from_list.as_slice(), "{ext}");
        match ext {
            "zwo" => {
                let xml = String::from_utf8(from_list).expect("utf8");
                for needle in [
                    "<workout_file>",
                    "<author>",
                    "<name>Sweet Spot 3x12</name>",
                    "<description>",
                    "<sportType>bike</sportType>",
                    "<Warmup Duration=\"900\" PowerLow=\"0.45\" PowerHigh=\"0.75\"",
                    "<IntervalsT Repeat=\"3\" OnDuration=\"720\" OffDuration=\"300\" OnPower=\"0.90\" OffPower=\"0.55\"",
                    "<Cooldown Duration=\"600\" PowerLow=\"0.65\" PowerHigh=\"0.45\"",
                    "</workout_file>",
                ] {
                    assert!(xml.contains(needle), "{needle} in {xml}");
                }
            }
            "mrc" | "erg" => {
                let text = String::from_utf8(from_list).expect("utf8");
                assert!(text.starts_with("[COURSE HEADER]"));
                assert!(text.contains("[COURSE DATA]") && text.contains("[END COURSE DATA]"));
                if ext == "mrc" {
                    assert!(text.contains("MINUTES PERCENT"));
                    assert!(text.contains("0.00\t45\n15.00\t75\n15.00\t90\n27.00\t90\n"));
                } else {
                    assert!(text.contains("MINUTES WATTS"));
                    assert!(text.contains("15.00\t225\n27.00\t225\n"));
                }
            }
            _ => {
                check_fit(&from_list);
                assert_eq!(fit_file_type(&from_list), 5);
            }
        }
    }
    // The NOTE carries no file; a run cannot be ERG.
    let listed = json_of(env.get(&token, "/api/v1/athlete/0/events?ext=erg").await).await;
    assert!(listed[1].get("workout_file_base64").is_none());
    assert!(listed[2].get("workout_file_base64").is_none());
    let zwo_run = env
        .get(&token, "/api/v1/athlete/0/events/1004/download.zwo")
        .await;
    assert!(zwo_run
        .text()
        .await
        .expect("text")
        .contains("<sportType>run</sportType>"));

    // Unknown or foreign events, bad formats, missing scope.
    for (path, status) in [
        ("/api/v1/athlete/0/events/9999/download.zwo", 404),
        ("/api/v1/athlete/0/events/2002/download.zwo", 404),
        ("/api/v1/athlete/0/events/1002/download.pdf", 422),
        ("/api/v1/athlete/0/events/1003/download.zwo", 422),
        ("/api/v1/athlete/0/events?ext=pdf", 422),
        ("/api/v1/athlete/2049151/events", 403),
    ] {
        let res = env.get(&token, path).await;
        assert_eq!(res.status().as_u16(), status, "{path}");
        assert_eq!(json_of(res).await["status"], status);
    }
    let single = json_of(env.get(&token, "/api/v1/athlete/0/events/1006").await).await;
    assert_eq!(single["name"], "Recovery Spin");
    let no_calendar = env.connect(SAM, "ACTIVITY:READ").await;
    let res = env.get(&no_calendar, "/api/v1/athlete/0/events").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let sam = env.connect(SAM, "CALENDAR:READ").await;
    let theirs = json_of(env.get(&sam, "/api/v1/athlete/0/events").await).await;
    assert_eq!(theirs[0]["id"], 2002);
}

#[tokio::test]
async fn faults_before_and_after() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:WRITE").await;
    let defaults = env.control("GET", "faults", json!({})).await;
    assert_eq!(defaults["error_rate"], 0.0);
    assert_eq!(defaults["fail_next"], 0);

    // Before: the upload is not stored.
    let set = env
        .control(
            "POST",
            "faults",
            json!({"error_rate": 1.0, "error_status": 503, "phase": "before", "paths": "/api/v1"}),
        )
        .await;
    assert_eq!(set["paths"], json!(["/api/v1"]));
    let fit = tiny_fit(FIT_2024_05_01_0630, 7, 14);
    let res = env
        .upload(&token, "0", &fit, "a.fit", &[("external_id", "x1")])
        .await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.headers().get("retry-after").is_none());
    assert_eq!(
        json_of(res).await,
        json!({"status": 503, "error": "Service Unavailable"})
    );
    let stored = env
        .control("GET", &format!("activities/{ALEX}"), json!({}))
        .await;
    assert_eq!(stored.as_array().map(Vec::len), Some(0));

    // After: stored, but the answer is lost; the retry is a 200 duplicate with the same id.
    env.control(
        "POST",
        "faults",
        json!({"error_rate": 1.0, "error_status": 502, "phase": "after"}),
    )
    .await;
    let res = env
        .upload(&token, "0", &fit, "a.fit", &[("external_id", "x1")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(json_of(res).await["status"], 502);
    let stored = env
        .control("GET", &format!("activities/{ALEX}"), json!({}))
        .await;
    assert_eq!(stored.as_array().map(Vec::len), Some(1));
    let reset = env.control("DELETE", "faults", json!({})).await;
    assert_eq!(reset["error_rate"], 0.0);
    let res = env
        .upload(&token, "0", &fit, "a.fit", &[("external_id", "x1")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(json_of(res).await["id"], stored[0]["id"]);
    let stored = env
        .control("GET", &format!("activities/{ALEX}"), json!({}))
        .await;
    assert_eq!(stored.as_array().map(Vec::len), Some(1));

    // Faults reach the token endpoint too unless `paths` says otherwise.
    env.control("POST", "faults", json!({"fail_next": 1})).await;
    let res = http()
        .post(env.url("/api/oauth/token"))
        .form(&[
            ("client_id", CLIENT),
            ("client_secret", SECRET),
            ("code", "x"),
        ])
        .send()
        .await
        .expect("token");
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);

    // Every request, faulted or not, is in the log.
    let log = env.control("GET", "requests", json!({})).await;
    let statuses: Vec<u64> = log
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["path"] == "/api/v1/athlete/0/activities")
        .map(|e| e["status"].as_u64().expect("status"))
        .collect();
    assert_eq!(statuses, [503, 502, 200]);
    let stats = env.control("GET", "stats", json!({})).await;
    assert_eq!(stats["faults_injected"], 3);
    assert_eq!(stats["uploads"], 2, "the before-phase upload never ran");
}

/// With a seed, `error_rate` fails the same requests on every run: a test under faults is
/// repeatable.
#[tokio::test]
async fn seeded_faults_repeat_exactly() {
    async fn statuses(env: &Env, token: &str, faults: Value) -> Vec<u16> {
        let set = env.control("POST", "faults", faults).await;
        assert_eq!(set["seed"], 7);
        let mut out = Vec::new();
        for _ in 0..16 {
            out.push(env.get(token, "/api/v1/athlete/0").await.status().as_u16());
        }
        out
    }
    let faults = json!({"error_rate": 0.5, "seed": 7, "paths": "/api/v1/athlete/0"});
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:READ").await;
    let first = statuses(&env, &token, faults.clone()).await;
    assert!(
        first.contains(&200) && first.contains(&503),
        "half of them fail: {first:?}"
    );
    // Posting the faults again starts the seeded draws afresh.
    assert_eq!(statuses(&env, &token, faults.clone()).await, first);
    // So does another sandbox.
    let other = Env::start(false).await;
    let token = other.connect(ALEX, "ACTIVITY:READ").await;
    assert_eq!(statuses(&other, &token, faults).await, first);
    // `fail_next` comes first and draws nothing.
    let with_next = statuses(
        &other,
        &token,
        json!({"error_rate": 0.5, "seed": 7, "paths": "/api/v1/athlete/0", "fail_next": 2}),
    )
    .await;
    assert_eq!(with_next[..2], [503, 503]);
    assert_eq!(with_next[2..], first[..14]);
    let stats = other.control("GET", "stats", json!({})).await;
    let failed = |s: &[u16]| s.iter().filter(|c| **c == 503).count();
    assert_eq!(
        stats["faults_injected"],
        failed(&first) + failed(&with_next)
    );
    // Without a seed the draws are random again.
    let reset = other.control("DELETE", "faults", json!({})).await;
    assert_eq!(reset["seed"], Value::Null);
}

#[tokio::test]
async fn fail_next_retry_after_and_latency() {
    let env = Env::start(false).await;
    let token = env.connect(ALEX, "ACTIVITY:READ").await;
    env.control(
        "POST",
        "faults",
        json!({"fail_next": 2, "error_status": 429, "retry_after_secs": 7, "methods": "GET"}),
    )
    .await;
    for _ in 0..2 {
        let res = env.get(&token, "/api/v1/athlete/0").await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()["retry-after"], "7");
        assert_eq!(
            json_of(res).await,
            json!({"status": 429, "error": "Too many requests"})
        );
    }
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0").await.status(),
        StatusCode::OK
    );
    let left = env.control("GET", "faults", json!({})).await;
    assert_eq!(left["fail_next"], 0);

    // Faults only hit the configured paths.
    env.control(
        "POST",
        "faults",
        json!({"fail_next": 1, "paths": ["/api/v1/athlete/0/events"]}),
    )
    .await;
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0/events").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );

    // Latency delays every answer.
    env.control("POST", "faults", json!({"latency_ms": 300}))
        .await;
    let t = Instant::now();
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0").await.status(),
        StatusCode::OK
    );
    assert!(t.elapsed() >= Duration::from_millis(300));

    // Bad switches are refused.
    for body in [
        json!({"error_rate": 2}),
        json!({"error_status": 200}),
        json!({"phase": "during"}),
        json!({"nonsense": 1}),
    ] {
        let res = http()
            .post(env.url("/_sandbox/faults"))
            .json(&body)
            .send()
            .await
            .expect("faults");
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body}");
    }
}

#[tokio::test]
async fn rate_limiter_answers_429_without_retry_after() {
    let env = Env::start(true).await;
    let token = env.connect(ALEX, "ACTIVITY:READ").await;
    let settings = env
        .control(
            "POST",
            "settings",
            json!({"rate_limit_per_sec": 1, "rate_limit_burst": 3}),
        )
        .await;
    assert_eq!(settings["rate_limit_burst"], 3.0);
    env.control("DELETE", "stats", json!({})).await;
    // One client, so the five requests share a connection and take far less than the second
    // that refills a token, even on a loaded machine.
    let client = http();
    let url = env.url("/api/v1/athlete/0");
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let res = client
            .get(&url)
            .bearer_auth(&token)
            .send()
            .await
            .expect("get");
        statuses.push(res.status().as_u16());
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(res.headers().get("retry-after").is_none());
            assert!(res.headers().get("x-ratelimit-remaining").is_none());
            assert_eq!(
                json_of(res).await,
                json!({"status": 429, "error": "Too many requests"})
            );
        }
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
    let stats = env.control("GET", "stats", json!({})).await;
    assert_eq!(
        stats,
        json!({"requests": 5, "rate_limited": 2, "faults_injected": 0, "uploads": 0})
    );
    // Control endpoints are not limited, and the bucket refills.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0").await.status(),
        StatusCode::OK
    );

    // The default is Intervals.icu's ~10/s with a burst of 20.
    let env = Env::start(true).await;
    let token = env.connect(ALEX, "ACTIVITY:READ").await;
    // Concurrent on one client, so that even a slow machine sends them well within 2 s.
    let client = http();
    let url = env.url("/api/v1/athlete/0");
    let answers = futures_util::future::join_all(
        (0..40).map(|_| client.get(&url).bearer_auth(&token).send()),
    )
    .await;
    let limited = answers
        .into_iter()
        .map(|r| r.expect("get").status())
        .filter(|s| *s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(limited > 0, "40 quick requests must exceed the burst");
    let stats = env.control("GET", "stats", json!({})).await;
    assert_eq!(stats["rate_limited"], limited);
    env.control("POST", "settings", json!({"rate_limit_per_sec": 0}))
        .await;
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0").await.status(),
        StatusCode::OK
    );
}
