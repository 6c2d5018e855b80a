//! The term matcher: one Aho-Corasick automaton over every folded lexicon term (and its chat spellings),
//! searched with overlapping matches, then each candidate checked against its entry's anchors.
//!
//! The automaton is daachorse's double-array Aho-Corasick: measured on the generated benchmark corpus
//! with the ~9 000 embedded patterns, it finds the same matches as aho-corasick's DFA, searches about 2.5x
//! faster and builds about 3x faster (BENCHMARKS.md).
//!
//! Overlapping search matters: with leftmost matching, a term that fails its word-boundary check (`ont` in
//! `kontor`) could hide a valid match that overlaps it.

use std::collections::HashMap;

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder};

use crate::error::BuildError;
use crate::lang::Lang;
use crate::lexicon::{Entry, EntryRule, Kind, Left, Right};
use crate::normalize::{Normalized, char_at, char_before, fold_str, is_word_char};

/// A validated term match, in normalized-text byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermHit {
    pub entry: u32,
    pub start: u32,
    pub end: u32,
    /// Copied from the entry, so the steps after matching read them without touching the (large,
    /// scattered) entries; only a hit that becomes a finding reads its entry (for the weight).
    pub kind: Kind,
    pub lang: Lang,
    pub rule: EntryRule,
    pub case_sensitive: bool,
}

const _: () = assert!(std::mem::size_of::<TermHit>() == 16);

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("patterns", &self.patterns.len()).finish_non_exhaustive()
    }
}

/// Built once from the lexicon entries; immutable and shareable across threads.
#[derive(Clone)]
pub(crate) struct Matcher {
    /// `None` for an empty lexicon (daachorse needs at least one pattern). A pattern's value is
    /// [`pack`]ed: where its probes start and the anchors all of them share.
    ac: Option<DoubleArrayAhoCorasick<u32>>,
    /// The literal patterns, in automaton order (for baselines and diagnostics).
    patterns: Vec<String>,
    /// One probe per entry of each pattern, grouped by pattern in automaton order (a pattern's last probe
    /// is marked): what the match loop needs of an entry, packed next to the other entries of its pattern,
    /// so that a match never touches the (large, scattered) entries. The tables `build.rs` embeds are
    /// derived from it ([`Matcher::tables`]).
    probes: Vec<Probe>,
}

/// What the match loop reads of one entry of a pattern (12 bytes).
#[derive(Debug, Clone, Copy)]
struct Probe {
    entry: u32,
    /// [`anchor_flags`].
    anchors: u8,
    /// `NUM_BEFORE` ... `LAST` below.
    bits: u8,
    left: Left,
    right: Right,
    kind: Kind,
    lang: Lang,
    rule: EntryRule,
}

const _: () = assert!(std::mem::size_of::<Probe>() == 12);

const NUM_BEFORE: u8 = 1;
const NUM_AFTER: u8 = 2;
const CASE_SENSITIVE: u8 = 4;
const EXCEPTION: u8 = 8;
/// The folded literal ends in `e` (it takes the language's endings after `e` too).
const ENDS_E: u8 = 16;
/// The last probe of its pattern.
const LAST: u8 = 32;

/// The entry must start at a word start.
const WORD_START: u8 = 1;
/// The entry must continue a word (`+term`): a word character or a hyphen-joined word before it.
const IN_COMPOUND: u8 = 2;
/// The entry must end at a word end (and has no number after it).
const WORD_END: u8 = 4;

fn anchor_flags(e: &Entry) -> u8 {
    let left = match e.left {
        Left::Word => WORD_START,
        Left::Compound => IN_COMPOUND,
        Left::Any => 0,
    };
    let right = if e.right == Right::Word && !e.num_after { WORD_END } else { 0 };
    left | right
}

/// The probes of every group entry, in group order.
fn probes(entries: &[Entry], groups: &[(u32, u32)], group_entries: &[u32]) -> Vec<Probe> {
    let mut out: Vec<Probe> = group_entries
        .iter()
        .map(|&i| {
            let e = &entries[i as usize];
            let bit = |on: bool, b: u8| if on { b } else { 0 };
            Probe {
                entry: i,
                anchors: anchor_flags(e),
                bits: bit(e.num_before, NUM_BEFORE)
                    | bit(e.num_after, NUM_AFTER)
                    | bit(e.case_sensitive, CASE_SENSITIVE)
                    | bit(e.exception, EXCEPTION)
                    | bit(e.folded.ends_with('e'), ENDS_E),
                left: e.left,
                right: e.right,
                kind: e.kind,
                lang: e.lang,
                rule: e.rule,
            }
        })
        .collect();
    for &(_, b) in groups {
        out[b as usize - 1].bits |= LAST;
    }
    out
}

