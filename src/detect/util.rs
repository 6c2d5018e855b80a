//! Private scanning helpers shared by the detectors: digit tokens, boundary
//! checks, calendar arithmetic and keyword look-behind.
//!
//! Everything here works on byte offsets into the original text and only
//! ever returns offsets that sit on char boundaries (they are positions of
//! ASCII bytes, or ends of whole chars).

use std::collections::BTreeMap;

use super::{Candidate, DetectCtx};
pub(crate) use crate::swar::next_digit;

/// Keeps, among the candidates in `v[base..]` (given in priority order, best first), each one that
/// overlaps none kept before it; the survivors end up sorted by start. A message has a handful: those are
/// compared pairwise in place, without allocating; a long list (a huge line) goes through an ordered map,
/// O(n log n): kept spans never overlap, so the kept span with the greatest start before `c.end` is the
/// only one to check.
pub(crate) fn keep_non_overlapping(v: &mut Vec<Candidate>, base: usize) {
    const IN_PLACE: usize = 16;
    let n = v.len() - base;
    if n > IN_PLACE {
        let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
        for c in v.drain(base..) {
            let overlaps = kept.range(..c.end).next_back().is_some_and(|(_, k)| k.end > c.start);
            if !overlaps {
                kept.insert(c.start, c);
            }
        }
        v.extend(kept.into_values());
        return;
    }
    let new = &mut v[base..];
    let mut kept = 0;
    for i in 0..n {
        let c = new[i];
        if !new[..kept].iter().any(|k| k.start < c.end && c.start < k.end) {
            new[kept] = c;
            kept += 1;
        }
    }
    v.truncate(base + kept);
    v[base..].sort_by_key(|c| c.start);
}

/// `true` when `bytes` has `n` ASCII digits in a row (a cheap gate before a regex that needs them).
pub(crate) fn has_digit_run(bytes: &[u8], n: usize) -> bool {
    let mut run = 0;
    for &b in bytes {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run >= n {
            return true;
        }
    }
    false
}

/// The number of ASCII digits from `i` on, in digit groups joined by runs of at most `max_gap` bytes
/// that each are in `seps`, counting stops at `enough`. A necessary condition the phone and birth-date
/// detectors check before their costlier parsing: what they read is always such a run.
pub(crate) fn joined_digits(bytes: &[u8], i: usize, seps: &[u8], max_gap: usize, enough: usize) -> usize {
    let (mut digits, mut gap) = (0, 0);
    for &b in &bytes[i..] {
        if b.is_ascii_digit() {
            digits += 1;
            gap = 0;
            if digits >= enough {
                break;
            }
        } else if seps.contains(&b) && gap < max_gap {
            gap += 1;
        } else {
            break;
        }
    }
    digits
}

/// The most ASCII digits in one group of digit runs joined by gaps of at most four bytes that are
/// separators (space, `-./()+:,`) or parts of non-ASCII characters (no-break and thin spaces, dashes). Every
/// span the phone, identity-number and birth-date detectors read is such a group, so this bounds what
/// they can find.
pub(crate) fn max_joined_digits(bytes: &[u8]) -> usize {
    let mut best = 0;
    let mut i = 0;
    // Jump to each run's first digit; follow the run byte by byte.
    while let Some(start) = next_digit(bytes, i) {
        let (mut digits, mut gap) = (0, 0);
        i = start;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_digit() {
                digits += 1;
                gap = 0;
            } else if gap < 4
                && (b >= 0x80 || matches!(b, b' ' | b'-' | b'.' | b'/' | b'(' | b')' | b'+' | b':' | b','))
            {
                gap += 1;
            } else {
                break;
            }
            i += 1;
        }
        best = best.max(digits);
    }
    best
}

/// Characters that glue digit groups into one number ("12 500", "1.234,00",
/// "2024-03-15", "14:30", "1234.56.78903"). A candidate identifier must be a
/// whole token: a digit or separator+digit right before or after it
/// disqualifies it.
pub(crate) fn is_token_sep(c: char) -> bool {
    matches!(c, '-' | '+' | ' ' | '.' | '/' | ':' | ',' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2013}')
}

