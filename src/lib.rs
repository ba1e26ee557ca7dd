//! intervals-bridge: one service that lets partner apps connect their users' Intervals.icu
//! accounts through OAuth and work with them through a single REST API.
//!
//! Layers, each using only the ones below it (docs/ARCHITECTURE.md):
//! - HTTP: `app` (server and background work), `routes`, `api`, `connect`, `dashboard`, `ops`,
//!   `openapi`, `docs` (the `/docs` page), `errors` (`AppError`), `web_security`;
//! - domain: `connections`, `connect_sessions`, `dashboard_sessions`, `deliveries`, `tenants`,
//!   `scopes`, `uploads`, `outbox`, `wellness`, `webhooks`, `lifecycle`, `workouts`;
//! - services: `state` (`AppState`), `intervals` (the upstream client), `jobs` (the queue),
//!   `access_cache` (API keys' tenants and users' connections in memory);
//! - foundation: `db` (pool, schema, one model per table), `crypto`, `config`, `ssrf`,
//!   `backoff`, `dates`, `validation`.

pub mod access_cache;
pub(crate) mod api;
pub mod app;
pub mod backoff;
pub mod config;
pub(crate) mod connect;
pub mod connect_sessions;
pub(crate) mod connections;
pub mod crypto;
pub(crate) mod dashboard;
pub mod dashboard_sessions;
pub mod dates;
pub mod db;
pub(crate) mod deliveries;
pub(crate) mod docs;
pub(crate) mod errors;
pub(crate) mod intervals;
pub mod jobs;
pub mod lifecycle;
pub(crate) mod openapi;
pub(crate) mod ops;
pub mod outbox;
pub(crate) mod routes;
pub mod scopes;
pub(crate) mod ssrf;
pub mod state;
pub mod tenants;
pub(crate) mod uploads;
pub(crate) mod validation;
pub(crate) mod web_security;
pub mod webhooks;
pub mod wellness;
pub(crate) mod workouts;

#[cfg(test)]
mod layers {
    //! The layers of docs/ARCHITECTURE.md, checked on the source: a module may use modules of
    //! its own layer or below, and no top-level modules import each other in a circle.

    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    const LAYERS: &[&[&str]] = &[
        &[
            "db",
            "crypto",
            "config",
            "ssrf",
            "backoff",
            "dates",
            "validation",
        ],
        &["state", "intervals", "jobs", "access_cache"],
        &[
            "connections",
            "connect_sessions",
            "dashboard_sessions",
            "deliveries",
            "tenants",
            "scopes",
            "uploads",
            "outbox",
            "wellness",
            "webhooks",
            "lifecycle",
            "workouts",
        ],
        &[
            "routes",
            "api",
            "connect",
            "dashboard",
            "ops",
            "openapi",
            "docs",
            "errors",
            "web_security",
        ],
        &["app"],
    ];

    fn layer(module: &str) -> Option<usize> {
        LAYERS.iter().position(|l| l.contains(&module))
    }

    /// `crate::x` and `crate::{x, y::z}` references in a file.
    fn references(text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .collect(),
                None => vec![rest],
            };
            for n in names {
                let n: String = n
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !n.is_empty() {
                    out.insert(n);
                }
            }
        }
        out
    }

    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }

    #[test]
    fn modules_use_only_their_layer_and_below_and_never_in_a_circle() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        walk(&src, &mut files);
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in files {
            let rel = file.strip_prefix(&src).expect("under src");
            let top = rel
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .expect("a name")
                .trim_end_matches(".rs")
                .to_owned();
            if top == "main" || top == "lib" {
                continue;
            }
            let own = layer(&top).unwrap_or_else(|| panic!("{top} is in no layer"));
            let text = std::fs::read_to_string(&file).expect("readable");
            for dep in references(&text) {
                if dep == top {
                    continue;
                }
                let theirs = layer(&dep).unwrap_or_else(|| panic!("{dep} is in no layer"));
                assert!(
                    theirs <= own,
                    "{} uses crate::{dep}, a layer above it",
                    rel.display()
                );
                graph.entry(top.clone()).or_default().insert(dep);
            }
        }
        // No cycles: a depth-first search never meets a module still on its stack.
        fn visit<'a>(
            m: &'a str,
            graph: &'a BTreeMap<String, BTreeSet<String>>,
            stack: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) {
            if done.contains(m) {
                return;
            }
            assert!(
                !stack.contains(&m),
                "modules import each other: {stack:?} → {m}"
            );
            stack.push(m);
            for d in graph.get(m).into_iter().flatten() {
                visit(d, graph, stack, done);
            }
            stack.pop();
            done.insert(m);
        }
        let mut done = BTreeSet::new();
        for m in graph.keys() {
            visit(m, &graph, &mut Vec::new(), &mut done);
        }
        assert!(graph.len() >= 15, "the walk found the modules: {graph:?}");
    }
}
