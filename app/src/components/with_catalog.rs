use std::sync::Arc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::{
    catalog::{use_catalog, Catalog},
    dates::local_date_time,
    i18n::*,
    store::StoreError,
};

/// Renders `render` with the catalog: at once on a page the worker rendered (its seed), or once
/// it is loaded from the device (a few milliseconds); or says why the device's store cannot be
/// read.
#[component]
pub fn WithCatalog<F, V>(
    /// The page, given the catalog.
    render: F,
) -> impl IntoView
where
    F: Fn(Arc<Catalog>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let catalog = use_catalog();
    let i18n = use_i18n();
    move || match catalog.get() {
        None => view! { <p class="loading">{t!(i18n, loading)}</p> }.into_any(),
        Some(Ok(catalog)) => render(catalog).into_any(),
        Some(Err(error)) => view! { <StoreProblem error/> }.into_any(),
    }
}

/// What the page says when the device's own store fails (private mode, full disk).
#[component]
pub fn StoreProblem(
    /// What went wrong.
    error: StoreError,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice error" role="alert">
            <p>{t!(i18n, store_problem.title)}</p>
            <p class="detail">{error.to_string()}</p>
            <p>{t!(i18n, store_problem.hint)}</p>
        </div>
    }
}

/// Who published an item and when it was last updated (ERYICA youth information principles).
#[component]
pub fn Provenance(
    /// The publishing body.
    published_by: String,
    /// The time of the last change.
    updated_at: DateTime<Utc>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="provenance">
            {t!(i18n, provenance.published_by)} " " {published_by} " · "
            {t!(i18n, provenance.updated)} " "
            {move || local_date_time(updated_at, i18n.get_locale())}
        </p>
    }
}
