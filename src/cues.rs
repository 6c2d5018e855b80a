//! Code detectors that build on the term hits and the word index: names with titles and initials,
//! room ordinals (`12:an`, `7'eren`), rooms pointed at from a person (`hon på 22`), descriptions
//! (`damen som var lärare`), ages, and photos of people or posts on private social media.
//!
//! Everything here works in normalized-text offsets and pushes [`Cand`]idates; the scorer weighs them.

use std::sync::LazyLock;

use regex::{CaptureLocations, Regex};

use crate::config::DetectorWeights;
use crate::finding::Source;
use crate::lexicon::{Entry, EntryRule, Kind};
use crate::matcher::{TermHit, number_at};
use crate::normalize::Normalized;
use crate::rule::Rule;
use crate::tokens::{Break, Tokens};

/// A finding before weighing, in normalized-text offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cand {
    pub rule: Rule,
    pub start: u32,
    pub end: u32,
    pub weight: f32,
    pub source: Source,
    pub kind: Kind,
}

/// Word flags, one set per word of the message.
pub(crate) mod flag {
    /// Points at a third person: name, pronoun, care noun, person noun, title or initial.
    pub const PERSON: u16 = 1;
    /// Third-person pronoun.
    pub const PRONOUN: u16 = 1 << 1;
    /// The writer: jag, min, my.
    pub const FIRST: u16 = 1 << 2;
    /// Children as a photo object.
    pub const CHILDREN: u16 = 1 << 3;
    /// A definite person noun (damen, gubben, the lady).
    pub const PERSON_NOUN: u16 = 1 << 4;
    /// A description lead (som var, tidligere, retired).
    pub const LEAD: u16 = 1 << 5;
    /// A publishing verb (lägga upp, post).
    pub const POST: u16 = 1 << 6;
    /// A first name.
    pub const NAME: u16 = 1 << 7;
    /// A health, medication or social word.
    pub const DETAIL: u16 = 1 << 8;
    /// A relative.
    pub const RELATIVE: u16 = 1 << 9;
}

/// Everything the detectors read.
pub(crate) struct Input<'a> {
    pub original: &'a str,
    pub norm: &'a Normalized,
    pub tokens: &'a Tokens,
    pub entries: &'a [Entry],
    pub weights: &'a DetectorWeights,
    /// The message has an ASCII digit (rooms, ages and numbers need one).
    pub digits: bool,
}

impl Input<'_> {
    fn text(&self) -> &str {
        &self.norm.text
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.word(&self.norm.text, i)
    }

    /// Does word `i` start with a capital letter in the original text?
    fn capitalized(&self, i: usize) -> bool {
        let (s, _) = self.tokens.span(i);
        let at = self.norm.map[s] as usize;
        self.original[at..].chars().next().is_some_and(char::is_uppercase)
    }

    /// The normalized text between words `a` and `b` (`a < b`).
    fn gap(&self, a: usize, b: usize) -> &str {
        &self.text()[self.tokens.span(a).1..self.tokens.span(b).0]
    }
}

/// Sets word flags from the term hits and turns the hits of reportable entries into candidates.
pub(crate) fn from_hits(inp: &Input<'_>, hits: &[TermHit], flags: &mut Vec<u16>, out: &mut Vec<Cand>) {
    flags.clear();
    flags.resize(inp.tokens.len(), 0);
    for h in hits {
        if h.rule == EntryRule::Report(Rule::PersonName) && greets_or_signs(inp, h.start as usize) {
            continue;
        }
        if h.kind == Kind::WordName {
            // A name that is also a common word (sv Inga, da Hans) is a name only where a Nordic sentence
            // does not capitalize anyway: not at the start of a sentence.
            let i = inp.tokens.at_or_after(h.start as usize);
            if i == 0 || i >= inp.tokens.len() || inp.tokens.break_before(i) == Break::Sentence {
                continue;
            }
        }
        let f = match (h.rule, h.kind) {
            (_, Kind::FirstPerson) => flag::FIRST,
            (_, Kind::Pronoun) => flag::PERSON | flag::PRONOUN,
            (_, Kind::CareNoun) => flag::PERSON,
            (_, Kind::PersonNoun) => flag::PERSON | flag::PERSON_NOUN,
            (_, Kind::Children) => flag::CHILDREN,
            (_, Kind::Lead) => flag::LEAD,
            (_, Kind::Post) => flag::POST,
            (EntryRule::Report(Rule::PersonName), _) => flag::PERSON | flag::NAME,
            (EntryRule::Report(Rule::HealthTerm | Rule::Medication | Rule::SocialTerm), _) => flag::DETAIL,
            (EntryRule::Report(Rule::Relative), _) => flag::RELATIVE,
            _ => 0,
        };
        if f != 0 {
            let first = inp.tokens.at_or_after(h.start as usize);
            let last = inp.tokens.last_in(h.end as usize).unwrap_or(first);
            for i in first..=last.min(flags.len().saturating_sub(1)) {
                if i < flags.len() {
                    flags[i] |= f;
                }
            }
        }
        if h.kind == Kind::Street {
            street(inp, h, out);
            continue;
        }
        let EntryRule::Report(rule) = h.rule else {
            continue;
        };
        if h.kind.is_context() || matches!(h.kind, Kind::Post | Kind::Children | Kind::Occupation) {
            continue;
        }
        out.push(Cand {
            rule,
            start: h.start,
            end: h.end,
            weight: inp.entries[h.entry as usize].weight,
            source: Source::Lexicon(h.entry),
            kind: h.kind,
        });
    }
}

