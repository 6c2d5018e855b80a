//! Every input the fuzzers found (and a few made by hand) kept as a regression test: the same checks as
//! the fuzz targets in `fuzz/`. Add a crash input to `tests/fuzz-regressions/<target>/` with a name that
//! says what it guards.

use std::path::Path;

use carelint::input::{InputMode, Reader};
use carelint::{Lang, Lexicon, Linter, LinterBuilder};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("regression folder").map(|e| e.unwrap().path()).collect();
    files.sort();
    let out: Vec<_> = files.into_iter().map(|p| (p.display().to_string(), std::fs::read(&p).unwrap())).collect();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

#[test]
fn check_target_inputs() {
    let linter = Linter::new();
    for (name, data) in inputs("check") {
        let text = String::from_utf8_lossy(&data);
        let report = linter.check(&text);
        for f in &report.findings {
            assert!(f.start < f.end && f.end <= text.len(), "{name}");
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{name}");
        }
        assert!(report.score.is_finite(), "{name}");
    }
}

#[test]
fn lexicon_target_inputs() {
    for (name, data) in inputs("lexicon") {
        let text = String::from_utf8_lossy(&data);
        let mut lex = Lexicon::default();
        match lex.add_str("fuzz.txt", &text, Some(Lang::Sv)) {
            Err(e) => assert!(e.line <= text.lines().count().max(1), "{name}: {e}"),
            Ok(()) => {
                let linter = LinterBuilder::new()
                    .embedded_lexicons(false)
                    .lexicon_str("fuzz.txt", &text, Some(Lang::Sv))
                    .build()
                    .unwrap_or_else(|e| panic!("{name}: parsed but did not build: {e}"));
                linter.check("Brukaren på rum 5 har feber, fru J i 12:an");
            }
        }
    }
}

#[test]
fn jsonl_target_inputs() {
    for (name, data) in inputs("jsonl") {
        for mode in [InputMode::Jsonl, InputMode::Lines] {
            let mut reader = Reader::new(&data[..], mode);
            let mut records = 0;
            while reader.next_record().unwrap().is_some() {
                records += 1;
            }
            let lines = data.split(|&b| b == b'\n').count() - usize::from(data.ends_with(b"\n") || data.is_empty());
            assert_eq!(records, lines, "{name}");
        }
    }
}
