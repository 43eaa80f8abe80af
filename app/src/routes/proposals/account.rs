//! The group's account: who is signed in (asked of the server, remembered on the phone for
//! offline use), sign-in, sign-up for associations and informal groups, sign-out. Drafting needs
//! none of this; only sending does.

use leptos::{prelude::*, task::spawn_local};
use sito_core::{
    account::{GroupKind, Role, SignIn, SignUp},
    District, FieldError, ValidationErrors,
};

use super::{field_id, group_kind_label, Editor, GROUP_DISTRICTS};
use crate::{api, i18n::*, labels, outbox::use_outbox, save_problem::written, store};

pub use super::session::{provide_session, use_session, Session, LIST_KEY, ME_KEY};
pub(super) use super::signing_in::signed_in;

/// A field's error, from the phone's check or the server's refusal.
fn error_of(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> impl Fn() -> Option<String> {
    move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }
}

/// One labelled input of the account forms, with its error tied to it.
fn account_input(
    form: &'static str,
    field: &'static str,
    label: impl IntoView + 'static,
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let id = format!("{form}-{}", field_id(field));
    let error_id = format!("{id}-errore");
    let error = error_of(errors, field);
    let has_error = error_of(errors, field);
    view! {
        <label for=id.clone()>{label}</label>
        <input
            id=id
            type=kind
            autocomplete=autocomplete
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
            aria-invalid=move || has_error().map(|_| "true")
            aria-describedby={
                let error_id = error_id.clone();
                move || errors.with(|e| e.iter().any(|e| e.field == field)).then(|| error_id.clone())
            }
        />
        {move || error().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
    }
}

fn to_errors(errors: ValidationErrors) -> Vec<FieldError> {
    errors.0
}

/// Signs in; on success remembers the account and sends what waited for it.
#[component]
pub fn SignInForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let outbox = use_outbox();
    let editor = use_context::<Editor>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = SignIn {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if let Err(found) = input.validate() {
            errors.set(to_errors(found));
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let answer = api::sign_in(&input).await;
            busy.set(false);
            match answer {
                Ok(me) => {
                    failure.set(None);
                    password.set(String::new());
                    signed_in(session, me, editor).await;
                    outbox.flush();
                }
                Err(f) => {
                    errors.set(f.field_errors());
                    failure.set(Some(f.text(i18n)));
                }
            }
        });
    };
    view! {
        <form class="stack" on:submit=submit novalidate data-testid="sign-in">
            {account_input("accesso", "email", t!(i18n, account.email), "email", "username", email, errors)}
            {account_input("accesso", "password", t!(i18n, account.password), "password", "current-password", password, errors)}
            <button type="submit" class="action" disabled=move || busy.get()>{t!(i18n, account.sign_in)}</button>
            <p role="status" class="field-error">{move || failure.get()}</p>
        </form>
    }
}

