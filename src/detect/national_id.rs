//! Nordic national identity numbers: Swedish personnummer and
//! samordningsnummer, Danish CPR, Norwegian fødselsnummer (with D-, H-,
//! FH- and synthetic test numbers) and Finnish henkilötunnus (HETU).
//!
//! Formats and rules follow `shared/research/identifiers.md` §1–§4 and §7.
//! The validators are pure functions over digit strings and can be used on
//! their own; [`find`] locates candidates in free text.
//!
//! # How a candidate is taken from text
//! * It must be a whole number token: a digit, or a separator (`-`, `+`,
//!   space, `.`, `/`, `:`, `,`) followed by a digit, right before or after
//!   disqualifies it (order numbers, bank accounts `NNNN.NN.NNNNN`, amounts,
//!   dates, times). A letter glued to it also disqualifies it.
//! * Accepted shapes: `YYMMDD-NNNC` / `YYMMDD+NNNC` / `YYMMDD NNNC` /
//!   `YYMMDDNNNC` (SE, DK without `+`), `YYYYMMDD-NNNC` / `YYYYMMDD NNNC` /
//!   `YYYYMMDDNNNC` (SE), `DDMMYYIIIKK` with optional `-`/space after six
//!   digits (NO), `DDMMYYCZZZQ` (FI).
//! * A number followed by a currency/unit (`kr`, `%`, `€`) or introduced by a
//!   non-identifier word (konto, order, faktura, rum, kod, kl, ...) is skipped.
//! * Timestamps (identifiers.md §7): a 12-digit value whose last four digits
//!   are a valid `hhmm` is not a personnummer when followed by `:`, or when,
//!   without an identity keyword before it, its date lies within the last ten
//!   years (`202403151430` passes Luhn). Real 12-digit numbers of children
//!   under ten written without keyword lose ~14 % to this guard.
//! * Danish CPR: counts with a passing mod-11 ([`Evidence::Checksum`]), in the
//!   `DDMMYY-SSSS` dash form ([`Evidence::DateAndDashForm`]), or with `cpr`,
//!   `cpr-nr`, `personnummer`, `født`, ... within three words before it
//!   ([`Evidence::DateAndContext`]); a bare or spaced 10-digit run without
//!   any of these is not reported.
//! * A number that fails validation but comes right after an identity keyword
//!   (at most one word between: "pnr är …") and has 8–13 digits is reported as
//!   [`Kind::MistypedId`] with [`Evidence::Context`].
//! * Overlapping interpretations of the same digits (a `DDMMYY-NNNN` string
//!   can be SE, DK and FI at once) are resolved here: an identity keyword of
//!   a country wins, then the evidence (checksum > date+keyword > date+dash
//!   form), then the strength of the check (NO > FI > SE > DK).

use std::sync::LazyLock;

use regex::Regex;

use super::util::{
    Country, DIGITS_MAX, Kw, NumToken, digit_run_after, digit_run_before, has_digit_run, is_amount,
    keep_non_overlapping, keyword_before, next_char, num, number_tokens, prev_char, valid_date, valid_past_date,
};
use super::{Candidate, DetectCtx, Evidence, Kind};

// ---------------------------------------------------------------------------
// Validators
// ---------------------------------------------------------------------------

/// Luhn (mod-10, weights 2,1,2,1,... from the left for an even length, i.e.
/// doubling every second digit counted from the right excluding the check
/// digit) over an ASCII digit string. `false` for empty or non-digit input.
///
/// Source: identifiers.md §1.1 (`luhn.validate(digits[-10:])` in stdnum).
pub fn luhn_valid(digits: &str) -> bool {
    if digits.len() < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Validates a Swedish personnummer or samordningsnummer given as 10 or 12
/// ASCII digits without separator. `plus` is true when the 10-digit form was
/// written with `+` (aged 100 or more). Returns
/// [`Kind::SePersonnummer`] or [`Kind::SeSamordningsnummer`].
///
/// Rules (identifiers.md §1.1–§1.2):
/// * Luhn over the last 10 digits (the century digits are not included);
/// * a real calendar date; day 61–91 is a samordningsnummer (day + 60);
/// * 10-digit form: the latest century that does not put the date after
///   today, one century further back with `+`;
/// * 12-digit form: year 1870 up to today (plausibility, stricter than
///   stdnum, which also accepts `1795…`); `plus` is ignored;
/// * birth number `000` is rejected (as the `personnummer` package does).
pub fn se_personnummer_kind(digits: &str, plus: bool, ctx: &DetectCtx) -> Option<Kind> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, ten) = match digits.len() {
        12 => (num(&digits[..4])?, &digits[2..]),
        10 => (0, digits),
        _ => return None,
    };
    if !luhn_valid(ten) || &ten[6..9] == "000" {
        return None;
    }
    let yy = num(&ten[..2])?;
    let m = num(&ten[2..4])?;
    let raw_day = num(&ten[4..6])?;
    let (d, kind) = if (61..=91).contains(&raw_day) {
        (raw_day - 60, Kind::SeSamordningsnummer)
    } else {
        (raw_day, Kind::SePersonnummer)
    };
    let year = if digits.len() == 12 {
        if year < 1870 {
            return None;
        }
        year
    } else {
        let today = u32::from(ctx.today_year);
        let mut y = today / 100 * 100 + yy;
        if y > today {
            y -= 100;
        }
        if valid_date(y, m, d) && super::util::is_future(y, m, d, ctx) {
            y -= 100;
        }
        if plus {
            y = y.checked_sub(100)?;
        }
        y
    };
    valid_past_date(year, m, d, ctx).then_some(kind)
}

