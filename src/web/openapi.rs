//! The OpenAPI document: generated from the handlers' annotations as the route table registers
//! them, so a route and its documentation cannot drift apart; [`finish`] then adds what every
//! operation of a kind answers and an example body of each problem type a response names.

use utoipa::openapi::example::Example;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, Response};
use utoipa::{Modify, OpenApi};

use crate::support::memory::give_back;

use crate::web::errors::ProblemKind;

/// The media type of every error.
pub const PROBLEM_JSON: &str = "application/problem+json";

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The tenant API key from `intervals-bridge tenant create`.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "intervals-bridge",
        description = "One REST API for partner apps to work with their users' Intervals.icu accounts: \
connect a user through the browser, then upload and read activities, plan workouts, hand over \
wellness, and receive Intervals.icu's events as signed webhooks. \
Errors are RFC 9457 application/problem+json with a stable `type`. \
Every answer carries `X-Request-Id` (the request's own when it sends a sane one, else a new \
UUID); a problem body carries it as `instance` (`urn:intervals-bridge:request:<id>`).",
    ),
    modifiers(&BearerAuth),
    paths(crate::web::api::passthrough::documented),
    tags(
        (name = "passthrough", description = "Everything else Intervals.icu offers, for one user, with the bridge's rules"),
        (name = "connect", description = "Start the browser connect flow"),
        (name = "users", description = "Connected users"),
        (name = "activities", description = "Upload completed activities; read activities and their files"),
        (name = "workouts", description = "Planned workouts and their files"),
        (name = "sport-settings", description = "The athlete's thresholds and zones per sport"),
        (name = "wellness", description = "Wellness handed to us and pushed to Intervals.icu nightly"),
        (name = "tenant", description = "The calling tenant's own settings, signing secret and API key"),
        (name = "webhooks", description = "The outbound webhook log (Standard Webhooks, signed with the tenant's whsec_ secret)"),
        (name = "operations", description = "Health and documentation"),
    )
)]
pub struct ApiDoc;

/// The document's frame: title, description, tags and the bearer scheme. Its operations come
/// from the route table.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The finished document: the operations as the route table registers them, then [`finish`],
/// then the input rules the annotations cannot state ([`super::rules::declare`]). The `405`
/// answers read its paths; `/openapi.json` serves it [`typed`], and `/docs` renders that
/// ([`Served`]).
pub fn document() -> utoipa::openapi::OpenApi {
    use utoipa_actix_web::AppExt;
    let (_, document) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(base())
        .configure(crate::web::routes::configure)
        .split_for_parts();
    super::rules::declare(finish(document))
}

/// The document as JSON with the typed answers and the `webhooks` section
/// ([`super::answers::add`]).
pub fn typed(doc: &utoipa::openapi::OpenApi) -> serde_json::Value {
    super::answers::add(doc)
}

/// What `/openapi.json` serves, what the `405` answers read of the document, and the `/docs`
/// page. Each is made from [`document`] when first asked for and kept; the document itself is
/// not, and what making it freed is given back to the system ([`give_back`]): an idle instance
/// holds none of it (a finished document is megabytes of values; its text a fraction of that).
pub struct Served {
    public_url: String,
    body: std::sync::OnceLock<bytes::Bytes>,
    methods: std::sync::OnceLock<Vec<(Box<str>, Vec<&'static str>)>>,
    /// The `/docs` page made from `body`.
    page: std::sync::OnceLock<bytes::Bytes>,
}

impl Served {
    pub fn new(public_url: &str) -> Served {
        Served {
            public_url: public_url.trim_end_matches('/').to_owned(),
            body: std::sync::OnceLock::new(),
            methods: std::sync::OnceLock::new(),
            page: std::sync::OnceLock::new(),
        }
    }

    /// The JSON text of the document: [`typed`], with `servers` naming this deployment's
    /// public URL.
    pub fn body(&self) -> bytes::Bytes {
        self.body
            .get_or_init(|| {
                let mut doc = document();
                // The 405s' table from the same document, so it is not built a second time.
                let _ = self.methods.set(methods_table(&mut doc));
                let mut v = typed(&doc);
                drop(doc);
                v["servers"] = serde_json::json!([{
                    "url": self.public_url,
                    "description": "This deployment (`BRIDGE_PUBLIC_URL`)",
                }]);
                let text = serde_json::to_vec(&v).expect("a JSON value serializes");
                drop(v);
                give_back();
                text.into()
            })
            .clone()
    }

