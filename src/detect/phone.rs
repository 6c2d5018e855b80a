//! Nordic phone numbers as people write them in chat (identifiers.md §5).
//!
//! A digit sequence is a phone number when it has
//! * an international prefix `+CC` / `00CC` (with an optional `(0)`), or
//! * separators typical of phones: Swedish/Finnish trunk numbers with an area
//!   code split off (`070-123 45 67`, `08-123 456 70`, `0303-123 45`,
//!   `(09) 123 4567`, `040 123 4567`, `070.123.45.67`), or Danish/Norwegian
//!   8-digit numbers in pairs or groups (`12 34 56 78`, `1234 5678`,
//!   `412 34 567`, also with `-` for pairs and 3-2-3), or
//! * a phone keyword (tel, tlf, mob, mobil, ring, ringer, nr, nummer, number,
//!   phone, puh, ...) among the four words before it, for a bare run
//!   (`0701234567`, `41234567`).
//!
//! A bare digit run without any of that is not a phone. A number introduced
//! by a non-identifier word (konto, order, rum, kod, kl, ...) is not a phone.
//! Phones are meant to be parsed BEFORE identity numbers: [`super::find_all`]
//! reports an overlap as the phone.
//!
//! Evidence: [`Evidence::Shape`] for prefix/separator shapes,
//! [`Evidence::Context`] when only the keyword makes it a phone.

use super::util::{Kw, digit_run_after, joined_digits, keyword_before, next_char};
use super::{Candidate, DetectCtx, Evidence, Kind};

/// How many words before the number may hold the phone keyword
/// ("ring hennes dotter på 0701234567").
const PHONE_KEYWORD_WORDS: usize = 4;

/// Known country codes with their national significant number lengths.
const COUNTRY_CODES: [(&str, usize, usize); 7] = [
    ("358", 6, 11), // FI: NSN 5-12 in libphonenumber; 6-11 in practice
    ("354", 7, 7),  // IS
    ("298", 6, 6),  // FO
    ("299", 6, 6),  // GL
    ("45", 8, 8),   // DK: closed 8-digit plan
    ("46", 7, 10),  // SE: NSN 7-9 (mobiles 9)
    ("47", 8, 8),   // NO: closed 8-digit plan
];

/// Groups read at most (a longer sequence fails the end check and is cut).
const MAX_GROUPS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Dash,
    SpacedDash,
    Dot,
    Slash,
    Paren,
}

/// Finds phone numbers in `text` and appends them to `out`.
pub fn find(text: &str, _ctx: &DetectCtx, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let may_start = match c {
            b'+' => b.get(i + 1).is_some_and(u8::is_ascii_digit),
            b'(' => b.get(i + 1) == Some(&b'0'),
            b'0'..=b'9' => true,
            _ => false,
        };
        if may_start
            && start_ok(text, i)
            && let Some((end, evidence)) = parse_at(text, i)
        {
            out.push(Candidate { start: i, end, kind: Kind::Phone, evidence });
            i = end;
            continue;
        }
        i += 1;
        if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
}

/// Nothing glued before the start: no letter or digit, and no `-`/`.`/`/`/
/// `,`/`:`/`+` with a digit before it. A plain space after a digit is fine
/// ("rum 2 070-123 45 67").
fn start_ok(text: &str, i: usize) -> bool {
    let mut it = text[..i].chars().rev();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '@' || c == '+' => false,
        Some('-' | '.' | '/' | ',' | ':' | '\u{2013}') => !matches!(it.next(), Some(d) if d.is_ascii_digit()),
        Some(_) => true,
    }
}

/// The digit groups of one candidate number and the separators between them (`seps[k]` follows
/// `groups[k]`), in fixed arrays: at most [`MAX_GROUPS`] plus an area code in brackets.
#[derive(Debug, Clone, Copy)]
struct Groups {
    groups: [(usize, usize); MAX_GROUPS + 1],
    seps: [Sep; MAX_GROUPS + 1],
    len: usize,
}

impl Groups {
    fn new() -> Groups {
        Groups { groups: [(0, 0); MAX_GROUPS + 1], seps: [Sep::Space; MAX_GROUPS + 1], len: 0 }
    }

    fn push(&mut self, group: (usize, usize)) {
        self.groups[self.len] = group;
        self.len += 1;
    }

