//! Cross-detector tests through [`find_all`]: false-positive traps, mixed
//! messages, and property tests (embedding, mutation, fuzz).
//!
//! Valid numbers are generated here from the published algorithms
//! (identifiers.md §1–§4), independently of the validators under test.

use proptest::prelude::*;

use super::national_id::{dk_cpr_date_valid, dk_cpr_mod11_valid, fi_hetu_kind, se_personnummer_kind};
use super::util::keyword_before;
use super::{Candidate, DetectCtx, Evidence, Kind, find_all};

const CTX: DetectCtx = DetectCtx { today_year: 2026, today_month: 6, today_day: 15 };

fn run(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    find_all(text, &CTX, &mut out);
    out
}

fn show(text: &str) -> Vec<(&str, Kind, Evidence)> {
    run(text).into_iter().map(|c| (&text[c.start..c.end], c.kind, c.evidence)).collect()
}

fn is_id(kind: Kind) -> bool {
    !matches!(kind, Kind::Phone | Kind::Email | Kind::StreetAddress | Kind::Postcode | Kind::BirthDate)
}

// --- generators (published algorithms) -------------------------------------

/// Luhn check digit over 9 digits, weights 2,1,2,... (identifiers.md §1.1).
fn luhn_digit(nine: &str) -> u32 {
    let s: u32 = nine
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let v = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            if v > 9 { v - 9 } else { v }
        })
        .sum();
    (10 - s % 10) % 10
}

fn se_ten(yy: u32, m: u32, d: u32, serial: u32) -> String {
    let nine = format!("{yy:02}{m:02}{d:02}{serial:03}");
    format!("{nine}{}", luhn_digit(&nine))
}

/// CPR mod-11 completion (identifiers.md §2); `None` if the digit were 10.
fn dk_complete(nine: &str) -> Option<String> {
    let w = [4, 3, 2, 7, 6, 5, 4, 3, 2];
    let s: u32 = nine.bytes().zip(w).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let c = (11 - s % 11) % 11;
    (c < 10).then(|| format!("{nine}{c}"))
}

/// Norwegian K1/K2, classic formula (identifiers.md §3).
fn no_complete(nine: &str) -> Option<String> {
    let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let mut d: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
    let k = |s: u32| match 11 - s % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    };
    let k1 = k(d.iter().zip(w1).map(|(a, b)| a * b).sum())?;
    d.push(k1);
    let k2 = k(d.iter().zip(w2).map(|(a, b)| a * b).sum())?;
    Some(format!("{nine}{k1}{k2}"))
}

/// A 2032-rule number (identifiers.md §3, Skatteetaten `nyttfnr2032.md`):
/// K1 such that (Σ d·w1 + K1) mod 11 = `residue` (1–3), K2 classic.
fn no_complete_2032(nine: &str, residue: u32) -> Option<String> {
    let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let mut d: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
    let s1: u32 = d.iter().zip(w1).map(|(a, b)| a * b).sum();
    let k1 = (residue + 11 - s1 % 11) % 11;
    if k1 > 9 {
        return None;
    }
    d.push(k1);
    let k2 = match 11 - d.iter().zip(w2).map(|(a, b)| a * b).sum::<u32>() % 11 {
        11 => 0,
        10 => return None,
        k => k,
    };
    Some(format!("{nine}{k1}{k2}"))
}

/// HETU check character (identifiers.md §4).
fn hetu_char(ddmmyy: &str, zzz: &str) -> char {
    let n: u64 = format!("{ddmmyy}{zzz}").parse().expect("digits");
    char::from(b"0123456789ABCDEFHJKLMNPRSTUVWXY"[(n % 31) as usize])
}

// --- chat text strategy ----------------------------------------------------

const VOCAB: &[&str] = &[
    "hej", "hon", "mår", "bra", "idag", "vi", "ses", "imorgon", "tack", "og", "hun", "har", "det", "fint", "kiitos",
    "hyvä", "päivä", "the", "patient", "slept", "well", "Åsa", "Jørgen", "Päivi", "ja", "nej", "också", "även", "pga",
    "lugn", "natt", "søvn", "mat", "æble", "Ödön", "😀", "👍🏽", "❤️", "🙈", "…", "—", "«", "»", "¿", "ß", "中文", "é",
];

