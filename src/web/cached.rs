//! Answers of the partner API's reads that came through the read cache (RFC 9111, RFC 9211):
//! `Cache-Control: no-cache` on the request reads Intervals.icu again; every answer carries
//! `Cache-Status` and `Age`, and an `ETag` of the body this tenant gets, which `If-None-Match`
//! turns into a 304 (no body, and no upstream call when the cache was fresh).

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse};
use bytes::Bytes;

use crate::services::intervals::Caller;
use crate::services::read_cache::{Answer, ReadCache, View};

/// Where an answer came from, kept once its body was taken.
#[derive(Debug, Clone)]
pub struct Served {
    cache_status: Option<HeaderValue>,
    age: u64,
}

impl From<&Answer> for Served {
    fn from(a: &Answer) -> Served {
        Served {
            cache_status: HeaderValue::from_maybe_shared(Bytes::from(a.cache_status())).ok(),
            age: a.age,
        }
    }
}

/// The reading tenant, and whether the request asked to bypass the cache
/// (`Cache-Control: no-cache` or `max-age=0`, or `Pragma: no-cache`).
pub fn caller<'a>(req: &HttpRequest, tenant: &'a str) -> Caller<'a> {
    let says = |name: header::HeaderName, what: &[&str]| {
        req.headers().get_all(name).any(|v| {
            v.to_str().is_ok_and(|s| {
                s.split(',')
                    .map(|d| d.trim().to_ascii_lowercase())
                    .any(|d| what.contains(&d.as_str()))
            })
        })
    };
    Caller {
        tenant,
        no_cache: says(header::CACHE_CONTROL, &["no-cache", "max-age=0"])
            || says(header::PRAGMA, &["no-cache"]),
    }
}

fn matches(req: &HttpRequest, tag: &str) -> bool {
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == tag)
}

/// The JSON answer `body` with its cache headers, or a 304 when the request's `If-None-Match`
/// names it.
pub fn json(req: &HttpRequest, served: &Served, body: Vec<u8>) -> HttpResponse {
    typed(req, served, "application/json", body)
}

/// [`json`] of a body of any content type.
pub fn typed(
    req: &HttpRequest,
    served: &Served,
    content_type: &str,
    body: Vec<u8>,
) -> HttpResponse {
    let view = View::of(body.into());
    respond(req, served, content_type, view)
}

/// The tenant's form of a cached answer, made once per entry (`make` turns Intervals.icu's
/// bytes into what this tenant gets; `form` names the tenant and everything else `make`
/// depends on) and kept beside it, with its headers.
pub fn viewed<E>(
    req: &HttpRequest,
    cache: &ReadCache,
    answer: &Answer,
    form: &str,
    content_type: &str,
    make: impl FnOnce(&[u8]) -> Result<Vec<u8>, E>,
) -> Result<HttpResponse, E> {
    let view = cache.view(answer, form, make)?;
    Ok(respond(req, &Served::from(answer), content_type, view))
}

fn respond(req: &HttpRequest, served: &Served, content_type: &str, view: View) -> HttpResponse {
    let fresh = matches(req, view.etag());
    let mut resp = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    if let Ok(tag) = HeaderValue::from_maybe_shared(view.etag.clone()) {
        resp.insert_header((header::ETAG, tag));
    }
    resp.insert_header((header::AGE, HeaderValue::from(served.age)))
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        ));
    if let Some(v) = &served.cache_status {
        resp.insert_header(("Cache-Status", v.clone()));
    }
    if fresh {
        resp.finish()
    } else {
        resp.insert_header((header::CONTENT_TYPE, content_type.to_owned()))
            .body(view.body)
    }
}

/// [`json`] of a value.
pub fn value<T: serde::Serialize>(req: &HttpRequest, served: &Served, v: &T) -> HttpResponse {
    json(req, served, serde_json::to_vec(v).unwrap_or_default())
}