/// The birth year of a Danish CPR number from digit 7 and YY
/// (identifiers.md §2, the century table; same as `stdnum/dk/cpr.py`).
fn dk_century_year(d7: u32, yy: u32) -> u32 {
    match d7 {
        4 | 9 if yy <= 36 => 2000 + yy,
        5..=8 if yy <= 57 => 2000 + yy,
        5..=8 => 1800 + yy,
        _ => 1900 + yy,
    }
}

/// `true` when 10 ASCII digits `DDMMYYSSSS` form a Danish CPR number with a
/// real date, the century given by digit 7 and YY, not in the future
/// (identifiers.md §2). The modulus-11 check is NOT part of validity: the
/// CPR office has issued numbers without it since 2007. Use
/// [`dk_cpr_mod11_valid`] for that.
pub fn dk_cpr_date_valid(digits: &str, ctx: &DetectCtx) -> bool {
    if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let (Some(d), Some(m), Some(yy), Some(d7)) =
        (num(&digits[..2]), num(&digits[2..4]), num(&digits[4..6]), num(&digits[6..7]))
    else {
        return false;
    };
    valid_past_date(dk_century_year(d7, yy), m, d, ctx)
}

/// The historical CPR modulus-11 check: weights 4,3,2,7,6,5,4,3,2,1 over the
/// 10 digits, sum ≡ 0 (mod 11) (identifiers.md §2).
pub fn dk_cpr_mod11_valid(digits: &str) -> bool {
    const W: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    digits.len() == 10
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum::<u32>().is_multiple_of(11)
}

/// (Σ d·[3,7,6,1,8,9,4,5,2] + K1) mod 11 over a Norwegian number's first 10
/// digits: 0 under the classic rule, 0–3 allowed for 2032-rule numbers.
fn no_k1_residue(d: &[u8]) -> u32 {
    const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let s: u32 = d[..9].iter().zip(W1).map(|(b, w)| u32::from(b - b'0') * w).sum();
    (s + u32::from(d[9] - b'0')) % 11
}

/// K2: Σ d·[5,4,3,2,7,6,5,4,3,2,1] over all 11 digits ≡ 0 (mod 11).
fn no_k2_ok(d: &[u8]) -> bool {
    const W2: [u32; 11] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    d.iter().zip(W2).map(|(b, w)| u32::from(b - b'0') * w).sum::<u32>().is_multiple_of(11)
}

/// Both Norwegian check digits of 11 ASCII digits, accepting the 2032 rule:
/// K1 residue ∈ {0,1,2,3}, K2 residue 0 (identifiers.md §3; Skatteetaten
/// `nyttfnr2032.md`). A check digit that would have to be 10 can never
/// satisfy this, so such numbers are rejected as required.
pub fn no_check_digits_valid(digits: &str) -> bool {
    let d = digits.as_bytes();
    d.len() == 11 && d.iter().all(u8::is_ascii_digit) && no_k1_residue(d) <= 3 && no_k2_ok(d)
}

/// Century for a Norwegian number from the individual number and YY, per the
/// table in identifiers.md §3 (`stdnum/no/fodselsnummer.py`).
fn no_century(iii: u32, yy: u32) -> Option<u32> {
    if iii <= 499 {
        Some(1900)
    } else if iii <= 749 && yy >= 54 {
        Some(1800)
    } else if yy <= 39 {
        Some(2000)
    } else if iii >= 900 && yy >= 40 {
        Some(1900)
    } else {
        None
    }
}

