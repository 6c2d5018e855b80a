//! Arbitrary bytes as a lexicon file: parsing never panics, errors carry a line inside the file, and a
//! lexicon that parses builds a linter that can check a message.
#![no_main]

use carelint::{Lang, Lexicon, LinterBuilder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lex = Lexicon::default();
    match lex.add_str("fuzz.txt", &text, Some(Lang::Sv)) {
        Err(e) => assert!(e.line <= text.lines().count().max(1), "{e}"),
        Ok(()) => {
            if lex.len() > 2000 {
                return;
            }
            let linter = LinterBuilder::new()
                .embedded_lexicons(false)
                .lexicon_str("fuzz.txt", &text, Some(Lang::Sv))
                .build()
                .expect("a lexicon that parsed must build");
            let r = linter.check("Brukaren på rum 5 har feber, fru J i 12:an");
            for f in &r.findings {
                assert!(f.start < f.end);
            }
        }
    }
});
