//! Activity uploads by `external_id`: the id is namespaced per tenant upstream (so two tenants'
//! `ride-1` never meet, and `/links/activities/{external_id}` can find the tenant), mapped back
//! to each tenant's own id on the way out (another tenant's is hidden), and claimed per (tenant,
//! athlete) before an upload so the same `external_id` never uploads twice to one athlete, even
//! from two of the tenant's users connected to that athlete.

pub mod filetype;

use diesel::QueryResult;
use serde_json::{Map, Value};

use crate::db::models::{Upload, UploadClaim};
use crate::db::types::{AthleteId, TenantId, UserId};
use crate::db::DbConn;

/// A pending upload older than this is taken to have died with its instance and may be retried.
pub const STALE_PENDING_SECS: i64 = 600;
/// A pending upload this old whose instance has not beaten its heartbeat for as long is taken to
/// have died with it (heartbeats come every second).
pub const DEAD_HOLDER_SECS: i64 = 10;

/// The `external_id` sent upstream: namespaced by tenant so tenants cannot collide, and
/// resolvable by `/links/activities/{external_id}`.
pub fn upstream_external_id(tenant_id: &TenantId, external_id: &str) -> String {
    format!("{tenant_id}.{external_id}")
}

/// The tenant's own `external_id` back from an upstream one; another tenant's is hidden.
pub fn own_external_id(tenant_id: &TenantId, upstream: &str) -> Option<String> {
    if let Some(own) = namespaced_for(tenant_id, upstream) {
        return Some(own);
    }
    match upstream.split_once('.') {
        Some((t, _)) if uuid::Uuid::parse_str(t).is_ok() => None,
        _ => Some(upstream.to_owned()),
    }
}

/// The tenant's own `external_id` when `upstream` is in its namespace, else `None` (another
/// tenant's, or an id the bridge did not send).
pub fn namespaced_for(tenant_id: &TenantId, upstream: &str) -> Option<String> {
    match upstream.split_once('.') {
        Some((t, ext)) if t == tenant_id.as_str() => Some(ext.to_owned()),
        _ => None,
    }
}

/// Rewrites `external_id` in an upstream object to what the tenant knows (or null).
pub fn map_external_id(obj: &mut Map<String, Value>, tenant_id: &TenantId) {
    if let Some(ext) = obj
        .get("external_id")
        .and_then(Value::as_str)
        .map(str::to_owned)
    {
        obj.insert(
            "external_id".into(),
            own_external_id(tenant_id, &ext)
                .map(Value::String)
                .unwrap_or(Value::Null),
        );
    }
}

/// Claims (tenant, athlete, external_id) for the user's upload of the file with SHA-256 `sha`:
/// the upstream `external_id` names one activity of the athlete, whichever of the tenant's users
/// sent it, so a second user's upload of it answers what the first one's answered. `instance`
/// is the claiming instance's id.
pub fn claim(
    conn: &mut DbConn,
    tenant_id: &TenantId,
    athlete_id: &AthleteId,
    user_id: &UserId,
    external_id: &str,
    sha: &str,
    instance: &str,
) -> QueryResult<UploadClaim> {
    Upload::claim(
        conn,
        tenant_id,
        athlete_id,
        user_id,
        external_id,
        sha,
        instance,
        chrono::Duration::seconds(STALE_PENDING_SECS),
        chrono::Duration::seconds(DEAD_HOLDER_SECS),
    )
}

/// Intervals.icu's activity list (`raw`, a JSON array of objects) as the partner sees it:
/// `{"data":[…]}`, each object marked `"stub"` (a Strava activity Intervals.icu cannot share) and
/// its `external_id` mapped to the tenant's own (or null). Every other value is copied through as
/// Intervals.icu wrote it: no tree of values is built. An answer that is not an array is an empty
/// list.
///
/// `limit` is what the partner asked for; Intervals.icu was asked for one more, so that one
/// (left out) says whether more exist: `has_more`, and `next_newest`, its `start_date_local`,
/// the `newest` that asks for the next page.
pub fn activity_list_json(
    raw: &[u8],
    tenant_id: &TenantId,
    limit: usize,
) -> serde_json::Result<Vec<u8>> {
    use serde_json::value::RawValue;
    let mut items: Vec<&RawValue> = match serde_json::from_slice(raw) {
        Ok(items) => items,
        Err(e) if e.is_data() => Vec::new(),
        Err(e) => return Err(e),
    };
    let next_newest = match items.get(limit) {
        Some(first_left_out) => {
            #[derive(serde::Deserialize)]
            struct Start {
                start_date_local: Option<String>,
            }
            let start = serde_json::from_str::<Start>(first_left_out.get())
                .ok()
                .and_then(|s| s.start_date_local);
            Some(start)
        }
        None => None,
    };
    items.truncate(limit);
    let mut out = Vec::with_capacity(raw.len() + 32 + items.len() * 16);
    out.extend_from_slice(b"{\"data\":[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let text = item.get();
        if !text.starts_with('{') {
            out.extend_from_slice(text.as_bytes());
            continue;
        }
        let fields: raw_object::Fields = serde_json::from_str(text)?;
        let mut stub = (false, false);
        out.push(b'{');
        for (key, value) in &fields.0 {
            let value = value.get();
            match key.as_ref() {
                "stub" => continue,
                "_note" => stub.1 = true,
                "source" => stub.0 = serde_json::from_str::<&str>(value).ok() == Some("STRAVA"),
                _ => {}
            }
            serde_json::to_writer(&mut out, key)?;
            out.push(b':');
            match (key.as_ref(), value.starts_with('"')) {
                ("external_id", true) => {
                    let upstream: std::borrow::Cow<str> = serde_json::from_str(value)?;
                    serde_json::to_writer(&mut out, &own_external_id(tenant_id, &upstream))?;
                }
                _ => out.extend_from_slice(value.as_bytes()),
            }
            out.push(b',');
        }
        out.extend_from_slice(if stub.0 && stub.1 {
            b"\"stub\":true}"
        } else {
            b"\"stub\":false}"
        });
    }
    out.extend_from_slice(b"],\"has_more\":");
    out.extend_from_slice(if next_newest.is_some() {
        b"true"
    } else {
        b"false"
    });
    out.extend_from_slice(b",\"next_newest\":");
    serde_json::to_writer(&mut out, &next_newest.flatten())?;
    out.push(b'}');
    Ok(out)
}