/// Greeting and sign-off words: a first name right after one is a colleague (`Hej Lisa,`, `mvh Anna`). Sorted, for binary search.
const GREETINGS: &[&str] = &[
    "bh",
    "cheers",
    "congrats",
    "dear",
    "god",
    "goddag",
    "godmorgen",
    "grattis",
    "gratulerer",
    "halla",
    "hallo",
    "halsning",
    "halsningar",
    "hei",
    "hej",
    "hejsan",
    "hello",
    "hey",
    "hi",
    "hilsen",
    "kaere",
    "kara",
    "kjaere",
    "klem",
    "kram",
    "love",
    "moin",
    "morn",
    "mvh",
    "regards",
    "tack",
    "tak",
    "takk",
    "thank",
    "thanks",
    "tillykke",
    "ty",
    "vh",
];

/// Is the name at `at` a signature (`/Lisa`, `// Lisa`) or the person greeted (`Hej Lisa`)?
fn greets_or_signs(inp: &Input<'_>, at: usize) -> bool {
    let before = inp.text()[..at].trim_end_matches(' ');
    if before.ends_with('/')
        || before.ends_with("//")
        || before.ends_with('-') && before.trim_end_matches('-').trim_end().is_empty()
    {
        return true;
    }
    let Some(k) = inp.tokens.before(at) else {
        return false;
    };
    let i = inp.tokens.at_or_after(at);
    GREETINGS.binary_search(&inp.word(k)).is_ok()
        && i < inp.tokens.len()
        && inp.tokens.break_before(i) <= Break::Clause
        && k + 1 == i
}

/// A street name: a capitalized compound ending in a street word (`Skovvej`, `Björkvägen`), or a
/// capitalized word before a capitalized street word (`Maple Street`, `Oak Court`). The structured address
/// detector adds the house number when there is one.
fn street(inp: &Input<'_>, h: &TermHit, out: &mut Vec<Cand>) {
    let e = &inp.entries[h.entry as usize];
    let first = inp.tokens.at_or_after(h.start as usize);
    if first >= inp.tokens.len() || !inp.capitalized(first) {
        return;
    }
    let start = if e.left == crate::lexicon::Left::Compound {
        h.start as usize
    } else {
        // `Street` alone is not a street name: the word before must be a capitalized name.
        match first.checked_sub(1) {
            Some(p) if inp.capitalized(p) && inp.tokens.break_before(first) == Break::None => inp.tokens.span(p).0,
            _ => return,
        }
    };
    push(out, Rule::StreetAddress, start, h.end as usize, inp.weights.street_name, "street-name");
}

/// Runs the detectors that need the flags; pushes their candidates.
pub(crate) fn derive(
    inp: &Input<'_>,
    hits: &[TermHit],
    flags: &mut [u16],
    ages_locs: &mut Option<AgeLocations>,
    out: &mut Vec<Cand>,
) {
    titles(inp, hits, flags, out);
    initials(inp, flags, out);
    room_ordinals(inp, out);
    pointed_rooms(inp, flags, out);
    descriptions(inp, hits, flags, out);
    ages(inp, flags, ages_locs, out);
    media(inp, hits, flags, out);
}

fn push(out: &mut Vec<Cand>, rule: Rule, start: usize, end: usize, weight: f32, detector: &'static str) {
    out.push(Cand {
        rule,
        start: start as u32,
        end: end as u32,
        weight,
        source: Source::Detector(detector),
        kind: Kind::None,
    });
}

