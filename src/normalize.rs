//! The normalized view of a message: lowercased, diacritics folded, whitespace collapsed, with a map from
//! every byte of the view back to the original text.
//!
//! Lexicon entries are folded with the same function, so `SÅR`, `sår` and `sar` all meet `sar`. The view
//! keeps punctuation and digits as they are (the detectors need `12:an`, `A.`, `2. tv`).

/// Folds one character into `out`: lowercase, Nordic and Latin diacritics removed (`æ` → `ae`, `ß` → `ss`),
/// typographic apostrophes and dashes to ASCII, whitespace and control characters to a space. Combining
/// marks (from NFD input) are dropped.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c == '\n' {
            out.push('\n');
        } else if c.is_ascii_whitespace() || c.is_ascii_control() {
            out.push(' ');
        } else {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    for l in c.to_lowercase() {
        match l {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'č' | 'ć' => out.push('c'),
            'ð' | 'ď' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => out.push('i'),
            'ł' => out.push('l'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ř' => out.push('r'),
            'š' | 'ś' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ť' => out.push('t'),
            'þ' => out.push_str("th"),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{00B4}' | '\u{02BC}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => out.push('-'),
            '\u{0300}'..='\u{036F}' => {}
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{2060}' => {}
            _ if l.is_whitespace() || l.is_control() => out.push(' '),
            _ => out.push(l),
        }
    }
}

/// What [`fold_char`] makes of U+00C0..=U+00FF (UTF-8 `C3 80`..=`C3 BF`), by second byte; empty for the
/// two that are no letters (`×`, `÷`), which take the general path. A unit test checks it against
/// [`fold_char`].
const LATIN1_FOLD: [&str; 64] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // À..Ï
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", // Ð..ß
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // à..ï
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", // ð..ÿ
];

/// The end of the run of printable ASCII starting at `i`: visible characters, and single spaces between
/// them (a space run or a space before other characters is left to [`Normalized::push_space`]).
#[inline]
fn ascii_run(bytes: &[u8], mut i: usize) -> usize {
    let visible = |b: u8| b' ' < b && b < 0x7f;
    while i < bytes.len() {
        if visible(bytes[i]) {
            i += 1;
        } else if bytes[i] == b' ' && i > 0 && visible(bytes[i - 1]) && bytes.get(i + 1).is_some_and(|&b| visible(b)) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Folds a whole string (used for lexicon entries) exactly as [`Normalized::fill`] folds a message.
pub(crate) fn fold_str(s: &str) -> String {
    let mut n = Normalized::default();
    n.fill(s);
    n.text
}

/// The normalized view of one message. Buffers are reused between messages (see [`crate::Scratch`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct Normalized {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the byte offset in the original text of the character that produced byte `i` of
    /// `text`; `map[text.len()]` is the original length.
    pub map: Vec<u32>,
}

impl Normalized {
    /// Rebuilds the view for `original`, reusing the buffers. Runs of printable ASCII are copied and
    /// lowercased in bulk (their map entries are consecutive); whitespace collapses; other characters go
    /// through [`fold_char`].
    pub fn fill(&mut self, original: &str) {
        self.text.clear();
        self.map.clear();
        self.text.reserve(original.len());
        self.map.reserve(original.len() + 1);
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run_end = ascii_run(bytes, i);
            if run_end > i {
                let before = self.text.len();
                self.text.push_str(&original[i..run_end]);
                self.text[before..].make_ascii_lowercase();
                self.map.extend(i as u32..run_end as u32);
                i = run_end;
                if i == bytes.len() {
                    break;
                }
            }
            let b = bytes[i];
            if b.is_ascii() {
                // Whitespace, a control character or DEL.
                self.push_space(b == b'\n', i);
                i += 1;
                continue;
            }
            // Latin-1 letters (å, ä, ö, ø, æ, é, ü, …: two bytes from 0xC3) fold through a table.
            if b == 0xC3
                && let Some(&next) = bytes.get(i + 1)
                && let Some(folded) = LATIN1_FOLD.get(usize::from(next.wrapping_sub(0x80))).filter(|f| !f.is_empty())
            {
                self.text.push_str(folded);
                self.map.extend(std::iter::repeat_n(i as u32, folded.len()));
                i += 2;
                continue;
            }
            let c = original[i..].chars().next().expect("i is on a char boundary");
            let before = self.text.len();
            fold_char(c, &mut self.text);
            let produced = &self.text.as_bytes()[before..];
            if produced == b" " || produced == b"\n" {
                let newline = produced == b"\n";
                self.text.truncate(before);
                self.push_space(newline, i);
            } else {
                for _ in before..self.text.len() {
                    self.map.push(i as u32);
                }
            }
            i += c.len_utf8();
        }
        self.map.push(original.len() as u32);
    }

    /// Appends whitespace from original byte `at`, collapsing a run to one character kept at the run's
    /// first position: a newline if the run has one (sentence and line boundaries matter), else a space.
    fn push_space(&mut self, newline: bool, at: usize) {
        match self.text.as_bytes().last() {
            Some(b' ') if newline => {
                self.text.pop();
                self.text.push('\n');
            }
            Some(b' ' | b'\n') => {}
            _ => {
                self.text.push(if newline { '\n' } else { ' ' });
                self.map.push(at as u32);
            }
        }
    }

    /// Maps a normalized span to the original text. The end is mapped to the end of the original character
    /// that produced the last normalized byte, so a span always covers whole original characters.
    pub fn to_original(&self, start: usize, end: usize, original: &str) -> (usize, usize) {
        let s = self.map[start] as usize;
        let e = if end == 0 {
            0
        } else {
            let last = self.map[end - 1] as usize;
            let next = self.map[end] as usize;
            if next > last { next } else { last + original[last..].chars().next().map_or(0, char::len_utf8) }
        };
        (s, e.max(s))
    }
}

