//! Search: running a request — validate, plan, query the index, fold, filter, facet, page, and
//! render each hit with its snippets and post block.

use std::collections::HashMap;

use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::plan::Planner;
use super::rank::{self, Filter, Traits, Unit};
use super::results::{CheckView, Count, Facets, Hit, IndustryCount, PostBlock, Results};
use super::snippet::{MarkIds, Snippet, Snippets, coverage, matches};
use super::understand::Reader;
use super::{MAX_LIMIT, MAX_QUERY_CHARS, Request, SearchEngine, SearchError};
use super::{cite, confidence};
use crate::analysis::{Language, is_han, key};
use crate::model::{Clause, Kind};

/// The score a clause gets per unit of strength of a concept the query names that points to it.
const CONCEPT_SCORE: f32 = 8.0;
/// Scores are rounded to this many decimal places in answers.
const SCORE_DECIMALS: i32 = 4;

type LanguageMarks = HashMap<Language, MarkIds>;

impl SearchEngine {
    /// The catalogue industry `name` names, in Chinese or English (case, width and spacing
    /// aside): the one reading of an industry name, for search's filter and the posts page.
    pub fn industry(&self, name: &str) -> Option<&crate::model::Bilingual> {
        self.industry_position(name).map(|i| &self.industries[i])
    }

    /// The industry `name` names, or the error listing the known ones.
    pub fn known_industry(&self, name: &str) -> Result<&crate::model::Bilingual, SearchError> {
        self.known_industry_position(name)
            .map(|i| &self.industries[i])
    }

    fn known_industry_position(&self, name: &str) -> Result<usize, SearchError> {
        self.industry_position(name).ok_or_else(|| {
            let known: Vec<&str> = self.industries.iter().map(|i| i.zh.as_str()).collect();
            SearchError::UnknownIndustry {
                industry: name.to_string(),
                known: known.join(", "),
            }
        })
    }

    fn industry_position(&self, name: &str) -> Option<usize> {
        let wanted = key(name);
        self.industries
            .iter()
            .position(|i| key(&i.zh) == wanted || key(&i.en) == wanted)
    }

