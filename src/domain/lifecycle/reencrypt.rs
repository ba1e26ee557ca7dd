//! Re-encryption after a key rotation: every stored secret (tokens' access tokens, tenants'
//! webhook signing secrets and the previous ones kept during a rotation) is sealed again under
//! the current key, the first of `BRIDGE_ENCRYPTION_KEYS`, so older keys can be removed.
//! Batched, and idempotent: values already under the current key are left alone.

use std::collections::BTreeSet;

use anyhow::bail;
use diesel::QueryResult;

use crate::db::models::{Sealed, Tenant, Token};
use crate::db::{write_tx, DbConn};
use crate::support::crypto::Keyring;

/// Rows read and rewritten per transaction.
pub const BATCH: i64 = 500;

/// What became of the values of one column.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Count {
    /// Sealed again under the current key.
    pub reencrypted: usize,
    /// Already under the current key.
    pub current: usize,
    /// Written by someone else between the read and the rewrite (run again to cover them).
    pub changed: usize,
    /// Not decryptable with the configured keys (a key missing, or different from the one that
    /// sealed them).
    pub failed: usize,
    /// The key ids those values name.
    pub failed_keys: BTreeSet<String>,
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} re-encrypted, {} already under the current key",
            self.reencrypted, self.current
        )?;
        if self.changed > 0 {
            write!(f, ", {} changed meanwhile", self.changed)?;
        }
        if self.failed > 0 {
            write!(f, ", {} not decryptable", self.failed)?;
        }
        Ok(())
    }
}

/// The outcome of a run, per column.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// The key everything is now sealed with.
    pub key_id: String,
    pub tokens: Count,
    pub webhook_secrets: Count,
    pub previous_webhook_secrets: Count,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "current key: {}", self.key_id)?;
        writeln!(f, "access tokens: {}", self.tokens)?;
        writeln!(f, "webhook secrets: {}", self.webhook_secrets)?;
        write!(
            f,
            "previous webhook secrets: {}",
            self.previous_webhook_secrets
        )
    }
}

impl Report {
    /// An error naming the keys that are missing, when any value could not be decrypted.
    pub fn check(&self) -> anyhow::Result<()> {
        let counts = [
            &self.tokens,
            &self.webhook_secrets,
            &self.previous_webhook_secrets,
        ];
        let failed: usize = counts.iter().map(|c| c.failed).sum();
        if failed > 0 {
            let keys: BTreeSet<&str> = counts
                .iter()
                .flat_map(|c| c.failed_keys.iter().map(String::as_str))
                .collect();
            bail!(
                "{failed} value(s) sealed with key id(s) {} could not be decrypted with BRIDGE_ENCRYPTION_KEYS; add those keys after the current one and run again",
                keys.into_iter().collect::<Vec<_>>().join(", ")
            );
        }
        Ok(())
    }
}

/// Seals `value` again under the current key, unless it is already; `None` when it is current.
fn reseal(keys: &Keyring, value: &Sealed, count: &mut Count) -> Option<(String, String)> {
    if value.key_id == keys.current_id() {
        count.current += 1;
        return None;
    }
    let sealed = keys
        .decrypt(&value.key_id, &value.ciphertext)
        .and_then(|plain| keys.encrypt(&plain));
    match sealed {
        Ok(new) => Some(new),
        Err(_) => {
            count.failed += 1;
            count.failed_keys.insert(value.key_id.clone());
            None
        }
    }
}

/// Writes one batch of resealed values (each under its own optimistic check) in one transaction.
fn write(
    conn: &mut DbConn,
    batch: Vec<(Sealed, (String, String))>,
    count: &mut Count,
    store: impl Fn(&mut DbConn, &Sealed, &str, &str) -> QueryResult<bool>,
) -> QueryResult<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let written = write_tx(conn, |c| {
        let mut n = 0;
        for (old, (key_id, ciphertext)) in &batch {
            n += usize::from(store(c, old, key_id, ciphertext)?);
        }
        Ok::<_, diesel::result::Error>(n)
    })?;
    count.reencrypted += written;
    count.changed += batch.len() - written;
    Ok(())
}

/// Re-encrypts every stored secret under the current key, `batch` rows at a time (decryption and
/// encryption happen outside the transactions). Never fails on a value it cannot decrypt: that
/// is counted, and [`Report::check`] turns it into an error once everything else is done.
pub fn run(conn: &mut DbConn, keys: &Keyring, batch: i64) -> anyhow::Result<Report> {
    let batch = batch.max(1);
    let mut report = Report {
        key_id: keys.current_id().to_owned(),
        ..Report::default()
    };
    let mut after = String::new();
    loop {
        let page = Token::sealed_page(conn, &after, batch)?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        let todo: Vec<_> = page
            .into_iter()
            .filter_map(|t| reseal(keys, &t, &mut report.tokens).map(|new| (t, new)))
            .collect();
        write(conn, todo, &mut report.tokens, Token::reseal)?;
    }
    let mut after = String::new();
    loop {
        let page = Tenant::sealed_secrets_page(conn, &after, batch)?;
        let Some((last, _)) = page.last() else { break };
        after = last.id.clone();
        let (mut current, mut previous) = (Vec::new(), Vec::new());
        for (secret, prev) in page {
            if let Some(new) = reseal(keys, &secret, &mut report.webhook_secrets) {
                current.push((secret, new));
            }
            if let Some(prev) = prev {
                if let Some(new) = reseal(keys, &prev, &mut report.previous_webhook_secrets) {
                    previous.push((prev, new));
                }
            }
        }
        write(
            conn,
            current,
            &mut report.webhook_secrets,
            Tenant::reseal_webhook_secret,
        )?;
        write(
            conn,
            previous,
            &mut report.previous_webhook_secrets,
            Tenant::reseal_previous_webhook_secret,
        )?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_key_is_named_and_nothing_secret_is_echoed() {
        let keys = Keyring::parse(&Keyring::generate_spec("k2")).unwrap();
        let mut count = Count::default();
        let value = Sealed {
            id: "t1".into(),
            key_id: "k0".into(),
            ciphertext: "c2VjcmV0LXZhbHVlLWhlcmU=".into(),
        };
        assert_eq!(reseal(&keys, &value, &mut count), None);
        let report = Report {
            key_id: "k2".into(),
            tokens: count,
            ..Report::default()
        };
        let err = report.check().unwrap_err().to_string();
        assert!(
            err.contains("k0") && err.contains("BRIDGE_ENCRYPTION_KEYS"),
            "{err}"
        );
        assert!(!err.contains(&value.ciphertext));
        assert!(!err.contains('\n'));
    }
}