    /// The separator after the last group.
    fn push_sep(&mut self, sep: Sep) {
        self.seps[self.len - 1] = sep;
    }

    fn groups(&self) -> &[(usize, usize)] {
        &self.groups[..self.len]
    }

    /// Separators between the groups (one fewer than the groups).
    fn seps(&self) -> &[Sep] {
        &self.seps[..self.len.saturating_sub(1)]
    }
}

/// Appends the digit groups starting at `p` (and the separators between them) to `out`.
fn parse_groups(text: &str, mut p: usize, out: &mut Groups) {
    let b = text.as_bytes();
    // Phones have at most six groups; the cap keeps long digit lists linear.
    for _ in 0..MAX_GROUPS {
        let s = p;
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        if p == s {
            break;
        }
        out.push((s, p));
        let rest = &text[p..];
        let (sep, len) = if rest.starts_with(" - ") {
            (Sep::SpacedDash, 3)
        } else {
            match rest.chars().next() {
                Some(' ' | '\u{a0}') => (Sep::Space, rest.chars().next().map_or(1, char::len_utf8)),
                Some('-') => (Sep::Dash, 1),
                Some('.') => (Sep::Dot, 1),
                Some('/') => (Sep::Slash, 1),
                _ => break,
            }
        };
        if b.get(p + len).is_some_and(u8::is_ascii_digit) {
            out.push_sep(sep);
            p += len;
        } else {
            break;
        }
    }
}

/// Nothing glued after the end: no letter, no digit, no separator+digit.
fn end_ok(text: &str, end: usize) -> bool {
    !next_char(text, end).is_some_and(|c| c.is_alphanumeric() || c == '@') && !digit_run_after(text, end)
}

/// Bytes that may stand between the digit groups of a phone number: the separators of [`parse_groups`],
/// the `+`, `(0)` and `(08)` of prefixes and area codes, and the no-break space (`C2 A0`).
const PHONE_GAP_BYTES: &[u8] = b" -./()+\xC2\xA0";

/// The fewest digits any accepted phone has (a closed 8-digit plan, a trunk number of 8, a `+` with a
/// one-digit country code and six more).
const PHONE_MIN_DIGITS: usize = 7;

/// Tries the longest acceptable phone starting at `i`.
fn parse_at(text: &str, i: usize) -> Option<(usize, Evidence)> {
    // Times, rooms, dates and amounts are too short to be phones: skip them before the keyword look-back.
    if joined_digits(text.as_bytes(), i, PHONE_GAP_BYTES, 4, PHONE_MIN_DIGITS) < PHONE_MIN_DIGITS {
        return None;
    }
    let kw = keyword_before(text, i, PHONE_KEYWORD_WORDS);
    if matches!(kw, Some((Kw::NonId, _))) {
        return None;
    }
    let phone_kw = matches!(kw, Some((Kw::Phone, _)));
    let b = text.as_bytes();

    // International prefix.
    let intl = if b[i] == b'+' {
        Some(i + 1)
    } else if text[i..].starts_with("00") && COUNTRY_CODES.iter().any(|(cc, ..)| text[i + 2..].starts_with(cc)) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(p) = intl {
        return parse_international(text, p, b[i] == b'+');
    }

    // National: optional "(0x)" area code.
    let mut grp = Groups::new();
    let mut p = i;
    if b[i] == b'(' {
        let close = text[i..].find(')')? + i;
        let area = &text[i + 1..close];
        if !(2..=4).contains(&area.len()) || !area.starts_with('0') || !area.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        grp.push((i + 1, close));
        grp.push_sep(Sep::Paren);
        p = close + 1;
        if b.get(p) == Some(&b' ') {
            p += 1;
        }
        if !b.get(p).is_some_and(u8::is_ascii_digit) {
            return None;
        }
    }
    parse_groups(text, p, &mut grp);
    let (groups, seps) = (grp.groups(), grp.seps());
    if groups.is_empty() {
        return None;
    }
    for k in cut_points(text, groups, seps) {
        let end = groups[k - 1].1;
        if let Some(e) = national_shape(text, &groups[..k], &seps[..k - 1], phone_kw) {
            return Some((end, e));
        }
    }
    None
}

