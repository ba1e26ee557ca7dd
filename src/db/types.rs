//! Statuses stored as text, typed in Rust: each is an enum whose diesel mapping reads and writes
//! the same lowercase words on SQLite and PostgreSQL, so a typo is a compile error, not a row
//! nobody ever finds again.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

/// A stored status word that no variant names (a row written by a newer version, or by hand).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStatus(pub String);

impl std::fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown status '{}'", self.0)
    }
}

impl std::error::Error for UnknownStatus {}

/// Declares a status enum stored as text: `as_str`, `Display`, `FromStr`, serde and the OpenAPI
/// schema (a string enum) as the same words, and the diesel `Text` mapping for every backend.
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            diesel::AsExpression, diesel::FromSqlRow, serde::Serialize, serde::Deserialize,
            utoipa::ToSchema,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        // Every value is its variant's name in snake_case; the OpenAPI schema reads this (the
        // variants' own renames say the same to serde).
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::db::types::UnknownStatus;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::db::types::UnknownStatus(other.to_owned())),
                }
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                $crate::db::types::write_text(self.as_str(), out)
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                $crate::db::types::read_text(bytes)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use text_enum;

#[doc(hidden)]
pub fn write_text<DB>(s: &'static str, out: &mut Output<'_, '_, DB>) -> serialize::Result
where
    DB: Backend,
    str: ToSql<Text, DB>,
{
    <str as ToSql<Text, DB>>::to_sql(s, out)
}

#[doc(hidden)]
pub fn read_text<T, DB>(bytes: DB::RawValue<'_>) -> deserialize::Result<T>
where
    DB: Backend,
    String: FromSql<Text, DB>,
    T: std::str::FromStr<Err = UnknownStatus>,
{
    let s = <String as FromSql<Text, DB>>::from_sql(bytes)?;
    s.parse::<T>().map_err(Into::into)
}

/// Declares an id stored as text: a newtype, so a tenant id can never be passed where a user id
/// or an athlete id is meant. Reads as `&str` (`Deref`), serialises as the plain string.
macro_rules! text_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel::AsExpression, diesel::FromSqlRow, serde::Serialize, serde::Deserialize,
            utoipa::ToSchema,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    self.0.as_str(),
                    out,
                )
            }
        }

        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                <String as diesel::deserialize::FromSql<diesel::sql_types::Text, DB>>::from_sql(
                    bytes,
                )
                .map($name)
            }
        }
    };
}

text_id! {
    /// A tenant (partner app).
    TenantId
}

text_id! {
    /// The partner's own id for its user (URL-safe, up to 128 characters).
    UserId
}

text_id! {
    /// An Intervals.icu athlete id (`i317960`, `2049151`).
    AthleteId
}

text_enum! {
    /// An athlete's token for our OAuth app. A connection's status is its token's.
    pub enum TokenStatus {
        Active = "active",
        /// The athlete withdrew access on Intervals.icu.
        Revoked = "revoked",
        /// Intervals.icu answered 401 for it.
        Invalid = "invalid",
    }
}

text_enum! {
    /// A connect link: `pending` until the consent page is submitted, `authorizing` while the
    /// browser is at Intervals.icu, `exchanging` while the callback swaps the code.
    pub enum SessionStatus {
        Pending = "pending",
        Authorizing = "authorizing",
        Exchanging = "exchanging",
        /// Waiting on our page that asks the athlete to grant, at Intervals.icu, what other
        /// connections of the same athlete hold.
        TopUp = "top_up",
        Completed = "completed",
        Failed = "failed",
    }
}

text_enum! {
    /// An upload claimed by its `external_id`.
    pub enum UploadStatus {
        Pending = "pending",
        Done = "done",
    }
}

text_enum! {
    /// One tenant webhook delivery.
    pub enum DeliveryStatus {
        Pending = "pending",
        Succeeded = "succeeded",
        /// Gave up after the whole retry schedule.
        Failed = "failed",
        /// The endpoint answered 410 Gone.
        Disabled = "disabled",
    }
}

text_enum! {
    /// A background job.
    pub enum JobStatus {
        Queued = "queued",
        Running = "running",
        Done = "done",
        Failed = "failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_show_the_stored_words() {
        fn values<T: utoipa::PartialSchema>() -> serde_json::Value {
            serde_json::to_value(T::schema()).unwrap()["enum"].clone()
        }
        let tokens: Vec<&str> = TokenStatus::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(values::<TokenStatus>(), serde_json::json!(tokens));
        let deliveries: Vec<&str> = DeliveryStatus::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(values::<DeliveryStatus>(), serde_json::json!(deliveries));
        let sessions: Vec<&str> = SessionStatus::ALL.iter().map(|v| v.as_str()).collect();
        assert_eq!(values::<SessionStatus>(), serde_json::json!(sessions));
        assert_eq!(
            serde_json::to_value(SessionStatus::TopUp).unwrap(),
            serde_json::json!("top_up")
        );
    }

    #[test]
    fn words_round_trip() {
        for s in DeliveryStatus::ALL {
            assert_eq!(s.as_str().parse::<DeliveryStatus>(), Ok(*s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::json!(s.as_str())
            );
        }
        assert_eq!(
            "gone".parse::<TokenStatus>(),
            Err(UnknownStatus("gone".into()))
        );
        assert_eq!(JobStatus::Queued.to_string(), "queued");
        assert_eq!(SessionStatus::ALL.len(), 6);
    }
}
