//! Invariants that must hold for any input (proptest).

use carelint::{Linter, Report, Scratch, Verdict};
use proptest::prelude::*;
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::new);

/// Fragments of care chat (sensitive and harmless) in four languages, mixed with noise.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Brukaren på rum 5".to_string()),
        Just("har fått feber".to_string()),
        Just("hr. B".to_string()),
        Just("fru J".to_string()),
        Just("beboeren på stue 14".to_string()),
        Just("har tryksår på hælen".to_string()),
        Just("Pasienten på rom 7".to_string()),
        Just("the lady in room 14".to_string()),
        Just("with dementia fell again".to_string()),
        Just("92-åringen".to_string()),
        Just("hennes dotter".to_string()),
        Just("lägger upp på min insta".to_string()),
        Just("på whatsapp".to_string()),
        Just("kurs om demens".to_string()),
        Just("lunch kl 12".to_string()),
        Just("Møtet er flyttet".to_string()),
        Just("410923-4481".to_string()),
        Just("070-123 45 67".to_string()),
        Just("😂🙏".to_string()),
        Just("ÅÄÖ æøå".to_string()),
        "[a-zåäöæø ]{0,12}",
        "\\PC{0,8}",
    ]
}

fn message() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..8).prop_map(|parts| parts.join(" "))
}

fn check(text: &str) -> Report {
    LINTER.check(text)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_sorted_and_unique(text in message()) {
        let r = check(&text);
        let mut prev: Option<(usize, usize)> = None;
        let mut seen = std::collections::HashSet::new();
        for f in &r.findings {
            prop_assert!(f.start < f.end, "empty span");
            prop_assert!(f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert_eq!(f.char_start, text[..f.start].chars().count());
            prop_assert_eq!(f.char_end, text[..f.end].chars().count());
            let key = (f.start, f.end);
            if let Some(p) = prev {
                prop_assert!(p <= key, "findings not sorted by start, then end");
            }
            prop_assert!(seen.insert((f.start, f.end, f.rule)), "duplicate finding");
            prev = Some(key);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let r = check(&text);
        for f in &r.findings {
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }

    #[test]
    fn checking_is_deterministic_and_independent_of_other_messages(a in message(), b in message()) {
        let alone = check(&a);
        // The same scratch and report used for another message first must not change the result.
        let mut scratch = Scratch::default();
        let mut report = Report::default();
        LINTER.check_with(&b, &mut scratch, &mut report);
        LINTER.check_with(&a, &mut scratch, &mut report);
        prop_assert_eq!(&alone, &report);
        prop_assert_eq!(&alone, &check(&a));
    }

    #[test]
    fn harmless_wrapping_keeps_the_verdict(text in message()) {
        let plain = check(&text).verdict;
        let wrapped = check(&format!("Hej! {text} /Lisa")).verdict;
        prop_assert_eq!(plain, wrapped);
    }

    #[test]
    fn case_does_not_hide_a_breach(text in message()) {
        let lower = check(&text.to_lowercase()).verdict;
        let upper = check(&text.to_uppercase()).verdict;
        if lower == Verdict::Block {
            prop_assert!(upper >= Verdict::Warn, "upper-casing hid a breach");
        }
    }
}
