//! The linter: built once from lexicons and scoring, then `check` per message.

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::ScoringConfig;
use crate::cues::{self, Cand, Input};
use crate::detect::{self, DetectCtx};
use crate::error::BuildError;
use crate::finding::{Finding, Report, Source};
use crate::lang::Lang;
use crate::lexicon::{EntryRule, Kind, Lexicon};
use crate::matcher::{Matcher, TermHit};
use crate::normalize::Normalized;
use crate::rule::Rule;
use crate::score;
use crate::tokens::Tokens;

/// Builds a [`Linter`]. Setters take `&mut self` and chain; [`LinterBuilder::build`] does the work once.
///
/// ```
/// use carelint::{Lang, LinterBuilder, Verdict};
///
/// let linter = LinterBuilder::new()
///     .lexicon_str("local.txt", "#! rule: care-recipient-ref\n#! weight: 0.5\n#! kind: care-noun\nhyresgästen\n", Some(Lang::Sv))
///     .build()
///     .unwrap();
/// assert_ne!(linter.check("Hyresgästen på rum 4 har feber").verdict, Verdict::Pass);
/// ```
#[derive(Debug, Clone, Default)]
pub struct LinterBuilder {
    no_embedded: bool,
    paths: Vec<PathBuf>,
    strings: Vec<(String, String, Option<Lang>)>,
    scoring: Option<ScoringConfig>,
    scoring_path: Option<PathBuf>,
    lang: Option<Lang>,
    today: Option<(u16, u8, u8)>,
    max_findings: Option<usize>,
}

/// Findings a report keeps by default (see [`LinterBuilder::max_findings`]).
pub const DEFAULT_MAX_FINDINGS: usize = 10_000;

impl LinterBuilder {
    /// A builder with the embedded lexicons and scoring.
    pub fn new() -> LinterBuilder {
        LinterBuilder::default()
    }

    /// Whether to load the embedded lexicons (default `true`).
    pub fn embedded_lexicons(&mut self, yes: bool) -> &mut LinterBuilder {
        self.no_embedded = !yes;
        self
    }

    /// Adds a lexicon file, or every `*.txt` below a folder (see `lexicons/README.md`).
    pub fn lexicon_path(&mut self, path: impl Into<PathBuf>) -> &mut LinterBuilder {
        self.paths.push(path.into());
        self
    }

    /// Adds lexicon text; `name` is used in error messages.
    pub fn lexicon_str(&mut self, name: &str, text: &str, lang: Option<Lang>) -> &mut LinterBuilder {
        self.strings.push((name.to_string(), text.to_string(), lang));
        self
    }

    /// Replaces the scoring configuration.
    pub fn scoring(&mut self, cfg: ScoringConfig) -> &mut LinterBuilder {
        self.scoring = Some(cfg);
        self
    }

    /// Reads the scoring configuration from a TOML file at build time.
    pub fn scoring_path(&mut self, path: impl Into<PathBuf>) -> &mut LinterBuilder {
        self.scoring_path = Some(path.into());
        self
    }

    /// Fixes the language of explanations instead of detecting it per message.
    pub fn language(&mut self, lang: Option<Lang>) -> &mut LinterBuilder {
        self.lang = lang;
        self
    }

    /// The date used to reject birth dates in the future (default: today, UTC).
    pub fn today(&mut self, year: u16, month: u8, day: u8) -> &mut LinterBuilder {
        self.today = Some((year, month, day));
        self
    }

    /// The most findings one report keeps (default [`DEFAULT_MAX_FINDINGS`]). The verdict and score weigh
    /// every finding; beyond this many, the first ones by position are kept and the rest counted in
    /// [`Report::omitted`], so a 100 MB message does not need gigabytes for its report.
    pub fn max_findings(&mut self, n: usize) -> &mut LinterBuilder {
        self.max_findings = Some(n.max(1));
        self
    }