/// The automaton value of pattern `g`: the index of its first probe, and (low three bits) the anchor
/// flags all its entries share, so most matches (`ont` inside `kontor`) are rejected from the value
/// alone, before any table is read.
fn pack(groups: &[(u32, u32)], probes: &[Probe], g: usize) -> u32 {
    let (a, b) = groups[g];
    let shared = probes[a as usize..b as usize].iter().fold(u8::MAX, |acc, p| acc & p.anchors);
    a << 3 | u32::from(shared & 7)
}

/// Words after a number that make it a quantity, a time or a date rather than a room. Sorted, for binary search.
const UNITS: &[&str] = &[
    "aar",
    "am",
    "apr",
    "april",
    "ar",
    "aug",
    "august",
    "augusti",
    "cm",
    "dagar",
    "dage",
    "dager",
    "days",
    "dec",
    "december",
    "degrees",
    "desember",
    "dkk",
    "eur",
    "euro",
    "feb",
    "februar",
    "februari",
    "g",
    "gange",
    "ganger",
    "ggr",
    "grader",
    "h",
    "hours",
    "hrs",
    "jan",
    "januar",
    "januari",
    "jul",
    "juli",
    "jun",
    "juni",
    "kg",
    "kl",
    "kr",
    "kroner",
    "kronor",
    "l",
    "mai",
    "maj",
    "man",
    "manader",
    "maneder",
    "mar",
    "mars",
    "marts",
    "mg",
    "min",
    "mins",
    "minuter",
    "minutes",
    "minutter",
    "ml",
    "mm",
    "mmol",
    "months",
    "nok",
    "nov",
    "november",
    "oct",
    "okt",
    "oktober",
    "pcs",
    "pct",
    "percent",
    "pm",
    "procent",
    "sek",
    "sep",
    "sept",
    "september",
    "st",
    "stk",
    "stycken",
    "t",
    "tim",
    "time",
    "timer",
    "times",
    "timmar",
    "timme",
    "uge",
    "uger",
    "uke",
    "uker",
    "vecka",
    "veckor",
    "weeks",
    "years",
    "yrs",
];

impl Matcher {
    /// Builds the automaton, laid out for [`layout_sample`] (a build at run time, with extra lexicons,
    /// takes about 4 ms more for it; the embedded automaton is built so by `build.rs`).
    pub fn new(entries: &[Entry]) -> Result<Matcher, BuildError> {
        Matcher::build(entries, true)
    }

    fn build(entries: &[Entry], layout: bool) -> Result<Matcher, BuildError> {
        let (order, groups, group_entries) = tables(entries);
        let probes = probes(entries, &groups, &group_entries);
        let ac = if order.is_empty() {
            None
        } else {
            // Patterns are unique (grouped above): one value per pattern.
            let values = order.iter().enumerate().map(|(g, p)| (p.as_str(), pack(&groups, &probes, g)));
            let mut builder = DoubleArrayAhoCorasickBuilder::new();
            if layout {
                builder = builder.corpus(layout_sample());
            }
            let ac = builder.build_with_values(values).map_err(|e| BuildError::Matcher(e.to_string()))?;
            Some(ac)
        };
        Ok(Matcher { ac, patterns: order, probes })
    }

    /// The matcher for the embedded lexicons, from the automaton and tables `build.rs` made with this same
    /// code: a checked deserialization instead of a build (start-up time, BENCHMARKS.md).
    pub fn embedded(entries: &[Entry]) -> Result<Matcher, BuildError> {
        use crate::embedded::{AUTOMATON, ENTRY_COUNT, GROUP_ENTRIES, GROUPS, PATTERNS};
        if entries.len() != ENTRY_COUNT {
            return Matcher::new(entries);
        }
        let (ac, _) = DoubleArrayAhoCorasick::<u32>::deserialize(AUTOMATON)
            .map_err(|e| BuildError::Matcher(format!("embedded automaton: {e}")))?;
        Ok(Matcher {
            ac: Some(ac),
            patterns: PATTERNS.iter().map(|p| (*p).to_string()).collect(),
            probes: probes(entries, GROUPS, GROUP_ENTRIES),
        })
    }

