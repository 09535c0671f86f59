//! Corpus, third step: raw files → validated `model::Corpus`. Gives headings their IDs, kinds,
//! titles and citations, reads posts' requirements, links adapted clauses both ways, and refuses
//! anything malformed with the file and line.

use std::collections::{BTreeMap, HashMap};

use super::SourceFile;
use super::error::{CorpusError, Problem};
use super::front_matter::{self, FrontMatter, render};
use super::links::{Link, check_adaptation, link_adaptations, parse_change};
use super::markdown::{self, Field, RawClause};
use crate::model::{
    Bilingual, Clause, Corpus, Document, Kind, Post, PostPart, PostPartKind, SourceRef, clause_url,
};

/// The field keys a clause may carry.
const CLAUSE_KEYS: [&str; 9] = [
    "zh",
    "en",
    "title.zh",
    "title.en",
    "industry.zh",
    "industry.en",
    "adapts",
    "change",
    "aliases",
];
/// The field keys the document's own text may carry.
const DOC_KEYS: [&str; 2] = ["zh", "en"];

pub(super) fn invalid(file: &str, line: usize, problem: Problem) -> CorpusError {
    CorpusError::Invalid {
        file: file.to_string(),
        line,
        problem,
    }
}

pub fn build(files: &[SourceFile], hash: String) -> Result<Corpus, CorpusError> {
    let mut documents: Vec<(Document, Vec<Clause>)> = Vec::new();
    let mut seen_docs: HashMap<String, String> = HashMap::new();
    let mut links = Vec::new();
    for file in files {
        let (doc, clauses) = build_file(file, &mut links)?;
        if let Some(other) = seen_docs.insert(doc.id.clone(), file.name.clone()) {
            return Err(invalid(
                &file.name,
                1,
                Problem::DuplicateDocument(doc.id, other),
            ));
        }
        documents.push((doc, clauses));
    }
    documents.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    for (doc, clauses) in &documents {
        if let Some(parent) = &doc.parent
            && !seen_docs.contains_key(parent)
        {
            let file = &clauses[0].source.file;
            return Err(invalid(
                file,
                1,
                Problem::UnknownDocument {
                    id: doc.id.clone(),
                    doc: parent.clone(),
                },
            ));
        }
    }
    let (documents, mut clauses): (Vec<_>, Vec<_>) = documents.into_iter().unzip();
    let mut clauses: Vec<Clause> = clauses.drain(..).flatten().collect();
    link_adaptations(&mut clauses, &links)?;
    Ok(Corpus::new(documents, clauses, hash))
}

/// Fields by key, refusing unknown and repeated keys.
fn fields_by_key<'a>(
    fields: &'a [Field],
    allowed: &[&str],
    id: &str,
    file: &str,
) -> Result<BTreeMap<&'a str, &'a Field>, CorpusError> {
    let mut map = BTreeMap::new();
    for f in fields {
        if !allowed.contains(&f.key.as_str()) {
            let problem = Problem::UnknownField {
                id: id.to_string(),
                key: f.key.clone(),
            };
            return Err(invalid(file, f.line, problem));
        }
        if map.insert(f.key.as_str(), f).is_some() {
            let problem = Problem::DuplicateField {
                id: id.to_string(),
                key: f.key.clone(),
            };
            return Err(invalid(file, f.line, problem));
        }
    }
    Ok(map)
}