impl Normalized {
    /// Maps an original span to the normalized view: the first normalized byte produced at or after
    /// `start`, and the first produced at or after `end`.
    pub fn span_from_original(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.text.len();
        let s = self.map[..len].partition_point(|&o| (o as usize) < start);
        let e = self.map[..len].partition_point(|&o| (o as usize) < end);
        (s, e.max(s))
    }
}

/// Is `c` part of a word (letters and digits of any script)?
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character before byte `at` of `s`, if any.
#[inline]
pub(crate) fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

/// The character at byte `at` of `s`, if any.
#[inline]
pub(crate) fn char_at(s: &str, at: usize) -> Option<char> {
    s[at..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> Normalized {
        let mut n = Normalized::default();
        n.fill(s);
        n
    }

    #[test]
    fn folds_case_and_nordic_letters() {
        assert_eq!(view("BRUKAREN PÅ RUM 5").text, "brukaren pa rum 5");
        assert_eq!(view("Sønnen ÆLDRE Öl").text, "sonnen aeldre ol");
        assert_eq!(fold_str("trycksår"), "trycksar");
    }

    /// The view built one character at a time, as the definition: fold, then collapse whitespace.
    fn reference(original: &str) -> (String, Vec<u32>) {
        let (mut text, mut map) = (String::new(), Vec::new());
        for (i, c) in original.char_indices() {
            let mut folded = String::new();
            fold_char(c, &mut folded);
            if folded == " " || folded == "\n" {
                match text.as_bytes().last() {
                    Some(b' ') if folded == "\n" => {
                        text.pop();
                        text.push('\n');
                    }
                    Some(b' ' | b'\n') => {}
                    _ => {
                        text.push_str(&folded);
                        map.push(i as u32);
                    }
                }
            } else {
                map.extend(std::iter::repeat_n(i as u32, folded.len()));
                text.push_str(&folded);
            }
        }
        map.push(original.len() as u32);
        (text, map)
    }

    #[test]
    fn latin1_table_equals_fold_char() {
        for (k, want) in LATIN1_FOLD.iter().enumerate() {
            let c = char::from_u32(0xC0 + k as u32).unwrap();
            let mut folded = String::new();
            fold_char(c, &mut folded);
            if want.is_empty() {
                assert_eq!(folded, c.to_string(), "{c} is left to the general path");
            } else {
                assert_eq!(&folded, want, "{c}");
            }
        }
    }

    #[test]
    fn bulk_ascii_runs_equal_the_definition() {
        for s in [
            "Hej DU där",
            "two  spaces and\ttab \n newline",
            " leading and trailing ",
            "A B\u{7f}C \u{1}D",
            "rum 14 \u{a0}Æble—ÖL  x",
            "ends with space ",
            "ø ø  å\u{200b}z",
            "",
            "   ",
            "a\r\nb",
            "BRUKARE PÅ ÄLDREBOENDET, Øster Ærø ß×÷ÿ",
        ] {
            let n = view(s);
            assert_eq!((n.text.clone(), n.map.clone()), reference(s), "{s:?}");
        }
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        assert_eq!(view("pa\u{030A} rum").text, view("på rum").text);
    }

    #[test]
    fn collapses_whitespace_and_maps_back() {
        let original = "rum \t 14 — hej\n\n då";
        let n = view(original);
        assert_eq!(n.text, "rum 14 - hej\nda");
        let at = n.text.find("14").unwrap();
        let (s, e) = n.to_original(at, at + 2, original);
        assert_eq!(&original[s..e], "14");
        let dash = n.text.find('-').unwrap();
        let (s, e) = n.to_original(dash, dash + 1, original);
        assert_eq!(&original[s..e], "—");
    }

    #[test]
    fn expanded_letters_map_to_whole_original_char() {
        let original = "æble";
        let n = view(original);
        assert_eq!(n.text, "aeble");
        assert_eq!(n.to_original(0, 1, original), (0, 2));
        assert_eq!(n.to_original(0, 5, original), (0, original.len()));
    }
}