    /// Parses the lexicons and builds the automaton.
    pub fn build(&self) -> Result<Linter, BuildError> {
        let mut lexicon = if self.no_embedded { Lexicon::default() } else { Lexicon::embedded()? };
        for (name, text, lang) in &self.strings {
            lexicon.add_str(name, text, *lang)?;
        }
        for p in &self.paths {
            lexicon.add_path(p)?;
        }
        let scoring = match (&self.scoring, &self.scoring_path) {
            (_, Some(p)) => {
                let text = std::fs::read_to_string(p).map_err(|source| BuildError::Io { path: p.clone(), source })?;
                ScoringConfig::from_toml(&p.display().to_string(), &text)?
            }
            (Some(c), None) => c.clone(),
            (None, None) => ScoringConfig::default(),
        };
        // Only the embedded lexicons: deserialize the automaton build.rs made; otherwise build one.
        let only_embedded = !self.no_embedded && self.strings.is_empty() && self.paths.is_empty();
        let matcher =
            if only_embedded { Matcher::embedded(&lexicon.entries)? } else { Matcher::new(&lexicon.entries)? };
        let (y, m, d) = self.today.unwrap_or_else(today_utc);
        Ok(Linter {
            inner: Arc::new(Inner {
                max_findings: self.max_findings.unwrap_or(DEFAULT_MAX_FINDINGS),
                lexicon,
                matcher,
                scoring,
                lang: self.lang,
                detect: DetectCtx { today_year: y, today_month: m, today_day: d },
            }),
        })
    }
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (entries, patterns) = self.sizes();
        f.debug_struct("Linter").field("entries", &entries).field("patterns", &patterns).finish_non_exhaustive()
    }
}

/// Checks messages. Immutable, cheap to clone (shared), `Send + Sync`.
///
/// ```
/// use carelint::{Linter, Verdict};
///
/// let linter = Linter::new();
/// let report = linter.check("Damen i rum 14 med demens har ramlat igen");
/// assert_eq!(report.verdict, Verdict::Block);
/// assert!(report.findings.iter().any(|f| f.rule.id() == "room-number"));
///
/// assert_eq!(linter.check("Kurs om demens på torsdag kl 9").verdict, Verdict::Pass);
/// ```
#[derive(Clone)]
pub struct Linter {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    max_findings: usize,
    lexicon: Lexicon,
    matcher: Matcher,
    scoring: ScoringConfig,
    lang: Option<Lang>,
    detect: DetectCtx,
}

/// Buffers reused between checks, so checking allocates nothing once they have grown. Keep one per thread.
///
/// ```
/// use carelint::{Linter, Report, Scratch};
///
/// let linter = Linter::new();
/// let mut scratch = Scratch::default();
/// let mut report = Report::default();
/// for msg in ["Lunch kl 12?", "Fru J på rum 4 har feber"] {
///     linter.check_with(msg, &mut scratch, &mut report);
///     println!("{}", report.verdict.as_str());
/// }
/// ```
#[derive(Default, Clone)]
pub struct Scratch {
    norm: Normalized,
    tokens: Tokens,
    hits: Vec<TermHit>,
    exceptions: Vec<(u32, u32)>,
    cands: Vec<Cand>,
    flags: Vec<u16>,
    ids: Vec<detect::Candidate>,
    detect: detect::DetectScratch,
    age_locations: Option<cues::AgeLocations>,
}

/// Redacted: the buffers hold the last message's text, which must not reach logs through `{:?}`.
impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scratch").field("capacity", &self.norm.text.capacity()).finish_non_exhaustive()
    }
}

/// A lexicon entry, as shown by `eval --terms` and `--show-text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryInfo<'a> {
    /// The entry as written, without anchors.
    pub term: &'a str,
    /// The file it comes from.
    pub file: &'a str,
    /// Its 1-based line.
    pub line: u32,
    /// The file's language.
    pub lang: Lang,
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new()
    }
}

impl Linter {
    /// The linter with the embedded lexicons and scoring.
    pub fn new() -> Linter {
        LinterBuilder::new().build().expect("the embedded lexicons build (tested)")
    }

    /// A builder, for extra lexicons or another scoring.
    pub fn builder() -> LinterBuilder {
        LinterBuilder::new()
    }

    /// Checks one message.
    pub fn check(&self, text: &str) -> Report {
        let mut report = Report::default();
        self.check_with(text, &mut Scratch::default(), &mut report);
        report
    }

