//! The OAuth half of the client: the authorize URL (built by hand: scopes comma-joined with `:`
//! and `,` literal) and the code exchange (oauth2 crate; credentials in the form body).

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

use crate::support::config::Config;

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
pub(super) type OAuthClient = oauth2::Client<
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

pub(super) fn client(config: &Config) -> anyhow::Result<OAuthClient> {
    Ok(oauth2::Client::new(ClientId::new(config.client_id.clone()))
        .set_client_secret(ClientSecret::new(config.client_secret.clone()))
        .set_auth_uri(AuthUrl::new(config.upstream("/oauth/authorize"))?)
        .set_token_uri(TokenUrl::new(config.upstream("/api/oauth/token"))?)
        // Intervals.icu documents the credentials in the form body, not HTTP Basic.
        .set_auth_type(AuthType::RequestBody))
}

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

/// Transport-level failure of one token request, as the oauth2 crate sees it.
#[derive(Debug, thiserror::Error)]
enum TransportError {
    #[error("{0}")]
    Connect(String),
    #[error("HTTP {0}")]
    Status(u16),
}

impl super::IntervalsClient {
    /// The authorize URL with `:` and `,` kept literal in the scope list.
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

    /// Exchanges an authorization code at once (it lives two minutes upstream). Not retried:
    /// a code is single-use, so a lost answer cannot be asked for again.
    pub async fn exchange_code(&self, code: &str) -> Result<super::oauth::Grant, ExchangeError> {
        let http = self.http.clone();
        let pacer = self.pacer.clone();
        let send = move |req: oauth2::HttpRequest| {
            let http = http.clone();
            let pacer = pacer.clone();
            async move {
                pacer.acquire().await;
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
                let msg = body.error().as_ref().to_ascii_lowercase();
                if msg.contains("code not found") {
                    Err(ExchangeError::CodeExpired)
                } else if msg.contains("client") {
                    Err(ExchangeError::InvalidClient)
                } else {
                    Err(ExchangeError::Protocol(body.error().as_ref().to_owned()))
                }
            }
            Err(RequestTokenError::Request(e)) => Err(ExchangeError::Unavailable(e.to_string())),
            Err(RequestTokenError::Parse(e, _)) => Err(ExchangeError::Protocol(format!(
                "unreadable token response: {e}"
            ))),
            Err(RequestTokenError::Other(e)) => Err(ExchangeError::Protocol(e)),
        }
    }
}