/// A pair of fields (`zh`/`en`, `title.zh`/`title.en`…): both, neither, or an error naming the
/// missing language.
fn pair(
    map: &BTreeMap<&str, &Field>,
    zh: &str,
    en: &str,
    id: &str,
) -> Result<Option<Bilingual>, Problem> {
    let get = |k: &str| map.get(k).map(|f| f.value.trim()).filter(|v| !v.is_empty());
    match (get(zh), get(en)) {
        (Some(z), Some(e)) => Ok(Some(Bilingual::new(z, e))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(Problem::MissingLanguage {
            id: id.to_string(),
            lang: "en",
        }),
        (None, Some(_)) => Err(Problem::MissingLanguage {
            id: id.to_string(),
            lang: "zh",
        }),
    }
}

/// `2.8` → `[2, 8]`: ASCII digits joined by dots, no zero, no leading zero.
fn parse_path(heading: &str) -> Result<Vec<u32>, String> {
    heading
        .split('.')
        .map(|seg| {
            let ok = !seg.is_empty()
                && seg.bytes().all(|b| b.is_ascii_digit())
                && !seg.starts_with('0')
                && seg.len() <= 4;
            ok.then(|| seg.parse::<u32>().ok())
                .flatten()
                .ok_or_else(|| {
                    "a clause heading is its path: numbers from 1, joined by dots (`2.8`)"
                        .to_string()
                })
        })
        .collect()
}

/// Whether `s` is a well-formed clause path (`2.8`).
pub(super) fn is_path(s: &str) -> bool {
    parse_path(s).is_ok()
}

fn path_id(doc: &str, path: &[u32]) -> String {
    let p: Vec<String> = path.iter().map(u32::to_string).collect();
    format!("{doc}/{}", p.join("."))
}

fn build_file(
    file: &SourceFile,
    links: &mut Vec<Link>,
) -> Result<(Document, Vec<Clause>), CorpusError> {
    let name = file.name.as_str();
    let raw = markdown::parse(&file.text).map_err(|(line, p)| invalid(name, line, p))?;
    let (fm_text, fm_line) = raw
        .front_matter
        .ok_or_else(|| invalid(name, 1, Problem::NoFrontMatter))?;
    let fm = front_matter::parse(&fm_text).map_err(|p| invalid(name, fm_line, p))?;
    if name.strip_suffix(".md") != Some(fm.document.id.as_str()) {
        let problem = Problem::FrontMatter(format!(
            "id `{}` does not match the file name",
            fm.document.id
        ));
        return Err(invalid(name, fm_line, problem));
    }
    if let Some(parent) = &fm.document.parent
        && !front_matter::is_doc_id(parent)
    {
        let why = "a document ID is lowercase ASCII letters, digits and `-`".to_string();
        return Err(invalid(
            name,
            fm_line,
            Problem::MalformedId(parent.clone(), why),
        ));
    }
    let document = fm.document.clone();
    let doc_map = fields_by_key(&raw.doc_fields, &DOC_KEYS, &fm.document.id, name)?;
    let doc_line = raw.doc_fields.first().map_or(fm_line, |f| f.line);
    let doc_text = pair(&doc_map, "zh", "en", &fm.document.id)
        .map_err(|p| invalid(name, doc_line, p))?
        .unwrap_or_else(|| fm.document.title.clone());
    let mut clauses = vec![Clause {
        id: fm.document.id.clone(),
        doc: fm.document.id.clone(),
        kind: Kind::Document,
        path: Vec::new(),
        title: fm.document.title.clone(),
        text: doc_text,
        citation: fm.document.citation.clone(),
        url: clause_url(&fm.document.id),
        parent: None,
        children: Vec::new(),
        related: Vec::new(),
        change: None,
        wording_only: false,
        aliases: Vec::new(),
        post: None,
        source: SourceRef {
            file: name.to_string(),
            line: fm_line,
        },
    }];
    let mut lines: HashMap<String, usize> = HashMap::new();
    let mut industries: HashMap<String, Bilingual> = HashMap::new();
    for rc in &raw.clauses {
        let (clause, industry) = build_clause(&fm, rc, name, &clauses, &lines, links)?;
        lines.insert(clause.id.clone(), rc.line);
        if let Some(industry) = industry {
            industries.insert(clause.id.clone(), industry);
        }
        clauses.push(clause);
    }
    link_children(&mut clauses);
    attach_posts(&mut clauses, &mut industries, name)?;
    Ok((document, clauses))
}

/// One heading and its fields → a clause (and a post's industry, when it has one).
fn build_clause(
    fm: &FrontMatter,
    rc: &RawClause,
    file: &str,
    before: &[Clause],
    lines: &HashMap<String, usize>,
    links: &mut Vec<Link>,
) -> Result<(Clause, Option<Bilingual>), CorpusError> {
    let at = |p| invalid(file, rc.line, p);
    let path =
        parse_path(&rc.heading).map_err(|why| at(Problem::MalformedId(rc.heading.clone(), why)))?;
    let id = path_id(&fm.document.id, &path);
    if let Some(first) = lines.get(&id) {
        return Err(at(Problem::DuplicateId(id, *first)));
    }
    let depth = path.len();
    let Some(level) = fm.levels.get(depth - 1) else {
        let why = format!(
            "`{}` numbers only {} level(s)",
            fm.document.id,
            fm.levels.len()
        );
        return Err(at(Problem::MalformedId(id, why)));
    };
    if rc.level != depth + 1 {
        let why = format!(
            "a clause at depth {depth} takes a heading of level {}",
            depth + 1
        );
        return Err(at(Problem::MalformedId(id, why)));
    }
    let parent_id = if depth == 1 {
        fm.document.id.clone()
    } else {
        path_id(&fm.document.id, &path[..depth - 1])
    };
    let Some(parent) = before.iter().find(|c| c.id == parent_id) else {
        let why = format!("its parent `{parent_id}` must come before it");
        return Err(at(Problem::MalformedId(id, why)));
    };
    let map = fields_by_key(&rc.fields, &CLAUSE_KEYS, &id, file)?;
    let n = *path.last().expect("a parsed path is never empty");
    let own_title = pair(&map, "title.zh", "title.en", &id).map_err(at)?;
    let title = match (&own_title, &level.title_zh, &level.title_en) {
        (Some(t), _, _) => t.clone(),
        (None, Some(zh), Some(en)) => Bilingual::new(render(zh, n, ""), render(en, n, "")),
        _ => {
            let what = format!(
                "title (`title.zh`/`title.en`; {} clauses need one)",
                level.kind.as_str()
            );
            return Err(at(Problem::Missing { id, what }));
        }
    };
    let text = match (pair(&map, "zh", "en", &id).map_err(at)?, own_title) {
        (Some(t), _) => t,
        (None, Some(t)) => t,
        (None, None) => {
            return Err(at(Problem::MissingLanguage { id, lang: "zh" }));
        }
    };
    let citation = Bilingual::new(
        format!("{}{}", parent.citation.zh, render(&level.zh, n, &title.zh)),
        format!("{}{}", parent.citation.en, render(&level.en, n, &title.en)),
    );
    let industry = pair(&map, "industry.zh", "industry.en", &id).map_err(at)?;
    if industry.is_some() != (level.kind == Kind::Post) {
        let why =
            "`industry.zh`/`industry.en` belong to posts, and every post has them".to_string();
        return Err(at(Problem::BadValue {
            id,
            key: "industry".into(),
            why,
        }));
    }
    let (change, wording_only) = match map.get("change") {
        None => (None, false),
        Some(f) => {
            let (change, wording_only) = parse_change(&f.value).map_err(|why| {
                invalid(
                    file,
                    f.line,
                    Problem::BadValue {
                        id: id.clone(),
                        key: "change".into(),
                        why,
                    },
                )
            })?;
            (Some(change), wording_only)
        }
    };
    let adapts = map.get("adapts").map(|f| f.value.trim().to_string());
    check_adaptation(&id, adapts.as_deref(), change).map_err(at)?;
    if adapts.is_some() || change.is_some() {
        links.push(Link {
            from: id.clone(),
            adapts: adapts.clone(),
            file: file.to_string(),
            line: rc.line,
        });
    }
    let aliases = map
        .get("aliases")
        .map(|f| {
            f.value
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let clause = Clause {
        url: clause_url(&id),
        id,
        doc: fm.document.id.clone(),
        kind: level.kind,
        path,
        title,
        text,
        citation,
        parent: Some(parent_id),
        children: Vec::new(),
        related: Vec::new(),
        change,
        wording_only,
        aliases,
        post: None,
        source: SourceRef {
            file: file.to_string(),
            line: rc.line,
        },
    };
    Ok((clause, industry))
}

fn link_children(clauses: &mut [Clause]) {
    let pairs: Vec<(String, String)> = clauses
        .iter()
        .filter_map(|c| c.parent.clone().map(|p| (p, c.id.clone())))
        .collect();
    for (parent, child) in pairs {
        if let Some(p) = clauses.iter_mut().find(|c| c.id == parent) {
            p.children.push(child);
        }
    }
}

/// Give each post its `post` block: its parts and the requirements read from them.
fn attach_posts(
    clauses: &mut [Clause],
    industries: &mut HashMap<String, Bilingual>,
    file: &str,
) -> Result<(), CorpusError> {
    for i in 0..clauses.len() {
        if clauses[i].kind != Kind::Post {
            continue;
        }
        let post_clause = &clauses[i];
        let at = |why: String| {
            let problem = Problem::Post {
                id: post_clause.id.clone(),
                why,
            };
            invalid(file, post_clause.source.line, problem)
        };
        let mut parts = Vec::new();
        for child_id in &post_clause.children {
            let child = clauses
                .iter()
                .find(|c| &c.id == child_id)
                .expect("children exist");
            let n = *child.path.last().expect("a child has a path");
            let part = PostPartKind::from_number(n)
                .ok_or_else(|| at(format!("`{child_id}`: a post's parts are numbered 1 to 4")))?;
            parts.push(PostPart {
                id: child.id.clone(),
                part,
                title: child.title.clone(),
                text: child.text.clone(),
            });
        }
        let number = post_clause.path[0];
        let industry = industries
            .remove(&post_clause.id)
            .expect("posts have an industry");
        let post =
            Post::from_parts(number, industry, post_clause.title.clone(), parts).map_err(at)?;
        clauses[i].post = Some(post);
    }
    Ok(())
}
