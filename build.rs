//! Lists `lexicons/<lang>/*.txt` and `lexicons/scoring.toml` so the library can embed them with
//! `include_str!` without a hand-kept file list: adding a lexicon file needs no code change.
use std::{env, fmt::Write as _, fs, path::Path};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    println!("cargo:rerun-if-changed={}", root.display());
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
    let mut out =
        String::from("/// `(path relative to lexicons/, contents)` of every embedded lexicon file, sorted by path.\n");
    out.push_str("pub(crate) static EMBEDDED_LEXICONS: &[(&str, &str)] = &[\n");
    for path in &files {
        let rel = path.strip_prefix(&root).expect("under lexicons/");
        let rel = rel.to_string_lossy().replace('\\', "/");
        writeln!(out, "    ({rel:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("embedded_lexicons.rs");
    fs::write(dest, out).expect("write embedded_lexicons.rs");
}
