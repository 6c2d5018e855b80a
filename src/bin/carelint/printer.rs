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
pub fn json_record(linter: &Linter, id: &Id, text: &str, report: &Report, style: &Style, o: &mut String) {
    o.reserve(160 + report.findings.len() * 220);
    o.push_str("{\"id\":");
    write_id(o, id);
    if let Some(f) = &style.file {
        o.push_str(",\"file\":");
        quote_into(o, f);
    }
    o.push_str(",\"verdict\":\"");
    o.push_str(report.verdict.as_str());
    o.push_str("\",\"score\":");
    push_decimal(o, report.score);
    o.push_str(",\"lang\":\"");
    o.push_str(report.lang.code());
    o.push_str("\",\"findings\":[");
    for (i, f) in report.findings.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"rule\":\"");
        o.push_str(f.rule.id());
        o.push_str("\",\"category\":\"");
        o.push_str(f.category.as_str());
        o.push_str("\",\"severity\":\"");
        o.push_str(f.severity.as_str());
        let _ = write!(
            o,
            "\",\"start\":{},\"end\":{},\"char_start\":{},\"char_end\":{},\"weight\":",
            f.start, f.end, f.char_start, f.char_end
        );
        push_decimal(o, f.weight);
        o.push_str(",\"detector\":\"");
        o.push_str(detector_name(f.source));
        o.push_str("\",\"message\":");
        quote_into(o, f.message);
        if style.show_text {
            o.push_str(",\"excerpt\":");
            quote_into(o, excerpt(text, f));
            if let Some(e) = linter.entry(f.source) {
                o.push_str(",\"term\":");
                quote_into(o, e.term);
                o.push_str(",\"entry\":");
                quote_into(o, &format!("{}:{}", e.file, e.line));
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
        o.push_str(",\"text\":");
        quote_into(o, text);
    }
    o.push('}');
}

/// The id as JSON: the line number, or the record's own id as given.
fn write_id(o: &mut String, id: &Id) {
    let _ = match id {
        Id::Line(n) => write!(o, "{n}"),
        Id::Given(v) => write!(o, "{v}"),
    };
}

/// Appends `s` as a JSON string literal, exactly as `serde_json` writes it (only `"`, `\\` and control
/// characters are escaped). Most strings need no escape and are copied as they are.
fn quote_into(o: &mut String, s: &str) {
    if s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        o.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
    } else {
        o.push('"');
        o.push_str(s);
        o.push('"');
    }
}

/// `x` rounded to hundredths as `{:.2}` rounds it: the sign, and the number of hundredths. An `f32` times
/// 100 is exact in `f64`, and `{:.2}` rounds the exact value half to even, as `round_ties_even` does (a
/// proptest checks both printers built on this). `None` for values too large or not finite.
fn hundredths(x: f32) -> Option<(bool, u64)> {
    let v = f64::from(x) * 100.0;
    (v.is_finite() && v.abs() < 1e15).then(|| (x.is_sign_negative(), v.round_ties_even().abs() as u64))
}

/// Appends a score or weight rounded to two decimals, in the shortest form (`0.5`, `1`, `0.11`): what
/// [`round2`] prints, without formatting a float.
fn push_decimal(o: &mut String, x: f32) {
    let Some((negative, n)) = hundredths(x) else {
        let _ = write!(o, "{}", round2(x));
        return;
    };
    if negative {
        o.push('-');
    }
    let (int, frac) = (n / 100, n % 100);
    let _ = match (frac, frac % 10) {
        (0, _) => write!(o, "{int}"),
        (_, 0) => write!(o, "{int}.{}", frac / 10),
        _ => write!(o, "{int}.{frac:02}"),
    };
}

/// Appends `x` with two decimals, as `{:.2}` does, without formatting a float.
fn push_fixed2(o: &mut String, x: f32) {
    let _ = match hundredths(x) {
        Some((negative, n)) => write!(o, "{}{}.{:02}", if negative { "-" } else { "" }, n / 100, n % 100),
        None => write!(o, "{x:.2}"),
    };
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
pub fn json_error(id: &Id, error: &str, style: &Style, o: &mut String) {
    o.push_str("{\"id\":");
    write_id(o, id);
    if let Some(f) = &style.file {
        o.push_str(",\"file\":");
        quote_into(o, f);
    }
    o.push_str(",\"error\":");
    quote_into(o, error);
    o.push('}');
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        let mut out = String::new();
        self.push(&mut out, code, s);
        out
    }
    /// Appends `s`, in colour `code` when colour is on.
    fn push(&self, out: &mut String, code: &str, s: &str) {
        if self.on {
            out.push_str("\x1b[");
            out.push_str(code);
            out.push('m');
            out.push_str(s);
            out.push_str("\x1b[0m");
        } else {
            out.push_str(s);
        }
    }
    fn verdict(&self, out: &mut String, v: Verdict) {
        let code = match v {
            Verdict::Pass => "1;32",
            Verdict::Warn => "1;33",
            Verdict::Block => "1;31",
        };
        self.push(out, code, v.as_str());
    }
    fn severity(&self, out: &mut String, s: Severity) {
        let code = match s {
            Severity::Info => "36",
            Severity::Warn => "33",
            Severity::Block => "31",
        };
        self.push(out, code, s.as_str());
    }
}

