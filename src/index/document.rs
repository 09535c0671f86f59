//! Index: what of a clause goes into which field.

use tantivy::TantivyDocument;

use super::schema::{Fields, TextField};
use crate::analysis::{Language, is_han, key};
use crate::model::{Bilingual, Clause, Kind};

/// Kinds whose title is a name of their own; other titles are numbering ("第8项", "Item 8") or a
/// column heading shared by every post ("职业能力要求").
fn has_own_name(kind: Kind) -> bool {
    matches!(kind, Kind::Document | Kind::Category | Kind::Post)
}

fn pick(text: &Bilingual, language: Language) -> &str {
    match language {
        Language::Zh => &text.zh,
        Language::En => &text.en,
    }
}

/// The tantivy document of the clause at position `ord` of the corpus.
pub(super) fn document(fields: &Fields, ord: usize, clause: &Clause) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.ord, ord as u64);
    doc.add_text(fields.id, &clause.id);
    let named = has_own_name(clause.kind);
    for language in Language::BOTH {
        let text = fields.text(TextField::Text, language);
        let name = fields.text(TextField::Name, language);
        if named {
            doc.add_text(name, pick(&clause.title, language));
        }
        if !(named && clause.text == clause.title) {
            doc.add_text(text, pick(&clause.text, language));
        }
        if let Some(post) = &clause.post {
            doc.add_text(
                fields.text(TextField::Industry, language),
                pick(&post.industry, language),
            );
        }
    }
    let mut chinese: Vec<&str> = vec![&clause.text.zh];
    if named && clause.text != clause.title {
        chinese.push(&clause.title.zh);
    }
    chinese.extend(clause.post.as_ref().map(|p| p.industry.zh.as_str()));
    chinese.extend(
        clause
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| a.chars().any(is_han)),
    );
    for text in chinese {
        doc.add_text(fields.grams, text);
    }
    for alias in &clause.aliases {
        let language = if alias.chars().any(is_han) {
            Language::Zh
        } else {
            Language::En
        };
        doc.add_text(fields.text(TextField::Alias, language), alias);
    }
    let mut keys: Vec<String> = clause.aliases.iter().map(|a| key(a)).collect();
    if named {
        keys.push(key(&clause.title.zh));
        keys.push(key(&clause.title.en));
    }
    keys.sort();
    keys.dedup();
    for k in keys.into_iter().filter(|k| !k.is_empty()) {
        doc.add_text(fields.exact, k);
    }
    doc
}
