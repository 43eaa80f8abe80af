//! SI.T.O. Giovani, the app: routes, components, the IndexedDB store, the sync client and the
//! offline catalog with its search.
// Rendered to HTML (the `ssr` feature), the deepest views (the printable proposal) nest more
// types than the compiler's default limit.
#![recursion_limit = "256"]

pub mod api;
pub mod catalog;
pub mod components;
pub mod cv_bank;
pub mod dates;
pub mod for_you;
pub mod labels;
mod locales;
pub mod outbox;
pub mod prerender;
pub mod routes;
pub mod save_problem;
pub mod saved;
#[cfg(feature = "hydrate")]
pub mod start;
pub mod store;
pub mod sync;
pub mod tasks;

pub use locales::i18n;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::{BottomNav, Header},
    i18n::*,
    routes::{proposals, *},
    save_problem::SaveProblemNotice,
};

/// The CV tool (`/cv…`, the `sito-cv` binary and `cv.html`): the same shell and header, but
/// only its own routes, so that the portal's first load does not carry it. Any other address
/// is a full load of the portal.
#[component]
pub fn CvApp() -> impl IntoView {
    view! { <Tool><CvShell/></Tool> }
}

#[component]
fn CvShell() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=OtherApp>
                <Route path=path!("/cv") view=CvHome/>
                <Route path=path!("/cv/nuova-lettera") view=NewLetter/>
                <Route path=path!("/cv/lettera/:id") view=LetterEditor/>
                <Route path=path!("/cv/:id") view=CvEditor/>
            </Routes>
        </Frame>
    }
}

/// The proposal tool (`/proposte…`, the `sito-proposte` binary and `proposte.html`): the group's
/// drafts and proposals, the six-step form, sending through the outbox. Like the CV tool it is
/// its own wasm, so the portal's first load does not carry it.
#[component]
pub fn ProposteApp() -> impl IntoView {
    view! { <Tool><ProposteShell/></Tool> }
}

/// What the portal's two tools start with: the sync client (so the outbox sends), the page's
/// head, and the reader's language around their own routes.
#[component]
fn Tool(children: Children) -> impl IntoView {
    sync::provide_sync(outbox::provide_outbox());
    leptos_meta::provide_meta_context();
    view! { <I18nContextProvider>{children()}</I18nContextProvider> }
}

#[component]
fn ProposteShell() -> impl IntoView {
    proposals::provide_session();
    view! {
        <Frame>
            <Routes fallback=OtherApp>
                <Route path=path!("/proposte") view=ProposalHome/>
                <Route path=path!("/proposte/nuova") view=NewProposal/>
                <Route path=path!("/proposte/conferma/:token") view=ConfirmSignUp/>
                <Route path=path!("/proposte/:id/stampa") view=ProposalPrint/>
                <Route path=path!("/proposte/:id") view=ProposalEditor/>
            </Routes>
        </Frame>
    }
}

/// What every page has around its content: the skip link, the header, the bottom navigation,
/// and the reader's language applied after the provider chose one from the browser's.
#[component]
fn Frame(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| components::header::restore_locale(i18n));
    view! {
        <Router>
            <AdoptOnNavigation/>
            <a class="skip-link" href="#contenuto">{t!(i18n, skip)}</a>
            <Header/>
            <SaveProblemNotice/>
            <main id="contenuto" tabindex="-1">{children()}</main>
            <BottomNav/>
        </Router>
    }
}

/// Moving to another address (or filter) lets the device's catalog replace a server-rendered
/// page's seed (`CatalogSignal::adopt`). Renders nothing.
#[component]
fn AdoptOnNavigation() -> impl IntoView {
    if let Some(catalog) = use_context::<catalog::CatalogSignal>() {
        let location = leptos_router::hooks::use_location();
        Effect::watch(
            move || (location.pathname.get(), location.search.get()),
            move |_, _, _| catalog.adopt(),
            false,
        );
    }
}

/// A route that belongs to another wasm (portal, CV tool, proposal tool): load the page in full, so that
/// the server (or, offline, the service worker) serves the right one.
#[component]
fn OtherApp() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let search = location.search.get_untracked();
        let target = if search.is_empty() {
            location.pathname.get_untracked()
        } else {
            format!(
                "{}?{}",
                location.pathname.get_untracked(),
                search.trim_start_matches('?')
            )
        };
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(&target);
        }
    });
    view! { <p class="loading" aria-busy="true"></p> }
}

/// The whole portal: the shell (header, content, bottom navigation) around every route. The
/// service worker's offline shell mounts it, and it hydrates the pages `PortaleApp` leaves to it.
#[component]
pub fn App() -> impl IntoView {
    portal::<true>()
}

