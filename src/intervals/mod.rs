//! The one client for Intervals.icu: every upstream call goes through here, with timeouts, an
//! honest User-Agent, no redirects followed, and errors mapped to what a partner can act on.

use std::time::Duration;

use actix_web::http::StatusCode;
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
    BasicTokenType,
};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, EndpointNotSet, EndpointSet,
    ExtraTokenFields, RequestTokenError, StandardRevocableToken, StandardTokenResponse,
    TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::errors::AppError;

pub const USER_AGENT: &str = concat!(
    "intervals-bridge/",
    env!("CARGO_PKG_VERSION"),
    " (self-hosted Intervals.icu integration service)"
);

/// Intervals.icu's extra token response field: the athlete the token belongs to.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AthleteRef {
    /// A string: old accounts are numeric, newer ones `i`-prefixed.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct IcuTokenFields {
    pub athlete: AthleteRef,
}
impl ExtraTokenFields for IcuTokenFields {}

fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "expected a string id, got {other}"
        ))),
    }
}

type IcuTokenResponse = StandardTokenResponse<IcuTokenFields, BasicTokenType>;
type OAuthClient = oauth2::Client<
    BasicErrorResponse,
    IcuTokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// A completed token exchange.
#[derive(Debug, Clone)]
pub struct Grant {
    pub access_token: String,
    /// The scopes the athlete actually granted (comma-separated upstream).
    pub scope: String,
    pub athlete_id: String,
    pub athlete_name: Option<String>,
}

/// Why a token exchange failed; each maps to an `error=` code for the partner.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("the authorization code was not found or expired")]
    CodeExpired,
    #[error("Intervals.icu refused our client credentials")]
    InvalidClient,
    #[error("Intervals.icu is unavailable: {0}")]
    Unavailable(String),
    #[error("Intervals.icu answered unexpectedly: {0}")]
    Protocol(String),
}

impl ExchangeError {
    pub fn code(&self) -> &'static str {
        match self {
            ExchangeError::CodeExpired => "code_expired",
            ExchangeError::InvalidClient => "invalid_client",
            ExchangeError::Unavailable(_) => "upstream_unavailable",
            ExchangeError::Protocol(_) => "upstream_error",
        }
    }
}

/// Transport-level failure of one upstream request, as the oauth2 crate sees it.
#[derive(Debug, thiserror::Error)]
enum TransportError {
    #[error("{0}")]
    Connect(String),
    #[error("HTTP {0}")]
    Status(u16),
}

#[derive(Clone)]
pub struct IntervalsClient {
    http: reqwest::Client,
    oauth: OAuthClient,
    base: String,
}

/// The JSON error body Intervals.icu sends: `{"status":..,"error":".."}`.
#[derive(Debug, Deserialize)]
struct UpstreamErrorBody {
    #[serde(default)]
    error: Option<String>,
}

