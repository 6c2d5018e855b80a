//! `carelint eval`: figures on a labelled corpus, per-rule and per-term statistics, thresholds for CI, a
//! ratchet gate file, and `--compare` to see what a change of lexicon or scoring did.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use serde_json::{Value, json};

use carelint::Linter;
use carelint::eval::{self, Counts, EvalReport, Sample};

use crate::{LinterArgs, build_linter};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Labelled corpus (JSON Lines: id, lang, text, expect, must_cover, categories).
    corpus: PathBuf,
    #[command(flatten)]
    linter: LinterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Human)]
    format: EvalFormat,
    /// Exit 1 when recall (overall or of any language) is below this.
    #[arg(long, value_name = "X")]
    min_recall: Option<f64>,
    /// Exit 1 when the false-positive rate (overall or of any language) is above this.
    #[arg(long, value_name = "X")]
    max_fpr: Option<f64>,
    /// Exit 1 when must_cover coverage (overall or of any language) is below this.
    #[arg(long, value_name = "X")]
    min_coverage: Option<f64>,
    /// Per-language floors (JSON: {"overall": {"recall": .., "fpr": .., "coverage": ..}, "sv": {..}}); exit 1
    /// when a figure falls below its floor.
    #[arg(long, value_name = "FILE")]
    gate: Option<PathBuf>,
    /// Raise the floors in the gate file to the figures measured now (a ratchet: never lowers them).
    #[arg(long, requires = "gate")]
    raise_gate: bool,
    /// Compare with another scoring configuration (TOML).
    #[arg(long, value_name = "FILE")]
    compare_config: Option<PathBuf>,
    /// Compare with the lexicons plus this extra lexicon file or folder (repeatable).
    #[arg(long, value_name = "PATH")]
    compare_lexicon: Vec<PathBuf>,
    /// List every lexicon entry that fired, with the flagged lines and false positives it took part in,
    /// and the entries that never fired.
    #[arg(long)]
    terms: bool,
    /// Show the texts of misses and false positives (they may be sensitive).
    #[arg(long)]
    show_text: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum EvalFormat {
    Human,
    Json,
}

fn fmt(x: Option<f64>) -> String {
    x.map_or_else(|| "  -  ".into(), |v| format!("{v:.3}"))
}

