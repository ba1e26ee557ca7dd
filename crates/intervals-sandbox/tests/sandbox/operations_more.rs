//! The operations real client libraries call beyond the bridge's, over real HTTP with an OAuth
//! token: single event create (and upsert on `uid`), delete by range, `workouts.zip`,
//! `PUT /activity/{id}`, `activities.csv`, `activities/{ids}`, sport settings by id (read and
//! change), the athlete profile's sport settings and weight, `wellness.csv` and the CSV upload;
//! each change announced by its webhook.

use std::io::Read;

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

const SCOPE: &str = "ACTIVITY:WRITE,CALENDAR:WRITE,WELLNESS:WRITE,SETTINGS:WRITE";

async fn send(
    env: &Env,
    method: reqwest::Method,
    token: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let req = http().request(method, env.url(path)).bearer_auth(token);
    let req = match body {
        Some(b) => req.json(&b),
        None => req,
    };
    let res = req.send().await.expect("send");
    let status = res.status();
    let text = res.text().await.expect("text");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn start() -> (Env, Receiver, String) {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    env.control(
        "POST",
        "webhooks",
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "s", "batch_window_ms": 20}),
    )
    .await;
    let token = env.connect(CLIENT, ALEX, SCOPE).await;
    (env, rx, token)
}

async fn wait_type(rx: &Receiver, kind: &str) -> Value {
    for _ in 0..250 {
        if let Some(e) = rx.events(CLIENT).into_iter().find(|e| e["type"] == kind) {
            return e;
        }
        settle(20).await;
    }
    panic!("no {kind}: {:?}", types(&rx.events(CLIENT)));
}

