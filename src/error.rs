//! Typed errors of the library.

use std::path::PathBuf;

/// A lexicon or scoring file that cannot be used, with the place and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct LexiconError {
    /// The file as given (embedded files are shown as `lexicons/<lang>/<file>.txt`).
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, in words.
    pub reason: String,
}

/// Why a [`crate::Linter`] could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A lexicon file has an error (the message names file and line).
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The scoring configuration is invalid.
    #[error("{file}: {reason}")]
    Scoring {
        /// The configuration file.
        file: String,
        /// What is wrong.
        reason: String,
    },
    /// A lexicon or configuration file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that was read.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The matcher automaton could not be built (too many or too long terms).
    #[error("cannot build the matcher: {0}")]
    Matcher(String),
}
