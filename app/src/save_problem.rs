//! A write to the phone's store that did not happen (private mode, a full disk) is shown to the
//! person, who can then keep a copy another way, and never dropped in silence.
//!
//! Like the store itself (`store::shared`), the last failure is one per page: any code that
//! writes passes the result through [`written`], wherever it runs, and [`SaveProblemNotice`]
//! shows it.

use leptos::prelude::*;

use crate::{i18n::*, store::StoreError};

thread_local! {
    /// What the last failed write said; reference-counted, so no owner can dispose of it.
    static LAST_FAILURE: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

fn last_failure() -> ArcRwSignal<Option<String>> {
    LAST_FAILURE.with(Clone::clone)
}

/// Shows a store write's failure to the person (and logs it).
pub fn show_save_problem(error: &StoreError) {
    leptos::logging::warn!("scrittura sul dispositivo non riuscita: {error}");
    last_failure().set(Some(error.to_string()));
}

/// The value of a store write that worked; a failure is shown ([`show_save_problem`]).
pub fn written<T>(result: Result<T, StoreError>) -> Option<T> {
    result.inspect_err(show_save_problem).ok()
}

/// "Non è stato possibile salvare sul telefono: …", until the person closes it.
#[component]
pub fn SaveProblemNotice() -> impl IntoView {
    let i18n = use_i18n();
    let failure = last_failure();
    let close = {
        let failure = failure.clone();
        move |_| failure.set(None)
    };
    move || {
        failure.get().map(|error| {
            view! {
                <div class="notice error" role="alert" data-testid="save-problem">
                    <p>{t!(i18n, save_problem.text, error = error.clone())}</p>
                    <button type="button" class="secondary" on:click=close.clone()>{t!(i18n, save_problem.close)}</button>
                </div>
            }
        })
    }
}