/// The char ending right before byte `pos`.
pub(crate) fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The char starting at byte `pos`.
pub(crate) fn next_char(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// A digit, or a token separator preceded by a digit, sits right before `pos`.
pub(crate) fn digit_run_before(text: &str, pos: usize) -> bool {
    let mut it = text[..pos].chars().rev();
    match it.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if is_token_sep(c) => matches!(it.next(), Some(d) if d.is_ascii_digit()),
        _ => false,
    }
}

/// A digit, or a token separator followed by a digit, sits right at `pos`.
pub(crate) fn digit_run_after(text: &str, pos: usize) -> bool {
    let mut it = text[pos..].chars();
    match it.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if is_token_sep(c) => matches!(it.next(), Some(d) if d.is_ascii_digit()),
        _ => false,
    }
}

/// A maximal run of ASCII digit groups joined by single token separators. `Copy` and allocation-free:
/// the detectors only need the shape (how many digits, how many groups, the first group and separator)
/// and, for short tokens, the digits themselves ([`NumToken::digits_into`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NumToken {
    pub start: usize,
    pub end: usize,
    /// Number of ASCII digits in the token.
    pub digits: usize,
    /// Number of digit groups.
    pub groups: usize,
    /// Length in bytes of the first group.
    pub first_group: usize,
    /// The separator after the first group (`None` for a single group).
    pub first_sep: Option<char>,
    /// Every separator is `-`, `+` or a space.
    pub plain_seps: bool,
}

/// The most digits [`NumToken::digits_into`] copies out (identity numbers have at most 13).
pub(crate) const DIGITS_MAX: usize = 16;

impl NumToken {
    /// The digits, separators removed, copied into `buf`; `None` for a token of more than [`DIGITS_MAX`].
    pub fn digits_into<'b>(&self, text: &str, buf: &'b mut [u8; DIGITS_MAX]) -> Option<&'b str> {
        if self.digits > DIGITS_MAX {
            return None;
        }
        let mut n = 0;
        for &b in &text.as_bytes()[self.start..self.end] {
            if b.is_ascii_digit() {
                buf[n] = b;
                n += 1;
            }
        }
        std::str::from_utf8(&buf[..n]).ok()
    }
}

/// The maximal number tokens of `text`, left to right, without allocating.
pub(crate) fn number_tokens(text: &str) -> NumTokens<'_> {
    NumTokens { text, i: 0 }
}

/// Iterator of [`number_tokens`].
pub(crate) struct NumTokens<'a> {
    text: &'a str,
    i: usize,
}

