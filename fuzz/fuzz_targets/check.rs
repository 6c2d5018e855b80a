//! Arbitrary bytes through `Linter::check`: no panic, and every finding's spans are valid.
#![no_main]

use std::sync::LazyLock;

use carelint::Linter;
use libfuzzer_sys::fuzz_target;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = LINTER.check(&text);
    let mut prev = (0, 0);
    for f in &report.findings {
        assert!(f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.char_start <= f.char_end);
        assert!((f.start, f.end) >= prev);
        prev = (f.start, f.end);
    }
    assert!(report.score.is_finite() && report.score >= 0.0);
});
