//! What `build.rs` prepared from `lexicons/`: the embedded files, and the automaton and pattern tables
//! built from them at compile time, so that [`crate::Linter::new`] only deserializes them.

use std::borrow::Cow;

use crate::lang::Lang;
use crate::lexicon::{Entry, EntryRule, Kind, Left, Right};
use crate::rule::Rule;

include!(concat!(env!("OUT_DIR"), "/embedded_lexicons.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_entries.rs"));
include!(concat!(env!("OUT_DIR"), "/embedded_matcher.rs"));

/// The daachorse automaton over [`PATTERNS`], serialized by `build.rs`.
pub(crate) static AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/automaton.bin"));
