//! Secrets at rest: AES-256-GCM with a key id per row (rotation: the first key encrypts, every
//! key decrypts), API key hashing, and the HMAC keys that sign connect links and OAuth state.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use anyhow::{anyhow, bail, Context};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

const NONCE_LEN: usize = 12;

struct Key {
    id: String,
    cipher: Aes256Gcm,
    /// Derived from the key for signing JWTs, so signing and encryption never share key bytes.
    jwt_secret: Vec<u8>,
}

/// The configured encryption keys.
pub struct Keyring {
    keys: Vec<Key>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        f.debug_struct("Keyring").field("key_ids", &ids).finish()
    }
}

impl Keyring {
    /// Parses `id:base64(32 bytes)[,id:base64…]`. Errors never echo key material.
    pub fn parse(spec: &str) -> anyhow::Result<Keyring> {
        let mut keys = Vec::new();
        for (i, item) in spec.split(',').map(str::trim).enumerate() {
            if item.is_empty() {
                continue;
            }
            let (id, b64) = item
                .split_once(':')
                .ok_or_else(|| anyhow!("entry {} is not id:base64", i + 1))?;
            let id = id.trim();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                bail!(
                    "entry {}: the key id must be letters, digits, '-' or '_'",
                    i + 1
                );
            }
            let bytes = STANDARD
                .decode(b64.trim())
                .or_else(|_| URL_SAFE_NO_PAD.decode(b64.trim()))
                .map_err(|_| anyhow!("entry {} ({id}): the key is not valid base64", i + 1))?;
            if bytes.len() != 32 {
                bail!(
                    "entry {} ({id}): the key must be 32 bytes, got {}",
                    i + 1,
                    bytes.len()
                );
            }
            if keys.iter().any(|k: &Key| k.id == id) {
                bail!("key id {id} appears twice");
            }
            let cipher =
                Aes256Gcm::new_from_slice(&bytes).map_err(|_| anyhow!("bad key length"))?;
            let jwt_secret = hmac_sha256(&bytes, b"intervals-bridge/jwt/v1").to_vec();
            keys.push(Key {
                id: id.to_owned(),
                cipher,
                jwt_secret,
            });
        }
        if keys.is_empty() {
            bail!("no keys given");
        }
        Ok(Keyring { keys })
    }

    /// A fresh `id:base64` key specification.
    pub fn generate_spec(id: &str) -> String {
        let mut key = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut key);
        format!("{id}:{}", STANDARD.encode(key))
    }

    /// The id of the current key (the first): what `encrypt` seals with.
    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    /// Encrypts with the current key; returns (key id, base64(nonce || ciphertext)).
    pub fn encrypt(&self, plaintext: &str) -> anyhow::Result<(String, String)> {
        let key = &self.keys[0];
        let mut nonce = [0u8; NONCE_LEN];
        rand::thread_rng().fill_bytes(&mut nonce);
        let ct = key
            .cipher
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .map_err(|_| anyhow!("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok((key.id.clone(), STANDARD.encode(out)))
    }

    pub fn decrypt(&self, key_id: &str, data: &str) -> anyhow::Result<String> {
        let key = self
            .keys
            .iter()
            .find(|k| k.id == key_id)
            .ok_or_else(|| anyhow!("encryption key {key_id} is not configured"))?;
        let raw = STANDARD
            .decode(data)
            .context("stored ciphertext is not base64")?;
        if raw.len() <= NONCE_LEN {
            bail!("stored ciphertext is too short");
        }
        let (nonce, ct) = raw.split_at(NONCE_LEN);
        let pt = key
            .cipher
            .decrypt(Nonce::from_slice(nonce), ct)
            .map_err(|_| anyhow!("decryption with key {key_id} failed"))?;
        String::from_utf8(pt).context("decrypted value is not UTF-8")
    }

    /// The JWT signing secret of the current key, with its id (sent as `kid`).
    pub fn jwt_signing(&self) -> (&str, &[u8]) {
        (&self.keys[0].id, &self.keys[0].jwt_secret)
    }

    /// The JWT secret for a `kid`, if that key is still configured.
    pub fn jwt_verifying(&self, kid: &str) -> Option<&[u8]> {
        self.keys
            .iter()
            .find(|k| k.id == kid)
            .map(|k| k.jwt_secret.as_slice())
    }
}

pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// `n` random bytes as unpadded base64url.
pub fn random_token(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Tenant API keys carry 256 random bits, so a plain SHA-256 is a sound, fast lookup hash.
pub fn new_api_key() -> String {
    format!("ibk_{}", random_token(32))
}

pub fn hash_api_key(key: &str) -> String {
    sha256_hex(key.as_bytes())
}

/// Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes.
pub fn new_webhook_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("whsec_{}", STANDARD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_old_rows_decrypt_new_rows_use_new_key() {
        let old = Keyring::generate_spec("k1");
        let new = Keyring::generate_spec("k2");
        let ring1 = Keyring::parse(&old).unwrap();
        let (kid, ct) = ring1.encrypt("secret-token").unwrap();
        assert_eq!(kid, "k1");
        let ring2 = Keyring::parse(&format!("{new},{old}")).unwrap();
        assert_eq!(ring2.decrypt(&kid, &ct).unwrap(), "secret-token");
        let (kid2, ct2) = ring2.encrypt("other").unwrap();
        assert_eq!(kid2, "k2");
        assert!(ring1.decrypt(&kid2, &ct2).is_err());
    }

    #[test]
    fn malformed_specs_are_refused_without_echoing_keys() {
        for bad in ["", "nokey", "k1:notbase64!!", "k1:AAAA", "k1:,k1:"] {
            let err = Keyring::parse(bad).unwrap_err().to_string();
            assert!(!err.contains("AAAA"), "{err}");
        }
    }
}
