//! "Per te" (`/per-te`): a short profile the young person chooses to tell, kept on the phone,
//! and the synced opportunities and calls ranked against it, each with its reasons. Nothing
//! here talks to the server; only the whole portal carries this page.

pub(crate) mod bank;
mod form;

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::components::A;
use sito_core::{matching::Profile, ContentKind};

use crate::{
    catalog::Catalog,
    components::{ConfirmDialog, DeadlineBadge, WithCatalog},
    dates::{now, today},
    for_you::{matches, Match},
    i18n::*,
    labels,
    save_problem::written,
    store::{self, ForYou},
};

/// How many results the page shows.
const SHOWN: usize = 50;

/// What the phone holds for "Per te": not read yet, or the record (none until a profile is
/// kept).
type Loaded = Option<Option<ForYou>>;

#[component]
pub fn ForYouPage() -> impl IntoView {
    let i18n = use_i18n();
    let record = RwSignal::new(Loaded::None);
    let editing = RwSignal::new(false);
    // The server renders only the page's frame, from an empty seed: the page shows the
    // device's catalog as soon as it is read, and the profile after the first render.
    let catalog = crate::catalog::use_catalog();
    Effect::new(move |_| catalog.adopt());
    Effect::new(move |_| {
        spawn_local(async move {
            let loaded = match store::shared().await {
                Ok(store) => written(store.for_you().await).flatten(),
                Err(_) => None,
            };
            record.set(Some(loaded));
        });
    });
    let saved = Callback::new(move |profile: Profile| {
        record.set(Some(Some(ForYou::new(profile))));
        editing.set(false);
    });
    view! {
        <h1>{t!(i18n, for_you.title)}</h1>
        <p>{t!(i18n, for_you.intro)}</p>
        <p class="hint">{t!(i18n, for_you.privacy)}</p>
        <p class="more">
            <A href="/per-te/banca-cv">{move || crate::cv_bank::text::text(i18n.get_locale()).link}</A>
        </p>
        {move || match record.get() {
            None => view! { <p class="loading">{t!(i18n, loading)}</p> }.into_any(),
            Some(None) => view! { <form::ProfileForm start=None saved/> }.into_any(),
            Some(Some(kept)) if editing.get() => {
                view! { <form::ProfileForm start=Some(kept.profile) saved/> }.into_any()
            }
            Some(Some(kept)) => view! { <Results profile=kept.profile record editing/> }.into_any(),
        }}
    }
}

/// The ranked list, with the buttons to change or delete the profile. Showing it counts its
/// items as seen, so the home page's count starts again from here.
#[component]
fn Results(
    /// The profile kept on the phone.
    profile: Profile,
    /// The page's record, cleared when the profile is deleted.
    record: RwSignal<Loaded>,
    /// Set to edit the profile.
    editing: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let deleting = RwSignal::new(false);
    let delete = Callback::new(move |()| {
        spawn_local(async move {
            if let Ok(store) = store::shared().await {
                if written(store.delete_for_you().await).is_some() {
                    record.set(Some(None));
                }
            }
            deleting.set(false);
        });
    });
    let profile = Arc::new(profile);
    view! {
        <p class="more">
            <button type="button" class="secondary" on:click=move |_| editing.set(true)>
                {t!(i18n, for_you.edit)}
            </button>
        </p>
        <ConfirmDialog
            open=deleting
            id="per-te-cancella"
            class="notice error"
            ask=move || t!(i18n, for_you.delete)
            question=move || t!(i18n, for_you.delete_question)
            yes=move || t!(i18n, for_you.delete_yes)
            no=move || t!(i18n, for_you.keep)
            on_yes=delete
        />
        <section aria-labelledby="per-te-risultati">
            <h2 id="per-te-risultati">{t!(i18n, for_you.results)}</h2>
            <WithCatalog render=move |catalog| {
                let found = matches(&catalog, &profile, today(), now());
                remember_seen(&catalog, &profile, &found);
                if found.is_empty() {
                    return view! { <p class="empty">{t!(i18n, for_you.none)}</p> }.into_any();
                }
                view! {
                    <ul class="cards" data-testid="per-te">
                        {found
                            .into_iter()
                            .take(SHOWN)
                            .map(|m| view! { <MatchCard catalog=catalog.clone() found=m/> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }/>
        </section>
    }
}

/// Keeps every match shown as seen.
fn remember_seen(catalog: &Catalog, profile: &Arc<Profile>, found: &[Match]) {
    let seen: Vec<String> = found.iter().map(|m| m.key(catalog)).collect();
    let profile = profile.clone();
    spawn_local(async move {
        if let Ok(store) = store::shared().await {
            written(store.put_for_you(&profile, seen).await);
        }
    });
}

/// One result: what it is, where, until when, and why it is here.
#[component]
fn MatchCard(
    /// Where the item is.
    catalog: Arc<Catalog>,
    /// The item and its reasons.
    found: Match,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = today();
    let (href, title, kind, deadline) = match found.kind {
        ContentKind::Call => {
            let call = &catalog.calls[found.index];
            (
                format!("/bandi/{}", call.id),
                call.title.clone(),
                sito_core::OpportunityKind::Call,
                Some(call.closes_at.date_naive()),
            )
        }
        _ => {
            let o = &catalog.opportunities[found.index];
            (
                format!("/opportunita/{}", o.id),
                o.title.clone(),
                o.kind,
                o.deadline,
            )
        }
    };
    let ranked = found.ranked;
    let reasons = move || match i18n.get_locale() {
        Locale::it => ranked.summary_it(),
        Locale::en => ranked.summary_en(),
    };
    view! {
        <li class="card">
            <p class="kind">{move || labels::kind(i18n, kind)}</p>
            <h3><A href=href>{title}</A></h3>
            <p class="reasons">
                <span class="visually-hidden">{t!(i18n, for_you.reasons)} ": "</span>
                {reasons}
            </p>
            {deadline.map(|deadline| view! { <DeadlineBadge deadline today/> })}
        </li>
    }
}

/// The home page's line in the whole portal: how many matching items arrived since "Per te"
/// was last shown, or an invitation to tell what one looks for. Nothing until the phone's
/// store is read.
#[component]
pub fn NewForYou() -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::catalog::use_catalog();
    let record = RwSignal::new(Loaded::None);
    Effect::new(move |_| {
        // Read again whenever the catalog changes (after a sync).
        catalog.get();
        spawn_local(async move {
            if let Ok(store) = store::shared().await {
                record.set(Some(store.for_you().await.ok().flatten()));
            }
        });
    });
    move || {
        let kept = record.get()?;
        let Some(kept) = kept else {
            return Some(
                view! { <p class="for-you"><A href="/per-te">{t!(i18n, for_you.invite)}</A></p> }
                    .into_any(),
            );
        };
        let Some(Ok(loaded)) = catalog.get() else {
            return None;
        };
        let found = matches(&loaded, &kept.profile, today(), now());
        let n = crate::for_you::new_count(&loaded, &found, &kept.seen);
        (n > 0).then(|| {
            view! {
                <p class="for-you" data-testid="per-te-nuove">
                    <A href="/per-te">
                        {move || if n == 1 {
                            t_string!(i18n, for_you.new_one).to_owned()
                        } else {
                            t_string!(i18n, for_you.new_many, n = n).to_string()
                        }}
                    </A>
                </p>
            }
            .into_any()
        })
    }
}