fn chat_word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(VOCAB).prop_map(str::to_string),
        2 => "[a-zA-ZåäöÅÄÖæøÆØüé]{1,9}".prop_filter("not a keyword", |w| {
            keyword_before(w, w.len(), 1).is_none()
        }),
    ]
}

fn chat_text() -> impl Strategy<Value = String> {
    let sep = proptest::sample::select(&[" ", " ", " ", ", ", ". ", "! ", "? ", "\n", " - ", " (", ") "][..]);
    proptest::collection::vec((chat_word(), sep), 0..8).prop_map(|v| {
        let mut s = String::new();
        for (w, sep) in v {
            s.push_str(&w);
            s.push_str(sep);
        }
        s
    })
}

/// Left and right delimiters around the embedded number.
fn left_delim() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&[" ", "\n", "(", " \"", ": ", " «", "👉 ", "\u{a0}"][..])
}
fn right_delim() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&[" ", ".", ",", "!", ")", "\n", "?", "\" ", " 😀", ";"][..])
}

/// Embeds `number` and checks it is found with exact offsets and `kind`,
/// and that nothing else overlaps it.
fn assert_found(prefix: &str, l: &str, number: &str, r: &str, suffix: &str, kind: Kind) -> Result<(), TestCaseError> {
    let text = format!("{prefix}{l}{number}{r}{suffix}");
    let start = prefix.len() + l.len();
    let end = start + number.len();
    let out = run(&text);
    let hits: Vec<_> = out.iter().filter(|c| c.start < end && start < c.end).collect();
    prop_assert_eq!(hits.len(), 1, "{:?} in {:?}: {:?}", number, text, out);
    prop_assert_eq!((hits[0].start, hits[0].end, hits[0].kind), (start, end, kind), "{:?}", text);
    Ok(())
}

fn date() -> impl Strategy<Value = (u32, u32, u32)> {
    (1900u32..=2015, 1u32..=12, 1u32..=28)
}

