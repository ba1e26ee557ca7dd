//! OAuth as Intervals.icu keeps it: the registered apps, single-use authorization codes with a
//! lifetime, and tokens, one active per app and athlete. An athlete someone mints a token for
//! exists from then on.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{json, Value};

use super::lock::Lock;
use crate::athletes::{athlete, minted_name};
use crate::scope::{self, Scope};

const DEFAULT_CODE_TTL: Duration = Duration::from_secs(120);

/// An OAuth application registered with the simulated Intervals.icu.
#[derive(Debug, Clone)]
pub struct SandboxClient {
    pub client_id: String,
    pub client_secret: String,
    pub name: String,
}

struct Code {
    client_id: String,
    athlete_id: String,
    scopes: Vec<Scope>,
    expires_at: Instant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TokenStatus {
    Active,
    Revoked,
    Replaced,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub client_id: String,
    pub athlete_id: String,
    pub scopes: Vec<Scope>,
    pub access_token: String,
    pub status: TokenStatus,
}

struct State {
    clients: HashMap<String, SandboxClient>,
    codes: HashMap<String, Code>,
    /// Lifetime of codes issued from now on.
    code_ttl: Duration,
    /// Only ever appended to (statuses change in place), so positions are stable.
    tokens: Vec<Token>,
    /// Access token → position in `tokens`.
    token_by_access: HashMap<String, usize>,
    /// Athlete → positions of their tokens (any app). Every key is a known athlete: seeded, or
    /// created by `/_sandbox/tokens/mint`.
    tokens_by_athlete: HashMap<String, Vec<usize>>,
    /// Athlete → personal API key, and back. Every known athlete has one.
    api_keys: HashMap<String, String>,
    athlete_by_key: HashMap<String, String>,
}

pub(crate) struct Grants(Lock<State>);

/// Why the token endpoint refuses an exchange.
pub(crate) enum ExchangeError {
    /// Unknown app or wrong secret.
    Client,
    /// No such code for this app, or it expired.
    Code,
}

/// Why an athlete's change of scope is refused.
pub(crate) enum NarrowError {
    NoActiveToken,
    /// A scope that was not granted, and what was.
    Wider(Scope, String),
}

impl Grants {
    pub(crate) fn new() -> Grants {
        let mut st = State {
            clients: HashMap::new(),
            codes: HashMap::new(),
            code_ttl: DEFAULT_CODE_TTL,
            tokens: Vec::new(),
            token_by_access: HashMap::new(),
            tokens_by_athlete: HashMap::new(),
            api_keys: HashMap::new(),
            athlete_by_key: HashMap::new(),
        };
        for a in &crate::athletes::ATHLETES {
            st.ensure_api_key(a.id);
        }
        Grants(Lock::new(st))
    }

    /// The athlete's personal API key (`None` for an athlete the sandbox does not know).
    pub(crate) fn api_key(&self, athlete_id: &str) -> Option<String> {
        self.0.lock().api_keys.get(athlete_id).cloned()
    }

    /// The athlete whose personal API key this is, and their name.
    pub(crate) fn by_api_key(&self, key: &str) -> Option<(String, String)> {
        let st = self.0.lock();
        let athlete = st.athlete_by_key.get(key)?.clone();
        let name = st.athlete_name(&athlete).unwrap_or_default();
        Some((athlete, name))
    }

    /// Registers (or replaces) an app.
    pub(crate) fn register(&self, client: SandboxClient) {
        self.0
            .lock()
            .clients
            .insert(client.client_id.clone(), client);
    }

    pub(crate) fn client_name(&self, client_id: &str) -> Option<String> {
        self.0.lock().clients.get(client_id).map(|c| c.name.clone())
    }

    pub(crate) fn code_ttl(&self) -> Duration {
        self.0.lock().code_ttl
    }

    /// Applies to codes issued from now on.
    pub(crate) fn set_code_ttl(&self, ttl: Duration) {
        self.0.lock().code_ttl = ttl;
    }

    pub(crate) fn issue_code(
        &self,
        client_id: &str,
        athlete_id: &str,
        scopes: Vec<Scope>,
    ) -> String {
        let code = random_hex();
        let now = Instant::now();
        let mut st = self.0.lock();
        st.codes.retain(|_, c| c.expires_at > now);
        let expires_at = now + st.code_ttl;
        st.codes.insert(
            code.clone(),
            Code {
                client_id: client_id.to_owned(),
                athlete_id: athlete_id.to_owned(),
                scopes,
                expires_at,
            },
        );
        code
    }

