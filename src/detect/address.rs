//! Street addresses and postcodes (identifiers.md §6).
//!
//! # Street addresses
//! * Nordic: a capitalized word ending in a street suffix, then a house
//!   number: `Storgatan 12`, `Storgatan 12B`, `Kirkeveien 5B`,
//!   `Vestergade 4, 2. tv`, `Nørrebrogade 12 st. th.`,
//!   `Østerbrogade 100, 3. mf.`, `Storgata 12B, H0102`,
//!   `Vikavegen 225-H0304`, `Mannerheimintie 12 A 5`, `Storgatan 12 lgh 1102`,
//!   and chat spellings without diacritics (`Ringvagen 3`). A prefix word
//!   right before the name (`Sankt`, `S:t`, `Gamle`, `Norra`, `Store`, ...)
//!   is included in the span; other preceding words are not.
//!   Suffixes — sv: -gatan -vägen -gränd -stigen -torget -backen -allén -plan
//!   -väg -gata; da: -gade -vej -vejen -allé -stræde -torv -plads -vænget; nb:
//!   -veien -vegen -vei -veg -gata -gaten -gate -bakken -lia -stien -gården
//!   -plass -plassen -torg; fi: -katu
//!   -tie -kuja -polku -bulevardi. The stem before the suffix must have at
//!   least two letters (three for suffixes that end common words and names:
//!   -alle(n), -vag, -grand, -gate, -lia, -tie); a short stop list removes
//!   care words and first names (`Vårdplan 2`, `Julia 85`, `Kalle 3`).
//! * Nordic names written as two words, `Karl Johans gate 22`,
//!   `Drottning Kristinas väg 5`, `Frederiksberg Allé 12`: a capitalized
//!   word followed by a separate suffix word, with a house number; a
//!   lower-case suffix word needs a genitive (`…s gate`) before it, so
//!   "Arlanda gate 12" is not an address.
//! * English: the number comes BEFORE the name: `14 Birch Lane`,
//!   `221B Baker Street`; suffixes Street, St, Road, Rd, Lane, Avenue, Ave,
//!   Court, Close, Drive, Way.
//!
//! Evidence: a name with a house number is [`Evidence::Context`] (the number
//! in the context of a street name makes it a concrete address).
//!
//! **A street name without a number** ("på Skovvej", "on Maple Street") is
//! also an address hint: it is reported as [`Kind::StreetAddress`] with
//! [`Evidence::Shape`], but ONLY when the single word carries a street suffix
//! and is capitalized (English: a capitalized word before Street, Road, Lane,
//! Avenue or Drive). Suffixes that also end ordinary words or names (-plan,
//! -lia, -gården, -tie) never give a name-only hint. Note that
//! [`super::find_all`] skips texts without digits or `@`, so name-only hints
//! come from it only in messages that have digits; call [`find`] directly for
//! every message to get them everywhere.
//!
//! # Postcodes
//! SE `NNN NN` (first digit 1-9) or `NNNNN`, DK/NO `NNNN`, FI `NNNNN`, with an
//! optional `SE-`/`DK-`/`NO-`/`FI-`/`AX-` prefix; reported ONLY when followed
//! by a capitalized town name (`114 18 Stockholm`, `0150 Oslo`) or preceded
//! directly (only spaces or a comma between) by a street address with a house
//! number (`Kirkeveien 5B, 0150`); that is stricter than "on the same line" so
//! that a later number on the line is not taken. The span covers the
//! postcode (with its prefix), not the town. Evidence is
//! [`Evidence::Context`].

use std::sync::LazyLock;

use regex::Regex;

use super::util::{
    KW_BUF, Kw, WordsBefore, digit_run_after, digit_run_before, keep_non_overlapping, keyword_before, lower_into,
    next_char, prev_char,
};
use super::{Candidate, DetectCtx, Evidence, Kind};

