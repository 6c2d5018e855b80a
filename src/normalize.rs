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

/// What the view holds for each ASCII byte: the lowercase letter or the character itself, `\n` for a
/// newline, a space for other whitespace, control characters and DEL (as [`fold_char`] does; a unit test
/// checks it).
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c == b'\n' {
            b'\n'
        } else if c.is_ascii_whitespace() || c.is_ascii_control() {
            b' '
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// The plain start of eight bytes: how many of them, from the first, are printable ASCII (space to `~`)
/// with no space after whitespace (`after_ws` says whether the byte before was), and those bytes
/// lowercased (the bytes after them are left as they are, to be cut off). Word-at-a-time bit tests, no
/// branch per byte: most chat is plain, and a block that is not is plain up to its first `å` or newline.
#[inline]
fn plain_prefix(x: u64, after_ws: bool) -> (u64, usize) {
    use crate::swar::{HIGH, ONES, at_least, in_range, zero_bytes};
    // Without the high bits the additions below cannot carry from byte to byte; a byte with its high bit
    // set is not ASCII and stops the prefix anyway.
    let low = x & !HIGH;
    let spaces = zero_bytes(x ^ (ONES * u64::from(b' ')));
    let stops = (x & HIGH)
        | (!at_least(low, b' ') & HIGH) // control characters
        | zero_bytes(x ^ (ONES * 0x7f)) // DEL
        | (spaces & ((spaces << 8) | u64::from(after_ws) << 7)); // a space after whitespace
    (x | (in_range(low, b'A', b'Z') >> 2), stops.trailing_zeros() as usize / 8)
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
    /// One character folded by [`fold_char`], reused.
    folded: String,
}

impl Normalized {
    /// Rebuilds the view for `original`, reusing the buffers. One pass: runs of plain ASCII bytes (letters,
    /// digits, punctuation, single spaces) are lowercased and mapped up to eight at once; each other
    /// character goes alone, ASCII through a table, others through the Latin-1 table or [`fold_char`].
    pub fn fill(&mut self, original: &str) {
        let bytes = original.as_bytes();
        let mut out = std::mem::take(&mut self.text).into_bytes();
        let map = &mut self.map;
        out.clear();
        map.clear();
        // Every ASCII byte yields at most one byte, so the pushes below rarely grow the buffers; the seven
        // extra are for a block's bytes written past its plain start before they are cut off.
        out.reserve(bytes.len() + 7);
        map.reserve(bytes.len() + 8);
        let mut last_ws = false; // the last byte written is whitespace
        let mut i = 0;
        while i < bytes.len() {
            // The next eight bytes, or the last eight shifted so that the bytes already done fall off the
            // end and zeros (control characters, which stop a prefix) come in.
            let block = match crate::swar::load(bytes, i) {
                Some(x) => Some(x),
                None => bytes
                    .len()
                    .checked_sub(8)
                    .and_then(|tail| crate::swar::load(bytes, tail))
                    .map(|x| x >> (8 * (i + 8 - bytes.len()))),
            };
            if let Some(x) = block {
                let (lower, k) = plain_prefix(x, last_ws);
                if k > 0 {
                    // All eight written (fixed-size copies), then the bytes past the prefix cut off.
                    let (len, map_len) = (out.len(), map.len());
                    out.extend_from_slice(&lower.to_le_bytes());
                    out.truncate(len + k);
                    map.extend_from_slice(&std::array::from_fn::<u32, 8, _>(|j| (i + j) as u32));
                    map.truncate(map_len + k);
                    last_ws = out[len + k - 1] == b' ';
                    i += k;
                    if k == 8 {
                        continue;
                    }
                    if i >= bytes.len() {
                        break;
                    }
                }
            }
            // One character that is not plain (or a message under eight bytes), then blocks again.
            let b = bytes[i];
            if b < 0x80 {
                let c = ASCII_FOLD[usize::from(b)];
                let ws = c <= b' ';
                // Whitespace after whitespace: the run keeps one character at its first position, a newline
                // if the run has one.
                if ws & last_ws {
                    if c == b'\n'
                        && let Some(l) = out.last_mut()
                    {
                        *l = b'\n';
                    }
                } else {
                    out.push(c);
                    map.push(i as u32);
                }
                last_ws = ws;
                i += 1;
                continue;
            }
            let (folded, width): (&[u8], usize) = if b == 0xC3
                && let Some(&next) = bytes.get(i + 1)
                && let Some(f) = LATIN1_FOLD.get(usize::from(next.wrapping_sub(0x80))).filter(|f| !f.is_empty())
            {
                // Latin-1 letters (å, ä, ö, ø, æ, é, ü, …): two bytes from 0xC3, through a table.
                (f.as_bytes(), 2)
            } else {
                let c = original[i..].chars().next().expect("i is on a char boundary");
                self.folded.clear();
                fold_char(c, &mut self.folded);
                (self.folded.as_bytes(), c.len_utf8())
            };
            if folded == b" " || folded == b"\n" {
                if !last_ws {
                    out.push(folded[0]);
                    map.push(i as u32);
                } else if folded[0] == b'\n'
                    && let Some(l) = out.last_mut()
                {
                    *l = b'\n';
                }
            } else {
                out.extend_from_slice(folded);
                map.extend(std::iter::repeat_n(i as u32, folded.len()));
            }
            last_ws = out.last().is_some_and(|&l| l <= b' ');
            i += width;
        }
        map.push(original.len() as u32);
        self.text = String::from_utf8(out).expect("folded bytes are ASCII or whole characters");
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
    fn ascii_table_equals_fold_char() {
        for b in 0u8..128 {
            let mut folded = String::new();
            fold_char(char::from(b), &mut folded);
            assert_eq!(folded.as_bytes(), [ASCII_FOLD[usize::from(b)]], "byte {b}");
        }
    }

    proptest::proptest! {
        /// Any mix of ASCII, whitespace runs, Nordic and other letters, characters that fold longer or to
        /// nothing, and emoji: the one-pass view equals the definition.
        #[test]
        fn fill_equals_the_definition_on_any_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "9", ".", " ", "  ", "\t", "\n", "\r\n", "Plain Te", "xt words", "\u{1}", "\u{7f}", "å", "Ä",
                "ø", "Æ", "ß", "×", "é", "\u{a0}", "\u{2028}", "\u{200b}", "\u{30a}", "İ", "Œ", "—", "\u{2019}", "💪", "ﬁ", "Ω",
            ]), 0..40)
        ) {
            let s: String = parts.concat();
            let n = view(&s);
            proptest::prop_assert_eq!((n.text, n.map), reference(&s));
        }
    }

    proptest::proptest! {
        /// The bit tests of `plain_prefix` say, byte by byte, what the definition says: the prefix ends at the
        /// first byte that is not printable ASCII or is a space after whitespace, and is lowercased.
        #[test]
        fn plain_prefix_equals_bytewise_test(bytes in proptest::array::uniform8(proptest::prop_oneof![
            0x00u8..=0x2f, 0x40u8..=0x5c, 0x5d..=0x80u8, proptest::sample::select(vec![b' ', b'\n', 0x7f, 0xc3, 0xc1, 0xff]),
        ]), after_ws: bool) {
            let plain = |k: usize| {
                let b = bytes[k];
                (b' '..=b'~').contains(&b) && !(b == b' ' && if k == 0 { after_ws } else { bytes[k - 1] == b' ' })
            };
            let want = (0..8).take_while(|&k| plain(k)).count();
            let (lower, k) = plain_prefix(u64::from_le_bytes(bytes), after_ws);
            proptest::prop_assert_eq!(k, want);
            let lower = lower.to_le_bytes();
            for j in 0..k {
                proptest::prop_assert_eq!(lower[j], bytes[j].to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn fill_equals_the_definition() {
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
