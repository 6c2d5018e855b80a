//! Writes N generated care-chat messages (the benchmark corpus, seeded) to stdout, one per line, for
//! measuring the CLI: `cargo run --release --example gen_corpus -- 1000000 > /tmp/chat.txt`.
#[allow(dead_code)] // the benchmark helpers this example does not use
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::{BufWriter, Write};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for m in corpus::messages(n, 0x5EED) {
        writeln!(out, "{m}").expect("write");
    }
}
