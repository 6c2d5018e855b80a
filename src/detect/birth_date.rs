//! Dates of birth introduced by a birth keyword.
//!
//! Keywords (case-insensitive, whole word): `född`, `föddes`, `födelsedatum`,
//! `födelsedag`, `født`, `fødd`, `fødte`, `fødselsdato`, `fødselsdag`, `f.`,
//! `born`, `b.`, `dob`, `date of birth`, `birthdate`, `birthday`, `syntynyt`,
//! `syntyi`, `syntymäaika`, `syntymäpäivä`, `s.`; optionally followed by `:` and one filler
//! word (`den`, `i`, `in`, `on`, `år`, `the`, `vuonna`). Dates: `12/3 1938`,
//! `12.03.38`, `12-03-1938`, `12/3-38`, `1938-03-12`, `12 mars 1938`,
//! `12. maaliskuuta 1938`, or a bare year 1870..=today (`f. 1938`,
//! `(f. 1931)`, `født i 1931`).
//!
//! The span covers the date only (not the keyword), so "född 12/3 1938"
//! reports `12/3 1938`. Evidence is [`Evidence::Context`]. Dates must be
//! real and not in the future; four-digit years must lie in 1870..=today.

use std::sync::LazyLock;

use regex::{CaptureLocations, Regex};

use super::util::{digit_run_after, valid_past_date};
use super::{Candidate, DetectCtx, Evidence, Kind};

const MONTHS: &str = "jan(?:uari|uary|uar)?|feb(?:ruari|ruary|ruar)?|mar(?:s|ch|ts)?|apr(?:il)?|maj|may|mai|jun(?:i|e)?|jul(?:i|y)?|aug(?:usti|ust)?|sep(?:t|tember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|des(?:ember)?|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta";

static BIRTH_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pat = format!(
        r"(?i)(?:född|föddes|födelsedatum|födelsedag|født|fødd|fødte|fødselsdato|fødselsdag|f\.|born|b\.|dob|d\.o\.b\.|date of birth|birthdate|birthday|syntynyt|syntyi|syntymäaika|syntymäpäivä|s\.):?[ \t]*(?:(?:den|i|in|on|år|the|vuonna)[ \t]+)?(?:(?P<by>[0-9]{{4}})-(?P<bm>[0-9]{{2}})-(?P<bd>[0-9]{{2}})|(?P<ad>[0-9]{{1,2}})[./-](?P<am>[0-9]{{1,2}})(?:[./-][ ]?|[ ])(?P<ay>[0-9]{{4}}|[0-9]{{2}})|(?P<cd>[0-9]{{1,2}})\.?[ ](?P<cm>{MONTHS})\.?[ ](?P<cy>[0-9]{{4}})|(?P<dy>(?:18|19|20)[0-9]{{2}}))"
    );
    Regex::new(&pat).expect("valid birth-date regex")
});

/// Stems of every keyword `BIRTH_RE` starts with, in both cases where a Nordic letter is involved
/// (ASCII letters are compared case-insensitively).
static BIRTH_KEYWORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "född", "FÖDD", "föd", "FÖD", "født", "FØDT", "fødd", "FØDD", "føds", "FØDS", "born", "dob", "d.o.b",
            "birth", "syntyn", "syntyi", "syntym", "SYNTYM", "f.", "b.", "s.",
        ])
        .expect("valid keyword automaton")
});

/// A cheap prefilter for [`BIRTH_RE`]: a keyword stem, and for the one-letter abbreviations (`f.`, `b.`,
/// `s.`) not inside a word.
fn may_have_birth_keyword(text: &str) -> bool {
    BIRTH_KEYWORDS.find_iter(text).any(|m| m.end() - m.start() > 2 || !word_before(text, m.start()))
}

/// A word character (as the regex's `\b` counts them: letters, digits, marks, `_`) ends right before byte
/// `at`: a keyword starting there is inside a word.
fn word_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(regex_syntax::is_word_character)
}