    /// The automaton serialized, for `build.rs`.
    #[allow(dead_code)]
    pub fn serialize(&self) -> Vec<u8> {
        self.ac.as_ref().map_or_else(Vec::new, DoubleArrayAhoCorasick::serialize)
    }

    /// The pattern tables, for `build.rs`: the patterns, per pattern its range of entry indices, and the
    /// entry indices grouped by pattern (read back from the probes).
    #[allow(dead_code)]
    pub fn tables(&self) -> (&[String], Vec<(u32, u32)>, Vec<u32>) {
        let group_entries: Vec<u32> = self.probes.iter().map(|p| p.entry).collect();
        let mut groups = Vec::with_capacity(self.patterns.len());
        let mut start = 0u32;
        for (k, p) in self.probes.iter().enumerate() {
            if p.bits & LAST != 0 {
                groups.push((start, k as u32 + 1));
                start = k as u32 + 1;
            }
        }
        (&self.patterns, groups, group_entries)
    }
}

/// The lines of `lexicons/layout-sample.chat`: ordinary staff chat in the four languages.
fn layout_lines() -> impl Iterator<Item = &'static str> {
    include_str!("../lexicons/layout-sample.chat").lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// [`layout_lines`] folded as messages are: the automaton is built with them as daachorse's layout
/// corpus, which puts the states such text walks through next to each other, so a scan misses the cache
/// less (the walk's first-level misses 55 -> 40 a message, BENCHMARKS.md). It changes where states sit,
/// never what is matched.
fn layout_sample() -> impl Iterator<Item = String> {
    layout_lines().map(fold_str)
}

/// The unique folded patterns of all entries (with their spellings), and for each pattern the range of
/// entry indices it stands for.
fn tables(entries: &[Entry]) -> (Vec<String>, Vec<(u32, u32)>, Vec<u32>) {
    {
        let mut by_pattern: HashMap<String, Vec<u32>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for variant in spellings(&e.term, &e.folded) {
                let slot = by_pattern.entry(variant.clone()).or_insert_with(|| {
                    order.push(variant);
                    Vec::new()
                });
                if !slot.contains(&(i as u32)) {
                    slot.push(i as u32);
                }
            }
        }
        let mut groups = Vec::with_capacity(order.len());
        let mut group_entries = Vec::new();
        for p in &order {
            let ids = &by_pattern[p];
            groups.push((group_entries.len() as u32, (group_entries.len() + ids.len()) as u32));
            group_entries.extend_from_slice(ids);
        }
        (order, groups, group_entries)
    }
}

impl Matcher {
    /// Appends every validated hit in `norm` to `out` (sorted by start, longer first), after exceptions.
    pub fn find(&self, norm: &Normalized, original: &str, out: &mut Vec<TermHit>, exceptions: &mut Vec<(u32, u32)>) {
        let text = norm.text.as_str();
        let first = out.len();
        exceptions.clear();
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(text) {
            let value = m.value();
            // Most matches sit inside longer words (`ont` in `kontor`): decide those on the neighbouring
            // characters, for the whole pattern when all its entries agree, first on the character before
            // alone (a pattern whose entries all start a word). The anchors a match breaks are one bit set,
            // so the test is one branch, not one per anchor.
            let before = word_before(text, m.start());
            if before && value as u8 & WORD_START != 0 {
                continue;
            }
            let joined = before
                || (m.start() >= 2 && text.as_bytes()[m.start() - 1] == b'-' && word_before(text, m.start() - 1));
            let broken = if before { WORD_START } else { 0 }
                | if joined { 0 } else { IN_COMPOUND }
                | if word_at(text, m.end()) { WORD_END } else { 0 };
            if value as u8 & broken != 0 {
                continue;
            }
            for p in &self.probes[(value >> 3) as usize..] {
                if p.anchors & broken == 0
                    && let Some((s, end)) = validate(p, text, m.start(), m.end())
                    && (p.bits & CASE_SENSITIVE == 0 || starts_upper(original, norm.map[s] as usize))
                {
                    if p.bits & EXCEPTION != 0 {
                        exceptions.push((s as u32, end as u32));
                    } else {
                        out.push(TermHit {
                            entry: p.entry,
                            start: s as u32,
                            end: end as u32,
                            kind: p.kind,
                            lang: p.lang,
                            rule: p.rule,
                            case_sensitive: p.bits & CASE_SENSITIVE != 0,
                        });
                    }
                }
                if p.bits & LAST != 0 {
                    break;
                }
            }
        }
        out[first..].sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.entry));
        if !exceptions.is_empty() {
            // One sweep: a hit is dropped when an exception starting at or before it reaches past its end.
            // Among the exceptions that start at or before the hit, the one reaching furthest decides.
            exceptions.sort_unstable();
            let mut next = 0;
            let mut reach = 0u32;
            let mut kept = first;
            for i in first..out.len() {
                let h = out[i];
                while next < exceptions.len() && exceptions[next].0 <= h.start {
                    reach = reach.max(exceptions[next].1);
                    next += 1;
                }
                if next == 0 || reach < h.end {
                    out[kept] = h;
                    kept += 1;
                }
            }
            out.truncate(kept);
        }
    }

    /// The automaton's literal patterns (folded terms and their spellings).
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Heap bytes held by the automaton.
    pub fn memory_usage(&self) -> usize {
        self.ac.as_ref().map_or(0, DoubleArrayAhoCorasick::heap_bytes)
    }
}