    /// Every outstanding code expires now; answers how many there were.
    pub(crate) fn expire_codes(&self) -> usize {
        let mut st = self.0.lock();
        let now = Instant::now();
        let mut expired = 0;
        for code in st.codes.values_mut().filter(|c| c.expires_at > now) {
            code.expires_at = now;
            expired += 1;
        }
        expired
    }

    /// The token endpoint: the app's credentials first, then its code, which is used up.
    /// Answers the endpoint's body.
    pub(crate) fn exchange(
        &self,
        client_id: &str,
        secret: &str,
        code: &str,
    ) -> Result<Value, ExchangeError> {
        let mut st = self.0.lock();
        if st
            .clients
            .get(client_id)
            .is_none_or(|c| c.client_secret != secret)
        {
            return Err(ExchangeError::Client);
        }
        let now = Instant::now();
        st.codes.retain(|_, c| c.expires_at > now);
        // Another client's code is left in place: it still belongs to its rightful owner.
        if st.codes.get(code).is_none_or(|c| c.client_id != client_id) {
            return Err(ExchangeError::Code);
        }
        let grant = st.codes.remove(code).ok_or(ExchangeError::Code)?;
        Ok(st.grant(grant.client_id, grant.athlete_id, grant.scopes))
    }

    /// A completed grant without the consent page (`/_sandbox/tokens/mint`), creating the athlete
    /// if need be; `None` for an unregistered app.
    pub(crate) fn mint(
        &self,
        client_id: String,
        athlete_id: String,
        scopes: Vec<Scope>,
    ) -> Option<Value> {
        let mut st = self.0.lock();
        if !st.clients.contains_key(&client_id) {
            return None;
        }
        Some(st.grant(client_id, athlete_id, scopes))
    }

    /// The active token with this access token, and its athlete's name.
    pub(crate) fn active(&self, access_token: &str) -> Option<(Token, String)> {
        let st = self.0.lock();
        let token = st
            .token_by_access
            .get(access_token)
            .map(|&i| &st.tokens[i])
            .filter(|t| t.status == TokenStatus::Active)?;
        let name = st.athlete_name(&token.athlete_id).unwrap_or_default();
        Some((token.clone(), name))
    }

    /// The app disconnects itself with this token.
    pub(crate) fn revoke_access_token(&self, access_token: &str) {
        let mut st = self.0.lock();
        if let Some(&i) = st.token_by_access.get(access_token) {
            st.tokens[i].status = TokenStatus::Revoked;
        }
    }

    /// The athlete revokes the app in their settings: how many active tokens that ended (0 or
    /// 1), and the app's name.
    pub(crate) fn revoke(&self, client_id: &str, athlete_id: &str) -> (usize, Option<String>) {
        let mut st = self.0.lock();
        let positions = st
            .tokens_by_athlete
            .get(athlete_id)
            .cloned()
            .unwrap_or_default();
        let mut revoked = 0;
        for i in positions {
            let t = &mut st.tokens[i];
            if t.status == TokenStatus::Active && t.client_id == client_id {
                t.status = TokenStatus::Revoked;
                revoked += 1;
            }
        }
        (revoked, st.clients.get(client_id).map(|c| c.name.clone()))
    }

    /// The athlete unticks scopes: the active token keeps working with `scopes`, which may only
    /// narrow what was granted. Answers the new scope and the app's name.
    pub(crate) fn narrow(
        &self,
        client_id: &str,
        athlete_id: &str,
        scopes: Vec<Scope>,
    ) -> Result<(String, Option<String>), NarrowError> {
        let mut st = self.0.lock();
        let st = &mut *st;
        let token = st
            .tokens_by_athlete
            .get(athlete_id)
            .into_iter()
            .flatten()
            .copied()
            .find(|&i| {
                let t = &st.tokens[i];
                t.status == TokenStatus::Active && t.client_id == client_id
            })
            .map(|i| &mut st.tokens[i])
            .ok_or(NarrowError::NoActiveToken)?;
        if let Some(extra) = scopes
            .iter()
            .find(|s| !token.scopes.iter().any(|old| old.allows(s.area, s.access)))
        {
            return Err(NarrowError::Wider(*extra, scope::join(&token.scopes)));
        }
        token.scopes = scopes;
        let joined = scope::join(&token.scopes);
        Ok((joined, st.clients.get(client_id).map(|c| c.name.clone())))
    }

