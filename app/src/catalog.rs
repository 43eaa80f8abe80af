//! Everything on the device, loaded once per change of the store, with its search indexes. Pages
//! read the catalog; the sync client bumps its revision when data changes.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use sito_core::{
    filter::opportunity_fields,
    search::{weight, SearchIndex},
    Answer, Call, ContentKind, Guide, News, Opportunity, Organisation,
};

use crate::{store, store::StoreError, sync::use_sync};

/// What a server-rendered page was rendered from: the items it shows, and how many
/// opportunities matched the list's filter when it shows only the first of them. The worker
/// renders the page from it and writes it into the HTML (`#sito-seed`); the browser hydrates the
/// page from the same data, before its own store has anything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Seed {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<Opportunity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guides: Vec<Guide>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub news: Vec<News>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Call>,
    /// The list's query string and how many opportunities matched it, when the seed carries
    /// only the first page of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_matches: Option<(String, usize)>,
}

impl Default for Catalog {
    fn default() -> Self {
        Seed::default().into()
    }
}

impl From<Seed> for Catalog {
    fn from(seed: Seed) -> Self {
        let mut catalog = Catalog::new(
            seed.opportunities,
            seed.guides,
            seed.news,
            seed.organisations,
            seed.answers,
            seed.calls,
        );
        catalog.list_matches = seed.list_matches;
        catalog
    }
}

/// Everything a catalog holds, as a page's seed (a page that shows all it loaded).
impl From<Catalog> for Seed {
    fn from(catalog: Catalog) -> Self {
        Seed {
            opportunities: catalog.opportunities,
            guides: catalog.guides,
            news: catalog.news,
            organisations: catalog.organisations,
            answers: catalog.answers,
            calls: catalog.calls,
            list_matches: catalog.list_matches,
        }
    }
}

/// The id of the script element that carries the seed in a server-rendered page.
pub const SEED_ELEMENT: &str = "sito-seed";

