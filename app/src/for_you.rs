//! "Per te" over the device's catalog: its opportunities and calls ranked against the profile
//! (`sito_core::matching`), on the phone only. Only the whole portal carries it: the page is
//! `rare` and the home page's count is given to `Home` by the whole portal alone.

use std::{
    cell::RefCell,
    rc::Rc,
    sync::{Arc, Weak},
};

use chrono::{DateTime, NaiveDate, Utc};
use sito_core::{
    matching::{prepare, rank_prepared, Candidate, Facts, Profile, Ranked},
    ContentKind,
};

use crate::catalog::Catalog;

/// A catalog, and the facts of its items.
type Read = (Weak<Catalog>, Rc<Vec<Facts>>);

thread_local! {
    /// The facts of the latest catalog's items: read once per change of the data (a sync), not
    /// for every ranking.
    static FACTS: RefCell<Option<Read>> = const { RefCell::new(None) };
}

/// The facts of `catalog`'s opportunities, then calls.
fn facts_of(catalog: &Arc<Catalog>, candidates: &[Candidate]) -> Rc<Vec<Facts>> {
    FACTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((of, facts)) = cache.as_ref() {
            if std::ptr::eq(of.as_ptr(), Arc::as_ptr(catalog)) && of.strong_count() > 0 {
                return facts.clone();
            }
        }
        let facts = Rc::new(prepare(candidates));
        *cache = Some((Arc::downgrade(catalog), facts.clone()));
        facts
    })
}

/// One item of "Per te": which it is, and its rank's reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub kind: ContentKind,
    /// Its position in the catalog's list of that kind.
    pub index: usize,
    pub ranked: Ranked,
}

impl Match {
    /// The item's key in `ForYou::seen`: "opportunity:id", "call:id".
    pub fn key(&self, catalog: &Catalog) -> String {
        let id = match self.kind {
            ContentKind::Call => &catalog.calls[self.index].id,
            _ => &catalog.opportunities[self.index].id,
        };
        format!("{}:{id}", self.kind.as_ref())
    }
}

/// The catalog's opportunities and calls that match the profile, best first.
pub fn matches(
    catalog: &Arc<Catalog>,
    profile: &Profile,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<Match> {
    let opportunities = catalog.opportunities.len();
    let candidates: Vec<Candidate> = catalog
        .opportunities
        .iter()
        .map(|o| Candidate::opportunity(o, today))
        .chain(catalog.calls.iter().map(|c| Candidate::call(c, now)))
        .collect();
    let facts = facts_of(catalog, &candidates);
    rank_prepared(profile, &candidates, &facts)
        .into_iter()
        .filter(Ranked::is_match)
        .map(|ranked| {
            let (kind, index) = if ranked.item < opportunities {
                (ContentKind::Opportunity, ranked.item)
            } else {
                (ContentKind::Call, ranked.item - opportunities)
            };
            Match {
                kind,
                index,
                ranked,
            }
        })
        .collect()
}

/// How many of `matches` were not yet shown.
pub fn new_count(catalog: &Catalog, matches: &[Match], seen: &[String]) -> usize {
    matches
        .iter()
        .filter(|m| !seen.contains(&m.key(catalog)))
        .count()
}