    /// Every token ever issued, oldest first.
    pub(crate) fn tokens(&self) -> Vec<Token> {
        self.0.lock().tokens.clone()
    }

    /// Every athlete: the seeded ones first, then those minted, by id.
    pub(crate) fn athletes(&self) -> Vec<String> {
        let mut minted: Vec<String> = self
            .0
            .lock()
            .tokens_by_athlete
            .keys()
            .filter(|id| athlete(id).is_none())
            .cloned()
            .collect();
        minted.sort();
        let mut all: Vec<String> = crate::athletes::ATHLETES
            .iter()
            .map(|a| a.id.to_owned())
            .collect();
        all.extend(minted);
        all
    }

    /// A seeded athlete, or one created by `/_sandbox/tokens/mint`.
    pub(crate) fn knows_athlete(&self, id: &str) -> bool {
        athlete(id).is_some() || self.0.lock().tokens_by_athlete.contains_key(id)
    }

    /// Apps holding an active token for the athlete; with `area`, only those whose scope names
    /// it (READ or WRITE).
    pub(crate) fn apps_for(&self, athlete_id: &str, area: Option<&str>) -> Vec<String> {
        let st = self.0.lock();
        let mut apps: Vec<String> = Vec::new();
        for &i in st.tokens_by_athlete.get(athlete_id).into_iter().flatten() {
            let t = &st.tokens[i];
            if t.status == TokenStatus::Active
                && area.is_none_or(|a| t.scopes.iter().any(|s| s.area == a))
                && !apps.contains(&t.client_id)
            {
                apps.push(t.client_id.clone());
            }
        }
        apps
    }
}

impl State {
    /// Issues the token of a completed grant (one per app and athlete: the pair's active token,
    /// if any, is replaced) and returns the token endpoint's body.
    fn grant(&mut self, client_id: String, athlete_id: String, scopes: Vec<Scope>) -> Value {
        let scope = scope::join(&scopes);
        let id = athlete_id.clone();
        let access_token = self.issue_token(client_id, athlete_id, scopes);
        // After issuing: a minted athlete exists from its first token on.
        let name = self.athlete_name(&id).unwrap_or_default();
        json!({
            "token_type": "Bearer",
            "access_token": access_token,
            "scope": scope,
            "athlete": {"id": id, "name": name},
        })
    }

    fn issue_token(&mut self, client_id: String, athlete_id: String, scopes: Vec<Scope>) -> String {
        let access_token = random_hex();
        let at = self.tokens.len();
        let positions = self
            .tokens_by_athlete
            .entry(athlete_id.clone())
            .or_default();
        for &i in positions.iter() {
            let t = &mut self.tokens[i];
            if t.status == TokenStatus::Active && t.client_id == client_id {
                t.status = TokenStatus::Replaced;
            }
        }
        positions.push(at);
        self.token_by_access.insert(access_token.clone(), at);
        self.ensure_api_key(&athlete_id);
        self.tokens.push(Token {
            client_id,
            athlete_id,
            scopes,
            access_token: access_token.clone(),
            status: TokenStatus::Active,
        });
        access_token
    }

    fn ensure_api_key(&mut self, athlete_id: &str) {
        if !self.api_keys.contains_key(athlete_id) {
            let key = random_api_key();
            self.athlete_by_key
                .insert(key.clone(), athlete_id.to_owned());
            self.api_keys.insert(athlete_id.to_owned(), key);
        }
    }

    /// The seeded athlete's name, `Athlete <id>` for a minted one.
    fn athlete_name(&self, id: &str) -> Option<String> {
        match athlete(id) {
            Some(a) => Some(a.name.to_owned()),
            None if self.tokens_by_athlete.contains_key(id) => Some(minted_name(id)),
            None => None,
        }
    }
}

/// 26 lowercase letters and digits, the shape of the keys on Intervals.icu's settings page.
fn random_api_key() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    (0..26)
        .map(|_| char::from(CHARS[rng.gen_range(0..CHARS.len())]))
        .collect()
}

/// 32 lowercase hex characters, the shape of upstream codes and tokens.
fn random_hex() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}
