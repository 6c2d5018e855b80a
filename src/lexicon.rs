//! Lexicon files: parsing, validation and the embedded defaults.
//!
//! The format is documented in `lexicons/README.md`: one entry a line, anchors `* ~ + #` on its edges,
//! `!` for exceptions, `#!` directives for rule, weight, kind and case. Parsing never panics: every problem
//! is a [`LexiconError`] with file and line.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use crate::error::{BuildError, LexiconError};
use crate::lang::Lang;
use crate::normalize::fold_str;
use crate::rule::Rule;

use crate::embedded::EMBEDDED_LEXICONS;

/// How an entry's start must sit in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Left {
    /// At a word start.
    Word,
    /// Anywhere (`*term`).
    Any,
    /// Inside a compound only: something must come before it (`+term`).
    Compound,
}

/// How an entry's end must sit in a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Right {
    /// At a word end.
    Word,
    /// At a word end after an optional inflection ending (`term~`).
    Inflect,
    /// Anywhere; the finding extends to the word end (`term*`).
    Any,
}

/// Sub-kinds the scorer reads (`#! kind:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    None,
    CareNoun,
    PersonNoun,
    Pronoun,
    Title,
    Occupation,
    Lead,
    Photo,
    Post,
    Platform,
    Children,
    Generic,
    FirstPerson,
    Plural,
    LangMarker,
    Room,
    Unit,
    Street,
    WordName,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "none" => Kind::None,
            "care-noun" => Kind::CareNoun,
            "person-noun" => Kind::PersonNoun,
            "pronoun" => Kind::Pronoun,
            "title" => Kind::Title,
            "occupation" => Kind::Occupation,
            "lead" => Kind::Lead,
            "photo" => Kind::Photo,
            "post" => Kind::Post,
            "platform" => Kind::Platform,
            "children" => Kind::Children,
            "generic" => Kind::Generic,
            "first-person" => Kind::FirstPerson,
            "plural" => Kind::Plural,
            "lang" => Kind::LangMarker,
            "room" => Kind::Room,
            "unit" => Kind::Unit,
            "street" => Kind::Street,
            "word-name" => Kind::WordName,
            _ => return None,
        })
    }

    /// Kinds that only change weights and take part in no detector: a message whose hits are all of
    /// these kinds has no finding.
    pub(crate) const PURE_CONTEXT: [Kind; 5] =
        [Kind::Generic, Kind::FirstPerson, Kind::Plural, Kind::LangMarker, Kind::Lead];

    /// Context kinds change weights but are never reported as findings.
    pub(crate) fn is_context(self) -> bool {
        matches!(self, Kind::Generic | Kind::FirstPerson | Kind::Plural | Kind::LangMarker | Kind::Lead | Kind::Title)
    }
}

/// The rule an entry reports as. `context` is not a reportable rule: its entries only modify weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryRule {
    Report(Rule),
    Context,
}

/// One lexicon entry, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The entry as written, without anchors (shown in `eval --terms` and with `--show-text`). Borrowed
    /// from the compile-time tables for the embedded lexicons.
    pub term: Cow<'static, str>,
    /// The folded literal that the automaton searches.
    pub folded: Cow<'static, str>,
    pub lang: Lang,
    pub rule: EntryRule,
    pub kind: Kind,
    pub weight: f32,
    pub left: Left,
    pub right: Right,
    /// A number placeholder before (`# etg`) or after (`rum #`) the literal.
    pub num_before: bool,
    pub num_after: bool,
    pub case_sensitive: bool,
    pub exception: bool,
    /// Index into [`Lexicon::files`].
    pub file: u32,
    pub line: u32,
}

/// A set of parsed lexicon files.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(crate) entries: Vec<Entry>,
    pub(crate) files: Vec<String>,
    warnings: Vec<String>,
}

