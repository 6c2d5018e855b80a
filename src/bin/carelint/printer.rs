//! Output formats. Message text and excerpts appear only where the user can see them on a terminal
//! (human format) or asked for them with `--show-text`; redirected output carries offsets, rules and
//! categories only.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use carelint::{Linter, Report, Severity, Source, Verdict, excerpt};

use carelint::input::Id;

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like: the message with carets under the findings on a terminal; positions, rules and
    /// categories only when redirected.
    Human,
    /// One JSON object per input record, in input order.
    Jsonl,
    /// One JSON document with every record and a summary.
    Json,
}

/// What a printer needs besides the report.
pub struct Style {
    pub show_text: bool,
    pub color: bool,
    pub file: Option<String>,
}

/// The JSON object of one checked message, on one line. Fields: `id`, `verdict`, `score`, `lang`,
/// `findings[]` (each `rule`, `category`, `severity`, `start`, `end` (UTF-8 byte offsets, end-exclusive),
/// `char_start`, `char_end` (Unicode scalar offsets), `weight`, `detector`, `message`), `context`, and
/// `findings_omitted` when the report kept only the first findings. With `--show-text` also `text`, and
/// per finding `excerpt`, and for lexicon findings `term` and `entry` (`file:line`). Written directly,
/// without building a JSON tree: a message with 10 000 findings stays cheap.
pub fn json_record(linter: &Linter, id: &Id, text: &str, report: &Report, style: &Style) -> String {
    let mut o = String::with_capacity(160 + report.findings.len() * 220);
    o.push_str("{\"id\":");
    o.push_str(&id.to_json().to_string());
    if let Some(f) = &style.file {
        let _ = write!(o, ",\"file\":{}", quote(f));
    }
    let _ = write!(
        o,
        ",\"verdict\":\"{}\",\"score\":{},\"lang\":\"{}\",\"findings\":[",
        report.verdict.as_str(),
        round2(report.score),
        report.lang.code()
    );
    for (i, f) in report.findings.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        let _ = write!(
            o,
            "{{\"rule\":\"{}\",\"category\":\"{}\",\"severity\":\"{}\",\"start\":{},\"end\":{},\"char_start\":{},\"char_end\":{},\"weight\":{},\"detector\":\"{}\",\"message\":{}",
            f.rule.id(),
            f.category.as_str(),
            f.severity.as_str(),
            f.start,
            f.end,
            f.char_start,
            f.char_end,
            round2(f.weight),
            detector_name(f.source),
            quote(f.message)
        );
        if style.show_text {
            let _ = write!(o, ",\"excerpt\":{}", quote(excerpt(text, f)));
            if let Some(e) = linter.entry(f.source) {
                let _ = write!(o, ",\"term\":{},\"entry\":{}", quote(e.term), quote(&format!("{}:{}", e.file, e.line)));
            }
        }
        o.push('}');
    }
    let c = report.context;
    let _ = write!(
        o,
        "],\"context\":{{\"generic\":{},\"plural\":{},\"no_person\":{},\"first_person\":{}}}",
        c.generic, c.plural, c.no_person, c.first_person
    );
    if report.omitted > 0 {
        let _ = write!(o, ",\"findings_omitted\":{}", report.omitted);
    }
    if style.show_text {
        let _ = write!(o, ",\"text\":{}", quote(text));
    }
    o.push('}');
    o
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A score or weight as a short decimal (f32 → f64 would print 0.8999999761581421).
pub fn round2(x: f32) -> f64 {
    format!("{x:.2}").parse().unwrap_or(0.0)
}

fn detector_name(s: Source) -> &'static str {
    match s {
        Source::Lexicon(_) => "lexicon",
        Source::Detector(d) => d,
    }
}

/// The JSON object of a record that could not be read, on one line.
pub fn json_error(id: &Id, error: &str, style: &Style) -> String {
    let mut o = format!("{{\"id\":{}", id.to_json());
    if let Some(f) = &style.file {
        let _ = write!(o, ",\"file\":{}", quote(f));
    }
    let _ = write!(o, ",\"error\":{}}}", quote(error));
    o
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    fn verdict(&self, v: Verdict) -> String {
        let code = match v {
            Verdict::Pass => "1;32",
            Verdict::Warn => "1;33",
            Verdict::Block => "1;31",
        };
        self.wrap(code, v.as_str())
    }
    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Info => "36",
            Severity::Warn => "33",
            Severity::Block => "31",
        };
        self.wrap(code, s.as_str())
    }
}

fn location(style: &Style, id: &Id) -> String {
    match (&style.file, id) {
        (Some(f), Id::Line(n)) => format!("{f}:{n}"),
        (Some(f), id) => format!("{f}: id {}", id.display()),
        (None, Id::Line(n)) => format!("line {n}"),
        (None, id) => format!("id {}", id.display()),
    }
}

