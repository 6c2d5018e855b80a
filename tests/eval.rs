//! `carelint eval` on small corpora written for these tests; every figure is computed by hand below.

use std::process::Command;

use carelint::eval::{self, Expect};
use carelint::{Linter, Verdict};
use serde_json::Value;

/// Ten lines. By hand:
/// - flag lines: a, b, c, d (d is a deliberate miss: nothing sensitive in it) → 4 flag, 3 caught;
/// - pass lines: e (clean), f (labelled pass but a clear breach: a deliberate false positive) → 2 pass, 1 FP;
/// - g is `either` (not scored); line 8 is broken JSON; h repeats id `a`; i has a must_cover not in its text.
/// - must_cover: a 2 (both covered), b 1 (covered, after a multibyte `Å`), c 1 (covered), d 1 (not covered),
///   h 1 (covered), i: its substring is dropped → 6 substrings, 5 covered.
/// - h is a flag line (caught) and i a pass line (passes): flag 5, caught 4; pass 3, FP 1.
const CORPUS: &str = r#"{"id":"a","lang":"sv","text":"Fru J på rum 4 har feber","expect":"flag","must_cover":["rum 4","feber"],"categories":["identifier","location","health"]}
{"id":"b","lang":"sv","text":"Åsa på rum 4 har fått en stroke","expect":"flag","must_cover":["stroke"],"categories":["health"]}
{"id":"c","lang":"en","text":"The lady in room 14 has dementia","expect":"flag","must_cover":["room 14"],"categories":["location"]}
{"id":"d","lang":"en","text":"Lunch at noon anyone?","expect":"flag","must_cover":["noon"],"categories":["health"]}
{"id":"e","lang":"sv","text":"Lunch kl 12?","expect":"pass"}
{"id":"f","lang":"en","text":"The resident in room 12 has a fever","expect":"pass"}
{"id":"g","lang":"sv","text":"Hon mår bättre nu","expect":"either"}
{"id": broken
{"id":"a","lang":"da","text":"Beboeren på stue 3 har feber","expect":"flag","must_cover":["stue 3"],"categories":["location"]}
{"id":"i","lang":"da","text":"Husk frokost kl 12","expect":"pass","must_cover":["ikke her"]}
"#;

#[test]
fn figures_by_hand() {
    let (samples, errors) = eval::parse_corpus(CORPUS);
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [8, 9, 10], "{errors:?}");
    assert!(errors[0].reason.starts_with("malformed JSON"));
    assert!(errors[1].reason.contains("duplicate id"));
    assert!(errors[2].reason.contains("does not occur"));
    assert_eq!(samples.len(), 9);
    assert_eq!(samples.iter().filter(|s| s.expect == Expect::Either).count(), 1);

    let r = eval::evaluate(&Linter::new(), &samples);
    let o = r.overall;
    assert_eq!((o.flag, o.caught, o.pass, o.false_positives, o.either), (5, 4, 3, 1, 1));
    assert_eq!((o.must_cover, o.covered), (6, 5));
    assert_eq!(o.recall(), Some(4.0 / 5.0));
    assert_eq!(o.false_positive_rate(), Some(1.0 / 3.0));
    assert_eq!(o.precision(), Some(4.0 / 5.0));
    assert!((o.f1().unwrap() - 0.8).abs() < 1e-12);
    assert_eq!(o.coverage(), Some(5.0 / 6.0));

    let sv = r.by_lang["sv"];
    assert_eq!((sv.flag, sv.caught, sv.pass, sv.false_positives, sv.either), (2, 2, 1, 0, 1));
    let en = r.by_lang["en"];
    assert_eq!((en.flag, en.caught, en.pass, en.false_positives), (2, 1, 1, 1));
    assert_eq!(en.recall(), Some(0.5));
    let da = r.by_lang["da"];
    assert_eq!((da.flag, da.caught, da.pass, da.false_positives), (1, 1, 1, 0));

    // Per expected category: "health" labels a and b (caught) and d (missed).
    let health = r.by_category["health"];
    assert_eq!((health.flag, health.caught), (3, 2));

    assert_eq!(r.misses().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["d"]);
    assert_eq!(r.false_positives().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["f"]);
    // Per rule: room-number fired on a, b, c, f, h (all flagged); one of them (f) is a false positive.
    let room = r.rules["room-number"];
    assert_eq!((room.lines, room.flagged, room.false_positives), (5, 5, 1));
    // The `either` line is not counted as flagged even if it fires.
    let g = r.outcomes.iter().find(|o| o.id == "g").unwrap();
    assert!(g.verdict == Verdict::Pass || r.rules.values().all(|u| u.flagged <= 5));
}