/// A JSON object read as its keys and raw values, in order, borrowing from the input.
mod raw_object {
    use std::borrow::Cow;
    use std::fmt;

    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde_json::value::RawValue;

    pub struct Fields<'a>(pub Vec<(Cow<'a, str>, &'a RawValue)>);

    struct Key<'a>(Cow<'a, str>);

    impl<'de> Deserialize<'de> for Key<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a key")
                }
                fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                    Ok(Key(Cow::Borrowed(s)))
                }
                fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                    Ok(Key(Cow::Owned(s.to_owned())))
                }
            }
            d.deserialize_str(V)
        }
    }

    impl<'de> Deserialize<'de> for Fields<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Fields<'de>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                    let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(64));
                    while let Some(Key(k)) = map.next_key()? {
                        fields.push((k, map.next_value::<&RawValue>()?));
                    }
                    Ok(Fields(fields))
                }
            }
            d.deserialize_map(V)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What the list rewrite must equal: the same answer built as a tree of values.
    fn through_values(raw: &Value, tenant: &TenantId) -> Value {
        let data: Vec<Value> = raw
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|mut a| {
                if let Some(obj) = a.as_object_mut() {
                    let stub = obj.get("source").and_then(Value::as_str) == Some("STRAVA")
                        && obj.contains_key("_note");
                    obj.insert("stub".into(), Value::Bool(stub));
                    map_external_id(obj, tenant);
                }
                a
            })
            .collect();
        json!({ "data": data, "has_more": false, "next_newest": null })
    }

    #[test]
    fn the_activity_list_rewrite_equals_the_value_tree_rewrite() {
        let tenant = &TenantId::from("6c1b4bde-6f5e-4a57-9d1c-1f2b3c4d5e6f");
        let other = "0f0e0d0c-0b0a-4909-8807-060504030201";
        let raw = json!([
            {"id": "i1", "source": "STRAVA", "_note": "not shared", "stub": "theirs"},
            {"id": "i2", "source": "STRAVA", "name": "no note"},
            {"id": "i3", "external_id": format!("{tenant}.ride-1"), "nested": {"a": [1, 2.5, null]}},
            {"id": "i4", "external_id": format!("{other}.ride-1")},
            {"id": "i5", "external_id": "garmin-123", "n\"ame": "q\u{e9}\\\"uote"},
            {"id": "i6", "external_id": null, "source": "UPLOAD", "_note": null},
            {},
            42,
            "text",
        ]);
        let text = serde_json::to_vec(&raw).unwrap();
        let ours: Value = serde_json::from_slice(&activity_list_json(&text, tenant, 100).unwrap())
            .expect("the rewrite is JSON");
        assert_eq!(ours, through_values(&raw, tenant));
        assert_eq!(ours["data"][0]["stub"], json!(true));
        assert_eq!(ours["data"][2]["external_id"], json!("ride-1"));
        assert_eq!(ours["data"][3]["external_id"], Value::Null);
        // Not an array: an empty list. Not JSON: an error.
        for not_a_list in [json!({"error": "x"}), json!(null), json!("x")] {
            let text = serde_json::to_vec(&not_a_list).unwrap();
            let ours: Value =
                serde_json::from_slice(&activity_list_json(&text, tenant, 100).unwrap()).unwrap();
            assert_eq!(
                ours,
                json!({"data": [], "has_more": false, "next_newest": null})
            );
        }
        assert!(activity_list_json(b"[{\"id\":", tenant, 100).is_err());
        // One more than the limit: a page of `limit`, and where the next one starts.
        let three = serde_json::to_vec(&json!([
            {"id": "i3", "start_date_local": "2026-03-03T07:00:00"},
            {"id": "i2", "start_date_local": "2026-03-02T07:00:00"},
            {"id": "i1", "start_date_local": "2026-03-01T07:00:00"},
        ]))
        .unwrap();
        let page: Value =
            serde_json::from_slice(&activity_list_json(&three, tenant, 2).unwrap()).unwrap();
        assert_eq!(page["data"].as_array().unwrap().len(), 2);
        assert_eq!(page["has_more"], true);
        assert_eq!(page["next_newest"], "2026-03-01T07:00:00");
        let all: Value =
            serde_json::from_slice(&activity_list_json(&three, tenant, 3).unwrap()).unwrap();
        assert_eq!(
            (all["data"].as_array().unwrap().len(), &all["has_more"]),
            (3, &json!(false))
        );
    }
}
