//! Personal API keys over real HTTP: listed per athlete, accepted as HTTP Basic with user
//! `API_KEY` on every endpoint with every scope, refused as Bearer with upstream's 403.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_personal_key_works_wherever_a_token_does() {
    let env = Env::start().await;
    let athletes = env.control("GET", "athletes", json!({})).await;
    let keys: Vec<(String, String)> = athletes
        .as_array()
        .expect("athletes")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().expect("id").to_owned(),
                a["api_key"].as_str().expect("api_key").to_owned(),
            )
        })
        .collect();
    assert_eq!(keys.len(), 3);
    assert!(keys.iter().all(|(_, k)| k.len() == 26));
    assert_ne!(keys[0].1, keys[1].1);
    let alex = keys
        .iter()
        .find(|(id, _)| id == ALEX)
        .expect("alex")
        .1
        .clone();
    let one = env
        .control("GET", &format!("athletes/{ALEX}"), json!({}))
        .await;
    assert_eq!(one["api_key"], alex);

    let get = |path: &str, user: &str, key: &str| {
        http()
            .get(env.url(path))
            .basic_auth(user, Some(key.to_owned()))
    };
    let me: Value = get("/api/v1/athlete/0", "API_KEY", &alex)
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["id"], ALEX);
    // Every scope: settings, calendar, wellness, activities.
    for path in [
        "/api/v1/athlete/0/sport-settings".to_owned(),
        "/api/v1/athlete/0/events".to_owned(),
        format!("/api/v1/athlete/{ALEX}/wellness"),
        format!("/api/v1/athlete/0/activities?oldest={}", day(-30)),
    ] {
        let res = get(&path, "API_KEY", &alex).send().await.expect("get");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
    let written: Value = http()
        .post(env.url("/api/v1/athlete/0/events/bulk?upsert=true"))
        .basic_auth("API_KEY", Some(&alex))
        .json(&json!([{"category": "NOTE", "start_date_local": format!("{}T00:00:00", day(2)), "name": "By key", "external_id": "k1"}]))
        .send()
        .await
        .expect("bulk")
        .json()
        .await
        .expect("json");
    assert_eq!(written[0]["oauth_client_id"], Value::Null);
    assert_eq!(written[0]["name"], "By key");
    let res = http()
        .put(env.url("/api/v1/athlete/0/wellness-bulk"))
        .basic_auth("API_KEY", Some(&alex))
        .json(&json!([{"id": day(0), "weight": 71.5}]))
        .send()
        .await
        .expect("wellness");
    assert_eq!(res.status(), StatusCode::OK);
    // Someone else's data stays someone else's.
    let res = get(&format!("/api/v1/athlete/{SAM}"), "API_KEY", &alex)
        .send()
        .await
        .expect("other");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    for (user, key) in [("API_KEY", "wrong"), ("athlete", alex.as_str())] {
        let res = get("/api/v1/athlete/0", user, key)
            .send()
            .await
            .expect("bad");
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{user}:{key}");
    }
    let res = env.get(&alex, "/api/v1/athlete/0").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body, json!({"status": 403, "error": "Access denied"}));

    // A minted athlete has a key too.
    env.control(
        "POST",
        "tokens/mint",
        json!({"client_id": CLIENT, "athlete_id": "m7", "scope": "WELLNESS:READ"}),
    )
    .await;
    let minted = env.control("GET", "athletes/m7", json!({})).await;
    let key = minted["api_key"].as_str().expect("key");
    let me: Value = get("/api/v1/athlete/0", "API_KEY", key)
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["id"], "m7");
    let unknown = env.control_raw("GET", "athletes/nobody", None).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}