pub fn run(args: &EvalArgs) -> anyhow::Result<u8> {
    let text = std::fs::read(&args.corpus).with_context(|| format!("cannot read {}", args.corpus.display()))?;
    let text = String::from_utf8(text).map_err(|e| {
        anyhow::anyhow!("{}: not valid UTF-8 (at byte {})", args.corpus.display(), e.utf8_error().valid_up_to())
    })?;
    let (samples, errors) = eval::parse_corpus(&text);
    let linter = args.linter.build()?;
    let report = eval::evaluate(&linter, &samples);
    let other = if args.compare_config.is_some() || !args.compare_lexicon.is_empty() {
        let mut lex = args.linter.lexicons.clone();
        lex.extend(args.compare_lexicon.iter().cloned());
        let config = args.compare_config.as_deref().or(args.linter.config.as_deref());
        let b = build_linter(&lex, config, args.linter.no_default_lexicons, args.linter.lang)?;
        Some(eval::evaluate(&b, &samples))
    } else {
        None
    };
    let mut out = io::stdout().lock();
    let mut failures = Vec::new();
    check_thresholds(args, &report, &mut failures);
    if let Some(gate) = &args.gate {
        check_gate(gate, &report, args.raise_gate, &mut failures)?;
    }
    match args.format {
        EvalFormat::Json => {
            let mut doc = json!({
                "corpus": args.corpus.display().to_string(),
                "lines": samples.len(),
                "errors": errors,
                "overall": figures(&report.overall),
                "by_lang": report.by_lang.iter().map(|(k, c)| (k.clone(), figures(c))).collect::<BTreeMap<_, _>>(),
                "by_category": report.by_category.iter().map(|(k, c)| (k.clone(), figures(c))).collect::<BTreeMap<_, _>>(),
                "rules": report.rules,
                "misses": report.misses().map(|o| outcome_json(o, &samples, args.show_text)).collect::<Vec<_>>(),
                "false_positives": report.false_positives().map(|o| outcome_json(o, &samples, args.show_text)).collect::<Vec<_>>(),
                "failures": failures,
            });
            if args.terms {
                doc["terms"] = serde_json::to_value(&report.terms)?;
                doc["never_fired"] = serde_json::to_value(&report.never_fired)?;
            }
            if let Some(b) = &other {
                doc["compare"] = json!({
                    "overall": figures(&b.overall),
                    "by_lang": b.by_lang.iter().map(|(k, c)| (k.clone(), figures(c))).collect::<BTreeMap<_, _>>(),
                    "changed": changed(&report, b),
                });
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        EvalFormat::Human => human(&mut out, args, &samples, &errors, &report, other.as_ref(), &linter, &failures)?,
    }
    for e in &errors {
        eprintln!("warning: {}:{}: {}", args.corpus.display(), e.line, e.reason);
    }
    Ok(if failures.is_empty() { 0 } else { 1 })
}

fn figures(c: &Counts) -> Value {
    json!({
        "flag": c.flag, "caught": c.caught, "pass": c.pass, "false_positives": c.false_positives, "either": c.either,
        "must_cover": c.must_cover, "covered": c.covered,
        "recall": c.recall(), "fpr": c.false_positive_rate(), "precision": c.precision(), "f1": c.f1(), "coverage": c.coverage(),
    })
}

fn outcome_json(o: &eval::Outcome, samples: &[Sample], show_text: bool) -> Value {
    let mut v = json!({ "id": o.id, "lang": o.lang, "verdict": o.verdict.as_str(), "score": crate::printer::round2(o.score), "rules": o.rules, "categories": o.categories, "expected_categories": o.expected_categories });
    if show_text && let Some(s) = samples.iter().find(|s| s.id == o.id) {
        v["text"] = Value::from(s.text.as_str());
    }
    v
}

fn changed(a: &EvalReport, b: &EvalReport) -> Vec<Value> {
    a.outcomes
        .iter()
        .zip(&b.outcomes)
        .filter(|(x, y)| x.verdict != y.verdict)
        .map(|(x, y)| json!({ "id": x.id, "expect": x.expect, "before": x.verdict.as_str(), "after": y.verdict.as_str() }))
        .collect()
}

fn check_thresholds(args: &EvalArgs, r: &EvalReport, failures: &mut Vec<String>) {
    for (scope, c) in r.scopes() {
        if let (Some(min), Some(v)) = (args.min_recall, c.recall())
            && v < min
        {
            failures.push(format!("{scope}: recall {v:.3} < {min}"));
        }
        if let (Some(max), Some(v)) = (args.max_fpr, c.false_positive_rate())
            && v > max
        {
            failures.push(format!("{scope}: false-positive rate {v:.3} > {max}"));
        }
        if let (Some(min), Some(v)) = (args.min_coverage, c.coverage())
            && v < min
        {
            failures.push(format!("{scope}: coverage {v:.3} < {min}"));
        }
    }
}

/// Reads the floors, records failures, and with `raise` writes the better figures back.
fn check_gate(path: &PathBuf, r: &EvalReport, raise: bool, failures: &mut Vec<String>) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read gate file {}", path.display()))?;
    let mut gate: BTreeMap<String, BTreeMap<String, f64>> =
        serde_json::from_str(&text).with_context(|| format!("{}: malformed gate file", path.display()))?;
    let mut raised = false;
    for (scope, c) in r.scopes() {
        let floors = gate.entry(scope.to_string()).or_default();
        for (key, value, higher_is_better) in
            [("recall", c.recall(), true), ("coverage", c.coverage(), true), ("fpr", c.false_positive_rate(), false)]
        {
            let Some(v) = value else { continue };
            // Compare at the precision written to the file.
            let v = (v * 1000.0).round() / 1000.0;
            match floors.get(key).copied() {
                Some(f) if higher_is_better && v < f => {
                    failures.push(format!("{scope}: {key} {v:.3} fell below the gate's {f:.3}"))
                }
                Some(f) if !higher_is_better && v > f => {
                    failures.push(format!("{scope}: {key} {v:.3} rose above the gate's {f:.3}"))
                }
                Some(f) if raise && v != f => {
                    floors.insert(key.into(), v);
                    raised = true;
                }
                None if raise => {
                    floors.insert(key.into(), v);
                    raised = true;
                }
                _ => {}
            }
        }
    }
    if raise && raised && failures.is_empty() {
        std::fs::write(path, serde_json::to_string_pretty(&gate)? + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("raised the floors in {}", path.display());
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn human(
    out: &mut impl Write,
    args: &EvalArgs,
    samples: &[Sample],
    errors: &[eval::CorpusError],
    r: &EvalReport,
    other: Option<&EvalReport>,
    linter: &Linter,
    failures: &[String],
) -> anyhow::Result<()> {
    let o = &r.overall;
    writeln!(
        out,
        "carelint eval {}: {} lines ({} flag, {} pass, {} either not scored), {} input problems",
        args.corpus.display(),
        samples.len(),
        o.flag,
        o.pass,
        o.either,
        errors.len()
    )?;
    let (entries, patterns) = linter.sizes();
    writeln!(out, "lexicon: {entries} entries, {patterns} automaton patterns\n")?;
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>7} {:>7} {:>9} {:>7} {:>8}",
        "scope", "flag", "pass", "recall", "fpr", "precision", "f1", "coverage"
    )?;
    let row = |out: &mut dyn Write, name: &str, c: &Counts| -> io::Result<()> {
        writeln!(
            out,
            "{:<16} {:>5} {:>5} {:>7} {:>7} {:>9} {:>7} {:>8}",
            name,
            c.flag,
            c.pass,
            fmt(c.recall()),
            fmt(c.false_positive_rate()),
            fmt(c.precision()),
            fmt(c.f1()),
            fmt(c.coverage())
        )
    };
    for (k, c) in r.scopes() {
        row(out, k, c)?;
    }
    writeln!(out, "\nper expected category (flag lines labelled with it)")?;
    for (k, c) in &r.by_category {
        row(out, k, c)?;
    }
    if let Some(b) = other {
        writeln!(out, "\ncompared with {}:", describe_compare(args))?;
        writeln!(out, "{:<16} {:>15} {:>15} {:>15}", "scope", "recall", "fpr", "coverage")?;
        let delta = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => format!("{b:.3} ({:+.3})", b - a),
            _ => "-".into(),
        };
        for ((name, a), (_, bb)) in r.scopes().zip(b.scopes()) {
            writeln!(
                out,
                "{:<16} {:>15} {:>15} {:>15}",
                name,
                delta(a.recall(), bb.recall()),
                delta(a.false_positive_rate(), bb.false_positive_rate()),
                delta(a.coverage(), bb.coverage())
            )?;
        }
        let ch = changed(r, b);
        writeln!(out, "{} lines changed verdict", ch.len())?;
        for c in ch {
            writeln!(
                out,
                "  {} ({}): {} -> {}",
                c["id"].as_str().unwrap_or("?"),
                c["expect"].as_str().unwrap_or("?"),
                c["before"].as_str().unwrap_or("?"),
                c["after"].as_str().unwrap_or("?")
            )?;
        }
    }
    writeln!(out, "\nrules: lines with a finding / flagged lines it took part in / of them false positives")?;
    for (rule, u) in &r.rules {
        writeln!(out, "  {:<20} {:>5} {:>5} {:>5}", rule, u.lines, u.flagged, u.false_positives)?;
    }
    let text_of = |id: &str| samples.iter().find(|s| s.id == id).map_or("", |s| s.text.as_str());
    let misses: Vec<_> = r.misses().collect();
    writeln!(out, "\nmisses ({}): flag lines that passed", misses.len())?;
    for m in misses {
        write!(
            out,
            "  {} score {:.2} rules [{}] expected [{}]",
            m.id,
            m.score,
            m.rules.join(", "),
            m.expected_categories.join(", ")
        )?;
        if args.show_text {
            write!(out, "\n      {}", text_of(&m.id))?;
        }
        writeln!(out)?;
    }
    let fps: Vec<_> = r.false_positives().collect();
    writeln!(out, "\nfalse positives ({}): pass lines that were flagged", fps.len())?;
    for m in fps {
        write!(out, "  {} {} score {:.2} rules [{}]", m.id, m.verdict.as_str(), m.score, m.rules.join(", "))?;
        if args.show_text {
            write!(out, "\n      {}", text_of(&m.id))?;
        }
        writeln!(out)?;
    }
    let uncovered: Vec<_> = r.outcomes.iter().filter(|o| !o.uncovered.is_empty()).collect();
    writeln!(out, "\nuncovered must_cover ({} lines)", uncovered.len())?;
    for o in uncovered {
        let s = samples.iter().find(|s| s.id == o.id);
        write!(out, "  {} {} of {} uncovered", o.id, o.uncovered.len(), o.uncovered.len() + o.covered)?;
        if let (true, Some(s)) = (args.show_text, s) {
            let parts: Vec<&str> = o.uncovered.iter().map(|&k| s.must_cover[k].as_str()).collect();
            write!(out, ": {}", parts.join(" | "))?;
        }
        writeln!(out)?;
    }
    if args.terms {
        writeln!(out, "\nterms: lines / flagged / false positives  (entry)")?;
        let mut terms: Vec<_> = r.terms.iter().collect();
        terms.sort_by(|a, b| b.1.false_positives.cmp(&a.1.false_positives).then(b.1.lines.cmp(&a.1.lines)));
        for (name, u) in terms {
            writeln!(out, "  {:>4} {:>4} {:>4}  {}", u.lines, u.flagged, u.false_positives, name)?;
        }
        writeln!(out, "\nnever fired: {} entries", r.never_fired.len())?;
        for n in &r.never_fired {
            writeln!(out, "  {n}")?;
        }
    }
    if failures.is_empty() {
        writeln!(out, "\nthresholds: ok")?;
    } else {
        writeln!(out, "\nthresholds FAILED:")?;
        for f in failures {
            writeln!(out, "  {f}")?;
        }
    }
    Ok(())
}

fn describe_compare(args: &EvalArgs) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &args.compare_config {
        parts.push(format!("config {}", c.display()));
    }
    for l in &args.compare_lexicon {
        parts.push(format!("+lexicon {}", l.display()));
    }
    parts.join(", ")
}
