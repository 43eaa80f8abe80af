//! Cover letters: made from a template, filled in from the latest CV and, when started from an
//! opportunity's page, from that opportunity; then edited freely and printed.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::A,
    hooks::{use_navigate, use_params_map, use_query_map},
    NavigateOptions,
};
use sito_core::cv::{draft_letter, role_from_title, Cv, Letter, LetterTarget, LetterTemplate};
use sito_core::VariantArray;

use super::new_id;
use crate::{dates::now_iso, i18n::*, save_problem::written, store};

fn today() -> chrono::NaiveDate {
    crate::dates::today()
}

fn template_label(i18n: leptos_i18n::I18nContext<Locale>, t: LetterTemplate) -> &'static str {
    match t {
        LetterTemplate::ReplyToAd => t_string!(i18n, cv.template_ad),
        LetterTemplate::Spontaneous => t_string!(i18n, cv.template_spontaneous),
        LetterTemplate::Internship => t_string!(i18n, cv.template_internship),
        LetterTemplate::Volunteering => t_string!(i18n, cv.template_volunteering),
    }
}

/// `/cv/nuova-lettera?opportunita=…&modello=…`: makes the letter and opens it.
#[component]
pub fn NewLetter() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let opportunity_id = query.with_untracked(|q| q.get("opportunita"));
        let template = query
            .with_untracked(|q| q.get("modello"))
            .and_then(|m| m.parse::<LetterTemplate>().ok());
        let navigate = navigate.clone();
        spawn_local(async move {
            let Ok(store) = store::shared().await else {
                return;
            };
            let cv = store.cvs().await.unwrap_or_default().into_iter().next();
            let opportunity = match &opportunity_id {
                Some(id) => store.opportunity(id).await.ok().flatten(),
                None => None,
            };
            let template = template.unwrap_or(match opportunity.as_ref().map(|o| o.kind) {
                Some(sito_core::OpportunityKind::Internship) => LetterTemplate::Internship,
                Some(
                    sito_core::OpportunityKind::Volunteering | sito_core::OpportunityKind::WorkCamp,
                ) => LetterTemplate::Volunteering,
                Some(_) => LetterTemplate::ReplyToAd,
                None => LetterTemplate::Spontaneous,
            });
            let target = opportunity
                .as_ref()
                .map_or_else(LetterTarget::default, |o| LetterTarget {
                    organisation: o.organisation.clone(),
                    role: role_from_title(o.kind, &o.title),
                    place: o.place.clone(),
                    deadline: o.deadline,
                });
            let base = cv.clone().unwrap_or_default();
            let letter = Letter {
                id: new_id(),
                cv_id: base.id.clone(),
                template,
                opportunity_id: opportunity.as_ref().map(|o| o.id.clone()),
                organisation: target.organisation.clone(),
                role: target.role.clone(),
                body: draft_letter(template, &base, &target, today()),
                updated_at: now_iso(),
            };
            if store.put_letter(&letter).await.is_ok() {
                navigate(
                    &format!("/cv/lettera/{}", letter.id),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        });
    });
    view! { <p class="loading">{t!(i18n, cv.preparing_letter)}</p> }
}

/// Letter `id` and the CV it was made from, as the device has them: `None` when the device
/// could not be read, `Some(None)` when it has no such letter.
async fn load_letter(id: String) -> Option<Option<(Letter, Option<Cv>)>> {
    let store = store::shared().await.ok()?;
    let Some(found) = store
        .letters()
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|l| l.id == id)
    else {
        return Some(None);
    };
    let cv = store
        .cvs()
        .await
        .unwrap_or_default()
        .into_iter()
        .find(|c| c.id == found.cv_id);
    Some(Some((found, cv)))
}