impl Iterator for NumTokens<'_> {
    type Item = NumToken;

    fn next(&mut self) -> Option<NumToken> {
        let (text, b) = (self.text, self.text.as_bytes());
        let mut i = self.i;
        while i < b.len() && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i >= b.len() {
            self.i = i;
            return None;
        }
        let mut tok =
            NumToken { start: i, end: i, digits: 0, groups: 0, first_group: 0, first_sep: None, plain_seps: true };
        loop {
            let gs = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            tok.digits += i - gs;
            tok.groups += 1;
            if tok.groups == 1 {
                tok.first_group = i - gs;
            }
            // A separator followed by a digit continues the token.
            let sep = match b.get(i) {
                Some(&c) if c.is_ascii() => Some(char::from(c)),
                Some(_) => next_char(text, i),
                None => None,
            };
            match sep {
                Some(c) if is_token_sep(c) => {
                    let after = i + c.len_utf8();
                    if after < b.len() && b[after].is_ascii_digit() {
                        if tok.groups == 1 {
                            tok.first_sep = Some(c);
                        }
                        tok.plain_seps &= matches!(c, '-' | '+' | ' ');
                        i = after;
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        tok.end = i;
        self.i = i;
        Some(tok)
    }
}

/// Parses an ASCII decimal number (no sign). `None` when not all digits.
pub(crate) fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')))
}

/// Gregorian leap year.
pub(crate) fn is_leap(y: u32) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

/// Days in month `m` (1-12) of year `y`; 0 for an invalid month.
pub(crate) fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A real calendar date.
pub(crate) fn valid_date(y: u32, m: u32, d: u32) -> bool {
    d >= 1 && d <= days_in_month(y, m)
}

/// The date lies after "today" (not born yet).
pub(crate) fn is_future(y: u32, m: u32, d: u32, ctx: &DetectCtx) -> bool {
    (y, m, d) > (u32::from(ctx.today_year), u32::from(ctx.today_month), u32::from(ctx.today_day))
}

/// A valid date that is not in the future.
pub(crate) fn valid_past_date(y: u32, m: u32, d: u32, ctx: &DetectCtx) -> bool {
    valid_date(y, m, d) && !is_future(y, m, d, ctx)
}

/// Which kind of context word a keyword is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    /// An identity-number word; the country it points to, if any.
    Id(Country),
    /// "født"/"född": Danish CPR context, not a mistype trigger.
    Born,
    /// A phone word (tel, tlf, mob, ring, nr, ...).
    Phone,
    /// A word introducing a number that is NOT a personal identifier
    /// (account, order, invoice, room, door code, ...).
    NonId,
}

/// Country an identity keyword points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Country {
    Se,
    Dk,
    No,
    Fi,
    Any,
}

/// Words such as "nr" whose meaning depends on the word before ("pers nr",
/// "konto nr", "tel nr"); alone they count as phone words.
fn is_generic_number_word(w: &str) -> bool {
    matches!(w, "nr" | "no" | "nummer" | "number" | "numret" | "nummeret" | "numero" | "numer")
}

