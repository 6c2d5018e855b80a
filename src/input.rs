//! Input records for the CLI and integrations: one message per line, the whole input as one message, or
//! JSON Lines. Streaming: one record at a time. Every input record yields exactly one [`Record`], in
//! order; a record that cannot be read (invalid UTF-8, malformed JSON) yields an error record that names
//! the problem and its byte position, never the content.
//!
//! ```
//! use carelint::input::{InputMode, Reader, Record};
//!
//! let mut r = Reader::new(&b"ok\n\xff\n{\"text\":1}\n"[..], InputMode::Lines);
//! let mut n = 0;
//! while let Some(rec) = r.next_record().unwrap() {
//!     n += 1;
//!     if n == 2 {
//!         assert!(matches!(rec, Record::Error { .. }));
//!     }
//! }
//! assert_eq!(n, 3);
//! ```

use std::io::{self, BufRead};

use serde_json::Value;

/// How the input is split into messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// One message per line (CRLF and a leading BOM are handled; empty lines are messages that pass).
    Lines,
    /// All input is one message (a multi-line chat message from an integration).
    Text,
    /// JSON Lines: objects with `"text"` and an optional `"id"`.
    Jsonl,
}

/// The id of a record in output: the input's own id (JSON Lines), else the 1-based line number.
#[derive(Debug, Clone, PartialEq)]
pub enum Id {
    /// The 1-based line number.
    Line(u64),
    /// The `"id"` of a JSON Lines record (a string or a number).
    Given(Value),
}

impl Id {
    /// The id as JSON (a number for line numbers).
    pub fn to_json(&self) -> Value {
        match self {
            Id::Line(n) => Value::from(*n),
            Id::Given(v) => v.clone(),
        }
    }

    /// The id for people: the line number or the given id.
    pub fn display(&self) -> String {
        match self {
            Id::Line(n) => n.to_string(),
            Id::Given(Value::String(s)) => s.clone(),
            Id::Given(v) => v.to_string(),
        }
    }
}

/// One input record. Its `Debug` output shows the text's length, never the text.
#[derive(Clone)]
pub enum Record {
    /// A message to check.
    Message {
        /// Its id.
        id: Id,
        /// The message text.
        text: String,
    },
    /// A record that could not be read.
    Error {
        /// Its id (the line number when the record's own id could not be read).
        id: Id,
        /// What is wrong, without the record's content.
        error: String,
    },
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Record::Message { id, text } => {
                f.debug_struct("Message").field("id", id).field("text_bytes", &text.len()).finish()
            }
            Record::Error { id, error } => f.debug_struct("Error").field("id", id).field("error", error).finish(),
        }
    }
}

/// Reads records from one source.
pub struct Reader<R> {
    src: R,
    mode: InputMode,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader over `src`.
    pub fn new(src: R, mode: InputMode) -> Self {
        Reader { src, mode, line: 0, buf: Vec::new(), done: false }
    }

    /// The source, e.g. to ask a `BufReader` whether more input is buffered (reading on would not wait).
    pub fn get_ref(&self) -> &R {
        &self.src
    }

    /// The next record; `Ok(None)` at the end; `Err` only when reading itself fails.
    pub fn next_record(&mut self) -> io::Result<Option<Record>> {
        if self.done {
            return Ok(None);
        }
        if self.mode == InputMode::Text {
            self.done = true;
            self.buf.clear();
            self.src.read_to_end(&mut self.buf)?;
            self.line = 1;
            let bytes = strip_bom(&self.buf);
            return Ok(Some(match std::str::from_utf8(bytes) {
                Ok(t) => Record::Message { id: Id::Line(1), text: t.to_string() },
                Err(e) => Record::Error { id: Id::Line(1), error: utf8_error(&e) },
            }));
        }
        self.buf.clear();
        let n = self.src.read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            self.done = true;
            return Ok(None);
        }
        self.line += 1;
        let line = self.line;
        let mut bytes: &[u8] = &self.buf;
        if let Some(b) = bytes.strip_suffix(b"\n") {
            bytes = b;
        }
        if let Some(b) = bytes.strip_suffix(b"\r") {
            bytes = b;
        }
        if line == 1 {
            bytes = strip_bom(bytes);
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return Ok(Some(Record::Error { id: Id::Line(line), error: utf8_error(&e) }));
            }
        };
        Ok(Some(match self.mode {
            InputMode::Lines => Record::Message { id: Id::Line(line), text: text.to_string() },
            _ => parse_json_record(text, line),
        }))
    }
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

fn utf8_error(e: &std::str::Utf8Error) -> String {
    format!("invalid UTF-8 at byte {}", e.valid_up_to())
}

fn parse_json_record(text: &str, line: u64) -> Record {
    let err = |error: String| Record::Error { id: Id::Line(line), error };
    if text.trim().is_empty() {
        return err("empty line: expected a JSON object with \"text\"".into());
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // serde_json's message names line and column, never the input text.
        Err(e) => return err(format!("malformed JSON: {e}")),
    };
    let Value::Object(mut obj) = value else {
        return err("expected a JSON object with \"text\"".into());
    };
    let id = match obj.remove("id") {
        None | Some(Value::Null) => Id::Line(line),
        Some(v @ (Value::String(_) | Value::Number(_))) => Id::Given(v),
        Some(_) => return err("\"id\" must be a string or a number".into()),
    };
    match obj.remove("text") {
        Some(Value::String(text)) => Record::Message { id, text },
        Some(_) => Record::Error { id, error: "\"text\" must be a string".into() },
        None => Record::Error { id, error: "missing \"text\"".into() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], mode: InputMode) -> Vec<Record> {
        let mut r = Reader::new(input, mode);
        let mut out = Vec::new();
        while let Some(rec) = r.next_record().unwrap() {
            out.push(rec);
        }
        out
    }

    #[test]
    fn lines_keep_count_and_order() {
        let recs = all(b"\xEF\xBB\xBFa\r\n\nb\xFFc\nlast", InputMode::Lines);
        assert_eq!(recs.len(), 4);
        assert!(matches!(&recs[0], Record::Message { text, .. } if text == "a"));
        assert!(matches!(&recs[1], Record::Message { text, .. } if text.is_empty()));
        assert!(matches!(&recs[2], Record::Error { id: Id::Line(3), error } if error.contains("byte 1")));
        assert!(matches!(&recs[3], Record::Message { text, id: Id::Line(4) } if text == "last"));
    }

    #[test]
    fn jsonl_ids_and_errors() {
        let recs = all(b"{\"id\":\"x\",\"text\":\"hej\"}\n{bad\n{\"text\":5}\n{\"text\":\"t\"}\n", InputMode::Jsonl);
        assert!(matches!(&recs[0], Record::Message { id: Id::Given(Value::String(s)), .. } if s == "x"));
        assert!(matches!(&recs[1], Record::Error { error, .. } if error.starts_with("malformed JSON")));
        assert!(matches!(&recs[2], Record::Error { error, .. } if error.contains("must be a string")));
        assert!(matches!(&recs[3], Record::Message { id: Id::Line(4), .. }));
    }

    #[test]
    fn text_mode_is_one_record() {
        let recs = all(b"rad 1\nrad 2\n", InputMode::Text);
        assert_eq!(recs.len(), 1);
        assert!(matches!(&recs[0], Record::Message { text, .. } if text == "rad 1\nrad 2\n"));
    }
}