    /// Checks one message into `report`, reusing `scratch`: no allocation once the buffers have grown.
    pub fn check_with(&self, text: &str, scratch: &mut Scratch, report: &mut Report) {
        let inner = &*self.inner;
        report.clear();
        let s = scratch;
        s.norm.fill(text);
        s.hits.clear();
        s.cands.clear();
        inner.matcher.find(&s.norm, text, &mut s.hits, &mut s.exceptions);
        let (gate, keep) = gate_language(&s.hits, &inner.scoring.language);
        veto_false_friends(&mut s.hits, gate, keep);

        let entries = &inner.lexicon.entries;
        // Both paths need the detectors' gates (an `@`, the longest group of joined digits; with it, whether
        // there is a digit): the test below, or the cues and detectors.
        let gates = detect::Gates::of(text);
        let digits = gates.joined > 0;
        // The address detector is the costliest: it runs on a capitalized street word from the automaton
        // (`Storgatan`, `Skovvej`), or on a digit with an English street word (`Ave` and `Way` are not in
        // the lexicon) or a postcode shape. Both paths may ask for the latter, so it is worked out at most
        // once, and only when a path needs it (never for a message with a capitalized street word).
        let mut shape = None;
        let mut address_shape = || {
            *shape.get_or_insert_with(|| {
                digits
                    && (detect::address::has_english_street_word(text)
                        || (gates.joined >= 4 && detect::maybe_postcode(text)))
            })
        };
        // The common case: only context words (or nothing) matched, and nothing a cue or code detector
        // could read on its own. The verdict is a pass with no findings.
        let kinds = KindSet::of(&s.hits, &s.norm, text);
        if kinds.only_pure_context()
            && fast_path_allowed()
            && !could_find_without_terms(text, &s.norm.text, &gates, &mut address_shape)
        {
            report.lang = inner.lang.or(gate).unwrap_or_else(|| detect_lang(&s.hits));
            return;
        }
        let addresses = kinds.has(Kind::Street) || address_shape();
        s.tokens.fill(&s.norm.text);
        let inp = Input {
            original: text,
            norm: &s.norm,
            tokens: &s.tokens,
            entries,
            weights: &inner.scoring.weights,
            digits,
        };
        cues::from_hits(&inp, &s.hits, &mut s.flags, &mut s.cands);
        cues::derive(&inp, &s.hits, &mut s.flags, &mut s.age_locations, &mut s.cands);
        self.identifiers(text, &gates, addresses, s);

        let (score, verdict, context) = score::weigh(
            &mut s.cands,
            &s.tokens,
            &s.flags,
            kinds.has(Kind::Generic),
            kinds.has(Kind::Plural),
            &inner.scoring,
        );
        report.score = (score * 100.0).round() / 100.0;
        report.verdict = verdict;
        report.context = context;
        report.lang = inner.lang.or(gate).unwrap_or_else(|| detect_lang(&s.hits));

        let cfg = &inner.scoring.verdict;
        // Candidates are sorted by position: the report keeps the first `max_findings` and counts the rest.
        for c in &s.cands {
            if report.findings.len() >= inner.max_findings {
                report.omitted += 1;
                continue;
            }
            let (start, end) = s.norm.to_original(c.start as usize, c.end as usize, text);
            report.findings.push(Finding {
                rule: c.rule,
                category: c.rule.category(),
                severity: cfg.severity(c.weight),
                start,
                end,
                char_start: 0,
                char_end: 0,
                weight: (c.weight * 100.0).round() / 100.0,
                source: c.source,
                message: c.rule.message(report.lang),
            });
        }
        report.findings.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)).then(a.rule.cmp(&b.rule)));
        report.findings.dedup_by(|a, b| a.rule == b.rule && a.start == b.start && a.end == b.end);
        // A finding that blocks on its own (a validated national ID number) blocks the message, kept or not.
        if s.cands.iter().any(|c| c.weight >= cfg.block) {
            report.verdict = crate::Verdict::Block;
        }
        fill_char_offsets(text, &mut report.findings);
    }

    /// Runs the structured identifier detectors and weighs what they find.
    fn identifiers(&self, text: &str, gates: &detect::Gates, addresses: bool, s: &mut Scratch) {
        s.ids.clear();
        detect::find_gated(text, &self.inner.detect, gates, addresses, &mut s.detect, &mut s.ids);
        if s.ids.is_empty() {
            return;
        }
        let w = &self.inner.scoring.weights;
        let person_near =
            s.flags.iter().any(|f| f & (cues::flag::PERSON | cues::flag::RELATIVE) != 0 && f & cues::flag::FIRST == 0);
        for id in &s.ids {
            use detect::Kind as K;
            let (rule, weight, name) = match id.kind {
                K::SePersonnummer => (Rule::NationalId, w.national_id, "se-personnummer"),
                K::SeSamordningsnummer => (Rule::NationalId, w.national_id, "se-samordningsnummer"),
                K::DkCpr => (Rule::NationalId, w.national_id, "dk-cpr"),
                K::NoFodselsnummer => (Rule::NationalId, w.national_id, "no-fodselsnummer"),
                K::NoDNummer => (Rule::NationalId, w.national_id, "no-d-nummer"),
                K::NoHNummer => (Rule::NationalId, w.national_id, "no-h-nummer"),
                K::NoFhNummer => (Rule::NationalId, w.national_id, "no-fh-nummer"),
                K::NoSyntheticTest => (Rule::NationalId, w.national_id, "no-synthetic-test"),
                K::FiHetu => (Rule::NationalId, w.national_id, "fi-hetu"),
                K::FiHetuTemporary => (Rule::NationalId, w.national_id, "fi-hetu-temporary"),
                K::MistypedId => (Rule::NationalId, w.mistyped_id, "mistyped-id"),
                K::Phone => (Rule::Phone, if person_near { w.phone_of_person } else { w.phone }, "phone"),
                K::Email => (Rule::Email, w.email, "email"),
                K::StreetAddress if matches!(id.evidence, detect::Evidence::Shape) => {
                    (Rule::StreetAddress, w.street_name, "street-name")
                }
                K::StreetAddress => (Rule::StreetAddress, w.street_address, "street-address"),
                K::Postcode => (Rule::StreetAddress, w.postcode, "postcode"),
                K::BirthDate => (Rule::BirthDate, w.birth_date, "birth-date"),
            };
            let (start, end) = s.norm.span_from_original(id.start, id.end);
            s.cands.push(Cand {
                rule,
                start: start as u32,
                end: end as u32,
                weight,
                source: Source::Detector(name),
                kind: Kind::None,
            });
        }
    }

    /// The lexicon entry behind a [`Source::Lexicon`] finding.
    pub fn entry(&self, source: Source) -> Option<EntryInfo<'_>> {
        let Source::Lexicon(i) = source else {
            return None;
        };
        let lex = &self.inner.lexicon;
        let e = lex.entries.get(i as usize)?;
        Some(EntryInfo { term: &e.term, file: &lex.files[e.file as usize], line: e.line, lang: e.lang })
    }

    /// Every reportable lexicon entry, for per-term statistics: `(index, info)`.
    pub fn entries(&self) -> impl Iterator<Item = (u32, EntryInfo<'_>, Rule)> + '_ {
        let lex = &self.inner.lexicon;
        lex.entries.iter().enumerate().filter_map(move |(i, e)| match e.rule {
            EntryRule::Report(rule) if !e.exception && !e.kind.is_context() => Some((
                i as u32,
                EntryInfo { term: &e.term, file: &lex.files[e.file as usize], line: e.line, lang: e.lang },
                rule,
            )),
            _ => None,
        })
    }

    /// Lexicon warnings (duplicates, empty files), as `file:line: text`.
    pub fn warnings(&self) -> &[String] {
        self.inner.lexicon.warnings()
    }

    /// The scoring configuration in use.
    pub fn scoring(&self) -> &ScoringConfig {
        &self.inner.scoring
    }

    /// Number of lexicon entries and of automaton patterns.
    pub fn sizes(&self) -> (usize, usize) {
        (self.inner.lexicon.len(), self.inner.matcher.patterns().len())
    }

    /// The literal patterns the automaton searches (folded lexicon terms and their chat spellings), for
    /// baselines and diagnostics.
    pub fn patterns(&self) -> &[String] {
        self.inner.matcher.patterns()
    }

    /// Heap bytes held by the automaton.
    pub fn matcher_memory(&self) -> usize {
        self.inner.matcher.memory_usage()
    }
}

