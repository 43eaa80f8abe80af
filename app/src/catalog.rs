//! Everything on the device, loaded once per change of the store, with its search indexes. Pages
//! read the catalog; the sync client bumps its revision when data changes.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use sito_core::{
    filter::opportunity_fields,
    search::{weight, SearchIndex},
    Answer, Call, ContentKind, Guide, News, Opportunity, Organisation,
};

use crate::{store, store::StoreError, sync::use_sync};

pub struct Catalog {
    pub opportunities: Vec<Opportunity>,
    pub guides: Vec<Guide>,
    pub news: Vec<News>,
    pub organisations: Vec<Organisation>,
    pub answers: Vec<Answer>,
    pub calls: Vec<Call>,
    // Search indexes are built on first use, not on every load: the list must be on screen
    // before anyone types.
    opportunity_index: OnceLock<SearchIndex>,
    organisation_index: OnceLock<SearchIndex>,
    everything: OnceLock<(SearchIndex, Vec<(ContentKind, usize)>)>,
}

impl Catalog {
    pub fn new(
        opportunities: Vec<Opportunity>,
        guides: Vec<Guide>,
        news: Vec<News>,
        organisations: Vec<Organisation>,
        answers: Vec<Answer>,
        calls: Vec<Call>,
    ) -> Self {
        Catalog {
            opportunities,
            guides,
            news,
            organisations,
            answers,
            calls,
            opportunity_index: OnceLock::new(),
            organisation_index: OnceLock::new(),
            everything: OnceLock::new(),
        }
    }

    /// Over `opportunities`, in the same order.
    pub fn opportunity_index(&self) -> &SearchIndex {
        self.opportunity_index
            .get_or_init(|| SearchIndex::build(self.opportunities.iter().map(opportunity_fields)))
    }

    /// Over `organisations`, in the same order.
    pub fn organisation_index(&self) -> &SearchIndex {
        self.organisation_index
            .get_or_init(|| SearchIndex::build(self.organisations.iter().map(organisation_fields)))
    }

    /// Searches everything; each hit says which item it is.
    pub fn search_everything(&self, query: &str) -> Vec<(ContentKind, usize)> {
        let (index, refs) = self.everything.get_or_init(|| self.build_everything());
        index
            .search(query)
            .into_iter()
            .map(|hit| refs[hit.document])
            .collect()
    }

    fn build_everything(&self) -> (SearchIndex, Vec<(ContentKind, usize)>) {
        let mut refs = Vec::new();
        let mut docs: Vec<Vec<(&str, u8)>> = Vec::new();
        for (i, o) in self.opportunities.iter().enumerate() {
            refs.push((ContentKind::Opportunity, i));
            docs.push(opportunity_fields(o).to_vec());
        }
        for (i, g) in self.guides.iter().enumerate() {
            refs.push((ContentKind::Guide, i));
            let mut fields = vec![
                (g.title.as_str(), weight::TITLE),
                (g.summary.as_str(), weight::SUBTITLE),
                (g.body_html.as_str(), weight::BODY),
            ];
            fields.extend(g.steps.iter().map(|s| (s.title.as_str(), weight::BODY)));
            docs.push(fields);
        }
        for (i, n) in self.news.iter().enumerate() {
            refs.push((ContentKind::News, i));
            docs.push(vec![
                (n.title.as_str(), weight::TITLE),
                (n.summary.as_str(), weight::SUBTITLE),
                (n.body_html.as_str(), weight::BODY),
            ]);
        }
        for (i, o) in self.organisations.iter().enumerate() {
            refs.push((ContentKind::Organisation, i));
            docs.push(organisation_fields(o));
        }
        for (i, a) in self.answers.iter().enumerate() {
            refs.push((ContentKind::Answer, i));
            docs.push(vec![
                (a.question.as_str(), weight::TITLE),
                (a.answer_html.as_str(), weight::BODY),
                (a.answered_by.as_str(), weight::SUBTITLE),
            ]);
        }
        for (i, c) in self.calls.iter().enumerate() {
            refs.push((ContentKind::Call, i));
            let mut fields = vec![
                (c.title.as_str(), weight::TITLE),
                (c.summary.as_str(), weight::SUBTITLE),
                (c.description_html.as_str(), weight::BODY),
            ];
            fields.extend(c.criteria.iter().map(|k| (k.name.as_str(), weight::BODY)));
            docs.push(fields);
        }
        (SearchIndex::build(docs), refs)
    }
}

fn organisation_fields(o: &Organisation) -> Vec<(&str, u8)> {
    let mut fields = vec![
        (o.name.as_str(), weight::TITLE),
        (o.town.as_str(), weight::SUBTITLE),
        (o.description_html.as_str(), weight::BODY),
    ];
    fields.extend(o.services.iter().map(|s| (s.as_str(), weight::SUBTITLE)));
    fields
}

pub type CatalogResource = LocalResource<Result<Arc<Catalog>, StoreError>>;

async fn load() -> Result<Arc<Catalog>, StoreError> {
    let store = store::shared().await?;
    Ok(Arc::new(Catalog::new(
        store.all().await?,
        store.all().await?,
        store.all().await?,
        store.all().await?,
        store.all().await?,
        store.all().await?,
    )))
}

/// Loads the catalog now and again whenever the sync client changes the store.
pub fn provide_catalog() {
    let sync = use_sync();
    let catalog: CatalogResource = LocalResource::new(move || {
        sync.revision.track();
        load()
    });
    provide_context(catalog);
}

pub fn use_catalog() -> CatalogResource {
    expect_context::<CatalogResource>()
}
