//! Streams and limits: huge and dense lines, many records, odd bytes, broken pipes. Every input record
//! gives exactly one output record, in order. (Speed is measured in benches, never asserted here; these
//! inputs would simply not finish if a stage were quadratic.)

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use carelint::{Linter, Verdict};

fn run(args: &[&str], stdin: Vec<u8>) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let out = common::carelint(args, &stdin);
    (out.stdout, out.stderr, out.status.code())
}

#[test]
fn a_dense_multi_megabyte_line_is_checked_in_one_pass() {
    // ~4 MB with a finding every few words and no sentence end: every stage must stay near-linear.
    let unit = "brukaren på rum 5 har feber och hennes dotter ringde, ";
    let text = unit.repeat(4_000_000 / unit.len());
    let report = Linter::new().check(&text);
    assert_eq!(report.verdict, Verdict::Block);
    assert_eq!(report.findings.len(), carelint::DEFAULT_MAX_FINDINGS);
    assert!(report.omitted > 200_000, "{} findings left out", report.omitted);
    for f in report.findings.iter().step_by(997) {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end) && f.start < f.end);
    }
    assert!(report.findings.windows(2).all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end)));
}

#[test]
fn a_million_empty_lines_give_a_million_passing_records() {
    let (out, _, code) = run(&["check", "--format", "jsonl"], vec![b'\n'; 1_000_000]);
    assert_eq!(code, Some(0));
    let text = String::from_utf8(out).unwrap();
    let mut n = 0u64;
    for line in text.lines() {
        n += 1;
        assert!(line.starts_with(&format!("{{\"id\":{n},\"verdict\":\"pass\"")), "record {n}: {line}");
    }
    assert_eq!(n, 1_000_000);
}

#[test]
fn odd_bytes_crlf_bom_and_a_truncated_last_line() {
    let mut input = b"\xEF\xBB\xBFBrukaren p\xC3\xA5 rum 5 har feber\r\n".to_vec();
    input.extend_from_slice(b"nul\0byte i texten\r\n");
    input.extend_from_slice(b"halv \xC3 tecken\n");
    input.extend_from_slice(b"sista raden utan radslut och fru J har ont i magen");
    let (out, err, code) = run(&["check", "--format", "jsonl"], input);
    let recs: Vec<serde_json::Value> =
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[0]["verdict"], "block");
    // The BOM is not part of the message: offsets start at the B.
    assert_eq!(recs[0]["findings"][0]["start"], 0);
    assert_eq!(recs[1]["verdict"], "pass");
    assert!(recs[2]["error"].as_str().unwrap().contains("invalid UTF-8 at byte 5"));
    assert_eq!(recs[3]["id"], 4);
    assert_ne!(recs[3]["verdict"], "pass");
    assert_eq!(code, Some(2));
    assert!(err.is_empty() || !String::from_utf8_lossy(&err).contains("fru J"));
}

#[test]
fn invalid_utf8_in_the_middle_of_a_long_file_loses_nothing() {
    let mut input = Vec::new();
    for i in 0..20_000 {
        if i == 12_345 {
            input.extend_from_slice(b"trasig \xFF rad\n");
        } else {
            input.extend_from_slice(format!("rad {i} om lunch\n").as_bytes());
        }
    }
    let (out, _, code) = run(&["check", "--format", "jsonl", "--jobs", "2"], input);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 20_000);
    assert!(lines[12_345].contains("\"error\""));
    assert!(lines[12_346].starts_with("{\"id\":12347,"));
    assert_eq!(code, Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_carelint"))
        .args(["check", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"Brukaren p\xC3\xA5 rum 5 har feber\n".repeat(20_000);
        let _ = stdin.write_all(&line);
    });
    // Read one line, then close our end of the pipe, like `| head -1`.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = stdout.read(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    writer.join().unwrap();
    assert!(err.is_empty(), "stderr after a closed pipe: {err}");
    assert!(status.code().is_some(), "killed by a signal instead of ending");
}

#[test]
fn a_report_keeps_at_most_max_findings_and_the_verdict_weighs_all() {
    let linter = Linter::builder().max_findings(5).build().unwrap();
    let text = "Lunch kl 12 i fikarummet. ".repeat(50) + "Personnumret är 19380214-5528, hon har feber.";
    let report = linter.check(&text);
    // The ID is far beyond the first five findings, yet it blocks the message.
    assert_eq!(report.verdict, Verdict::Block);
    assert!(report.findings.len() <= 5);
    let dense = "brukaren på rum 5 har feber, ".repeat(100);
    let report = linter.check(&dense);
    assert_eq!(report.findings.len(), 5);
    assert!(report.omitted > 100, "{}", report.omitted);
    assert!(report.findings.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(report.findings[0].start < 20, "the first findings by position are kept");
}

#[test]
fn the_cli_says_how_many_findings_it_left_out() {
    let line = "brukaren på rum 5 har feber, ".repeat(4_000);
    let (out, _, _) = run(&["check", "--format", "jsonl"], format!("{line}\n").into_bytes());
    let rec: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(rec["findings"].as_array().unwrap().len(), carelint::DEFAULT_MAX_FINDINGS);
    assert!(rec["findings_omitted"].as_u64().unwrap() > 0);
}