/// The text a finding covers. Only call this when the user asked to see message text.
pub fn excerpt<'t>(text: &'t str, finding: &Finding) -> &'t str {
    text.get(finding.start..finding.end).unwrap_or("")
}

/// Which languages the message is in, from its function words (see `[language]` in scoring.toml).
/// Returns the clear winner, if any, and a mask of the languages to keep: every language whose function
/// words are not clearly behind the best one's (all four when there are too few function words).
fn gate_language(hits: &[TermHit], cfg: &crate::config::LanguageConfig) -> (Option<Lang>, [bool; 4]) {
    let mut votes = [0u32; 4];
    for h in hits {
        if h.kind == Kind::LangMarker {
            votes[h.lang.index()] += 1;
        }
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    if best < cfg.min_markers {
        return (None, [true; 4]);
    }
    let keep = votes.map(|v| v as f32 * cfg.margin > best as f32);
    // The clear winner: the only language with `best` votes, at least `margin` times the runner-up's.
    let first = votes.iter().position(|&v| v == best).expect("best is one of the votes");
    let second = votes.iter().enumerate().filter(|&(i, _)| i != first).map(|(_, &v)| v).max().unwrap_or(0);
    let clear = best as f32 >= cfg.margin * second as f32 && second < best;
    (clear.then(|| Lang::ALL[first]), keep)
}

/// Drops term hits from languages the message is clearly not in, and terms that are an ordinary function
/// word of another language at the same place (Danish `ble`, a nappy, is Norwegian "became") unless the
/// term's own language is the message's. English terms, names and street names are always kept.
fn veto_false_friends(hits: &mut Vec<TermHit>, gate: Option<Lang>, keep: [bool; 4]) {
    if !keep.iter().any(|k| !k) && !hits.iter().any(|h| h.kind == Kind::LangMarker) {
        return;
    }
    // The languages whose terms may stay: English is never dropped for its language, only for a function
    // word of another at its place.
    let keep_mask = keep.iter().enumerate().fold(1u8 << Lang::En.index(), |m, (k, &on)| m | u8::from(on) << k);
    // Does `h` stay, given the languages that have a function word at its span?
    let stays = |h: &TermHit, marker_langs: u8| {
        let lang = 1u8 << h.lang.index();
        h.case_sensitive
            || h.kind == Kind::Street
            || h.kind == Kind::LangMarker
            || (keep_mask & lang != 0 && (marker_langs & !lang == 0 || gate == Some(h.lang)))
    };
    // Hits are sorted by span, so the hits of one span (a term and the function words spelled the same)
    // are neighbours: per span, the languages it is a function word of, then which hits stay.
    let mut kept = 0;
    let mut i = 0;
    while i < hits.len() {
        let span = (hits[i].start, hits[i].end);
        if hits.get(i + 1).is_none_or(|n| (n.start, n.end) != span) {
            // Alone at its span (almost every hit): no function word of another language here, so only the
            // language decides.
            let h = hits[i];
            if stays(&h, 0) {
                hits[kept] = h;
                kept += 1;
            }
            i += 1;
            continue;
        }
        let mut j = i;
        let mut marker_langs = 0u8;
        while j < hits.len() && (hits[j].start, hits[j].end) == span {
            let h = &hits[j];
            if h.kind == Kind::LangMarker {
                marker_langs |= 1 << h.lang.index();
            }
            j += 1;
        }
        for k in i..j {
            let h = hits[k];
            if stays(&h, marker_langs) {
                hits[kept] = h;
                kept += 1;
            }
        }
        i = j;
    }
    hits.truncate(kept);
}

/// Picks the language with the most function-word and term hits (function words count double).
fn detect_lang(hits: &[TermHit]) -> Lang {
    let mut votes = [0u32; 4];
    for h in hits {
        if h.case_sensitive {
            continue;
        }
        votes[h.lang.index()] += if h.kind == Kind::LangMarker { 2 } else { 1 };
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return Lang::En;
    }
    Lang::ALL.into_iter().find(|l| votes[l.index()] == best).unwrap_or(Lang::En)
}

/// The kinds of a message's term hits, as a bit set: one pass, then each question is one test.
#[derive(Clone, Copy)]
struct KindSet(u32);

impl KindSet {
    /// A street word counts only on a capitalized word (`Storgatan`, not `kvällen`, which ends in `allén`):
    /// the street-name cue and the address detector both need the capital, and in lower case these
    /// endings are everyday words that would send the message down the full path for nothing.
    fn of(hits: &[TermHit], norm: &Normalized, text: &str) -> KindSet {
        KindSet(hits.iter().fold(0, |set, h| {
            if h.kind == Kind::Street && !capitalized_at(norm, text, h.start) { set } else { set | 1 << h.kind as u32 }
        }))
    }

    fn has(self, kind: Kind) -> bool {
        self.0 & 1 << kind as u32 != 0
    }

    /// Only context words matched (or nothing), which never make a finding on their own.
    fn only_pure_context(self) -> bool {
        const PURE: u32 = {
            let (mut set, mut k) = (0u32, 0);
            while k < Kind::PURE_CONTEXT.len() {
                set |= 1 << Kind::PURE_CONTEXT[k] as u32;
                k += 1;
            }
            set
        };
        self.0 & !PURE == 0
    }
}

// Every kind has a bit.
const _: () = assert!((Kind::WordName as u32) < 32);

/// Does the original text have a capital letter where normalized byte `at` comes from? Street hits start
/// at their word's start (compounds are extended to it), so this is the word's first letter.
fn capitalized_at(norm: &Normalized, text: &str, at: u32) -> bool {
    norm.map.get(at as usize).is_some_and(|&o| text[o as usize..].chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
thread_local! {
    /// Tests turn the fast path off to check that it never changes a report.
    static FULL_PATH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[inline(always)]
fn fast_path_allowed() -> bool {
    #[cfg(test)]
    return !FULL_PATH.get();
    #[cfg(not(test))]
    true
}

/// Could a cue or a code detector find something in a message whose term hits are all context words?
/// Without a person word, title, name or detail, what is left reads an `@` (emails), a capital letter with
/// a full stop (initials such as `A.`) or a number: a phone, ID number, birth date or postcode shape
/// ([`detect::may_find`]), an address, or a number with a room-ordinal or age shape
/// ([`cues::number_cues_possible`]). A time (`kl 14.30`, `14:30`), a week or a count is none of these, so
/// the many messages that only arrange shifts and meetings skip the word index, the cues and the detectors.
fn could_find_without_terms(
    text: &str,
    norm: &str,
    gates: &detect::Gates,
    address_shape: &mut impl FnMut() -> bool,
) -> bool {
    if gates.at
        || memchr::memchr_iter(b'.', text.as_bytes())
            .any(|i| text[..i].chars().next_back().is_some_and(char::is_uppercase))
    {
        return true;
    }
    // No street word here: that is no context word.
    gates.joined > 0 && (detect::may_find(text, gates, address_shape) || cues::number_cues_possible(norm))
}

/// Fills `char_start`/`char_end`: the findings are sorted by start, so the characters before each start
/// are counted on from the previous one, and the characters of its span from its start; no map, no sort.
fn fill_char_offsets(text: &str, findings: &mut [Finding]) {
    if text.is_ascii() {
        for f in findings.iter_mut() {
            (f.char_start, f.char_end) = (f.start, f.end);
        }
        return;
    }
    let b = text.as_bytes();
    let (mut pos, mut chars) = (0usize, 0usize);
    for f in findings.iter_mut() {
        if f.start < pos {
            // Not reached for sorted findings; counting again from the start keeps it right regardless.
            (pos, chars) = (0, 0);
        }
        chars += crate::swar::count_chars(&b[pos..f.start]);
        pos = f.start;
        f.char_start = chars;
        f.char_end = chars + crate::swar::count_chars(&b[f.start..f.end]);
    }
}

fn today_utc() -> (u16, u8, u8) {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a (year, month, day) date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (u16, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as u16, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linter_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Linter>();
        assert_traits::<LinterBuilder>();
    }

    proptest::proptest! {
        /// The veto keeps exactly the hits its definition keeps: case-sensitive hits, street words and
        /// function words always; others only when their language is kept (English always is) and no
        /// function word of another language sits at the same span, unless the term's language is the
        /// message's. Hits as the matcher leaves them: sorted by span, several at one span.
        #[test]
        fn veto_keeps_what_the_definition_keeps(
            raw in proptest::collection::vec((0u32..6, 1u32..3, 0usize..4, 0usize..4, proptest::bool::weighted(0.1)), 0..14),
            keep: [bool; 4],
            gate in proptest::option::of(0usize..4),
        ) {
            const KINDS: [Kind; 4] = [Kind::LangMarker, Kind::None, Kind::Street, Kind::LangMarker];
            let mut hits: Vec<TermHit> = raw.iter().enumerate().map(|(e, &(start, len, kind, lang, case_sensitive))| TermHit {
                entry: e as u32,
                start,
                end: start + len,
                kind: KINDS[kind],
                lang: Lang::ALL[lang],
                rule: crate::lexicon::EntryRule::Context,
                case_sensitive,
            }).collect();
            hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.entry));
            let gate = gate.map(|g| Lang::ALL[g]);
            let want: Vec<TermHit> = hits.iter().copied().filter(|h| {
                let foreign_marker = hits.iter().any(|o| {
                    (o.start, o.end) == (h.start, h.end) && o.kind == Kind::LangMarker && o.lang != h.lang
                });
                h.case_sensitive
                    || h.kind == Kind::Street
                    || h.kind == Kind::LangMarker
                    || ((h.lang == Lang::En || keep[h.lang.index()]) && (!foreign_marker || gate == Some(h.lang)))
            }).collect();
            veto_false_friends(&mut hits, gate, keep);
            proptest::prop_assert_eq!(hits, want);
        }
    }

    proptest::proptest! {
        /// The fast path (a pass with no findings, decided before the word index) gives the report the
        /// full path gives: messages made of numbers in every shape the cues and detectors read (rooms,
        /// ordinals, ages, times, dates, postcodes, phones, ID numbers, addresses), initials, emails and
        /// context words, in all four languages.
        #[test]
        fn fast_path_changes_no_report(parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 1..7)) {
            let linter = Linter::new();
            let text = parts.join(" ");
            let fast = linter.check(&text);
            FULL_PATH.set(true);
            let full = linter.check(&text);
            FULL_PATH.set(false);
            proptest::prop_assert_eq!(fast, full, "{:?}", text);
        }
    }

    /// Pieces of messages for [`fast_path_changes_no_report`]: number shapes, initials, emails and the
    /// context words (first person, generic, plural, language markers) that keep the fast path open.
    const FRAGMENTS: &[&str] = &[
        "kl 13.45",
        "kl 14:30",
        "13:00-15:30",
        "1:a",
        "7ern",
        "uke 37",
        "vecka 12",
        "12:an",
        "3'eren",
        "5an",
        "2ans",
        "4e",
        "87 år",
        "89-åringen",
        "aged 90",
        "19 yo",
        "2:a våningen",
        "3:e van",
        "rum 3 är bokat",
        "i 40 år",
        "80 år fyller",
        "A. B.",
        "M.K.",
        "Kl. 9",
        "D. 27. maj",
        "mail@x.se",
        "0150 Oslo",
        "114 18 Stockholm",
        "2100 København",
        "Storgatan 12",
        "14 Birch Way",
        "Kirkeveien 5B",
        "f. 1938",
        "født 3.4.38",
        "born 1931",
        "070-123 45 67",
        "+46 70 123 45 67",
        "28 45 71 63",
        "12 500 kr",
        "2024-03-15",
        "pass 7-15",
        "7 st",
        "12B",
        "3 a",
        "1.",
        "den 5.",
        "nr 12",
        "100%",
        "#12",
        "1234",
        "12345",
        "123456",
        "1234567",
        "12345678",
        "211111-1111",
        "x2",
        "2x",
        "Way",
        "Ave",
        "close 12",
        "vi",
        "jag",
        "alla",
        "de boende",
        "vi har",
        "min",
        "hälsningar från kvällen",
        "og",
        "and",
        "the",
        "med",
        "møte",
        "og så",
        "we all",
        "everyone",
        "alle sammen",
    ];

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_779), (2026, 11, 22));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
