//! Part 5 of the sandbox over real HTTP: planned-workout writes (`events/bulk` with upsert per
//! app, `PUT`/`DELETE` one, `bulk-delete`), workouts from text and zwo/mrc/erg/fit files read
//! back through the listing and the downloads, their 422s, sport settings, and one activity's
//! intervals and deletion.

use base64::Engine;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::*;

const BULK: &str =
    "/api/v1/athlete/0/events/bulk?upsert=true&upsertOnUid=false&updatePlanApplied=false";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unb64(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(v.as_str().expect("base64"))
        .expect("decode")
}

async fn post(env: &Env, token: &str, path: &str, body: Value) -> reqwest::Response {
    http()
        .post(env.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post")
}

async fn delete(env: &Env, token: &str, path: &str) -> reqwest::Response {
    http()
        .delete(env.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("delete")
}

async fn json_of(res: reqwest::Response) -> (StatusCode, Value) {
    let status = res.status();
    (status, res.json().await.expect("json"))
}

/// `YYYY-MM-DDT06:00:00` `offset` days from today.
fn at(offset: i64) -> String {
    format!("{}T06:00:00", day(offset))
}

/// Every event of the athlete within today-30 … today+30, with query `extra`.
async fn all_events(env: &Env, token: &str, extra: &str) -> Vec<Value> {
    let url = format!(
        "/api/v1/athlete/0/events?oldest={}&newest={}{extra}",
        day(-30),
        day(30)
    );
    let (status, v) = json_of(env.get(token, &url).await).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    v.as_array().expect("array").clone()
}

fn by_external<'a>(events: &'a [Value], x: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["external_id"] == x).collect()
}

const ZWO: &str = r#"<workout_file>
    <author>Coach</author>
    <name>Zwift Over-Unders</name>
    <description>Over-unders</description>
    <sportType>bike</sportType>
    <workout>
        <Warmup Duration="600" PowerLow="0.50" PowerHigh="0.75"/>
        <IntervalsT Repeat="3" OnDuration="120" OffDuration="60" OnPower="1.05" OffPower="0.90" Cadence="95"/>
        <FreeRide Duration="300"/>
        <Cooldown Duration="300" PowerLow="0.60" PowerHigh="0.40"/>
    </workout>
</workout_file>
"#;

const MRC: &str = "[COURSE HEADER]\nVERSION = 2\nUNITS = ENGLISH\nDESCRIPTION = Ramp and hold\nFILE NAME = Ramp Hold\nMINUTES PERCENT\n[END COURSE HEADER]\n[COURSE DATA]\n0.00\t50\n10.00\t80\n10.00\t95\n20.00\t95\n[END COURSE DATA]\n";

const ERG: &str = "[COURSE HEADER]\nVERSION = 2\nUNITS = ENGLISH\nDESCRIPTION = Watts\nFILE NAME = Erg Watts\nMINUTES WATTS\n[END COURSE HEADER]\n[COURSE DATA]\n0.00\t150\n5.00\t150\n5.00\t300\n6.00\t300\n[END COURSE DATA]\n";

const TEXT: &str = "Short and sharp.\n\nWarmup\n- 10m ramp 50-75% 85rpm\n\nMain set 3x\n- On 5m 90%\n- Off 2m 55%\n\n- Steady 10m 70% LTHR\n- 5m 200w\n- 1m30s 95% Pace";