/// The portal's everyday pages (the `sito-portale` binary and `portale.html`): what a first
/// visit hydrates. The pages a phone rarely opens first (`Page::whole_app`: the expert, the
/// calls, events, the directory, about us) are a full load of the whole app, so this wasm
/// carries none of their code.
#[component]
pub fn PortaleApp() -> impl IntoView {
    portal::<false>()
}

/// What both portal wasms start with: sync, the catalog, the saved items and the page's head,
/// around the routes (all of them, or the everyday ones with `ALL = false`).
fn portal<const ALL: bool>() -> impl IntoView {
    sync::provide_sync(outbox::provide_outbox());
    catalog::provide_catalog(|address, shown, stored| {
        prerender::renders_same(address, shown, stored, dates::today())
    });
    saved::provide_saved();
    leptos_meta::provide_meta_context();
    view! {
        <I18nContextProvider ssr_lang_header_getter=italian_first()>
            {shell::<ALL>()}
        </I18nContextProvider>
    }
}

/// The language of a page the worker renders: Italian, whatever the browser asks for. The
/// reader's own choice (English) is applied by the app once it runs (`Frame`).
fn italian_first() -> leptos_i18n::context::UseLocalesOptions {
    leptos_i18n::context::UseLocalesOptions::default().ssr_lang_header_getter(|| None)
}

/// The portal's routes. A page `Page::whole_app` names is `rare::<ALL>`: its own view in the
/// whole app, a full load of it in the everyday one.
fn shell<const ALL: bool>() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/") view={|| home::<ALL>()}/>
                <Route path=path!("/opportunita") view=OpportunityList/>
                <Route path=path!("/opportunita/:id") view=OpportunityDetail/>
                <Route path=path!("/guide") view=GuideHub/>
                <Route path=path!("/guide/:id") view=GuideReader/>
                <Route path=path!("/salvati") view=SavedItems/>
                <Route path=path!("/rete") view={|| rare::<ALL, _>(Directory)}/>
                <Route path=path!("/eventi") view={|| rare::<ALL, _>(Events)}/>
                <Route path=path!("/notizie") view=NewsList/>
                <Route path=path!("/notizie/:id") view=NewsDetail/>
                <Route path=path!("/cerca") view=Search/>
                <Route path=path!("/come-lavoriamo") view={|| rare::<ALL, _>(About)}/>
                <Route path=path!("/esperto") view={|| rare::<ALL, _>(Expert)}/>
                <Route path=path!("/esperto/:id") view={|| rare::<ALL, _>(ExpertAnswer)}/>
                <Route path=path!("/bandi") view={|| rare::<ALL, _>(CallList)}/>
                <Route path=path!("/bandi/:id") view={|| rare::<ALL, _>(CallDetail)}/>
                <Route path=path!("/appuntamenti") view={|| rare::<ALL, _>(Appointments)}/>
                <Route path=path!("/per-te") view={|| rare::<ALL, _>(ForYouPage)}/>
                <Route path=path!("/per-te/banca-cv") view={|| rare::<ALL, _>(CvBankPage)}/>
                <Route path=path!("/laboratori") view={|| rare::<ALL, _>(routes::labs::LabList)}/>
                <Route path=path!("/laboratori/:id") view={|| rare::<ALL, _>(routes::labs::LabDetail)}/>
                <Route path=path!("/recruiting-day") view={|| rare::<ALL, _>(routes::recruiting_days::RecruitingDayList)}/>
                <Route path=path!("/recruiting-day/:id") view={|| rare::<ALL, _>(routes::recruiting_days::RecruitingDayDetail)}/>
                // The CV tool is its own, separately loaded wasm (cv.html).
                <Route path=path!("/cv") view=OtherApp/>
                <Route path=path!("/cv/*rest") view=OtherApp/>
                // So is the proposal tool (proposte.html).
                <Route path=path!("/proposte") view=OtherApp/>
                <Route path=path!("/proposte/*rest") view=OtherApp/>
            </Routes>
        </Frame>
    }
}

/// The home page; in the whole portal, led by the line of new items "Per te". Never on the
/// server nor in the everyday wasm, which hydrates the server's home page: both have the plain
/// `Home`, and `sito-portale` carries none of "Per te".
fn home<const ALL: bool>() -> AnyView {
    if ALL && !cfg!(feature = "ssr") {
        view! { <routes::for_you::NewForYou/> <Home/> }.into_any()
    } else {
        Home().into_any()
    }
}

/// A page only the whole app carries: `page` itself when `ALL`, otherwise a full load of the
/// address (the worker then serves it with the whole app). `page` is a function item, so the
/// everyday wasm, where it is never called, does not contain it.
fn rare<const ALL: bool, V: IntoView + 'static>(page: impl Fn() -> V) -> AnyView {
    if ALL {
        page().into_any()
    } else {
        OtherApp().into_any()
    }
}
