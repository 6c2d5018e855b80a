//! Identifiers end to end through `carelint check --format jsonl`: validated national ID numbers,
//! phones, emails, addresses and birth dates in sv, da, nb and en, and the false-positive traps.
//! Valid numbers are computed here from the published check-digit rules (identifiers.md §1-4).

mod common;

use serde_json::Value;

fn check(lines: &[&str], show_text: bool) -> Vec<Value> {
    let mut args = vec!["check", "--format", "jsonl"];
    if show_text {
        args.push("--show-text");
    }
    let out = common::carelint(&args, lines.join("\n").as_bytes());
    String::from_utf8(out.stdout).expect("utf-8").lines().map(|l| serde_json::from_str(l).expect("json")).collect()
}

/// (detector, excerpt) of every identifier finding of a record.
fn ids(record: &Value) -> Vec<(String, String)> {
    record["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["category"] == "identifier" || f["rule"] == "birth-date")
        .map(|f| (f["detector"].as_str().unwrap().to_string(), f["excerpt"].as_str().unwrap_or("").to_string()))
        .collect()
}

fn luhn_digit(nine: &str) -> u32 {
    let sum: u32 = nine
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            if d > 9 { d - 9 } else { d }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// A Swedish personnummer YYMMDD-NNNC with the Luhn check digit.
fn se_pnr(date: &str, serial: &str) -> String {
    let nine = format!("{date}{serial}");
    format!("{date}-{serial}{}", luhn_digit(&nine))
}

/// A Norwegian fødselsnummer DDMMYYIII + K1 K2 (both mod 11), or None when a check digit would be 10.
fn no_fnr(nine: &str) -> Option<String> {
    let d: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
    let k = |w: &[u32], d: &[u32]| {
        let r = 11 - w.iter().zip(d).map(|(a, b)| a * b).sum::<u32>() % 11;
        if r == 11 {
            Some(0)
        } else if r == 10 {
            None
        } else {
            Some(r)
        }
    };
    let k1 = k(&[3, 7, 6, 1, 8, 9, 4, 5, 2], &d)?;
    let mut d10 = d.clone();
    d10.push(k1);
    let k2 = k(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], &d10)?;
    Some(format!("{nine}{k1}{k2}"))
}

/// A Danish CPR DDMMYY-SSSS with a passing modulus 11.
fn dk_cpr(date: &str) -> String {
    let w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    (0..10_000)
        .map(|s| format!("{date}{s:04}"))
        .find(|c| c.bytes().zip(w).map(|(b, w)| u32::from(b - b'0') * w).sum::<u32>() % 11 == 0)
        .map(|c| format!("{}-{}", &c[..6], &c[6..]))
        .expect("some serial passes")
}

/// A Finnish HETU DDMMYY-ZZZQ.
fn fi_hetu(date: &str, sign: char, serial: &str) -> String {
    let n: u64 = format!("{date}{serial}").parse().unwrap();
    let q = "0123456789ABCDEFHJKLMNPRSTUVWXY".as_bytes()[(n % 31) as usize] as char;
    format!("{date}{sign}{serial}{q}")
}

#[test]
fn valid_national_ids_block_in_every_language() {
    let se = se_pnr("380214", "552");
    let fnr = (100..999).find_map(|i| no_fnr(&format!("030145{i:03}"))).unwrap();
    let cpr = dk_cpr("030851");
    let hetu = fi_hetu("131052", '-', "308");
    let lines = [
        format!("Personnumret är {se}, han ska till tandläkaren"),
        format!("Ny bruger: CPR {cpr}, starter mandag"),
        format!("Fødselsnummeret er {fnr} til legetimen"),
        format!("The client's henkilötunnus is {hetu}"),
        format!("{se} ska ha nya strumpor"),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let recs = check(&lines, true);
    let want = ["se-personnummer", "dk-cpr", "no-fodselsnummer", "fi-hetu", "se-personnummer"];
    for ((rec, kind), line) in recs.iter().zip(want).zip(&lines) {
        assert_eq!(rec["verdict"], "block", "{line}: {rec}");
        let found = ids(rec);
        assert!(found.iter().any(|(d, _)| d == kind), "{line}: {found:?}");
        // The span is exactly the number.
        let (_, value) = found.iter().find(|(d, _)| d == kind).unwrap();
        assert!(line.contains(value.as_str()) && value.bytes().filter(u8::is_ascii_digit).count() >= 9, "{value}");
    }
}

#[test]
fn a_mutated_number_is_not_a_national_id() {
    let se = se_pnr("380214", "552");
    let mut bad = se.clone().into_bytes();
    let last = bad.len() - 1;
    bad[last] = b'0' + (bad[last] - b'0' + 1) % 10;
    let bad = String::from_utf8(bad).unwrap();
    let recs = check(&[&format!("Numret {bad} står på lappen")], true);
    assert!(ids(&recs[0]).iter().all(|(d, _)| d != "se-personnummer"), "{:?}", ids(&recs[0]));
}

#[test]
fn phones_emails_addresses_and_birth_dates() {
    let recs = check(
        &[
            "Ring dottern på 076-210 33 91 om det är något",
            "Ring til sønnen på 28 45 71 63 i aften",
            "Datteren hennes har nummer 918 45 302",
            "Her daughter's email is jane.doe77@gmail.com",
            "Brukaren på Björkvägen 12 behöver extra tid",
            "Borgeren på Vestergade 4, 2. tv har fået ny rollator",
            "Han bor i Kirkeveien 5B og trenger hjelp",
            "Gerda (f. 1931) ska inte längre ha Marevan",
            "Hennes dotter bor på 114 18 Stockholm nu",
        ],
        true,
    );
    let want = [
        "phone",
        "phone",
        "phone",
        "email",
        "street-address",
        "street-address",
        "street-address",
        "birth-date",
        "postcode",
    ];
    for (rec, kind) in recs.iter().zip(want) {
        assert!(ids(rec).iter().any(|(d, _)| d == kind), "{kind}: {rec}");
        assert_ne!(rec["verdict"], "pass", "{rec}");
    }
    // A phone number tied to a relative is a warn finding.
    let phone = recs[0]["findings"].as_array().unwrap().iter().find(|f| f["detector"] == "phone").unwrap();
    assert_eq!(phone["severity"], "warn");
}

#[test]
fn traps_are_not_identifiers() {
    let recs = check(
        &[
            "Nya numret till enheten är 08-123 456 70, spara det",
            "Vi ses kl 14.30 i fikarummet",
            "Fakturan på 12 500 kr är betald",
            "Beställning 2024031514301234 skickad",
            "Mötet är 2024-03-15 kl 14:30",
            "Konto 1234.56.78903 för insamlingen",
            "Dørkoden til personalerommet er 1924",
            "Logg 202403151430: backup klar",
            "Ordrenummer 4503121233 er sendt",
        ],
        true,
    );
    for rec in &recs {
        let found = ids(rec);
        assert!(found.iter().all(|(d, _)| d == "phone"), "{rec}");
        assert_eq!(rec["verdict"], "pass", "{rec}");
    }
    // The workplace's own number is a phone, alone and harmless.
    assert_eq!(ids(&recs[0]), [("phone".to_string(), "08-123 456 70".to_string())]);
}

#[test]
fn values_appear_only_with_show_text() {
    let se = se_pnr("380214", "552");
    let recs = check(&[&format!("Personnumret är {se}")], false);
    let text = recs[0].to_string();
    assert!(!text.contains(&se) && !text.contains(&se[..6]), "{text}");
    assert!(text.contains("se-personnummer"));
}

/// The address detector runs only when a message could hold an address: a capitalized street word, an
/// English street word after a number, or a postcode. Street words that the lexicon does not list (`Ave`,
/// `Way`) still let it run, and lower-case words that end like a street (`kvällen` ends in `allén`,
/// `hallen`, `close`) neither make a finding nor stand in for a street word.
#[test]
fn addresses_need_a_street_word_and_lower_case_endings_are_none() {
    let recs = check(
        &[
            "Mrs K moved to 14 Birch Way last week, her son has the key",
            "The daughter drives her to 220 South Michigan Ave on Fridays",
            "Vi ses i hallen i kvällen kl 18, ta med 2 bord",
            "We are close to 40 hours of overtime on the road this month",
        ],
        true,
    );
    assert!(ids(&recs[0]).contains(&("street-address".into(), "14 Birch Way".into())), "{}", recs[0]);
    assert!(ids(&recs[1]).contains(&("street-address".into(), "220 South Michigan Ave".into())), "{}", recs[1]);
    for rec in &recs[2..] {
        assert!(ids(rec).is_empty(), "{rec}");
        assert_eq!(rec["verdict"], "pass", "{rec}");
    }
}