fn parse_international(text: &str, p: usize, plus: bool) -> Option<(usize, Evidence)> {
    let b = text.as_bytes();
    let mut run_end = p;
    while run_end < b.len() && b[run_end].is_ascii_digit() {
        run_end += 1;
    }
    let run = &text[p..run_end];
    let (cc_len, min, max) = if let Some(&(cc, min, max)) = COUNTRY_CODES.iter().find(|(cc, ..)| run.starts_with(cc)) {
        (cc.len(), min, max)
    } else if plus && (1..=3).contains(&run.len()) {
        (run.len(), 6, 12)
    } else if plus && (8..=15).contains(&run.len()) {
        // Unknown country, written without separators: E.164 length.
        return end_ok(text, run_end).then_some((run_end, Evidence::Shape));
    } else {
        return None;
    };
    let mut q = p + cc_len;
    if matches!(b.get(q), Some(b' ' | b'-')) {
        q += 1;
    }
    if text[q..].starts_with("(0)") {
        q += 3;
        if b.get(q) == Some(&b' ') {
            q += 1;
        }
    }
    if !b.get(q).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut grp = Groups::new();
    parse_groups(text, q, &mut grp);
    let (groups, seps) = (grp.groups(), grp.seps());
    for k in cut_points(text, groups, seps) {
        let end = groups[k - 1].1;
        let mut n: usize = groups[..k].iter().map(|(s, e)| e - s).sum();
        // "+46 070-…": a trunk 0 written after the country code.
        if b[groups[0].0] == b'0' {
            n -= 1;
        }
        if (min..=max).contains(&n) {
            return Some((end, Evidence::Shape));
        }
    }
    None
}

/// The numbers of leading digit groups (longest first) at which a phone number may end: only at a space
/// between groups (the rest is another number or a count), or after the last group when nothing is glued
/// to it.
fn cut_points<'a>(text: &'a str, groups: &'a [(usize, usize)], seps: &'a [Sep]) -> impl Iterator<Item = usize> + 'a {
    let n = groups.len();
    (1..=n).rev().filter(move |&k| if k < n { seps[k - 1] == Sep::Space } else { end_ok(text, groups[k - 1].1) })
}

/// `dd mm yyyy`-like triple: a date, not a phone.
fn date_like(text: &str, g: &[(usize, usize)]) -> bool {
    let v = |i: usize| text[g[i].0..g[i].1].parse::<u32>().unwrap_or(0);
    let lens = |i: usize| g[i].1 - g[i].0;
    g.len() == 3
        && (lens(0), lens(1), lens(2)) == (2, 2, 4)
        && ((v(0) <= 31 && v(1) <= 12) || (v(0) <= 12 && v(1) <= 31))
        && (1800..=2100).contains(&v(2))
}

