//! Byte tests eight bytes at a time ("SIMD within a register"): one `u64` holds eight bytes of text, and
//! each test answers in the high bit of every byte, with no branch per byte. Normalisation uses them to
//! find plain ASCII blocks, the digit scans to jump from digit to digit.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The eight bytes at `i`, little-endian (byte `i` lowest), if there are eight.
#[inline]
pub(crate) fn load(bytes: &[u8], i: usize) -> Option<u64> {
    bytes.get(i..i + 8).map(|b| u64::from_le_bytes(b.try_into().expect("eight bytes")))
}

/// The high bit of every byte of `x` that is `>= n`, for `x` with no high bit set (all ASCII) and
/// `n <= 0x80`: adding `0x80 - n` to a byte below 0x80 sets its high bit exactly when it is `>= n`, and
/// never carries into the next byte.
#[inline]
pub(crate) fn at_least(x: u64, n: u8) -> u64 {
    debug_assert!(x & HIGH == 0 && n <= 0x80);
    (x + ONES * u64::from(0x80 - n)) & HIGH
}

/// The high bit of every byte of `x` (all ASCII) in `lo..=hi`.
#[inline]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    at_least(x, lo) & !at_least(x, hi + 1)
}

/// The high bit of every byte of `v` that is zero (exact per byte, any bytes).
#[inline]
pub(crate) fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW7) + LOW7) | v | LOW7)
}

/// The high bit of every byte of `x` (any bytes) that is an ASCII digit.
#[inline]
fn digits(x: u64) -> u64 {
    in_range(x & !HIGH, b'0', b'9') & !x
}

/// The position of the first ASCII digit at or after `from`: eight bytes at a time with [`digits`] (no
/// branch per byte), byte by byte only for the last bytes that do not fill a block. Chat has few digits,
/// and the digit scans jump from one to the next.
#[inline]
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(x) = load(bytes, i) {
        let found = digits(x);
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// The number of characters in `bytes` (UTF-8): the bytes that are not continuation bytes (`10xxxxxx`),
/// eight at a time. For the report's character offsets, over the short stretches between findings,
/// where `str::chars().count()` goes byte by byte.
#[inline]
pub(crate) fn count_chars(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(8);
    let mut continuation = 0;
    for b in &mut blocks {
        let x = u64::from_le_bytes(b.try_into().expect("eight bytes"));
        // The high bit set and the next bit (shifted up into the high bit's place) clear.
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    continuation += blocks.remainder().iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuation
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Each test says, byte by byte, what the byte says.
        #[test]
        fn tests_equal_bytewise(bytes: [u8; 8], lo in 0u8..0x7f, len in 0u8..0x10) {
            let x = u64::from_le_bytes(bytes);
            let mask = |f: &dyn Fn(u8) -> bool| {
                bytes.iter().enumerate().fold(0u64, |m, (k, &b)| if f(b) { m | 0x80 << (8 * k) } else { m })
            };
            proptest::prop_assert_eq!(load(&bytes, 0), Some(x));
            proptest::prop_assert_eq!(zero_bytes(x), mask(&|b| b == 0));
            proptest::prop_assert_eq!(digits(x), mask(&|b| b.is_ascii_digit()));
            let ascii = x & !HIGH;
            let hi = lo.saturating_add(len).min(0x7f);
            let low7 = |b: u8| b & 0x7f;
            proptest::prop_assert_eq!(in_range(ascii, lo, hi), mask(&|b| (lo..=hi).contains(&low7(b))));
        }
    }

    proptest::proptest! {
        /// Counted eight bytes at a time, the characters are those `chars()` counts, for any mix of one- to
        /// four-byte characters and any length.
        #[test]
        fn count_chars_equals_chars_count(s in "[a-zå\\u{e9}\\u{2019}\\u{1f4aa} .]{0,40}") {
            proptest::prop_assert_eq!(count_chars(s.as_bytes()), s.chars().count());
        }
    }

    proptest::proptest! {
        /// The block scan finds what a byte-by-byte search finds, from any start, with digits at every
        /// place in and across the blocks.
        #[test]
        fn next_digit_equals_position(
            bytes in proptest::collection::vec(proptest::sample::select(&b"aA0 z\xc3\xa4Z9@\x80\xff"[..]), 0..40),
            from in 0usize..48,
        ) {
            let by_byte = bytes.get(from..).and_then(|r| r.iter().position(u8::is_ascii_digit)).map(|k| from + k);
            proptest::prop_assert_eq!(next_digit(&bytes, from), by_byte);
        }
    }
}
