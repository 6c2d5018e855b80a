//! Evaluation on labelled corpora: recall, false-positive rate, precision, F1 and `must_cover` coverage,
//! overall, per language and per expected category, with per-rule and per-term statistics.
//!
//! Corpus lines are JSON objects: `{"id", "lang", "text", "expect": "flag"|"pass"|"either",
//! "must_cover": [...], "categories": [...]}` (the format of the shared dev corpus).
//!
//! Scoring: a `flag` line is caught when the verdict is not `pass`; a `pass` line is a false positive when
//! the verdict is not `pass`; `either` lines are not scored. A `must_cover` substring is covered when some
//! finding's byte span overlaps the span of its first occurrence in the text.
//!
//! ```
//! use carelint::{Linter, eval};
//!
//! let corpus = r#"{"id":"a","lang":"sv","text":"Fru J på rum 4 har feber","expect":"flag","must_cover":["feber"]}
//! {"id":"b","lang":"sv","text":"Lunch kl 12?","expect":"pass"}"#;
//! let (samples, errors) = eval::parse_corpus(corpus);
//! assert!(errors.is_empty());
//! let report = eval::evaluate(&Linter::new(), &samples);
//! assert_eq!(report.overall.recall(), Some(1.0));
//! assert_eq!(report.overall.false_positive_rate(), Some(0.0));
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::Report;
use crate::finding::{Source, Verdict};
use crate::linter::{Linter, Scratch};
use crate::rule::Category;

/// What a corpus line expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// Should be flagged (`warn` or `block`).
    Flag,
    /// Should pass.
    Pass,
    /// Ambiguous: not scored.
    Either,
}

/// One labelled corpus line. Its `Debug` output shows no text.
#[derive(Clone, PartialEq)]
pub struct Sample {
    /// The line's id.
    pub id: String,
    /// Its language code as given.
    pub lang: String,
    /// The message.
    pub text: String,
    /// The label.
    pub expect: Expect,
    /// Substrings a good linter marks.
    pub must_cover: Vec<String>,
    /// Expected categories.
    pub categories: Vec<String>,
    /// 1-based line in the corpus file.
    pub line: usize,
}

impl std::fmt::Debug for Sample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sample")
            .field("id", &self.id)
            .field("lang", &self.lang)
            .field("text_bytes", &self.text.len())
            .field("expect", &self.expect)
            .field("must_cover", &self.must_cover.len())
            .field("categories", &self.categories)
            .field("line", &self.line)
            .finish()
    }
}

/// A corpus line that could not be used (or a problem with one), with its line number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Parses a corpus. Bad lines are reported and skipped; a `must_cover` substring that does not occur in
/// its text is reported and dropped (the line is still scored); a duplicate id is reported and the line
/// still scored.
pub fn parse_corpus(text: &str) -> (Vec<Sample>, Vec<CorpusError>) {
    let mut samples = Vec::new();
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = if line == 1 { raw.trim_start_matches('\u{feff}') } else { raw };
        if raw.trim().is_empty() {
            continue;
        }
        let mut err = |reason: String| errors.push(CorpusError { line, reason });
        let v: Value = match serde_json::from_str(raw) {
            Ok(v) => v,
            Err(e) => {
                err(format!("malformed JSON: {e}"));
                continue;
            }
        };
        let Some(text) = v.get("text").and_then(Value::as_str) else {
            err("missing or non-string \"text\"".into());
            continue;
        };
        let expect = match v.get("expect").and_then(Value::as_str) {
            Some("flag") => Expect::Flag,
            Some("pass") => Expect::Pass,
            Some("either") => Expect::Either,
            other => {
                err(format!("\"expect\" must be \"flag\", \"pass\" or \"either\", found {other:?}"));
                continue;
            }
        };
        let id = match v.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("line-{line}"),
        };
        if !ids.insert(id.clone()) {
            err(format!("duplicate id `{id}`"));
        }
        let strings = |key: &str| -> Vec<String> {
            v.get(key)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
                .unwrap_or_default()
        };
        let mut must_cover = strings("must_cover");
        must_cover.retain(|m| {
            let ok = !m.is_empty() && text.contains(m.as_str());
            if !ok {
                errors.push(CorpusError {
                    line,
                    reason: format!("a must_cover substring of `{id}` does not occur in its text"),
                });
            }
            ok
        });
        samples.push(Sample {
            id,
            lang: v.get("lang").and_then(Value::as_str).unwrap_or("?").to_string(),
            text: text.to_string(),
            expect,
            must_cover,
            categories: strings("categories"),
            line,
        });
    }
    (samples, errors)
}

