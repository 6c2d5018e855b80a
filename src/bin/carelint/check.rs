//! `carelint check`: streams records through the linter in batches, on every core, keeping input order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
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

/// Records per batch, and bytes per batch: what is held in memory at once.
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
    let mut scratches: Vec<(Scratch, Report)> = (0..jobs).map(|_| Default::default()).collect();

    let files: Vec<Option<PathBuf>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().map(|f| (f.as_os_str() != "-").then(|| f.clone())).collect()
    };
    let name_files = files.len() > 1;
    for file in files {
        let src: Box<dyn BufRead> = match &file {
            None => Box::new(io::stdin().lock()),
            Some(p) => Box::new(BufReader::with_capacity(
                1 << 16,
                File::open(p).with_context(|| format!("cannot open {}", p.display()))?,
            )),
        };
        let style = Style {
            show_text,
            color,
            file: if name_files { Some(file.as_ref().map_or("-".into(), |p| p.display().to_string())) } else { None },
        };
        let mut reader = Reader::new(src, args.input.into());
        loop {
            let mut batch = Vec::new();
            let mut bytes = 0;
            while batch.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
                let read = reader.next_record().with_context(|| {
                    format!("cannot read {}", file.as_ref().map_or("stdin".into(), |p| p.display().to_string()))
                })?;
                let Some(rec) = read else { break };
                if let Record::Message { text, .. } = &rec {
                    bytes += text.len();
                }
                batch.push(rec);
            }
            if batch.is_empty() {
                break;
            }
            let results = process(&linter, &batch, &mut scratches, args.format, &style);
            for (rec, (verdict, rendered)) in batch.iter().zip(results) {
                match rec {
                    Record::Error { .. } => totals.errors += 1,
                    Record::Message { .. } => {
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
                out.write_all(rendered.as_bytes())?;
            }
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

/// Checks and renders a batch, split over the scratches' threads; results come back in input order.
fn process(
    linter: &Linter,
    batch: &[Record],
    scratches: &mut [(Scratch, Report)],
    format: Format,
    style: &Style,
) -> Vec<(Verdict, String)> {
    let jobs = scratches.len().min(batch.len()).max(1);
    if jobs == 1 {
        let (scratch, report) = &mut scratches[0];
        return batch.iter().map(|r| one(linter, r, scratch, report, format, style)).collect();
    }
    let chunk = batch.len().div_ceil(jobs);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .zip(scratches.iter_mut())
            .map(|(recs, (scratch, report))| {
                s.spawn(move || recs.iter().map(|r| one(linter, r, scratch, report, format, style)).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a checking thread panicked")).collect()
    })
}

fn one(
    linter: &Linter,
    rec: &Record,
    scratch: &mut Scratch,
    report: &mut Report,
    format: Format,
    style: &Style,
) -> (Verdict, String) {
    match rec {
        Record::Message { id, text, .. } => {
            linter.check_with(text, scratch, report);
            let rendered = match format {
                Format::Human => printer::human_record(id, text, report, style),
                Format::Jsonl => format!("{}\n", printer::json_record(linter, id, text, report, style)),
                Format::Json => printer::json_record(linter, id, text, report, style),
            };
            (report.verdict, rendered)
        }
        Record::Error { id, error, .. } => {
            let rendered = match format {
                Format::Human => printer::human_error(id, error, style),
                Format::Jsonl => format!("{}\n", printer::json_error(id, error, style)),
                Format::Json => printer::json_error(id, error, style),
            };
            (Verdict::Pass, rendered)
        }
    }
}