/// Rules a lexicon file may name with `#! rule:` (the others come from code detectors).
const TERM_RULES: &[Rule] = &[
    Rule::CareRecipientRef,
    Rule::PersonPronoun,
    Rule::PersonName,
    Rule::HealthTerm,
    Rule::Medication,
    Rule::SocialTerm,
    Rule::Relative,
    Rule::PersonDescription,
    Rule::RoomNumber,
    Rule::CareUnit,
    Rule::MediaShare,
    Rule::PrivateChannel,
    Rule::StreetAddress,
];

impl Lexicon {
    /// The lexicons shipped with carelint (embedded in the binary).
    ///
    /// `build.rs` parsed them with this same code when carelint was compiled; this copies its tables
    /// (entries borrow their strings from the binary), which keeps start-up well under a millisecond.
    /// A unit test checks the tables against parsing the files at run time.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        use crate::embedded::{EMBEDDED_ENTRIES, EMBEDDED_WARNINGS};
        if EMBEDDED_ENTRIES.is_empty() && !EMBEDDED_LEXICONS.is_empty() {
            // Only `build.rs` itself, which has no tables yet, gets here.
            return Lexicon::parse_embedded();
        }
        Ok(Lexicon {
            entries: EMBEDDED_ENTRIES.to_vec(),
            files: EMBEDDED_LEXICONS.iter().map(|(path, _)| format!("lexicons/{path}")).collect(),
            warnings: EMBEDDED_WARNINGS.iter().map(|w| (*w).to_string()).collect(),
        })
    }

    /// Parses the embedded lexicon files (what `build.rs` does to make the tables).
    pub(crate) fn parse_embedded() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (path, text) in EMBEDDED_LEXICONS {
            let lang = path.split('/').next().and_then(Lang::from_code);
            lex.add_str(&format!("lexicons/{path}"), text, lang)?;
        }
        Ok(lex)
    }

    /// Parses one lexicon file's text and adds its entries. `lang` is the language of the file; when
    /// `None`, the file must say it with a `#! lang:` directive.
    pub fn add_str(&mut self, name: &str, text: &str, lang: Option<Lang>) -> Result<(), LexiconError> {
        let file = self.files.len() as u32;
        self.files.push(name.to_string());
        let parsed = parse_file(name, text, lang, file)?;
        self.warnings.extend(parsed.warnings);
        self.entries.extend(parsed.entries);
        Ok(())
    }

    /// Reads a lexicon file, or every `*.txt` below a directory. The language comes from a `#! lang:`
    /// directive, else from the name of the folder holding the file (`sv/`, `da/`, `nb/`, `en/`).
    pub fn add_path(&mut self, path: &Path) -> Result<(), BuildError> {
        let io = |source| BuildError::Io { path: path.to_path_buf(), source };
        if path.is_dir() {
            let mut files = Vec::new();
            collect_txt(path, &mut files).map_err(io)?;
            files.sort();
            if files.is_empty() {
                return Err(LexiconError {
                    file: path.display().to_string(),
                    line: 0,
                    reason: "the folder holds no .txt lexicon file".into(),
                }
                .into());
            }
            for f in files {
                self.add_path(&f)?;
            }
            return Ok(());
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let name = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            LexiconError { file: name.clone(), line, reason: "the file is not valid UTF-8".into() }
        })?;
        let lang = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).and_then(Lang::from_code);
        self.add_str(&name, &text, lang)?;
        Ok(())
    }

    /// Problems that do not stop the build (duplicates, empty files), as `file:line: text`.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Number of entries (exceptions and context words included).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn collect_txt(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            collect_txt(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

struct Parsed {
    entries: Vec<Entry>,
    warnings: Vec<String>,
}