/// Counts from which the figures are computed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// `flag` lines.
    pub flag: usize,
    /// `flag` lines flagged.
    pub caught: usize,
    /// `pass` lines.
    pub pass: usize,
    /// `pass` lines flagged.
    pub false_positives: usize,
    /// `either` lines (not scored).
    pub either: usize,
    /// `must_cover` substrings.
    pub must_cover: usize,
    /// `must_cover` substrings covered.
    pub covered: usize,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

impl Counts {
    /// Caught / flag lines.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.caught, self.flag)
    }
    /// False positives / pass lines.
    pub fn false_positive_rate(&self) -> Option<f64> {
        ratio(self.false_positives, self.pass)
    }
    /// Caught / all flagged scored lines.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.caught, self.caught + self.false_positives)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> Option<f64> {
        let (p, r) = (self.precision()?, self.recall()?);
        Some(if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }
    /// Covered / `must_cover` substrings.
    pub fn coverage(&self) -> Option<f64> {
        ratio(self.covered, self.must_cover)
    }

    fn add(&mut self, o: &Outcome, expect: Expect, must_cover: usize) {
        match expect {
            Expect::Flag => {
                self.flag += 1;
                self.caught += usize::from(o.verdict != Verdict::Pass);
            }
            Expect::Pass => {
                self.pass += 1;
                self.false_positives += usize::from(o.verdict != Verdict::Pass);
            }
            Expect::Either => self.either += 1,
        }
        self.must_cover += must_cover;
        self.covered += o.covered;
    }
}

/// How often a rule or lexicon entry took part in flagged lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Usage {
    /// Lines where it made a finding.
    pub lines: usize,
    /// Flagged lines (verdict not `pass`) where it made a finding.
    pub flagged: usize,
    /// Of those, lines labelled `pass` (false positives).
    pub false_positives: usize,
}

/// One line's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The line's id.
    pub id: String,
    /// The line's language.
    pub lang: String,
    /// What it expected.
    pub expect: Expect,
    /// What the linter said.
    pub verdict: Verdict,
    /// The score.
    pub score: f32,
    /// Rule ids that made findings.
    pub rules: Vec<&'static str>,
    /// Categories of the findings.
    pub categories: Vec<&'static str>,
    /// Expected categories.
    pub expected_categories: Vec<String>,
    /// `must_cover` substrings covered.
    pub covered: usize,
    /// `must_cover` substrings not covered, by index into the sample's list.
    pub uncovered: Vec<usize>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvalReport {
    /// All languages.
    pub overall: Counts,
    /// Per language code.
    pub by_lang: BTreeMap<String, Counts>,
    /// Per expected category: counts over the `flag` lines labelled with it.
    pub by_category: BTreeMap<String, Counts>,
    /// Per rule id.
    pub rules: BTreeMap<&'static str, Usage>,
    /// Per lexicon entry (`file:line term`), only entries that fired.
    pub terms: BTreeMap<String, Usage>,
    /// Lexicon entries that fired on no line.
    pub never_fired: Vec<String>,
    /// Every line's result, in corpus order.
    pub outcomes: Vec<Outcome>,
}

impl EvalReport {
    /// The figures to report and gate on: `overall` first, then each language code.
    pub fn scopes(&self) -> impl Iterator<Item = (&str, &Counts)> {
        std::iter::once(("overall", &self.overall)).chain(self.by_lang.iter().map(|(k, c)| (k.as_str(), c)))
    }

    /// `flag` lines that passed.
    pub fn misses(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.expect == Expect::Flag && o.verdict == Verdict::Pass)
    }
    /// `pass` lines that were flagged.
    pub fn false_positives(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.expect == Expect::Pass && o.verdict != Verdict::Pass)
    }
}