/// Validates 11 ASCII digits as a Norwegian identity number and returns its
/// kind (identifiers.md §3):
/// * first digit 8/9 → [`Kind::NoFhNummer`] (no date; both classic check
///   digits);
/// * month + 80 → [`Kind::NoSyntheticTest`] (Skatteetaten Test-Norge/Tenor);
/// * month + 40 → [`Kind::NoHNummer`] (also NAV Dolly's synthetic range);
/// * day + 40 → [`Kind::NoDNummer`];
/// * otherwise [`Kind::NoFodselsnummer`].
///
/// The relaxed 2032 first check digit (residue 1–3) is accepted for
/// fødselsnummer and D-nummer only, the numbers the 2032 change applies to;
/// for them the century comes from the individual-number table when it gives
/// one, else the latest century not in the future (from 2032 the individual
/// number no longer encodes the century). Classic numbers (residue 0) must fit
/// the table. Dates must be real and not in the future.
pub fn no_fodselsnummer_kind(digits: &str, ctx: &DetectCtx) -> Option<Kind> {
    let d = digits.as_bytes();
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) || !no_k2_ok(d) {
        return None;
    }
    let r1 = no_k1_residue(d);
    if r1 > 3 {
        return None;
    }
    if matches!(d[0], b'8' | b'9') {
        return (r1 == 0).then_some(Kind::NoFhNummer);
    }
    let mut day = num(&digits[..2])?;
    let mut month = num(&digits[2..4])?;
    let yy = num(&digits[4..6])?;
    let iii = num(&digits[6..9])?;
    let mut kind = Kind::NoFodselsnummer;
    if (81..=92).contains(&month) {
        month -= 80;
        kind = Kind::NoSyntheticTest;
    } else if (41..=52).contains(&month) {
        month -= 40;
        kind = Kind::NoHNummer;
    }
    if (41..=71).contains(&day) {
        day -= 40;
        if kind == Kind::NoFodselsnummer {
            kind = Kind::NoDNummer;
        }
    }
    let new_rule_ok = matches!(kind, Kind::NoFodselsnummer | Kind::NoDNummer);
    if r1 != 0 && !new_rule_ok {
        return None;
    }
    let year = match no_century(iii, yy) {
        Some(c) => c + yy,
        None if r1 != 0 => {
            let today = u32::from(ctx.today_year);
            if 2000 + yy <= today { 2000 + yy } else { 1900 + yy }
        }
        None => return None,
    };
    valid_past_date(year, month, day, ctx).then_some(kind)
}

/// The HETU check-character alphabet (no G, I, O, Q, Z).
const HETU_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// The Finnish HETU check character for the 9 digits `DDMMYYZZZ`:
/// `"0123456789ABCDEFHJKLMNPRSTUVWXY"[n mod 31]` (identifiers.md §4).
pub fn fi_hetu_check_char(nine_digits: &str) -> Option<char> {
    if nine_digits.len() != 9 {
        return None;
    }
    let n = num(nine_digits)?;
    Some(char::from(HETU_CHARS[(n % 31) as usize]))
}

/// Validates an 11-character Finnish HETU `DDMMYYCZZZQ` (case-insensitive,
/// as stdnum upper-cases). Century signs: `+` 1800s; `-`, `Y X W V U` 1900s;
/// `A B C D E F` 2000s (the 2023 additions included). Individual numbers
/// below 002 are rejected; 900–999 give [`Kind::FiHetuTemporary`]. The date
/// must be real and not in the future (identifiers.md §4).
pub fn fi_hetu_kind(hetu: &str, ctx: &DetectCtx) -> Option<Kind> {
    let b = hetu.as_bytes();
    if b.len() != 11 || !hetu.is_ascii() {
        return None;
    }
    let century = match b[6].to_ascii_uppercase() {
        b'+' => 1800,
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => 1900,
        b'A'..=b'F' => 2000,
        _ => return None,
    };
    let d = num(&hetu[..2])?;
    let m = num(&hetu[2..4])?;
    let yy = num(&hetu[4..6])?;
    let zzz = num(&hetu[7..10])?;
    if zzz < 2 || !valid_past_date(century + yy, m, d, ctx) {
        return None;
    }
    let mut nine = [0u8; 9];
    nine[..6].copy_from_slice(&b[..6]);
    nine[6..].copy_from_slice(&b[7..10]);
    let nine = std::str::from_utf8(&nine).ok()?;
    let check = fi_hetu_check_char(nine)?;
    if check != char::from(b[10].to_ascii_uppercase()) {
        return None;
    }
    Some(if zzz >= 900 { Kind::FiHetuTemporary } else { Kind::FiHetu })
}

// ---------------------------------------------------------------------------
// Detection in text
// ---------------------------------------------------------------------------

/// A HETU-shaped string: six digits, a century sign, three digits and a
/// check character (letters in either case).
static HETU_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Ya-y]").expect("valid HETU regex"));

/// A candidate with the score that ranks it among overlapping interpretations (kept in
/// [`super::DetectScratch`] between messages).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    c: Candidate,
    score: i32,
}

