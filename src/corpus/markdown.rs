//! Corpus, first step: the one place that runs pulldown-cmark. It turns a corpus file into its raw
//! parts — front matter text, clause headings, `key: value` fields with their lines — and nothing
//! else; `corpus::build` gives them meaning.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::error::Problem;

/// A `key: value` bullet, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// A clause heading (`### 2.8`) and the fields beneath it.
#[derive(Debug, Clone)]
pub struct RawClause {
    pub heading: String,
    pub level: usize,
    pub line: usize,
    pub fields: Vec<Field>,
}

/// A corpus file split into its parts.
#[derive(Debug, Clone, Default)]
pub struct RawFile {
    pub front_matter: Option<(String, usize)>,
    /// Fields under the `#` heading (or before any heading): the document's own text.
    pub doc_fields: Vec<Field>,
    pub clauses: Vec<RawClause>,
}

/// The Markdown extensions the corpus uses: TOML front matter between `+++` lines. Nothing else,
/// so that `~`, `|` and `$` in legal text stay text.
fn parser(source: &str) -> Parser<'_> {
    Parser::new_ext(source, Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS)
}

/// Line numbers (1-based) of byte offsets.
struct Lines(Vec<usize>);

impl Lines {
    fn new(source: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    fn at(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// What the event loop is inside of.
enum State {
    Top,
    FrontMatter(usize),
    Heading {
        level: usize,
        line: usize,
    },
    /// In a list item: its paragraphs so far, the line it starts on.
    Item {
        paragraphs: Vec<String>,
        line: usize,
    },
}

pub fn parse(source: &str) -> Result<RawFile, (usize, Problem)> {
    let lines = Lines::new(source);
    let mut file = RawFile::default();
    let mut state = State::Top;
    let mut text = String::new();
    let mut list_depth = 0usize;

    for (event, range) in parser(source).into_offset_iter() {
        let line = lines.at(range.start);
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::PlusesStyle)) => {
                state = State::FrontMatter(line + 1);
                text.clear();
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                if let State::FrontMatter(start) = state {
                    file.front_matter = Some((std::mem::take(&mut text), start));
                }
                state = State::Top;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                state = State::Heading {
                    level: level as usize,
                    line,
                };
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                if let State::Heading { level, line } = state {
                    let heading = std::mem::take(&mut text).trim().to_string();
                    if level == 1 && file.clauses.is_empty() {
                        // The document's label: its fields follow.
                    } else {
                        file.clauses.push(RawClause {
                            heading,
                            level,
                            line,
                            fields: Vec::new(),
                        });
                    }
                }
                state = State::Top;
            }
            Event::Start(Tag::List(_)) => {
                list_depth += 1;
                if list_depth > 1 {
                    return Err((line, Problem::Markup("a nested list".into())));
                }
            }
            Event::End(TagEnd::List(_)) => list_depth -= 1,
            Event::Start(Tag::Item) => {
                state = State::Item {
                    paragraphs: Vec::new(),
                    line,
                };
                text.clear();
            }
            Event::Start(Tag::Paragraph) => {
                if !matches!(state, State::Item { .. }) {
                    return Err((
                        line,
                        Problem::Markup("text outside a `key: value` bullet".into()),
                    ));
                }
                flush_paragraph(&mut state, &mut text);
            }
            Event::End(TagEnd::Paragraph) => flush_paragraph(&mut state, &mut text),
            Event::End(TagEnd::Item) => {
                flush_paragraph(&mut state, &mut text);
                if let State::Item { paragraphs, line } = std::mem::replace(&mut state, State::Top)
                {
                    let field = field_of(paragraphs, line)?;
                    match file.clauses.last_mut() {
                        Some(clause) => clause.fields.push(field),
                        None => file.doc_fields.push(field),
                    }
                }
            }
            Event::Text(t) => text.push_str(&t),
            Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => {
                return Err((line, Problem::Markup(format!("HTML `{}`", h.trim()))));
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                return Err((
                    line,
                    Problem::Markup("emphasis or a link (write plain text)".into()),
                ));
            }
            Event::Start(Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_)) => {
                return Err((line, Problem::Markup("a code block, quote or table".into())));
            }
            _ => {}
        }
    }
    Ok(file)
}

fn flush_paragraph(state: &mut State, text: &mut String) {
    if let State::Item { paragraphs, .. } = state {
        let t = join_soft_breaks(text.trim());
        if !t.is_empty() {
            paragraphs.push(t);
        }
    }
    text.clear();
}

/// A line break inside a paragraph is a space between Latin words and nothing between Chinese
/// characters, so long lines can be wrapped either way.
fn join_soft_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').map(str::trim).peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        if let Some(next) = lines.peek() {
            let before = line.chars().last();
            let after = next.chars().next();
            if !(before.is_some_and(is_cjk) || after.is_some_and(is_cjk)) {
                out.push(' ');
            }
        }
    }
    out
}

/// CJK ideographs and CJK/full-width punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}')
}

/// `key: value` from a bullet's paragraphs; further paragraphs continue the value.
fn field_of(paragraphs: Vec<String>, line: usize) -> Result<Field, (usize, Problem)> {
    let mut iter = paragraphs.into_iter();
    let first = iter.next().unwrap_or_default();
    let Some((key, value)) = first.split_once(':') else {
        return Err((
            line,
            Problem::Markup(format!("a bullet without `key: value`: \"{first}\"")),
        ));
    };
    let mut value = value.trim().to_string();
    for p in iter {
        value.push('\n');
        value.push_str(&p);
    }
    Ok(Field {
        key: key.trim().to_string(),
        value,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_headings_and_fields() {
        let src = "+++\nid = \"x\"\n+++\n\n# X\n\n- zh: 文\n- en: Text\n\n## 1\n\n- zh: 一\n  二\n- en: One\n  two\n\n  Second paragraph.\n";
        let raw = parse(src).unwrap();
        let (fm, line) = raw.front_matter.unwrap();
        assert_eq!((fm.trim(), line), ("id = \"x\"", 2));
        assert_eq!(raw.doc_fields.len(), 2);
        let c = &raw.clauses[0];
        assert_eq!((c.heading.as_str(), c.level, c.line), ("1", 2, 10));
        assert_eq!(c.fields[0].value, "一二");
        assert_eq!(c.fields[1].value, "One two\nSecond paragraph.");
        assert_eq!(c.fields[1].line, 14);
    }

    #[test]
    fn refuses_stray_markup_with_its_line() {
        let err = parse("## 1\n\n- zh: 文<p>字</p>\n").unwrap_err();
        assert_eq!(err.0, 3);
        assert!(matches!(err.1, Problem::Markup(m) if m.contains("<p>")));
    }
}