/// (suffix, minimum stem length, may give a name-only hint)
const SUFFIXES: &[(&str, usize, bool)] = &[
    ("bulevardi", 2, true),
    ("vaenget", 2, true),
    ("stræde", 2, true),
    ("straede", 2, true),
    ("vænget", 2, true),
    ("stigen", 2, true),
    ("torget", 2, true),
    ("backen", 2, true),
    ("bakken", 2, true),
    ("gården", 2, false),
    ("plassen", 2, true),
    ("vejen", 2, true),
    ("gatan", 2, true),
    ("vägen", 2, true),
    ("vagen", 2, true),
    ("gränd", 2, true),
    ("grand", 3, true),
    ("allén", 2, true),
    ("allen", 3, true),
    ("plads", 2, true),
    ("veien", 2, true),
    ("vegen", 2, true),
    ("gaten", 2, true),
    ("stien", 2, true),
    ("polku", 2, true),
    ("plass", 2, true),
    ("gata", 2, true),
    ("gade", 2, true),
    ("allé", 2, true),
    ("alle", 3, true),
    ("torv", 2, true),
    ("gate", 3, true),
    ("katu", 2, true),
    ("torg", 2, true),
    ("kuja", 2, true),
    ("plan", 2, false),
    ("väg", 2, true),
    ("vag", 3, true),
    ("vej", 2, true),
    ("vei", 2, true),
    ("veg", 2, true),
    ("lia", 3, false),
    ("tie", 3, false),
];

/// Words that end in a suffix but are not streets (care vocabulary, names). Sorted (bytewise), for binary
/// search.
const STOP_WORDS: &[&str] = &[
    "aktivitetsplan",
    "allen",
    "amalia",
    "amelia",
    "arbetsplan",
    "aurelia",
    "australia",
    "behandlingsplan",
    "bondegården",
    "camelia",
    "cecilia",
    "cornelia",
    "dahlia",
    "delia",
    "emilia",
    "familia",
    "flygplan",
    "genomforandeplan",
    "genomförandeplan",
    "halle",
    "handlingsplan",
    "italia",
    "julia",
    "kalle",
    "kamelia",
    "kirkegården",
    "kirsti",
    "kornelia",
    "kostplan",
    "kyrkogården",
    "läkemedelsplan",
    "magnolia",
    "mongolia",
    "måltidsplan",
    "natalia",
    "ofelia",
    "omvårdnadsplan",
    "ophelia",
    "otilia",
    "ottilia",
    "palle",
    "rehabiliteringsplan",
    "rehabplan",
    "rosalia",
    "schemaplan",
    "thalia",
    "trädgården",
    "träningsplan",
    "vardplan",
    "vårdplan",
    "walle",
    "åtgärdsplan",
];

/// Separate street words in two-word names ("Johans gate", "Frederiksberg Allé").
const SEPARATE_SUFFIXES: &[&str] = &[
    "väg",
    "vägen",
    "vag",
    "vagen",
    "gata",
    "gatan",
    "gate",
    "gaten",
    "vei",
    "veien",
    "veg",
    "vegen",
    "vej",
    "gade",
    "allé",
    "alle",
    "plads",
    "plass",
    "torv",
    "torg",
    "stræde",
    "gränd",
    "boulevard",
];

/// Capitalized function words that must not be taken as a street or town
/// name ("På Storgatan", "1938 Hon"). Sorted (bytewise), for binary search.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "after",
    "and",
    "april",
    "ar",
    "at",
    "august",
    "augusti",
    "before",
    "boende",
    "bor",
    "brukeren",
    "but",
    "ca",
    "de",
    "december",
    "dem",
    "den",
    "der",
    "desember",
    "det",
    "dkk",
    "du",
    "där",
    "efter",
    "etter",
    "eur",
    "euro",
    "februar",
    "februari",
    "february",
    "fra",
    "fredag",
    "friday",
    "från",
    "han",
    "hans",
    "he",
    "hei",
    "hej",
    "hen",
    "hendes",
    "hennar",
    "hennes",
    "her",
    "hon",
    "hons",
    "hos",
    "hun",
    "hän",
    "här",
    "i",
    "in",
    "it",
    "ja",
    "jag",
    "januar",
    "januari",
    "january",
    "jeg",
    "juli",
    "july",
    "june",
    "juni",
    "kello",
    "kiitos",
    "kl",
    "klockan",
    "kr",
    "kroner",
    "kronor",
    "lördag",
    "lørdag",
    "mai",
    "maj",
    "mandag",
    "march",
    "mars",
    "marts",
    "may",
    "men",
    "mg",
    "ml",
    "moi",
    "monday",
    "mot",
    "mvh",
    "my",
    "måndag",
    "noin",
    "nok",
    "november",
    "nu",
    "nå",
    "och",
    "october",
    "of",
    "og",
    "oktober",
    "om",
    "on",
    "onsdag",
    "our",
    "pasienten",
    "patienten",
    "på",
    "ring",
    "saturday",
    "sek",
    "sen",
    "september",
    "she",
    "so",
    "st",
    "sunday",
    "så",
    "söndag",
    "søndag",
    "tack",
    "tak",
    "takk",
    "that",
    "the",
    "they",
    "this",
    "thursday",
    "til",
    "till",
    "tirsdag",
    "tisdag",
    "to",
    "torsdag",
    "tuesday",
    "ved",
    "vi",
    "vid",
    "we",
    "wednesday",
    "år",
];