fn country_of(kind: Kind) -> Option<Country> {
    match kind {
        Kind::SePersonnummer | Kind::SeSamordningsnummer => Some(Country::Se),
        Kind::DkCpr => Some(Country::Dk),
        Kind::NoFodselsnummer | Kind::NoDNummer | Kind::NoHNummer | Kind::NoFhNummer | Kind::NoSyntheticTest => {
            Some(Country::No)
        }
        Kind::FiHetu | Kind::FiHetuTemporary => Some(Country::Fi),
        _ => None,
    }
}

fn score(kind: Kind, evidence: Evidence, kw: Option<(Kw, usize)>) -> i32 {
    let base = match evidence {
        Evidence::Checksum => 80,
        Evidence::DateAndContext => 75,
        Evidence::DateAndDashForm => 70,
        Evidence::Shape | Evidence::Context => 10,
    };
    let strength = match country_of(kind) {
        Some(Country::No) => 4,
        Some(Country::Fi) => 3,
        Some(Country::Se) => 2,
        Some(Country::Dk) => 1,
        _ => 0,
    };
    let boost = match (kw, country_of(kind)) {
        (Some((Kw::Id(k), _)), Some(c)) if k == c => 15,
        (Some((Kw::Born, _)), Some(Country::Dk)) => 5,
        _ => 0,
    };
    base + strength + boost
}

/// Keyword window for Danish CPR context ("within ~3 words before").
const DK_CONTEXT_WORDS: usize = 3;
/// Keyword window for a mistyped number ("directly after", one filler word
/// allowed: "pnr är 4503…").
const MISTYPE_WORDS: usize = 2;

fn is_id_kw(kw: Option<(Kw, usize)>, max: usize) -> bool {
    matches!(kw, Some((Kw::Id(_), d)) if d <= max)
}

/// Finds national identity numbers in `text` and appends them to `out`
/// (spans in the original text, end-exclusive). Invalid numbers directly
/// after an identity keyword become [`Kind::MistypedId`]. Overlaps among the
/// identity interpretations are resolved here; overlaps with phones and other
/// kinds are resolved by [`super::find_all`].
pub fn find(text: &str, ctx: &DetectCtx, out: &mut Vec<Candidate>) {
    find_with(text, ctx, &mut Vec::new(), out);
}

/// [`find`] with the caller's buffer for the scored interpretations (cleared first), so that a found
/// number allocates nothing once the buffer has grown.
pub(crate) fn find_with(text: &str, ctx: &DetectCtx, found: &mut Vec<Scored>, out: &mut Vec<Candidate>) {
    found.clear();
    for tok in number_tokens(text) {
        scan_token(text, &tok, ctx, found);
    }
    if has_digit_run(text.as_bytes(), 6) {
        scan_hetu(text, ctx, found);
    }
    if found.is_empty() {
        return;
    }
    // Best first; keep the best of each overlapping group.
    found.sort_by(|a, b| b.score.cmp(&a.score).then(a.c.start.cmp(&b.c.start)));
    let base = out.len();
    out.extend(found.iter().map(|s| s.c));
    keep_non_overlapping(out, base);
}

