//! Table-driven behaviour cases, one file per language in `tests/cases/<lang>.txt`.
//!
//! Each non-comment line is `EXPECT [CHECKS] :: MESSAGE` where EXPECT is `pass`, `flag` (warn or block),
//! `warn` or `block`, and CHECKS are space-separated:
//! - `rule` — some finding has this rule id;
//! - `rule@text` — some finding has this rule and covers exactly `text` (use `_` for a space);
//! - `!rule` — no finding has this rule;
//! - `cat:category` — some finding has this category.
//!
//! The fixtures are written for these tests (not taken from any corpus).

use carelint::{Linter, Verdict, excerpt};

fn run(lang: &str) {
    let path = format!("{}/tests/cases/{lang}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("case file");
    let linter = Linter::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (head, msg) = line.split_once(" :: ").unwrap_or_else(|| panic!("{path}:{}: missing ` :: `", i + 1));
        let mut parts = head.split_whitespace();
        let expect = parts.next().expect("expectation");
        let report = linter.check(msg);
        count += 1;
        let verdict_ok = match expect {
            "pass" => report.verdict == Verdict::Pass,
            "flag" => report.verdict != Verdict::Pass,
            "warn" => report.verdict == Verdict::Warn,
            "block" => report.verdict == Verdict::Block,
            other => panic!("{path}:{}: unknown expectation `{other}`", i + 1),
        };
        let mut problems = Vec::new();
        if !verdict_ok {
            problems.push(format!("expected {expect}, got {} (score {:.2})", report.verdict.as_str(), report.score));
        }
        for check in parts {
            let ok = if let Some(rule) = check.strip_prefix('!') {
                !report.findings.iter().any(|f| f.rule.id() == rule)
            } else if let Some(cat) = check.strip_prefix("cat:") {
                report.findings.iter().any(|f| f.category.as_str() == cat)
            } else if let Some((rule, want)) = check.split_once('@') {
                let want = want.replace('_', " ");
                report.findings.iter().any(|f| f.rule.id() == rule && excerpt(msg, f) == want)
            } else {
                report.findings.iter().any(|f| f.rule.id() == check)
            };
            if !ok {
                problems.push(format!("check `{check}` failed"));
            }
        }
        if !problems.is_empty() {
            let found: Vec<String> =
                report.findings.iter().map(|f| format!("{}@{}", f.rule.id(), excerpt(msg, f))).collect();
            failures.push(format!(
                "{path}:{}: {}\n    message: {msg}\n    findings: {}",
                i + 1,
                problems.join("; "),
                found.join(", ")
            ));
        }
    }
    assert!(count >= 20, "{path}: only {count} cases");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn swedish() {
    run("sv");
}

#[test]
fn danish() {
    run("da");
}

#[test]
fn norwegian() {
    run("nb");
}

#[test]
fn english() {
    run("en");
}