pub struct Catalog {
    pub opportunities: Vec<Opportunity>,
    pub guides: Vec<Guide>,
    pub news: Vec<News>,
    pub organisations: Vec<Organisation>,
    pub answers: Vec<Answer>,
    pub calls: Vec<Call>,
    /// Set only in a catalog seeded by a server-rendered list page (see `Seed`).
    pub list_matches: Option<(String, usize)>,
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
            list_matches: None,
            opportunity_index: OnceLock::new(),
            organisation_index: OnceLock::new(),
            everything: OnceLock::new(),
        }
    }

    /// Whether this catalog holds exactly what `seed` does.
    pub fn holds(&self, seed: &Seed) -> bool {
        self.opportunities == seed.opportunities
            && self.guides == seed.guides
            && self.news == seed.news
            && self.organisations == seed.organisations
            && self.answers == seed.answers
            && self.calls == seed.calls
            && self.list_matches == seed.list_matches
    }

    /// How many items match the list (the opportunities' filter, or a search) whose key is
    /// `query`, when this catalog holds only the first page of them (a server-rendered list).
    pub fn list_matches(&self, query: &str) -> Option<usize> {
        self.list_matches
            .as_ref()
            .filter(|(q, _)| q == query)
            .map(|(_, n)| *n)
    }

    /// Takes the lists of `kinds` from `other`, in place of this catalog's own. The indexes over
    /// the lists it keeps stay built; those over a list it takes, and the search over
    /// everything, are built again on first use. (The worker's: it adds lists to the one it keeps.)
    #[cfg(feature = "ssr")]
    pub fn take_lists(&mut self, mut other: Catalog, kinds: &[ContentKind]) {
        for kind in kinds {
            match kind {
                ContentKind::Opportunity => {
                    self.opportunities = std::mem::take(&mut other.opportunities);
                    self.opportunity_index = OnceLock::new();
                }
                ContentKind::Organisation => {
                    self.organisations = std::mem::take(&mut other.organisations);
                    self.organisation_index = OnceLock::new();
                }
                ContentKind::Guide => self.guides = std::mem::take(&mut other.guides),
                ContentKind::News => self.news = std::mem::take(&mut other.news),
                ContentKind::Answer => self.answers = std::mem::take(&mut other.answers),
                ContentKind::Call => self.calls = std::mem::take(&mut other.calls),
                // Labs and recruiting days are not in the catalog: their pages read them from
                // the store.
                ContentKind::Lab | ContentKind::RecruitingDay => {}
            }
        }
        self.everything = OnceLock::new();
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

/// The catalog as pages see it: nothing yet (the store is being read), the catalog, or why the
/// device's store cannot be read.
pub type CatalogState = Option<Result<Arc<Catalog>, StoreError>>;

/// The catalog pages render, and the device's store behind it.
///
/// A page the worker rendered shows its seed, and keeps showing it while the store's catalog
/// would render the page the same (`renders_same`, given by the app): swapping in an equal
/// catalog would re-create every node of the page (a second paint of the same content). The
/// store's catalog takes over when the reader moves (another address, another filter, "show
/// more") or as soon as it would show anything else: a new item, a changed one, another count.
#[derive(Clone, Copy)]
pub struct CatalogSignal {
    state: RwSignal<CatalogState>,
    latest: RwSignal<Option<Arc<Catalog>>>,
    /// The seed is still on screen.
    held: RwSignal<bool>,
    renders_same: RendersSame,
}

/// Whether the store's catalog (second) renders the page at an address exactly as the seed
/// on screen (first) does.
pub type RendersSame = fn(&str, &Catalog, &Catalog) -> bool;

impl CatalogSignal {
    /// What pages render (tracked).
    pub fn get(self) -> CatalogState {
        self.state.get()
    }

    /// Lets the store's catalog replace the seed, now or as soon as it is read.
    pub fn adopt(self) {
        if !self.held.get_untracked() {
            return;
        }
        self.held.set(false);
        if let Some(catalog) = self.latest.get_untracked() {
            self.state.set(Some(Ok(catalog)));
        }
    }

    fn stored(self, catalog: Arc<Catalog>) {
        self.latest.set(Some(catalog.clone()));
        if !self.held.get_untracked() {
            return self.state.set(Some(Ok(catalog)));
        }
        let same = self
            .state
            .with_untracked(|shown| match (shown, current_address()) {
                (Some(Ok(shown)), Some(address)) => (self.renders_same)(&address, shown, &catalog),
                _ => false,
            });
        if !same {
            self.adopt();
        }
    }
}

/// The browser's address, path and query.
fn current_address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

async fn load() -> Result<Option<Arc<Catalog>>, StoreError> {
    let store = store::shared().await?;
    // A store that never synced is empty, not the truth: keep what the page came with.
    let synced = store.synced_at().await?.is_some();
    Ok(Some(Arc::new(Catalog::new(
        store.all().await?,
        store.all().await?,
        store.all().await?,
        store.all().await?,
        store.all().await?,
        store.all().await?,
    )))
    .filter(|_| synced))
}

/// Provides the catalog: on the server the page's seed (given as context by
/// `prerender::render`); in the browser the seed written into a server-rendered page, then the
/// device's store, read again whenever the sync client changes it.
pub fn provide_catalog(renders_same: RendersSame) {
    let seed = use_context::<Arc<Catalog>>().or_else(|| read_seed().map(Arc::new));
    let seeded = seed.is_some();
    let catalog = CatalogSignal {
        held: RwSignal::new(seeded),
        renders_same,
        state: RwSignal::new(seed.map(Ok)),
        latest: RwSignal::new(None),
    };
    provide_context(catalog);
    if cfg!(feature = "ssr") {
        return;
    }
    let sync = use_sync();
    // An effect runs after hydration, so the first render is the seed's, as on the server.
    Effect::new(move |_| {
        sync.revision.track();
        leptos::task::spawn_local(async move {
            let loaded = load().await;
            // Comparing with the page on screen, and rendering, in a task of their own.
            let _ = crate::tasks::yield_now().await;
            match loaded {
                Ok(Some(loaded)) => catalog.stored(loaded),
                Ok(None) if seeded => {}
                Ok(None) => catalog.stored(Arc::new(Catalog::default())),
                Err(error) if !seeded => catalog.state.set(Some(Err(error))),
                Err(error) => leptos::logging::warn!("archivio del dispositivo: {error}"),
            }
        });
    });
}

/// The seed of a server-rendered page, if this page is one.
pub fn read_seed() -> Option<Catalog> {
    if cfg!(feature = "ssr") {
        return None;
    }
    let text = web_sys::window()?
        .document()?
        .get_element_by_id(SEED_ELEMENT)?
        .text_content()?;
    match serde_json::from_str::<Seed>(&text) {
        Ok(seed) => Some(seed.into()),
        Err(error) => {
            leptos::logging::warn!("dati della pagina illeggibili: {error}");
            None
        }
    }
}

pub fn use_catalog() -> CatalogSignal {
    expect_context::<CatalogSignal>()
}
