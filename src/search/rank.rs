//! Search: from scored clauses to ranked hits. A kind weight lets posts and items outrank whole
//! categories and documents that match as well; a post's requirement parts fold into the post
//! (one hit per post); filters apply and facets are counted.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::Kind;

/// How a clause's score is weighted by its kind.
pub(super) fn kind_weight(kind: Kind) -> f32 {
    match kind {
        Kind::Document => 0.5,
        Kind::Category => 0.8,
        Kind::Article => 0.9,
        Kind::Item | Kind::Post | Kind::Requirement => 1.0,
    }
}

/// The other matching members of a group add this share of their scores to the best one.
const GROUP_BONUS: f32 = 0.25;

/// One hit before rendering: a clause, or a post with the parts of it that matched.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    pub ord: usize,
    pub score: f32,
    /// The matching clauses folded into this hit, best first.
    pub members: Vec<(usize, f32)>,
}

/// Group scored clauses by `unit_of` and rank the groups: best first, ties in corpus order.
pub(super) fn group(matches: &[(usize, f32)], unit_of: impl Fn(usize) -> usize) -> Vec<Unit> {
    let mut by_unit: HashMap<usize, Vec<(usize, f32)>> = HashMap::new();
    for &(ord, score) in matches {
        by_unit.entry(unit_of(ord)).or_default().push((ord, score));
    }
    let mut units: Vec<Unit> = by_unit
        .into_iter()
        .map(|(ord, mut members)| {
            members.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let best = members[0].1;
            let rest: f32 = members[1..].iter().map(|m| m.1).sum();
            Unit {
                ord,
                score: best + GROUP_BONUS * rest,
                members,
            }
        })
        .collect();
    units.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.ord.cmp(&b.ord)));
    units
}

/// `units` with the clauses `first` (a citation's) ahead of all, in that order, each its own hit
/// (a cited requirement part is not folded into its post), at the best score.
pub(super) fn put_first<'u>(units: &'u [Unit], first: &[usize]) -> Cow<'u, [Unit]> {
    if first.is_empty() {
        return Cow::Borrowed(units);
    }
    let top = units.first().map_or(1.0, |u| u.score);
    let mut out: Vec<Unit> = first
        .iter()
        .map(|&ord| {
            let found = units.iter().find(|u| u.ord == ord);
            Unit {
                ord,
                score: top.max(found.map_or(0.0, |u| u.score)),
                members: found.map(|u| u.members.clone()).unwrap_or_default(),
            }
        })
        .collect();
    out.extend(units.iter().filter(|u| !first.contains(&u.ord)).cloned());
    Cow::Owned(out)
}

/// What filters and facets look at in a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Traits<'a> {
    pub doc: &'a str,
    pub kind: Kind,
    /// Index into the catalogue's industries.
    pub industry: Option<usize>,
}

/// The request's filters, resolved.
#[derive(Debug, Clone, Default)]
pub(super) struct Filter<'a> {
    pub doc: Option<&'a str>,
    pub kind: Option<Kind>,
    pub industry: Option<usize>,
}

impl Filter<'_> {
    pub fn doc_ok(&self, t: &Traits) -> bool {
        self.doc.is_none_or(|d| d == t.doc)
    }

    pub fn kind_ok(&self, t: &Traits) -> bool {
        self.kind.is_none_or(|k| k == t.kind)
    }

    pub fn industry_ok(&self, t: &Traits) -> bool {
        self.industry.is_none_or(|i| Some(i) == t.industry)
    }

    pub fn accepts(&self, t: &Traits) -> bool {
        self.doc_ok(t) && self.kind_ok(t) && self.industry_ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_fold_into_their_post_with_a_bonus() {
        // Clauses 0 (a category), 1 (a post) with parts 2 and 3.
        let unit_of = |o: usize| if o >= 2 { 1 } else { o };
        let units = group(&[(0, 4.2), (2, 4.0), (3, 2.0)], unit_of);
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].ord, 1);
        assert_eq!(units[0].members, vec![(2, 4.0), (3, 2.0)]);
        assert!((units[0].score - 4.5).abs() < 1e-6);
        assert_eq!(units[1].ord, 0);
    }

    #[test]
    fn equal_scores_keep_corpus_order() {
        let units = group(&[(7, 1.0), (3, 1.0), (5, 1.0)], |o| o);
        let ords: Vec<usize> = units.iter().map(|u| u.ord).collect();
        assert_eq!(ords, vec![3, 5, 7]);
    }

    #[test]
    fn posts_and_items_outweigh_categories_and_documents() {
        assert!(kind_weight(Kind::Post) > kind_weight(Kind::Category));
        assert!(kind_weight(Kind::Item) > kind_weight(Kind::Category));
        assert!(kind_weight(Kind::Category) > kind_weight(Kind::Document));
    }
}
