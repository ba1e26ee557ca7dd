//! Part 3 of the sandbox over real HTTP: wellness writes merged field by field, reads by date
//! window, scopes, and what `wellness-pushes` records under faults.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn by_id(records: &Value, id: &str) -> Value {
    records
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .unwrap_or(Value::Null)
}

fn ids(records: &Value) -> Vec<String> {
    records
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .collect()
}

async fn stored(env: &Env, athlete: &str) -> Value {
    env.control("GET", &format!("wellness/{athlete}"), json!({}))
        .await
}

#[tokio::test]
async fn bulk_merges_only_the_fields_given() {
    let env = Env::start().await;
    let token = env.connect(CLIENT, ALEX, "WELLNESS:WRITE").await;
    let (d1, d2) = ("2024-05-01", "2024-05-02");
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness-bulk",
            json!([
                {"id": d1, "weight": 70.5, "restingHR": 48, "comments": "easy day",
                 "menstrualPhase": "LUTEAL", "somethingNew": 1, "ctl": 99.0, "updated": "x"},
                {"id": d2, "hrv": 61.25, "sleepSecs": 27000.9, "locked": true},
            ]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.text().await.expect("body"),
        "",
        "200 with an empty body"
    );

    let first = stored(&env, ALEX).await;
    assert_eq!(ids(&first), [d1, d2]);
    let r1 = by_id(&first, d1);
    assert_eq!(r1["weight"], 70.5);
    assert_eq!(r1["restingHR"], 48);
    assert_eq!(r1["comments"], "easy day");
    assert_eq!(r1["menstrualPhase"], "LUTEAL");
    assert!(
        r1.get("somethingNew").is_none(),
        "unknown fields are ignored"
    );
    assert!(r1.get("ctl").is_none(), "computed fields cannot be written");
    let updated1 = r1["updated"].as_str().expect("updated").to_owned();
    let r2 = by_id(&first, d2);
    assert_eq!(
        r2["sleepSecs"], 27000,
        "Integer fields truncate like Jackson"
    );
    assert_eq!(r2["locked"], true);

    // -1 removes a number, null leaves it, absent leaves it, new fields join.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let res = env
        .put(
            &token,
            &format!("/api/v1/athlete/{ALEX}/wellness-bulk"),
            json!([{"id": d1, "weight": -1, "restingHR": null, "sleepSecs": 28800}]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let r1 = by_id(&stored(&env, ALEX).await, d1);
    assert!(r1.get("weight").is_none(), "-1 unset the weight: {r1}");
    assert_eq!(r1["restingHR"], 48);
    assert_eq!(r1["comments"], "easy day");
    assert_eq!(r1["sleepSecs"], 28800);
    assert!(r1["updated"].as_str().expect("updated") > updated1.as_str());
    assert_eq!(
        by_id(&stored(&env, ALEX).await, d2),
        r2,
        "the other day is untouched"
    );

    // One record by date: answers the whole record, nulls included, and computed values.
    let res = env
        .put(
            &token,
            &format!("/api/v1/athlete/0/wellness/{d2}"),
            json!({"mood": 2, "hrv": -1}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let rec: Value = res.json().await.expect("json");
    assert_eq!(rec["id"], d2);
    assert_eq!(rec["mood"], 2);
    assert_eq!(rec["hrv"], Value::Null);
    assert_eq!(rec["sleepSecs"], 27000);
    for computed in ["ctl", "atl", "rampRate", "ctlLoad", "atlLoad"] {
        assert!(rec[computed].is_number(), "{computed} in {rec}");
    }
    assert!(rec["updated"].is_string());
    let read: Value = env
        .get(&token, &format!("/api/v1/athlete/0/wellness/{d2}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read, rec);
    let missing = env
        .get(&token, "/api/v1/athlete/0/wellness/2024-05-03")
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.json::<Value>().await.expect("json")["status"], 404);

    // `PUT /wellness` takes the day from the record's id.
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness",
            json!({"id": d1, "stress": 3}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.expect("json")["stress"], 3);
}

#[tokio::test]
async fn invalid_writes_are_422_and_change_nothing() {
    let env = Env::start().await;
    let token = env.connect(CLIENT, ALEX, "WELLNESS:WRITE").await;
    let bulk = "/api/v1/athlete/0/wellness-bulk";
    for body in [
        json!([{"weight": 70}]),
        json!([{"id": "2024-5-1", "weight": 70}]),
        json!([{"id": "2024-05-01T00:00:00", "weight": 70}]),
        json!([{"id": "2024-02-30"}]),
        json!([{"id": "2024-05-01", "weight": 70}, {"id": 20240502}]),
        json!([{"id": "2024-05-01", "weight": "heavy"}]),
        json!([{"id": "2024-05-01", "menstrualPhase": "SOMETIMES"}]),
        json!({"id": "2024-05-01", "weight": 70}),
        json!("nope"),
    ] {
        let res = env.put(&token, bulk, body.clone()).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let err: Value = res.json().await.expect("json");
        assert_eq!(err["status"], 422);
        assert!(err["error"].is_string(), "{err}");
    }
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness/2024-05-01",
            json!({"id": "2024-05-02", "weight": 70}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness/yesterday",
            json!({"weight": 70}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = http()
        .put(env.url(bulk))
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body(r#"[{"id":"2024-05-01","weight":70}]"#)
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    assert_eq!(stored(&env, ALEX).await, json!([]));
    assert_eq!(
        env.control("GET", "wellness-pushes", json!({})).await,
        json!([])
    );
    let res = env.control_raw("GET", "wellness/i000000", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn lists_by_window_with_fields() {
    let env = Env::start().await;
    let token = env.connect(CLIENT, SAM, "WELLNESS:WRITE").await;
    let records: Vec<Value> = [-10, -6, -3, 0, 2]
        .iter()
        .map(|d| json!({"id": day(*d), "restingHR": 50 - d, "weight": 60.0}))
        .collect();
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness-bulk",
            Value::Array(records),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // A record with nothing but a comment still exists.
    env.put(
        &token,
        &format!("/api/v1/athlete/0/wellness/{}", day(-1)),
        json!({"comments": "rest"}),
    )
    .await;

    // The default window is the last 7 days, oldest first, with both spellings of `{ext}`.
    for path in [
        "/api/v1/athlete/0/wellness",
        &format!("/api/v1/athlete/{SAM}/wellness.json"),
    ] {
        let res = env.get(&token, path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let list: Value = res.json().await.expect("json");
        assert_eq!(ids(&list), [day(-6), day(-3), day(-1), day(0)], "{path}");
        let today = by_id(&list, &day(0));
        assert_eq!(today["restingHR"], 50);
        assert_eq!(today["weight"], 60.0);
        assert_eq!(
            today["hrv"],
            Value::Null,
            "unset fields are null, as Jackson writes them"
        );
        assert!(today["ctl"].as_f64().expect("ctl") > 0.0);
        assert!(today["atl"].as_f64().expect("atl") >= 0.0);
        assert!(today["rampRate"].is_number());
        assert!(today["sportInfo"].is_array());
    }

    let list: Value = env
        .get(
            &token,
            &format!(
                "/api/v1/athlete/0/wellness?oldest={}&newest={}T00:00:00",
                day(-10),
                day(-3)
            ),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(ids(&list), [day(-10), day(-6), day(-3)]);

    // `fields` keeps the named ones and drops nulls; `id` always stays.
    let list: Value = env
        .get(
            &token,
            &format!(
                "/api/v1/athlete/0/wellness?oldest={}&newest={}&fields=restingHR,ctl,hrv",
                day(-1),
                day(2)
            ),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(ids(&list), [day(-1), day(0), day(2)]);
    let keys = |r: &Value| {
        let mut k: Vec<String> = r.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&list[0]), ["ctl", "id"]);
    assert_eq!(keys(&list[1]), ["ctl", "id", "restingHR"]);

    // A window in the wrong order is empty; a bad date is 422.
    let list: Value = env
        .get(
            &token,
            &format!(
                "/api/v1/athlete/0/wellness?oldest={}&newest={}",
                day(0),
                day(-3)
            ),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(list, json!([]));
    let res = env
        .get(&token, "/api/v1/athlete/0/wellness?oldest=soon")
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // An uploaded activity raises that day's training load.
    let before = by_id(
        &env.get(&token, "/api/v1/athlete/0/wellness")
            .await
            .json()
            .await
            .expect("json"),
        &day(0),
    );
    let ride = env
        .connect(CLIENT, SAM, "ACTIVITY:WRITE,WELLNESS:READ")
        .await;
    let start = format!("{}T06:00:00Z", day(0));
    let res = env.upload_tcx(&ride, tcx(&[("Biking", &start)])).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let after = by_id(
        &env.get(&ride, "/api/v1/athlete/0/wellness")
            .await
            .json()
            .await
            .expect("json"),
        &day(0),
    );
    let load = |r: &Value| r["ctlLoad"].as_f64().expect("ctlLoad");
    assert!(load(&after) > load(&before), "{before} → {after}");
    assert!(after["atl"].as_f64() > before["atl"].as_f64());
}

#[tokio::test]
async fn wellness_needs_its_scopes() {
    let env = Env::start().await;
    let read = env.connect(CLIENT, ALEX, "WELLNESS:READ").await;
    let write = env.connect(OTHER, ALEX, "WELLNESS:WRITE").await;
    let none = env.connect(CLIENT, SAM, "ACTIVITY:WRITE").await;
    let body = json!([{"id": "2024-05-01", "weight": 70}]);
    let bulk = "/api/v1/athlete/0/wellness-bulk";

    let res = env.put(&read, bulk, body.clone()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        res.json::<Value>().await.expect("json"),
        json!({"status": 403, "error": "Access denied"})
    );
    let res = env
        .put(
            &read,
            "/api/v1/athlete/0/wellness/2024-05-01",
            json!({"weight": 70}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        env.put(&write, bulk, body.clone()).await.status(),
        StatusCode::OK
    );
    // WRITE implies READ; READ reads.
    for token in [&read, &write] {
        let res = env
            .get(
                token,
                "/api/v1/athlete/0/wellness?oldest=2024-05-01&newest=2024-05-01",
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(ids(&res.json().await.expect("json")), ["2024-05-01"]);
        let res = env
            .get(token, "/api/v1/athlete/0/wellness/2024-05-01")
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    for path in [
        "/api/v1/athlete/0/wellness",
        "/api/v1/athlete/0/wellness/2024-05-01",
    ] {
        assert_eq!(env.get(&none, path).await.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(
        env.put(&none, bulk, body.clone()).await.status(),
        StatusCode::FORBIDDEN
    );
    // Someone else's athlete id, and no token at all.
    let res = env
        .put(
            &write,
            &format!("/api/v1/athlete/{SAM}/wellness-bulk"),
            body.clone(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = http()
        .get(env.url("/api/v1/athlete/0/wellness"))
        .send()
        .await
        .expect("get");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(stored(&env, SAM).await, json!([]));
    // Unknown methods and suffixes answer like Spring.
    let res = http()
        .delete(env.url("/api/v1/athlete/0/wellness-bulk"))
        .bearer_auth(&write)
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn pushes_record_what_was_applied_under_faults() {
    let env = Env::start().await;
    let token = env.connect(CLIENT, ALEX, "WELLNESS:WRITE").await;
    let bulk = "/api/v1/athlete/0/wellness-bulk";
    let sent = |w: f64| json!([{"id": "2024-05-01", "weight": w, "extra": "kept as sent"}]);

    // Before: refused without doing the work, so nothing is applied or recorded.
    env.control(
        "POST",
        "faults",
        json!({"fail_next": 1, "error_status": 503, "phase": "before", "paths": bulk}),
    )
    .await;
    let res = env.put(&token, bulk, sent(70.0)).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        env.control("GET", "wellness-pushes", json!({})).await,
        json!([])
    );
    assert_eq!(stored(&env, ALEX).await, json!([]));

    // After: applied and recorded; the client only sees the error.
    env.control(
        "POST",
        "faults",
        json!({"fail_next": 1, "error_status": 502, "phase": "after", "paths": bulk}),
    )
    .await;
    let res = env.put(&token, bulk, sent(71.0)).await;
    assert_eq!(res.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(
        by_id(&stored(&env, ALEX).await, "2024-05-01")["weight"],
        71.0
    );

    let res = env.put(&token, bulk, sent(72.0)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = env
        .put(
            &token,
            "/api/v1/athlete/0/wellness/2024-05-02",
            json!({"mood": 1}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let pushes = env.control("GET", "wellness-pushes", json!({})).await;
    let pushes = pushes.as_array().expect("array");
    assert_eq!(pushes.len(), 3, "{pushes:?}");
    assert_eq!(pushes[0]["athlete_id"], ALEX);
    assert_eq!(pushes[0]["client_id"], CLIENT);
    assert_eq!(pushes[0]["path"], bulk);
    assert!(pushes[0]["time"].is_string());
    assert_eq!(pushes[0]["records"], sent(71.0), "records as sent");
    assert_eq!(pushes[1]["records"], sent(72.0));
    assert_eq!(pushes[2]["path"], "/api/v1/athlete/0/wellness/2024-05-02");
    assert_eq!(pushes[2]["records"], json!([{"mood": 1}]));

    // The request log and the limiter cover the new routes like the others.
    let log = env.control("GET", "requests", json!({})).await;
    let statuses: Vec<u64> = log
        .as_array()
        .expect("array")
        .iter()
        .filter(|e| e["path"] == bulk)
        .map(|e| e["status"].as_u64().expect("status"))
        .collect();
    assert_eq!(statuses, [503, 502, 200]);
    env.control("POST", "outage", json!({"down": true})).await;
    let res = env.get(&token, "/api/v1/athlete/0/wellness").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    env.control("POST", "outage", json!({"down": false})).await;
    env.control(
        "POST",
        "settings",
        json!({"rate_limit_per_sec": 0.5, "rate_limit_burst": 1}),
    )
    .await;
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0/wellness").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        env.get(&token, "/api/v1/athlete/0/wellness").await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );

    env.control("DELETE", "wellness-pushes", json!({})).await;
    assert_eq!(
        env.control("GET", "wellness-pushes", json!({})).await,
        json!([])
    );
}