/// `fru J`, `hr. B`, `Mrs T` (initial-ref) and `Fru Svensson`, `Mr Olsen`, `tant Ella` (titled-name).
fn titles(inp: &Input<'_>, hits: &[TermHit], flags: &mut [u16], out: &mut Vec<Cand>) {
    for h in hits {
        if h.kind != Kind::Title {
            continue;
        }
        let j = inp.tokens.at_or_after(h.end as usize);
        if j >= inp.tokens.len() || inp.tokens.span(j).0 > h.end as usize + 2 {
            continue;
        }
        let between = &inp.text()[h.end as usize..inp.tokens.span(j).0];
        if !between.chars().all(|c| c == ' ' || c == '.') || !inp.capitalized(j) {
            continue;
        }
        let (_, mut end) = inp.tokens.span(j);
        let single = inp.word(j).chars().count() == 1;
        if single && inp.text()[end..].starts_with('.') {
            end += 1;
        }
        let (rule, w, det) = if single {
            (Rule::InitialRef, inp.weights.initial_ref, "title-initial")
        } else {
            (Rule::TitledName, inp.weights.titled_name, "title-name")
        };
        push(out, rule, h.start as usize, end, w, det);
        flags[j] |= flag::PERSON;
        if let Some(t) = inp.tokens.before(h.end as usize) {
            flags[t] |= flag::PERSON;
        }
    }
}

/// Words that may stand right before a lone initial (`lille K.`, `till M.K.`). Sorted, for binary search.
const BEFORE_INITIAL: &[&str] = &[
    "about", "af", "and", "at", "av", "for", "fra", "fran", "from", "gamla", "gamle", "han", "hon", "hos", "hun",
    "lilla", "lille", "little", "med", "och", "og", "old", "om", "pa", "til", "till", "to", "unga", "unge", "ved",
    "vid", "with",
];

/// Letter groups that are abbreviations, not initials.
const NOT_INITIALS: &[&str] = &[
    "us", "uk", "eu", "am", "pm", "dc", "la", "ny", "tv", "ok", "ie", "eg", "nb", "ps", "bc", "ad", "vs", "fm", "cv",
    "pc", "id", "jr", "sr", "st", "mr",
];

/// Lone initials: `A.`, `M.K.`, `K.B.`; and a first name with an initial: `Ingrid K`, `Kim P.`.
fn initials(inp: &Input<'_>, flags: &mut [u16], out: &mut Vec<Cand>) {
    // Initials need a full stop, or a first name before a lone capital.
    if !inp.original.contains('.') && !flags.iter().any(|f| f & flag::NAME != 0) {
        return;
    }
    let n = inp.tokens.len();
    let text = inp.text();
    let mut i = 0;
    while i < n {
        let is_letter = |k: usize| {
            let w = inp.word(k);
            if w.len() > 4 {
                return false;
            }
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none() && inp.capitalized(k)
        };
        let dot_after = |k: usize| text[inp.tokens.span(k).1..].starts_with('.');
        // Initials followed by a capitalized surname are a full name written formally (`H. C. Andersen`,
        // `Frank B. Madsen`), not an anonymizing abbreviation: they weigh like a first name.
        let surname_after = |k: usize| {
            k + 1 < n
                && inp.capitalized(k + 1)
                && matches!(inp.gap(k, k + 1), " " | ". ")
                && inp.word(k + 1).chars().count() > 1
        };
        // A first name followed by a single capital letter.
        if flags[i] & flag::NAME != 0 && i + 1 < n && is_letter(i + 1) && inp.gap(i, i + 1) == " " {
            let end = inp.tokens.span(i + 1).1 + usize::from(dot_after(i + 1));
            let after_ok = !text[inp.tokens.span(i + 1).1..].starts_with(|c: char| c.is_alphanumeric() || c == '\'');
            if after_ok {
                let w = if surname_after(i + 1) { inp.weights.full_name_initial } else { inp.weights.initial_ref };
                push(out, Rule::InitialRef, inp.tokens.span(i).0, end, w, "name-initial");
                flags[i + 1] |= flag::PERSON;
                i += 2;
                continue;
            }
        }
        if !(dot_after(i) && is_letter(i)) {
            i += 1;
            continue;
        }
        // A group of letter-dot pairs: M.K. or M. K.
        let mut j = i;
        while j + 1 < n && is_letter(j + 1) && dot_after(j + 1) && matches!(inp.gap(j, j + 1), "." | ". ") {
            j += 1;
        }
        // The letters of the group, for the abbreviation check (only two-letter groups can be one).
        let abbreviation = j == i + 1 && {
            let pair = [inp.word(i).as_bytes()[0], inp.word(j).as_bytes()[0]];
            NOT_INITIALS.iter().any(|a| a.as_bytes() == pair)
        };
        let start = inp.tokens.span(i).0;
        let end = inp.tokens.span(j).1 + 1;
        let prev_ok = i == 0 || inp.tokens.break_before(i) >= Break::Clause || {
            let p = inp.word(i - 1);
            BEFORE_INITIAL.binary_search(&p).is_ok()
                || flags[i - 1] & flag::NAME != 0
                || p.bytes().all(|b| b.is_ascii_digit())
        };
        if j > i && !abbreviation && (i == 0 || !inp.gap(i - 1, i).ends_with('.')) {
            let w = if surname_after(j) { inp.weights.full_name_initial } else { inp.weights.initial_ref };
            push(out, Rule::InitialRef, start, end, w, "initials");
            flags[i..=j].iter_mut().for_each(|f| *f |= flag::PERSON);
        } else if j == i && prev_ok {
            // A lone letter with a full stop must be followed by a word (not `… plan B.` at the end).
            let followed = i + 1 < n;
            if followed {
                let w = if surname_after(i) { inp.weights.full_name_initial } else { inp.weights.bare_initial };
                push(out, Rule::InitialRef, start, end, w, "initial");
                flags[i] |= flag::PERSON;
            }
        }
        i = j + 1;
    }
}

