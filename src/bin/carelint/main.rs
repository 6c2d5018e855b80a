//! The `carelint` command: `check`, `eval`, `rules`, `explain`.
//!
//! Exit codes: 0 when every message passes (or the eval thresholds hold), 1 when a message is flagged at
//! or above `--fail-on` (or an eval threshold fails), 2 on usage, configuration or input errors. A broken
//! pipe (`| head`) ends quietly.

mod check;
mod eval_cmd;
mod printer;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use carelint::{Lang, Linter, LinterBuilder, Rule};

#[derive(Parser)]
#[command(
    name = "carelint",
    version,
    about = "Confidentiality linter for chat messages written by Nordic care staff (sv, da, nb, en)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check messages: one per line (default), the whole input as one message, or JSON Lines.
    Check(check::CheckArgs),
    /// Measure recall, false-positive rate and coverage on a labelled corpus.
    Eval(eval_cmd::EvalArgs),
    /// List the rules.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Explain one rule: what it catches, why, an example, and what to write instead.
    Explain {
        /// The rule id (see `carelint rules`).
        rule: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

/// Options shared by every command that builds a linter.
#[derive(Args, Debug, Clone)]
pub struct LinterArgs {
    /// Extra lexicon file or folder (repeatable); see lexicons/README.md for the format.
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicons: Vec<PathBuf>,
    /// Scoring configuration (TOML) replacing the embedded lexicons/scoring.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not load the embedded lexicons (only --lexicon files).
    #[arg(long)]
    no_default_lexicons: bool,
    /// Language of the explanations (default: detected per message).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language `{s}` (sv, da, nb, en)"))
}

impl LinterArgs {
    fn build(&self) -> anyhow::Result<Linter> {
        build_linter(&self.lexicons, self.config.as_deref(), self.no_default_lexicons, self.lang)
    }
}

fn build_linter(
    lexicons: &[PathBuf],
    config: Option<&std::path::Path>,
    no_default: bool,
    lang: Option<Lang>,
) -> anyhow::Result<Linter> {
    let mut b = LinterBuilder::new();
    b.embedded_lexicons(!no_default).language(lang);
    for p in lexicons {
        b.lexicon_path(p);
    }
    if let Some(c) = config {
        b.scoring_path(c);
    }
    let linter = b.build().context("cannot build the linter")?;
    for w in linter.warnings() {
        // Lexicon warnings name files, lines and lexicon terms, never message text.
        eprintln!("warning: {w}");
    }
    Ok(linter)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Eval(args) => eval_cmd::run(&args),
        Command::Rules { format } => rules(format),
        Command::Explain { rule } => explain(&rule),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error is a closed stdout (`carelint check big.txt | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

fn rules(format: RulesFormat) -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    match format {
        RulesFormat::Human => {
            writeln!(out, "{:<20} {:<15} {:<8} summary", "id", "category", "severity")?;
            for r in Rule::ALL {
                writeln!(
                    out,
                    "{:<20} {:<15} {:<8} {}",
                    r.id(),
                    r.category().as_str(),
                    r.default_severity().as_str(),
                    r.summary()
                )?;
            }
        }
        RulesFormat::Json => {
            let list: Vec<_> = Rule::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id(), "name": r.name(), "category": r.category().as_str(),
                        "severity": r.default_severity().as_str(), "summary": r.summary(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        }
    }
    Ok(0)
}

fn explain(id: &str) -> anyhow::Result<u8> {
    let Some(r) = Rule::from_id(id) else {
        let ids: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        anyhow::bail!("unknown rule `{id}`; the rules are: {}", ids.join(", "));
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{} ({}) — {}", r.id(), r.name(), r.category().as_str())?;
    writeln!(out, "default severity: {}\n", r.default_severity().as_str())?;
    writeln!(out, "What it catches\n  {}\n", r.summary())?;
    writeln!(out, "Why it matters\n  {}\n", r.why())?;
    writeln!(out, "Example\n  {}\n", r.example())?;
    writeln!(out, "What to write instead\n  {}\n", r.instead())?;
    writeln!(out, "Message shown with a finding")?;
    for lang in Lang::ALL {
        writeln!(out, "  {}: {}", lang.code(), r.message(lang))?;
    }
    Ok(0)
}