fn scan_token(text: &str, tok: &NumToken, ctx: &DetectCtx, found: &mut Vec<Scored>) {
    // Every shape below has 8 to 13 digits: times, rooms, years and amounts stop here, before the
    // keyword look-back.
    let n = tok.digits;
    if !(8..=13).contains(&n) {
        return;
    }
    // A letter (or '+', a phone prefix) glued to the number disqualifies it.
    if prev_char(text, tok.start).is_some_and(|c| c.is_alphanumeric() || c == '+' || c == '@')
        || next_char(text, tok.end).is_some_and(|c| c.is_alphanumeric() || c == '@')
        || is_amount(text, tok.start, tok.end)
    {
        return;
    }
    let kw = keyword_before(text, tok.start, DK_CONTEXT_WORDS.max(MISTYPE_WORDS));
    if matches!(kw, Some((Kw::NonId, _))) {
        return;
    }
    let mut buf = [0; DIGITS_MAX];
    let Some(digits) = tok.digits_into(text, &mut buf) else {
        return;
    };
    let shape = match (tok.groups, tok.first_sep) {
        (1, None) => Some((n, None)),
        (2, Some(sep)) => Some((n, Some((tok.first_group, sep)))),
        _ => None,
    };
    let before = found.len();
    let push = |found: &mut Vec<Scored>, kind: Kind, evidence: Evidence| {
        found.push(Scored {
            c: Candidate { start: tok.start, end: tok.end, kind, evidence },
            score: score(kind, evidence, kw),
        });
    };
    match shape {
        // SE YYMMDD[-+ ]NNNC and DK DDMMYY[- ]SSSS.
        Some((10, sep)) if matches!(sep, None | Some((6, '-' | '+' | ' '))) => {
            let plus = matches!(sep, Some((_, '+')));
            if let Some(kind) = se_personnummer_kind(digits, plus, ctx) {
                push(found, kind, Evidence::Checksum);
            }
            if !plus && dk_cpr_date_valid(digits, ctx) {
                let dk_kw = match kw {
                    Some((Kw::Id(Country::Dk | Country::Any) | Kw::Born, d)) => d <= DK_CONTEXT_WORDS,
                    _ => false,
                };
                let evidence = if dk_cpr_mod11_valid(digits) {
                    Some(Evidence::Checksum)
                } else if dk_kw {
                    Some(Evidence::DateAndContext)
                } else if matches!(sep, Some((_, '-'))) {
                    Some(Evidence::DateAndDashForm)
                } else {
                    None
                };
                if let Some(e) = evidence {
                    push(found, Kind::DkCpr, e);
                }
            }
        }
        // NO DDMMYY[- ]IIIKK.
        Some((11, None | Some((6, '-' | ' ')))) => {
            if let Some(kind) = no_fodselsnummer_kind(digits, ctx) {
                push(found, kind, Evidence::Checksum);
            }
        }
        // SE YYYYMMDD[- ]NNNC, guarding against timestamps YYYYMMDDhhmm.
        Some((12, None | Some((8, '-' | ' ')))) => {
            if let Some(kind) = se_personnummer_kind(digits, false, ctx)
                && !looks_like_timestamp(text, tok, digits, kw, ctx)
            {
                push(found, kind, Evidence::Checksum);
            }
        }
        _ => {}
    }
    if found.len() == before {
        if is_id_kw(kw, MISTYPE_WORDS) && mistype_shape(tok, n) {
            push(found, Kind::MistypedId, Evidence::Context);
        } else if kw.is_none() && dated_id_shape(digits, shape, ctx) && !recent_time_suffix(digits, ctx) {
            push(found, Kind::MistypedId, Evidence::Shape);
        }
    }
}

/// A date within the last ten years followed by a valid `hhmm`: a log timestamp (`20240315-1430`,
/// `240315-1430`), not a mistyped personnummer.
fn recent_time_suffix(digits: &str, ctx: &DetectCtx) -> bool {
    let n = digits.len();
    let (Some(hh), Some(mm)) = (num(&digits[n - 4..n - 2]), num(&digits[n - 2..])) else {
        return false;
    };
    let year = if n == 12 { num(&digits[..4]) } else { num(&digits[..2]).map(|yy| 2000 + yy) };
    hh <= 23 && mm <= 59 && year.is_some_and(|y| y + 10 >= u32::from(ctx.today_year) && y <= u32::from(ctx.today_year))
}

/// The written form of a Swedish personnummer with a real birth date but a failing check digit:
/// `YYYYMMDD-NNNN` or `YYMMDD-NNNN` (also `+`). Even mistyped, it leaks a date of birth and most of the
/// number, so it is reported as [`Kind::MistypedId`] with [`Evidence::Shape`] (the caller weighs it as a
/// detail, never as a validated ID). Timestamps have no dash before four digits; dates without a serial
/// have no second group.
fn dated_id_shape(digits: &str, shape: Option<(usize, Option<(usize, char)>)>, ctx: &DetectCtx) -> bool {
    let day = |d: u32| if (61..=91).contains(&d) { d - 60 } else { d };
    match shape {
        Some((12, Some((8, '-' | '+')))) => {
            let (Some(y), Some(m), Some(d)) = (num(&digits[..4]), num(&digits[4..6]), num(&digits[6..8])) else {
                return false;
            };
            y >= 1870 && valid_past_date(y, m, day(d), ctx)
        }
        Some((10, Some((6, '-' | '+')))) => {
            let (Some(yy), Some(m), Some(d)) = (num(&digits[..2]), num(&digits[2..4]), num(&digits[4..6])) else {
                return false;
            };
            valid_date(1900 + yy, m, day(d)) || valid_date(2000 + yy, m, day(d))
        }
        _ => false,
    }
}

/// A digit token that could be a garbled identity number: 8–13 digits in at
/// most three groups joined by `-`, `+` or a space.
fn mistype_shape(tok: &NumToken, n: usize) -> bool {
    (8..=13).contains(&n) && tok.groups <= 3 && tok.plain_seps
}

