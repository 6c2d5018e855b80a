//! Email addresses (practical pattern, not full RFC 5322).
//!
//! Local part: letters (any script), digits and `. _ % + ' -`; domain:
//! dot-separated labels of letters/digits/hyphens (no leading or trailing
//! hyphen) ending in a top-level domain of at least two letters. The span is
//! exact: leading punctuation of the local part (a quote, a dot) and
//! trailing punctuation after the domain (`.`, `,`, `)`, `>`) are never
//! included.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, DetectCtx, Evidence, Kind};

static EMAIL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}",
    )
    .expect("valid email regex")
});

/// Finds email addresses in `text` and appends them to `out` with
/// [`Evidence::Shape`]. Does nothing when the text has no `@`.
pub fn find(text: &str, _ctx: &DetectCtx, out: &mut Vec<Candidate>) {
    if memchr::memchr(b'@', text.as_bytes()).is_none() {
        return;
    }
    for m in EMAIL_RE.find_iter(text) {
        let s = m.as_str();
        let local_len = s.find('@').unwrap_or(0);
        let trimmed = s.trim_start_matches(['.', '\'', '-', '+', '%', '_']);
        let start = m.start() + (s.len() - trimmed.len());
        // Nothing left of the local part, or it ends with a dot: not an address.
        if start >= m.start() + local_len || s[..local_len].ends_with('.') {
            continue;
        }
        out.push(Candidate { start, end: m.end(), kind: Kind::Email, evidence: Evidence::Shape });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(text: &str) -> Vec<&str> {
        let ctx = DetectCtx { today_year: 2026, today_month: 1, today_day: 1 };
        let mut out = Vec::new();
        find(text, &ctx, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn spans_are_exact() {
        assert_eq!(emails("mejla anna.svensson@region.se."), ["anna.svensson@region.se"]);
        assert_eq!(emails("(kari+test@nav.no)"), ["kari+test@nav.no"]);
        assert_eq!(emails("'jørgen@kommune.dk', tak"), ["jørgen@kommune.dk"]);
        assert_eq!(emails("<åsa.lund@vård.skane.se>!"), ["åsa.lund@vård.skane.se"]);
        assert_eq!(emails("mailto:m.virtanen@hus.fi?"), ["m.virtanen@hus.fi"]);
        assert_eq!(emails("a@b.se b@c.dk"), ["a@b.se", "b@c.dk"]);
    }

    #[test]
    fn not_emails() {
        for t in ["@anna", "anna@", "anna@localhost", "träffas @ 14", "a@b.c", "x@-a.se"] {
            assert!(emails(t).is_empty(), "{t}");
        }
    }
}
