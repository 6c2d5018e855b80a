//! A word index over the normalized text: word spans and the punctuation between them, so detectors can
//! ask "the word before", "within five words, same clause".

use crate::normalize::is_word_char;

/// How strongly the gap before a word separates it from the previous word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Break {
    /// Spaces, hyphens, apostrophes.
    None,
    /// A comma, colon, bracket or dash.
    Clause,
    /// A full stop, question or exclamation mark, semicolon or newline.
    Sentence,
}

/// Word spans of one normalized text. Buffers are reused between messages.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tokens {
    spans: Vec<(u32, u32)>,
    breaks: Vec<Break>,
}

impl Tokens {
    pub fn fill(&mut self, text: &str) {
        self.spans.clear();
        self.breaks.clear();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut gap_start = 0usize;
        let mut i = 0usize;
        while i < n {
            match BYTE_CLASS[usize::from(bytes[i])] {
                OTHER => {
                    i += 1;
                    continue;
                }
                NON_ASCII if word_char_len(text, i) == 0 => {
                    // Skip a non-word character, whole.
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
                _ => {}
            }
            let start = i;
            loop {
                while i < n && BYTE_CLASS[usize::from(bytes[i])] == ALNUM {
                    i += 1;
                }
                if i < n && BYTE_CLASS[usize::from(bytes[i])] == NON_ASCII {
                    let l = word_char_len(text, i);
                    if l > 0 {
                        i += l;
                        continue;
                    }
                }
                break;
            }
            let brk = if start - gap_start == 1 && bytes[gap_start] == b' ' {
                Break::None
            } else {
                gap_break(&text[gap_start..start], self.spans.last().map(|&(s, e)| &text[s as usize..e as usize]))
            };
            self.breaks.push(brk);
            self.spans.push((start as u32, i as u32));
            gap_start = i;
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn span(&self, i: usize) -> (usize, usize) {
        let (s, e) = self.spans[i];
        (s as usize, e as usize)
    }

    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let (s, e) = self.span(i);
        &text[s..e]
    }

    /// The break in front of word `i`.
    pub fn break_before(&self, i: usize) -> Break {
        self.breaks[i]
    }

    /// Index of the first word starting at or after byte `at`.
    pub fn at_or_after(&self, at: usize) -> usize {
        self.spans.partition_point(|&(s, _)| (s as usize) < at)
    }

    /// Index of the last word ending at or before byte `at`, if any.
    pub fn before(&self, at: usize) -> Option<usize> {
        self.spans.partition_point(|&(_, e)| (e as usize) <= at).checked_sub(1)
    }

    /// Index of the last word that starts before byte `end` (the last word of a span ending there).
    pub fn last_in(&self, end: usize) -> Option<usize> {
        self.spans.partition_point(|&(s, _)| (s as usize) < end).checked_sub(1)
    }

    /// Is there a break of at least `level` between words `a < b`?
    pub fn broken(&self, a: usize, b: usize, level: Break) -> bool {
        (a + 1..=b).any(|i| self.breaks[i] >= level)
    }
}

const OTHER: u8 = 0;
const ALNUM: u8 = 1;
const NON_ASCII: u8 = 2;

/// Per byte: an ASCII letter or digit, the start of a non-ASCII character (decoded to decide), or other.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// The byte length of the word character at `i` (letters and digits of any script), 0 when there is
/// none. ASCII without decoding.
#[inline]
fn word_char_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        None => 0,
        Some(b) if b.is_ascii() => usize::from(b.is_ascii_alphanumeric()),
        Some(_) => text[i..].chars().next().filter(|&c| is_word_char(c)).map_or(0, char::len_utf8),
    }
}

fn gap_break(gap: &str, prev: Option<&str>) -> Break {
    let mut level = Break::None;
    for c in gap.chars() {
        let l = match c {
            '!' | '?' | ';' | '\n' => Break::Sentence,
            // A full stop after an abbreviation, an initial or a number does not end a sentence
            // (hr. B, nr. 16, lejl. 31, f. 1931, 2. sal).
            '.' if prev.is_some_and(is_abbreviation) => Break::None,
            '.' => Break::Sentence,
            ',' | ':' | '(' | ')' | '–' | '"' => Break::Clause,
            _ => Break::None,
        };
        level = level.max(l);
    }
    level
}

/// Abbreviations that staff write with a full stop. Sorted, for binary search.
const ABBREVIATIONS: &[&str] = &[
    "afd", "ang", "avd", "bl", "ca", "dr", "dvs", "etc", "etg", "evt", "f", "fx", "hemtj", "hr", "jf", "kl", "leil",
    "lejl", "lgh", "mf", "mob", "mr", "mrs", "ms", "nr", "osv", "pas", "pat", "pt", "resp", "rm", "sjuksk", "st",
    "tel", "th", "tlf", "tv", "usk",
];

fn is_abbreviation(word: &str) -> bool {
    word.chars().count() == 1 || word.bytes().all(|b| b.is_ascii_digit()) || ABBREVIATIONS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index as the definition: a word is a maximal run of word characters (letters and digits of
    /// any script), taken one character at a time; each has the break of the gap before it.
    fn reference(text: &str) -> Vec<((usize, usize), Break)> {
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push((s, text.len()));
        }
        let mut gap_start = 0;
        let mut out: Vec<((usize, usize), Break)> = Vec::new();
        for &(s, e) in &words {
            let prev = out.last().map(|&((ps, pe), _)| &text[ps..pe]);
            out.push(((s, e), gap_break(&text[gap_start..s], prev)));
            gap_start = e;
        }
        out
    }

    proptest::proptest! {
        /// The byte-class fast paths give the index the definition gives, on any mix of ASCII, Nordic and
        /// other letters, combining marks, punctuation, whitespace and emoji.
        #[test]
        fn fill_equals_the_definition(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Zq", "9", "12", "ab", ".", " ", "  ", "\n", ",", "-", ":", "(", "!", "hr", "pa", "å", "Ö", "é", "ß",
            "\u{a0}", "–", "😀", "ΩΩ", "\u{301}", "x", "kontor",
        ]), 0..50)) {
            let text: String = parts.concat();
            let mut t = Tokens::default();
            t.fill(&text);
            let got: Vec<_> = (0..t.len()).map(|i| (t.span(i), t.break_before(i))).collect();
            proptest::prop_assert_eq!(got, reference(&text));
        }
    }

    #[test]
    fn abbreviations_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.is_sorted());
    }

    #[test]
    fn words_and_breaks() {
        let text = "hr. b orolig, gick upp. sen 12:an";
        let mut t = Tokens::default();
        t.fill(text);
        let words: Vec<_> = (0..t.len()).map(|i| t.word(text, i)).collect();
        assert_eq!(words, ["hr", "b", "orolig", "gick", "upp", "sen", "12", "an"]);
        assert_eq!(t.break_before(1), Break::None);
        assert_eq!(t.break_before(3), Break::Clause);
        assert_eq!(t.break_before(5), Break::Sentence);
        assert_eq!(t.at_or_after(4), 1);
        assert_eq!(t.before(5), Some(1));
    }
}