/// Timestamps pass the 12-digit Luhn about 10 % of the time (identifiers.md
/// §7). A 12-digit value whose last four digits are a valid `hhmm` is taken
/// as a timestamp when followed by `:` or, without an identity keyword before
/// it, when its date lies within the last ten years.
fn looks_like_timestamp(text: &str, tok: &NumToken, digits: &str, kw: Option<(Kw, usize)>, ctx: &DetectCtx) -> bool {
    let (Some(hh), Some(mm), Some(year)) = (num(&digits[8..10]), num(&digits[10..12]), num(&digits[..4])) else {
        return false;
    };
    if hh > 23 || mm > 59 {
        return false;
    }
    if next_char(text, tok.end) == Some(':') {
        return true;
    }
    !is_id_kw(kw, DK_CONTEXT_WORDS) && year + 10 >= u32::from(ctx.today_year)
}

fn scan_hetu(text: &str, ctx: &DetectCtx, found: &mut Vec<Scored>) {
    for m in HETU_RE.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if prev_char(text, s).is_some_and(|c| c.is_alphanumeric() || c == '+' || c == '@')
            || digit_run_before(text, s)
            || next_char(text, e).is_some_and(|c| c.is_alphanumeric() || c == '@')
            // "digit-separator-digit" after: only when the check char is a digit.
            || (m.as_str().as_bytes()[10].is_ascii_digit() && digit_run_after(text, e))
        {
            continue;
        }
        let kw = keyword_before(text, s, MISTYPE_WORDS);
        if matches!(kw, Some((Kw::NonId, _))) {
            continue;
        }
        let (kind, evidence) = match fi_hetu_kind(m.as_str(), ctx) {
            Some(k) => (k, Evidence::Checksum),
            // A digit check char with '-'/'+' is also a 10-digit token; the
            // token path reports the mistype for it.
            None if is_id_kw(kw, MISTYPE_WORDS) && m.as_str().as_bytes()[6].is_ascii_alphabetic() => {
                (Kind::MistypedId, Evidence::Context)
            }
            None => continue,
        };
        found.push(Scored { c: Candidate { start: s, end: e, kind, evidence }, score: score(kind, evidence, kw) });
    }
}

#[cfg(test)]
mod tests {
    //! Valid numbers are COMPUTED here from the published algorithms
    //! (identifiers.md sections cited per helper), independently of the
    //! validators under test, then mutated by one digit.

    use super::*;

    const CTX: DetectCtx = DetectCtx { today_year: 2026, today_month: 6, today_day: 15 };

    /// Luhn check digit for 9 digits (identifiers.md §1.1).
    fn luhn_check_digit(nine: &str) -> char {
        let mut sum = 0;
        for (i, b) in nine.bytes().enumerate() {
            let mut v = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            if v > 9 {
                v -= 9;
            }
            sum += v;
        }
        char::from(b'0' + ((10 - sum % 10) % 10) as u8)
    }

    /// SE personnummer 10 digits from YYMMDD + NNN (identifiers.md §1.1).
    fn se10(yymmdd: &str, nnn: &str) -> String {
        let nine = format!("{yymmdd}{nnn}");
        format!("{nine}{}", luhn_check_digit(&nine))
    }

    /// DK CPR with passing mod-11 (identifiers.md §2): first 9 digits given,
    /// the 10th solves Σ w·d ≡ 0; `None` when it would have to be 10.
    fn dk_mod11(nine: &str) -> Option<String> {
        let w = [4, 3, 2, 7, 6, 5, 4, 3, 2];
        let s: u32 = nine.bytes().zip(w).map(|(b, w)| u32::from(b - b'0') * w).sum();
        let c = (11 - s % 11) % 11;
        (c < 10).then(|| format!("{nine}{c}"))
    }