/// The folded term plus the chat spellings of Nordic letters: `ø` also as `oe`, `å` also as `aa`
/// (every combination, for terms with up to three such letters).
fn spellings(term: &str, folded: &str) -> Vec<String> {
    let lower: Vec<char> = term.chars().flat_map(char::to_lowercase).collect();
    let specials = lower.iter().filter(|c| matches!(c, 'ø' | 'å')).count();
    let mut out = vec![folded.to_string()];
    if specials == 0 || specials > 3 {
        return out;
    }
    for mask in 1u32..(1 << specials) {
        let mut raw = String::with_capacity(term.len() + specials);
        let mut k = 0;
        for &c in &lower {
            if matches!(c, 'ø' | 'å') {
                let alt = mask & (1 << k) != 0;
                k += 1;
                raw.push_str(match (c, alt) {
                    ('ø', true) => "oe",
                    ('ø', false) => "o",
                    (_, true) => "aa",
                    (_, false) => "a",
                });
            } else {
                raw.push(c);
            }
        }
        let s = fold_str(&raw);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn starts_upper(original: &str, at: usize) -> bool {
    original.get(at..).and_then(|s| s.chars().next()).is_some_and(char::is_uppercase)
}

/// Per byte: 1 for an ASCII letter or digit, 0 for other ASCII, [`DECODE`] for a byte of a non-ASCII
/// character (decoded to decide). A table, so the common ASCII case has no branch on the byte.
const WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b >= 0x80 { DECODE } else { (b as u8).is_ascii_alphanumeric() as u8 };
        b += 1;
    }
    t
};
const DECODE: u8 = 2;

/// A word character ends right before byte `at` (ASCII without decoding).
#[inline(always)]
fn word_before(text: &str, at: usize) -> bool {
    let Some(&b) = at.checked_sub(1).and_then(|i| text.as_bytes().get(i)) else { return false };
    let class = WORD_BYTE[usize::from(b)];
    if class == DECODE { word_before_slow(text, at) } else { class != 0 }
}

#[cold]
fn word_before_slow(text: &str, at: usize) -> bool {
    char_before(text, at).is_some_and(is_word_char)
}

/// A word character starts at byte `at` (ASCII without decoding).
#[inline(always)]
fn word_at(text: &str, at: usize) -> bool {
    let Some(&b) = text.as_bytes().get(at) else { return false };
    let class = WORD_BYTE[usize::from(b)];
    if class == DECODE { word_at_slow(text, at) } else { class != 0 }
}

#[cold]
fn word_at_slow(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(is_word_char)
}

/// Start of the word (hyphen-joined compounds included) that contains byte `at`.
fn word_start(text: &str, mut at: usize) -> usize {
    loop {
        match char_before(text, at) {
            Some(c) if is_word_char(c) => at -= c.len_utf8(),
            Some('-') if at >= 2 && word_before(text, at - 1) => at -= 1,
            _ => return at,
        }
    }
}

