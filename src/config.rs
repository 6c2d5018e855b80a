//! The scoring configuration: thresholds, context factors and detector weights. The default is
//! `lexicons/scoring.toml`, embedded; `--config FILE` replaces it (every key must be given).

use serde::Deserialize;

use crate::error::BuildError;

/// Thresholds, factors and weights that turn findings into a verdict. See `lexicons/scoring.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringConfig {
    /// Verdict thresholds.
    pub verdict: VerdictConfig,
    /// How findings combine.
    pub combine: CombineConfig,
    /// Context factors.
    pub context: ContextConfig,
    /// Language gate.
    pub language: LanguageConfig,
    /// Weights of code detectors.
    pub weights: DetectorWeights,
}

/// Score thresholds of the verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictConfig {
    /// Score from which a message is `warn`.
    pub warn: f32,
    /// Score from which a message is `block`.
    pub block: f32,
}

impl VerdictConfig {
    /// The severity a score or a finding's weight reaches: `block` from `block`, `warn` from `warn`.
    pub fn severity(&self, x: f32) -> crate::rule::Severity {
        use crate::rule::Severity;
        if x >= self.block {
            Severity::Block
        } else if x >= self.warn {
            Severity::Warn
        } else {
            Severity::Info
        }
    }
}

/// How findings of one message add up.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CombineConfig {
    /// Added for each finding beyond the strongest of its category.
    pub extra: f32,
    /// Upper bound of all `extra` together.
    pub extra_cap: f32,
    /// Findings lighter than this add no `extra`.
    pub extra_min_weight: f32,
}

/// Factors for the context of a message.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextConfig {
    /// Training/policy/booking words and no strong pointer.
    pub generic: f32,
    /// Quantifiers and plural generics and no strong pointer.
    pub plural: f32,
    /// Nothing points at a person.
    pub no_person: f32,
    /// Pointer weight that keeps `generic` and `plural` away.
    pub strong_pointer: f32,
    /// Factor on the writer's own health or relatives.
    pub first_person: f32,
    /// Words before a health word searched for a first-person word.
    pub first_person_window: usize,
}

/// When one language's function words clearly win, other Nordic lexicons are set aside.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// Function-word hits the winning language needs.
    pub min_markers: u32,
    /// How many times the runner-up's hits the winner needs.
    pub margin: f32,
}

/// Weights of the findings made by code detectors.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[allow(missing_docs)]
pub struct DetectorWeights {
    pub titled_name: f32,
    pub initial_ref: f32,
    pub bare_initial: f32,
    pub full_name_initial: f32,
    pub room_ordinal: f32,
    pub pointed_room: f32,
    pub description: f32,
    pub pronoun_description: f32,
    pub occupation: f32,
    pub age: f32,
    pub media_of_person: f32,
    pub private_posting: f32,
    pub national_id: f32,
    pub mistyped_id: f32,
    pub phone: f32,
    pub phone_of_person: f32,
    pub email: f32,
    pub street_address: f32,
    pub street_name: f32,
    pub postcode: f32,
    pub birth_date: f32,
}

/// The embedded default, `lexicons/scoring.toml`.
pub(crate) const DEFAULT_SCORING: &str = include_str!("../lexicons/scoring.toml");

impl ScoringConfig {
    /// Parses a TOML scoring file; `name` is used in errors.
    pub fn from_toml(name: &str, text: &str) -> Result<ScoringConfig, BuildError> {
        let cfg: ScoringConfig = toml::from_str(text)
            .map_err(|e| BuildError::Scoring { file: name.to_string(), reason: e.to_string().trim().to_string() })?;
        cfg.validate().map_err(|reason| BuildError::Scoring { file: name.to_string(), reason })?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), String> {
        let v = self.verdict;
        if !(v.warn > 0.0 && v.warn <= v.block) {
            return Err(format!("[verdict] needs 0 < warn <= block, found warn = {}, block = {}", v.warn, v.block));
        }
        let c = self.context;
        for (name, x) in
            [("generic", c.generic), ("plural", c.plural), ("no_person", c.no_person), ("first_person", c.first_person)]
        {
            if !(0.0..=1.0).contains(&x) {
                return Err(format!("[context] {name} must be a factor from 0 to 1, found {x}"));
            }
        }
        Ok(())
    }
}

impl Default for ScoringConfig {
    fn default() -> Self {
        ScoringConfig::from_toml("lexicons/scoring.toml", DEFAULT_SCORING)
            .expect("the embedded scoring.toml is valid (tested)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_parses() {
        let c = ScoringConfig::default();
        assert!(c.verdict.warn < c.verdict.block);
    }

    /// The registry's default severities are what the default weights give, so `carelint rules` tells
    /// the truth about a lone finding.
    #[test]
    fn default_severities_match_default_weights() {
        use crate::rule::Rule;
        let c = ScoringConfig::default();
        let w = c.weights;
        for (rule, weight) in [
            (Rule::TitledName, w.titled_name),
            (Rule::InitialRef, w.initial_ref),
            (Rule::Age, w.age),
            (Rule::NationalId, w.national_id),
            (Rule::Email, w.email),
            (Rule::StreetAddress, w.street_address),
            (Rule::BirthDate, w.birth_date),
            (Rule::Phone, w.phone),
        ] {
            assert_eq!(rule.default_severity(), c.verdict.severity(weight), "{rule}");
        }
    }

    #[test]
    fn unknown_keys_and_bad_thresholds_are_errors() {
        let bad = DEFAULT_SCORING.replace("warn = 0.6", "warn = 0.6\nwran = 1");
        assert!(ScoringConfig::from_toml("x.toml", &bad).unwrap_err().to_string().contains("wran"));
        let bad = DEFAULT_SCORING.replace("warn = 0.6", "warn = 2.0");
        assert!(ScoringConfig::from_toml("x.toml", &bad).is_err());
    }
}
