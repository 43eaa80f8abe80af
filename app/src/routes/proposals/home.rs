//! `/proposte` ("Le mie proposte": the drafts on this phone, the group's proposals on the
//! server, the account) and `/proposte/nuova?bando=…` (a new draft for a call).

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};
use sito_core::{
    account::{AccountView, Role},
    proposal::{ProposalDraft, ProposalSummary},
    Call,
};

use super::{
    account::{use_session, AccountPanel, Session, LIST_KEY, ME_KEY},
    entry_id,
    review::status_label,
};
use crate::{
    api::{self, ApiError},
    dates::now_iso,
    dates::{rome_date_time, rome_date_time_text},
    i18n::*,
    outbox::use_outbox,
    routes::cv::new_id,
    save_problem::written,
    store::{self, DraftRecord, OutboxEntry, OutboxState},
};

#[component]
pub fn ProposalHome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, proposals.title)}</h1>
        <p>{t!(i18n, proposals.intro)}</p>
        <p><a href="/bandi" rel="external">{t!(i18n, proposals.calls_link)}</a></p>
        <Drafts/>
        <SentList/>
        <AccountPanel/>
    }
}

/// The drafts on this phone, with where each stands.
#[component]
fn Drafts() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let session = use_session();
    let data = LocalResource::new(move || {
        outbox.revision.track();
        session.changed.track();
        async move {
            let Ok(store) = store::shared().await else {
                return (Vec::new(), 0, Vec::new(), Vec::new());
            };
            // On a shared device, another group's drafts are only counted, never shown.
            let account = store.signed_in_account().await;
            let (drafts, others): (Vec<_>, Vec<_>) = store
                .drafts()
                .await
                .unwrap_or_default()
                .into_iter()
                .partition(|r| r.visible_to(account.as_deref()));
            (
                drafts,
                others.len(),
                store.outbox().await.unwrap_or_default(),
                store.all::<Call>().await.unwrap_or_default(),
            )
        }
    });
    view! {
        <section aria-labelledby="bozze">
            <h2 id="bozze">{t!(i18n, proposals.drafts)}</h2>
            <Suspense fallback=|| ()>
                {move || data.get().map(|(drafts, others, entries, calls)| view! {
                    {if drafts.is_empty() {
                        view! { <p class="empty">{t!(i18n, proposals.no_drafts)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="cards" data-testid="drafts">
                                {drafts.into_iter().map(|r| draft_card(r, &entries, &calls)).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {(others > 0).then(|| view! {
                        <p class="hint" data-testid="other-drafts">{move || t_string!(i18n, proposals.other_drafts, n = others).to_string()}</p>
                    })}
                })}
            </Suspense>
        </section>
    }
}

fn draft_card(record: DraftRecord, entries: &[OutboxEntry], calls: &[Call]) -> impl IntoView {
    let i18n = use_i18n();
    let d = &record.draft;
    let entry = entries
        .iter()
        .find(|e| e.id == entry_id(&record.id, d.revision))
        .cloned();
    let call = calls
        .iter()
        .find(|c| c.id == d.call_id)
        .map_or_else(|| d.call_id.clone(), |c| c.title.clone());
    let title = if d.title.trim().is_empty() {
        None
    } else {
        Some(d.title.clone())
    };
    let updated = d.updated_at.clone();
    view! {
        <li class="card">
            <p class="kind">{call}</p>
            <h3 class="card-title">
                <A href=format!("/proposte/{}", record.id)>
                    {move || title.clone().unwrap_or_else(|| t_string!(i18n, proposals.untitled).to_owned())}
                </A>
            </h3>
            <p class="meta">
                {move || match entry.as_ref().map(|e| &e.state) {
                    None => t_string!(i18n, proposals.state_draft).to_owned(),
                    Some(OutboxState::WaitingForSignIn { .. }) => t_string!(i18n, proposals.state_sign_in).to_owned(),
                    Some(OutboxState::Queued { .. }) => t_string!(i18n, proposals.state_queued).to_owned(),
                    Some(OutboxState::Sent { .. }) => {
                        let protocol = entry.as_ref().and_then(OutboxEntry::proposal_receipt).map(|r| format!(" · {}", r.protocol)).unwrap_or_default();
                        format!("{}{protocol}", t_string!(i18n, proposals.state_sent))
                    }
                    Some(OutboxState::Refused { .. }) => t_string!(i18n, proposals.state_refused).to_owned(),
                }}
                " · "
                {move || t_string!(i18n, proposals.updated, when = rome_date_time_text(&updated, i18n.get_locale())).to_string()}
            </p>
        </li>
    }
}

/// Every proposal of the signed-in group, page after page as the server's cursor leads.
async fn all_sent() -> Result<Vec<ProposalSummary>, ApiError> {
    let mut all = Vec::new();
    let mut after: Option<u64> = None;
    loop {
        let page = api::proposals(after).await?;
        all.extend(page.proposals);
        // The cursor only goes down; anything else would be a loop.
        match page
            .cursor
            .filter(|c| page.more && after.is_none_or(|a| *c < a))
        {
            Some(cursor) => after = Some(cursor),
            None => return Ok(all),
        }
    }
}

/// What `load` finds, read again on every sign-in and sign-out; nothing while signed out.
fn per_session<T: 'static, F: Future<Output = Option<T>> + 'static>(
    session: Session,
    signed_in: Memo<bool>,
    load: impl Fn() -> F + 'static,
) -> LocalResource<Option<T>> {
    LocalResource::new(move || {
        session.changed.track();
        let signed_in = signed_in.get();
        let loading = load();
        async move {
            if signed_in {
                loading.await
            } else {
                None
            }
        }
    })
}

/// The group's proposals on the server (signed in), from the last answer when offline.
#[component]
fn SentList() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let signed_in = Memo::new(move |_| session.me.with(Option::is_some));
    // The last list kept on the phone, and the server's: each keyed on the session, so a list
    // asked for before signing out or in never shows after it.
    let kept = per_session(session, signed_in, || async {
        let store = store::shared().await.ok()?;
        store
            .cache_get::<Vec<ProposalSummary>>(LIST_KEY)
            .await
            .ok()
            .flatten()
    });
    let fresh = per_session(session, signed_in, || async {
        let store = store::shared().await.ok()?;
        let fresh = all_sent().await.ok()?;
        written(store.cache_put(LIST_KEY, &fresh).await);
        Some(fresh)
    });
    let list = move || {
        signed_in
            .get()
            .then(|| fresh.get().flatten().or_else(|| kept.get().flatten()))
            .flatten()
    };
    view! {
        {move || list().map(|items| view! {
            <section aria-labelledby="inviate">
                <h2 id="inviate">{t!(i18n, proposals.sent_list)}</h2>
                {if items.is_empty() {
                    view! { <p class="empty">{t!(i18n, proposals.no_sent)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards" data-testid="sent">
                            {items.into_iter().map(|p| {
                                let (status, at) = (p.status, p.submitted_at);
                                view! {
                                    <li class="card">
                                        <p class="kind">{p.call_title.clone()}</p>
                                        <h3 class="card-title"><A href=format!("/proposte/{}", p.id)>{p.title.clone()}</A></h3>
                                        <p class="meta">
                                            {p.protocol.clone()} " · " {move || status_label(i18n, status)} " · "
                                            {move || rome_date_time(at, i18n.get_locale())}
                                        </p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        })}
    }
}

/// A new draft for the call in `?bando=`, filled with what the group's account says, saved,
/// then opened at step 1.
#[component]
pub fn NewProposal() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let call_id = query
        .with_untracked(|q| q.get("bando"))
        .filter(|c| !c.trim().is_empty());
    let failed = RwSignal::new(false);
    if let Some(call_id) = call_id.clone() {
        spawn_local(async move {
            let Ok(id) = new_id().parse::<uuid::Uuid>() else {
                failed.set(true);
                return;
            };
            let Ok(store) = store::shared().await else {
                failed.set(true);
                return;
            };
            let mut draft = ProposalDraft::new(id, &call_id, &now_iso());
            if let Ok(Some(me)) = store.cache_get::<AccountView>(ME_KEY).await {
                if me.role == Role::Applicant {
                    draft.group_name = me.name;
                    if let Some(group) = me.group {
                        draft.group_kind = Some(group.kind);
                        draft.district = Some(group.district);
                        draft.contact_person = group.contact_person;
                    }
                }
            }
            let owner = store.signed_in_account().await;
            let record = DraftRecord::new(draft, owner);
            if store.put_draft(&record).await.is_err() {
                failed.set(true);
                return;
            }
            navigate(
                &format!("/proposte/{}?passo=1", record.id),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        });
    }
    view! {
        <h1>{t!(i18n, proposals.new_title)}</h1>
        {if call_id.is_some() {
            view! { <p class="loading" aria-busy="true">{move || (!failed.get()).then(|| t_string!(i18n, proposals.creating))}</p> }.into_any()
        } else {
            view! { <p>{t!(i18n, proposals.choose_call)} " " <a href="/bandi" rel="external">{t!(i18n, proposals.calls_link)}</a></p> }.into_any()
        }}
        {move || failed.get().then(|| view! { <p class="notice error" role="alert">{t!(i18n, store_problem.title)}</p> })}
    }
}
