//! Arbitrary bytes through the JSON Lines reader: no panic, and one record per input line.
#![no_main]

use carelint::input::{InputMode, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for mode in [InputMode::Jsonl, InputMode::Lines] {
        let mut reader = Reader::new(data, mode);
        let mut records = 0usize;
        while let Some(_rec) = reader.next_record().expect("reading from memory cannot fail") {
            records += 1;
        }
        let lines = data.split(|&b| b == b'\n').count() - usize::from(data.ends_with(b"\n") || data.is_empty());
        assert_eq!(records, lines);
    }
});