    /// The `/docs` page, made once by `render` from [`Served::body`].
    pub fn page(
        &self,
        render: impl FnOnce(&[u8]) -> anyhow::Result<String>,
    ) -> anyhow::Result<bytes::Bytes> {
        if let Some(page) = self.page.get() {
            return Ok(page.clone());
        }
        let made = render(&self.body())?;
        give_back();
        Ok(self.page.get_or_init(|| made.into()).clone())
    }

    /// The methods the document serves on a concrete request path, sorted; empty for a path
    /// it does not describe ([`methods_of`]).
    pub fn methods(&self, path: &str) -> Vec<&'static str> {
        let table = self.methods.get_or_init(|| {
            let table = methods_table(&mut document());
            give_back();
            table
        });
        methods_of(table, path)
    }
}

/// The document's path templates with the methods each serves (in the reference's order).
fn methods_table(doc: &mut utoipa::openapi::OpenApi) -> Vec<(Box<str>, Vec<&'static str>)> {
    doc.paths
        .paths
        .iter_mut()
        .map(|(template, item)| {
            let methods = operations_mut(item).into_iter().map(|(m, _)| m);
            (template.as_str().into(), methods.collect())
        })
        .collect()
}

/// The problem kinds a response's description names in backticks (`` `missing-scope` ``), in
/// order, each once.
pub fn kinds_named(text: &str) -> Vec<ProblemKind> {
    let mut kinds = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            if let Some(kind) = ProblemKind::named(part) {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
    }
    kinds
}

/// The operations of a path item with their methods, in the order the reference shows them.
pub fn operations_mut(item: &mut PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("GET", item.get.as_mut()),
        ("POST", item.post.as_mut()),
        ("PUT", item.put.as_mut()),
        ("PATCH", item.patch.as_mut()),
        ("DELETE", item.delete.as_mut()),
    ]
    .into_iter()
    .filter_map(|(m, op)| op.map(|op| (m, op)))
    .collect()
}

