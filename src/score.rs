//! Weighing: from candidates to a score and a verdict.
//!
//! The model, with every number in `lexicons/scoring.toml`:
//! 1. A health, medication, social or relative finding that is the writer's own (a first-person word before
//!    it in the same sentence, and no other person in that sentence) is multiplied by `first_person`.
//! 2. Pronoun findings count only when the message has some other finding that is not a bare reference.
//! 3. Per category, the strongest finding adds its weight; every further finding adds `extra` (at most
//!    `extra_cap` in all).
//! 4. Nothing pointing at a person multiplies by `no_person`; training/policy words by `generic` and
//!    quantifiers by `plural`, unless a strong pointer (a definite care noun, title, initials, room, age,
//!    address…) is present.
//! 5. National ID numbers add their weight after the factors: they always block.

use crate::config::ScoringConfig;
use crate::cues::{Cand, flag};
use crate::finding::{Context, Source, Verdict};
use crate::lexicon::Kind;
use crate::rule::{Category, Rule, Severity};
use crate::tokens::{Break, Tokens};

/// Does a finding of this rule point at a person (rather than only tell something)?
fn is_pointer(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::CareRecipientRef
            | Rule::PersonPronoun
            | Rule::PersonName
            | Rule::TitledName
            | Rule::InitialRef
            | Rule::PersonDescription
            | Rule::Age
            | Rule::RoomNumber
            | Rule::Relative
            | Rule::NationalId
            | Rule::Phone
            | Rule::Email
            | Rule::StreetAddress
            | Rule::BirthDate
    )
}

/// Is this candidate a strong pointer, one that keeps generic context from lowering the score?
fn is_strong(c: &Cand, cfg: &ScoringConfig) -> bool {
    let strong_rule = matches!(
        c.rule,
        Rule::CareRecipientRef
            | Rule::TitledName
            | Rule::InitialRef
            | Rule::PersonDescription
            | Rule::Age
            | Rule::RoomNumber
            | Rule::NationalId
            | Rule::StreetAddress
            | Rule::BirthDate
            | Rule::Email
    ) || matches!(c.source, Source::Detector("media-of-person" | "own-posting"));
    strong_rule && c.weight >= cfg.context.strong_pointer
}

/// Lowers the writer's own health and relatives, drops lone pronouns and contained duplicates, and
/// returns the score, the verdict and the context.
pub(crate) fn weigh(
    cands: &mut Vec<Cand>,
    tokens: &Tokens,
    flags: &[u16],
    has_generic: bool,
    has_plural: bool,
    cfg: &ScoringConfig,
) -> (f32, Verdict, Context) {
    let mut ctx = Context::default();
    first_person(cands, tokens, flags, cfg, &mut ctx);

    merge_contained(cands);

    let has_detail = cands.iter().any(|c| c.rule.category() != Category::CareRecipient);
    if !has_detail {
        cands.retain(|c| c.rule != Rule::PersonPronoun);
    }

    let mut absolute = 0.0f32;
    let mut best = [0.0f32; Category::ALL.len()];
    let mut count = 0usize;
    for c in cands.iter() {
        if c.rule == Rule::NationalId && c.weight >= cfg.verdict.block {
            absolute = absolute.max(c.weight);
            continue;
        }
        if c.weight <= 0.0 {
            continue;
        }
        if c.weight >= cfg.combine.extra_min_weight {
            count += 1;
        }
        let slot = &mut best[c.rule.category() as usize];
        *slot = slot.max(c.weight);
    }
    let categories = best.iter().filter(|w| **w >= cfg.combine.extra_min_weight).count();
    let extra = (cfg.combine.extra * count.saturating_sub(categories) as f32).min(cfg.combine.extra_cap);
    let mut score = best.iter().sum::<f32>() + extra;

    let pointer = cands.iter().any(|c| is_pointer(c.rule) || (c.rule == Rule::MediaShare && c.kind == Kind::None));
    let strong = cands.iter().any(|c| is_strong(c, cfg));
    if !pointer && score > 0.0 {
        score *= cfg.context.no_person;
        ctx.no_person = true;
    }
    if has_generic && !strong && score > 0.0 {
        score *= cfg.context.generic;
        ctx.generic = true;
    }
    if has_plural && !strong && score > 0.0 {
        score *= cfg.context.plural;
        ctx.plural = true;
    }
    score += absolute;
    let verdict = match cfg.verdict.severity(score) {
        Severity::Block => Verdict::Block,
        Severity::Warn => Verdict::Warn,
        Severity::Info => Verdict::Pass,
    };
    (score, verdict, ctx)
}