// --- property tests ----------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn se_valid_numbers_are_found(
        (y, m, d) in date(),
        coord in any::<bool>(),
        serial in 1u32..=999,
        form in 0usize..7,
        prefix in chat_text(), l in left_delim(), r in right_delim(), suffix in chat_text(),
    ) {
        let day = if coord { d + 60 } else { d };
        let ten = se_ten(y % 100, m, day, serial);
        let number = match form {
            0 => format!("{}-{}", &ten[..6], &ten[6..]),
            1 => ten.clone(),
            2 => format!("{} {}", &ten[..6], &ten[6..]),
            3 => format!("{}+{}", &ten[..6], &ten[6..]),
            4 => format!("{}{}-{}", y / 100, &ten[..6], &ten[6..]),
            5 => format!("{}{}", y / 100, ten),
            _ => format!("{}{} {}", y / 100, &ten[..6], &ten[6..]),
        };
        // A DDMMYY-NNNC string that is also a valid HETU is reported as FI.
        prop_assume!(!matches!(form, 0 | 3) || fi_hetu_kind(&number, &CTX).is_none());
        let kind = if coord { Kind::SeSamordningsnummer } else { Kind::SePersonnummer };
        assert_found(&prefix, l, &number, r, &suffix, kind)?;
    }

    #[test]
    fn dk_valid_numbers_are_found(
        (y, m, d) in (1858u32..=2025, 1u32..=12, 1u32..=28),
        pick in 0u32..100,
        rest in 0u32..1000,
        form in 0usize..3,
        prefix in chat_text(), l in left_delim(), r in right_delim(), suffix in chat_text(),
    ) {
        // Digit 7 consistent with the century table (identifiers.md §2).
        let yy = y % 100;
        let options: Vec<u32> = (0..10).filter(|&d7| {
            let year = match d7 {
                4 | 9 if yy <= 36 => 2000 + yy,
                5..=8 if yy <= 57 => 2000 + yy,
                5..=8 => 1800 + yy,
                _ => 1900 + yy,
            };
            year == y
        }).collect();
        prop_assume!(!options.is_empty());
        let d7 = options[(pick as usize) % options.len()];
        let nine = format!("{d:02}{m:02}{yy:02}{d7}{:02}", rest % 100);
        let (number, with_kw) = match form {
            // Bare with mod-11.
            0 => (dk_complete(&nine), false),
            // Dash form, any last digit.
            1 => (Some(format!("{}-{}{}", &nine[..6], &nine[6..], rest % 10)), false),
            // Bare without mod-11 after a keyword.
            _ => (Some(format!("{nine}{}", rest % 10)), true),
        };
        let Some(number) = number else { return Ok(()) };
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        prop_assert!(dk_cpr_date_valid(&digits, &CTX));
        if !with_kw {
            // A string that is also a valid SE/FI number is reported as that.
            prop_assume!(se_personnummer_kind(&digits, false, &CTX).is_none());
            prop_assume!(fi_hetu_kind(&format!("{}-{}", &digits[..6], &digits[6..]), &CTX).is_none());
            assert_found(&prefix, l, &number, r, &suffix, Kind::DkCpr)?;
        } else {
            let prefix = format!("{prefix} cpr-nr:");
            assert_found(&prefix, l, &number, r, &suffix, Kind::DkCpr)?;
        }
    }

    #[test]
    fn no_valid_numbers_are_found(
        (y, m, d) in (1900u32..=2025, 1u32..=12, 1u32..=28),
        variant in 0usize..6,
        residue in 1u32..=3,
        iii_pick in 0u32..500,
        fh_rest in 0u64..10_000_000_000,
        form in 0usize..3,
        prefix in chat_text(), l in left_delim(), r in right_delim(), suffix in chat_text(),
    ) {
        let yy = y % 100;
        // Individual number consistent with the century (identifiers.md §3).
        let iii = if y < 2000 { iii_pick } else { 500 + iii_pick };
        let (dd, mm, kind) = match variant {
            0 => (d, m, Kind::NoFodselsnummer),
            1 => (d + 40, m, Kind::NoDNummer),
            2 => (d, m + 40, Kind::NoHNummer),
            3 => (d, m + 80, Kind::NoSyntheticTest),
            4 => (0, 0, Kind::NoFhNummer),
            _ => (d, m, Kind::NoFodselsnummer),
        };
        let nine = if kind == Kind::NoFhNummer {
            format!("{}{:08}", 8 + fh_rest % 2, fh_rest % 100_000_000)
        } else {
            format!("{dd:02}{mm:02}{yy:02}{iii:03}")
        };
        let eleven = if variant == 5 { no_complete_2032(&nine, residue) } else { no_complete(&nine) };
        let Some(eleven) = eleven else { return Ok(()) };
        let number = match form {
            0 => eleven,
            1 => format!("{} {}", &eleven[..6], &eleven[6..]),
            _ => format!("{}-{}", &eleven[..6], &eleven[6..]),
        };
        assert_found(&prefix, l, &number, r, &suffix, kind)?;
    }

    #[test]
    fn fi_valid_numbers_are_found(
        (y, m, d) in (1850u32..=2025, 1u32..=12, 1u32..=28),
        sign_pick in 0usize..6,
        zzz in 2u32..=999,
        lower in any::<bool>(),
        prefix in chat_text(), l in left_delim(), r in right_delim(), suffix in chat_text(),
    ) {
        let signs: &[char] = match y / 100 {
            18 => &['+'],
            19 => &['-', 'Y', 'X', 'W', 'V', 'U'],
            _ => &['A', 'B', 'C', 'D', 'E', 'F'],
        };
        let sign = signs[sign_pick % signs.len()];
        let ddmmyy = format!("{d:02}{m:02}{:02}", y % 100);
        let zzz = format!("{zzz:03}");
        let mut number = format!("{ddmmyy}{sign}{zzz}{}", hetu_char(&ddmmyy, &zzz));
        if lower {
            number = number.to_lowercase();
        }
        let kind = if zzz.as_str() >= "900" { Kind::FiHetuTemporary } else { Kind::FiHetu };
        assert_found(&prefix, l, &number, r, &suffix, kind)?;
    }

    #[test]
    fn phones_are_found(
        kind in 0usize..6,
        digits in "[0-9]{9}",
        prefix in chat_text(), l in left_delim(), r in right_delim(), suffix in chat_text(),
    ) {
        let g = |a: usize, b: usize| &digits[a..b];
        let number = match kind {
            0 => format!("07{}-{} {} {}", g(0, 1), g(1, 4), g(4, 6), g(6, 8)),
            1 => format!("+46 7{} {} {} {}", g(0, 1), g(1, 4), g(4, 6), g(6, 8)),
            2 => format!("4{} {} {} {}", g(0, 1), g(1, 3), g(3, 5), g(5, 7)),
            3 => format!("+47 9{} {} {}", g(0, 2), g(2, 4), g(4, 7)),
            4 => format!("040 {} {}", g(0, 3), g(3, 7)),
            _ => format!("+358 50 {} {}", g(0, 3), g(3, 7)),
        };
        assert_found(&prefix, l, &number, r, &suffix, Kind::Phone)?;
    }

    #[test]
    fn se_mutations_are_not_ids(
        (y, m, d) in date(),
        serial in 1u32..=999,
        pos in 0usize..10,
        delta in 1u8..=9,
        spaced in any::<bool>(),
        prefix in chat_text(), suffix in chat_text(),
    ) {
        let ten = se_ten(y % 100, m, d, serial);
        let mut b = ten.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let bad = String::from_utf8(b).expect("ascii");
        // Luhn catches every single-digit change.
        prop_assert!(se_personnummer_kind(&bad, false, &CTX).is_none());
        // Skip the rare string that is a valid CPR with mod-11 by itself.
        prop_assume!(!(dk_cpr_mod11_valid(&bad) && dk_cpr_date_valid(&bad, &CTX)));
        let number = if spaced { format!("{} {}", &bad[..6], &bad[6..]) } else { bad };
        let text = format!("{prefix} {number} {suffix}");
        let start = prefix.len() + 1;
        let end = start + number.len();
        let out = run(&text);
        prop_assert!(!out.iter().any(|c| c.start < end && start < c.end), "{:?}: {:?}", text, out);
    }

    #[test]
    fn dk_mutations_without_dash_or_keyword_are_not_ids(
        (y, m, d) in (1900u32..=1999, 1u32..=12, 1u32..=28),
        rest in 0u32..1000,
        pos in 0usize..10,
        delta in 1u8..=9,
        prefix in chat_text(), suffix in chat_text(),
    ) {
        let nine = format!("{d:02}{m:02}{:02}{}{:02}", y % 100, rest % 4, rest % 100);
        let Some(good) = dk_complete(&nine) else { return Ok(()) };
        let mut b = good.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let bad = String::from_utf8(b).expect("ascii");
        // Every CPR weight is non-zero mod 11: one change breaks mod-11.
        prop_assert!(!dk_cpr_mod11_valid(&bad));
        prop_assume!(se_personnummer_kind(&bad, false, &CTX).is_none());
        let text = format!("{prefix} {bad} {suffix}");
        let start = prefix.len() + 1;
        let end = start + bad.len();
        let out = run(&text);
        prop_assert!(!out.iter().any(|c| c.start < end && start < c.end), "{:?}: {:?}", text, out);
    }

    #[test]
    fn no_mutations_are_not_ids(
        (y, m, d) in (1900u32..=1999, 1u32..=12, 1u32..=28),
        iii in 0u32..500,
        pos in 0usize..11,
        delta in 1u8..=9,
        form in 0usize..3,
        prefix in chat_text(), suffix in chat_text(),
    ) {
        let Some(good) = no_complete(&format!("{d:02}{m:02}{:02}{iii:03}", y % 100)) else { return Ok(()) };
        let mut b = good.into_bytes();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let bad = String::from_utf8(b).expect("ascii");
        let number = match form {
            0 => bad,
            1 => format!("{} {}", &bad[..6], &bad[6..]),
            _ => format!("{}-{}", &bad[..6], &bad[6..]),
        };
        let text = format!("{prefix} {number} {suffix}");
        let start = prefix.len() + 1;
        let end = start + number.len();
        let out = run(&text);
        prop_assert!(!out.iter().any(|c| c.start < end && start < c.end), "{:?}: {:?}", text, out);
    }

    #[test]
    fn fi_mutations_are_not_ids(
        (y, m, d) in (1900u32..=2025, 1u32..=12, 1u32..=28),
        zzz in 2u32..=999,
        pos in 0usize..9,
        delta in 1u8..=9,
        prefix in chat_text(), suffix in chat_text(),
    ) {
        let sign = if y < 2000 { 'Y' } else { 'A' };
        let ddmmyy = format!("{d:02}{m:02}{:02}", y % 100);
        let zzz = format!("{zzz:03}");
        let good = format!("{ddmmyy}{sign}{zzz}{}", hetu_char(&ddmmyy, &zzz));
        let idx = if pos < 6 { pos } else { pos + 1 };
        let mut b = good.into_bytes();
        b[idx] = b'0' + (b[idx] - b'0' + delta) % 10;
        let bad = String::from_utf8(b).expect("ascii");
        prop_assert!(fi_hetu_kind(&bad, &CTX).is_none());
        let text = format!("{prefix} {bad} {suffix}");
        let start = prefix.len() + 1;
        let end = start + bad.len();
        let out = run(&text);
        prop_assert!(!out.iter().any(|c| c.start < end && start < c.end), "{:?}: {:?}", text, out);
    }

    #[test]
    fn never_panics_and_spans_are_sound(text in "\\PC{0,80}") {
        check_spans(&text)?;
    }

    #[test]
    fn never_panics_on_digit_soup(parts in proptest::collection::vec(proptest::sample::select(&[
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "+", " ", ".", "/", ":", ",",
        "@", "å", "€", "😀", "pnr ", "tel ", "cpr ", "Storgatan ", "f. ", "född ", "\u{a0}",
        "A", "Y", "x", "(", ")", "(0)", "\n", "kr", "a@b.se", "00", "+46", " st. th.", "H0102",
    ][..]), 0..40)) {
        let text: String = parts.concat();
        check_spans(&text)?;
    }
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let mut out = vec![Candidate { start: 0, end: 0, kind: Kind::Email, evidence: Evidence::Shape }];
    find_all(text, &CTX, &mut out);
    // Existing content is kept.
    prop_assert_eq!(out[0].end, 0);
    let mut last_end = 0;
    for c in &out[1..] {
        prop_assert!(c.start < c.end && c.end <= text.len(), "{:?}", c);
        prop_assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        prop_assert!(c.start >= last_end, "overlap in {:?}: {:?}", text, out);
        last_end = c.end;
    }
    Ok(())
}

