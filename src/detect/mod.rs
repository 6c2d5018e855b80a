//! Structured identifier detectors: national identity numbers, phone
//! numbers, email addresses, street addresses, postcodes and birth dates in
//! Nordic care-staff chat messages.
//!
//! All detectors work on the ORIGINAL message text and report UTF-8 byte
//! spans (end-exclusive, on char boundaries). [`find_all`] runs them in the
//! right order and resolves overlaps; each module's `find` can also be used
//! alone. Formats, check digits and collision rates follow
//! `shared/research/identifiers.md`.

pub mod address;
pub mod birth_date;
pub mod email;
pub mod national_id;
pub mod phone;
mod util;

pub(crate) use util::next_digit;

#[cfg(test)]
mod tests;

/// A structured identifier found in the ORIGINAL message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// UTF-8 byte span in the original text, end-exclusive, on char boundaries.
    pub start: usize,
    /// End of the span (exclusive), see `start`.
    pub end: usize,
    /// What was found.
    pub kind: Kind,
    /// How it was established.
    pub evidence: Evidence,
}

/// The kind of a structured identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Swedish personnummer (10 or 12 digits, Luhn, real date).
    SePersonnummer,
    /// Swedish samordningsnummer (personnummer with day + 60).
    SeSamordningsnummer,
    /// Danish CPR number (date + century digit; mod-11 optional).
    DkCpr,
    /// Norwegian fødselsnummer (two mod-11 check digits, 2032 rule accepted).
    NoFodselsnummer,
    /// Norwegian D-nummer (day + 40).
    NoDNummer,
    /// Norwegian H-nummer (month + 40).
    NoHNummer,
    /// Norwegian FH-nummer (first digit 8 or 9, no date).
    NoFhNummer,
    /// Norwegian synthetic test number (month + 80, Test-Norge/Tenor).
    NoSyntheticTest,
    /// Finnish henkilötunnus (mod-31 check character).
    FiHetu,
    /// Finnish temporary/healthcare HETU (individual number 900–999).
    FiHetuTemporary,
    /// A number right after an ID keyword (pnr, cpr, personnummer, fødselsnummer...) that FAILS validation: staff mistype.
    MistypedId,
    /// A phone number (prefix, phone-like separators or phone keyword).
    Phone,
    /// An email address.
    Email,
    /// A street address, or a bare capitalized street name (see [`address`]).
    StreetAddress,
    /// A postcode next to a town name or after a street address.
    Postcode,
    /// A date of birth introduced by a birth keyword.
    BirthDate,
}

/// How a candidate was established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The check digit(s) and the date validate.
    Checksum,
    /// Valid date and an identity keyword before it (Danish CPR without
    /// mod-11).
    DateAndContext,
    /// Valid date written in the `DDMMYY-SSSS` dash form (Danish CPR without
    /// mod-11).
    DateAndDashForm,
    /// The shape alone: phone separators or prefix, an email, a capitalized
    /// street name with a street suffix but no house number.
    Shape,
    /// Surrounding words establish it: a keyword (phone keyword, birth
    /// keyword, identity keyword for [`Kind::MistypedId`]), a house number
    /// after a street name, a town or street next to a postcode.
    Context,
}

/// The date used for "not born yet" checks and century resolution (injected for deterministic tests).
#[derive(Debug, Clone, Copy)]
pub struct DetectCtx {
    /// Current year, e.g. 2026.
    pub today_year: u16,
    /// Current month, 1–12.
    pub today_month: u8,
    /// Current day of month, 1–31.
    pub today_day: u8,
}

/// Runs every detector over `text` and APPENDS the results to `out`, sorted
/// by start offset. Candidates already in `out` are left untouched.
///
/// Order: email, phone (phones are parsed before identity numbers), national
/// identity numbers, birth dates, street addresses and postcodes. Overlapping
/// results are reported once, as the more plausible kind:
/// email > phone > valid identity number > mistyped identity number >
/// birth date > street address > postcode.
///
/// Returns immediately, without allocating, when the text has no ASCII digit
/// and no `@` (so street names without a number are not reported for such a
/// text; see [`address`]).
pub fn find_all(text: &str, ctx: &DetectCtx, out: &mut Vec<Candidate>) {
    find_selected(text, ctx, true, out);
}

/// [`find_all`], with the street-address and postcode detector only when `addresses` is true. The linter
/// passes `true` only when its automaton has seen a capitalized street word (`Storgatan`, `Skovvej`,
/// `Street`), or the text has an English street word or a postcode shape: the address regexes are the
/// costliest detectors, and an address has a street word or a postcode.
pub fn find_selected(text: &str, ctx: &DetectCtx, addresses: bool, out: &mut Vec<Candidate>) {
    find_gated(text, ctx, &Gates::of(text), addresses, &mut DetectScratch::default(), out);
}

