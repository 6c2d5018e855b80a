//! carelint: a confidentiality linter for chat messages written by Nordic care staff.
//!
//! Swedish *tystnadsplikt*, Danish *tavshedspligt* and Norwegian *taushetsplikt* forbid passing on anything
//! about a care recipient in work chats, SMS or WhatsApp, even anonymized: colleagues add details until
//! everyone knows who it is. carelint reads a message before it is sent and says `pass`, `warn` or
//! `block`, with the findings that led there.
//!
//! Data flows one way: text → normalized view (`normalize`) → term hits (`matcher`) and
//! structured detectors ([`detect`], `cues`) → weighing (`score`) → [`Report`].
//!
//! ```
//! use carelint::{Linter, Verdict};
//!
//! let linter = Linter::new(); // embedded sv/da/nb/en lexicons, built once
//! let report = linter.check("Beboeren på stue 14 har fået et tryksår på hælen");
//! assert_eq!(report.verdict, Verdict::Block);
//! for f in &report.findings {
//!     // Offsets only: message text is never part of a finding.
//!     println!("{} {} {}..{} {}", f.rule.id(), f.category.as_str(), f.start, f.end, f.message);
//! }
//! assert!(linter.check("Husk kursus om demens på mandag").passed());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

mod config;
mod cues;
pub mod detect;
mod embedded;
mod error;
pub mod eval;
mod finding;
pub mod input;
mod lang;
mod lexicon;
mod linter;
mod matcher;
mod normalize;
mod rule;
mod score;
mod swar;
mod tokens;

pub use config::{CombineConfig, ContextConfig, DetectorWeights, LanguageConfig, ScoringConfig, VerdictConfig};
pub use error::{BuildError, LexiconError};
pub use finding::{Context, Finding, Report, Source, Verdict};
pub use lang::Lang;
pub use lexicon::Lexicon;
pub use linter::{DEFAULT_MAX_FINDINGS, EntryInfo, Linter, LinterBuilder, Scratch, excerpt};
pub use rule::{Category, Rule, Severity};