fn parse_file(name: &str, text: &str, mut lang: Option<Lang>, file: u32) -> Result<Parsed, LexiconError> {
    let err = |line: usize, reason: String| LexiconError { file: name.to_string(), line, reason };
    let mut rule: Option<EntryRule> = None;
    let mut weight: Option<f32> = None;
    let mut kind = Kind::None;
    let mut case_sensitive = false;
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: HashSet<(String, bool, u8, u8)> = HashSet::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();
        if let Some(directive) = trimmed.strip_prefix("#!") {
            let (key, value) = directive
                .split_once(':')
                .map(|(k, v)| (k.trim(), v.trim()))
                .ok_or_else(|| err(line_no, format!("a directive is written `#! key: value`, found `{trimmed}`")))?;
            match key {
                "rule" => {
                    rule = Some(if value == "context" {
                        EntryRule::Context
                    } else {
                        match Rule::from_id(value) {
                            Some(r) if TERM_RULES.contains(&r) => EntryRule::Report(r),
                            Some(_) => {
                                return Err(err(
                                    line_no,
                                    format!(
                                        "rule `{value}` comes from a code detector and cannot take lexicon entries"
                                    ),
                                ));
                            }
                            None => {
                                return Err(err(line_no, format!("unknown rule `{value}` (see `carelint rules`)")));
                            }
                        }
                    })
                }
                "weight" => {
                    let w: f32 = value
                        .parse()
                        .map_err(|_| err(line_no, format!("weight must be a number from 0 to 1, found `{value}`")))?;
                    if !(0.0..=1.0).contains(&w) {
                        return Err(err(line_no, format!("weight must be from 0 to 1, found {w}")));
                    }
                    weight = Some(w);
                }
                "kind" => {
                    kind = Kind::parse(value)
                        .ok_or_else(|| err(line_no, format!("unknown kind `{value}` (see lexicons/README.md)")))?
                }
                "case" => {
                    case_sensitive = match value {
                        "sensitive" => true,
                        "insensitive" => false,
                        _ => {
                            return Err(err(line_no, format!("case is `sensitive` or `insensitive`, found `{value}`")));
                        }
                    }
                }
                "lang" => {
                    lang = Some(
                        Lang::from_code(value)
                            .ok_or_else(|| err(line_no, format!("unknown language `{value}` (sv, da, nb, en)")))?,
                    )
                }
                _ => {
                    return Err(err(line_no, format!("unknown directive `{key}` (rule, weight, kind, case, lang)")));
                }
            }
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // Everything after ` #` is a comment.
        let body = strip_comment(trimmed);
        if body.is_empty() {
            continue;
        }
        let (Some(rule), Some(weight)) = (rule, weight) else {
            return Err(err(line_no, "an entry comes before `#! rule:` and `#! weight:` are set".into()));
        };
        let Some(lang) = lang else {
            return Err(err(
                line_no,
                "the language of this file is unknown: put it in a folder named sv, da, nb or en, or add `#! lang: sv`"
                    .into(),
            ));
        };
        let mut entry = parse_entry(body).map_err(|reason| err(line_no, reason))?;
        // Pronouns sit in care-recipient.txt but report as their own, weaker rule.
        entry.rule = match rule {
            EntryRule::Report(Rule::CareRecipientRef) if kind == Kind::Pronoun => {
                EntryRule::Report(Rule::PersonPronoun)
            }
            other => other,
        };
        let key = (
            entry.folded.to_string(),
            entry.exception,
            entry.left as u8,
            entry.right as u8 | (u8::from(entry.num_after) << 4) | (u8::from(entry.num_before) << 5),
        );
        if !seen.insert(key) {
            warnings.push(format!("{name}:{line_no}: duplicate entry `{body}`"));
            continue;
        }
        if !entry.exception
            && !case_sensitive
            && !entry.num_after
            && !entry.num_before
            && entry.folded.chars().filter(|c| c.is_alphanumeric()).count() < 2
        {
            return Err(err(
                line_no,
                format!(
                    "`{body}` is too short: a one-letter entry would match almost every message (allowed only in a `case: sensitive` section, such as English `I`)"
                ),
            ));
        }
        if case_sensitive && !entry.term.chars().next().is_some_and(char::is_uppercase) {
            return Err(err(
                line_no,
                format!("`{body}` is in a `case: sensitive` section, so it must start with a capital letter"),
            ));
        }
        entries.push(Entry {
            term: Cow::Owned(entry.term.into()),
            folded: Cow::Owned(entry.folded.into()),
            lang,
            rule: entry.rule,
            kind,
            weight,
            left: entry.left,
            right: entry.right,
            num_before: entry.num_before,
            num_after: entry.num_after,
            case_sensitive,
            exception: entry.exception,
            file,
            line: line_no as u32,
        });
    }
    if entries.is_empty() {
        warnings.push(format!("{name}:0: the file has no entries"));
    }
    Ok(Parsed { entries, warnings })
}