    /// NO check digits K1, K2 by the classic formula (identifiers.md §3,
    /// fnrinfo.no): K = 11 − (Σ mod 11), 11 → 0, 10 → never issued.
    fn no_number(nine: &str) -> Option<String> {
        let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let d: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
        let k = |s: u32| match 11 - s % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k),
        };
        let k1 = k(d.iter().zip(w1).map(|(a, b)| a * b).sum())?;
        let mut d10 = d.clone();
        d10.push(k1);
        let k2 = k(d10.iter().zip(w2).map(|(a, b)| a * b).sum())?;
        Some(format!("{nine}{k1}{k2}"))
    }

    /// FI HETU from parts (identifiers.md §4).
    fn hetu(ddmmyy: &str, sign: char, zzz: &str) -> String {
        let n: u64 = format!("{ddmmyy}{zzz}").parse().unwrap();
        let c = b"0123456789ABCDEFHJKLMNPRSTUVWXY"[(n % 31) as usize] as char;
        format!("{ddmmyy}{sign}{zzz}{c}")
    }

    /// Every one-digit change of `s` at digit positions.
    fn mutations(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, b) in s.bytes().enumerate() {
            if !b.is_ascii_digit() {
                continue;
            }
            for r in b'0'..=b'9' {
                if r != b {
                    let mut v = s.as_bytes().to_vec();
                    v[i] = r;
                    out.push(String::from_utf8(v).unwrap());
                }
            }
        }
        out
    }

    #[test]
    fn luhn_basics() {
        assert!(luhn_valid("8112189876")); // sv.wikipedia example
        assert!(!luhn_valid("8112189875"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("81121898x6"));
    }

    #[test]
    fn se_computed_valid_and_mutations() {
        for (ymd, nnn) in [("450312", "123"), ("811218", "987"), ("000229", "246")] {
            let n = se10(ymd, nnn);
            assert_eq!(se_personnummer_kind(&n, false, &CTX), Some(Kind::SePersonnummer), "{n}");
            // Luhn catches every single-digit change.
            for m in mutations(&n) {
                assert!(!luhn_valid(&m), "{m}");
                assert_eq!(se_personnummer_kind(&m, false, &CTX), None, "{m}");
            }
        }
        // 12-digit form: century digits are outside the Luhn.
        let n = se10("450312", "123");
        let n12 = format!("19{n}");
        assert_eq!(se_personnummer_kind(&n12, false, &CTX), Some(Kind::SePersonnummer));
        assert_eq!(se_personnummer_kind(&format!("18{n}"), false, &CTX), None);
        assert_eq!(se_personnummer_kind(&format!("20{n}"), false, &CTX), None); // future
    }

    #[test]
    fn se_samordningsnummer_skatteverket_example() {
        // SKV M 2010:3: 701063-2391, born 1970-10-03.
        assert_eq!(se_personnummer_kind("7010632391", false, &CTX), Some(Kind::SeSamordningsnummer));
        assert_eq!(se_personnummer_kind("197010632391", false, &CTX), Some(Kind::SeSamordningsnummer));
        assert_eq!(se_personnummer_kind("7010632392", false, &CTX), None);
        // Day 92 (32 + 60) is not a date.
        let bad = se10("701092", "239");
        assert_eq!(se_personnummer_kind(&bad, false, &CTX), None);
    }

    #[test]
    fn se_plus_century_rule() {
        // identifiers.md §1.1: 121212+1212 is 1912, 121212-1212 is 2012.
        assert!(luhn_valid("1212121212"));
        assert_eq!(se_personnummer_kind("1212121212", true, &CTX), Some(Kind::SePersonnummer));
        // 29 Feb: 000229 is 2000 (leap) but with '+' 1900 (not leap).
        let n = se10("000229", "123");
        assert!(se_personnummer_kind(&n, false, &CTX).is_some());
        assert_eq!(se_personnummer_kind(&n, true, &CTX), None);
        // A date later this year resolves to the previous century.
        let n = se10("261231", "123");
        assert!(se_personnummer_kind(&n, false, &CTX).is_some());
        // Birth number 000 is never issued.
        assert_eq!(se_personnummer_kind(&se10("450312", "000"), false, &CTX), None);
    }

    #[test]
    fn dk_century_table_and_dates() {
        // identifiers.md §2 table.
        assert_eq!(dk_century_year(0, 10), 1910);
        assert_eq!(dk_century_year(4, 36), 2036);
        assert_eq!(dk_century_year(4, 37), 1937);
        assert_eq!(dk_century_year(9, 99), 1999);
        assert_eq!(dk_century_year(5, 57), 2057);
        assert_eq!(dk_century_year(8, 58), 1858);
        assert!(dk_cpr_date_valid("0101651234", &CTX));
        assert!(!dk_cpr_date_valid("3102651234", &CTX));
        assert!(!dk_cpr_date_valid("0101304000", &CTX)); // 2030: not born yet
        // 29 Feb 1900 (digit 7 = 1) does not exist, 29 Feb 2000 (digit 7 = 4) does.
        assert!(!dk_cpr_date_valid("2902001234", &CTX));
        assert!(dk_cpr_date_valid("2902004234", &CTX)); // 2000 leap
    }

    #[test]
    fn dk_mod11_computed_and_mutations() {
        for nine in ["010165123", "311299098", "150538456", "240190402"] {
            let Some(n) = dk_mod11(nine) else { continue };
            assert!(dk_cpr_mod11_valid(&n), "{n}");
            for m in mutations(&n) {
                assert!(!dk_cpr_mod11_valid(&m), "{m}");
            }
        }
        assert!(!dk_cpr_mod11_valid("12345"));
    }

    #[test]
    fn no_computed_valid_and_mutations() {
        let cases = [
            ("010165123", Kind::NoFodselsnummer),
            ("150538456", Kind::NoFodselsnummer),
            ("410165123", Kind::NoDNummer),       // day + 40
            ("014165123", Kind::NoHNummer),       // month + 40
            ("018165123", Kind::NoSyntheticTest), // month + 80
            ("010110512", Kind::NoFodselsnummer), // 2010, III 512
            ("810000000", Kind::NoFhNummer),
        ];
        let mut tested = 0;
        for (nine, kind) in cases {
            // Walk the individual number until both check digits exist.
            let base: u32 = nine.parse().unwrap();
            let n = (0..40)
                .filter_map(|i| no_number(&format!("{:09}", base + i)))
                .find(|n| no_fodselsnummer_kind(n, &CTX).is_some())
                .expect("some valid number");
            assert_eq!(no_fodselsnummer_kind(&n, &CTX), Some(kind), "{n}");
            assert!(no_check_digits_valid(&n));
            for m in mutations(&n) {
                // Every K2 weight is non-zero mod 11, so one changed digit
                // always breaks K2 (whatever the 2032 K1 leniency allows).
                assert!(!no_k2_ok(m.as_bytes()), "{m}");
                assert_eq!(no_fodselsnummer_kind(&m, &CTX), None, "{m}");
            }
            tested += 1;
        }
        assert_eq!(tested, 7);
    }

    #[test]
    fn no_2032_rule_skatteetaten_examples() {
        // Skatteetaten nyttfnr2032.md: 30108299939, K1 residue 1.
        let d = b"30108299939";
        assert_eq!(no_k1_residue(d), 1);
        assert!(no_check_digits_valid("30108299939"));
        assert_eq!(no_fodselsnummer_kind("30108299939", &CTX), Some(Kind::NoFodselsnummer));
        // 02013299997 is born in 2032: not yet in 2026, valid in 2033.
        assert!(no_check_digits_valid("02013299997"));
        assert_eq!(no_fodselsnummer_kind("02013299997", &CTX), None);
        let later = DetectCtx { today_year: 2033, today_month: 1, today_day: 1 };
        assert_eq!(no_fodselsnummer_kind("02013299997", &later), Some(Kind::NoFodselsnummer));
        // Residue 4 is rejected.
        assert!(!no_check_digits_valid("30108299949"));
    }

    #[test]
    fn no_century_table() {
        assert_eq!(no_century(0, 50), Some(1900));
        assert_eq!(no_century(600, 60), Some(1800));
        assert_eq!(no_century(600, 10), Some(2000));
        assert_eq!(no_century(950, 60), Some(1900));
        assert_eq!(no_century(600, 45), None);
        assert_eq!(no_century(800, 60), None);
    }

    #[test]
    fn fi_computed_all_signs_and_mutations() {
        let cases = [
            ('+', "010185", "123", Kind::FiHetu),
            ('-', "131052", "308", Kind::FiHetu),
            ('Y', "131052", "308", Kind::FiHetu),
            ('U', "010190", "002", Kind::FiHetu),
            ('A', "010105", "123", Kind::FiHetu),
            ('F', "010105", "124", Kind::FiHetu),
            ('-', "010190", "999", Kind::FiHetuTemporary),
        ];
        for (sign, date, zzz, kind) in cases {
            let h = hetu(date, sign, zzz);
            assert_eq!(fi_hetu_kind(&h, &CTX), Some(kind), "{h}");
            assert_eq!(fi_hetu_kind(&h.to_lowercase(), &CTX), Some(kind), "{h}");
            for m in mutations(&h) {
                let ok = fi_hetu_kind(&m, &CTX);
                // Mod 31 catches a change in ZZZ or the date unless it moved
                // the remainder by a multiple of 31 — impossible for one digit
                // (changes are ±k·10^i with k ≤ 9, never ≡ 0 mod 31).
                assert_eq!(ok, None, "{m}");
            }
        }
        // stdnum: 131052-308T is valid; case-insensitive.
        assert_eq!(fi_hetu_kind("131052-308T", &CTX), Some(Kind::FiHetu));
        assert_eq!(fi_hetu_kind("131052-308t", &CTX), Some(Kind::FiHetu));
        // telp.fi's 010190-999K is wrong, W is right (identifiers.md §4).
        assert_eq!(fi_hetu_kind("010190-999K", &CTX), None);
        assert_eq!(fi_hetu_kind("010190-999W", &CTX), Some(Kind::FiHetuTemporary));
        assert_eq!(fi_hetu_check_char("010190999"), Some('W'));
        // Individual numbers 000 and 001 are rejected.
        assert_eq!(fi_hetu_kind(&hetu("010190", '-', "001"), &CTX), None);
        // Future date with a 2000s sign.
        assert_eq!(fi_hetu_kind(&hetu("010130", 'A', "123"), &CTX), None);
        // Unknown sign.
        assert_eq!(fi_hetu_kind("010190G1234", &CTX), None);
    }
}
