//! Index: the analyzer as tantivy tokenizers, so tantivy indexes exactly the terms `analysis`
//! produces for queries and highlights.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::analysis::{Analyzer, Language};

/// The tokenizer registered for one language's fields.
#[derive(Clone)]
pub(super) struct AnalyzerTokenizer {
    pub analyzer: Arc<Analyzer>,
    pub language: Language,
}

/// The tokenizer of the Chinese character field: characters and neighbour pairs.
#[derive(Clone)]
pub(super) struct GramTokenizer {
    pub analyzer: Arc<Analyzer>,
}

pub(super) struct AnalyzedStream {
    tokens: Vec<Token>,
    /// How many tokens `advance` has handed out.
    taken: usize,
}

impl Tokenizer for AnalyzerTokenizer {
    type TokenStream<'a> = AnalyzedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedStream {
        AnalyzedStream::new(self.analyzer.analyze(self.language, text))
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = AnalyzedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedStream {
        AnalyzedStream::new(self.analyzer.han_grams(text))
    }
}

impl AnalyzedStream {
    fn new(tokens: Vec<crate::analysis::Token>) -> AnalyzedStream {
        let tokens = tokens
            .into_iter()
            .map(|t| Token {
                offset_from: t.span.start,
                offset_to: t.span.end,
                position: t.position,
                text: t.term,
                position_length: 1,
            })
            .collect();
        AnalyzedStream { tokens, taken: 0 }
    }
}

impl TokenStream for AnalyzedStream {
    fn advance(&mut self) -> bool {
        if self.taken < self.tokens.len() {
            self.taken += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.taken.saturating_sub(1)]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.taken.saturating_sub(1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_the_analyzer_tokens_in_order() {
        let mut tokenizer = AnalyzerTokenizer {
            analyzer: Arc::new(Analyzer::new(None, None).unwrap()),
            language: Language::En,
        };
        let mut stream = tokenizer.token_stream("Chip design, chips.");
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            seen.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        assert_eq!(
            seen,
            vec![
                ("chip".to_string(), 0, 0, 4),
                ("design".to_string(), 1, 5, 11),
                ("chip".to_string(), 2, 13, 18),
            ]
        );
    }
}