/// Words before a number that make it a time, a line or a week rather than a room. Sorted, for binary search.
const NOT_ROOM_BEFORE: &[&str] = &[
    "bus", "buss", "bussen", "chapter", "den", "gate", "kapitel", "kl", "klockan", "klokka", "klokken", "line",
    "linje", "linjen", "page", "sida", "side", "spor", "tag", "taget", "the", "tog", "toget", "train", "uge", "uke",
    "v", "vecka", "ver", "version", "week",
];

/// `12:an`, `5an`, `7'eren`, `3:e van`.
fn room_ordinals(inp: &Input<'_>, out: &mut Vec<Cand>) {
    if !inp.digits {
        return;
    }
    let n = inp.tokens.len();
    for i in digit_words(inp.text(), inp.tokens) {
        let w = inp.word(i);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            continue;
        }
        let (start, _) = inp.tokens.span(i);
        let suffix = &w[digits..];
        let end = if matches!(suffix, "an" | "ans" | "eren" | "ern" | "erens") {
            Some(inp.tokens.span(i).1)
        } else if suffix.is_empty() && i + 1 < n && matches!(inp.gap(i, i + 1), ":" | "'" | "") {
            match inp.word(i + 1) {
                "an" | "ans" | "eren" | "ern" | "erens" => Some(inp.tokens.span(i + 1).1),
                "e" | "a"
                    if i + 2 < n && matches!(inp.word(i + 2), "van" | "vaningen" | "huset" | "plan" | "vaning") =>
                {
                    Some(inp.tokens.span(i + 2).1)
                }
                _ => None,
            }
        } else {
            None
        };
        // The word before is looked up only for an ordinal shape (most numbers are none).
        let time_or_line = |i: usize| {
            i > 0
                && inp.tokens.break_before(i) == Break::None
                && NOT_ROOM_BEFORE.binary_search(&inp.word(i - 1)).is_ok()
        };
        if let Some(end) = end
            && !time_or_line(i)
        {
            push(out, Rule::RoomNumber, start, end, inp.weights.room_ordinal, "room-ordinal");
        }
    }
}

/// The words that start with an ASCII digit, in order: found by jumping from digit to digit in the text
/// (a digit is always inside a word), not by looking at every word.
fn digit_words<'a>(text: &'a str, tokens: &'a Tokens) -> impl Iterator<Item = usize> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(d) = crate::detect::next_digit(text.as_bytes(), at) {
            at = d + 1;
            let Some(i) = tokens.last_in(d + 1) else { continue };
            let (start, end) = tokens.span(i);
            at = at.max(end);
            if start == d {
                return Some(i);
            }
        }
        None
    })
}

/// Prepositions between a person and a room number: `hon på 22`, `Mr B in 7`, `Arne i 24`.
const ROOM_PREPS: &[&str] = &["pa", "paa", "i", "in", "on", "at", "fra", "fran", "from", "nr", "no", "ifra"];