// --- false-positive traps ----------------------------------------------------

#[test]
fn traps_report_nothing() {
    for t in [
        "Passet börjar 14.30 idag",
        "Vakten slutter kl. 14.30",
        "kl 14:30",
        "Besök 2024-03-15",
        "Tid 15/3-24 hos tandläkaren",
        "Det kostar 12 500 kr",
        "Faktura 1.234,00 kr",
        "kr 450,-",
        "€ 12,90",
        "log 202403151430",
        "log 20240315-1430",
        "202403151430: synced",
        "konto 1234.56.78903",
        "1234.56.78903",
        "Mötet i lokale 2.14",
        "Portkoden är 1924",
        "dørkode 1924",
        "door code 1924",
        "Kod till porten: 1924#",
        "150324",
        "15.03.2024",
        "20240315",
        "120/80 i blodtryck",
        "2x500 mg",
        "F32.1 och N02BE01",
        "rum 1102",
        "0701234567",
        "order 4503121233",
        "kontonr 4503121233",
        "Dosett 08.00-16.00",
    ] {
        let got = show(t);
        assert!(got.is_empty(), "{t:?}: {got:?}");
    }
}

/// Valid identity numbers inside longer digit runs are not taken.
#[test]
fn order_numbers_inside_longer_runs() {
    let valid = se_ten(45, 3, 12, 123);
    assert!(se_personnummer_kind(&valid, false, &CTX).is_some());
    for t in [
        format!("ordernr 12{valid}9"),
        format!("ref {valid}7"),
        format!("x 7{valid}"),
        format!("x {valid}-12"),
        format!("x 12-{valid}"),
        format!("x 3.{valid}"),
        format!("x {valid}/4"),
        format!("x 1 {valid}"),
        format!("x {valid} 4"),
        format!("x{valid}"),
        format!("{valid}abc"),
    ] {
        let got = show(&t);
        assert!(!got.iter().any(|g| is_id(g.1)), "{t:?}: {got:?}");
    }
    // The same number alone is found.
    assert_eq!(show(&format!("pnr {valid}"))[0].1, Kind::SePersonnummer);
}