/// Classifies one lower-cased word.
fn classify(w: &str) -> Option<Kw> {
    use Country::*;
    use Kw::Id;
    let kw = match w {
        "pnr" | "p-nr" | "pers.nr" | "persnr" | "pers-nr" | "personnr" | "personnumret" | "personnumer"
        | "samordningsnummer" | "samordningsnumret" | "samordningsnr" | "samnr" | "reservnummer" | "reservnumret"
        | "reservnr" | "reserv-nr" => Id(Se),
        "cpr" | "cpr-nr" | "cprnr" | "cpr.nr" | "cpr-nummer" | "cpr-nummeret" | "cpr-nummer:" => Id(Dk),
        "fnr" | "f.nr" | "f-nr" | "fødselsnummer" | "fødselsnummeret" | "fødselsnr" | "fodselsnummer" | "fodselsnr"
        | "d-nummer" | "d-nr" | "dnr" | "h-nummer" | "h-nr" | "fh-nummer" | "fh-nr" | "fhnr" => Id(No),
        "hetu" | "henkilötunnus" | "henkilotunnus" | "henkilötunnuksen" | "sotu" | "sosiaaliturvatunnus" => Id(Fi),
        "personnummer" | "personnummeret" | "id" | "id-nr" | "idnr" | "ssn" | "personal" | "identitetsnummer"
        | "personal-id" | "person-id" | "personid" => Id(Any),
        "født" | "född" | "fødd" | "fodt" | "fodd" => Kw::Born,
        "tel" | "tlf" | "tfn" | "telefon" | "telefonnr" | "telefonnummer" | "telefonnumret" | "telefonnummeret"
        | "mob" | "mobil" | "mobilnr" | "mobilnummer" | "mobilnumret" | "mobiltelefon" | "mobiili" | "mobile"
        | "ring" | "ringer" | "ringa" | "ringe" | "ringde" | "ringte" | "phone" | "puh" | "puhelin"
        | "puhelinnumero" | "gsm" | "cell" | "call" | "soita" | "sms" | "sms:a" | "sms'a" | "tel.nr" | "tlf.nr"
        | "tel-nr" | "tlf-nr" | "telnr" | "tlfnr" => Kw::Phone,
        "konto"
        | "kontonr"
        | "kontonummer"
        | "kontonumret"
        | "kto"
        | "bankkonto"
        | "account"
        | "acc"
        | "ordre"
        | "ordrenr"
        | "ordrenummer"
        | "order"
        | "ordernr"
        | "ordernummer"
        | "faktura"
        | "fakturanr"
        | "fakturanummer"
        | "invoice"
        | "ocr"
        | "ocr-nr"
        | "bankgiro"
        | "bg"
        | "plusgiro"
        | "pg"
        | "iban"
        | "reg"
        | "reg.nr"
        | "regnr"
        | "cvr"
        | "cvr-nr"
        | "cvrnr"
        | "orgnr"
        | "org.nr"
        | "org-nr"
        | "org"
        | "organisationsnummer"
        | "organisasjonsnummer"
        | "orgnummer"
        | "y-tunnus"
        | "ytunnus"
        | "saksnr"
        | "saksnummer"
        | "ärende"
        | "ärendenr"
        | "ärendenummer"
        | "ref"
        | "ref.nr"
        | "refnr"
        | "referens"
        | "referanse"
        | "reference"
        | "kundnr"
        | "kundnummer"
        | "kundenr"
        | "kundenummer"
        | "best.nr"
        | "bestillingsnr"
        | "bestilling"
        | "beställning"
        | "batch"
        | "varenr"
        | "artikelnr"
        | "artnr"
        | "hpr"
        | "hpr-nr"
        | "hprnr"
        | "ydernr"
        | "ydernummer"
        | "tracking"
        | "kolli"
        | "sendingsnr"
        | "rum"
        | "rummet"
        | "rom"
        | "room"
        | "lokale"
        | "lgh"
        | "lägenhet"
        | "kod"
        | "koden"
        | "kode"
        | "koden."
        | "kodi"
        | "code"
        | "portkod"
        | "portkoden"
        | "dørkode"
        | "dorkode"
        | "porttikoodi"
        | "pin"
        | "kl"
        | "klockan"
        | "kello"
        | "klo"
        | "vecka"
        | "uke"
        | "uge"
        | "viikko"
        | "week"
        | "kr"
        | "sek"
        | "dkk"
        | "eur"
        | "euro" => Kw::NonId,
        _ => return None,
    };
    Some(kw)
}

/// Iterates over the words before `pos`, nearest first. A word is a run of
/// alphanumerics, `-` and `.` (so "pers.nr", "p-nr", "cpr-nr"), trimmed of
/// leading/trailing `-`/`.`; everything else in between is skipped.
pub(crate) struct WordsBefore<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> WordsBefore<'a> {
    pub fn new(text: &'a str, pos: usize) -> Self {
        Self { text, pos }
    }
}

impl<'a> Iterator for WordsBefore<'a> {
    /// (word, start byte)
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let head = &self.text[..self.pos];
        // Skip non-word chars.
        let mut end = head.len();
        for (i, c) in head.char_indices().rev() {
            if c.is_alphanumeric() {
                break;
            }
            end = i;
        }
        if end == 0 {
            self.pos = 0;
            return None;
        }
        let mut start = end;
        for (i, c) in head[..end].char_indices().rev() {
            if c.is_alphanumeric() || c == '-' || c == '.' {
                start = i;
            } else {
                break;
            }
        }
        self.pos = start;
        let word = head[start..end].trim_matches(|c| c == '-' || c == '.');
        let lead = head[start..end].len() - head[start..end].trim_start_matches(['-', '.']).len();
        Some((word, start + lead))
    }
}