#[component]
pub fn LetterEditor() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // Keyed on the id: a letter still being read for a page already left never shows on the
    // next.
    let found = LocalResource::new(move || load_letter(id.get()));
    view! {
        <Suspense fallback=|| ()>
            {move || found.get().flatten().map(|found| match found {
                None => view! {
                    <h1>{t!(i18n, cv.letter_not_found)}</h1>
                    <p><A href="/cv">{t!(i18n, cv.back)}</A></p>
                }.into_any(),
                Some((found, cv)) => view! { <LetterForm found cv/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The editor of one letter read from the device.
#[component]
fn LetterForm(found: Letter, cv: Option<Cv>) -> impl IntoView {
    let i18n = use_i18n();
    let letter = RwSignal::new(Some(found));
    let cv = RwSignal::new(cv);
    let edit = move |change: &dyn Fn(&mut Letter)| {
        letter.update(|l| {
            if let Some(l) = l {
                change(l);
                l.updated_at = now_iso();
            }
        });
        if let Some(snapshot) = letter.get_untracked() {
            spawn_local(async move {
                if let Some(store) = written(store::shared().await) {
                    written(store.put_letter(&snapshot).await);
                }
            });
        }
    };
    let value = move |get: fn(&Letter) -> String| {
        move || letter.with(|l| l.as_ref().map(get).unwrap_or_default())
    };
    let regenerate = move |_| {
        let base = cv.get_untracked().unwrap_or_default();
        edit(&|l| {
            let target = LetterTarget {
                organisation: l.organisation.clone(),
                role: l.role.clone(),
                ..LetterTarget::default()
            };
            l.body = draft_letter(l.template, &base, &target, today());
        });
    };
    let remove = move |_| {
        let navigate = use_navigate();
        if let Some(l) = letter.get_untracked() {
            spawn_local(async move {
                if let Some(store) = written(store::shared().await) {
                    written(store.delete_letter(&l.id).await);
                }
                navigate("/cv", Default::default());
            });
        }
    };
    view! {
            <p class="no-print"><A href="/cv">{t!(i18n, cv.back)}</A></p>
            <h1 class="no-print">{t!(i18n, cv.letter_title)}</h1>
            <p class="tip no-print">{t!(i18n, cv.letter_tip)}</p>
            <form class="stack no-print" on:submit=|ev| ev.prevent_default()>
                <label for="letter-template">{t!(i18n, cv.template)}</label>
                <select
                    id="letter-template"
                    prop:value=value(|l| l.template.as_ref().to_owned())
                    on:change=move |ev| {
                        if let Ok(t) = event_target_value(&ev).parse::<LetterTemplate>() {
                            edit(&|l| l.template = t);
                        }
                    }
                >
                    {LetterTemplate::VARIANTS.iter().copied().map(|t| view! { <option value={<&'static str>::from(t)}>{move || template_label(i18n, t)}</option> }).collect_view()}
                </select>
                <label for="letter-organisation">{t!(i18n, cv.organisation)}</label>
                <input id="letter-organisation" prop:value=value(|l| l.organisation.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit(&|l| l.organisation = v.clone()); }/>
                <label for="letter-role">{t!(i18n, cv.role)}</label>
                <input id="letter-role" prop:value=value(|l| l.role.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit(&|l| l.role = v.clone()); }/>
                <button type="button" class="secondary" on:click=regenerate>{t!(i18n, cv.regenerate)}</button>
                <label for="letter-body">{t!(i18n, cv.letter_body)}</label>
                <textarea id="letter-body" rows="18" prop:value=value(|l| l.body.clone()) on:input=move |ev| { let v = event_target_value(&ev); edit(&|l| l.body = v.clone()); }></textarea>
            </form>
            <div class="actions no-print">
                <button type="button" class="action" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{t!(i18n, cv.print)}</button>
                <button type="button" class="secondary" on:click=remove>{t!(i18n, cv.delete_letter)}</button>
            </div>
            <div class="letter-sheet print-only" lang="it">{value(|l| l.body.clone())}</div>
    }
}
