//! A partner's webhook endpoint for tests: records every request and answers from a script.

use std::collections::VecDeque;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct Received {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub at: std::time::Instant,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// What to answer: status and extra headers.
#[derive(Debug, Clone)]
pub struct Reply(pub u16, pub Vec<(&'static str, String)>);

struct Inner {
    received: Vec<Received>,
    script: VecDeque<Reply>,
    /// Requests answered so far.
    answered: usize,
    /// While true, requests wait before being answered (a stuck endpoint).
    gate: tokio::sync::watch::Sender<bool>,
}

#[derive(Clone)]
pub struct Receiver {
    inner: Arc<Mutex<Inner>>,
    pub url: String,
    handle: actix_web::dev::ServerHandle,
}

async fn handle(
    req: HttpRequest,
    body: web::Bytes,
    inner: web::Data<Arc<Mutex<Inner>>>,
) -> HttpResponse {
    let mut gate = inner.lock().unwrap().gate.subscribe();
    let reply = {
        let mut st = inner.lock().unwrap();
        st.received.push(Received {
            headers: req
                .headers()
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
                .collect(),
            body: body.to_vec(),
            at: std::time::Instant::now(),
        });
        st.script.pop_front().unwrap_or(Reply(200, vec![]))
    };
    while *gate.borrow_and_update() {
        if gate.changed().await.is_err() {
            break;
        }
    }
    inner.lock().unwrap().answered += 1;
    let mut b = HttpResponse::build(actix_web::http::StatusCode::from_u16(reply.0).unwrap());
    for (k, v) in reply.1 {
        b.insert_header((k, v));
    }
    b.body("ok")
}

impl Receiver {
    pub async fn start() -> Receiver {
        let inner = Arc::new(Mutex::new(Inner {
            received: Vec::new(),
            script: VecDeque::new(),
            answered: 0,
            gate: tokio::sync::watch::channel(false).0,
        }));
        let data = web::Data::new(inner.clone());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hooks", listener.local_addr().unwrap());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .default_service(web::to(handle))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Receiver { inner, url, handle }
    }

    /// Answers these, in order, before going back to 200.
    pub fn script(&self, replies: Vec<Reply>) {
        self.inner.lock().unwrap().script.extend(replies);
    }

    /// Holds every request (received, not answered) until [`Receiver::release`].
    pub fn hold(&self) {
        self.inner.lock().unwrap().gate.send_replace(true);
    }

    /// Answers the held requests, and the next ones at once.
    pub fn release(&self) {
        self.inner.lock().unwrap().gate.send_replace(false);
    }

    /// Requests answered so far.
    pub fn answered(&self) -> usize {
        self.inner.lock().unwrap().answered
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.lock().unwrap().received.clone()
    }

    /// Received bodies whose `type` is `kind`.
    pub fn of_type(&self, kind: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| r.json()["type"] == kind)
            .collect()
    }

    pub async fn stop(&self) {
        self.handle.stop(false).await;
    }
}
