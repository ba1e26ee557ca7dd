//! Shared by the sandbox data, wellness and webhook tests: a sandbox on port 0 with two OAuth apps, consent
//! and token exchange over HTTP, and a small webhook receiver with scripted answers.

use std::collections::VecDeque;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use intervals_sandbox::{Sandbox, SandboxClient};
use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use serde_json::Value;

pub const CLIENT: &str = "bridge-app";
pub const OTHER: &str = "other-app";
pub const SECRET: &str = "s3cret";
pub const REDIRECT: &str = "http://127.0.0.1:9/oauth/callback";
pub const ALEX: &str = "i317960";
pub const SAM: &str = "2049151";

pub fn http() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

pub struct Env {
    pub sb: Sandbox,
    pub base: String,
}

impl Env {
    /// The rate limiter is off: these tests fire requests far faster than 10 a second.
    pub async fn start() -> Env {
        let sb = Sandbox::new();
        for (id, name) in [(CLIENT, "Bridge"), (OTHER, "Other App")] {
            sb.register_client(SandboxClient {
                client_id: id.into(),
                client_secret: SECRET.into(),
                name: name.into(),
            });
        }
        sb.set_rate_limit(0.0, 1.0);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(sb.server(listener).expect("server"));
        Env {
            sb,
            base: format!("http://{addr}"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn control_raw(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let url = self.url(&format!("/_sandbox/{path}"));
        let req = match method {
            "GET" => http().get(url),
            "DELETE" => http().delete(url),
            _ => http().post(url),
        };
        let req = match body {
            Some(b) => req.json(&b),
            None => req,
        };
        req.send().await.expect("control")
    }

    /// A control call that must answer 200.
    pub async fn control(&self, method: &str, path: &str, body: Value) -> Value {
        let body = (method == "POST").then_some(body);
        let res = self.control_raw(method, path, body).await;
        let status = res.status();
        let v: Value = res.json().await.expect("json");
        assert_eq!(status, StatusCode::OK, "{method} {path}: {v}");
        v
    }

    /// Consent as `athlete`, granting everything asked, then the token exchange.
    pub async fn connect(&self, client: &str, athlete: &str, scope: &str) -> String {
        let mut form = vec![
            ("client_id", client.to_owned()),
            ("redirect_uri", REDIRECT.to_owned()),
            ("state", "st".to_owned()),
            ("scope", scope.to_owned()),
            ("athlete", athlete.to_owned()),
            ("action", "approve".to_owned()),
        ];
        for s in scope.split(',') {
            form.push(("grant", s.to_owned()));
        }
        let res = http()
            .post(self.url("/oauth/authorize"))
            .form(&form)
            .send()
            .await
            .expect("approve");
        assert_eq!(res.status(), StatusCode::FOUND);
        let location = res.headers()["location"].to_str().expect("ascii");
        let code = reqwest::Url::parse(location)
            .expect("url")
            .query_pairs()
            .find(|(k, _)| k == "code")
            .map(|(_, v)| v.into_owned())
            .expect("code");
        let res = http()
            .post(self.url("/api/oauth/token"))
            .form(&[
                ("client_id", client),
                ("client_secret", SECRET),
                ("code", &code),
            ])
            .send()
            .await
            .expect("token");
        let body: Value = res.json().await.expect("json");
        body["access_token"].as_str().expect("token").to_owned()
    }

    pub async fn get(&self, token: &str, path: &str) -> reqwest::Response {
        http()
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("get")
    }

    pub async fn put(&self, token: &str, path: &str, body: Value) -> reqwest::Response {
        http()
            .put(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("put")
    }

    pub async fn upload_tcx(&self, token: &str, tcx: String) -> reqwest::Response {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(tcx.into_bytes()).file_name("ride.tcx"),
        );
        http()
            .post(self.url("/api/v1/athlete/0/activities"))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("upload")
    }
}

/// A TCX with one activity per `(sport, start)`.
pub fn tcx(activities: &[(&str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n<Activities>\n",
    );
    for (sport, time) in activities {
        out.push_str(&format!(
            "<Activity Sport=\"{sport}\"><Id>{time}</Id><Lap StartTime=\"{time}\"><TotalTimeSeconds>3600</TotalTimeSeconds><DistanceMeters>30000</DistanceMeters><Track><Trackpoint><Time>{time}</Time><DistanceMeters>0</DistanceMeters></Trackpoint></Track></Lap></Activity>\n"
        ));
    }
    out.push_str("</Activities>\n</TrainingCenterDatabase>\n");
    out
}

/// A one-activity TCX ride with a lap per `(seconds, watts, bpm)`, a point every five seconds
/// (power, heart rate, cadence 88, 8 m/s, a gentle climb then descent), 321 kcal stated.
pub fn tcx_laps(start: &str, laps: &[(u32, u32, u32)]) -> String {
    let t0 = chrono::DateTime::parse_from_rfc3339(start).expect("start");
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n<Activities>\n",
    );
    out.push_str(&format!("<Activity Sport=\"Biking\"><Id>{start}</Id>\n"));
    let mut at = 0;
    let kcal = [321 / 3, 321 / 3, 321 - 2 * (321 / 3)];
    for (n, (secs, watts, bpm)) in laps.iter().enumerate() {
        let lap_start = (t0 + chrono::Duration::seconds(i64::from(at))).to_rfc3339();
        out.push_str(&format!(
            "<Lap StartTime=\"{lap_start}\"><TotalTimeSeconds>{secs}</TotalTimeSeconds><DistanceMeters>{}</DistanceMeters><Calories>{}</Calories><Track>\n",
            secs * 8,
            kcal[n % 3]
        ));
        let last = n + 1 == laps.len();
        let end = if last { at + secs } else { at + secs - 5 };
        let mut t = at;
        while t <= end {
            let time = (t0 + chrono::Duration::seconds(i64::from(t))).to_rfc3339();
            let alt = 100.0
                + if t < 750 {
                    f64::from(t) / 50.0
                } else {
                    f64::from(1500 - t) / 50.0
                };
            out.push_str(&format!(
                "<Trackpoint><Time>{time}</Time><AltitudeMeters>{alt}</AltitudeMeters><DistanceMeters>{}</DistanceMeters><HeartRateBpm><Value>{bpm}</Value></HeartRateBpm><Cadence>88</Cadence><Extensions><ns3:TPX><ns3:Watts>{watts}</ns3:Watts></ns3:TPX></Extensions></Trackpoint>\n",
                t * 8
            ));
            t += 5;
        }
        out.push_str("</Track></Lap>\n");
        at += secs;
    }
    out.push_str("</Activity>\n</Activities>\n</TrainingCenterDatabase>\n");
    out
}

/// One POST the receiver got.
#[derive(Debug, Clone)]
pub struct Got {
    pub at: Instant,
    pub hook: String,
    pub body: Value,
    pub content_type: Option<String>,
    pub user_agent: Option<String>,
    pub header_names: Vec<String>,
}

#[derive(Default)]
struct Inbox {
    got: Mutex<Vec<Got>>,
    /// Answers to give, in order; `200 "ok"` once they run out.
    script: Mutex<VecDeque<(u16, String)>>,
}

/// An app's webhook endpoint: `POST /hook/{name}`.
pub struct Receiver {
    base: String,
    inbox: Arc<Inbox>,
}

async fn hook(req: HttpRequest, body: web::Bytes, inbox: web::Data<Inbox>) -> HttpResponse {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let got = Got {
        at: Instant::now(),
        hook: req.match_info().get("name").unwrap_or_default().to_owned(),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        content_type: header("content-type"),
        user_agent: header("user-agent"),
        header_names: req
            .headers()
            .keys()
            .map(|k| k.as_str().to_owned())
            .collect(),
    };
    inbox.got.lock().expect("inbox").push(got);
    let (status, text) = inbox
        .script
        .lock()
        .expect("script")
        .pop_front()
        .unwrap_or((200, "ok".to_owned()));
    let status = actix_web::http::StatusCode::from_u16(status).expect("status");
    HttpResponse::build(status).body(text)
}

impl Receiver {
    pub async fn start() -> Receiver {
        let inbox = Arc::new(Inbox::default());
        let data = web::Data::from(inbox.clone());
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .route("/hook/{name}", web::post().to(hook))
        })
        .workers(1)
        .listen(listener)
        .expect("listen")
        .run();
        tokio::spawn(server);
        Receiver {
            base: format!("http://{addr}"),
            inbox,
        }
    }

    pub fn url(&self, name: &str) -> String {
        format!("{}/hook/{name}", self.base)
    }

    pub fn script(&self, answers: &[(u16, &str)]) {
        let mut s = self.inbox.script.lock().expect("script");
        s.extend(answers.iter().map(|(c, t)| (*c, (*t).to_owned())));
    }

    pub fn got(&self, name: &str) -> Vec<Got> {
        self.inbox
            .got
            .lock()
            .expect("inbox")
            .iter()
            .filter(|g| g.hook == name)
            .cloned()
            .collect()
    }

    /// Waits until `name` has at least `n` POSTs (or panics after `secs`).
    pub async fn wait_for(&self, name: &str, n: usize, secs: u64) -> Vec<Got> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.got(name);
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "{name}: wanted {n} POSTs, got {}: {got:#?}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Every event of every batch `name` received, in order.
    pub fn events(&self, name: &str) -> Vec<Value> {
        self.got(name)
            .iter()
            .flat_map(|g| g.body["events"].as_array().cloned().unwrap_or_default())
            .collect()
    }
}

pub async fn settle(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

pub fn types(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["type"].as_str().unwrap_or_default().to_owned())
        .collect()
}

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub fn day(offset: i64) -> String {
    (today() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}