/// A person word followed by a preposition and a bare number (`beboeren på 17`), or a first name directly
/// followed by one (`Rolf 4b`).
#[allow(clippy::needless_range_loop)] // the loops read neighbouring words too
fn pointed_rooms(inp: &Input<'_>, flags: &mut [u16], out: &mut Vec<Cand>) {
    let n = inp.tokens.len();
    let text = inp.text();
    for i in 0..n {
        if flags[i] & flag::PERSON == 0 || i + 1 >= n || inp.tokens.break_before(i + 1) >= Break::Clause {
            continue;
        }
        let mut j = i + 1;
        let w = inp.word(j);
        if ROOM_PREPS.contains(&w) {
            if j + 1 < n && inp.word(j + 1) == "nr" {
                j += 1;
            }
            if j + 1 >= n || inp.tokens.break_before(j + 1) >= Break::Clause {
                continue;
            }
            if let Some(end) = number_at(text, inp.tokens.span(j + 1).0) {
                push(out, Rule::RoomNumber, inp.tokens.span(i + 1).0, end, inp.weights.pointed_room, "pointed-room");
            }
        } else if flags[i] & flag::NAME != 0
            && w.as_bytes()[0].is_ascii_digit()
            && inp.gap(i, j) == " "
            && let Some(end) = number_at(text, inp.tokens.span(j).0)
        {
            push(out, Rule::RoomNumber, inp.tokens.span(i).0, end, inp.weights.pointed_room, "name-room");
        }
    }
}

/// Words after a person noun that start a description (`damen som…`, `manden med…`, `the man with…`).
const NOUN_DESCRIBERS: &[&str] = &[
    "som", "med", "der", "vid", "ved", "who", "with", "that", "whose", "utan", "uden", "uten", "without", "fra",
    "fran", "from",
];
/// Words after a pronoun that start a description (`han som…`, `hun med…`, `ham der…`).
const PRONOUN_DESCRIBERS: &[&str] = &["som", "med", "der", "vid", "ved", "who", "with"];
/// Words after an occupation that put it in the past (`lärare förr`).
const LEAD_AFTER: &[&str] = &["forr", "for", "forut", "tidigare", "tidligere", "before"];

/// Descriptions that point at one person.
#[allow(clippy::needless_range_loop)] // the loops read neighbouring words too
fn descriptions(inp: &Input<'_>, hits: &[TermHit], flags: &mut [u16], out: &mut Vec<Cand>) {
    let n = inp.tokens.len();
    for i in 0..n.saturating_sub(1) {
        let f = flags[i];
        if f & (flag::PERSON_NOUN | flag::PRONOUN) == 0 || inp.tokens.break_before(i + 1) >= Break::Clause {
            continue;
        }
        let next = inp.word(i + 1);
        let (ok, w, det) = if f & flag::PERSON_NOUN != 0 {
            (NOUN_DESCRIBERS.contains(&next), inp.weights.description, "description")
        } else {
            (PRONOUN_DESCRIBERS.contains(&next), inp.weights.pronoun_description, "pronoun-description")
        };
        if !ok {
            continue;
        }
        // The description runs to the end of the clause, at most five words after the describer.
        let mut last = i + 1;
        while last + 1 < n && last < i + 6 && inp.tokens.break_before(last + 1) < Break::Clause {
            last += 1;
        }
        push(out, Rule::PersonDescription, inp.tokens.span(i).0, inp.tokens.span(last).1, w, det);
    }
    // Former occupations: an occupation with a lead within three words before it or a past marker after it.
    for h in hits {
        if h.kind != Kind::Occupation {
            continue;
        }
        let first = inp.tokens.at_or_after(h.start as usize);
        let last = inp.tokens.last_in(h.end as usize).unwrap_or(first);
        let lead_before = (first.saturating_sub(3)..first)
            .rev()
            .find(|&k| flags[k] & flag::LEAD != 0 && !inp.tokens.broken(k, first, Break::Clause));
        let lead_after = (last + 1..(last + 4).min(n))
            .find(|&k| LEAD_AFTER.contains(&inp.word(k)) && !inp.tokens.broken(last, k, Break::Clause));
        let start = match (lead_before, lead_after) {
            (Some(k), _) => inp.tokens.span(k).0,
            (None, Some(_)) => h.start as usize,
            (None, None) => continue,
        };
        let end = lead_after.map_or(h.end as usize, |k| inp.tokens.span(k).1);
        push(out, Rule::PersonDescription, start, end, inp.weights.occupation, "occupation");
        flags[first] |= flag::PERSON;
    }
}