#[test]
fn workplace_and_swedish_mobiles_are_phones_not_ids() {
    assert_eq!(show("Avdelningen nås på 08-123 456 70."), [("08-123 456 70", Kind::Phone, Evidence::Shape)]);
    // libphonenumber's example, also a valid CPR string (identifiers.md §7).
    assert!(dk_cpr_date_valid("0701234567", &CTX));
    assert_eq!(show("Ring 070-123 45 67"), [("070-123 45 67", Kind::Phone, Evidence::Shape)]);
    assert_eq!(show("tel 0701234567"), [("0701234567", Kind::Phone, Evidence::Context)]);
}

#[test]
fn timestamps_vs_personnummer() {
    // 202403151430 passes the 12-digit Luhn: it is the timestamp trap.
    assert!(se_personnummer_kind("202403151430", false, &CTX).is_some());
    assert!(show("202403151430").is_empty());
    // An older date with an impossible time is a personnummer.
    let ten = se_ten(45, 3, 12, 987);
    assert_eq!(show(&format!("19{ten}"))[0].1, Kind::SePersonnummer);
    // With a keyword, a recent 12-digit number counts.
    assert_eq!(show("pnr 202403151430")[0].1, Kind::SePersonnummer);
}

#[test]
fn national_ids_in_messages() {
    let se = se_ten(45, 3, 12, 123);
    let se_dash = format!("{}-{}", &se[..6], &se[6..]);
    let text = format!("Hennes pnr är {se_dash}, ring dottern på 070-123 45 67.");
    let got = show(&text);
    assert_eq!(
        got,
        [(se_dash.as_str(), Kind::SePersonnummer, Evidence::Checksum), ("070-123 45 67", Kind::Phone, Evidence::Shape),]
    );
    // Skatteverket's samordningsnummer example.
    assert_eq!(show("samordningsnr 701063-2391"), [("701063-2391", Kind::SeSamordningsnummer, Evidence::Checksum)]);
    // 100+ with '+'.
    assert_eq!(show("121212+1212")[0].1, Kind::SePersonnummer);
    // Skatteetaten's 2032 example.
    assert_eq!(show("fnr 301082 99939"), [("301082 99939", Kind::NoFodselsnummer, Evidence::Checksum)]);
    assert_eq!(show("30108299939")[0].1, Kind::NoFodselsnummer);
    // HETU with a 2023 sign.
    assert_eq!(show("hetu 131052Y308T."), [("131052Y308T", Kind::FiHetu, Evidence::Checksum)]);
    // Two HETUs with letter check characters in a row are both found.
    assert_eq!(show("010190-999W 131052-308T").len(), 2);
    assert_eq!(show("Väliaikainen 010190-999W"), [("010190-999W", Kind::FiHetuTemporary, Evidence::Checksum)]);
}

