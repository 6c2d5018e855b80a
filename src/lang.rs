//! The languages carelint reads, and what the matcher needs to know of each.

use serde::Serialize;

/// A language with its own lexicons and explanation texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish.
    Sv,
    /// Danish.
    Da,
    /// Norwegian Bokmål.
    Nb,
    /// English (the default when a message gives no clue).
    #[default]
    En,
}

impl Lang {
    /// Every language, in the order used for indexing per-language tables.
    pub const ALL: [Lang; 4] = [Lang::Sv, Lang::Da, Lang::Nb, Lang::En];

    /// The ISO 639-1 code used in lexicon paths, corpora and output (`sv`, `da`, `nb`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// Parses a code; `no` is accepted for Norwegian Bokmål.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "sv" => Some(Lang::Sv),
            "da" => Some(Lang::Da),
            "nb" | "no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Index into per-language tables (`0..4`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Inflection endings that a `~` entry may take, folded (no diacritics), longest first.
    pub(crate) fn endings(self) -> &'static [&'static str] {
        match self {
            Lang::Sv => &[
                "ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "ers", "en", "et", "er", "ar", "or",
                "na", "ns", "e", "n", "t", "s",
            ],
            Lang::Da => &["ernes", "erne", "ere", "ene", "ens", "ets", "ers", "en", "et", "er", "e", "s"],
            Lang::Nb => &["ene", "ere", "ens", "ets", "ers", "en", "et", "er", "a", "e", "s"],
            Lang::En => &["ies", "ing", "'s", "es", "ed", "s"],
        }
    }

    /// Extra endings for entries that end in `-e`: Danish and Norwegian nouns take `-n`, `-t`, `-r`, `-ne`
    /// directly (værge → værgen, møde → mødet, uke → uker).
    pub(crate) fn endings_after_e(self) -> &'static [&'static str] {
        match self {
            Lang::Da => &["rnes", "rne", "ne", "ns", "ts", "rs", "n", "t", "r"],
            Lang::Nb => &["ne", "ns", "ts", "rs", "n", "t", "r"],
            Lang::Sv | Lang::En => &[],
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