static CAP_WORD_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}\p{M}]*").expect("valid word regex"));

static ENGLISH_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<num>[0-9]{1,5}[A-Za-z]?)[ ]+(?P<name>(?:\p{Lu}\p{Ll}+[ ]+){1,3})(?:Street|St|Road|Rd|Lane|Avenue|Ave|Court|Close|Drive|Way)\b",
    )
    .expect("valid English address regex")
});

static ENGLISH_NAME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<w1>\p{Lu}\p{Ll}+)[ ]+(?:(?P<w2>\p{Lu}\p{Ll}+)[ ]+)?(?:Street|Road|Lane|Avenue|Drive)\b")
        .expect("valid English street-name regex")
});

static POSTCODE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:SE|DK|NO|FI|AX)-[ ]?)?(?:[1-9][0-9]{2}[ ][0-9]{2}|[0-9]{4,5})").expect("valid postcode regex")
});

fn is_function_word(w: &str) -> bool {
    // Lower-cased on the stack: a word too long for the buffer is no function word.
    let mut buf = [0u8; KW_BUF];
    lower_into(w, "", &mut buf).is_some_and(|l| FUNCTION_WORDS.binary_search(&l).is_ok())
}

/// The suffix entry a lower-cased word ends with (stem long enough).
fn street_suffix(lw: &str) -> Option<(usize, bool)> {
    // Most words end in a letter no street suffix ends in.
    if !lw.as_bytes().last().is_some_and(|b| SUFFIXES.iter().any(|(suf, ..)| suf.as_bytes().last() == Some(b))) {
        return None;
    }
    if STOP_WORDS.binary_search(&lw).is_ok() {
        return None;
    }
    SUFFIXES.iter().find_map(|&(suf, min_stem, hint)| {
        let stem = lw.strip_suffix(suf)?;
        (stem.chars().count() >= min_stem).then_some((suf.len(), hint))
    })
}

/// Parses ` 12`, ` 12B`, ` 8 B`, ` 12 A 5`, `-14`, Danish floor/side,
/// Norwegian bruksenhet and Swedish `lgh NNNN` after a street name ending at
/// `p`. Returns the end of the address.
fn house_number(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = p;
    if !matches!(b.get(q), Some(b' ')) {
        return None;
    }
    q += 1;
    let ns = q;
    while q < b.len() && b[q].is_ascii_digit() {
        q += 1;
    }
    if q == ns || q - ns > 4 {
        return None;
    }
    // A range "12-14".
    if b.get(q) == Some(&b'-') && b.get(q + 1).is_some_and(u8::is_ascii_digit) {
        let rs = q + 1;
        let mut r = rs;
        while r < b.len() && b[r].is_ascii_digit() {
            r += 1;
        }
        if r - rs <= 4 {
            q = r;
        }
    }
    let is_letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let word_char_at = |i: usize| next_char(text, i).is_some_and(char::is_alphanumeric);
    // Letter glued on ("12B") or spaced ("8 B"), then a Finnish flat number.
    if is_letter(q) && !word_char_at(q + 1) {
        q += 1;
    } else if b.get(q) == Some(&b' ')
        && b.get(q + 1).is_some_and(u8::is_ascii_uppercase)
        && !word_char_at(q + 2)
        && b.get(q + 2) != Some(&b'.')
    {
        q += 2;
        if b.get(q) == Some(&b' ') && b.get(q + 1).is_some_and(u8::is_ascii_digit) {
            let fs = q + 1;
            let mut f = fs;
            while f < b.len() && b[f].is_ascii_digit() {
                f += 1;
            }
            if f - fs <= 3 && !word_char_at(f) {
                q = f;
            }
        }
    }
    // Nothing glued after the number: "Storgatan 14.30" is a time.
    if word_char_at(q) || (digit_run_after(text, q) && !text[q..].starts_with(", ")) {
        return None;
    }
    if let Some(e) = danish_floor(text, q) {
        q = e;
    }
    if let Some(e) = bruksenhet(text, q) {
        q = e;
    }
    if let Some(e) = lgh(text, q) {
        q = e;
    }
    Some(q)
}

static FLOOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,[ ]*|[ ]+)(?:(?P<sk>st|kl)\.(?:[ ]*(?:th|tv|mf)\b\.?)?|[0-9]{1,2}\.[ ]*(?:(?:th|tv|mf)\b\.?|sal\b|[0-9]{1,3}\b))")
        .expect("valid floor regex")
});
static BRUKSENHET_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,[ ]*|[ ]*-[ ]*|[ ]+)[HULK][0-9]{4}\b").expect("valid bruksenhet regex"));
static LGH_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,?[ ]+(?:lgh|Lgh|LGH)\.?[ ]*[0-9]{4}\b").expect("valid lgh regex"));

fn danish_floor(text: &str, p: usize) -> Option<usize> {
    FLOOR_RE.find(&text[p..]).map(|m| p + m.end())
}

fn bruksenhet(text: &str, p: usize) -> Option<usize> {
    BRUKSENHET_RE.find(&text[p..]).map(|m| p + m.end())
}

fn lgh(text: &str, p: usize) -> Option<usize> {
    LGH_RE.find(&text[p..]).map(|m| p + m.end())
}

/// Finds street addresses and postcodes in `text` and appends them to `out`
/// (sorted by start, without overlaps among themselves).
pub fn find(text: &str, ctx: &DetectCtx, out: &mut Vec<Candidate>) {
    // Everything is worked out in `out` itself, after what it held: no list of its own (the linter's
    // buffer is reused from message to message, so an address allocates nothing).
    let base = out.len();
    find_nordic(text, out);
    find_english(text, out);
    // Full addresses before name-only hints, then earlier, then longer.
    out[base..].sort_unstable_by(|a, b| {
        (b.evidence == Evidence::Context)
            .cmp(&(a.evidence == Evidence::Context))
            .then(a.start.cmp(&b.start))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
    });
    keep_non_overlapping(out, base);
    let streets = out.len();
    find_postcodes(text, ctx, base, out);
    keep_non_overlapping(out, streets);
    out[base..].sort_by_key(|c| c.start);
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, kind: Kind, evidence: Evidence) {
    out.push(Candidate { start, end, kind, evidence });
}

/// Words that begin multi-word street names ("Sankt Eriksgatan",
/// "Gamle Kongevej", "Store Kongensgade", "S:t Eriksgatan").
const STREET_PREFIXES: &[&str] = &[
    "sankt",
    "gamla",
    "gamle",
    "nya",
    "nye",
    "ny",
    "norra",
    "södra",
    "östra",
    "västra",
    "nørre",
    "søndre",
    "østre",
    "vestre",
    "nordre",
    "store",
    "lille",
    "stora",
    "lilla",
    "nedre",
    "övre",
    "øvre",
    "kong",
    "kongens",
    "dronning",
    "drottning",
    "prins",
    "prinsesse",
    "lange",
    "långa",
];

/// Start of a street name, extended over a prefix word right before it (`prev`, the capitalized word
/// before the name).
fn with_street_prefix(text: &str, prev: Option<(usize, usize)>, s: usize) -> usize {
    if text[..s].ends_with("S:t ") {
        return s - 4;
    }
    if let Some((ps, pe)) = prev {
        let mut buf = [0u8; KW_BUF];
        if pe + 1 == s
            && text.as_bytes()[pe] == b' '
            && lower_into(&text[ps..pe], "", &mut buf).is_some_and(|l| STREET_PREFIXES.contains(&l))
        {
            return ps;
        }
    }
    s
}

