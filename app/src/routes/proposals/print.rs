//! `/proposte/{id}/stampa`: the whole proposal on A4 paper (print CSS), for signature and the
//! archive: every section, the budget table with its totals, the protocol number and time once
//! sent, and the contact person's signature line.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::{proposal::ProposalDraft, Call};

use super::{
    budget::{category_label, line_total},
    entry_id, group_kind_label,
    steps::timeline,
    Step,
};
use crate::{dates::rome_date_time, i18n::*, labels, store};

#[component]
pub fn ProposalPrint() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = LocalResource::new(move || {
        let id = id();
        async move {
            let store = store::shared().await.ok()?;
            let account = store.signed_in_account().await;
            let record = store
                .draft(&id)
                .await
                .ok()
                .flatten()
                .filter(|r| r.visible_to(account.as_deref()))?;
            let call = store
                .get::<Call>(&record.draft.call_id)
                .await
                .ok()
                .flatten();
            let receipt = store
                .outbox()
                .await
                .unwrap_or_default()
                .into_iter()
                .find(|e| e.id == entry_id(&record.id, record.draft.revision))
                .and_then(|e| e.proposal_receipt().cloned());
            Some((record.draft, call, receipt))
        }
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <p class="no-print"><A href=move || Step::Review.href(&id())>{t!(i18n, proposals.back_to_proposal)}</A></p>
        <p class="no-print"><button type="button" class="action" on:click=print>{t!(i18n, proposals.print_button)}</button></p>
        <Suspense fallback=|| ()>
            {move || data.get().map(|found| match found {
                None => view! { <h1>{t!(i18n, proposals.not_found)}</h1> }.into_any(),
                Some((draft, call, receipt)) => {
                    let locale = i18n.get_locale();
                    let sent = receipt.map(|r| (r.protocol.clone(), rome_date_time(r.submitted_at, locale)));
                    sheet(draft, call, sent).into_any()
                }
            })}
        </Suspense>
    }
}