/// Runs the linter over the samples and computes every figure.
pub fn evaluate(linter: &Linter, samples: &[Sample]) -> EvalReport {
    let mut rep = EvalReport::default();
    let mut scratch = Scratch::default();
    let mut report = Report::default();
    let mut term_usage: HashMap<u32, Usage> = HashMap::new();
    for s in samples {
        linter.check_with(&s.text, &mut scratch, &mut report);
        let mut uncovered = Vec::new();
        for (k, m) in s.must_cover.iter().enumerate() {
            let start = s.text.find(m.as_str()).expect("must_cover checked at parse time");
            let end = start + m.len();
            if !report.findings.iter().any(|f| f.start < end && start < f.end) {
                uncovered.push(k);
            }
        }
        let mut rules: Vec<&'static str> = report.findings.iter().map(|f| f.rule.id()).collect();
        rules.sort_unstable();
        rules.dedup();
        let categories: Vec<&'static str> = Category::ALL
            .iter()
            .filter(|c| report.findings.iter().any(|f| f.category == **c))
            .map(|c| c.as_str())
            .collect();
        let o = Outcome {
            id: s.id.clone(),
            lang: s.lang.clone(),
            expect: s.expect,
            verdict: report.verdict,
            score: report.score,
            rules: rules.clone(),
            categories,
            expected_categories: s.categories.clone(),
            covered: s.must_cover.len() - uncovered.len(),
            uncovered,
        };
        rep.overall.add(&o, s.expect, s.must_cover.len());
        rep.by_lang.entry(s.lang.clone()).or_default().add(&o, s.expect, s.must_cover.len());
        if s.expect == Expect::Flag {
            for c in &s.categories {
                rep.by_category.entry(c.clone()).or_default().add(&o, s.expect, s.must_cover.len());
            }
        }
        let flagged = report.verdict != Verdict::Pass;
        let fp = flagged && s.expect == Expect::Pass;
        let scored = s.expect != Expect::Either;
        for r in &rules {
            let u = rep.rules.entry(r).or_default();
            u.lines += 1;
            u.flagged += usize::from(flagged && scored);
            u.false_positives += usize::from(fp);
        }
        let mut entries: Vec<u32> = report
            .findings
            .iter()
            .filter_map(|f| if let Source::Lexicon(i) = f.source { Some(i) } else { None })
            .collect();
        entries.sort_unstable();
        entries.dedup();
        for e in entries {
            let u = term_usage.entry(e).or_default();
            u.lines += 1;
            u.flagged += usize::from(flagged && scored);
            u.false_positives += usize::from(fp);
        }
        rep.outcomes.push(o);
    }
    for (i, info, _) in linter.entries() {
        let name = format!("{}:{} {}", info.file, info.line, info.term);
        match term_usage.get(&i) {
            Some(u) => {
                rep.terms.insert(name, *u);
            }
            None => rep.never_fired.push(name),
        }
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reports_errors_with_lines_and_keeps_the_rest() {
        let corpus = "{\"id\":\"a\",\"lang\":\"sv\",\"text\":\"x\",\"expect\":\"pass\"}\n{bad\n\n{\"id\":\"a\",\"lang\":\"sv\",\"text\":\"hej\",\"expect\":\"flag\",\"must_cover\":[\"nej\",\"hej\"]}\n{\"text\":\"t\",\"expect\":\"maybe\"}\n";
        let (samples, errors) = parse_corpus(corpus);
        assert_eq!(samples.len(), 2);
        assert_eq!(samples[1].must_cover, vec!["hej".to_string()]);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 4, 4, 5]);
        assert!(errors[1].reason.contains("duplicate id"));
        assert!(errors[2].reason.contains("does not occur"));
    }

    #[test]
    fn counts_figures() {
        let c = Counts { flag: 4, caught: 3, pass: 5, false_positives: 1, either: 2, must_cover: 8, covered: 6 };
        assert_eq!(c.recall(), Some(0.75));
        assert_eq!(c.false_positive_rate(), Some(0.2));
        assert_eq!(c.precision(), Some(0.75));
        assert_eq!(c.f1(), Some(0.75));
        assert_eq!(c.coverage(), Some(0.75));
        assert_eq!(Counts::default().recall(), None);
    }
}
