//! The athlete day over real HTTP: one change per area made on request (stored, readable through
//! the API, announced by its webhook, counted), the same contents for the same seed, and the
//! scheduler making exactly the planned number of changes over a time-compressed day.

use std::time::{Duration, Instant};

use crate::support::*;
use intervals_sandbox::{plan, Area, DayConfig};
use reqwest::StatusCode;
use serde_json::{json, Value};

const SCOPE: &str = "ACTIVITY:READ,WELLNESS:READ,CALENDAR:READ";

async fn hooked(env: &Env, rx: &Receiver) -> String {
    env.control(
        "POST",
        "webhooks",
        json!({"client_id": CLIENT, "url": rx.url(CLIENT), "secret": "day", "batch_window_ms": 20}),
    )
    .await;
    env.control("POST", "settings", json!({"analyzed_delay_ms": 50}))
        .await;
    env.connect(CLIENT, ALEX, SCOPE).await
}

async fn change(env: &Env, athlete: &str, area: &str) -> Value {
    env.control(
        "POST",
        &format!("athletes/{athlete}/change"),
        json!({ "area": area }),
    )
    .await
}

async fn wait_for_type(rx: &Receiver, kind: &str, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let found: Vec<Value> = rx
            .events(CLIENT)
            .into_iter()
            .filter(|e| e["type"] == kind)
            .collect();
        if found.len() >= n {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "wanted {n} {kind}, got {found:?}"
        );
        settle(20).await;
    }
}

