//! What `build.rs` prepared from `lexicons/`: the embedded files, and the automaton and pattern tables
//! built from them at compile time, so that [`crate::Linter::new`] only deserializes them.

include!(concat!(env!("OUT_DIR"), "/embedded_lexicons.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_matcher.rs"));

/// The daachorse automaton over [`PATTERNS`], serialized by `build.rs`.
pub(crate) static AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/automaton.bin"));