impl IntervalsClient {
    pub fn new(config: &Config) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .build()?;
        let oauth = oauth2::Client::new(ClientId::new(config.client_id.clone()))
            .set_client_secret(ClientSecret::new(config.client_secret.clone()))
            .set_auth_uri(AuthUrl::new(config.upstream("/oauth/authorize"))?)
            .set_token_uri(TokenUrl::new(config.upstream("/api/oauth/token"))?)
            // Intervals.icu documents the credentials in the form body, not HTTP Basic.
            .set_auth_type(AuthType::RequestBody);
        Ok(IntervalsClient {
            http,
            oauth,
            base: config
                .intervals_base_url
                .as_str()
                .trim_end_matches('/')
                .to_owned(),
        })
    }

    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// The authorize URL, built by hand: scopes comma-joined with `:` and `,` kept literal.
    pub fn authorize_url(
        &self,
        client_id: &str,
        redirect_uri: &str,
        scope: &str,
        state: &str,
    ) -> String {
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        let scope: String = scope
            .split(',')
            .map(|s| s.split(':').map(enc).collect::<Vec<_>>().join(":"))
            .collect::<Vec<_>>()
            .join(",");
        format!(
            "{}/oauth/authorize?client_id={}&redirect_uri={}&response_type=code&scope={scope}&state={}",
            self.base,
            enc(client_id),
            enc(redirect_uri),
            enc(state)
        )
    }

    /// Exchanges an authorization code at once (it lives two minutes upstream).
    pub async fn exchange_code(&self, code: &str) -> Result<Grant, ExchangeError> {
        let http = self.http.clone();
        let send = move |req: oauth2::HttpRequest| {
            let http = http.clone();
            async move {
                let (parts, body) = req.into_parts();
                let mut rb = http.request(parts.method, parts.uri.to_string()).body(body);
                for (name, value) in parts.headers.iter() {
                    rb = rb.header(name, value);
                }
                let resp = rb
                    .send()
                    .await
                    .map_err(|e| TransportError::Connect(e.without_url().to_string()))?;
                let status = resp.status();
                // 5xx and 429 are the upstream being unavailable, not an OAuth answer.
                if status.is_server_error() || status.as_u16() == 429 {
                    return Err(TransportError::Status(status.as_u16()));
                }
                let headers = resp.headers().clone();
                let bytes = resp
                    .bytes()
                    .await
                    .map_err(|e| TransportError::Connect(e.without_url().to_string()))?;
                let mut out = oauth2::http::Response::builder().status(status.as_u16());
                for (name, value) in headers.iter() {
                    out = out.header(name, value);
                }
                out.body(bytes.to_vec())
                    .map_err(|e| TransportError::Connect(e.to_string()))
            }
        };
        let result = self
            .oauth
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .request_async(&send)
            .await;
        match result {
            Ok(token) => Ok(Grant {
                access_token: token.access_token().secret().clone(),
                scope: token
                    .scopes()
                    .map(|s| s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","))
                    .unwrap_or_default(),
                athlete_id: token.extra_fields().athlete.id.clone(),
                athlete_name: token.extra_fields().athlete.name.clone(),
            }),
            Err(RequestTokenError::ServerResponse(body)) => {
                let msg = body.error().as_ref().to_owned();
                if msg.to_ascii_lowercase().contains("code not found") {
                    Err(ExchangeError::CodeExpired)
                } else if msg.to_ascii_lowercase().contains("client") {
                    Err(ExchangeError::InvalidClient)
                } else {
                    Err(ExchangeError::Protocol(msg))
                }
            }
            Err(RequestTokenError::Request(e)) => Err(ExchangeError::Unavailable(e.to_string())),
            Err(RequestTokenError::Parse(e, _)) => Err(ExchangeError::Protocol(format!(
                "unreadable token response: {e}"
            ))),
            Err(RequestTokenError::Other(e)) => Err(ExchangeError::Protocol(e)),
        }
    }

    /// `DELETE /api/v1/disconnect-app`: revokes the token upstream. A 401 means it was already
    /// dead, which is what we wanted.
    pub async fn disconnect_app(&self, access_token: &str) -> Result<(), AppError> {
        let resp = self
            .http
            .delete(format!("{}/api/v1/disconnect-app", self.base))
            .bearer_auth(access_token)
            .send()
            .await
            .map_err(|e| unavailable(&e))?;
        match resp.status().as_u16() {
            200..=299 | 401 => Ok(()),
            _ => Err(upstream_error(resp).await),
        }
    }
}

fn unavailable(e: &reqwest::Error) -> AppError {
    let mut err = AppError::upstream(
        StatusCode::BAD_GATEWAY,
        "upstream-unavailable",
        "Intervals.icu could not be reached; try again later.",
    );
    err.source = Some(anyhow::anyhow!("{e}"));
    err
}

/// Maps an upstream error answer to a partner-facing problem, keeping Intervals.icu's message.
pub async fn upstream_error(resp: reqwest::Response) -> AppError {
    let status = resp.status();
    let message = resp
        .json::<UpstreamErrorBody>()
        .await
        .ok()
        .and_then(|b| b.error)
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned());
    match status.as_u16() {
        422 => AppError::upstream(
            StatusCode::UNPROCESSABLE_ENTITY,
            "upstream-validation",
            format!("Intervals.icu rejected the request: {message}"),
        ),
        429 => AppError::upstream(
            StatusCode::SERVICE_UNAVAILABLE,
            "upstream-rate-limited",
            "Intervals.icu is rate limiting requests; try again later.",
        ),
        s if s >= 500 => AppError::upstream(
            StatusCode::BAD_GATEWAY,
            "upstream-unavailable",
            format!("Intervals.icu answered {s}: {message}"),
        ),
        s => AppError::upstream(
            StatusCode::BAD_GATEWAY,
            "upstream-error",
            format!("Intervals.icu answered {s}: {message}"),
        ),
    }
}
