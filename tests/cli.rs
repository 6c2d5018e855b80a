//! The `carelint` command end to end: exit codes, the JSON Lines contract, bad input, privacy.

mod common;

use std::process::Output;

use common::carelint;

use serde_json::Value;

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const BREACH: &str = "Brukaren på rum 5 har feber och hostar";
const CLEAN: &str = "Lunch kl 12 i fikarummet?";

#[test]
fn exit_codes_follow_the_verdicts() {
    assert_eq!(carelint(&["check"], CLEAN.as_bytes()).status.code(), Some(0));
    assert_eq!(carelint(&["check"], BREACH.as_bytes()).status.code(), Some(1));
    // A warn-level message fails with --fail-on warn but not with --fail-on block.
    let warn_only = "Hon på 22:an vill prata med dig";
    let out = carelint(&["check", "--format", "jsonl"], warn_only.as_bytes());
    let verdict = jsonl(&out)[0]["verdict"].as_str().unwrap().to_string();
    assert_eq!(verdict, "warn", "fixture should be a warn");
    assert_eq!(carelint(&["check", "--fail-on", "block"], warn_only.as_bytes()).status.code(), Some(0));
    assert_eq!(carelint(&["check", "--fail-on", "warn"], warn_only.as_bytes()).status.code(), Some(1));
    assert_eq!(carelint(&["check", "--bogus"], b"").status.code(), Some(2));
    assert_eq!(carelint(&["check", "/nonexistent/file.txt"], b"").status.code(), Some(2));
}

#[test]
fn jsonl_contract_one_record_per_line_in_order() {
    let input = format!("{CLEAN}\n{BREACH}\n\nÅsa på rum 4 har fått en stroke\r\n");
    let out = carelint(&["check", "--format", "jsonl"], input.as_bytes());
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 4);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], Value::from(i as u64 + 1));
        assert!(["pass", "warn", "block"].contains(&r["verdict"].as_str().unwrap()));
        assert!(r["score"].is_number());
    }
    assert_eq!(recs[0]["verdict"], "pass");
    assert_eq!(recs[1]["verdict"], "block");
    assert_eq!(recs[2]["verdict"], "pass", "an empty line is a message that passes");
    let f = &recs[1]["findings"][0];
    for key in ["rule", "category", "severity", "start", "end", "char_start", "char_end", "message"] {
        assert!(f.get(key).is_some(), "finding lacks {key}");
    }
    // Byte and char offsets differ when the text has multibyte characters before the span.
    let last = &recs[3]["findings"];
    let room = last.as_array().unwrap().iter().find(|f| f["rule"] == "room-number").expect("room finding");
    let (s, e) = (room["start"].as_u64().unwrap() as usize, room["end"].as_u64().unwrap() as usize);
    let text = "Åsa på rum 4 har fått en stroke";
    assert_eq!(&text[s..e], "rum 4");
    assert_eq!(room["char_start"].as_u64().unwrap() as usize, text[..s].chars().count());
    assert!(room["char_start"].as_u64().unwrap() < room["start"].as_u64().unwrap());
}

#[test]
fn invalid_utf8_and_malformed_json_give_error_records_and_processing_continues() {
    let mut input = Vec::new();
    input.extend_from_slice(BREACH.as_bytes());
    input.extend_from_slice(b"\nbad \xff\xfe bytes\n");
    input.extend_from_slice(CLEAN.as_bytes());
    input.push(b'\n');
    let out = carelint(&["check", "--format", "jsonl"], &input);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1]["id"], 2);
    assert!(recs[1]["error"].as_str().unwrap().contains("invalid UTF-8"));
    assert_eq!(recs[2]["verdict"], "pass");
    assert_eq!(out.status.code(), Some(2), "input errors exit 2");

    let input = format!(
        "{{\"id\":\"a\",\"text\":{}}}\n{{not json\n{{\"id\":7,\"text\":\"{CLEAN}\"}}\n",
        serde_json::to_string(BREACH).unwrap()
    );
    let out = carelint(&["check", "--input", "jsonl", "--format", "jsonl"], input.as_bytes());
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["verdict"], "block");
    assert_eq!(recs[1]["id"], 2);
    assert!(recs[1]["error"].as_str().unwrap().starts_with("malformed JSON"));
    assert_eq!(recs[2]["id"], 7);
}

#[test]
fn text_mode_checks_the_whole_input_as_one_message() {
    let input = "Hej!\nBrukaren på rum 5\nhar fått feber igen.\n";
    let out = carelint(&["check", "--input", "text", "--format", "jsonl"], input.as_bytes());
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["verdict"], "block");
    let room = recs[0]["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "room-number").unwrap();
    assert_eq!(&input[room["start"].as_u64().unwrap() as usize..room["end"].as_u64().unwrap() as usize], "rum 5");
}

