//! Search: citations in the search box. A query the resolver reads as a citation or clause ID
//! (`附件1第三条第4项`, `Annex 2 No. 17`, `bj2022-a1/4.3`) puts the cited clause first (when
//! ambiguous, its candidates); a query that contains one (`附件2第11项 要求`) puts that clause
//! first and searches the rest. The resolver (`crate::citation`) does all the reading.

use crate::citation::{Citations, Resolution, Status};

/// What a query's citation says.
#[derive(Debug)]
pub(super) struct Cited<'a> {
    /// The resolver's answer, for the `resolved` field.
    pub resolution: Resolution<'a>,
    /// The IDs to put first, in the resolver's order.
    pub first: Vec<&'a str>,
    /// The query without the citation: what is left to search.
    pub rest: String,
}

/// The citation `query` is or holds, if any.
pub(super) fn cited<'a>(citations: &Citations<'a>, query: &str) -> Option<Cited<'a>> {
    // Too long to be one citation (`CiteTooLong`) is fine: it may still hold one.
    if let Ok(whole) = citations.resolve(query)
        && whole.status != Status::Invalid
    {
        let first = whole.candidates.iter().map(|c| c.id).collect();
        return Some(Cited {
            resolution: whole,
            first,
            rest: String::new(),
        });
    }
    let links = citations.link(query).ok()?;
    let found: Vec<_> = links
        .citations
        .into_iter()
        .filter(|l| matches!(l.status, Status::Found | Status::Ambiguous))
        .collect();
    let head = found.first()?;
    // The rest: the query with every citation found in it taken out (spans are in characters).
    let mut rest = String::new();
    for (i, c) in query.chars().enumerate() {
        if !found.iter().any(|l| (l.start..l.end).contains(&i)) {
            rest.push(c);
        }
    }
    Some(Cited {
        first: head.candidates.iter().map(|c| c.id).collect(),
        resolution: Resolution {
            input: head.text.clone(),
            status: head.status,
            id: head.id,
            candidates: head.candidates.clone(),
            reason: None,
        },
        rest: rest.trim().to_string(),
    })
}