/// Same rule, one span inside another: one finding, with the longer span and the heavier weight. One
/// sort by position (start, longest first, then rule, heaviest first) and one sweep: of the findings of
/// one rule kept so far, the last always reaches furthest, so a finding inside any earlier one of its rule
/// is inside that one.
fn merge_contained(cands: &mut Vec<Cand>) {
    // Two integers per candidate: the comparisons are two compares, not a chain of four.
    cands.sort_unstable_by_key(|c| {
        (u64::from(c.start) << 32 | u64::from(!c.end), (c.rule as u64) << 32 | u64::from(!ordered_bits(c.weight)))
    });
    let mut last = [usize::MAX; Rule::ALL.len()];
    let mut kept = 0usize;
    for i in 0..cands.len() {
        let c = cands[i];
        let l = last[c.rule as usize];
        if l != usize::MAX && c.end <= cands[l].end {
            cands[l].weight = cands[l].weight.max(c.weight);
            continue;
        }
        cands[kept] = c;
        last[c.rule as usize] = kept;
        kept += 1;
    }
    cands.truncate(kept);
}

/// The bits of `w` as an integer in the order of [`f32::total_cmp`].
fn ordered_bits(w: f32) -> u32 {
    let b = w.to_bits();
    if b >> 31 == 1 { !b } else { b | 1 << 31 }
}

/// The writer's own health and relatives: `jag har migrän`, `min son har vattkoppor`, `sønnen min`.
fn first_person(cands: &mut [Cand], tokens: &Tokens, flags: &[u16], cfg: &ScoringConfig, ctx: &mut Context) {
    let n = tokens.len();
    if n == 0 || !flags.iter().any(|f| f & flag::FIRST != 0) {
        return;
    }
    for c in cands.iter_mut() {
        if !matches!(c.rule, Rule::HealthTerm | Rule::Medication | Rule::Relative | Rule::SocialTerm) {
            continue;
        }
        let at = tokens.at_or_after(c.start as usize).min(n - 1);
        // The sentence around the finding, at most `reach` words each way (a 100 MB line without full
        // stops must not make this quadratic).
        let reach = 4 * cfg.context.first_person_window.max(1);
        let mut s = at;
        while s > 0 && at - s < reach && tokens.break_before(s) < Break::Sentence {
            s -= 1;
        }
        let mut e = at;
        while e + 1 < n && e - at < reach && tokens.break_before(e + 1) < Break::Sentence {
            e += 1;
        }
        // Another person in the same clause makes it theirs ("jag gav fru J insulin"); a colleague named in
        // another clause does not ("jag har tandläkartid, Jonna täcker upp").
        let mut cs = at;
        while cs > s && tokens.break_before(cs) < Break::Clause {
            cs -= 1;
        }
        let mut ce = at;
        while ce < e && tokens.break_before(ce + 1) < Break::Clause {
            ce += 1;
        }
        let other_person = (cs..=ce).any(|k| flags[k] & flag::PERSON != 0 && flags[k] & flag::FIRST == 0);
        if other_person {
            continue;
        }
        let lo = at.saturating_sub(cfg.context.first_person_window).max(s);
        let before = (lo..at).any(|k| flags[k] & flag::FIRST != 0);
        // Danish and Norwegian put the possessive after the noun: sønnen min, søstera mi.
        let after = c.rule == Rule::Relative && at < e && flags[at + 1] & flag::FIRST != 0;
        if before || after {
            c.weight *= cfg.context.first_person;
            ctx.first_person = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: per rule, sorted by start (longest, then heaviest first), a finding inside the last
    /// kept one of its rule is merged into it; then everything by position.
    fn merge_reference(cands: &mut Vec<Cand>) {
        cands.sort_by(|a, b| {
            a.rule.cmp(&b.rule).then(a.start.cmp(&b.start)).then(b.end.cmp(&a.end)).then(b.weight.total_cmp(&a.weight))
        });
        let mut kept: Vec<Cand> = Vec::new();
        for &c in cands.iter() {
            match kept.last_mut() {
                Some(last) if last.rule == c.rule && c.end <= last.end => last.weight = last.weight.max(c.weight),
                _ => kept.push(c),
            }
        }
        kept.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.rule.cmp(&b.rule)));
        *cands = kept;
    }

    proptest::proptest! {
        /// Overlapping, nested and repeated spans of a few rules, with equal and different weights.
        #[test]
        fn merge_contained_equals_the_definition(spans in proptest::collection::vec(
            (0u32..12, 0u32..6, 0usize..3, proptest::sample::select(vec![-0.5f32, 0.0, 0.3, 0.6, 1.0])), 0..12,
        )) {
            let rules = [Rule::HealthTerm, Rule::CareRecipientRef, Rule::Relative];
            let mut cands: Vec<Cand> = spans
                .iter()
                .map(|&(start, len, r, weight)| Cand {
                    rule: rules[r],
                    start,
                    end: start + len,
                    weight,
                    source: Source::Detector("test"),
                    kind: Kind::None,
                })
                .collect();
            let mut want = cands.clone();
            merge_reference(&mut want);
            merge_contained(&mut cands);
            let key = |c: &Cand| (c.rule, c.start, c.end, c.weight.to_bits());
            proptest::prop_assert_eq!(cands.iter().map(key).collect::<Vec<_>>(), want.iter().map(key).collect::<Vec<_>>());
        }

        #[test]
        fn ordered_bits_sort_like_total_cmp(a: f32, b: f32) {
            proptest::prop_assert_eq!(ordered_bits(a).cmp(&ordered_bits(b)), a.total_cmp(&b));
        }
    }
}