/// The digit shapes of the dates `BIRTH_RE` reads: a run of four digits (`1938`, `1938-03-12`,
/// `12 mars 1938`), or day, month and year as `d.m.yy` (one or two digits, one of `./-`, one or two
/// digits, then `./-` with an optional space, or a space, then at least two digits: `3.4.38`, `12/3 1938`,
/// `12/3-38`). A necessary condition, checked from digit to digit: times, weeks and room numbers (`13.45`,
/// `uke 37`) have neither shape, so the keyword automaton runs far less often.
fn has_date_digits(text: &str) -> bool {
    let b = text.as_bytes();
    let run = |at: usize| b.get(at..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let sep = |at: usize| matches!(b.get(at), Some(b'.' | b'/' | b'-'));
    let mut i = 0;
    while let Some(day) = super::util::next_digit(b, i) {
        let day_len = run(day);
        if day_len >= 4 {
            return true;
        }
        i = day + day_len;
        if day_len > 2 || !sep(i) {
            continue;
        }
        let month_len = run(i + 1);
        if !(1..=2).contains(&month_len) {
            continue;
        }
        let mut year = i + 1 + month_len;
        if sep(year) {
            year += 1 + usize::from(b.get(year + 1) == Some(&b' '));
        } else if b.get(year) == Some(&b' ') {
            year += 1;
        } else {
            continue;
        }
        if run(year) >= 2 {
            return true;
        }
    }
    false
}

fn month_number(name: &str) -> Option<u32> {
    // `name` starts with `p`, ignoring case (compared by characters: no lower-cased copy).
    let starts = |p: &str| {
        let mut n = name.chars().flat_map(char::to_lowercase);
        p.chars().all(|c| n.next() == Some(c))
    };
    let table: [(&[&str], u32); 12] = [
        (&["jan", "tammi"], 1),
        (&["feb", "helmi"], 2),
        (&["mar", "maalis"], 3),
        (&["apr", "huhti"], 4),
        (&["maj", "may", "mai", "touko"], 5),
        (&["jun", "kesä"], 6),
        (&["jul", "heinä"], 7),
        (&["aug", "elo"], 8),
        (&["sep", "syys"], 9),
        (&["okt", "oct", "loka"], 10),
        (&["nov", "marras"], 11),
        (&["dec", "des", "joulu"], 12),
    ];
    table.iter().find(|(p, _)| p.iter().any(|p| starts(p))).map(|(_, m)| *m)
}

/// The capture groups of [`BIRTH_RE`], by number (a unit test checks them against the names): the
/// detector reads them from reused [`CaptureLocations`], which allocate nothing per match.
mod group {
    pub const BY: usize = 1;
    pub const BM: usize = 2;
    pub const BD: usize = 3;
    pub const AD: usize = 4;
    pub const AM: usize = 5;
    pub const AY: usize = 6;
    pub const CD: usize = 7;
    pub const CM: usize = 8;
    pub const CY: usize = 9;
    pub const DY: usize = 10;
}

/// The date's span and whether it is plausible as a birth date.
fn check(c: &CaptureLocations, text: &str, ctx: &DetectCtx) -> Option<(usize, usize)> {
    use group::*;
    let today = u32::from(ctx.today_year);
    let s = |i: usize| c.get(i).map(|(s, e)| &text[s..e]);
    let n = |i: usize| s(i).and_then(|v| v.parse::<u32>().ok());
    let year4 = |y: u32| (1870..=today).contains(&y);
    let span = |first: usize, last: usize| Some((c.get(first)?.0, c.get(last)?.1));
    if let (Some(y), Some(m), Some(d)) = (n(BY), n(BM), n(BD)) {
        return (year4(y) && valid_past_date(y, m, d, ctx)).then_some(()).and_then(|()| span(BY, BD));
    }
    if let (Some(d), Some(m), Some(y)) = (n(AD), n(AM), s(AY)) {
        let yv: u32 = y.parse().ok()?;
        let ok = if y.len() == 4 {
            year4(yv) && valid_past_date(yv, m, d, ctx)
        } else {
            // Two-digit year: take a leap year so 29/2 is allowed.
            valid_past_date(2000, m, d, &DetectCtx { today_year: 9999, ..*ctx })
        };
        return ok.then_some(()).and_then(|()| span(AD, AY));
    }
    if let (Some(d), Some(mn), Some(y)) = (n(CD), s(CM), n(CY)) {
        let m = month_number(mn)?;
        return (year4(y) && valid_past_date(y, m, d, ctx)).then_some(()).and_then(|()| span(CD, CY));
    }
    let y = n(DY)?;
    year4(y).then_some(()).and_then(|()| span(DY, DY))
}

/// Could [`find`] find a birth date in `text`: date digits and a birth keyword?
pub(crate) fn may_find(text: &str) -> bool {
    has_date_digits(text) && may_have_birth_keyword(text)
}

/// Finds birth dates in `text` and appends them to `out`
/// ([`Kind::BirthDate`], [`Evidence::Context`]).
pub fn find(text: &str, ctx: &DetectCtx, out: &mut Vec<Candidate>) {
    find_with(text, ctx, &mut None, out);
}

/// [`find`] with the caller's capture slots, made on first use and reused after, so that a found date
/// allocates nothing.
pub(crate) fn find_with(text: &str, ctx: &DetectCtx, locs: &mut Option<CaptureLocations>, out: &mut Vec<Candidate>) {
    // The birth-date regex is large and case-insensitive: run it (and compile it) only when a birth
    // keyword is there at all.
    if !may_find(text) {
        return;
    }
    let locs = locs.get_or_insert_with(|| BIRTH_RE.capture_locations());
    let mut from = 0;
    while let Some(m) = BIRTH_RE.captures_read_at(locs, text, from) {
        // The keyword starts a word. `\b` in the regex would say so, but on a text with a non-ASCII
        // letter it makes the regex's lazy DFA give up (allocating an error) before another engine takes
        // over. A keyword inside a word is skipped, and the search goes on from the character after its
        // start, as the regex with `\b` would have.
        if word_before(text, m.start()) {
            from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        from = m.end();
        if let Some((start, end)) = accept(locs, text, ctx) {
            out.push(Candidate { start, end, kind: Kind::BirthDate, evidence: Evidence::Context });
        }
    }
}

/// The date of a match, when [`check`] finds it plausible and no digit, letter or digit group goes on
/// right after it.
fn accept(c: &CaptureLocations, text: &str, ctx: &DetectCtx) -> Option<(usize, usize)> {
    let (start, end) = check(c, text, ctx)?;
    let glued = digit_run_after(text, end) || text[end..].chars().next().is_some_and(char::is_alphanumeric);
    (!glued).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        let ctx = DetectCtx { today_year: 2026, today_month: 6, today_day: 15 };
        let mut out = Vec::new();
        find(text, &ctx, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn group_numbers_are_the_regex_names() {
        use group::*;
        let names: Vec<_> = BIRTH_RE.capture_names().collect();
        for (name, i) in [("by", BY), ("bm", BM), ("bd", BD), ("ad", AD), ("am", AM), ("ay", AY)].into_iter().chain([
            ("cd", CD),
            ("cm", CM),
            ("cy", CY),
            ("dy", DY),
        ]) {
            assert_eq!(names[i], Some(name), "group {i}");
        }
        assert_eq!(names.len(), 11);
    }

    #[test]
    fn times_weeks_and_rooms_have_no_date_shape() {
        for t in ["född kl 13.45", "f. uke 37", "born in room 112", "b. 7.45 and 10.30", "12/3", "1.2.3"] {
            assert!(!has_date_digits(t), "{t}");
        }
        for t in ["1938", "3.4.38", "12/3 1938", "12/3-38", "12.03. 38", "x 1938-03-12"] {
            assert!(has_date_digits(t), "{t}");
        }
    }

    proptest::proptest! {
        /// The digit-shape gate never hides a birth date: wherever the regex matches, the gate is open.
        #[test]
        fn date_digit_gate_never_hides_a_match(parts in proptest::collection::vec(proptest::sample::select(vec![
            "född ", "f. ", "born ", "DOB: ", "den ", "i ", "1", "12", "3", "38", "1938", "2001", "19385", ".", "/",
            "-", " ", ". ", "mars ", "kl ", "x",
        ]), 0..12)) {
            let t: String = parts.concat();
            proptest::prop_assert!(!BIRTH_RE.is_match(&t) || has_date_digits(&t), "{}", t);
        }
    }

    #[test]
    fn birth_dates() {
        assert_eq!(dates("Hon är född 12/3 1938."), ["12/3 1938"]);
        assert_eq!(dates("Astrid (f. 1931) ringde"), ["1931"]);
        assert_eq!(dates("Hun er født 12.03.38 og"), ["12.03.38"]);
        assert_eq!(dates("f. 1938"), ["1938"]);
        assert_eq!(dates("born 1938 in Leeds"), ["1938"]);
        assert_eq!(dates("Mr Smith, b. 1938"), ["1938"]);
        assert_eq!(dates("født i 1931"), ["1931"]);
        assert_eq!(dates("Född den 12 mars 1938"), ["12 mars 1938"]);
        assert_eq!(dates("syntynyt 12. maaliskuuta 1938"), ["12. maaliskuuta 1938"]);
        assert_eq!(dates("född: 1938-03-12"), ["1938-03-12"]);
        assert_eq!(dates("født 12/3-38"), ["12/3-38"]);
        assert_eq!(dates("Hon föddes 1938 i Malmö"), ["1938"]);
        assert_eq!(dates("Födelsedatum 1938-03-12"), ["1938-03-12"]);
        assert_eq!(dates("DOB: 12/03/1938"), ["12/03/1938"]);
    }

    /// [`BIRTH_RE`] with the `\b` before the keyword that the detector tests by hand.
    static BOUNDED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("(?i)\\b{}", &BIRTH_RE.as_str()["(?i)".len()..])).unwrap());

    proptest::proptest! {
        /// Skipping a keyword that does not start a word finds what the regex with `\b` finds, next to
        /// ASCII and non-ASCII letters, digits, `_` and marks.
        #[test]
        fn keyword_start_equals_word_boundary(parts in proptest::collection::vec(proptest::sample::select(vec![
            "född ", "FØDT ", "f.", "F. ", "b. ", "born ", "s.", "ref", "blå", "å", "é", "\u{301}", "_", "x", "1",
            " ", "1938", "12/3 ", "3 mars ", ". ", "den ", "12.03.38", ",",
        ]), 0..10)) {
            let t: String = parts.concat();
            let ctx = DetectCtx { today_year: 2026, today_month: 6, today_day: 15 };
            let mut locs = BOUNDED.capture_locations();
            let mut want = Vec::new();
            let mut from = 0;
            while let Some(m) = BOUNDED.captures_read_at(&mut locs, &t, from) {
                from = m.end();
                want.extend(accept(&locs, &t, &ctx));
            }
            let mut got = Vec::new();
            find(&t, &ctx, &mut got);
            let got: Vec<_> = got.iter().map(|c| (c.start, c.end)).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", t);
        }
    }

    #[test]
    fn not_birth_dates() {
        for t in [
            "ref. 1938",
            "blåf. 1938",
            "nyfødd 12.03.38",
            "x_född 1938",
            "e\u{301}f. 1938",
            "född 2099",
            "f. 1938123",
            "född 31/2 1938",
            "kl 14.30",
            "1938",
            "f.d. 1938-talet",
        ] {
            assert!(dates(t).is_empty(), "{t}: {:?}", dates(t));
        }
    }
}