fn sheet(d: ProposalDraft, call: Option<Call>, sent: Option<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let totals = call.as_ref().and_then(|c| d.totals(c));
    let kind = d.group_kind;
    let district = d.district;
    let title = if d.title.trim().is_empty() {
        t_string!(i18n, proposals.untitled).to_owned()
    } else {
        d.title.clone()
    };
    view! {
        <article class="proposal-sheet" data-testid="proposal-sheet" lang="it">
            <header class="sheet-head">
                <p class="kind">{t!(i18n, proposals.print_title)} " · " {call.as_ref().map(|c| c.title.clone()).unwrap_or_else(|| d.call_id.clone())}</p>
                <h1>{title}</h1>
                {match sent {
                    Some((protocol, when)) => view! {
                        <p data-testid="print-protocol">{t!(i18n, proposals.protocol)} " " <strong>{protocol}</strong> " · " {t_string!(i18n, proposals.received_at, when = when).to_string()}</p>
                    }.into_any(),
                    None => view! { <p>{t!(i18n, proposals.not_sent)}</p> }.into_any(),
                }}
            </header>
            <section>
                <h2>{t!(i18n, proposals.step1)}</h2>
                <dl class="facts">
                    <dt>{t!(i18n, proposals.group_name)}</dt><dd>{d.group_name.clone()}</dd>
                    <dt>{t!(i18n, proposals.group_kind)}</dt><dd>{move || kind.map(|k| group_kind_label(i18n, k))}</dd>
                    <dt>{t!(i18n, proposals.district)}</dt><dd>{move || district.map(|x| labels::district(i18n, x))}</dd>
                    <dt>{t!(i18n, proposals.contact_person)}</dt><dd>{d.contact_person.clone()}</dd>
                    <dt>{t!(i18n, proposals.members)}</dt><dd>{d.members.clone()}</dd>
                    <dt>{t!(i18n, proposals.ages)}</dt><dd>{format!("{} – {}", d.age_min, d.age_max)}</dd>
                </dl>
                <h3>{t!(i18n, proposals.partners)}</h3>
                {if d.partners.is_empty() {
                    view! { <p>{t!(i18n, proposals.no_partners)}</p> }.into_any()
                } else {
                    view! { <ul>{d.partners.iter().map(|p| view! { <li><strong>{p.name.clone()}</strong> ": " {p.role.clone()}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section>
                <h2>{t!(i18n, proposals.step2)}</h2>
                <h3>{t!(i18n, proposals.needs)}</h3><p class="text">{d.needs.clone()}</p>
                <h3>{t!(i18n, proposals.objectives)}</h3><p class="text">{d.objectives.clone()}</p>
            </section>
            <section>
                <h2>{t!(i18n, proposals.step3)}</h2>
                <table class="grid">
                    <thead><tr>
                        <th scope="col">{t!(i18n, proposals.action_title)}</th>
                        <th scope="col">{t!(i18n, proposals.action_start)}</th>
                        <th scope="col">{t!(i18n, proposals.action_end)}</th>
                        <th scope="col">{t!(i18n, proposals.action_who)}</th>
                    </tr></thead>
                    <tbody>
                        {d.actions.iter().map(|a| view! {
                            <tr><td>{a.title.clone()}</td><td>{a.start.clone()}</td><td>{a.end.clone()}</td><td>{a.who.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {timeline(&d.actions)}
            </section>
            <section>
                <h2>{t!(i18n, proposals.step4)}</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, proposals.step4)>
                <table class="grid budget-table" data-testid="print-budget">
                    <thead><tr>
                        <th scope="col">{t!(i18n, budget.category)}</th>
                        <th scope="col">{t!(i18n, budget.description)}</th>
                        <th scope="col" class="num">{t!(i18n, budget.quantity)}</th>
                        <th scope="col" class="num">{t!(i18n, budget.unit_cost)}</th>
                        <th scope="col" class="num">{t!(i18n, budget.line_total)}</th>
                    </tr></thead>
                    <tbody>
                        {d.lines.iter().map(|l| {
                            let c = l.category;
                            view! {
                                <tr>
                                    <td>{move || category_label(i18n, c)}</td>
                                    <td>{l.description.clone()}</td>
                                    <td class="num">{l.quantity.clone()}</td>
                                    <td class="num">{l.unit_cost.clone()}</td>
                                    <td class="num">{line_total(l).map(|c| c.to_string()).unwrap_or_default()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    {totals.map(|t| view! {
                        <tfoot>
                            {t.by_category.iter().map(|(c, amount)| {
                                let c = *c;
                                view! { <tr><th scope="row" colspan="4">{move || category_label(i18n, c)}</th><td class="num">{amount.to_string()}</td></tr> }
                            }).collect_view()}
                            <tr class="sum"><th scope="row" colspan="4">{t!(i18n, budget.total)}</th><td class="num">{t.total.to_string()}</td></tr>
                            <tr><th scope="row" colspan="4">{t!(i18n, budget.requested_short)}</th><td class="num">{t.requested.to_string()}</td></tr>
                            <tr><th scope="row" colspan="4">{t!(i18n, budget.cofinancing)}</th><td class="num">{t.cofinancing.to_string()}</td></tr>
                        </tfoot>
                    })}
                </table>
                </div>
            </section>
            <section>
                <h2>{t!(i18n, proposals.step5)}</h2>
                <h3>{t!(i18n, proposals.results)}</h3><p class="text">{d.results.clone()}</p>
                <h3>{t!(i18n, proposals.indicators)}</h3><p class="text">{d.indicators.clone()}</p>
                <h3>{t!(i18n, proposals.reporting)}</h3><p class="text">{d.reporting.clone()}</p>
            </section>
            <section class="signature">
                <p>{t!(i18n, proposals.date_place)} " ______________________________"</p>
                <p>
                    {t!(i18n, proposals.signature)}
                    {(!d.contact_person.trim().is_empty()).then(|| format!(" ({})", d.contact_person.trim()))}
                </p>
                <p class="sign-line" aria-hidden="true"></p>
            </section>
        </article>
    }
}