/// The methods of the `table`'s path templates (its `{name}` segments match any one non-empty
/// segment) that match a concrete request path, sorted; empty for a path it does not describe.
pub fn methods_of(table: &[(Box<str>, Vec<&'static str>)], path: &str) -> Vec<&'static str> {
    let segments: Vec<&str> = path.split('/').collect();
    let matches = |template: &str| {
        let parts: Vec<&str> = template.split('/').collect();
        parts.len() == segments.len()
            && parts
                .iter()
                .zip(&segments)
                .all(|(t, s)| t == s || (t.starts_with('{') && t.ends_with('}') && !s.is_empty()))
    };
    let mut methods: Vec<&'static str> = table
        .iter()
        .filter(|(template, _)| matches(template))
        .flat_map(|(_, methods)| methods.iter().copied())
        .collect();
    methods.sort_unstable();
    methods.dedup();
    methods
}

/// Adds `kind` to the operation's response of its status: a new problem response, or one more
/// clause of an existing one's description.
fn add_problem(op: &mut Operation, kind: ProblemKind, when: &str) {
    let clause = format!("`{}`: {when}", kind.as_str());
    let status = kind.status().to_string();
    match op.responses.responses.get_mut(&status) {
        Some(RefOr::T(response)) => {
            if !kinds_named(&response.description).contains(&kind) {
                if !response.description.is_empty() {
                    response.description.push(' ');
                }
                response.description.push_str(&clause);
            }
        }
        Some(RefOr::Ref(_)) => {}
        None => {
            let schema = RefOr::Ref(Ref::from_schema_name("Problem"));
            let response = Response::builder()
                .description(clause)
                .content(PROBLEM_JSON, Content::new(Some(schema)))
                .build();
            op.responses.responses.insert(status, RefOr::T(response));
        }
    }
}

/// What an operation that takes query parameters answers for one it cannot read or does not
/// take: a 422 `validation` naming it, like any other bad field.
const QUERY_REFUSAL: &str = "A query parameter that cannot be read (`limit=ten`) or that this operation does not take is named the same way.";

fn add_query_refusal(op: &mut Operation) {
    match op.responses.responses.get_mut("422") {
        Some(RefOr::T(response))
            if kinds_named(&response.description).contains(&ProblemKind::Validation) =>
        {
            if !response.description.contains(QUERY_REFUSAL) {
                response.description.push(' ');
                response.description.push_str(QUERY_REFUSAL);
            }
        }
        _ => add_problem(
            op,
            ProblemKind::Validation,
            "a query parameter that cannot be read (`limit=ten`) or that this operation does not take, named in `errors[].field`.",
        ),
    }
}

/// The `Idempotency-Key` header every partner POST takes (uploads have `external_id`), and
/// what it may answer.
fn add_idempotency_key(op: &mut Operation) {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    let parameter = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(utoipa::openapi::Required::False)
        .schema(Some(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::schema::Type::String)
                .min_length(Some(1))
                .max_length(Some(255))
                .pattern(Some("^[!-~]+$")),
        ))
        .description(Some(
            "Your own unique key for this request (a UUID, say). A repeat with the same key \
and the same request within 24 hours answers the first answer again (status and body, with \
`Idempotent-Replayed: true`) without doing the work twice; the same key with another request \
is a 422 naming `Idempotency-Key`; a repeat while the first is still being answered is a 409.",
        ))
        .build();
    op.parameters.get_or_insert_with(Vec::new).push(parameter);
    add_problem(
        op,
        ProblemKind::Conflict,
        "a request with the same `Idempotency-Key` is still being answered; retry shortly.",
    );
    const REUSED: &str = "An `Idempotency-Key` used with another request is named the same way.";
    match op.responses.responses.get_mut("422") {
        Some(RefOr::T(response))
            if kinds_named(&response.description).contains(&ProblemKind::Validation) =>
        {
            response.description.push(' ');
            response.description.push_str(REUSED);
        }
        _ => add_problem(
            op,
            ProblemKind::Validation,
            "an `Idempotency-Key` already used with another request, or not 1 to 255 visible ASCII characters.",
        ),
    }
}

/// The headers of an answer about one user (`super::budget`): the athlete's calls today and,
/// with a budget, what is left of it.
fn add_budget_headers(response: &mut Response) {
    let integer = || {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .minimum(Some(0))
    };
    let with_budget = " Only when the deployment sets `INTERVALS_ATHLETE_DAILY_BUDGET`.";
    let headers: [(&str, String, bool); 6] = [
        ("X-Upstream-Calls-Today", "The athlete's calls to Intervals.icu since midnight UTC, by every tenant and instance (once the user was found).".into(), true),
        ("RateLimit-Limit", format!("IETF draft: the athlete's daily budget of calls to Intervals.icu.{with_budget}"), true),
        ("RateLimit-Remaining", format!("IETF draft: what is left of the budget today; at 0, calls upstream answer 429 `athlete-budget-spent`.{with_budget}"), true),
        ("RateLimit-Reset", format!("IETF draft: seconds until midnight UTC, when the budget starts again.{with_budget}"), true),
        ("RateLimit-Policy", format!("IETF draft: `<budget>;w=86400`.{with_budget}"), false),
        ("X-Upstream-Budget-Remaining", format!("The same as `RateLimit-Remaining`.{with_budget}"), true),
    ];
    for (name, description, is_integer) in headers {
        let schema = if is_integer {
            integer()
        } else {
            utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::String)
        };
        response.headers.insert(
            name.to_owned(),
            HeaderBuilder::new()
                .schema(schema)
                .description(Some(description))
                .build(),
        );
    }
}

/// Kinds whose answers carry `Retry-After`.
const RETRY_AFTER: [ProblemKind; 4] = [
    ProblemKind::UpstreamRateLimited,
    ProblemKind::UpstreamUnavailable,
    ProblemKind::AthleteBudgetSpent,
    ProblemKind::Busy,
];

/// What every operation of a kind may answer, added to the route table's document, then an
/// example body for each problem kind a problem response names (so a partner, a client
/// generator and the `/docs` page all see which `type`s an operation can answer):
/// - an operation that takes the API key: `unauthorized`;
/// - one with query parameters: `bad-request`;
/// - one with a JSON body: `bad-request`, `payload-too-large`, `unsupported-media-type`;
/// - one with query parameters: `validation` for one it cannot read or does not take;
/// - a partner POST (but uploads): the `Idempotency-Key` header, its `conflict` and `validation`;
/// - every partner operation: `database-unavailable` and `internal`;
/// - every answer: the `X-Request-Id` header;
/// - every answer about one user: the athlete's upstream calls and budget headers.
pub fn finish(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for (path, item) in doc.paths.paths.iter_mut() {
        for (method, op) in operations_mut(item) {
            if method == "POST" && path.starts_with("/v1/") && !path.ends_with("/activities") {
                add_idempotency_key(op);
            }
            if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
                add_problem(
                    op,
                    ProblemKind::Unauthorized,
                    "no API key, or one that is not (or no longer) valid.",
                );
            }
            let query = op.parameters.as_ref().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p.parameter_in == utoipa::openapi::path::ParameterIn::Query)
            });
            if query {
                add_problem(
                    op,
                    ProblemKind::BadRequest,
                    "the query string could not be read (a value of the wrong type, or a parameter repeated that is not a list).",
                );
            }
            let json_body = op
                .request_body
                .as_ref()
                .is_some_and(|b| b.content.contains_key("application/json"));
            if json_body {
                add_problem(
                    op,
                    ProblemKind::BadRequest,
                    "the body is not JSON (a field of the wrong type, a missing or an unknown one is a 422 naming it).",
                );
                add_problem(
                    op,
                    ProblemKind::PayloadTooLarge,
                    "the body is over the size limit.",
                );
                add_problem(
                    op,
                    ProblemKind::UnsupportedMediaType,
                    "the body is not sent as `application/json`.",
                );
            }
            let takes_query = op
                .parameters
                .iter()
                .flatten()
                .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query));
            if takes_query {
                add_query_refusal(op);
            }
            if path.starts_with("/v1/") {
                add_problem(
                    op,
                    ProblemKind::DatabaseUnavailable,
                    "the database is not available right now; try again shortly.",
                );
                add_problem(
                    op,
                    ProblemKind::Internal,
                    "something failed on our side; it has been logged.",
                );
            }
            for response in op.responses.responses.values_mut() {
                let RefOr::T(response) = response else {
                    continue;
                };
                response.headers.insert(
                    "X-Request-Id".to_owned(),
                    HeaderBuilder::new()
                        .schema(
                            utoipa::openapi::ObjectBuilder::new()
                                .schema_type(utoipa::openapi::schema::Type::String),
                        )
                        .description(Some(
                            "This answer's request id: the request's own `X-Request-Id` when it \
sent a sane one (1 to 128 letters, digits and `-_.~:+=@/`), else a new UUID. A problem body \
carries it as `instance`.",
                        ))
                        .build(),
                );
                if path.starts_with("/v1/users/{user_id}") {
                    add_budget_headers(response);
                }
                let kinds = kinds_named(&response.description);
                let Some(content) = response.content.get_mut(PROBLEM_JSON) else {
                    continue;
                };
                for kind in &kinds {
                    let mut example = Example::new();
                    example.summary = kind.meaning().to_owned();
                    example.value = serde_json::to_value(kind.example()).ok();
                    content
                        .examples
                        .entry(kind.as_str().to_owned())
                        .or_insert(RefOr::T(example));
                }
                if kinds.iter().any(|k| RETRY_AFTER.contains(k)) {
                    response.headers.insert(
                        "Retry-After".to_owned(),
                        HeaderBuilder::new()
                            .schema(
                                utoipa::openapi::ObjectBuilder::new()
                                    .schema_type(utoipa::openapi::schema::Type::Integer),
                            )
                            .description(Some("Seconds to wait before trying again."))
                            .build(),
                    );
                }
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_from_backticks() {
        assert_eq!(
            kinds_named(
                "`missing-scope`: ACTIVITY:READ not granted. `external_id` `busy` `missing-scope`"
            ),
            [ProblemKind::MissingScope, ProblemKind::Busy]
        );
        assert!(kinds_named("no kinds `here`").is_empty());
    }
}
