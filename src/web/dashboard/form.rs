//! Form bodies and query strings as name/value pairs, read by the pages themselves so that a
//! malformed one still gets a page, never a JSON problem.

use actix_web::HttpRequest;

pub struct Form(Vec<(String, String)>);

impl Form {
    /// An `application/x-www-form-urlencoded` body.
    pub fn parse(body: &[u8]) -> Form {
        Form(url::form_urlencoded::parse(body).into_owned().collect())
    }

    /// The request's query string.
    pub fn query(req: &HttpRequest) -> Form {
        Form::parse(req.query_string().as_bytes())
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, trimmed, when it is not empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty())
    }
}

/// A query string from pairs, the empty ones left out (`?a=1&b=2`, or nothing).
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        s.append_pair(k, v);
    }
    let q = s.finish();
    if q.is_empty() {
        q
    } else {
        format!("?{q}")
    }
}