#[test]
fn danish_cpr_evidence() {
    // A date-valid CPR without mod-11 (1 January 1965, digit 7 = 1 → 1900s).
    let bare = (0..10)
        .map(|c| format!("010165123{c}"))
        .find(|n| !dk_cpr_mod11_valid(n) && se_personnummer_kind(n, false, &CTX).is_none())
        .expect("one");
    let dash = format!("{}-{}", &bare[..6], &bare[6..]);
    // Without dash, keyword or mod-11: nothing.
    assert!(show(&format!("se {bare} ok")).is_empty());
    // Dash form.
    assert_eq!(show(&format!("se {dash} ok")), [(dash.as_str(), Kind::DkCpr, Evidence::DateAndDashForm)]);
    // Keyword within three words.
    for kw in ["cpr", "CPR-nr.", "personnummer", "født", "cpr på borgeren"] {
        let t = format!("{kw} {bare}");
        let got = show(&t);
        assert_eq!(got.len(), 1, "{t}");
        assert_eq!((got[0].1, got[0].2), (Kind::DkCpr, Evidence::DateAndContext), "{t}");
    }
    // Mod-11 alone.
    let good = dk_complete("010165123").expect("mod-11 completes");
    if se_personnummer_kind(&good, false, &CTX).is_none() {
        assert_eq!(show(&good)[0].1, Kind::DkCpr);
        assert_eq!(show(&good)[0].2, Evidence::Checksum);
    }
    // Invalid date after a keyword: a staff mistype.
    assert_eq!(show("cpr 3102651234")[0].1, Kind::MistypedId);
}