/// The nearest keyword among the `max_words` words before `pos`, with its
/// distance in words (1 = the word right before). Stops at a word containing
/// a digit. Generic number words ("nr", "nummer") take the meaning of the
/// word before them ("pers nr" → identity, "konto nr" → not an identifier)
/// and otherwise count as phone words.
pub(crate) fn keyword_before(text: &str, pos: usize, max_words: usize) -> Option<(Kw, usize)> {
    let mut words = WordsBefore::new(text, pos);
    // Keywords are short: lower-case into stack buffers instead of allocating per word.
    let (mut buf, mut stem_buf) = ([0u8; KW_BUF], [0u8; KW_BUF]);
    for dist in 1..=max_words {
        let (w, _) = words.next()?;
        if w.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let Some(lw) = lower_into(w, "", &mut buf) else { continue };
        if let Some(k) = classify(lw) {
            return Some((k, dist));
        }
        if is_generic_number_word(lw) {
            if let Some((stem, _)) = words.next() {
                if let Some(k) = lower_into(stem, "", &mut stem_buf).and_then(classify) {
                    return Some((k, dist));
                }
                if let Some(k) = lower_into(stem, "nr", &mut stem_buf).and_then(classify) {
                    return Some((k, dist));
                }
            }
            return Some((Kw::Phone, dist));
        }
    }
    None
}

/// Longer words are never keywords.
pub(crate) const KW_BUF: usize = 48;