static AGE_NORDIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,3}) ?-? ?(aringen|aringar|aringer|aringe|aring|ariga|arige|arig|aaringen|aarige|aaring)(?-u:\b)")
        .expect("valid regex")
});
static AGE_YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{1,3}) (ar|aar)(?-u:\b)").expect("valid regex"));
static AGE_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,3}) ?(-year-old|-yr-old|-years-old|year old|years old|yr old|yrs old|yo|y/o|y\.o\.)([^0-9A-Za-z_]|$)|(?-u:\b)aged ([0-9]{1,3})(?-u:\b)").expect("valid regex")
});
/// Words after `N år` that make it a duration (`3 år sedan`, `2 år till`).
const DURATION_AFTER: &[&str] = &[
    "sedan",
    "siden",
    "senere",
    "senare",
    "till",
    "til",
    "tidligere",
    "tidigare",
    "framover",
    "fremover",
    "fram",
    "frem",
];

/// Capture slots for the age regexes, kept in the caller's scratch so a search allocates nothing
/// (`captures_iter` allocates a `Captures` per match).
#[derive(Debug, Clone)]
pub(crate) struct AgeLocations {
    nordic: CaptureLocations,
    years: CaptureLocations,
    english: CaptureLocations,
}

impl AgeLocations {
    fn new() -> AgeLocations {
        AgeLocations {
            nordic: AGE_NORDIC.capture_locations(),
            years: AGE_YEARS.capture_locations(),
            english: AGE_EN.capture_locations(),
        }
    }
}

/// Calls `f` with the capture slots of every successive match of `re` in `text` (what `captures_iter`
/// yields; these regexes never match empty).
fn for_each_capture(
    re: &Regex,
    locs: &mut CaptureLocations,
    text: &str,
    mut f: impl FnMut(&CaptureLocations) -> Option<()>,
) {
    let mut at = 0;
    while at <= text.len() {
        let Some(m) = re.captures_read_at(locs, text, at) else {
            break;
        };
        f(locs);
        at = if m.end() > m.start() { m.end() } else { m.end() + 1 };
    }
}

/// Could the cues that read a number on their own, room ordinals ([`room_ordinals`]: `12:an`, `3'eren`,
/// `5an`) and ages ([`ages`]: `87 år`, `89-åringen`, `aged 90`), find anything in the normalized text?
/// Both need a group of at most three digits with a letter, `:` or `'` right after it, or an age unit
/// within a space and a hyphen: a time, a week number or a count has none.
pub(crate) fn number_cues_possible(text: &str) -> bool {
    number_shapes(text.as_bytes()) != NumberShapes::default()
}

/// What the number cues need around a number, found in one pass.
#[derive(Debug, Default, PartialEq, Eq)]
struct NumberShapes {
    /// [`AGE_NORDIC`] can match.
    nordic: bool,
    /// [`AGE_YEARS`] can match.
    years: bool,
    /// [`AGE_EN`] can match.
    english: bool,
    /// An `a` or `e` right after the number, or after a `:` or `'` right after it: [`room_ordinals`] can
    /// match (its endings `an`, `ans`, `eren`, `ern`, `erens`, `e`, `a` all start so).
    ordinal: bool,
}

/// One pass over the digit runs of the normalized text for what the number cues need around their number:
/// at most three digits, then (after an optional space and hyphen) `ar…`/`aar…` ([`AGE_NORDIC`]), a space
/// and `ar`/`aar` ([`AGE_YEARS`]), or `y…`/`-y…` or `aged ` before it ([`AGE_EN`]), or an ordinal ending
/// or `:`/`'` right after it ([`room_ordinals`]). A necessary condition for each, so a capture search runs
/// only where it can find something.
fn number_shapes(b: &[u8]) -> NumberShapes {
    let mut shapes = NumberShapes::default();
    let mut i = 0;
    while let Some(start) = crate::detect::next_digit(b, i) {
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start > 3 {
            continue;
        }
        shapes.english |= b[..start].ends_with(b"aged ");
        let rest = &b[i..];
        // Every ordinal ending starts with `a` or `e` (`5an`, `3'eren`, `3:e`); a time (`14:30`) has none.
        let ending = |r: &[u8]| matches!(r, [b'a' | b'e', ..]);
        shapes.ordinal |= ending(rest) || matches!(rest, [b':' | b'\'', r @ ..] if ending(r));
        shapes.years |= rest.starts_with(b" ar") || rest.starts_with(b" aar");
        let mut r = rest.strip_prefix(b" ").unwrap_or(rest);
        shapes.english |= r.starts_with(b"y") || r.starts_with(b"-y");
        r = r.strip_prefix(b"-").unwrap_or(r);
        r = r.strip_prefix(b" ").unwrap_or(r);
        shapes.nordic |= r.starts_with(b"ar") || r.starts_with(b"aar");
    }
    shapes
}