/// Appends where a record is: `line 3`, `file.txt:3`, `id abc`, `file.txt: id abc`.
fn push_location(out: &mut String, style: &Style, id: &Id) {
    let _ = match (&style.file, id) {
        (Some(f), Id::Line(n)) => write!(out, "{f}:{n}"),
        (Some(f), id) => write!(out, "{f}: id {}", id.display()),
        (None, Id::Line(n)) => write!(out, "line {n}"),
        (None, id) => write!(out, "id {}", id.display()),
    };
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
pub fn human_record(id: &Id, text: &str, report: &Report, style: &Style, out: &mut String) {
    let p = Paint { on: style.color };
    p.verdict(out, report.verdict);
    out.push_str(": ");
    push_location(out, style, id);
    if report.verdict == Verdict::Pass && report.findings.is_empty() {
        out.push('\n');
        return;
    }
    out.push_str(" (score ");
    push_fixed2(out, report.score);
    out.push_str(", ");
    out.push_str(report.lang.code());
    out.push(')');
    if report.verdict != Verdict::Pass {
        out.push(' ');
        out.push_str(report.explanation());
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
        let _ = writeln!(out, "  = lowered by: {}", ctx.join(", "));
    }
    let mut cursor = Cursor::new(text);
    let mut shown_line = 0;
    for f in &report.findings {
        let (line, col) = cursor.advance(f.start);
        if !style.show_text {
            let _ = write!(out, "  --> {line}:{col} bytes {}..{} ", f.start, f.end);
            out.push_str(f.rule.id());
            out.push_str(" [");
            out.push_str(f.category.as_str());
            out.push_str("] ");
            p.severity(out, f.severity);
            out.push_str(" (weight ");
            push_fixed2(out, f.weight);
            out.push_str(")\n");
            continue;
        }
        let line_start = cursor.line_start;
        let line_end = cursor.line_end();
        let gutter = line.to_string();
        let blank = " ".repeat(gutter.len());
        // Short lines are shown once with every finding under them; long ones as a window per finding.
        let (shown_from, prefix) = if line_end - line_start <= LONG_LINE {
            if shown_line != line {
                let _ = writeln!(out, "{blank} |\n{gutter} | {}", text[line_start..line_end].trim_end());
                shown_line = line;
            }
            (line_start, "")
        } else {
            let from = floor_boundary(text, f.start.saturating_sub(WINDOW).max(line_start));
            let to = ceil_boundary(text, (f.end + WINDOW).min(line_end));
            let _ = writeln!(out, "{blank} |\n{gutter} | …{}…", &text[from..to]);
            (from, "…")
        };
        let pad = UnicodeWidthStr::width(prefix) + UnicodeWidthStr::width(&text[shown_from..f.start]);
        let span_end = f.end.min(line_end).max(f.start);
        let width = UnicodeWidthStr::width(&text[f.start..span_end]).max(1);
        let carets = p.wrap(if f.severity >= Severity::Warn { "1;31" } else { "1;36" }, &"^".repeat(width));
        let _ = writeln!(
            out,
            "{blank} | {}{} {} [{}] {}",
            " ".repeat(pad),
            carets,
            f.rule.id(),
            f.category.as_str(),
            f.message
        );
    }
    if report.omitted > 0 {
        let _ = writeln!(out, "  = and {} more findings (the verdict weighs them all)", report.omitted);
    }
}

/// The human form of a record that could not be read.
pub fn human_error(id: &Id, error: &str, style: &Style, out: &mut String) {
    let p = Paint { on: style.color };
    p.push(out, "1;31", "error");
    out.push_str(": ");
    push_location(out, style, id);
    let _ = writeln!(out, ": {error}");
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The allocation-free decimal is what the rounding through a string prints, for any score.
        #[test]
        fn push_decimal_prints_round2(x in proptest::num::f32::ANY) {
            let mut o = String::from("x");
            push_decimal(&mut o, x);
            proptest::prop_assert_eq!(o, format!("x{}", round2(x)));
        }

        /// The two-decimal form is `{:.2}`'s, for any score.
        #[test]
        fn push_fixed2_prints_like_format(x in proptest::num::f32::ANY) {
            let mut o = String::new();
            push_fixed2(&mut o, x);
            proptest::prop_assert_eq!(o, format!("{x:.2}"));
        }

        /// The fast string literal is serde_json's, escapes included.
        #[test]
        fn quote_into_is_serde_json(s in "(\\PC|[\"\\\\\u{0}-\u{1f}\u{7f}])*") {
            let mut o = String::new();
            quote_into(&mut o, &s);
            proptest::prop_assert_eq!(o, serde_json::to_string(&s).unwrap());
        }
    }

    #[test]
    fn decimals_in_their_shortest_form() {
        for (x, want) in [
            (0.0, "0"),
            (0.5, "0.5"),
            (1.0, "1"),
            (0.114, "0.11"),
            (12.345, "12.35"),
            (-0.004, "-0"),
            (-0.0, "-0"),
            (-1.5, "-1.5"),
            (0.125, "0.12"),
            (0.375, "0.38"),
            (2.625, "2.62"),
        ] {
            let mut o = String::new();
            push_decimal(&mut o, x);
            assert_eq!(o, want, "{x}");
            assert_eq!(round2(x).to_string(), want, "{x} through a string");
            let mut fixed = String::new();
            push_fixed2(&mut fixed, x);
            assert_eq!(fixed, format!("{x:.2}"), "{x} with two decimals");
        }
    }
}