fn find_nordic(text: &str, out: &mut Vec<Candidate>) {
    let words = CAP_WORD_RE
        .find_iter(text)
        .filter(|m| !prev_char(text, m.start()).is_some_and(char::is_alphanumeric))
        .map(|m| (m.start(), m.end()));
    // The capitalized word before the current one (a street prefix or the first half of a two-word name).
    let mut prev: Option<(usize, usize)> = None;
    for (s, e) in words {
        let before = prev.replace((s, e));
        let w = &text[s..e];
        let mut buf = [0u8; KW_BUF];
        let owned;
        let lw = match lower_into(w, "", &mut buf) {
            Some(l) => l,
            None => {
                owned = w.to_lowercase();
                owned.as_str()
            }
        };
        if let Some((_, hint)) = street_suffix(lw) {
            let s = with_street_prefix(text, before, s);
            match house_number(text, e) {
                Some(end) => push(out, s, end, Kind::StreetAddress, Evidence::Context),
                None if hint && !next_char(text, e).is_some_and(|c| c.is_alphanumeric() || c == '@') => {
                    push(out, s, e, Kind::StreetAddress, Evidence::Shape);
                }
                None => {}
            }
            continue;
        }
        // Two-word names: "Johans gate 22", "Frederiksberg Allé 12".
        if is_function_word(w) || w.chars().count() < 2 {
            continue;
        }
        let rest = &text[e..];
        let Some(after) = rest.strip_prefix(' ') else {
            continue;
        };
        let suf_len = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
        let suf = &after[..suf_len];
        let mut suf_buf = [0u8; KW_BUF];
        if !lower_into(suf, "", &mut suf_buf).is_some_and(|l| SEPARATE_SUFFIXES.contains(&l)) {
            continue;
        }
        let lower_suffix = suf.chars().next().is_some_and(char::is_lowercase);
        if lower_suffix && !lw.ends_with('s') {
            continue;
        }
        let name_end = e + 1 + suf_len;
        let Some(end) = house_number(text, name_end) else {
            continue;
        };
        // Include one more capitalized name word ("Karl Johans gate").
        let mut start = s;
        if let Some((ps, pe)) = before
            && pe + 1 == s
            && text.as_bytes()[pe] == b' '
            && !is_function_word(&text[ps..pe])
        {
            start = ps;
        }
        push(out, start, end, Kind::StreetAddress, Evidence::Context);
    }
}

/// The street words the English patterns end in. Both patterns need one as a whole, capitalized word,
/// so the (costly, Unicode-class) English regexes run only when one is there.
const ENGLISH_STREET_WORDS: [&str; 11] =
    ["Street", "St", "Road", "Rd", "Lane", "Avenue", "Ave", "Court", "Close", "Drive", "Way"];

/// The street words, searched together (aho-corasick's packed searcher: SIMD where the CPU has it).
/// Longer words first, so that `Street` is not read as `St` (leftmost-first).
static ENGLISH_STREET_SEARCHER: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    let mut words = ENGLISH_STREET_WORDS;
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(words)
        .build()
        .expect("eleven short literals build a packed searcher")
});

/// Is one of [`ENGLISH_STREET_WORDS`] in `text` as a whole word? The words are letters only, so a match
/// glued to a letter or digit before it cannot hide a whole-word match that overlaps it: that one would
/// start inside the same word.
pub(crate) fn has_english_street_word(text: &str) -> bool {
    let b = text.as_bytes();
    ENGLISH_STREET_SEARCHER.find_iter(b).any(|m| {
        !prev_char(text, m.start()).is_some_and(char::is_alphanumeric)
            && !next_char(text, m.end()).is_some_and(char::is_alphanumeric)
    })
}