/// Walks a text forward once, tracking line and column, so positions of sorted findings cost O(n) in all.
struct Cursor<'t> {
    text: &'t str,
    pos: usize,
    line: usize,
    line_start: usize,
    col: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor { text, pos: 0, line: 1, line_start: 0, col: 1 }
    }

    /// Moves to byte `to` (never backwards) and returns (line, column), 1-based, the column in chars.
    fn advance(&mut self, to: usize) -> (usize, usize) {
        if to > self.pos {
            for (i, c) in self.text[self.pos..to].char_indices() {
                if c == '\n' {
                    self.line += 1;
                    self.line_start = self.pos + i + 1;
                    self.col = 1;
                } else {
                    self.col += 1;
                }
            }
            self.pos = to;
        }
        (self.line, self.col)
    }

    fn line_end(&self) -> usize {
        memchr::memchr(b'\n', &self.text.as_bytes()[self.line_start..]).map_or(self.text.len(), |i| self.line_start + i)
    }
}

/// Lines longer than this are shown as a window around each finding.
const LONG_LINE: usize = 400;
/// Bytes of context on each side of a finding in a long line.
const WINDOW: usize = 60;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The human form of one checked message.
pub fn human_record(id: &Id, text: &str, report: &Report, style: &Style) -> String {
    let p = Paint { on: style.color };
    let mut out = format!("{}: {}", p.verdict(report.verdict), location(style, id));
    if report.verdict == Verdict::Pass && report.findings.is_empty() {
        out.push('\n');
        return out;
    }
    out.push_str(&format!(" (score {:.2}, {})", report.score, report.lang.code()));
    if report.verdict != Verdict::Pass {
        out.push_str(&format!(" {}", report.explanation()));
    }
    out.push('\n');
    let mut ctx = Vec::new();
    if report.context.generic {
        ctx.push("generic context");
    }
    if report.context.plural {
        ctx.push("plural/quantifier");
    }
    if report.context.no_person {
        ctx.push("no person");
    }
    if report.context.first_person {
        ctx.push("writer's own");
    }
    if !ctx.is_empty() {
        out.push_str(&format!("  = lowered by: {}\n", ctx.join(", ")));
    }
    let mut cursor = Cursor::new(text);
    let mut shown_line = 0;
    for f in &report.findings {
        let (line, col) = cursor.advance(f.start);
        if !style.show_text {
            out.push_str(&format!(
                "  --> {}:{} bytes {}..{} {} [{}] {} (weight {:.2})\n",
                line,
                col,
                f.start,
                f.end,
                f.rule.id(),
                f.category.as_str(),
                p.severity(f.severity),
                f.weight
            ));
            continue;
        }
        let line_start = cursor.line_start;
        let line_end = cursor.line_end();
        let gutter = line.to_string();
        let blank = " ".repeat(gutter.len());
        // Short lines are shown once with every finding under them; long ones as a window per finding.
        let (shown_from, prefix) = if line_end - line_start <= LONG_LINE {
            if shown_line != line {
                out.push_str(&format!("{blank} |\n{gutter} | {}\n", text[line_start..line_end].trim_end()));
                shown_line = line;
            }
            (line_start, "")
        } else {
            let from = floor_boundary(text, f.start.saturating_sub(WINDOW).max(line_start));
            let to = ceil_boundary(text, (f.end + WINDOW).min(line_end));
            out.push_str(&format!("{blank} |\n{gutter} | …{}…\n", &text[from..to]));
            (from, "…")
        };
        let pad = UnicodeWidthStr::width(prefix) + UnicodeWidthStr::width(&text[shown_from..f.start]);
        let span_end = f.end.min(line_end).max(f.start);
        let width = UnicodeWidthStr::width(&text[f.start..span_end]).max(1);
        let carets = p.wrap(if f.severity >= Severity::Warn { "1;31" } else { "1;36" }, &"^".repeat(width));
        out.push_str(&format!(
            "{blank} | {}{} {} [{}] {}\n",
            " ".repeat(pad),
            carets,
            f.rule.id(),
            f.category.as_str(),
            f.message
        ));
    }
    if report.omitted > 0 {
        out.push_str(&format!("  = and {} more findings (the verdict weighs them all)\n", report.omitted));
    }
    out
}

/// The human form of a record that could not be read.
pub fn human_error(id: &Id, error: &str, style: &Style) -> String {
    let p = Paint { on: style.color };
    format!("{}: {}: {error}\n", p.wrap("1;31", "error"), location(style, id))
}