fn word_end(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at).filter(|&c| is_word_char(c)) {
        at += c.len_utf8();
    }
    at
}

/// Checks an automaton match against the entry's anchors; returns the finding's span (extended to whole
/// words for `*`, `+` and `~`, and over the number for `<n>`), or `None`.
fn validate(e: &Probe, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut s = start;
    match e.left {
        Left::Word => {
            if word_before(text, start) {
                return None;
            }
        }
        Left::Any => s = word_start(text, start),
        Left::Compound => {
            let joined = word_before(text, start)
                || (char_before(text, start) == Some('-') && start >= 2 && word_before(text, start - 1));
            if !joined {
                return None;
            }
            s = word_start(text, start);
        }
    }
    if e.bits & NUM_BEFORE != 0 {
        s = number_before(text, s)?;
    }
    if e.bits & NUM_AFTER != 0 {
        let end = number_after(text, end)?;
        return Some((s, end));
    }
    let end = match e.right {
        Right::Word => {
            if word_at(text, end) {
                return None;
            }
            end
        }
        Right::Any => word_end(text, end),
        Right::Inflect => {
            if !word_at(text, end) {
                end
            } else {
                // The ending must be the rest of the word exactly (every ending is made of word characters).
                let tail_end = word_end(text, end);
                let tail = &text[end..tail_end];
                let after_e: &[&str] = if e.bits & ENDS_E != 0 { e.lang.endings_after_e() } else { &[] };
                if !e.lang.endings().contains(&tail) && !after_e.contains(&tail) {
                    return None;
                }
                tail_end
            }
        }
    };
    Some((s, end))
}

/// After a room noun: optional `.`, optional space, 1–4 digits, optional letter or `:e`. Returns the end
/// of the number, or `None` when no room number follows or it is a quantity, time or date.
pub(crate) fn number_after(text: &str, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = end;
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    if i == end && b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    number_at(text, i)
}

/// A room-like number starting exactly at `i`: 1–4 digits, an optional letter (`14b`) or ordinal (`3:e`),
/// not followed by more digits, a decimal/time/date separator with digits, or a unit word.
pub(crate) fn number_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let digits = b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let mut j = i + digits;
    // A separator followed by a digit: time (14.30, 14:30), decimal (2,1), date (14/3), range (3-4).
    if matches!(b.get(j), Some(b'.' | b':' | b',' | b'/' | b'-')) && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if b.get(j) == Some(&b':') && matches!(b.get(j + 1), Some(b'e' | b'a')) && !word_at(text, j + 2) {
        j += 2;
    } else if b.get(j).is_some_and(u8::is_ascii_lowercase) && !word_at(text, j + 1) {
        j += 1;
    } else if word_at(text, j) {
        return None;
    }
    // A unit word right after the number.
    let rest = text[j..].trim_start_matches([' ', '.']);
    let next_word = &rest[..rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())];
    if rest.starts_with('%') || (!next_word.is_empty() && UNITS.binary_search(&next_word).is_ok()) {
        return None;
    }
    Some(j)
}