/// What the detectors keep from message to message (the linter holds one in its `Scratch`): the identity
/// detector's scored interpretations and the birth-date regex's capture slots. With them, a message with
/// a national ID number or a birth date allocates nothing once they have grown.
#[derive(Debug, Default, Clone)]
pub(crate) struct DetectScratch {
    ids: Vec<national_id::Scored>,
    birth: Option<regex::CaptureLocations>,
}

/// [`find_selected`] with the gates the caller has already computed for `text`, and its buffers.
pub(crate) fn find_gated(
    text: &str,
    ctx: &DetectCtx,
    gates: &Gates,
    addresses: bool,
    scratch: &mut DetectScratch,
    out: &mut Vec<Candidate>,
) {
    if !gates.at && gates.joined == 0 {
        return;
    }
    let base = out.len();
    if gates.at {
        email::find(text, ctx, out);
    }
    if gates.joined > 0 {
        if gates.phone() {
            phone::find(text, ctx, out);
        }
        if gates.national_id() {
            national_id::find_with(text, ctx, &mut scratch.ids, out);
        }
        if gates.birth_date() {
            birth_date::find_with(text, ctx, &mut scratch.birth, out);
        }
        if addresses {
            address::find(text, ctx, out);
        }
    }
    resolve_overlaps(out, base);
}

/// Could [`find_gated`] find anything in `text`? Its gates, without running the detectors (and the
/// birth-date detector's own keyword gate): the linter's fast path asks this for a message whose digits
/// may be only a time, a week or a count. `addresses` is asked last, only when nothing else decides.
pub(crate) fn may_find(text: &str, gates: &Gates, addresses: impl FnOnce() -> bool) -> bool {
    gates.at
        || (gates.joined > 0
            && (gates.phone()
                || gates.national_id()
                || (gates.birth_date() && birth_date::may_find(text))
                || addresses()))
}

/// What the detectors need before they run: an `@` for emails, and the longest group of digits joined by
/// separators (0 without a digit). Every phone has seven digits or more, every identity number six, every
/// birth date four: messages with only times, rooms and prices skip those detectors. The linter computes
/// them once a message, for its fast path and the detectors.
pub(crate) struct Gates {
    pub(crate) at: bool,
    pub(crate) joined: usize,
}

impl Gates {
    pub(crate) fn of(text: &str) -> Gates {
        let bytes = text.as_bytes();
        // At least 1 when there is a digit.
        Gates { at: memchr::memchr(b'@', bytes).is_some(), joined: util::max_joined_digits(bytes) }
    }
    fn phone(&self) -> bool {
        self.joined >= 7
    }
    fn national_id(&self) -> bool {
        self.joined >= 6
    }
    fn birth_date(&self) -> bool {
        self.joined >= 4
    }
}

/// A cheap look for something postcode-like: a group of 4-5 digits (or `NNN NN`) followed by a
/// capitalized word (`2100 København`, `114 18 Stockholm`, `0150 Oslo`). The linter runs the address
/// detector when this or a street word is present. Such a group is one of the joined digit groups the
/// detectors' gates count, so it needs four joined digits (the linter asks that first; a proptest checks
/// the implication).
pub fn maybe_postcode(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(start) = util::next_digit(b, i) {
        i = start;
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let mut digits = 0;
        while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b' ' && i + 1 < b.len() && b[i + 1].is_ascii_digit())) {
            digits += usize::from(b[i].is_ascii_digit());
            i += 1;
        }
        if (4..=5).contains(&digits) && b.get(i) == Some(&b' ') && text[i + 1..].starts_with(char::is_uppercase) {
            return true;
        }
    }
    false
}

/// Cross-detector plausibility, higher wins an overlap.
fn rank(kind: Kind) -> u8 {
    match kind {
        Kind::Email => 7,
        Kind::Phone => 6,
        Kind::MistypedId => 4,
        Kind::BirthDate => 3,
        Kind::StreetAddress => 2,
        Kind::Postcode => 1,
        _ => 5,
    }
}

/// Keeps, among overlapping candidates in `out[base..]`, the one of higher
/// rank (then earlier, then longer); the survivors are sorted by start.
fn resolve_overlaps(out: &mut Vec<Candidate>, base: usize) {
    // Stable sorts of up to 20 elements do not allocate.
    out[base..].sort_by(|a, b| {
        rank(b.kind).cmp(&rank(a.kind)).then(a.start.cmp(&b.start)).then((b.end - b.start).cmp(&(a.end - a.start)))
    });
    util::keep_non_overlapping(out, base);
}
