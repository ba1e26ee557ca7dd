//! `GET /_sandbox/`: the index of the test controls, so they can be found without guessing: each
//! control's method, full path (wherever the sandbox is mounted) and what it does. The crate
//! documentation has their bodies and answers; a test keeps both lists the same.

use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

/// Every control under `/_sandbox`: (method, path below it, what it does).
pub(crate) const CONTROLS: &[(&str, &str, &str)] = &[
    ("GET", "/", "this index"),
    ("GET", "/athletes", "the seeded athletes you can sign in as on the consent page, with their personal API keys"),
    ("GET", "/athletes/{id}", "one athlete (seeded or minted)"),
    ("POST", "/athletes/{id}/change", "the athlete changes their activities, wellness or calendar now, with the webhooks Intervals.icu would send: {\"area\":\"activities\"|\"wellness\"|\"calendar\"}"),
    ("GET", "/athletes/{id}/changes", "the changes an athlete made so far"),
    ("GET", "/day", "the simulated athlete day: running or not, its changes"),
    ("POST", "/day", "start a simulated day of athletes changing their data: {\"changes_per_day\":4,\"speed\":1440}"),
    ("DELETE", "/day", "stop the simulated day"),
    ("POST", "/tokens/revoke", "the athlete revokes the app on Intervals.icu (the bridge gets APP_SCOPE_CHANGED and the connection becomes revoked): {\"client_id\",\"athlete_id\"}"),
    ("POST", "/tokens/scope", "the athlete narrows the app's grant: {\"client_id\",\"athlete_id\",\"scope\":\"ACTIVITY:READ\"}"),
    ("GET", "/tokens", "every token issued, with its scope and status"),
    ("POST", "/tokens/mint", "issue a token without the consent page: {\"client_id\",\"athlete_id\",\"scope\"}"),
    ("POST", "/webhooks/trigger", "send any Intervals.icu event now: {\"athlete_id\",\"type\":\"ACTIVITY_UPLOADED\",\"fields\"?:{…},\"client_id\"?}"),
    ("GET", "/webhooks", "where each app's Intervals.icu webhooks go"),
    ("POST", "/webhooks", "set where an app's webhooks go: {\"client_id\",\"url\",\"secret\"}"),
    ("DELETE", "/webhooks", "stop sending an app's webhooks (or every app's)"),
    ("GET", "/webhooks/log", "every webhook the sandbox sent, with its answer"),
    ("DELETE", "/webhooks/log", "clear the webhook log"),
    ("GET", "/activities/{athlete_id}", "the athlete's uploaded activities as the sandbox stored them"),
    ("GET", "/wellness/{athlete_id}", "the athlete's wellness records as stored"),
    ("GET", "/wellness-pushes", "every wellness write the sandbox received"),
    ("DELETE", "/wellness-pushes", "clear the wellness write log"),
    ("GET", "/calendar/{athlete_id}", "the athlete's calendar events"),
    ("POST", "/calendar/{athlete_id}", "edit the calendar as the athlete would (sends CALENDAR_UPDATED): {\"upsert\":[…],\"delete\":[ids]}"),
    ("GET", "/requests", "every Intervals.icu API request received, oldest first"),
    ("DELETE", "/requests", "clear the request log"),
    ("GET", "/faults", "the fault injection in force"),
    ("POST", "/faults", "inject faults: {\"error_rate\":0.5,\"error_status\":503,\"fail_next\":2,\"paths\":[\"/api/v1\"],\"seed\":7}"),
    ("DELETE", "/faults", "stop injecting faults"),
    ("POST", "/outage", "take the Intervals.icu API down or bring it back: {\"down\":true}"),
    ("POST", "/settings", "code lifetime, rate limit, upload size, analysis delay"),
    ("POST", "/codes/expire", "expire every outstanding authorization code"),
    ("POST", "/clients", "register an OAuth app: {\"client_id\",\"client_secret\",\"name\"}"),
    ("POST", "/coaches", "let a coach's tokens read an athlete's activities: {\"coach\",\"athlete\"}"),
    ("GET", "/stats", "requests, rate-limited answers, injected faults and uploads so far"),
    ("DELETE", "/stats", "reset the counters"),
];

pub(crate) async fn index(req: HttpRequest) -> HttpResponse {
    let base = req.path().trim_end_matches('/');
    let controls: Vec<_> = CONTROLS
        .iter()
        .map(|(method, path, what)| {
            let path = if *path == "/" {
                format!("{base}/")
            } else {
                format!("{base}{path}")
            };
            json!({"method": method, "path": path, "what": what})
        })
        .collect();
    HttpResponse::Ok().json(json!({
        "about": "The Intervals.icu sandbox's test controls: JSON in and out, no authentication. \
    Each control's body and answer are described in crates/intervals-sandbox/src/lib.rs.",
        "controls": controls,
    }))
}

#[cfg(test)]
mod tests {
    use super::CONTROLS;

    /// Every control the crate documentation lists is in the index, and the index lists nothing
    /// else.
    #[test]
    fn the_index_lists_every_documented_control() {
        let doc = include_str!("../lib.rs");
        let mut documented = std::collections::BTreeSet::new();
        for line in doc.lines() {
            let mut rest = line;
            while let Some(i) = rest.find("/_sandbox/") {
                let before = rest[..i].trim_end_matches('`');
                let path: String = rest[i + "/_sandbox".len()..]
                    .chars()
                    .take_while(|c| !matches!(c, '`' | ' ' | ',' | ')' | ':'))
                    .collect();
                let method = ["GET", "POST", "DELETE"]
                    .into_iter()
                    .find(|m| before.ends_with(&format!("{m} ")));
                if let Some(m) = method {
                    documented.insert((m.to_owned(), path.clone()));
                }
                rest = &rest[i + 1..];
            }
        }
        assert!(documented.len() > 20, "{documented:?}");
        let listed: std::collections::BTreeSet<(String, String)> = CONTROLS
            .iter()
            .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        for d in &documented {
            assert!(
                listed.contains(d),
                "{d:?} is documented but not in the index"
            );
        }
    }
}