#[tokio::test]
async fn one_change_per_area_is_stored_announced_and_counted() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    let token = hooked(&env, &rx).await;

    let made = change(&env, ALEX, "activities").await;
    assert_eq!(made["area"], "activities");
    assert_eq!(made["sequence"], 0);
    assert_eq!(
        made["webhooks"],
        json!(["ACTIVITY_UPLOADED", "ACTIVITY_ANALYZED"])
    );
    let activity = &made["detail"]["activity"];
    let id = activity["id"].as_str().expect("activity id").to_owned();
    assert!(activity["distance"].as_f64().expect("distance") > 1000.0);
    assert!(activity["elapsed_time"].as_u64().expect("elapsed") >= 1800);
    let list: Value = env
        .get(
            &token,
            &format!("/api/v1/athlete/0/activities?oldest={}", day(-1)),
        )
        .await
        .json()
        .await
        .expect("json");
    assert!(list.as_array().expect("list").iter().any(|a| a["id"] == id));
    let uploaded = wait_for_type(&rx, "ACTIVITY_UPLOADED", 1).await;
    assert_eq!(uploaded[0]["activity"]["id"], id);
    assert_eq!(uploaded[0]["athlete_id"], ALEX);
    let analyzed = wait_for_type(&rx, "ACTIVITY_ANALYZED", 1).await;
    assert_eq!(analyzed[0]["activity"]["id"], id);

    let made = change(&env, ALEX, "wellness").await;
    assert_eq!(made["webhooks"], json!(["WELLNESS_UPDATED"]));
    let record = &made["detail"]["record"];
    assert_eq!(record["id"], day(0));
    let weight = record["weight"].as_f64().expect("weight");
    assert!((68.0..74.0).contains(&weight), "{weight}");
    let stored: Value = env
        .get(&token, &format!("/api/v1/athlete/0/wellness/{}", day(0)))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(stored["weight"], record["weight"]);
    assert_eq!(stored["restingHR"], record["restingHR"]);
    let updated = wait_for_type(&rx, "WELLNESS_UPDATED", 1).await;
    assert_eq!(updated[0]["records"][0]["id"], day(0));
    assert_eq!(updated[0]["records"][0]["weight"], record["weight"]);

    let made = change(&env, ALEX, "calendar").await;
    assert_eq!(made["webhooks"], json!(["CALENDAR_UPDATED"]));
    let event = &made["detail"]["events"][0];
    let event_id = event["id"].as_i64().expect("event id");
    let date = &event["start_date_local"].as_str().expect("date")[..10];
    assert!(date > day(0).as_str() && date <= day(14).as_str(), "{date}");
    let events: Value = env
        .get(
            &token,
            &format!(
                "/api/v1/athlete/0/events?oldest={}&newest={}",
                day(0),
                day(14)
            ),
        )
        .await
        .json()
        .await
        .expect("json");
    let listed = events
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["id"] == event_id)
        .expect("the edited event is listed");
    assert_eq!(listed["name"], event["name"]);
    let calendar = wait_for_type(&rx, "CALENDAR_UPDATED", 1).await;
    assert_eq!(calendar[0]["events"][0]["id"], event_id);

    let counts = env
        .control("GET", &format!("athletes/{ALEX}/changes"), json!({}))
        .await;
    assert_eq!(
        (
            &counts["activities"],
            &counts["wellness"],
            &counts["calendar"],
            &counts["total"]
        ),
        (&json!(1), &json!(1), &json!(1), &json!(3))
    );
    let again = change(&env, ALEX, "wellness").await;
    assert_eq!(again["sequence"], 1);

    let bad = env
        .control_raw(
            "POST",
            &format!("athletes/{ALEX}/change"),
            Some(json!({"area": "gear"})),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let unknown = env
        .control_raw(
            "POST",
            "athletes/nobody/change",
            Some(json!({"area": "wellness"})),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

/// What a change contains, less what depends on the clock or on ids.
fn contents(made: &Value) -> Value {
    let d = &made["detail"];
    json!({
        "distance": d["activity"]["distance"],
        "elapsed": d["activity"]["elapsed_time"],
        "type": d["activity"]["type"],
        "weight": d["record"]["weight"],
        "hrv": d["record"]["hrv"],
        "sleep": d["record"]["sleepSecs"],
        "event": d["events"][0]["name"],
        "event_day": d["events"][0]["start_date_local"],
    })
}

#[tokio::test]
async fn the_same_seed_makes_the_same_changes() {
    let mut runs = Vec::new();
    for seed in [11, 11, 12] {
        let env = Env::start().await;
        // A day at rate 0 only sets the seed.
        let status = env
            .control("POST", "day", json!({"changes_per_day": 0, "seed": seed}))
            .await;
        assert_eq!(status["running"], false);
        assert_eq!(status["seed"], seed);
        let mut made = Vec::new();
        for area in ["activities", "wellness", "calendar", "activities"] {
            made.push(contents(&change(&env, SAM, area).await));
        }
        runs.push(made);
    }
    assert_eq!(runs[0], runs[1]);
    assert_ne!(runs[0], runs[2]);
    assert_ne!(runs[0][0], runs[0][3], "each change is a new one");
}

#[tokio::test]
async fn the_scheduler_makes_the_planned_changes_over_a_compressed_day() {
    let env = Env::start().await;
    let rx = Receiver::start().await;
    hooked(&env, &rx).await;
    let config = json!({
        "changes_per_day": 3,
        // A day in two seconds.
        "speed": 43200,
        "seed": 5,
        "athletes": [ALEX, SAM],
        "areas": ["wellness", "calendar"],
        "days": 1,
    });
    let planned = plan(
        &serde_json::from_value::<DayConfig>(config.clone()).expect("config"),
        &[ALEX.to_owned(), SAM.to_owned()],
        0,
    );
    assert_eq!(planned.len(), 6);
    assert!(planned.iter().all(|p| p.area != Area::Activities));
    let started = env.control("POST", "day", config).await;
    assert_eq!(started["running"], true);
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        let status = env.control("GET", "day", json!({})).await;
        if status["running"] == false {
            break status;
        }
        assert!(Instant::now() < deadline, "the day did not end: {status}");
        settle(100).await;
    };
    assert_eq!(status["total"], 6);
    for athlete in [ALEX, SAM] {
        let want = |area| {
            planned
                .iter()
                .filter(|p| p.athlete_id == athlete && p.area == area)
                .count()
        };
        assert_eq!(status["changes"][athlete]["wellness"], want(Area::Wellness));
        assert_eq!(status["changes"][athlete]["calendar"], want(Area::Calendar));
        assert_eq!(status["changes"][athlete]["activities"], 0);
    }
    // Only Alex's app has a token, so only Alex's changes reach it.
    let alex = |area| {
        planned
            .iter()
            .filter(|p| p.athlete_id == ALEX && p.area == area)
            .count()
    };
    wait_for_type(&rx, "WELLNESS_UPDATED", alex(Area::Wellness)).await;
    wait_for_type(&rx, "CALENDAR_UPDATED", alex(Area::Calendar)).await;
    settle(200).await;
    assert!(rx.events(CLIENT).iter().all(|e| e["athlete_id"] == ALEX));

    // A running day stops on DELETE.
    env.control(
        "POST",
        "day",
        json!({"changes_per_day": 1000, "speed": 1, "athletes": [SAM]}),
    )
    .await;
    let stopped = env.control("DELETE", "day", json!({})).await;
    assert_eq!(stopped["stopped"], true);
    assert_eq!(stopped["running"], false);
    let bad = env
        .control_raw("POST", "day", Some(json!({"changes_per_day": -1})))
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}