#[test]
fn mistyped_ids() {
    let se = se_ten(45, 3, 12, 123);
    let mut bad = se.into_bytes();
    bad[9] = b'0' + (bad[9] - b'0' + 1) % 10;
    let bad = String::from_utf8(bad).expect("ascii");
    assert_eq!(show(&format!("pnr: {bad}"))[0], (bad.as_str(), Kind::MistypedId, Evidence::Context));
    assert_eq!(show(&format!("pnr är {bad}"))[0].1, Kind::MistypedId);
    assert_eq!(show("personnummer 19450312-12")[0].1, Kind::MistypedId);
    assert_eq!(show("fødselsnummer 01016512345")[0].1, Kind::MistypedId);
    assert_eq!(show("hetu 131052Y308A")[0].1, Kind::MistypedId);
    // Without the keyword: nothing.
    assert!(show(&bad).is_empty());
    // Too far from the keyword: nothing.
    assert!(show(&format!("pnr finns i journalen {bad}")).is_empty());
}

#[test]
fn contact_details_addresses_birth_dates() {
    let got = show("Dottern: anna.svensson@region.se, Storgatan 12B, 114 18 Stockholm. Född 12/3 1938.");
    assert_eq!(
        got,
        [
            ("anna.svensson@region.se", Kind::Email, Evidence::Shape),
            ("Storgatan 12B", Kind::StreetAddress, Evidence::Context),
            ("114 18", Kind::Postcode, Evidence::Context),
            ("12/3 1938", Kind::BirthDate, Evidence::Context),
        ]
    );
    let got = show("Hun bor på Vestergade 4, 2. tv, 2100 København Ø (født 12.03.38)");
    assert_eq!(
        got,
        [
            ("Vestergade 4, 2. tv", Kind::StreetAddress, Evidence::Context),
            ("2100", Kind::Postcode, Evidence::Context),
            ("12.03.38", Kind::BirthDate, Evidence::Context),
        ]
    );
    // A birth year followed by a town is a birth date, not a postcode.
    assert_eq!(show("f. 1938 Göteborg"), [("1938", Kind::BirthDate, Evidence::Context)]);
    assert_eq!(
        show("lives at 14 Birch Lane, b. 1938"),
        [("14 Birch Lane", Kind::StreetAddress, Evidence::Context), ("1938", Kind::BirthDate, Evidence::Context),]
    );
}

#[test]
fn fast_path_does_no_work() {
    let mut out = Vec::new();
    find_all("Hon bor på Skovvej och mår bra 😀", &CTX, &mut out);
    assert!(out.is_empty());
    assert_eq!(out.capacity(), 0, "no allocation into out");
    // A digit anywhere enables the detectors (and the name-only hint).
    assert_eq!(show("Hon bor på Skovvej sedan 2 år"), [("Skovvej", Kind::StreetAddress, Evidence::Shape)]);
}

