//! SI.T.O. Giovani, the app: routes, components, the IndexedDB store and the sync client.

pub mod components;
pub mod dates;
pub mod routes;
pub mod store;
pub mod sync;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    components::{BottomNav, Header},
    routes::{Home, NotFound, OpportunityDetail, OpportunityList},
};

/// The whole app: the shell (header, content, bottom navigation) around the routes.
#[component]
pub fn App() -> impl IntoView {
    sync::provide_sync();
    view! {
        <Router>
            <a class="skip-link" href="#contenuto">"Vai al contenuto"</a>
            <Header/>
            <main id="contenuto" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/opportunita") view=OpportunityList/>
                    <Route path=path!("/opportunita/:id") view=OpportunityDetail/>
                </Routes>
            </main>
            <BottomNav/>
        </Router>
    }
}