/// `w` lower-cased, followed by `suffix`, in `buf`; `None` when it does not fit (then it is no keyword).
pub(crate) fn lower_into<'b>(w: &str, suffix: &str, buf: &'b mut [u8; KW_BUF]) -> Option<&'b str> {
    // Most chat words are ASCII: copy and lower-case the bytes (what `to_lowercase` gives them), instead
    // of a Unicode case lookup per character.
    if w.is_ascii() && suffix.is_ascii() {
        let n = w.len() + suffix.len();
        if n > KW_BUF {
            return None;
        }
        buf[..w.len()].copy_from_slice(w.as_bytes());
        buf[..w.len()].make_ascii_lowercase();
        buf[w.len()..n].copy_from_slice(suffix.as_bytes());
        return std::str::from_utf8(&buf[..n]).ok();
    }
    let mut n = 0;
    for c in w.chars().flat_map(char::to_lowercase).chain(suffix.chars()) {
        let len = c.len_utf8();
        if n + len > KW_BUF {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// A currency or unit word right after `end` or a currency word right before
/// `start`: the number is an amount ("12 500 kr", "€ 12,90").
pub(crate) fn is_amount(text: &str, start: usize, end: usize) -> bool {
    const UNITS_AFTER: [&str; 13] =
        ["kr", "sek", "dkk", "nok", "eur", "€", "$", ":-", ",-", "%", "euro", "kronor", "kroner"];
    const UNITS_BEFORE: [&str; 7] = ["kr", "kr.", "€", "$", "sek", "dkk", "eur"];
    // Case-insensitive prefix/suffix tests without allocating (units are ASCII or single symbols).
    let starts_ci =
        |s: &str, u: &str| s.len() >= u.len() && s.is_char_boundary(u.len()) && s[..u.len()].eq_ignore_ascii_case(u);
    let after = text[end..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let unit_after = UNITS_AFTER
        .iter()
        .any(|u| starts_ci(after, u) && after[u.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
    if unit_after {
        return true;
    }
    let before = text[..start].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    UNITS_BEFORE.iter().any(|u| {
        before.len() >= u.len()
            && before.is_char_boundary(before.len() - u.len())
            && before[before.len() - u.len()..].eq_ignore_ascii_case(u)
            && before[..before.len() - u.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_separators() {
        let text = "a 12 500 kr, 2024-03-15 and 14.30; 1+2:3";
        let t: Vec<_> = number_tokens(text).collect();
        let spans: Vec<_> = t.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(spans, vec![(2, 8), (13, 23), (28, 33), (35, 40)]);
        let mut buf = [0; DIGITS_MAX];
        assert_eq!(t[1].digits_into(text, &mut buf), Some("20240315"));
        assert_eq!(
            (t[1].digits, t[1].groups, t[1].first_group, t[1].first_sep, t[1].plain_seps),
            (8, 3, 4, Some('-'), true)
        );
        assert_eq!((t[2].first_sep, t[2].plain_seps), (Some('.'), false));
        assert_eq!((t[3].groups, t[3].plain_seps), (3, false));
    }

    #[test]
    fn keeping_in_place_and_through_the_map_agree() {
        let cand = |start, end| Candidate {
            start,
            end,
            kind: super::super::Kind::Phone,
            evidence: super::super::Evidence::Shape,
        };
        // Priority order: a long span first, then spans that overlap it or each other.
        let ordered: Vec<Candidate> = (0..40).map(|i| cand((i * 7) % 50, (i * 7) % 50 + 1 + i % 5)).collect();
        for len in [0, 1, 2, 5, 16, 17, 40] {
            let mut small = vec![cand(900, 901)];
            small.extend_from_slice(&ordered[..len]);
            keep_non_overlapping(&mut small, 1);
            // The definition: greedy in order, then sorted by start.
            let mut want: Vec<Candidate> = Vec::new();
            for c in &ordered[..len] {
                if !want.iter().any(|k| k.start < c.end && c.start < k.end) {
                    want.push(*c);
                }
            }
            want.sort_by_key(|c| c.start);
            assert_eq!(small[0], cand(900, 901), "candidates before `base` stay");
            assert_eq!(&small[1..], &want[..], "{len} candidates");
        }
    }

    #[test]
    fn digit_runs_and_joined_digits() {
        assert!(has_digit_run(b"a 123456 b", 6) && !has_digit_run(b"12345 6", 6));
        let phone = b" -./()+";
        assert_eq!(joined_digits(b"070-123 45 67", 0, phone, 4, 99), 10);
        assert_eq!(joined_digits(b"070-123 45 67", 0, phone, 4, 7), 7, "stops at enough");
        assert_eq!(joined_digits(b"kl 14.30 idag", 3, phone, 4, 99), 4);
        assert_eq!(joined_digits(b"12     34", 0, phone, 4, 99), 2, "a gap longer than max_gap ends the run");
        assert_eq!(joined_digits(b"12 x 34", 0, phone, 4, 99), 2, "other bytes end the run");
    }

    #[test]
    fn joined_digit_groups() {
        assert_eq!(max_joined_digits(b"kl 14.30 i rum 12"), 4);
        assert_eq!(max_joined_digits(b"ring 070-123 45 67"), 10);
        assert_eq!(max_joined_digits(b"+46 (0)70 123"), 8);
        assert_eq!(max_joined_digits("12\u{a0}34\u{2013}56".as_bytes()), 6);
        assert_eq!(max_joined_digits(b"1 2 a 3"), 2, "a letter ends the group");
        assert_eq!(max_joined_digits(b"12     34"), 2, "so does a long gap");
        assert_eq!(max_joined_digits(b"no digits"), 0);
    }

    #[test]
    fn words_before() {
        let text = "Hans pers.nr: 123";
        let w: Vec<_> = WordsBefore::new(text, 14).map(|(w, _)| w).collect();
        assert_eq!(w, vec!["pers.nr", "Hans"]);
    }

    #[test]
    fn keyword_compounds() {
        assert_eq!(keyword_before("pers nr 1", 8, 3), Some((Kw::Id(Country::Se), 1)));
        assert_eq!(keyword_before("konto nr 1", 9, 3), Some((Kw::NonId, 1)));
        assert_eq!(keyword_before("nr 1", 3, 3), Some((Kw::Phone, 1)));
        assert_eq!(keyword_before("ring hennes dotter på 1", 22, 4), Some((Kw::Phone, 4)));
        assert_eq!(keyword_before("cpr 12 og 1", 10, 3), None);
    }

    #[test]
    fn amounts() {
        let t = "12 500 kr";
        assert!(is_amount(t, 0, 6));
        assert!(is_amount("€ 12,90", 4, 9));
        assert!(!is_amount("pnr 1 krona", 4, 5) && !is_amount("a 1 kran", 2, 3));
    }
}
