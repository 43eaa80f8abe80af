//! One page per route.

mod home;
mod not_found;
mod opportunities;
mod opportunity;

pub use home::Home;
pub use not_found::NotFound;
pub use opportunities::OpportunityList;
pub use opportunity::OpportunityDetail;

use leptos::prelude::*;
use sito_core::Opportunity;

use crate::{store, sync::use_sync};

/// Every stored opportunity, re-read whenever the sync client changes the store.
pub(crate) fn stored_opportunities() -> LocalResource<Result<Vec<Opportunity>, store::StoreError>> {
    let sync = use_sync();
    LocalResource::new(move || {
        sync.revision.track();
        async move { store::shared().await?.opportunities().await }
    })
}

/// What the page says when the device's own store fails (private mode, full disk).
#[component]
pub(crate) fn StoreProblem(
    /// What went wrong.
    error: store::StoreError,
) -> impl IntoView {
    view! {
        <div class="notice error" role="alert">
            <p>"Non riesco a leggere i dati salvati sul dispositivo."</p>
            <p class="detail">{error.to_string()}</p>
            <p>"Se stai navigando in modalità privata, apri il sito in una finestra normale."</p>
        </div>
    }
}
