//! Privacy: message text and matched values never reach stderr, the default output or `Debug` output of
//! public types. The corpus carries unique marker words in every kind of record (clean, flagged, broken
//! UTF-8, malformed JSON, ID numbers) and each must be absent everywhere unless `--show-text` is given.

mod common;

use std::process::Command;

use carelint::input::{InputMode, Reader};
use carelint::{Linter, Report, Scratch, eval};

const MARKERS: [&str; 6] = ["Quorblex", "Zintavro", "Plimmerak", "Vostrigan", "Kelpruna", "Drabbelot"];

fn corpus_lines() -> Vec<Vec<u8>> {
    vec![
        format!("Brukaren {} på rum 5 har feber och {} i halsen", MARKERS[0], MARKERS[1]).into_bytes(),
        format!("Lunch {} kl 12?", MARKERS[2]).into_bytes(),
        [format!("trasig {} ", MARKERS[3]).as_bytes(), b"\xff\xfe", b" rad"].concat(),
        format!("Personnumret till {} är 19380214-5527", MARKERS[4]).into_bytes(),
        format!("{{\"text\": \"fru J {} har ont\"", MARKERS[5]).into_bytes(),
    ]
}

fn run(args: &[&str], input: Vec<u8>) -> (String, String) {
    let out = common::carelint(args, &input);
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn assert_clean(what: &str, s: &str) {
    for m in MARKERS {
        assert!(!s.to_lowercase().contains(&m.to_lowercase()), "{what} leaks {m}:\n{s}");
    }
    assert!(!s.contains("19380214"), "{what} leaks an ID number");
}

#[test]
fn cli_output_and_stderr_carry_no_message_text() {
    let input = corpus_lines().join(&b'\n');
    for input_mode in ["lines", "jsonl", "text"] {
        for format in ["human", "jsonl", "json"] {
            let (out, err) = run(&["check", "--input", input_mode, "--format", format], input.clone());
            assert_clean(&format!("check --input {input_mode} --format {format} stdout"), &out);
            assert_clean(&format!("check --input {input_mode} --format {format} stderr"), &err);
        }
    }
    // With --show-text the text is there: the test above can fail.
    let (out, _) = run(&["check", "--format", "jsonl", "--show-text"], input);
    assert!(out.contains(MARKERS[0]) && out.contains("19380214-5527"));
}

#[test]
fn eval_output_and_stderr_carry_no_message_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    let corpus = format!(
        "{}\n{}\n{{broken {}\n{}\n",
        serde_json::json!({"id": "p1", "lang": "sv", "text": format!("Brukaren {} har feber", MARKERS[0]), "expect": "pass"}),
        serde_json::json!({"id": "f1", "lang": "sv", "text": format!("Lunch {}", MARKERS[1]), "expect": "flag", "must_cover": [MARKERS[2]]}),
        MARKERS[3],
        serde_json::json!({"id": "f2", "lang": "sv", "text": format!("Fru J {} har feber", MARKERS[4]), "expect": "flag", "must_cover": [MARKERS[4]]}),
    );
    std::fs::write(&path, corpus).unwrap();
    for format in ["human", "json"] {
        let out = Command::new(env!("CARGO_BIN_EXE_carelint"))
            .args(["eval", path.to_str().unwrap(), "--format", format, "--terms"])
            .output()
            .unwrap();
        assert_clean(&format!("eval {format} stdout"), &String::from_utf8_lossy(&out.stdout));
        assert_clean(&format!("eval {format} stderr"), &String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn debug_output_of_public_types_carries_no_text() {
    let linter = Linter::new();
    let text = format!("Brukaren {} på rum 5 har feber", MARKERS[0]);
    let mut scratch = Scratch::default();
    let mut report = Report::default();
    linter.check_with(&text, &mut scratch, &mut report);
    assert!(!report.passed());
    assert_clean("Report Debug", &format!("{report:?}"));
    assert_clean("Scratch Debug", &format!("{scratch:?}"));
    assert_clean("Linter Debug", &format!("{linter:?}"));
    let mut reader = Reader::new(text.as_bytes(), InputMode::Lines);
    let rec = reader.next_record().unwrap().unwrap();
    assert_clean("Record Debug", &format!("{rec:?}"));
    let (samples, _) = eval::parse_corpus(&serde_json::json!({"id": "x", "text": text, "expect": "flag"}).to_string());
    assert_clean("Sample Debug", &format!("{samples:?}"));
    let r = eval::evaluate(&linter, &samples);
    assert_clean("EvalReport Debug", &format!("{r:?}"));
}
