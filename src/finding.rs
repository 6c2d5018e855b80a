//! Findings and the per-message report.
//!
//! Offsets: `start..end` are UTF-8 **byte** offsets into the message, end-exclusive, always on character
//! boundaries; `char_start..char_end` are the same span in Unicode scalar values (for JavaScript and Python
//! callers, whose strings index differently). A finding never holds message text: `Linter::excerpt` or the
//! CLI's `--show-text` gives it when the user asks.

use serde::Serialize;

use crate::lang::Lang;
use crate::rule::{Category, Rule, Severity};

/// Where a finding came from: a lexicon entry or a code detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A lexicon entry; the index is for [`crate::Linter::entry`].
    Lexicon(u32),
    /// A code detector (`room-ordinal`, `title`, `se-personnummer`, …).
    Detector(&'static str),
}

/// One thing in a message that points at a care recipient or tells something about one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Finding {
    /// The rule (stable id in output).
    pub rule: Rule,
    /// The rule's category.
    pub category: Category,
    /// How serious this finding is on its own (the verdict weighs all findings together).
    pub severity: Severity,
    /// Byte offset of the first byte (inclusive).
    pub start: usize,
    /// Byte offset after the last byte (exclusive).
    pub end: usize,
    /// Char (Unicode scalar) offset of the start.
    pub char_start: usize,
    /// Char offset after the end.
    pub char_end: usize,
    /// The weight this finding added to the score, after context factors.
    pub weight: f32,
    /// The lexicon entry or detector that made it.
    pub source: Source,
    /// A short explanation in the message's language.
    pub message: &'static str,
}

/// The verdict on one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing about a care recipient: fine to send.
    #[default]
    Pass,
    /// Probably about a care recipient: rewrite or do not send.
    Warn,
    /// A confidentiality breach: do not send.
    Block,
}

impl Verdict {
    /// `pass`, `warn` or `block`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }

    /// One sentence that explains the verdict, in `lang`.
    pub fn explanation(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Pass, Lang::Sv) => "Inget som pekar ut en brukare hittades.",
            (Verdict::Pass, Lang::Da) => "Intet, der peger en borger ud, blev fundet.",
            (Verdict::Pass, Lang::Nb) => "Ingenting som peker ut en bruker ble funnet.",
            (Verdict::Pass, Lang::En) => "Nothing that points at a care recipient was found.",
            (Verdict::Warn, Lang::Sv) => {
                "Meddelandet verkar handla om en brukare. Skriv om det eller använd journalen."
            }
            (Verdict::Warn, Lang::Da) => {
                "Beskeden ser ud til at handle om en borger. Skriv den om eller brug journalen."
            }
            (Verdict::Warn, Lang::Nb) => {
                "Meldingen ser ut til å handle om en bruker. Skriv den om eller bruk journalen."
            }
            (Verdict::Warn, Lang::En) => {
                "The message seems to be about a care recipient. Rewrite it or use the care record."
            }
            (Verdict::Block, Lang::Sv) => {
                "Meddelandet innehåller uppgifter om en brukare. Skicka det inte; även utan namn kan kollegor räkna ut vem det gäller."
            }
            (Verdict::Block, Lang::Da) => {
                "Beskeden indeholder oplysninger om en borger. Send den ikke; selv uden navn kan kolleger regne ud, hvem det er."
            }
            (Verdict::Block, Lang::Nb) => {
                "Meldingen inneholder opplysninger om en bruker. Ikke send den; selv uten navn kan kolleger skjønne hvem det gjelder."
            }
            (Verdict::Block, Lang::En) => {
                "The message holds details about a care recipient. Do not send it; even without a name, colleagues can work out who it is."
            }
        }
    }
}

/// Context that changed the weighing of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Context {
    /// Training, policy, routine or booking words lowered the score.
    pub generic: bool,
    /// Quantifiers or plural generics lowered the score.
    pub plural: bool,
    /// Nothing pointed at a person, which lowered the score.
    pub no_person: bool,
    /// Some findings were the writer's own (first person) and were lowered.
    pub first_person: bool,
}

/// The result of checking one message.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Report {
    /// The verdict.
    pub verdict: Verdict,
    /// The weighed score (0 = nothing found; `warn` and `block` thresholds in `scoring.toml`).
    pub score: f32,
    /// The language the explanations are in (detected from the message unless fixed by the builder).
    pub lang: Lang,
    /// Findings, sorted by start offset, then by end offset; at most the builder's `max_findings`.
    pub findings: Vec<Finding>,
    /// Findings left out beyond `max_findings` (the verdict and score still weigh them).
    pub omitted: usize,
    /// Context that changed the weighing.
    pub context: Context,
}

impl Report {
    /// True when the verdict is `pass`.
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Pass
    }

    /// The verdict explained in the report's language.
    pub fn explanation(&self) -> &'static str {
        self.verdict.explanation(self.lang)
    }

    /// The categories of the findings, deduplicated, in [`Category::ALL`] order.
    pub fn categories(&self) -> Vec<Category> {
        Category::ALL.into_iter().filter(|c| self.findings.iter().any(|f| f.category == *c)).collect()
    }

    pub(crate) fn clear(&mut self) {
        self.verdict = Verdict::Pass;
        self.score = 0.0;
        self.findings.clear();
        self.omitted = 0;
        self.context = Context::default();
    }
}
