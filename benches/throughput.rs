//! carelint benchmarks (see BENCHMARKS.md):
//! - `check/message-80b`: latency of one `check_with` on 1 000 typical 60-100-byte messages (clean and
//!   with findings);
//! - `check/batch`: throughput over a batch of 10 000 generated messages;
//! - `build/embedded`: building the linter from the embedded lexicons and automaton (start-up);
//! - `baseline/aho-corasick`: one bare Aho-Corasick scan with the same patterns over the same bytes,
//!   doing nothing with the matches. `check/batch` divided by this is the ratio we steer by;
//! - `baseline/message-80b`: the same bare scan over the 80-byte messages, the ceiling of any
//!   per-message rate here.
use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use carelint::{Linter, Report, Scratch};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/corpus.rs"]
mod corpus;

fn bench(c: &mut Criterion) {
    let linter = Linter::new();
    let batch = corpus::messages(10_000, 0x5EED);
    let bytes: usize = batch.iter().map(String::len).sum();
    let short = corpus::messages_of_length(1_000, 80, 0xBEEF);
    let short_bytes: usize = short.iter().map(String::len).sum();

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("batch", |b| {
        let mut scratch = Scratch::default();
        let mut report = Report::default();
        b.iter(|| {
            let mut flagged = 0usize;
            for m in &batch {
                linter.check_with(black_box(m), &mut scratch, &mut report);
                flagged += usize::from(!report.passed());
            }
            flagged
        })
    });
    g.throughput(Throughput::Bytes(short_bytes as u64));
    g.bench_function("message-80b", |b| {
        let mut scratch = Scratch::default();
        let mut report = Report::default();
        b.iter(|| {
            for m in &short {
                linter.check_with(black_box(m), &mut scratch, &mut report);
            }
        })
    });
    g.finish();

    let patterns = linter.patterns().to_vec();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("baseline automaton");
    let mut g = c.benchmark_group("baseline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("aho-corasick", |b| {
        b.iter(|| batch.iter().map(|m| ac.find_overlapping_iter(black_box(m.as_str())).count()).sum::<usize>())
    });
    // The same scan over the 80-byte messages: the ceiling of any per-message rate on this machine.
    g.throughput(Throughput::Bytes(short_bytes as u64));
    g.bench_function("message-80b", |b| {
        b.iter(|| short.iter().map(|m| ac.find_overlapping_iter(black_box(m.as_str())).count()).sum::<usize>())
    });
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("embedded", |b| b.iter(|| black_box(Linter::new())));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