/// Shape rules for numbers without an international prefix.
fn national_shape(text: &str, g: &[(usize, usize)], seps: &[Sep], phone_kw: bool) -> Option<Evidence> {
    let mut lens_buf = [0usize; MAX_GROUPS + 1];
    for (l, (s, e)) in lens_buf.iter_mut().zip(g) {
        *l = e - s;
    }
    let lens = &lens_buf[..g.len()];
    let total: usize = lens.iter().sum();
    let first = text.as_bytes()[g[0].0];
    let kw_fallback = || {
        (phone_kw && seps.iter().all(|s| matches!(s, Sep::Space | Sep::Dash | Sep::Dot | Sep::Slash | Sep::Paren)))
            .then_some(Evidence::Context)
    };
    if first == b'0' {
        // SE/FI numbers with trunk 0: 8-11 digits in all.
        if !(8..=11).contains(&total) || text[g[0].0..].starts_with("00") {
            return None;
        }
        if g.len() == 1 || date_like(text, g) {
            return if g.len() == 1 { kw_fallback() } else { None };
        }
        let all_dots = seps.iter().all(|s| *s == Sep::Dot);
        let seps_ok = all_dots
            || (matches!(seps[0], Sep::Space | Sep::Dash | Sep::SpacedDash | Sep::Slash | Sep::Paren)
                && seps[1..].iter().all(|s| matches!(s, Sep::Space | Sep::Dash)));
        let groups_ok = (2..=4).contains(&lens[0])
            && if g.len() == 2 { (5..=8).contains(&lens[1]) } else { lens[1..].iter().all(|l| (2..=4).contains(l)) };
        if seps_ok && groups_ok { Some(Evidence::Shape) } else { kw_fallback() }
    } else {
        // DK/NO closed 8-digit plans.
        if total != 8 {
            return None;
        }
        if g.len() == 1 {
            return kw_fallback();
        }
        let same = seps.iter().all(|s| *s == seps[0]);
        let shape = same
            && match lens {
                [2, 2, 2, 2] | [3, 2, 3] => matches!(seps[0], Sep::Space | Sep::Dash),
                [4, 4] => {
                    let year =
                        |r: (usize, usize)| text[r.0..r.1].parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
                    seps[0] == Sep::Space && !(year(g[0]) && year(g[1]))
                }
                _ => false,
            };
        if shape { Some(Evidence::Shape) } else { kw_fallback() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTX: DetectCtx = DetectCtx { today_year: 2026, today_month: 6, today_day: 15 };

    fn phones(text: &str) -> Vec<(&str, Evidence)> {
        let mut out = Vec::new();
        find(text, &CTX, &mut out);
        out.iter().map(|c| (&text[c.start..c.end], c.evidence)).collect()
    }

    fn one(text: &str, want: &str) {
        let got = phones(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(got[0].0, want, "{text:?}");
    }

    #[test]
    fn swedish_shapes() {
        for p in [
            "070-123 45 67",
            "08-123 456 78",
            "08-123 456 70",
            "031-12 34 56",
            "0303-123 45",
            "070 123 45 67",
            "0701-23 45 67",
            "070-1234567",
            "070.123.45.67",
            "08/123 45 67",
            "+46 70 123 45 67",
            "+46 (0)70-123 45 67",
            "0046 70 123 45 67",
            "+46701234567",
        ] {
            one(&format!("Ring {p}, tack."), p);
            one(&format!("tillgänglig på {p}"), p);
        }
    }

    #[test]
    fn danish_norwegian_finnish_shapes() {
        for p in [
            "12 34 56 78",
            "22 12 34 56",
            "1234 5678",
            "412 34 567",
            "41 23 45 67",
            "+45 12 34 56 78",
            "0045 12345678",
            "+47 412 34 567",
            "040 123 4567",
            "040-123 4567",
            "09 123 4567",
            "(09) 123 4567",
            "+358 40 123 4567",
            "+358 (0)40 123 4567",
        ] {
            one(&format!("hun er på {p} i dag"), p);
        }
    }

    #[test]
    fn bare_runs_need_keyword() {
        assert!(phones("0701234567").is_empty());
        assert!(phones("se 41234567 ok").is_empty());
        one("tel 0701234567", "0701234567");
        one("mob: 41234567", "41234567");
        one("ring hennes dotter på 0701234567", "0701234567");
        one("puh. 0401234567", "0401234567");
        assert_eq!(phones("tlf 41234567")[0].1, Evidence::Context);
        assert_eq!(phones("070-123 45 67")[0].1, Evidence::Shape);
    }

    #[test]
    fn id_keywords_do_not_make_phones() {
        assert!(phones("pers nr 0101651234").is_empty());
        assert!(phones("cpr nr 0101651234").is_empty());
        assert!(phones("kontonr 1234 5678").is_empty());
        assert!(phones("order nr 12345678").is_empty());
    }

    #[test]
    fn not_phones() {
        for t in [
            "kl 14:30",
            "14.30",
            "2024-03-15",
            "15/3-24",
            "12 500 kr",
            "1.234,00 kr",
            "01.02.2024",
            "01-02-2024",
            "08.00-16.00",
            "kl 08.00 - 16.00",
            "1234.56.78903",
            "lokale 2.14",
            "portkod 1924",
            "450312-1234",
            "19450312-1234",
            "202403151430",
            "mellan 2019 2020",
            "121212+1212",
            "rum 12 34 56 78",
        ] {
            assert!(phones(t).is_empty(), "{t:?}: {:?}", phones(t));
        }
    }

    #[test]
    fn two_numbers_in_a_row_and_trailing_counts() {
        let got = phones("070-123 45 67 08-123 45 67");
        assert_eq!(got.len(), 2, "{got:?}");
        one("+45 12 34 56 78 42 år", "+45 12 34 56 78");
        one("rum 2 070-123 45 67", "070-123 45 67");
    }
}