/// A personnummer-shaped number with a real birth date but a failing check digit still leaks the date of
/// birth: reported as a mistyped ID from its shape alone. Timestamps and dates without a serial are not.
#[test]
fn dated_shape_with_failing_check_digit_is_a_mistyped_id() {
    let good = se_ten(38, 2, 14, 552);
    let mut bad = good.clone().into_bytes();
    bad[9] = b'0' + (bad[9] - b'0' + 1) % 10;
    let bad = String::from_utf8(bad).expect("ascii");
    let dashed = format!("19{}-{}", &bad[..6], &bad[6..]);
    assert_eq!(show(&format!("{dashed} ska ha nya strumpor"))[0], (dashed.as_str(), Kind::MistypedId, Evidence::Shape));
    let short = format!("{}-{}", &bad[..6], &bad[6..]);
    assert_eq!(show(&format!("lappen säger {short} idag")).first().map(|c| c.1), Some(Kind::MistypedId));
    // Not a date: nothing.
    assert!(show("19381314-1234 ska ha").is_empty());
    // Without a separator the shape is too weak.
    assert!(show(&format!("19{bad} ska ha")).is_empty());
}

/// Texts of digits, the separators the digit scans care about, letters, capitals and non-ASCII
/// characters, in runs that cross the eight-byte blocks of `next_digit`.
fn digit_scan_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "0", "4", "9", "12", "2100", " ", "  ", "-", ".", "/", "(", ")", "+", ":", ",", "a", "Z", "Oslo", "\u{a0}",
            "–", "ö", "Å", "😀", "\n", "@", "x1",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    /// The digit scans that jump from digit to digit say what a byte-by-byte pass says.
    #[test]
    fn digit_scans_equal_their_bytewise_definitions(text in digit_scan_text()) {
        let b = text.as_bytes();
        for from in 0..=b.len() {
            prop_assert_eq!(super::util::next_digit(b, from), b[from..].iter().position(u8::is_ascii_digit).map(|k| from + k));
        }
        // Groups of digits joined by up to four separator bytes.
        let (mut best, mut digits, mut gap) = (0, 0, 0);
        for &c in b {
            if c.is_ascii_digit() {
                digits += 1;
                gap = 0;
                best = best.max(digits);
            } else if digits > 0 && gap < 4 && (c >= 0x80 || b" -./()+:,".contains(&c)) {
                gap += 1;
            } else {
                (digits, gap) = (0, 0);
            }
        }
        prop_assert_eq!(super::util::max_joined_digits(b), best);
        // The linter reads "has a digit" off the same count.
        prop_assert_eq!(best > 0, b.iter().any(u8::is_ascii_digit));
        // A 4-5 digit group (digits and single spaces), not glued to a word before, then a space and a capital.
        let postcode = (0..b.len()).any(|i| {
            if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) || (i > 0 && b[i - 1] == b' ' && i > 1 && b[i - 2].is_ascii_digit()) {
                return false;
            }
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || (b[j] == b' ' && b.get(j + 1).is_some_and(u8::is_ascii_digit))) {
                j += 1;
            }
            let n = b[i..j].iter().filter(|c| c.is_ascii_digit()).count();
            (4..=5).contains(&n) && b.get(j) == Some(&b' ') && text[j + 1..].starts_with(char::is_uppercase)
        });
        prop_assert_eq!(super::maybe_postcode(&text), postcode);
        // The linter asks for four joined digits before it looks for a postcode.
        prop_assert!(!postcode || best >= 4);
    }
}

proptest! {
    /// Lower-casing into the stack buffer gives what lower-casing each character gives, ASCII fast path or
    /// not, and refuses exactly what does not fit (words up to 60 bytes against a 48-byte buffer).
    #[test]
    fn lower_into_is_char_lowercase(
        w in "[A-Za-z0-9:.ÅÄÖåäöØÆøæΣİ]{0,30}",
        nr: bool,
    ) {
        let suffix = if nr { "nr" } else { "" };
        let want: String = w.chars().flat_map(char::to_lowercase).chain(suffix.chars()).collect();
        let mut buf = [0u8; super::util::KW_BUF];
        let got = super::util::lower_into(&w, suffix, &mut buf);
        prop_assert_eq!(got, (want.len() <= super::util::KW_BUF).then_some(want.as_str()));
    }
}