/// Words before `N år` that make it a duration (`i 40 år`, `for 3 år siden`). Sorted, for binary search.
const DURATION_BEFORE: &[&str] = &[
    "after", "alla", "alle", "an", "ca", "cirka", "de", "dom", "dryga", "drygt", "efter", "end", "enn", "etter", "fem",
    "fler", "flere", "for", "forsta", "forste", "godt", "hela", "hele", "hvert", "i", "in", "knap", "knapt", "manga",
    "mange", "mer", "mere", "mindst", "minst", "naesten", "nastan", "nesten", "nogle", "om", "omkring", "over", "pa",
    "rundt", "sedan", "siden", "sidste", "sina", "sine", "sista", "siste", "sit", "sitt", "snart", "ti", "tio", "tre",
    "under", "var", "varje", "vart",
];

#[allow(clippy::needless_range_loop)] // the loops read neighbouring words too
fn ages(inp: &Input<'_>, flags: &[u16], locs: &mut Option<AgeLocations>, out: &mut Vec<Cand>) {
    let text = inp.text();
    if !inp.digits {
        return; // every age has a number
    }
    let NumberShapes { nordic, years, english, .. } = number_shapes(text.as_bytes());
    let plausible = |s: &str| s.parse::<u32>().is_ok_and(|v| (1..=115).contains(&v));
    let group = |l: &CaptureLocations, i: usize| l.get(i).map(|(s, e)| (s, e, &text[s..e]));
    let locs = locs.get_or_insert_with(AgeLocations::new);
    if nordic {
        for_each_capture(&AGE_NORDIC, &mut locs.nordic, text, |c| {
            let ((s, e, _), (_, _, num)) = (group(c, 0)?, group(c, 1)?);
            plausible(num).then(|| push(out, Rule::Age, s, e, inp.weights.age, "age"))
        });
    }
    if years {
        for_each_capture(&AGE_YEARS, &mut locs.years, text, |c| {
            let ((s, e, _), (_, _, num), (unit, _, _)) = (group(c, 0)?, group(c, 1)?, group(c, 2)?);
            // Swedish "är" (is) folds to "ar" like "år" (year): "rum 3 är bokat" is no age.
            if inp.original[inp.norm.map[unit] as usize..].starts_with(['ä', 'Ä']) {
                return None;
            }
            let before = inp.tokens.before(s).map(|k| inp.word(k));
            let after = text[e..].trim_start();
            let duration = before.is_some_and(|w| DURATION_BEFORE.binary_search(&w).is_ok())
                || after.starts_with(|c: char| c.is_ascii_digit())
                || DURATION_AFTER.iter().any(|w| after.starts_with(w));
            (plausible(num) && !duration).then(|| push(out, Rule::Age, s, e, inp.weights.age, "age"))
        });
    }
    if english {
        for_each_capture(&AGE_EN, &mut locs.english, text, |c| {
            let (s, e, _) = group(c, 0)?;
            let (_, _, num) = group(c, 1).or_else(|| group(c, 4))?;
            let end = group(c, 3).map_or(e, |(g, _, _)| g);
            plausible(num).then(|| push(out, Rule::Age, s, end, inp.weights.age, "age"))
        });
    }
    // `Agnes, 87`: a first name, a comma and an old age.
    let n = inp.tokens.len();
    for i in 0..n.saturating_sub(1) {
        if flags[i] & flag::NAME != 0 && inp.gap(i, i + 1) == ", " {
            let w = inp.word(i + 1);
            let old = w.parse::<u32>().is_ok_and(|v| (60..=110).contains(&v));
            let (_, e) = inp.tokens.span(i + 1);
            if old && !text[e..].starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == ':') {
                push(out, Rule::Age, inp.tokens.span(i).0, e, inp.weights.age, "name-age");
            }
        }
    }
}

