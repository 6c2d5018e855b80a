//! Helpers shared by the integration tests that run the `carelint` binary.

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// Starts `carelint ARGS` with piped stdin, stdout and stderr.
#[allow(dead_code)] // not every test file that includes this module uses every helper
pub fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_carelint"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run carelint")
}

/// Runs `carelint ARGS` with `stdin` and waits for it. Stdin is written from a thread and a broken pipe
/// there is ignored, so a process that exits early (a usage error, a closed input) does not hang the test.
pub fn carelint(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for carelint");
    writer.join().expect("stdin writer");
    out
}
