//! `carelint check`: streams records through the linter in batches, on every core, keeping input order.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use carelint::{Linter, Report, Scratch, Verdict};

use crate::LinterArgs;
use crate::printer::{self, Format, Style};
use carelint::input::{InputMode, Reader, Record};

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files to check; stdin when none or `-`.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// How the input is split into messages.
    #[arg(long, value_enum, default_value_t = Input::Lines)]
    input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Include message text and excerpts in the output (they are sensitive: off by default).
    #[arg(long)]
    show_text: bool,
    /// Exit 1 when a message is flagged at or above this verdict.
    #[arg(long, value_enum, default_value_t = FailOn::Warn)]
    fail_on: FailOn,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Worker threads (default: the available cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    #[command(flatten)]
    linter: LinterArgs,
}

/// `--input`: how the input is split into messages (see [`InputMode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Input {
    /// One message per line (CRLF and a leading BOM are handled; empty lines are messages that pass).
    Lines,
    /// All input is one message (a multi-line chat message from an integration).
    Text,
    /// JSON Lines: objects with `"text"` and an optional `"id"`.
    Jsonl,
}

impl From<Input> for InputMode {
    fn from(i: Input) -> InputMode {
        match i {
            Input::Lines => InputMode::Lines,
            Input::Text => InputMode::Text,
            Input::Jsonl => InputMode::Jsonl,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Warn,
    Block,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Records per batch, and bytes per batch. At most two batches are held at once (one being checked, the
/// next being read), so memory stays bounded on an endless stream.
const BATCH_RECORDS: usize = 4096;
const BATCH_BYTES: usize = 8 << 20;

#[derive(Default)]
struct Totals {
    messages: u64,
    pass: u64,
    warn: u64,
    block: u64,
    errors: u64,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<u8> {
    let linter = args.linter.build()?;
    let stdout = io::stdout();
    let tty = stdout.is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    // On a terminal the person at it sees the text anyway; redirected output never carries it unasked.
    let show_text = args.show_text || (tty && args.format == Format::Human);
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut totals = Totals::default();
    // `--format json` is one document, written as the records come (nothing is held back).
    let mut json_records = 0u64;
    if args.format == Format::Json {
        out.write_all(b"{\"records\": [")?;
    }
    let mut workers: Vec<Worker> = (0..jobs).map(|_| Worker::default()).collect();

    let files: Vec<Option<PathBuf>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().map(|f| (f.as_os_str() != "-").then(|| f.clone())).collect()
    };
    let name_files = files.len() > 1;
    for file in files {
        // Our own buffer over every source, so the loop can tell whether reading on would wait for input.
        let src: Source = BufReader::with_capacity(
            1 << 16,
            match &file {
                None => Box::new(io::stdin().lock()),
                Some(p) => Box::new(File::open(p).with_context(|| format!("cannot open {}", p.display()))?),
            },
        );
        let style = Style {
            show_text,
            color,
            file: if name_files { Some(file.as_ref().map_or("-".into(), |p| p.display().to_string())) } else { None },
        };
        let mut reader = Reader::new(src, args.input.into());
        let what = file.as_ref().map_or("stdin".into(), |p| p.display().to_string());
        // While the workers check one batch, this thread reads the records already buffered after it. A
        // batch ends where the input buffer does, so a program that writes a line and waits for its
        // verdict gets it (the output is flushed whenever the next read would wait).
        let mut pending = Vec::new();
        loop {
            if pending.is_empty() {
                pending = read_batch(&mut reader, &what, true)?;
                if pending.is_empty() {
                    break;
                }
            }
            let batch = std::mem::take(&mut pending);
            let (used, ahead) = std::thread::scope(|s| {
                let used = process(s, &linter, &batch, &mut workers, args.format, &style);
                (used, read_batch(&mut reader, &what, false))
            });
            let mut recs = batch.iter();
            for w in &workers[..used] {
                let mut from = 0;
                for (&end, &verdict) in w.ends.iter().zip(&w.verdicts) {
                    match recs.next() {
                        Some(Record::Error { .. }) => totals.errors += 1,
                        _ => {
                            totals.messages += 1;
                            match verdict {
                                Verdict::Pass => totals.pass += 1,
                                Verdict::Warn => totals.warn += 1,
                                Verdict::Block => totals.block += 1,
                            }
                        }
                    }
                    if args.format == Format::Json {
                        out.write_all(if json_records == 0 { b"\n" } else { b",\n" })?;
                        json_records += 1;
                    }
                    out.write_all(&w.out.as_bytes()[from..end])?;
                    from = end;
                }
            }
            if reader.get_ref().buffer().is_empty() {
                out.flush()?;
            }
            // A read error is reported after the records before it are written.
            pending = ahead?;
        }
    }
    match args.format {
        Format::Json => writeln!(
            out,
            "\n],\n\"summary\": {{\"messages\": {}, \"pass\": {}, \"warn\": {}, \"block\": {}, \"errors\": {}}}}}",
            totals.messages, totals.pass, totals.warn, totals.block, totals.errors
        )?,
        Format::Human => writeln!(
            out,
            "{} message{}: {} pass, {} warn, {} block{}",
            totals.messages,
            if totals.messages == 1 { "" } else { "s" },
            totals.pass,
            totals.warn,
            totals.block,
            if totals.errors > 0 { format!(", {} unreadable", totals.errors) } else { String::new() }
        )?,
        Format::Jsonl => {}
    }
    out.flush()?;
    let flagged = match args.fail_on {
        FailOn::Warn => totals.warn + totals.block,
        FailOn::Block => totals.block,
    };
    Ok(if totals.errors > 0 {
        2
    } else if flagged > 0 {
        1
    } else {
        0
    })
}

/// One checking thread's buffers, reused from batch to batch: the linter's scratch and report, and the
/// rendered records of its part of the batch (one string, with each record's end and verdict), so
/// rendering allocates nothing per record once the buffers have grown.
#[derive(Default)]
struct Worker {
    scratch: Scratch,
    report: Report,
    out: String,
    ends: Vec<usize>,
    verdicts: Vec<Verdict>,
}

/// An input source with carelint's own buffer.
type Source<'a> = BufReader<Box<dyn Read + 'a>>;

/// Reads the next batch of records: up to the batch limits, and no further than the input already
/// buffered once the batch has a record (or at all, unless `wait`). Empty at the end of the input, or,
/// without `wait`, when nothing is buffered.
fn read_batch(reader: &mut Reader<Source<'_>>, what: &str, wait: bool) -> anyhow::Result<Vec<Record>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
        if (!wait || !batch.is_empty()) && reader.get_ref().buffer().is_empty() {
            break;
        }
        let Some(rec) = reader.next_record().with_context(|| format!("cannot read {what}"))? else { break };
        if let Record::Message { text, .. } = &rec {
            bytes += text.len();
        }
        batch.push(rec);
    }
    Ok(batch)
}

/// Checks and renders a batch, split over the workers in consecutive parts: on threads of the scope `s`
/// (joined when it ends) when there are several, else right here. Returns how many workers took a part;
/// their outputs, in order, are the batch's records in input order.
fn process<'s, 'e>(
    s: &'s std::thread::Scope<'s, 'e>,
    linter: &'e Linter,
    batch: &'e [Record],
    workers: &'e mut [Worker],
    format: Format,
    style: &'e Style,
) -> usize {
    let jobs = workers.len().min(batch.len()).max(1);
    if jobs == 1 {
        workers[0].render(linter, batch, format, style);
        return 1;
    }
    let chunk = batch.len().div_ceil(jobs);
    for (recs, w) in batch.chunks(chunk).zip(workers.iter_mut()) {
        s.spawn(move || w.render(linter, recs, format, style));
    }
    batch.chunks(chunk).len()
}

impl Worker {
    fn render(&mut self, linter: &Linter, recs: &[Record], format: Format, style: &Style) {
        self.out.clear();
        self.ends.clear();
        self.verdicts.clear();
        for rec in recs {
            let verdict = match rec {
                Record::Message { id, text, .. } => {
                    linter.check_with(text, &mut self.scratch, &mut self.report);
                    match format {
                        Format::Human => printer::human_record(id, text, &self.report, style, &mut self.out),
                        Format::Jsonl | Format::Json => {
                            printer::json_record(linter, id, text, &self.report, style, &mut self.out)
                        }
                    }
                    self.report.verdict
                }
                Record::Error { id, error, .. } => {
                    match format {
                        Format::Human => printer::human_error(id, error, style, &mut self.out),
                        Format::Jsonl | Format::Json => printer::json_error(id, error, style, &mut self.out),
                    }
                    Verdict::Pass
                }
            };
            if format == Format::Jsonl {
                self.out.push('\n');
            }
            self.ends.push(self.out.len());
            self.verdicts.push(verdict);
        }
    }
}