/// A photo word with a person as its object (`bild på Gunnar`, `selfie med henne`, `video of Doris`), and
/// posting on one's own social media (`lägger upp på min insta`, `my Insta`).
fn media(inp: &Input<'_>, hits: &[TermHit], flags: &[u16], out: &mut Vec<Cand>) {
    let n = inp.tokens.len();
    for h in hits {
        let kind = h.kind;
        if !matches!(kind, Kind::Photo | Kind::Platform) {
            continue;
        }
        let first = inp.tokens.at_or_after(h.start as usize);
        let Some(last) = inp.tokens.last_in(h.end as usize) else {
            continue;
        };
        if first >= n {
            continue;
        }
        if kind == Kind::Photo {
            let object = (last + 1..(last + 6).min(n)).find(|&k| {
                flags[k] & (flag::PERSON | flag::CHILDREN) != 0
                    && flags[k] & flag::FIRST == 0
                    && !inp.tokens.broken(last, k, Break::Clause)
            });
            if let Some(k) = object {
                // A named or pointed-at person is a strong pointer; "the kids" in general is not.
                let det = if flags[k] & flag::PERSON != 0 { "media-of-person" } else { "media-of-children" };
                push(out, Rule::MediaShare, h.start as usize, inp.tokens.span(k).1, inp.weights.media_of_person, det);
            }
        } else {
            let own = (first.saturating_sub(2)..first)
                .find(|&k| flags[k] & flag::FIRST != 0 && !inp.tokens.broken(k, first, Break::Clause));
            let post = (first.saturating_sub(6)..(last + 6).min(n)).find(|&k| {
                flags[k] & flag::POST != 0 && !inp.tokens.broken(k.min(first), k.max(first), Break::Sentence)
            });
            if let Some(k) = own.or(post) {
                let start = inp.tokens.span(k.min(first)).0;
                let end = inp.tokens.span(k.max(last)).1;
                // On the writer's own account ("min insta", "my Facebook") the posting is the breach
                // itself, with or without a resident in the photo; a publishing verb alone may be a rule
                // being explained ("ikke legg ut bilder på insta").
                let det = if own.is_some() { "own-posting" } else { "private-posting" };
                push(out, Rule::MediaShare, start, end, inp.weights.private_posting, det);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [GREETINGS, BEFORE_INITIAL, NOT_ROOM_BEFORE, DURATION_BEFORE] {
            assert!(list.is_sorted(), "{list:?}");
        }
    }

    proptest::proptest! {
        /// Jumping from digit to digit finds exactly the words that start with a digit.
        #[test]
        fn digit_words_are_the_words_starting_with_a_digit(parts in proptest::collection::vec(proptest::sample::select(vec![
            "7", "12", "3:e", "22an", "x1", "a", "rum", " ", ", ", ".", "-", "\n", "ø", "²", "１", "5b", "2024-01-01",
        ]), 0..40)) {
            let text: String = parts.concat();
            let mut tokens = Tokens::default();
            tokens.fill(&text);
            let want: Vec<usize> =
                (0..tokens.len()).filter(|&i| text.as_bytes()[tokens.span(i).0].is_ascii_digit()).collect();
            proptest::prop_assert_eq!(digit_words(&text, &tokens).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn number_shapes_gate_each_cue() {
        let u = |t: &str| number_shapes(t.as_bytes());
        let ages = |nordic, years, english| NumberShapes { nordic, years, english, ordinal: false };
        assert_eq!(u("hon ar 87 ar"), ages(true, true, false));
        assert_eq!(u("en 87-ariga dam"), ages(true, false, false));
        assert_eq!(u("87 yo and 90-year-old"), ages(false, false, true));
        assert_eq!(u("a lady aged 87"), ages(false, false, true));
        assert_eq!(u("kl 14.30 i rum 12"), NumberShapes::default());
        assert_eq!(u("1987 ar"), NumberShapes::default(), "four digits are no age");
        for t in ["pa 12:an", "3'eren", "5an", "hon pa 4e", "3:e van", "2:a vaningen", "7ern"] {
            assert!(u(t).ordinal, "{t}");
        }
        assert!(!u("uke 37, rom 1234b").ordinal, "a long number or punctuation after it is no ordinal");
        for t in ["kl 14:30", "12b", "5kg", "3:", "7'", "kl 9:15-10"] {
            assert!(!u(t).ordinal, "{t}: no ordinal ending");
        }
        // The gate never hides a match: wherever a regex matches, its flag is set.
        for t in ["87 ar", "87-ariga", "87 - aaringen", "87yo", "87 y/o", "aged 87", "87 years old", "5ar", "x 1 aar"] {
            let units = u(t);
            assert!(!AGE_NORDIC.is_match(t) || units.nordic, "{t}");
            assert!(!AGE_YEARS.is_match(t) || units.years, "{t}");
            assert!(!AGE_EN.is_match(t) || units.english, "{t}");
        }
    }
}
