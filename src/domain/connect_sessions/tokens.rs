//! Signed, expiring tokens for the browser flow: the connect link and the OAuth `state`.
//! HS256 with a key derived from the current encryption key; `kid` names it for rotation.

use chrono::NaiveDateTime;
use jsonwebtoken::{
    decode, decode_header, encode, errors::ErrorKind, Algorithm, DecodingKey, EncodingKey, Header,
    Validation,
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::support::crypto::Keyring;

/// How long the athlete has at Intervals.icu before the state expires.
pub const STATE_TTL_SECONDS: i64 = 15 * 60;

#[derive(Debug, Serialize, Deserialize)]
pub struct ConnectClaims {
    pub sid: String,
    pub typ: String,
    pub exp: i64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct StateClaims {
    pub sid: String,
    pub typ: String,
    /// SHA-256 of the nonce in the httpOnly cookie, so the state in the URL does not reveal it.
    pub nh: String,
    pub exp: i64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    Expired,
    Invalid,
}

fn sign<C: Serialize>(keys: &Keyring, claims: &C) -> anyhow::Result<String> {
    let (kid, secret) = keys.jwt_signing();
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(kid.to_owned());
    Ok(encode(&header, claims, &EncodingKey::from_secret(secret))?)
}

fn verify<C: DeserializeOwned>(keys: &Keyring, token: &str, typ: &str) -> Result<C, TokenError> {
    let header = decode_header(token).map_err(|_| TokenError::Invalid)?;
    let secret = header
        .kid
        .as_deref()
        .and_then(|kid| keys.jwt_verifying(kid))
        .ok_or(TokenError::Invalid)?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = 0;
    validation.required_spec_claims = ["exp".to_owned()].into_iter().collect();
    let data = decode::<serde_json::Value>(token, &DecodingKey::from_secret(secret), &validation)
        .map_err(|e| match e.kind() {
        ErrorKind::ExpiredSignature => TokenError::Expired,
        _ => TokenError::Invalid,
    })?;
    if data.claims.get("typ").and_then(|t| t.as_str()) != Some(typ) {
        return Err(TokenError::Invalid);
    }
    serde_json::from_value(data.claims).map_err(|_| TokenError::Invalid)
}

pub fn connect_token(
    keys: &Keyring,
    session_id: &str,
    expires_at: NaiveDateTime,
) -> anyhow::Result<String> {
    sign(
        keys,
        &ConnectClaims {
            sid: session_id.to_owned(),
            typ: "connect".into(),
            exp: expires_at.and_utc().timestamp(),
        },
    )
}

pub fn verify_connect(keys: &Keyring, token: &str) -> Result<ConnectClaims, TokenError> {
    verify(keys, token, "connect")
}

pub fn state_token(keys: &Keyring, session_id: &str, nonce_hash: &str) -> anyhow::Result<String> {
    sign(
        keys,
        &StateClaims {
            sid: session_id.to_owned(),
            typ: "state".into(),
            nh: nonce_hash.to_owned(),
            exp: chrono::Utc::now().timestamp() + STATE_TTL_SECONDS,
        },
    )
}

pub fn verify_state(keys: &Keyring, token: &str) -> Result<StateClaims, TokenError> {
    verify(keys, token, "state")
}

/// The form on our top-up page: like the OAuth state, bound to the browser's cookie nonce.
pub fn top_up_token(keys: &Keyring, session_id: &str, nonce_hash: &str) -> anyhow::Result<String> {
    sign(
        keys,
        &StateClaims {
            sid: session_id.to_owned(),
            typ: "top_up".into(),
            nh: nonce_hash.to_owned(),
            exp: chrono::Utc::now().timestamp() + STATE_TTL_SECONDS,
        },
    )
}

pub fn verify_top_up(keys: &Keyring, token: &str) -> Result<StateClaims, TokenError> {
    verify(keys, token, "top_up")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_typed_signed_and_expire() {
        let keys = Keyring::parse(&Keyring::generate_spec("k1")).unwrap();
        let exp = chrono::Utc::now().naive_utc() + chrono::Duration::minutes(5);
        let t = connect_token(&keys, "s1", exp).unwrap();
        assert_eq!(verify_connect(&keys, &t).unwrap().sid, "s1");
        // A connect token is not a state token.
        assert_eq!(verify_state(&keys, &t).unwrap_err(), TokenError::Invalid);
        // Tampering breaks the signature.
        let mut tampered = t.clone();
        tampered.pop();
        tampered.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(
            verify_connect(&keys, &tampered).unwrap_err(),
            TokenError::Invalid
        );
        let old = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(5);
        let expired = connect_token(&keys, "s1", old).unwrap();
        assert_eq!(
            verify_connect(&keys, &expired).unwrap_err(),
            TokenError::Expired
        );
        // Another keyring cannot verify.
        let other = Keyring::parse(&Keyring::generate_spec("k1")).unwrap();
        assert_eq!(verify_connect(&other, &t).unwrap_err(), TokenError::Invalid);
    }
}