/// Before a floor noun: `2. etg`, `2 etg`, `2.etg`. Returns the start of the number.
fn number_before(text: &str, s: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = s;
    if i > 0 && b[i - 1] == b' ' {
        i -= 1;
    }
    if i > 0 && b[i - 1] == b'.' {
        i -= 1;
    }
    let digits = b[..i].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 || i == s {
        return None;
    }
    let start = i - digits;
    if word_before(text, start) || (start > 0 && matches!(b[start - 1], b'.' | b':' | b',')) {
        return None;
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_sorted_for_binary_search() {
        assert!(UNITS.is_sorted());
    }
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    /// The normalized view of `text` and the hits `m` finds in it.
    fn find_in(m: &Matcher, text: &str) -> (Normalized, Vec<TermHit>) {
        let mut n = Normalized::default();
        n.fill(text);
        let mut out = Vec::new();
        m.find(&n, text, &mut out, &mut Vec::new());
        (n, out)
    }

    fn hits(lexicon: &str, text: &str) -> Vec<String> {
        let mut lex = Lexicon::default();
        lex.add_str("t.txt", &format!("#! rule: health-term\n#! weight: 0.5\n{lexicon}"), Some(Lang::Sv)).unwrap();
        let (n, out) = find_in(&Matcher::new(&lex.entries).unwrap(), text);
        out.iter()
            .map(|h| {
                let (s, e) = n.to_original(h.start as usize, h.end as usize, text);
                text[s..e].to_string()
            })
            .collect()
    }

    #[test]
    fn compound_head_with_inflection_but_not_inside_other_words() {
        assert_eq!(hits("*sår~\n", "trycksår såret liggsåren sårbar"), ["trycksår", "såret", "liggsåren"]);
    }

    #[test]
    fn prefix_catches_compounds_and_inflections() {
        assert_eq!(hits("demens*\n", "demenssjuk Demensen alzheimerdemens"), ["demenssjuk", "Demensen"]);
    }

    #[test]
    fn whole_word_does_not_fire_inside_words() {
        assert_eq!(hits("ont\n", "kontor monter ont"), ["ont"]);
    }

    #[test]
    fn exceptions_drop_what_they_cover() {
        assert_eq!(hits("demens*\n!demensboende*\n", "demensboendet har demens"), ["demens"]);
    }

    #[test]
    fn compound_only_needs_something_before() {
        assert_eq!(hits("+damen\n", "damen diabetesdamen KOL-damen"), ["diabetesdamen", "KOL-damen"]);
    }

    #[test]
    fn case_and_missing_diacritics() {
        assert_eq!(hits("sår~\n", "SÅR sar"), ["SÅR", "sar"]);
        assert_eq!(hits("bør\n", "boer bor"), ["boer", "bor"]);
        assert_eq!(hits("blod i urinen\n", "Blod  i\turinen"), ["Blod  i\turinen"]);
    }

    /// The automaton and tables build.rs made are what a build at run time makes, and find the same.
    #[test]
    fn embedded_tables_equal_a_fresh_build() {
        let lex = Lexicon::embedded().unwrap();
        let fresh = Matcher::new(&lex.entries).unwrap();
        let embedded = Matcher::embedded(&lex.entries).unwrap();
        assert_eq!(fresh.patterns, embedded.patterns);
        assert_eq!(fresh.tables(), embedded.tables());
        let (_, groups, group_entries) = fresh.tables();
        assert_eq!(
            (groups, group_entries),
            {
                let (_, g, e) = tables(&lex.entries);
                (g, e)
            },
            "tables read back from the probes"
        );
        for text in ["Brukaren på rum 5 har feber", "beboeren pa stue 14 har tryksår", "the lady in room 14 fell"] {
            let (a, b) = (find_in(&fresh, text).1, find_in(&embedded, text).1);
            assert!(!a.is_empty());
            assert_eq!(a, b, "{text}");
        }
    }

    /// The layout sample moves states, never matches: an automaton built without it finds the same hits in
    /// every line of the sample and in three care messages, and is laid out differently (the sample is in
    /// effect); the embedded automaton is byte for byte the one a build at run time makes.
    #[test]
    fn layout_sample_moves_states_not_matches() {
        let lex = Lexicon::embedded().unwrap();
        let laid_out = Matcher::new(&lex.entries).unwrap();
        let plain = Matcher::build(&lex.entries, false).unwrap();
        assert_ne!(laid_out.serialize(), plain.serialize());
        assert_eq!(laid_out.serialize(), Matcher::embedded(&lex.entries).unwrap().serialize());
        let mut texts: Vec<&str> = layout_lines().collect();
        assert!(texts.len() >= 150, "four languages of ordinary chat: {} lines", texts.len());
        texts.extend(["Brukaren på rum 5 har feber", "beboeren pa stue 14 har tryksår", "I dag: the lady fell"]);
        let mut found = 0;
        for text in texts {
            let (a, b) = (find_in(&laid_out, text).1, find_in(&plain, text).1);
            assert_eq!(a, b, "{text}");
            found += a.len();
        }
        assert!(found > 100, "the sample is care chat, with terms to find: {found}");
    }

    #[test]
    fn number_placeholder() {
        assert_eq!(hits("rum <n>\n", "rum 14, rum14, RUM 5b, lgh"), ["rum 14", "rum14", "RUM 5b"]);
        assert!(hits("rum <n>\n", "rum 14.30 rum 3 kr rum 12345 rummet").is_empty());
        assert_eq!(hits("<n> etg\n", "i 2. etg och 3 etg"), ["2. etg", "3 etg"]);
    }
}