#[test]
fn redirected_output_never_contains_message_text_unless_asked() {
    let marker = "Zyxwquorbel";
    let input = format!("Brukaren {marker} på rum 5 har feber\n{{\"text\": \"x\"}}\n");
    for format in ["human", "jsonl", "json"] {
        let out = carelint(&["check", "--format", format], input.as_bytes());
        let stdout = String::from_utf8_lossy(&out.stdout).to_lowercase();
        let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
        assert!(!stdout.contains(&marker.to_lowercase()), "{format} output leaked text");
        assert!(!stdout.contains("feber"), "{format} output leaked a health word");
        assert!(!stderr.contains(&marker.to_lowercase()));
    }
    let out = carelint(&["check", "--format", "jsonl", "--show-text"], input.as_bytes());
    let recs = jsonl(&out);
    assert!(recs[0]["text"].as_str().unwrap().contains(marker));
    assert!(recs[0]["findings"].as_array().unwrap().iter().any(|f| f["excerpt"] == "feber"));
}

#[test]
fn json_format_is_one_document_with_a_summary() {
    let out = carelint(&["check", "--format", "json"], format!("{CLEAN}\n{BREACH}\n").as_bytes());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["records"].as_array().unwrap().len(), 2);
    assert_eq!(doc["summary"]["block"], 1);
    assert_eq!(doc["summary"]["pass"], 1);
}

#[test]
fn order_is_kept_across_threads_and_batches() {
    let mut input = String::new();
    for i in 0..9000 {
        input.push_str(if i % 3 == 0 { BREACH } else { CLEAN });
        input.push('\n');
    }
    let out = carelint(&["check", "--format", "jsonl", "--jobs", "2"], input.as_bytes());
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 9000);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], Value::from(i as u64 + 1));
        assert_eq!(r["verdict"], if i % 3 == 0 { "block" } else { "pass" }, "record {i}");
    }
}

#[test]
fn broken_lexicon_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sv").join("local.txt");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "#! rule: health-term\n#! weight: 0.5\nok\nbad*term\n").unwrap();
    let out = carelint(&["check", "--lexicon", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("local.txt:4"), "{err}");
}

#[test]
fn extra_lexicon_adds_a_local_term() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("local.txt");
    std::fs::write(
        &path,
        "#! lang: sv\n#! rule: care-recipient-ref\n#! weight: 0.5\n#! kind: care-noun\ndagcenterbesökaren\n",
    )
    .unwrap();
    let msg = "Dagcenterbesökaren har ramlat igen";
    assert_eq!(carelint(&["check"], msg.as_bytes()).status.code(), Some(0));
    assert_eq!(carelint(&["check", "--lexicon", path.to_str().unwrap()], msg.as_bytes()).status.code(), Some(1));
}

#[test]
fn rules_and_explain() {
    let out = carelint(&["rules"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    for id in [
        "health-term",
        "care-recipient-ref",
        "initial-ref",
        "room-number",
        "age",
        "relative",
        "media-share",
        "private-channel",
        "national-id",
    ] {
        assert!(text.contains(id), "rules lacks {id}");
    }
    let out = carelint(&["explain", "initial-ref"], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Why it matters") && text.contains("What to write instead"));
    assert_eq!(carelint(&["explain", "no-such-rule"], b"").status.code(), Some(2));
}

#[test]
fn huge_line_is_one_record() {
    let mut line = "hej ".repeat(2_000_000);
    line.push_str(BREACH);
    let out = carelint(&["check", "--format", "jsonl"], format!("{line}\n{CLEAN}\n").as_bytes());
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["verdict"], "block");
    assert_eq!(recs[1]["verdict"], "pass");
}

/// A program that keeps the pipe open, writes one message and waits for its verdict (a pre-send hook
/// talking to `carelint check` as a co-process) gets each answer before it sends the next message.
#[test]
fn answers_each_line_while_the_input_stays_open() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    for jobs in ["1", "2"] {
        let mut child = common::spawn(&["check", "--format", "jsonl", "--jobs", jobs]);
        let mut input = child.stdin.take().expect("stdin");
        let output = BufReader::new(child.stdout.take().expect("stdout"));
        let (tx, rx) = mpsc::channel();
        let lines = std::thread::spawn(move || {
            for line in output.lines() {
                if tx.send(line.expect("read output")).is_err() {
                    break;
                }
            }
        });
        let mut answer = |msg: &str| {
            writeln!(input, "{msg}").expect("write a line");
            input.flush().expect("flush");
            let got = rx.recv_timeout(Duration::from_secs(20));
            if got.is_err() {
                let _ = child.kill();
            }
            let line = got.expect("an answer while the input stays open");
            serde_json::from_str::<Value>(&line).expect("JSON")["verdict"].as_str().unwrap().to_string()
        };
        assert_eq!(answer(CLEAN), "pass", "--jobs {jobs}");
        assert_eq!(answer(BREACH), "block", "--jobs {jobs}");
        assert_eq!(answer(CLEAN), "pass", "--jobs {jobs}");
        drop(input);
        assert_eq!(child.wait().expect("exit").code(), Some(1), "--jobs {jobs}");
        lines.join().expect("output reader");
    }
}
