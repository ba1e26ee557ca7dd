//! The layers, checked on the source with a Rust parser: the folders of `src/` are the layers
//! (this list is the one place that names them; `lib.rs` declares them in this order, and
//! docs/ARCHITECTURE.md and the README show them in this order, which the tests check too).
//! A module may use its own layer and those below it, and no module imports another folder's
//! module in a circle (files of one folder may cooperate).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// (layer, its top-level modules), lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    ("foundation", &["db", "support"]),
    ("services", &["services"]),
    ("domain", &["domain"]),
    ("HTTP", &["web"]),
    ("composition", &["app"]),
];

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The module path of a file: `web/api/mod.rs` → `[web, api]`, `web/ops.rs` → `[web, ops]`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_owned());
    }
    parts
}

/// Every `crate::…` path a file names: in `use` trees, in expressions and types, and inside
/// attributes and macro calls (e.g. `#[utoipa::path(body = crate::…)]`).
#[derive(Default)]
struct Paths(BTreeSet<Vec<String>>);

impl Paths {
    fn tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.push(prefix, Some(n.ident.to_string())),
            syn::UseTree::Rename(r) => self.push(prefix, Some(r.ident.to_string())),
            syn::UseTree::Glob(_) => self.push(prefix, None),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.tree(prefix, t)),
        }
    }

    fn push(&mut self, prefix: &[String], last: Option<String>) {
        let mut path: Vec<String> = prefix.to_vec();
        path.extend(last.filter(|l| l != "self"));
        if path.first().is_some_and(|f| f == "crate") && path.len() > 1 {
            self.0.insert(path[1..].to_vec());
        }
    }

    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id) if id == "crate" => {
                    let mut path = Vec::new();
                    let mut j = i + 1;
                    while let (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) =
                        (trees.get(j), trees.get(j + 1))
                    {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        match trees.get(j + 2) {
                            Some(TokenTree::Ident(seg)) => path.push(seg.to_string()),
                            _ => break,
                        }
                        j += 3;
                    }
                    if !path.is_empty() {
                        self.0.insert(path);
                    }
                    i = j.max(i + 1) - 1;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

impl<'a> Visit<'a> for Paths {
    fn visit_item_use(&mut self, u: &'a syn::ItemUse) {
        self.tree(&mut Vec::new(), &u.tree);
    }
    fn visit_path(&mut self, p: &'a syn::Path) {
        let segs: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.push(&segs, None);
        syn::visit::visit_path(self, p);
    }
    fn visit_attribute(&mut self, a: &'a syn::Attribute) {
        if let syn::Meta::List(l) = &a.meta {
            self.tokens(l.tokens.clone());
        }
    }
    fn visit_macro(&mut self, m: &'a syn::Macro) {
        self.tokens(m.tokens.clone());
    }
}

/// Every file's module and the `crate::` paths it names.
fn sources() -> Vec<(PathBuf, Vec<String>, BTreeSet<Vec<String>>)> {
    let src = src();
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(&src).expect("under src").to_path_buf();
            let module = module_of(&rel);
            if matches!(module.as_slice(), [] | [_] if module.first().is_none_or(|m| m == "main" || m == "lib" || m == "layers"))
            {
                return None;
            }
            let text = std::fs::read_to_string(&file).expect("readable");
            let parsed = syn::parse_file(&text)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", rel.display()));
            let mut paths = Paths::default();
            paths.visit_file(&parsed);
            Some((rel, module, paths.0))
        })
        .collect()
}

