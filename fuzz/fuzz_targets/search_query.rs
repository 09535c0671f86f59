//! Fuzz target: query analysis and the whole search path (normalisation, segmentation, synonyms,
//! spelling correction, query planning, snippets) take any text without panicking, and every
//! token the analyser reports points inside the text it was given.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use talentdex::analysis::{Analyzer, Language};
use talentdex::search::{Request, SearchEngine};

fn engine() -> &'static SearchEngine {
    static ENGINE: OnceLock<SearchEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        let corpus = talentdex::corpus::load(&dir).expect("the corpus loads");
        let analyzer = Analyzer::load(&dir).expect("the search data loads");
        SearchEngine::in_ram(Arc::new(corpus), Arc::new(analyzer)).expect("the index builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let engine = engine();
    for language in [Language::Zh, Language::En] {
        for token in engine.analyzer().analyze(language, text) {
            assert!(!token.term.is_empty(), "an empty term");
            assert!(text.get(token.span.clone()).is_some(), "a span outside the text");
        }
    }
    let _ = engine.search(&Request::new(text));
});