#[tokio::test]
async fn workouts_from_text_and_files_are_listed_resolved_and_downloaded() {
    let env = Env::start().await;
    let token = env.connect(CLIENT, ALEX, "CALENDAR:WRITE").await;
    // A FIT workout as the sandbox itself writes it, for the seeded Sweet Spot 3x12.
    let res = env
        .get(&token, "/api/v1/athlete/0/events/1002/download.fit")
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let fit = res.bytes().await.expect("bytes").to_vec();

    let items = json!([
        {"external_id": "text-1", "category": "WORKOUT", "type": "Ride", "start_date_local": at(2),
         "name": "Text workout", "description": TEXT},
        {"external_id": "zwo-1", "category": "WORKOUT", "type": "VirtualRide", "start_date_local": at(3),
         "filename": "overunders.zwo", "file_contents_base64": b64(ZWO.as_bytes())},
        {"external_id": "mrc-1", "category": "WORKOUT", "type": "Ride", "start_date_local": at(4),
         "name": "MRC", "filename": "ramp.mrc", "file_contents_base64": b64(MRC.as_bytes())},
        {"external_id": "erg-1", "category": "WORKOUT", "type": "Ride", "start_date_local": at(5),
         "name": "ERG", "filename": "watts.erg", "file_contents_base64": b64(ERG.as_bytes())},
        {"external_id": "fit-1", "category": "WORKOUT", "type": "Ride", "start_date_local": at(6),
         "filename": "sweetspot.fit", "file_contents_base64": b64(&fit)},
        {"external_id": "note-1", "category": "WORKOUT", "type": "Ride", "start_date_local": at(7),
         "name": "Easy", "description": "Ride easy, enjoy the view."},
        {"category": "NOTE", "start_date_local": at(8), "name": "Holiday starts"},
    ]);
    let (status, stored) = json_of(post(&env, &token, BULK, items).await).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    let stored = stored.as_array().expect("array").clone();
    assert_eq!(stored.len(), 7);
    let xs: Vec<&Value> = stored.iter().map(|e| &e["external_id"]).collect();
    assert_eq!(
        xs,
        [
            &json!("text-1"),
            &json!("zwo-1"),
            &json!("mrc-1"),
            &json!("erg-1"),
            &json!("fit-1"),
            &json!("note-1"),
            &Value::Null
        ]
    );
    for e in &stored {
        assert!(e["id"].as_i64().is_some_and(|id| id > 100_000), "{e}");
        assert_eq!(e["oauth_client_id"], CLIENT);
        assert_eq!(e["athlete_id"], ALEX);
    }
    let text = &stored[0];
    assert_eq!(text["start_date_local"], at(2));
    assert_eq!(text["moving_time"], 600 + 3 * 420 + 600 + 300 + 90);
    assert_eq!(text["target"], "POWER");
    assert!(text["icu_training_load"].as_u64().is_some_and(|l| l > 0));
    let doc = &text["workout_doc"];
    assert_eq!(doc["description"], "Short and sharp.");
    assert_eq!(doc["steps"][0]["warmup"], true);
    assert_eq!(doc["steps"][0]["ramp"], true);
    assert_eq!(
        doc["steps"][0]["power"],
        json!({"start": 50.0, "end": 75.0, "units": "%ftp"})
    );
    assert_eq!(
        doc["steps"][0]["cadence"],
        json!({"value": 85, "units": "rpm"})
    );
    assert_eq!(doc["steps"][1]["text"], "Main set");
    assert_eq!(doc["steps"][1]["reps"], 3);
    assert_eq!(doc["steps"][1]["steps"][0]["text"], "On");
    assert_eq!(
        doc["steps"][2]["hr"],
        json!({"value": 70.0, "units": "%lthr"})
    );
    assert_eq!(
        doc["steps"][3]["power"],
        json!({"value": 200.0, "units": "w"})
    );
    assert_eq!(
        doc["steps"][4]["pace"],
        json!({"value": 95.0, "units": "%pace"})
    );
    assert!(doc["steps"][1]["steps"][0].get("_power").is_none());
    assert_eq!(stored[1]["name"], "Zwift Over-Unders");
    assert_eq!(stored[4]["name"], "Sweet Spot 3x12");
    assert!(
        stored[5].get("workout_doc").is_none(),
        "text without steps is a note"
    );
    assert_eq!(stored[5]["description"], "Ride easy, enjoy the view.");
    assert!(stored[6].get("workout_doc").is_none());

    // resolve=true: targets in watts, bpm and m/s from the athlete's sport settings.
    let resolved = all_events(&env, &token, "&resolve=true").await;
    let doc = &by_external(&resolved, "text-1")[0]["workout_doc"];
    assert_eq!(doc["ftp"], 250);
    assert_eq!(doc["steps"][0]["_power"], json!({"start": 125, "end": 188}));
    assert_eq!(doc["steps"][1]["steps"][0]["_power"], json!({"value": 225}));
    assert_eq!(doc["steps"][1]["steps"][1]["_power"], json!({"value": 138}));
    assert_eq!(doc["steps"][2]["_hr"], json!({"value": 119}));
    assert_eq!(doc["steps"][3]["_power"], json!({"value": 200}));
    assert_eq!(doc["steps"][4]["_pace"], json!({"value": 3.519}));
    let zwo_doc = &by_external(&resolved, "zwo-1")[0]["workout_doc"];
    assert_eq!(zwo_doc["steps"][1]["reps"], 3);
    assert_eq!(
        zwo_doc["steps"][1]["steps"][0]["_power"],
        json!({"value": 263})
    );
    assert_eq!(zwo_doc["steps"][1]["steps"][0]["cadence"]["value"], 95);
    assert_eq!(zwo_doc["steps"][2]["freeride"], true);
    assert_eq!(zwo_doc["steps"][3]["cooldown"], true);
    let mrc_doc = &by_external(&resolved, "mrc-1")[0]["workout_doc"];
    assert_eq!(mrc_doc["steps"][0]["ramp"], true);
    assert_eq!(
        mrc_doc["steps"][0]["_power"],
        json!({"start": 125, "end": 200})
    );
    assert_eq!(mrc_doc["steps"][1]["_power"], json!({"value": 238}));
    let erg_doc = &by_external(&resolved, "erg-1")[0]["workout_doc"];
    assert_eq!(erg_doc["steps"][0]["power"]["units"], "w");
    assert_eq!(erg_doc["steps"][1]["_power"], json!({"value": 300}));
    assert_eq!(erg_doc["duration"], 360);
    // The FIT file of a seeded plan reads back as that plan.
    let fit_doc = &by_external(&resolved, "fit-1")[0]["workout_doc"];
    let seeded = &resolved.iter().find(|e| e["id"] == 1002).expect("1002")["workout_doc"];
    assert_eq!(fit_doc["duration"], seeded["duration"]);
    assert_eq!(fit_doc["steps"][1]["reps"], 3);
    for (i, j) in [(1, 0), (1, 1)] {
        assert_eq!(
            fit_doc["steps"][i]["steps"][j]["_power"],
            seeded["steps"][i]["steps"][j]["_power"]
        );
        assert_eq!(
            fit_doc["steps"][i]["steps"][j]["text"],
            seeded["steps"][i]["steps"][j]["text"]
        );
    }

    // ext= and the downloads serve written workouts as they serve seeded ones; ERG holds only
    // power, so the text workout with heart-rate and pace steps has none.
    for ext in ["zwo", "mrc", "erg", "fit"] {
        let listed = all_events(&env, &token, &format!("&category=WORKOUT&ext={ext}")).await;
        let (x, name) = if ext == "erg" {
            ("mrc-1", "MRC")
        } else {
            ("text-1", "Text workout")
        };
        let e = by_external(&listed, x)[0];
        assert_eq!(e["workout_filename"], format!("{name}.{ext}"));
        let from_list = unb64(&e["workout_file_base64"]);
        let id = e["id"].as_i64().expect("id");
        let res = env
            .get(
                &token,
                &format!("/api/v1/athlete/0/events/{id}/download.{ext}"),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{ext}");
        assert_eq!(
            res.headers()["content-disposition"],
            format!("attachment; filename=\"{name}.{ext}\"").as_str()
        );
        assert_eq!(
            res.bytes().await.expect("bytes").as_ref(),
            from_list.as_slice()
        );
        match ext {
            "zwo" => {
                let xml = String::from_utf8(from_list).expect("utf8");
                assert!(xml.contains("<IntervalsT Repeat=\"3\" OnDuration=\"300\" OffDuration=\"120\" OnPower=\"0.90\" OffPower=\"0.55\""), "{xml}");
            }
            "erg" => {
                let text = String::from_utf8(from_list).expect("utf8");
                assert!(
                    text.contains("0.00\t125\n10.00\t200\n10.00\t238\n20.00\t238\n"),
                    "{text}"
                );
                let text_event = by_external(&listed, "text-1")[0];
                assert!(text_event.get("workout_file_base64").is_none());
                let tid = text_event["id"].as_i64().expect("id");
                let res = env
                    .get(
                        &token,
                        &format!("/api/v1/athlete/0/events/{tid}/download.erg"),
                    )
                    .await;
                assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            }
            "fit" => assert_eq!(&from_list[8..12], b".FIT"),
            _ => assert!(String::from_utf8(from_list)
                .expect("utf8")
                .contains("[COURSE DATA]")),
        }
        let zwo_event = by_external(&listed, "zwo-1")[0];
        assert!(zwo_event["workout_file_base64"].is_string(), "{ext}");
    }
    let note = by_external(&resolved, "note-1")[0]["id"]
        .as_i64()
        .expect("id");
    let res = env
        .get(
            &token,
            &format!("/api/v1/athlete/0/events/{note}/download.zwo"),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn upserts_belong_to_their_app() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    env.control(
        "POST",
        "webhooks",
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "s", "batch_window_ms": 50}),
    )
    .await;
    let mine = env.connect(CLIENT, ALEX, "CALENDAR:WRITE").await;
    let theirs = env.connect(OTHER, ALEX, "CALENDAR:WRITE").await;
    let item = |name: &str| {
        json!([{"external_id": "plan-1", "category": "WORKOUT", "type": "Ride",
                "start_date_local": at(1), "name": name, "description": "- 20m 75%"}])
    };

    let (status, first) = json_of(post(&env, &mine, BULK, item("First")).await).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let id = first[0]["id"].as_i64().expect("id");
    let (_, again) = json_of(post(&env, &mine, BULK, item("Renamed")).await).await;
    assert_eq!(
        again[0]["id"], id,
        "same app, same external_id: the same event"
    );
    assert_eq!(again[0]["name"], "Renamed");
    let events = all_events(&env, &mine, "").await;
    let same = by_external(&events, "plan-1");
    assert_eq!(same.len(), 1);
    assert_eq!(same[0]["name"], "Renamed");

    // Another app's event with the same external_id is another event.
    let (_, other) = json_of(post(&env, &theirs, BULK, item("Theirs")).await).await;
    let other_id = other[0]["id"].as_i64().expect("id");
    assert_ne!(other_id, id);
    assert_eq!(other[0]["oauth_client_id"], OTHER);
    assert_eq!(
        by_external(&all_events(&env, &mine, "").await, "plan-1").len(),
        2
    );

    // Without upsert the same external_id makes a new event.
    let no_upsert =
        "/api/v1/athlete/0/events/bulk?upsert=false&upsertOnUid=false&updatePlanApplied=false";
    let (_, extra) = json_of(post(&env, &mine, no_upsert, item("Copy")).await).await;
    let extra_id = extra[0]["id"].as_i64().expect("id");
    assert!(extra_id != id && extra_id != other_id);

    // The webhook names the app and the external_id.
    let got = rx.wait_for(CLIENT, 1, 5).await;
    let events: Vec<Value> = got
        .iter()
        .flat_map(|g| g.body["events"].as_array().cloned().unwrap_or_default())
        .collect();
    let first_update = &events[0];
    assert_eq!(first_update["type"], "CALENDAR_UPDATED");
    assert_eq!(first_update["athlete_id"], ALEX);
    assert_eq!(first_update["events"][0]["external_id"], "plan-1");
    assert_eq!(first_update["events"][0]["oauth_client_id"], CLIENT);
    assert_eq!(first_update["events"][0]["id"], id);
    assert_eq!(first_update["deleted_events"], json!([]));

    // bulk-delete by external_id touches only the caller's events.
    let bulk_delete = "/api/v1/athlete/0/events/bulk-delete";
    let (status, answer) = json_of(
        env.put(
            &theirs,
            bulk_delete,
            json!([{"external_id": "plan-1"}, {"external_id": "nope"}]),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer, json!({"eventsDeleted": 1}));
    let left = all_events(&env, &mine, "").await;
    let ids: Vec<i64> = by_external(&left, "plan-1")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, [id, extra_id]);
    let (_, answer) = json_of(
        env.put(
            &mine,
            bulk_delete,
            json!([{"id": extra_id}, {"id": 999_999}, {"id": 1003}]),
        )
        .await,
    )
    .await;
    assert_eq!(answer, json!({"eventsDeleted": 2}));
    let left = all_events(&env, &mine, "").await;
    assert!(left.iter().all(|e| e["id"] != extra_id && e["id"] != 1003));
    settle(400).await;
    let deletions: Vec<Value> = rx
        .events(CLIENT)
        .into_iter()
        .filter(|e| {
            e["deleted_events"]
                .as_array()
                .is_some_and(|d| !d.is_empty())
        })
        .map(|e| e["deleted_events"].clone())
        .collect();
    // In calendar order: the seeded note is at midnight, the copy at 06:00 the same day.
    assert_eq!(deletions, [json!([other_id]), json!([1003, extra_id])]);

    // PUT changes one event (only the fields given), DELETE removes it.
    let path = format!("/api/v1/athlete/0/events/{id}");
    let (status, changed) = json_of(
        env.put(
            &mine,
            &path,
            json!({"name": "Changed", "description": "- 30m 80%"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["name"], "Changed");
    assert_eq!(changed["external_id"], "plan-1");
    assert_eq!(changed["moving_time"], 1800);
    assert_eq!(changed["workout_doc"]["steps"][0]["power"]["value"], 80.0);
    let (status, _) = json_of(env.put(&mine, &path, json!({"name": "x".repeat(81)})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, gone) = json_of(delete(&env, &mine, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(gone, json!({"eventsDeleted": 1}));
    assert_eq!(env.get(&mine, &path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        delete(&env, &mine, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = env
        .put(
            &mine,
            "/api/v1/athlete/0/events/424242",
            json!({"name": "a"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_writes_are_422_and_store_nothing() {
    let env = Env::start().await;
    let token = env.connect(CLIENT, ALEX, "CALENDAR:WRITE").await;
    let before = all_events(&env, &token, "").await.len();
    let good = json!({"external_id": "ok", "category": "WORKOUT", "type": "Ride",
                      "start_date_local": at(1), "name": "Fine", "description": "- 10m 60%"});
    let with = |k: &str, v: Value| {
        let mut e = good.clone();
        e[k] = v;
        e
    };
    let without = |k: &str| {
        let mut e = good.clone();
        e.as_object_mut().expect("object").remove(k);
        e
    };
    let cases = [
        ("bare date", with("start_date_local", json!(day(1)))),
        (
            "not a date",
            with("start_date_local", json!("next tuesday")),
        ),
        ("no start", without("start_date_local")),
        ("long name", with("name", json!("n".repeat(81)))),
        ("unknown category", with("category", json!("WORKOUTS"))),
        ("workout without type", without("type")),
        (
            "workout_doc on create",
            with("workout_doc", json!({"steps": []})),
        ),
        ("unknown target", with("target", json!("WATTS"))),
        (
            "not base64",
            json!({"category": "WORKOUT", "type": "Ride", "start_date_local": at(1),
                   "filename": "a.zwo", "file_contents_base64": "***not base64***"}),
        ),
        (
            "bad extension",
            json!({"category": "WORKOUT", "type": "Ride", "start_date_local": at(1),
                   "filename": "a.pdf", "file_contents_base64": b64(b"%PDF-1.4")}),
        ),
        (
            "zwo that is not one",
            json!({"category": "WORKOUT", "type": "Ride", "start_date_local": at(1),
                   "filename": "a.zwo", "file_contents_base64": b64(b"hello")}),
        ),
        (
            "fit that is not one",
            json!({"category": "WORKOUT", "type": "Ride", "start_date_local": at(1),
                   "filename": "a.fit", "file_contents_base64": b64(ZWO.as_bytes())}),
        ),
        (
            "mrc that is not one",
            json!({"category": "WORKOUT", "type": "Ride", "start_date_local": at(1),
                   "filename": "a.mrc", "file_contents_base64": b64(b"[COURSE DATA]\nfast slow\n")}),
        ),
        ("not an object", json!("event")),
    ];
    for (what, bad) in cases {
        // The good item first: nothing of the batch may be stored.
        let res = post(&env, &token, BULK, json!([good, bad])).await;
        let (status, body) = json_of(res).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {body}");
        assert_eq!(body["status"], 422, "{what}");
        assert!(
            body["error"]
                .as_str()
                .is_some_and(|e| e.starts_with("events[1]")),
            "{what}: {body}"
        );
    }
    let (status, _) = json_of(post(&env, &token, BULK, json!({"not": "an array"})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(all_events(&env, &token, "").await.len(), before);
    let stored = env
        .control("GET", &format!("calendar/{ALEX}"), json!({}))
        .await;
    assert!(stored
        .as_array()
        .expect("array")
        .iter()
        .all(|e| e["external_id"].is_null()));

    // Known categories other than WORKOUT need no type.
    for category in ["NOTE", "RACE_A", "RACE_B", "RACE_C", "HOLIDAY", "SICK"] {
        let item = json!([{"category": category, "start_date_local": at(2), "name": category}]);
        let res = post(&env, &token, BULK, item).await;
        assert_eq!(res.status(), StatusCode::OK, "{category}");
    }

    // Scope, athlete and method.
    let reader = env.connect(OTHER, ALEX, "CALENDAR:READ").await;
    for res in [
        post(&env, &reader, BULK, json!([good])).await,
        env.put(
            &reader,
            "/api/v1/athlete/0/events/bulk-delete",
            json!([{"id": 1002}]),
        )
        .await,
        env.put(
            &reader,
            "/api/v1/athlete/0/events/1002",
            json!({"name": "x"}),
        )
        .await,
        delete(&env, &reader, "/api/v1/athlete/0/events/1002").await,
        post(
            &env,
            &token,
            &format!("/api/v1/athlete/{SAM}/events/bulk?upsert=true"),
            json!([good]),
        )
        .await,
    ] {
        let (status, body) = json_of(res).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert_eq!(body["status"], 403);
    }
    let res = env.get(&token, "/api/v1/athlete/0/events/bulk").await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["path"], "/api/v1/athlete/0/events/bulk");
    let res = http()
        .post(env.url(BULK))
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body("[]")
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // Every write is in the request log like any other /api call.
    let log = env.control("GET", "requests", json!({})).await;
    assert!(log
        .as_array()
        .expect("log")
        .iter()
        .any(|r| r["method"] == "PUT" && r["path"] == "/api/v1/athlete/0/events/bulk-delete"));
}

#[tokio::test]
async fn sport_settings_match_what_workouts_resolve_with() {
    let env = Env::start().await;
    let token = env
        .connect(CLIENT, ALEX, "SETTINGS:READ,CALENDAR:READ")
        .await;
    let (status, settings) =
        json_of(env.get(&token, "/api/v1/athlete/0/sport-settings").await).await;
    assert_eq!(status, StatusCode::OK, "{settings}");
    let settings = settings.as_array().expect("array").clone();
    assert_eq!(settings.len(), 3);
    let group = |sport: &str| {
        settings
            .iter()
            .find(|s| {
                s["types"]
                    .as_array()
                    .is_some_and(|t| t.contains(&json!(sport)))
            })
            .unwrap_or_else(|| panic!("{sport}"))
            .clone()
    };
    let ride = group("Ride");
    assert_eq!(ride, group("VirtualRide"));
    assert_eq!(ride["athlete_id"], ALEX);
    let run = group("Run");
    assert_eq!(run, group("VirtualRun"));
    let swim = group("Swim");
    for s in &settings {
        for key in [
            "id",
            "ftp",
            "indoor_ftp",
            "lthr",
            "max_hr",
            "threshold_pace",
            "pace_units",
            "power_zones",
            "power_zone_names",
            "hr_zones",
            "hr_zone_names",
            "pace_zones",
            "pace_zone_names",
        ] {
            assert!(s.get(key).is_some_and(|v| !v.is_null()), "{key} in {s}");
        }
        assert_eq!(
            s["hr_zones"].as_array().map(Vec::len),
            s["hr_zone_names"].as_array().map(Vec::len)
        );
    }
    assert_ne!(swim["threshold_pace"], run["threshold_pace"]);
    assert_eq!(swim["pace_units"], "SECS_100M");
    // The seeded workouts resolve with exactly these numbers.
    let events = all_events(&env, &token, "&category=WORKOUT&resolve=true").await;
    for e in &events {
        let doc = &e["workout_doc"];
        let s = group(e["type"].as_str().expect("type"));
        for key in ["ftp", "lthr", "max_hr", "threshold_pace"] {
            assert_eq!(doc[key], s[key], "{key} of {}", e["name"]);
        }
    }
    let no_scope = env.connect(OTHER, ALEX, "CALENDAR:READ").await;
    let res = env.get(&no_scope, "/api/v1/athlete/0/sport-settings").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = env
        .get(&token, &format!("/api/v1/athlete/{SAM}/sport-settings"))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn activity_intervals_and_delete() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    env.control(
        "POST",
        "webhooks",
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "s", "batch_window_ms": 50}),
    )
    .await;
    let token = env.connect(CLIENT, ALEX, "ACTIVITY:WRITE").await;
    // Three laps: ten easy minutes, five hard, ten easy; a point every five seconds.
    let laps = [(600, 150, 120), (300, 300, 165), (600, 140, 125)];
    let file = tcx_laps("2026-11-01T07:00:00Z", &laps);
    let res = env.upload_tcx(&token, file.clone()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/api/v1/activity/{id}");

    let (_, plain) = json_of(env.get(&token, &path).await).await;
    assert!(plain.get("icu_intervals").is_none());
    // The summary's figures are the file's.
    assert_eq!(plain["elapsed_time"], 1500);
    assert_eq!(plain["max_heartrate"], 165);
    assert_eq!(plain["icu_average_watts"], 176);
    assert_eq!(plain["calories"], 321, "the file states its calories");
    assert_eq!(plain["average_cadence"], 88.0);
    assert_eq!(plain["icu_lap_count"], 3);
    assert!(plain["total_elevation_gain"].as_f64().expect("gain") > 10.0);
    let hr = plain["average_heartrate"].as_u64().expect("hr");
    assert!((125..=132).contains(&hr), "{hr}");
    assert!(plain["icu_weighted_avg_watts"].as_u64().expect("np") > 176);
    let (status, detail) = json_of(env.get(&token, &format!("{path}?intervals=true")).await).await;
    assert_eq!(status, StatusCode::OK);
    let intervals = detail["icu_intervals"].as_array().expect("intervals");
    let kinds: Vec<&str> = intervals
        .iter()
        .map(|i| i["type"].as_str().expect("type"))
        .collect();
    assert_eq!(kinds, ["RECOVERY", "WORK", "RECOVERY"], "the file's laps");
    let bounds: Vec<(u64, u64)> = intervals
        .iter()
        .map(|i| {
            (
                i["start_index"].as_u64().expect("start"),
                i["end_index"].as_u64().expect("end"),
            )
        })
        .collect();
    assert_eq!(bounds, [(0, 600), (600, 900), (900, 1500)]);
    for (interval, (_, watts, bpm)) in intervals.iter().zip(laps) {
        assert_eq!(interval["average_watts"], watts, "{interval}");
        assert_eq!(interval["max_heartrate"], bpm, "{interval}");
    }
    assert!(intervals[1]["distance"].as_f64().is_some_and(|d| d > 0.0));
    let (status, alone) = json_of(env.get(&token, &format!("{path}/intervals")).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(alone["id"], id);
    assert_eq!(&alone["icu_intervals"], &detail["icu_intervals"]);

    // Streams: one value a second, from the file.
    let (status, streams) = json_of(
        env.get(&token, &format!("{path}/streams?types=heartrate,watts"))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(streams[0]["type"], "heartrate");
    assert_eq!(streams[1]["type"], "watts");
    let watts = streams[1]["data"].as_array().expect("data");
    assert_eq!(watts.len(), 1501);
    assert_eq!(watts[0], 150);
    assert_eq!(watts[700], 300);
    let csv = env
        .get(&token, &format!("{path}/streams.csv?types=time,heartrate"))
        .await
        .text()
        .await
        .expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "time,heartrate");
    assert_eq!(lines[701], "700,165");
    // The summary is unchanged otherwise.
    let mut without = detail.clone();
    without
        .as_object_mut()
        .expect("object")
        .remove("icu_intervals");
    without
        .as_object_mut()
        .expect("object")
        .remove("icu_groups");
    assert_eq!(without, plain);

    // Someone else's activity is not theirs to delete; a reader may not delete.
    let sam = env.connect(CLIENT, SAM, "ACTIVITY:WRITE").await;
    assert_eq!(
        delete(&env, &sam, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    let reader = env.connect(OTHER, ALEX, "ACTIVITY:READ").await;
    assert_eq!(
        delete(&env, &reader, &path).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(env.get(&token, &path).await.status(), StatusCode::OK);

    let (status, answer) = json_of(delete(&env, &token, &path).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer, json!({"icu_athlete_id": ALEX, "id": id}));
    assert_eq!(env.get(&token, &path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        delete(&env, &token, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    let (_, list) = json_of(
        env.get(
            &token,
            "/api/v1/athlete/0/activities?oldest=2026-10-01&newest=2026-11-30",
        )
        .await,
    )
    .await;
    assert!(list
        .as_array()
        .expect("list")
        .iter()
        .all(|a| a["id"] != id.as_str()));
    let deleted = loop {
        let found = rx
            .events(CLIENT)
            .into_iter()
            .find(|e| e["type"] == "ACTIVITY_DELETED");
        if let Some(e) = found {
            break e;
        }
        rx.wait_for(CLIENT, rx.got(CLIENT).len() + 1, 5).await;
    };
    assert_eq!(deleted["activity"]["id"], id.as_str());
    assert_eq!(deleted["athlete_id"], ALEX);

    // The same bytes are a new activity again.
    let res = env.upload_tcx(&token, file).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let again = res.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_ne!(again, id);

    // A Strava stub cannot be deleted through the API.
    let (_, list) = json_of(
        env.get(
            &token,
            &format!("/api/v1/athlete/0/activities?oldest={}", day(-30)),
        )
        .await,
    )
    .await;
    let stub = list
        .as_array()
        .expect("list")
        .iter()
        .find(|a| a["source"] == "STRAVA")
        .expect("stub")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let res = delete(&env, &token, &format!("/api/v1/activity/{stub}")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