#[test]
fn coverage_uses_byte_offsets_after_multibyte_text() {
    // "Åsa" is 4 bytes but 3 chars: the finding's byte span must overlap the substring's byte span.
    let (samples, _) = eval::parse_corpus(
        r#"{"id":"u","lang":"sv","text":"Åsa på rum 4 har fått en stroke","expect":"flag","must_cover":["rum 4"]}"#,
    );
    let r = eval::evaluate(&Linter::new(), &samples);
    assert_eq!((r.overall.must_cover, r.overall.covered), (1, 1));
}

#[test]
fn cli_json_thresholds_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    std::fs::write(&path, CORPUS).unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_carelint"))
            .args(["eval", path.to_str().unwrap(), "--format", "json"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["overall"]["flag"], 5);
    assert_eq!(doc["overall"]["caught"], 4);
    assert_eq!(doc["overall"]["recall"], 0.8);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 3);
    assert_eq!(doc["misses"][0]["id"], "d");
    assert!(doc["misses"][0].get("text").is_none(), "texts only with --show-text");
    // Each input problem is named with its line on stderr, without message text.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("corpus.jsonl:8:") && stderr.contains("corpus.jsonl:9:"), "{stderr}");
    assert!(!stderr.contains("Lunch"));

    // Thresholds apply overall and per language: en recall is 0.5.
    assert_eq!(run(&["--min-recall", "0.8"]).status.code(), Some(1));
    assert_eq!(run(&["--min-recall", "0.5", "--max-fpr", "1.0"]).status.code(), Some(0));
    assert_eq!(run(&["--max-fpr", "0.3"]).status.code(), Some(1));
    assert_eq!(run(&["--min-coverage", "0.9"]).status.code(), Some(1));

    // --show-text adds the texts of misses and false positives.
    let doc: Value = serde_json::from_slice(&run(&["--show-text"]).stdout).unwrap();
    assert_eq!(doc["false_positives"][0]["text"], "The resident in room 12 has a fever");
}

#[test]
fn gate_file_is_a_ratchet() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, CORPUS).unwrap();
    let gate = dir.path().join("gate.json");
    std::fs::write(&gate, r#"{"overall": {"recall": 0.5}}"#).unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_carelint"))
            .args(["eval", corpus.to_str().unwrap(), "--gate", gate.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["--raise-gate"]).status.code(), Some(0));
    let floors: Value = serde_json::from_str(&std::fs::read_to_string(&gate).unwrap()).unwrap();
    assert_eq!(floors["overall"]["recall"], 0.8, "raised to what was measured");
    assert_eq!(floors["en"]["recall"], 0.5);
    // A floor above what is measured fails, and --raise-gate never lowers it.
    std::fs::write(&gate, r#"{"overall": {"recall": 0.9}}"#).unwrap();
    assert_eq!(run(&["--raise-gate"]).status.code(), Some(1));
    let floors: Value = serde_json::from_str(&std::fs::read_to_string(&gate).unwrap()).unwrap();
    assert_eq!(floors["overall"]["recall"], 0.9);
}

#[test]
fn compare_shows_what_a_local_lexicon_changes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, r#"{"id":"x","lang":"sv","text":"Dagcenterbesökaren har ramlat igen","expect":"flag"}"#)
        .unwrap();
    let lex = dir.path().join("sv");
    std::fs::create_dir_all(&lex).unwrap();
    std::fs::write(
        lex.join("local.txt"),
        "#! rule: care-recipient-ref\n#! weight: 0.5\n#! kind: care-noun\ndagcenterbesökaren\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_carelint"))
        .args(["eval", corpus.to_str().unwrap(), "--format", "json", "--compare-lexicon", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["overall"]["recall"], 0.0);
    assert_eq!(doc["compare"]["overall"]["recall"], 1.0);
    assert_eq!(doc["compare"]["changed"][0]["id"], "x");
}