fn strip_comment(s: &str) -> &str {
    match s.find(" #") {
        Some(at) => s[..at].trim_end(),
        None => s,
    }
}

struct RawEntry {
    term: Box<str>,
    folded: Box<str>,
    rule: EntryRule,
    left: Left,
    right: Right,
    num_before: bool,
    num_after: bool,
    exception: bool,
}

fn parse_entry(body: &str) -> Result<RawEntry, String> {
    let mut s = body;
    let exception = if let Some(rest) = s.strip_prefix('!') {
        s = rest;
        true
    } else {
        false
    };
    let mut num_before = false;
    let mut num_after = false;
    if let Some(rest) = s.strip_prefix("<n> ") {
        num_before = true;
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_suffix(" <n>") {
        num_after = true;
        s = rest.trim_end();
    }
    let (left, s) = if let Some(rest) = s.strip_prefix('*') {
        (Left::Any, rest)
    } else if let Some(rest) = s.strip_prefix('+') {
        (Left::Compound, rest)
    } else {
        (Left::Word, s)
    };
    let (right, s) = if let Some(rest) = s.strip_suffix('*') {
        (Right::Any, rest)
    } else if let Some(rest) = s.strip_suffix('~') {
        (Right::Inflect, rest)
    } else {
        (Right::Word, s)
    };
    if (num_before || num_after) && (left != Left::Word || right != Right::Word) {
        return Err(format!("`{body}`: a number placeholder `<n>` cannot be combined with `*`, `+` or `~`"));
    }
    if num_before && num_after {
        return Err(format!("`{body}`: only one number placeholder `<n>` per entry"));
    }
    if s.is_empty() {
        return Err(format!("`{body}` has no letters besides its marks"));
    }
    if let Some(c) = s.chars().find(|c| matches!(c, '*' | '~' | '+' | '!' | '#' | '<' | '>')) {
        return Err(format!("`{body}`: `{c}` may only stand on the edges of an entry (see lexicons/README.md)"));
    }
    if s.starts_with(' ') || s.ends_with(' ') {
        return Err(format!("`{body}`: stray space next to a mark"));
    }
    let folded = fold_str(s);
    if folded.trim().is_empty() {
        return Err(format!("`{body}` folds to nothing"));
    }
    Ok(RawEntry {
        term: s.into(),
        folded: folded.into(),
        rule: EntryRule::Context,
        left,
        right,
        num_before,
        num_after,
        exception,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compile_time_tables_equal_parsing_at_run_time() {
        let tables = Lexicon::embedded().unwrap();
        let parsed = Lexicon::parse_embedded().unwrap();
        assert!(tables.len() > 5_000, "the tables hold the embedded lexicons");
        assert_eq!(tables.files, parsed.files);
        assert_eq!(tables.warnings, parsed.warnings);
        assert_eq!(tables.entries.len(), parsed.entries.len());
        for (a, b) in tables.entries.iter().zip(&parsed.entries) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
    }

    fn parse(text: &str) -> Result<Parsed, LexiconError> {
        parse_file("test.txt", text, Some(Lang::Sv), 0)
    }

    #[test]
    fn parses_anchors_and_directives() {
        let p = parse(
            "#! rule: health-term\n#! weight: 0.5\n*sår~  # wounds\ndemens*\n+damen\nrum <n>\n<n> etg\n!sårbar*\n",
        )
        .unwrap();
        let e = &p.entries;
        assert_eq!(e.len(), 6);
        assert_eq!((e[0].left, e[0].right, &*e[0].folded), (Left::Any, Right::Inflect, "sar"));
        assert_eq!((e[1].left, e[1].right), (Left::Word, Right::Any));
        assert_eq!(e[2].left, Left::Compound);
        assert!(e[3].num_after && &*e[3].folded == "rum");
        assert!(e[4].num_before && &*e[4].folded == "etg");
        assert!(e[5].exception);
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("#! rule: health-term\n#! weight: 0.5\nok\nbad*term\n").err().unwrap();
        assert_eq!(e.line, 4);
        assert!(e.to_string().starts_with("test.txt:4: "), "{e}");
        assert_eq!(parse("word\n").err().unwrap().line, 1);
        assert_eq!(parse("#! rule: nope\n").err().unwrap().line, 1);
        assert_eq!(parse("#! weight: 7\n").err().unwrap().line, 1);
        assert_eq!(parse("#! rule: national-id\n").err().unwrap().line, 1);
        assert_eq!(parse("#! rule: health-term\n#! weight: 1\nx\n").err().unwrap().line, 3);
        assert_eq!(parse("#! kind: sideways\n").err().unwrap().line, 1);
    }

    #[test]
    fn duplicates_and_empty_files_warn() {
        let p = parse("#! rule: health-term\n#! weight: 0.5\nfeber\nFEBER\n").unwrap();
        assert_eq!(p.entries.len(), 1);
        assert!(p.warnings[0].contains("test.txt:4"), "{:?}", p.warnings);
        let p = parse("# only comments\n").unwrap();
        assert!(p.warnings[0].contains("no entries"));
    }

    #[test]
    fn pronoun_kind_reports_as_person_pronoun() {
        let p = parse("#! rule: care-recipient-ref\n#! weight: 0.15\n#! kind: pronoun\nhon\n").unwrap();
        assert_eq!(p.entries[0].rule, EntryRule::Report(Rule::PersonPronoun));
    }

    #[test]
    fn embedded_lexicons_parse_without_warnings() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.files.len() >= 40, "{} files", lex.files.len());
        assert!(lex.warnings().is_empty(), "{:#?}", lex.warnings());
    }

    /// Lexicon hygiene: a header comment, NFC, lowercase outside case-sensitive sections, and every block
    /// of entries sorted (run `scripts/fmt-lexicons.py` to sort).
    #[test]
    fn embedded_lexicons_are_tidy() {
        use unicode_normalization::UnicodeNormalization;
        let mut problems = Vec::new();
        for (path, text) in EMBEDDED_LEXICONS {
            if !text.starts_with('#') || text.starts_with("#!") {
                problems.push(format!("{path}: must start with a header comment"));
            }
            let mut case_sensitive = false;
            let mut block: Vec<(String, String)> = Vec::new();
            let check_block = |block: &mut Vec<(String, String)>, problems: &mut Vec<String>| {
                let mut sorted = block.clone();
                sorted.sort();
                if *block != sorted {
                    problems.push(format!(
                        "{path}: block starting with `{}` is not sorted (scripts/fmt-lexicons.py)",
                        block[0].1
                    ));
                }
                block.clear();
            };
            for (i, line) in text.lines().enumerate() {
                let t = line.trim();
                if line.nfc().collect::<String>() != line {
                    problems.push(format!("{path}:{}: not NFC", i + 1));
                }
                if let Some(d) = t.strip_prefix("#!")
                    && let Some((k, v)) = d.split_once(':')
                    && k.trim() == "case"
                {
                    case_sensitive = v.trim() == "sensitive";
                }
                if t.is_empty() || t.starts_with('#') {
                    if !block.is_empty() {
                        check_block(&mut block, &mut problems);
                    }
                    continue;
                }
                let body = strip_comment(t);
                if !case_sensitive && body.to_lowercase() != body {
                    problems.push(format!("{path}:{}: `{body}` is not lowercase", i + 1));
                }
                let term = body.trim_start_matches('!').replace("<n>", "");
                let term = term.trim_matches(|c| matches!(c, ' ' | '*' | '+' | '~'));
                block.push((term.to_lowercase(), body.to_string()));
            }
            if !block.is_empty() {
                check_block(&mut block, &mut problems);
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
