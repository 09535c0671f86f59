//! Fuzz target: resolving and linking arbitrary text never panics, and every span the linker
//! reports lies inside the text, in order, without overlap.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use talentdex::model::Corpus;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        talentdex::corpus::load(&dir).expect("the corpus loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let citations = talentdex::citation::Citations::new(corpus());
    let _ = citations.resolve(text);
    if let Ok(links) = citations.link(text) {
        let chars = text.chars().count();
        let mut last_end = 0;
        for c in &links.citations {
            assert!(c.start >= last_end && c.start < c.end && c.end <= chars, "bad span");
            last_end = c.end;
        }
    }
});