#[test]
fn lib_declares_the_layers_in_order() {
    let text = std::fs::read_to_string(src().join("lib.rs")).expect("lib.rs");
    let parsed = syn::parse_file(&text).expect("lib.rs parses");
    let declared: Vec<String> = parsed
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Mod(m) if !m.attrs.iter().any(|a| a.path().is_ident("cfg")) => {
                Some(m.ident.to_string())
            }
            _ => None,
        })
        .collect();
    let layers: Vec<usize> = declared
        .iter()
        .map(|m| layer_of(m).unwrap_or_else(|| panic!("lib.rs declares {m}, in no layer")))
        .collect();
    assert!(
        layers.windows(2).all(|w| w[0] <= w[1]),
        "lib.rs declares the layers lowest first: {declared:?}"
    );
    let listed: BTreeSet<&str> = LAYERS
        .iter()
        .flat_map(|(_, mods)| mods.iter().copied())
        .collect();
    let declared_set: BTreeSet<&str> = declared.iter().map(String::as_str).collect();
    assert_eq!(declared_set, listed, "lib.rs declares every layer's module");
    // Every folder or file under src/ is a layer's module (or main.rs, lib.rs, this test).
    for entry in std::fs::read_dir(src()).expect("src") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let name = name.trim_end_matches(".rs");
        assert!(
            layer_of(name).is_some() || ["main", "lib", "layers"].contains(&name),
            "src/{name} is in no layer"
        );
    }
}

#[test]
fn modules_use_only_their_layer_and_below() {
    let mut checked = 0;
    for (rel, module, paths) in sources() {
        let own =
            layer_of(&module[0]).unwrap_or_else(|| panic!("{} is in no layer", rel.display()));
        for path in &paths {
            let theirs = layer_of(&path[0]).unwrap_or_else(|| {
                panic!("{} names crate::{}, in no layer", rel.display(), path[0])
            });
            assert!(
                theirs <= own,
                "{} uses crate::{}, a layer above it",
                rel.display(),
                path.join("::")
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "the parser found the references ({checked})");
}

#[test]
fn no_two_folders_import_each_other_in_a_circle() {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|(_, m, _)| m.clone()).collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (_, module, paths) in &sources {
        for path in paths {
            // The deepest module the path names.
            let Some(target) = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains(p))
            else {
                continue;
            };
            let related = target.starts_with(module)
                || module.starts_with(&target)
                || (target.len() == module.len()
                    && target[..target.len() - 1] == module[..module.len() - 1]);
            if !related {
                graph.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    fn visit<'a>(
        m: &'a Vec<String>,
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<&'a Vec<String>>,
        done: &mut BTreeSet<&'a Vec<String>>,
    ) {
        if done.contains(m) {
            return;
        }
        assert!(
            !stack.contains(&m),
            "modules import each other: {} → {}",
            stack
                .iter()
                .map(|s| s.join("::"))
                .collect::<Vec<_>>()
                .join(" → "),
            m.join("::")
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
    assert!(
        graph.len() >= 40,
        "the walk found the modules ({})",
        graph.len()
    );
}

/// The docs show the same layers, in the same order: a table row per layer in
/// docs/ARCHITECTURE.md (`| layer | `folder/` …`), and the README's layout names the folders.
#[test]
fn the_docs_show_these_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let arch = std::fs::read_to_string(root.join("docs/ARCHITECTURE.md")).expect("architecture");
    let rows: Vec<&str> = arch.lines().filter(|l| l.starts_with("| ")).collect();
    let mut at = 0;
    for (name, mods) in LAYERS.iter().rev() {
        let wanted = format!("| {name} | ");
        let pos = rows[at..]
            .iter()
            .position(|r| r.starts_with(&wanted))
            .unwrap_or_else(|| {
                panic!("ARCHITECTURE.md has no row `{wanted}` after the previous layer")
            });
        let row = rows[at + pos];
        for m in *mods {
            let folder = if *m == "app" {
                "`app.rs`".to_owned()
            } else {
                format!("`{m}/`")
            };
            assert!(
                row.contains(&folder),
                "the {name} row names {folder}: {row}"
            );
        }
        at += pos + 1;
    }
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let mut from = 0;
    for (_, mods) in LAYERS.iter().rev() {
        for m in mods.iter().rev() {
            let name = if *m == "app" {
                "src/app.rs".to_owned()
            } else {
                format!("src/{m}/")
            };
            let pos = readme[from..]
                .find(&name)
                .unwrap_or_else(|| panic!("the README's layout names {name}, top layer first"));
            from += pos;
        }
    }
}
