//! App: the answers about the corpus as every front end serialises them — documents with their
//! validity, a clause with its breadcrumbs, clause and post lists. The JSON API returns these, the
//! MCP server returns the same as structured content; their schemas are the OpenAPI document's.

use serde::Serialize;
use utoipa::ToSchema;

use super::{App, AppError};
use crate::model::{Bilingual, Clause, Document, Validity};

#[derive(Serialize, ToSchema)]
pub struct DocumentView<'a> {
    #[serde(flatten)]
    pub document: &'a Document,
    pub validity: Validity,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentsView<'a> {
    #[schema(value_type = String, format = Date)]
    pub as_of: jiff::civil::Date,
    pub documents: Vec<DocumentView<'a>>,
}

#[derive(Serialize, ToSchema)]
pub struct ClauseList<'a> {
    pub total: usize,
    pub clauses: Vec<&'a Clause>,
}

/// A link up the hierarchy.
#[derive(Serialize, ToSchema)]
pub struct Crumb<'a> {
    pub id: &'a str,
    pub title: &'a Bilingual,
    pub citation: &'a Bilingual,
    pub url: &'a str,
}

/// A clause with the links up its hierarchy.
#[derive(Serialize, ToSchema)]
pub struct ClauseView<'a> {
    #[serde(flatten)]
    pub clause: &'a Clause,
    pub breadcrumbs: Vec<Crumb<'a>>,
}

#[derive(Serialize, ToSchema)]
pub struct PostList<'a> {
    pub total: usize,
    pub posts: Vec<&'a Clause>,
}

impl App {
    /// Every document with its validity on `as_of`.
    pub fn documents_view(&self, as_of: jiff::civil::Date) -> DocumentsView<'_> {
        let documents = self
            .documents(as_of)
            .into_iter()
            .map(|(document, validity)| DocumentView { document, validity })
            .collect();
        DocumentsView { as_of, documents }
    }

    /// The clauses of one document, or all of them, as a list.
    pub fn clause_list(&self, doc: Option<&str>) -> Result<ClauseList<'_>, AppError> {
        let clauses = self.clauses(doc)?;
        Ok(ClauseList {
            total: clauses.len(),
            clauses,
        })
    }

    /// A clause with its breadcrumbs.
    pub fn clause_view<'a>(&'a self, clause: &'a Clause) -> ClauseView<'a> {
        let breadcrumbs = self
            .corpus()
            .breadcrumbs(clause)
            .into_iter()
            .map(|c| Crumb {
                id: &c.id,
                title: &c.title,
                citation: &c.citation,
                url: &c.url,
            })
            .collect();
        ClauseView {
            clause,
            breadcrumbs,
        }
    }

    /// The post catalogue, or the posts of one industry named in Chinese or English (as search
    /// reads it); an unknown industry is refused with the known ones.
    pub fn post_list(&self, industry: Option<&str>) -> Result<PostList<'_>, AppError> {
        let wanted = industry
            .map(|name| self.engine().known_industry(name))
            .transpose()?;
        let posts: Vec<&Clause> = self
            .corpus()
            .posts()
            .filter(|c| wanted.is_none_or(|w| c.post.as_ref().is_some_and(|p| p.industry == *w)))
            .collect();
        Ok(PostList {
            total: posts.len(),
            posts,
        })
    }
}