fn find_english(text: &str, out: &mut Vec<Candidate>) {
    if !has_english_street_word(text) {
        return;
    }
    // Both patterns are read from their whole match (`find_iter` needs no capture slots, so nothing is
    // allocated): the house number starts the first, and the second is one or two words and the street
    // word, separated by spaces.
    for m in ENGLISH_RE.find_iter(text) {
        if prev_char(text, m.start()).is_some_and(char::is_alphanumeric) || digit_run_before(text, m.start()) {
            continue;
        }
        push(out, m.start(), m.end(), Kind::StreetAddress, Evidence::Context);
    }
    for m in ENGLISH_NAME_RE.find_iter(text) {
        if prev_char(text, m.start()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        let mut words = m.as_str().split(' ').filter(|w| !w.is_empty());
        let w1 = words.next().unwrap_or_default();
        let w2 = words.next().filter(|_| words.next().is_some());
        let start = match w2 {
            Some(w2) if is_function_word(w1) => {
                if is_function_word(w2) {
                    continue;
                }
                // `w2` is a subslice of the match: its offset in the text.
                m.start() + (w2.as_ptr() as usize - m.as_str().as_ptr() as usize)
            }
            Some(_) => m.start(),
            None if is_function_word(w1) => continue,
            None => m.start(),
        };
        push(out, start, m.end(), Kind::StreetAddress, Evidence::Shape);
    }
}

/// "f. 1938 Göteborg", "b. 1938 Leeds": a birth year, not a postcode.
fn after_birth_abbreviation(text: &str, s: usize) -> bool {
    WordsBefore::new(text, s)
        .next()
        .is_some_and(|(w, ws)| matches!(w, "f" | "F" | "b" | "s") && text[ws + w.len()..].starts_with('.'))
}

/// Postcodes, pushed to `out` after the streets in `out[base..]` (sorted by start, disjoint).
fn find_postcodes(text: &str, _ctx: &DetectCtx, base: usize, out: &mut Vec<Candidate>) {
    let streets_end = out.len();
    for m in POSTCODE_RE.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if prev_char(text, s).is_some_and(|c| c.is_alphanumeric() || matches!(c, '+' | '@' | '#'))
            || digit_run_before(text, s)
            || next_char(text, e).is_some_and(|c| c.is_alphanumeric())
            || digit_run_after(text, e)
        {
            continue;
        }
        if matches!(keyword_before(text, s, 2), Some((Kw::NonId | Kw::Born | Kw::Phone | Kw::Id(_), _)))
            || after_birth_abbreviation(text, s)
        {
            continue;
        }
        let town = text[e..]
            .strip_prefix(' ')
            .and_then(|t| CAP_WORD_RE.find(t).filter(|w| w.start() == 0))
            .map(|w| w.as_str())
            .is_some_and(|w| {
                w.chars().count() >= 2
                    && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                    && !is_function_word(w)
            });
        // Streets are sorted and disjoint: the nearest full address ending before `s`.
        let after_street = out[base..streets_end]
            .iter()
            .rev()
            .filter(|c| c.evidence == Evidence::Context)
            .find(|c| c.end <= s)
            .is_some_and(|c| text[c.end..s].trim_matches([' ', ',', '\u{a0}']).is_empty());
        if town || after_street {
            push(out, s, e, Kind::Postcode, Evidence::Context);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Kind, Evidence)> {
        let ctx = DetectCtx { today_year: 2026, today_month: 6, today_day: 15 };
        let mut out = Vec::new();
        find(text, &ctx, &mut out);
        out.sort_by_key(|c| c.start);
        out.iter().map(|c| (&text[c.start..c.end], c.kind, c.evidence)).collect()
    }

    fn street(text: &str, want: &str) {
        let got = found(text);
        assert!(got.contains(&(want, Kind::StreetAddress, Evidence::Context)), "{text:?}: {got:?}");
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.is_sorted() && FUNCTION_WORDS.is_sorted());
    }

    proptest::proptest! {
        /// Equals the definition: some street word starts at a capital that starts a word and is not
        /// followed by a letter or digit.
        #[test]
        fn english_street_word_equals_the_definition(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Street", "St", "Way", "Ave", "Avenue", "Streets", "nue", "Road", "Stor", "Wayé", "é", "Å", "ø", " ", ".", "-",
            "2", "a", "C", "W",
        ]), 0..10)) {
            let t: String = parts.concat();
            let want = t.char_indices().any(|(at, c)| {
                c.is_ascii_uppercase()
                    && !prev_char(&t, at).is_some_and(char::is_alphanumeric)
                    && ENGLISH_STREET_WORDS.iter().any(|w| {
                        t[at..].starts_with(w) && !next_char(&t, at + w.len()).is_some_and(char::is_alphanumeric)
                    })
            });
            proptest::prop_assert_eq!(has_english_street_word(&t), want, "{}", t);
        }
    }

    #[test]
    fn english_street_words_as_whole_words() {
        assert!(has_english_street_word("12 Maple Street"));
        assert!(has_english_street_word("Oak Rd, Leeds"));
        assert!(has_english_street_word("Way"));
        assert!(!has_english_street_word("Streetlight and Stone"));
        assert!(!has_english_street_word("CStreet or Roadside"));
        assert!(!has_english_street_word("på gatan"));
        assert!(has_english_street_word("Åsa St."), "after a non-ASCII word and a space");
        assert!(!has_english_street_word("ÅSt"), "glued to a non-ASCII letter");
        assert!(!has_english_street_word("Wayé and Roadé"), "followed by a non-ASCII letter");
        assert!(has_english_street_word("Stor Ave"), "a capital inside a word that is no street word");
        assert!(has_english_street_word("DriveWay. Ave"), "a longer word, then the street word");
    }

    #[test]
    fn nordic_streets() {
        street("Hon bor på Storgatan 12 sedan i våras", "Storgatan 12");
        street("Storgatan 12B.", "Storgatan 12B");
        street("Storgatan 8 B, uppgång 2", "Storgatan 8 B");
        street("Storgatan 12 lgh 1102", "Storgatan 12 lgh 1102");
        street("Ringvagen 3 (utan prickar)", "Ringvagen 3");
        street("Han bor Vestergade 4, 2. tv og", "Vestergade 4, 2. tv");
        street("Nørrebrogade 12 st. th. ", "Nørrebrogade 12 st. th.");
        street("Østerbrogade 100, 3. mf. i dag", "Østerbrogade 100, 3. mf.");
        street("Vesterbrogade 4A, 1. sal", "Vesterbrogade 4A, 1. sal");
        street("Kirkeveien 5B", "Kirkeveien 5B");
        street("Storgata 12B, H0102", "Storgata 12B, H0102");
        street("Vikavegen 225-H0304", "Vikavegen 225-H0304");
        street("Mannerheimintie 12 A 5", "Mannerheimintie 12 A 5");
        street("Hämeenkatu 3 B 24", "Hämeenkatu 3 B 24");
        street("Skovvej 7", "Skovvej 7");
        street("bor i Karl Johans gate 22", "Karl Johans gate 22");
        street("Frederiksberg Allé 12", "Frederiksberg Allé 12");
        street("Lillebakken 3", "Lillebakken 3");
        street("Hun bor i Strandvejen 100, 2900 Hellerup", "Strandvejen 100");
        street("Hon bor på Sankt Eriksgatan 12", "Sankt Eriksgatan 12");
        street("S:t Eriksgatan 12", "S:t Eriksgatan 12");
        street("Gamle Kongevej 3, st.", "Gamle Kongevej 3, st.");
    }

    #[test]
    fn english_streets() {
        street("lives at 14 Birch Lane, Leeds", "14 Birch Lane");
        street("221B Baker Street", "221B Baker Street");
        street("at 5 Main St.", "5 Main St");
    }

    #[test]
    fn name_only_hints() {
        assert_eq!(found("han bor på Skovvej"), [("Skovvej", Kind::StreetAddress, Evidence::Shape)]);
        assert_eq!(found("she lives on Maple Street"), [("Maple Street", Kind::StreetAddress, Evidence::Shape)]);
        // Lower case, no suffix, or suffix only: nothing.
        for t in ["på skovvej", "Vägen var hal", "Vårdplan uppdaterad", "Julia ringde", "The Street"] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn not_streets() {
        // A time after a street name is not a house number; the name alone
        // stays a name-only hint.
        assert_eq!(found("Storgatan 14.30"), [("Storgatan", Kind::StreetAddress, Evidence::Shape)]);
        for t in ["Vårdplan 2 är klar", "Julia 85 år", "Kalle 3", "Arlanda gate 12", "lokale 2.14", "Allén 3"] {
            assert!(!found(t).iter().any(|f| f.1 == Kind::StreetAddress), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn postcodes() {
        let got = found("Storgatan 12, 114 18 Stockholm");
        assert!(got.contains(&("114 18", Kind::Postcode, Evidence::Context)), "{got:?}");
        let got = found("2100 København Ø");
        assert_eq!(got, [("2100", Kind::Postcode, Evidence::Context)]);
        let got = found("adr: NO-0150 Oslo");
        assert_eq!(got, [("NO-0150", Kind::Postcode, Evidence::Context)]);
        let got = found("Kirkeveien 5B, 0150");
        assert!(got.contains(&("0150", Kind::Postcode, Evidence::Context)), "{got:?}");
        assert_eq!(found("00100 Helsinki")[0], ("00100", Kind::Postcode, Evidence::Context));
        for t in [
            "portkod 1924",
            "portkod 1924 Ring på",
            "1924",
            "sedan 2019 Hon har",
            "12 500 kr",
            "rum 1102",
            "f. 1938 Göteborg",
            "2024-03-15 Oslo",
        ] {
            assert!(!found(t).iter().any(|f| f.1 == Kind::Postcode), "{t}: {:?}", found(t));
        }
    }
}