#[tokio::test]
async fn single_events_ranges_and_workout_zips() {
    let (env, rx, token) = start().await;
    let post = reqwest::Method::POST;
    let event = json!({"category": "WORKOUT", "type": "Ride", "name": "One", "uid": "u-1",
        "start_date_local": format!("{}T00:00:00", day(2)), "description": "- 20m 70%\n- 10m 95%"});
    let (status, made) = send(
        &env,
        post.clone(),
        &token,
        "/api/v1/athlete/0/events?upsertOnUid=false",
        Some(event.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{made}");
    let id = made["id"].as_i64().expect("id");
    assert_eq!(made["moving_time"], 1800);
    assert_eq!(made["oauth_client_id"], CLIENT);
    let announced = wait_type(&rx, "CALENDAR_UPDATED").await;
    assert_eq!(announced["events"][0]["id"], id);
    // The same uid with upsertOnUid changes that event.
    let mut renamed = event.clone();
    renamed["name"] = json!("One again");
    let (_, again) = send(
        &env,
        post.clone(),
        &token,
        "/api/v1/athlete/0/events?upsertOnUid=true",
        Some(renamed),
    )
    .await;
    assert_eq!(
        (again["id"].as_i64(), &again["name"]),
        (Some(id), &json!("One again"))
    );
    let (status, bad) = send(
        &env,
        post.clone(),
        &token,
        "/api/v1/athlete/0/events?upsertOnUid=false",
        Some(json!({"category": "WORKOUT"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");

    let csv = http()
        .get(env.url(&format!(
            "/api/v1/athlete/0/events.csv?oldest={}&newest={}",
            day(2),
            day(2)
        )))
        .bearer_auth(&token)
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("id,start_date_local,end_date_local,category,type,name"),
        "{csv}"
    );
    assert!(
        lines[1].starts_with(&format!("{id},{}T00:00:00,", day(2))),
        "{csv}"
    );
    assert!(lines[1].contains(",WORKOUT,Ride,One again,"), "{csv}");

    // workouts.zip: the window's structured workouts, one file each.
    let res = http()
        .get(env.url(&format!(
            "/api/v1/athlete/0/workouts.zip?ext=zwo&oldest={}&newest={}",
            day(0),
            day(3)
        )))
        .bearer_auth(&token)
        .send()
        .await
        .expect("zip");
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.expect("bytes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a zip");
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).expect("entry").name().to_owned())
        .collect();
    assert!(
        names.contains(&format!("{} One again.zwo", day(2))),
        "{names:?}"
    );
    assert!(
        names.contains(&format!("{} Sweet Spot 3x12.zwo", day(0))),
        "{names:?}"
    );
    let mut zwo = String::new();
    zip.by_name(&format!("{} One again.zwo", day(2)))
        .expect("ours")
        .read_to_string(&mut zwo)
        .expect("text");
    assert!(zwo.contains("<workout_file>"), "{zwo}");
    let (status, _) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/workouts.zip?ext=zwo",
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "oldest and newest are required"
    );

    // Delete by range: only the categories named, only within the window.
    let note = json!({"category": "NOTE", "name": "Note", "start_date_local": format!("{}T00:00:00", day(2))});
    send(
        &env,
        post,
        &token,
        "/api/v1/athlete/0/events?upsertOnUid=false",
        Some(note),
    )
    .await;
    let path = format!(
        "/api/v1/athlete/0/events?oldest={}&newest={}&category=WORKOUT",
        day(2),
        day(2)
    );
    let (status, deleted) = send(&env, reqwest::Method::DELETE, &token, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{deleted}");
    assert_eq!(deleted["eventsDeleted"], 1);
    let (_, left) = send(
        &env,
        reqwest::Method::GET,
        &token,
        &format!(
            "/api/v1/athlete/0/events?oldest={}&newest={}",
            day(2),
            day(2)
        ),
        None,
    )
    .await;
    let names: Vec<&str> = left
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert_eq!(names, ["Note"]);
    let (status, _) = send(
        &env,
        reqwest::Method::DELETE,
        &token,
        "/api/v1/athlete/0/events?category=NOTE",
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "oldest is required"
    );
}

#[tokio::test]
async fn activity_edits_lists_and_csv() {
    let (env, rx, token) = start().await;
    let res = env
        .upload_tcx(
            &token,
            tcx_laps("2026-11-02T07:00:00Z", &[(600, 150, 120), (600, 250, 150)]),
        )
        .await;
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let put = reqwest::Method::PUT;
    let path = format!("/api/v1/activity/{id}");
    let (status, a) = send(&env, put.clone(), &token, &path, Some(json!({"name": "Renamed", "type": "VirtualRide", "trainer": true, "tags": ["z2"], "icu_ftp": 999}))).await;
    let (_, tags) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/activity-tags",
        None,
    )
    .await;
    assert_eq!(tags, json!(["z2"]));
    assert_eq!(status, StatusCode::OK, "{a}");
    assert_eq!(
        (&a["name"], &a["type"], &a["trainer"], &a["tags"]),
        (
            &json!("Renamed"),
            &json!("VirtualRide"),
            &json!(true),
            &json!(["z2"])
        )
    );
    assert_eq!(a["icu_ftp"], 250, "computed fields do not change");
    let updated = wait_type(&rx, "ACTIVITY_UPDATED").await;
    assert_eq!(updated["activity"]["name"], "Renamed");
    let (status, _) = send(
        &env,
        put.clone(),
        &token,
        &path,
        Some(json!({"type": "Teleport"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = send(
        &env,
        put,
        &token,
        "/api/v1/activity/i1",
        Some(json!({"name": "x"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unknown activity");

    let (_, listed) = send(
        &env,
        reqwest::Method::GET,
        &token,
        &format!("/api/v1/athlete/0/activities/{id},i999,i1?intervals=true"),
        None,
    )
    .await;
    let listed = listed.as_array().expect("list");
    assert_eq!(listed.len(), 1, "unknown ids are left out");
    assert_eq!(listed[0]["name"], "Renamed");
    assert_eq!(
        listed[0]["icu_intervals"]
            .as_array()
            .expect("intervals")
            .len(),
        2
    );
    let (status, body) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/activities/search?q=x",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_IMPLEMENTED);
    assert_eq!(body["operation_id"], "searchForActivities");

    let csv = http()
        .get(env.url("/api/v1/athlete/0/activities.csv"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(&header[..4], ["id", "start_date_local", "type", "name"]);
    let row: Vec<&str> = lines.next().expect("row").split(',').collect();
    assert_eq!(
        &row[..4],
        [id.as_str(), "2026-11-02T07:00:00", "VirtualRide", "Renamed"]
    );
    let hr = header
        .iter()
        .position(|h| *h == "max_heartrate")
        .expect("column");
    assert_eq!(row[hr], "150");
}

#[tokio::test]
async fn sport_settings_by_id_and_the_profile() {
    let (env, rx, token) = start().await;
    let (_, ride) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/sport-settings/1",
        None,
    )
    .await;
    assert_eq!(
        (&ride["ftp"], &ride["types"][0]),
        (&json!(250), &json!("Ride"))
    );
    let (_, run) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/sport-settings/Run",
        None,
    )
    .await;
    assert_eq!(run["id"], 2);
    let (status, _) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/sport-settings/99",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, changed) = send(
        &env,
        reqwest::Method::PUT,
        &token,
        "/api/v1/athlete/0/sport-settings/1?recalcHrZones=true",
        Some(json!({"ftp": 280, "lthr": 160, "types": ["Nope"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(
        (&changed["ftp"], &changed["lthr"], &changed["types"][0]),
        (&json!(280), &json!(160), &json!("Ride"))
    );
    assert_eq!(changed["hr_zones"][3], 160, "zones follow the new LTHR");
    let announced = wait_type(&rx, "SPORT_SETTINGS_UPDATED").await;
    assert_eq!(announced["sportSettings"][0]["ftp"], 280);
    let (_, all) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0/sport-settings",
        None,
    )
    .await;
    assert_eq!(all[0]["ftp"], 280);
    assert_eq!(all[1]["ftp"], 250, "other groups keep theirs");
    let (status, _) = send(
        &env,
        reqwest::Method::PUT,
        &token,
        "/api/v1/athlete/0/sport-settings/1",
        Some(json!({"ftp": "lots"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let (_, me) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0",
        None,
    )
    .await;
    assert_eq!(me["icu_weight"], 70.0, "the default weight");
    assert_eq!(me["sportSettings"][0]["ftp"], 280);
    assert_eq!(me["sportSettings"].as_array().map(Vec::len), Some(3));
    env.put(
        &token,
        "/api/v1/athlete/0/wellness-bulk",
        json!([{"id": day(-1), "weight": 66.5}]),
    )
    .await;
    let (_, me) = send(
        &env,
        reqwest::Method::GET,
        &token,
        "/api/v1/athlete/0",
        None,
    )
    .await;
    assert_eq!(
        (&me["icu_weight"], &me["weight"]),
        (&json!(66.5), &json!(66.5))
    );
}

#[tokio::test]
async fn wellness_as_csv_both_ways() {
    let (env, rx, token) = start().await;
    let csv = format!(
        "date,weight,restingHR,comments\n{},71.2,49,felt good\n{},70.8,,\n",
        day(-2),
        day(-1)
    );
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("wellness.csv"),
    );
    let res = http()
        .post(env.url("/api/v1/athlete/0/wellness"))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<Value>().await.expect("json"),
        json!({"updated": 2})
    );
    let announced = wait_type(&rx, "WELLNESS_UPDATED").await;
    assert_eq!(announced["records"].as_array().map(Vec::len), Some(2));
    let (_, rec) = send(
        &env,
        reqwest::Method::GET,
        &token,
        &format!("/api/v1/athlete/0/wellness/{}", day(-2)),
        None,
    )
    .await;
    assert_eq!(
        (&rec["weight"], &rec["restingHR"], &rec["comments"]),
        (&json!(71.2), &json!(49), &json!("felt good"))
    );

    let text = http()
        .get(env.url(&format!(
            "/api/v1/athlete/0/wellness.csv?oldest={}&newest={}&cols=weight,restingHR",
            day(-3),
            day(0)
        )))
        .bearer_auth(&token)
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "id,weight,restingHR",
            &format!("{},71.2,49", day(-2)),
            &format!("{},70.8,", day(-1))
        ]
    );
    let all = http()
        .get(env.url(&format!(
            "/api/v1/athlete/0/wellness.csv?oldest={}",
            day(-3)
        )))
        .bearer_auth(&token)
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    let header = all.lines().next().expect("header");
    assert!(
        header.starts_with("id,") && header.contains(",ctl,"),
        "{header}"
    );
    let bad = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"date,weight\nyesterday,70\n".to_vec()).file_name("w.csv"),
    );
    let res = http()
        .post(env.url("/api/v1/athlete/0/wellness"))
        .bearer_auth(&token)
        .multipart(bad)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn gpx_files_are_written_from_the_recording() {
    let (env, _rx, token) = start().await;
    let gpx = r#"<?xml version="1.0"?>
<gpx version="1.1" creator="t" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><name>Hills &amp; dales</name><type>running</type><trkseg>
<trkpt lat="46.5" lon="6.6"><ele>400</ele><time>2026-10-01T06:00:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
<trkpt lat="46.51" lon="6.6"><ele>420</ele><time>2026-10-01T06:05:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
<trkpt lat="46.52" lon="6.6"><ele>410</ele><time>2026-10-01T06:10:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
</trkseg></trk></gpx>"#;
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
        http()
            .post(env.url("/api/v1/athlete/0/activities"))
            .bearer_auth(&token)
            .multipart(form)
            .send()
    };
    let res = upload(gpx.as_bytes().to_vec(), "hills.gpx")
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (_, original) = send(
        &env,
        reqwest::Method::GET,
        &token,
        &format!("/api/v1/activity/{id}"),
        None,
    )
    .await;
    assert_eq!(
        (
            &original["max_heartrate"],
            &original["name"],
            &original["type"]
        ),
        (&json!(150), &json!("Hills & dales"), &json!("Run"))
    );
    assert_eq!(original["total_elevation_gain"], 20.0);
    let written = http()
        .get(env.url(&format!("/api/v1/activity/{id}/gpx-file")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("gpx")
        .text()
        .await
        .expect("text");
    assert_eq!(written.matches("<trkpt ").count(), 3, "{written}");
    assert!(written.contains("<gpxtpx:hr>150</gpxtpx:hr>"), "{written}");
    assert!(
        written.contains("<name>Hills &amp; dales</name>"),
        "{written}"
    );
    let without_hr = http()
        .get(env.url(&format!("/api/v1/activity/{id}/gpx-file?hr=false")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("gpx")
        .text()
        .await
        .expect("text");
    assert!(!without_hr.contains("gpxtpx:hr"), "{without_hr}");
    // The written file reads back as the same activity.
    env.control("DELETE", "requests", json!({})).await;
    let res = upload(written.into_bytes(), "again.gpx")
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::CREATED);
    let again = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (_, copy) = send(
        &env,
        reqwest::Method::GET,
        &token,
        &format!("/api/v1/activity/{again}"),
        None,
    )
    .await;
    for key in [
        "distance",
        "elapsed_time",
        "max_heartrate",
        "total_elevation_gain",
        "start_date_local",
    ] {
        assert_eq!(copy[key], original[key], "{key}");
    }
    // Without positions there is nothing to write.
    let res = env
        .upload_tcx(&token, tcx_laps("2026-10-02T07:00:00Z", &[(300, 200, 130)]))
        .await;
    let indoor = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (status, _) = send(
        &env,
        reqwest::Method::GET,
        &token,
        &format!("/api/v1/activity/{indoor}/gpx-file"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}
