//! Prepares the embedded lexicons at compile time:
//! - lists `lexicons/<lang>/*.txt` for `include_str!` (adding a lexicon file needs no code change);
//! - parses them with the library's own parser and builds the matcher's automaton with the library's own
//!   code (the modules below are the library's files), then writes the serialized automaton and the
//!   pattern tables to OUT_DIR, so `Linter::new()` deserializes instead of building (start-up time).
//!
//! A lexicon error fails the build with its file and line.
#![allow(dead_code)]

use std::{env, fmt::Write as _, fs, path::Path};

#[path = "src/error.rs"]
mod error;
#[path = "src/lang.rs"]
mod lang;
#[path = "src/lexicon.rs"]
mod lexicon;
#[path = "src/matcher.rs"]
mod matcher;
#[path = "src/normalize.rs"]
mod normalize;
#[path = "src/rule.rs"]
mod rule;
#[path = "src/swar.rs"]
mod swar;

/// Stand-ins for what the library gets from this script's output.
mod embedded {
    pub(crate) static EMBEDDED_LEXICONS: &[(&str, &str)] = &[];
    pub(crate) static EMBEDDED_ENTRIES: &[crate::lexicon::Entry] = &[];
    pub(crate) static EMBEDDED_WARNINGS: &[&str] = &[];
    pub(crate) static AUTOMATON: &[u8] = &[];
    pub(crate) static PATTERNS: &[&str] = &[];
    pub(crate) static GROUPS: &[(u32, u32)] = &[];
    pub(crate) static GROUP_ENTRIES: &[u32] = &[];
    pub(crate) const ENTRY_COUNT: usize = usize::MAX;
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    println!("cargo:rerun-if-changed={}", root.display());
    for src in ["error.rs", "lang.rs", "lexicon.rs", "matcher.rs", "normalize.rs", "rule.rs"] {
        println!("cargo:rerun-if-changed=src/{src}");
    }
    let mut files = Vec::new();
    for lang in fs::read_dir(&root).expect("lexicons/ exists") {
        let lang = lang.expect("readable lexicons/ entry").path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang.display());
        for file in fs::read_dir(&lang).expect("readable language folder") {
            let path = file.expect("readable lexicon entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                println!("cargo:rerun-if-changed={}", path.display());
                files.push(path);
            }
        }
    }
    files.sort();
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR set by cargo");
    let out_dir = Path::new(&out_dir);

    // The file list, and the lexicon parsed the way `Lexicon::embedded` parses it.
    let mut list =
        String::from("/// `(path relative to lexicons/, contents)` of every embedded lexicon file, sorted by path.\n");
    list.push_str("pub(crate) static EMBEDDED_LEXICONS: &[(&str, &str)] = &[\n");
    let mut lex = lexicon::Lexicon::default();
    for path in &files {
        let rel = path.strip_prefix(&root).expect("under lexicons/").to_string_lossy().replace('\\', "/");
        writeln!(list, "    ({rel:?}, include_str!({:?})),", path.display().to_string()).unwrap();
        let text = fs::read_to_string(path).expect("lexicon files are UTF-8");
        let lang = rel.split('/').next().and_then(lang::Lang::from_code);
        if let Err(e) = lex.add_str(&format!("lexicons/{rel}"), &text, lang) {
            panic!("{e}");
        }
    }
    list.push_str("];\n");
    fs::write(out_dir.join("embedded_lexicons.rs"), list).expect("write embedded_lexicons.rs");

    let mut e = String::from("/// The entries of the embedded lexicons, parsed by `build.rs`.\n");
    e.push_str("pub(crate) static EMBEDDED_ENTRIES: &[Entry] = &[\n");
    for entry in &lex.entries {
        writeln!(e, "    {},", entry_literal(entry)).unwrap();
    }
    e.push_str("];\n/// Warnings from parsing them.\n");
    writeln!(e, "pub(crate) static EMBEDDED_WARNINGS: &[&str] = &{:?};", lex.warnings()).unwrap();
    fs::write(out_dir.join("embedded_entries.rs"), e).expect("write embedded_entries.rs");

    let m = matcher::Matcher::new(&lex.entries).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out_dir.join("automaton.bin"), m.serialize()).expect("write automaton.bin");
    let (patterns, groups, group_entries) = m.tables();
    let mut t = String::new();
    writeln!(t, "/// Entries in the embedded lexicons when the tables were built.").unwrap();
    writeln!(t, "pub(crate) const ENTRY_COUNT: usize = {};", lex.entries.len()).unwrap();
    writeln!(t, "/// The automaton's patterns, in automaton order.").unwrap();
    writeln!(t, "pub(crate) static PATTERNS: &[&str] = &{patterns:?};").unwrap();
    writeln!(t, "/// Per pattern, the range of `GROUP_ENTRIES` it stands for.").unwrap();
    writeln!(t, "pub(crate) static GROUPS: &[(u32, u32)] = &{groups:?};").unwrap();
    writeln!(t, "/// Entry indices, grouped by pattern.").unwrap();
    writeln!(t, "pub(crate) static GROUP_ENTRIES: &[u32] = &{group_entries:?};").unwrap();
    fs::write(out_dir.join("embedded_matcher.rs"), t).expect("write embedded_matcher.rs");
}

/// A Rust expression that builds `e` (for the `EMBEDDED_ENTRIES` static).
fn entry_literal(e: &lexicon::Entry) -> String {
    let rule = match e.rule {
        lexicon::EntryRule::Report(r) => format!("EntryRule::Report(Rule::{r:?})"),
        lexicon::EntryRule::Context => "EntryRule::Context".to_string(),
    };
    format!(
        "Entry {{ term: Cow::Borrowed({:?}), folded: Cow::Borrowed({:?}), lang: Lang::{:?}, rule: {rule}, \
         kind: Kind::{:?}, weight: {:?}f32, left: Left::{:?}, right: Right::{:?}, num_before: {}, num_after: {}, \
         case_sensitive: {}, exception: {}, file: {}, line: {} }}",
        &*e.term,
        &*e.folded,
        e.lang,
        e.kind,
        e.weight,
        e.left,
        e.right,
        e.num_before,
        e.num_after,
        e.case_sensitive,
        e.exception,
        e.file,
        e.line
    )
}
