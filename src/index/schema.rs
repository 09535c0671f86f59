//! Index: the tantivy schema of a clause and the tokenizers its text fields use. The only place
//! that says which fields exist and how each is analysed.

use std::sync::Arc;

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::tokenizer::{AnalyzerTokenizer, GramTokenizer};
use crate::analysis::{Analyzer, Language};

const TOKENIZER_ZH: &str = "talentdex_zh";
const TOKENIZER_EN: &str = "talentdex_en";
const TOKENIZER_GRAMS: &str = "talentdex_grams";
const GRAMS: &str = "grams_zh";

/// The searchable text of a clause, one field per language for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The clause's own name: a post's name, a category's or document's title.
    Name,
    /// Other names people search for (the clause's `aliases`).
    Alias,
    /// The clause's text (not repeated when it is only its name).
    Text,
    /// A post's industry.
    Industry,
}

impl TextField {
    pub const ALL: [TextField; 4] = [
        TextField::Name,
        TextField::Alias,
        TextField::Text,
        TextField::Industry,
    ];

    fn slot(self) -> usize {
        self as usize
    }

    fn name(self) -> &'static str {
        match self {
            TextField::Name => "name",
            TextField::Alias => "alias",
            TextField::Text => "text",
            TextField::Industry => "industry",
        }
    }
}

/// The fields of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The clause's position in the corpus (a fast field: search hits map to clauses by it).
    pub ord: Field,
    /// The clause ID, stored, so opening an index can check it against the corpus.
    pub id: Field,
    /// Exact-match keys (`analysis::key`) of the clause's name and aliases.
    pub exact: Field,
    /// Every Chinese character of the clause's texts and each pair of neighbours: the fallback
    /// for Chinese words the dictionary does not know (ranked below word matches).
    pub grams: Field,
    /// `text[field][language]`.
    text: [[Field; 2]; 4],
}

pub(super) const ORD: &str = "ord";

impl Fields {
    pub fn text(&self, field: TextField, language: Language) -> Field {
        self.text[field.slot()][lang_slot(language)]
    }

    /// Every text field of one language.
    pub fn of_language(&self, language: Language) -> impl Iterator<Item = Field> + '_ {
        TextField::ALL
            .map(move |f| self.text(f, language))
            .into_iter()
    }

    /// The fields of a schema, or the name of the first one it lacks.
    pub(super) fn of(schema: &Schema) -> Result<Fields, String> {
        let get = |name: &str| schema.get_field(name).map_err(|_| name.to_string());
        let mut text = [[Field::from_field_id(0); 2]; 4];
        for field in TextField::ALL {
            for language in Language::BOTH {
                text[field.slot()][lang_slot(language)] = get(&field_name(field, language))?;
            }
        }
        Ok(Fields {
            ord: get(ORD)?,
            id: get("id")?,
            exact: get("exact")?,
            grams: get(GRAMS)?,
            text,
        })
    }
}

fn lang_slot(language: Language) -> usize {
    match language {
        Language::Zh => 0,
        Language::En => 1,
    }
}

fn field_name(field: TextField, language: Language) -> String {
    format!("{}_{}", field.name(), language.as_str())
}

fn tokenizer_name(language: Language) -> &'static str {
    match language {
        Language::Zh => TOKENIZER_ZH,
        Language::En => TOKENIZER_EN,
    }
}

/// The schema: positions are kept so phrases can add to a score.
pub(super) fn schema() -> Schema {
    let mut builder = Schema::builder();
    builder.add_u64_field(ORD, FAST);
    builder.add_text_field("id", STRING | STORED);
    builder.add_text_field("exact", STRING);
    let grams = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER_GRAMS)
        .set_index_option(IndexRecordOption::WithFreqs);
    builder.add_text_field(GRAMS, TextOptions::default().set_indexing_options(grams));
    for field in TextField::ALL {
        for language in Language::BOTH {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(tokenizer_name(language))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            builder.add_text_field(&field_name(field, language), options);
        }
    }
    builder.build()
}

/// Register the analyzer's tokenizers with an index (they are not stored with it).
pub(super) fn register_tokenizers(index: &Index, analyzer: &Arc<Analyzer>) {
    for language in Language::BOTH {
        let tokenizer = AnalyzerTokenizer {
            analyzer: analyzer.clone(),
            language,
        };
        index
            .tokenizers()
            .register(tokenizer_name(language), tokenizer);
    }
    let grams = GramTokenizer {
        analyzer: analyzer.clone(),
    };
    index.tokenizers().register(TOKENIZER_GRAMS, grams);
}