/// An association or informal group signs up. The server answers the same whether or not the
/// address has an account, and writes to it: the form gives way to what to do next.
#[component]
pub fn SignUpForm() -> impl IntoView {
    let i18n = use_i18n();
    let sent = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let district = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = ValidationErrors::default();
        let group_kind = match kind.get_untracked().as_str() {
            "association" => Some(GroupKind::Association),
            "informal_group" => Some(GroupKind::InformalGroup),
            _ => None,
        };
        if group_kind.is_none() {
            found.push(
                "group_kind",
                "required",
                "Scegli se siete un'associazione o un gruppo informale.",
            );
        }
        let place = district.get_untracked().parse::<District>().ok();
        if place.is_none() {
            found.push("district", "required", "Scegli il territorio.");
        }
        let input = SignUp {
            name: name.get_untracked(),
            group_kind: group_kind.unwrap_or(GroupKind::InformalGroup),
            district: place.unwrap_or(District::Cremona),
            contact_person: contact.get_untracked(),
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if let Err(more) = input.validate() {
            found.0.extend(more.0);
        }
        if !found.is_empty() {
            errors.set(to_errors(found));
            return;
        }
        errors.set(Vec::new());
        spawn_local(async move {
            match api::sign_up(&input).await {
                Ok(answer) => {
                    failure.set(None);
                    password.set(String::new());
                    sent.set(Some(answer.email));
                }
                Err(f) => {
                    errors.set(f.field_errors());
                    failure.set(Some(f.text(i18n)));
                }
            }
        });
    };
    let select_error = move |field: &'static str| {
        move || {
            errors.with(|e| e.iter().find(|e| e.field == field).map(|e| e.message.clone()))
                .map(|m| view! { <p class="field-error" id=format!("registrazione-{field}-errore")>{m}</p> })
        }
    };
    let described = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.iter().any(|e| e.field == field))
                .then(|| format!("registrazione-{field}-errore"))
        }
    };
    view! {
        <Show
            when=move || sent.with(Option::is_none)
            fallback=move || view! {
                <p class="notice" role="status" data-testid="sign-up-sent">
                    {move || t_string!(i18n, account.sign_up_sent, email = sent.get().unwrap_or_default()).to_string()}
                </p>
            }
        >
        <form class="stack" on:submit=submit novalidate data-testid="sign-up">
            {account_input("registrazione", "name", t!(i18n, proposals.group_name), "text", "organization", name, errors)}
            <label for="registrazione-group_kind">{t!(i18n, proposals.group_kind)}</label>
            <select id="registrazione-group_kind" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev)) aria-describedby=described("group_kind")>
                <option value="">{t!(i18n, proposals.choose)}</option>
                {[GroupKind::Association, GroupKind::InformalGroup].into_iter().map(|k| {
                    let value = if k == GroupKind::Association { "association" } else { "informal_group" };
                    view! { <option value=value>{move || group_kind_label(i18n, k)}</option> }
                }).collect_view()}
            </select>
            {select_error("group_kind")}
            <label for="registrazione-district">{t!(i18n, proposals.district)}</label>
            <select id="registrazione-district" prop:value=move || district.get() on:change=move |ev| district.set(event_target_value(&ev)) aria-describedby=described("district")>
                <option value="">{t!(i18n, proposals.choose)}</option>
                {GROUP_DISTRICTS.into_iter().map(|d| view! { <option value={<&'static str>::from(d)}>{move || labels::district(i18n, d)}</option> }).collect_view()}
            </select>
            {select_error("district")}
            {account_input("registrazione", "contact_person", t!(i18n, proposals.contact_person), "text", "name", contact, errors)}
            {account_input("registrazione", "email", t!(i18n, account.email), "email", "email", email, errors)}
            {account_input("registrazione", "password", t!(i18n, account.new_password), "password", "new-password", password, errors)}
            <button type="submit" class="action">{t!(i18n, account.sign_up)}</button>
            <p role="status" class="field-error">{move || failure.get()}</p>
        </form>
        </Show>
    }
}

/// Who is signed in and the way out; or the ways in.
#[component]
pub fn AccountPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let failure = RwSignal::new(None::<String>);
    let sign_out = move |_| {
        spawn_local(async move {
            // Signed out already (401) is signed out.
            let answer = match api::sign_out().await {
                Err(e) if e.status() == Some(401) => Ok(()),
                answer => answer,
            };
            match answer {
                Ok(()) => {
                    if let Some(store) = written(store::shared().await) {
                        written(store.cache_clear().await);
                    }
                    failure.set(None);
                    session.me.set(None);
                    session.changed.update(|c| *c += 1);
                }
                Err(f) => failure.set(Some(f.text(i18n))),
            }
        });
    };
    // Only a change between signed in and out redraws the forms (and what is typed in them).
    let signed_in = Memo::new(move |_| session.me.with(Option::is_some));
    let me = move || session.me.get();
    view! {
        <section aria-labelledby="account-title" class="account">
            <h2 id="account-title">{t!(i18n, account.title)}</h2>
            {move || match signed_in.get() {
                true => view! {
                    <p data-testid="signed-in">{move || me().map(|me| t_string!(i18n, account.signed_in_as, name = me.name.clone(), email = me.email.clone()).to_string())}</p>
                    {move || me().is_some_and(|me| me.role != Role::Applicant).then(|| view! { <p class="notice">{t!(i18n, account.not_group)}</p> })}
                    <button type="button" class="secondary" on:click=sign_out>{t!(i18n, account.sign_out)}</button>
                    <p role="status" class="field-error">{move || failure.get()}</p>
                }.into_any(),
                false => view! {
                    <p class="hint">{t!(i18n, account.why)}</p>
                    <WaysIn/>
                }.into_any(),
            }}
        </section>
    }
}

/// The ways in for a group without a session: a new group signs up (first, and looking like the
/// button it is), a group with an account signs in.
#[component]
pub fn WaysIn() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="sign-up">
            <summary>{t!(i18n, account.sign_up_title)}</summary>
            <p class="hint">{t!(i18n, account.sign_up_intro)}</p>
            <SignUpForm/>
        </details>
        <h3>{t!(i18n, account.sign_in_title)}</h3>
        <SignInForm/>
    }
}