    /// Answer a search request.
    pub fn search(&self, request: &Request) -> Result<Results<'_>, SearchError> {
        let query = request.query.trim();
        if query.is_empty() {
            return Err(SearchError::EmptyQuery);
        }
        let chars = query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(SearchError::QueryTooLong { chars });
        }
        if request.limit > MAX_LIMIT {
            return Err(SearchError::LimitTooLarge(request.limit));
        }
        let filter = self.filter(request)?;
        let cited = cite::cited(self.citations(), query);
        let rest = cited.as_ref().map_or(query, |c| c.rest.as_str());
        let reader = Reader {
            analyzer: &self.analyzer,
            vocabulary: &self.vocabulary,
            profiles: &self.profiles,
            sounds: &self.sounds,
            concept_words: &self.concepts.words,
        };
        let searched = reader.read(rest);
        let corrected = (searched != rest).then(|| match &cited {
            Some(c) => format!("{} {searched}", c.resolution.input),
            None => searched.clone(),
        });
        let read_as = match request.lang {
            Some(language) => language,
            None if query.chars().chain(searched.chars()).any(is_han) => Language::Zh,
            None => Language::En,
        };
        let languages: &[Language] = match request.lang {
            None => &Language::BOTH,
            Some(_) => std::slice::from_ref(&read_as),
        };
        let planner = Planner {
            analyzer: &self.analyzer,
            vocabulary: &self.vocabulary,
            profiles: &self.profiles,
            fields: self.index.fields(),
        };
        let plan = planner.plan(&searched, languages);
        let named = self.concepts.named(&self.analyzer, &searched);
        let mut query_parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for concept in &named {
            for &ord in &concept.clauses {
                let id =
                    Term::from_field_text(self.index.fields().id, &self.corpus.clauses()[ord].id);
                let q = TermQuery::new(id, IndexRecordOption::Basic);
                let score = CONCEPT_SCORE * concept.strength;
                query_parts.push((
                    Occur::Should,
                    Box::new(ConstScoreQuery::new(Box::new(q), score)),
                ));
            }
        }
        let is_empty = plan.is_empty && query_parts.is_empty();
        query_parts.push((Occur::Should, Box::new(plan.query)));
        let matched = if is_empty {
            Vec::new()
        } else {
            self.run(&BooleanQuery::new(query_parts))?
        };

        let clauses = self.corpus.clauses();
        let is_part = |o: usize| clauses[o].kind == Kind::Requirement;
        let grouped = rank::group(&matched, |o| {
            if is_part(o) {
                self.post_of[o].unwrap_or(o)
            } else {
                o
            }
        });
        let part_scores: Vec<(usize, f32)> = matched
            .iter()
            .copied()
            .filter(|&(o, _)| is_part(o))
            .collect();
        let parts = rank::group(&part_scores, |o| o);
        let pool = if filter.kind == Some(Kind::Requirement) {
            &parts
        } else {
            &grouped
        };
        let first: Vec<usize> = cited
            .iter()
            .flat_map(|c| &c.first)
            .filter_map(|id| self.corpus.ord(id))
            .collect();
        let pool = &rank::put_first(pool, &first);
        let facets = self.facets(&filter, &grouped, &parts, pool);
        let accepted: Vec<&Unit> = pool
            .iter()
            .filter(|u| filter.accepts(&self.traits(u.ord)))
            .collect();
        let marks: HashMap<Language, MarkIds> = plan
            .marks
            .iter()
            .map(|(language, m)| (*language, MarkIds::new(m, &self.term_ids)))
            .collect();
        let sure_citation = cited.as_ref().is_some_and(|c| !c.first.is_empty());
        let top: Vec<usize> = accepted
            .iter()
            .take(confidence::TOP_HITS)
            .flat_map(|u| self.hit_clauses(u))
            .collect();
        let confident = sure_citation
            || (!top.is_empty() && {
                let words = confidence::informative(&self.analyzer, &self.profiles, &searched);
                confidence::covers(&words, &top, &self.profiles, &named)
            });
        let hits: Vec<Hit> = accepted
            .iter()
            .skip(request.offset)
            .take(request.limit)
            .map(|u| self.hit(u, &marks, request.expand_post))
            .collect();
        Ok(Results {
            query: query.to_string(),
            lang: read_as.as_str(),
            total: accepted.len(),
            offset: request.offset,
            limit: request.limit,
            confident: confident && !hits.is_empty(),
            hits,
            facets,
            corrected,
            resolved: cited.map(|c| c.resolution),
        })
    }

    /// The clauses a hit stands for: itself, the parts that matched and, for a post, all its parts.
    fn hit_clauses(&self, unit: &Unit) -> Vec<usize> {
        let mut ords: Vec<usize> = std::iter::once(unit.ord)
            .chain(unit.members.iter().map(|m| m.0))
            .collect();
        if self.corpus.clauses()[unit.ord].kind == Kind::Post {
            ords.extend(&self.parts_of[unit.ord]);
        }
        ords
    }

    /// Every matching clause with its kind-weighted score.
    fn run(&self, query: &dyn tantivy::query::Query) -> Result<Vec<(usize, f32)>, SearchError> {
        let everything = TopDocs::with_limit(self.index.num_docs().max(1)).order_by_score();
        let top = self
            .index
            .searcher()
            .search(query, &everything)
            .map_err(|e| SearchError::Failed(e.to_string()))?;
        let clauses = self.corpus.clauses();
        Ok(top
            .into_iter()
            .filter_map(|(score, address)| {
                let ord = self.index.ord(address)?;
                Some((ord, score * rank::kind_weight(clauses[ord].kind)))
            })
            .collect())
    }

    fn filter<'r>(&self, request: &'r Request) -> Result<Filter<'r>, SearchError> {
        if let Some(doc) = &request.doc
            && self.corpus.document(doc).is_none()
        {
            let known: Vec<&str> = self
                .corpus
                .documents()
                .iter()
                .map(|d| d.id.as_str())
                .collect();
            return Err(SearchError::UnknownDocument {
                doc: doc.clone(),
                known: known.join(", "),
            });
        }
        let industry = match &request.industry {
            None => None,
            Some(name) => Some(self.known_industry_position(name)?),
        };
        Ok(Filter {
            doc: request.doc.as_deref(),
            kind: request.kind,
            industry,
        })
    }

    fn traits(&self, ord: usize) -> Traits<'_> {
        let clause = &self.corpus.clauses()[ord];
        Traits {
            doc: &clause.doc,
            kind: clause.kind,
            industry: self.industry_of[ord],
        }
    }

    /// Facet counts: each value's count is the total that filtering on it would give.
    fn facets(
        &self,
        filter: &Filter,
        grouped: &[Unit],
        parts: &[Unit],
        pool: &[Unit],
    ) -> Facets<'_> {
        let traits = |units: &[Unit]| -> Vec<Traits<'_>> {
            units.iter().map(|u| self.traits(u.ord)).collect()
        };
        let (pool, grouped, parts) = (traits(pool), traits(grouped), traits(parts));
        let doc = self
            .corpus
            .documents()
            .iter()
            .map(|d| Count {
                value: d.id.as_str(),
                count: pool
                    .iter()
                    .filter(|t| t.doc == d.id && filter.kind_ok(t) && filter.industry_ok(t))
                    .count(),
            })
            .filter(|c| c.count > 0)
            .collect();
        let others_ok = |t: &Traits| filter.doc_ok(t) && filter.industry_ok(t);
        let kind = Kind::ALL
            .into_iter()
            .map(|k| {
                let from = if k == Kind::Requirement {
                    &parts
                } else {
                    &grouped
                };
                Count {
                    value: k.as_str(),
                    count: from.iter().filter(|t| t.kind == k && others_ok(t)).count(),
                }
            })
            .filter(|c| c.count > 0)
            .collect();
        let industry = self
            .industries
            .iter()
            .enumerate()
            .map(|(i, name)| IndustryCount {
                value: name.zh.as_str(),
                name,
                count: pool
                    .iter()
                    .filter(|t| t.industry == Some(i) && filter.doc_ok(t) && filter.kind_ok(t))
                    .count(),
            })
            .filter(|c| c.count > 0)
            .collect();
        Facets {
            doc,
            kind,
            industry,
        }
    }

    fn hit<'s>(&'s self, unit: &Unit, marks: &LanguageMarks, expand_post: bool) -> Hit<'s> {
        let clauses = self.corpus.clauses();
        let clause = &clauses[unit.ord];
        let post = self.post_of[unit.ord].map(|p| &clauses[p]);
        let matched_parts = post.map(|_| {
            unit.members
                .iter()
                .map(|&(o, _)| &clauses[o])
                .filter(|c| c.kind == Kind::Requirement)
                .map(|c| c.id.as_str())
                .collect()
        });
        let factor = 10f64.powi(SCORE_DECIMALS);
        Hit {
            id: &clause.id,
            doc: &clause.doc,
            kind: clause.kind,
            title: &clause.title,
            text: &clause.text,
            snippet: Snippets {
                zh: self.snippet(unit, Language::Zh, marks),
                en: self.snippet(unit, Language::En, marks),
            },
            score: (f64::from(unit.score) * factor).round() / factor,
            url: &clause.url,
            citation: &clause.citation,
            post: post.and_then(|p| post_block(p, expand_post)),
            matched_parts,
        }
    }

    /// The snippet from whichever of the hit's clauses shows the most matches.
    fn snippet<'s>(
        &'s self,
        unit: &Unit,
        language: Language,
        marks: &LanguageMarks,
    ) -> Snippet<'s> {
        let clauses = self.corpus.clauses();
        let mut candidates: Vec<(usize, f32)> = unit.members.clone();
        if !candidates.iter().any(|&(o, _)| o == unit.ord) {
            candidates.push((unit.ord, 0.0));
        }
        let best = candidates
            .into_iter()
            .map(|(ord, score)| {
                let terms = self.texts[ord]
                    .get(&language)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let found = marks
                    .get(&language)
                    .map(|m| matches(terms, m))
                    .unwrap_or_default();
                // A text that is more than the title (shown anyway) is the better snippet.
                let own_text = clauses[ord].text != clauses[ord].title;
                (
                    coverage(&found),
                    own_text,
                    score,
                    std::cmp::Reverse(ord),
                    found,
                )
            })
            .max_by(|a, b| {
                (a.0, a.1)
                    .cmp(&(b.0, b.1))
                    .then(a.2.total_cmp(&b.2))
                    .then(a.3.cmp(&b.3))
            });
        let (ord, found) = best.map_or((unit.ord, Vec::new()), |(_, _, _, o, f)| (o.0, f));
        Snippet::new(text_in(&clauses[ord], language), &found, language)
    }
}

fn text_in(clause: &Clause, language: Language) -> &str {
    match language {
        Language::Zh => &clause.text.zh,
        Language::En => &clause.text.en,
    }
}

fn post_block(clause: &Clause, expand: bool) -> Option<PostBlock<'_>> {
    let post = clause.post.as_ref()?;
    Some(PostBlock {
        id: &clause.id,
        number: post.number,
        industry: &post.industry,
        name: &post.name,
        parts: expand.then_some(post.parts.as_slice()),
        requirements: &post.requirements,
        checks: post
            .checks
            .iter()
            .map(|check| CheckView {
                check,
                verdict: None,
                reason: None,
            })
            .collect(),
        verdict: None,
        reason: None,
    })
}
