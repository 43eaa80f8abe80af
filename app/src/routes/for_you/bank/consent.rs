//! The consent screen: exactly what will be sent, field by field with its values (the "Per te"
//! profile, the name and contact as they are typed, the CV's sections only while "Invia anche il
//! mio CV" is ticked), what for, to whom, for how long, and the consent's text word for word with
//! its version and an unticked box. Nothing is sent without the tick: the refusal shows beside
//! the box, and every mistake beside its field, keeping what was typed.

use leptos::prelude::*;
use sito_core::{
    bank::{BankSubmission, CONSENT_TEXT_IT, CONSENT_VERSION},
    cv::Cv,
    matching::Profile,
    ValidationErrors,
};

use crate::{
    cv_bank::{cv_line, profile_lines, submission, text::text},
    i18n::*,
};

/// What the form starts with, and what it says on its button.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Start {
    pub name: String,
    pub contact: String,
    /// The update of a profile the bank holds, rather than a first sending.
    pub renewing: bool,
}

#[component]
pub fn ConsentForm(
    /// The "Per te" profile kept on the phone.
    profile: Profile,
    /// The latest CV on the phone, if any.
    cv: Option<Cv>,
    start: Start,
    /// Mistakes found here or by the server, shown beside their fields.
    errors: RwSignal<ValidationErrors>,
    /// Called with what to send, once it is complete and consented to.
    on_send: Callback<BankSubmission>,
    /// Set to show "Annulla" (an update can be given up).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tx = move || text(i18n.get_locale());
    let name = RwSignal::new(start.name);
    let contact = RwSignal::new(start.contact);
    let with_cv = RwSignal::new(false);
    let consented = RwSignal::new(false);
    let renewing = start.renewing;

    let error_for = move |field: &'static str| {
        move || {
            errors
                .with(|e| {
                    e.0.iter()
                        .find(|e| e.field.head() == Some(field))
                        .map(|e| e.message.clone())
                })
                .map(|m| view! { <p class="field-error" id=format!("banca-cv-{field}-errore")>{m}</p> })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.0.iter().any(|e| e.field.head() == Some(field)))
                .then_some("true")
        }
    };
    let described = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.0.iter().any(|e| e.field.head() == Some(field)))
                .then(|| format!("banca-cv-{field}-errore"))
        }
    };

    let shown_profile = profile.clone();
    let lines = move || profile_lines(&shown_profile, i18n.get_locale());
    let cv_for_line = cv.clone();
    let cv_value = move || {
        let t = tx();
        match (&cv_for_line, with_cv.get()) {
            (None, _) => t.no_cv.to_owned(),
            (Some(cv), true) => cv_line(cv, i18n.get_locale()),
            (Some(_), false) => t.cv_not_sent.to_owned(),
        }
    };
    let typed = move |s: RwSignal<String>| {
        move || {
            let value = s.get();
            if value.trim().is_empty() {
                view! { <em>{tx().typed_below}</em> }.into_any()
            } else {
                value.trim().to_owned().into_any()
            }
        }
    };
    let has_cv = cv.is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.random_uuid())
            .and_then(|u| u.parse::<uuid::Uuid>().ok())
        else {
            return;
        };
        let chosen_cv = cv.as_ref().filter(|_| with_cv.get_untracked());
        let sent = submission(
            id,
            &name.get_untracked(),
            &contact.get_untracked(),
            &profile,
            chosen_cv,
            consented.get_untracked(),
        );
        if let Err(found) = sent.validate() {
            errors.set(found);
            return;
        }
        errors.set(ValidationErrors::default());
        on_send.run(sent);
    };

    view! {
        <section aria-labelledby="banca-cv-invio">
            <h2 id="banca-cv-invio">{move || tx().what}</h2>
            <p>{move || tx().what_intro}</p>
            {error_for("profile")}
            <dl class="facts" data-testid="banca-cv-campi">
                {move || lines().into_iter().map(|(field, value)| view! {
                    <dt>{field.label(i18n.get_locale())}</dt>
                    <dd>{value}</dd>
                }).collect_view()}
                <dt>{move || tx().field_name}</dt>
                <dd>{typed(name)}</dd>
                <dt>{move || tx().field_contact}</dt>
                <dd>{typed(contact)}</dd>
                <dt>{move || tx().field_cv}</dt>
                <dd data-testid="banca-cv-cv">{cv_value}</dd>
            </dl>
            <h3>{move || tx().why}</h3>
            <p>{move || tx().why_text}</p>
            <h3>{move || tx().who}</h3>
            <p>{move || tx().who_text}</p>
            <h3>{move || tx().how_long}</h3>
            <p>{move || tx().how_long_text}</p>
            <form class="stack" on:submit=submit novalidate>
                <label for="banca-cv-nome">{move || tx().name}</label>
                {error_for("name")}
                <input id="banca-cv-nome" autocomplete="name"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=invalid("name") aria-describedby=described("name")/>
                <label for="banca-cv-recapito">{move || tx().contact}</label>
                <p class="hint" id="banca-cv-recapito-aiuto">{move || tx().contact_hint}</p>
                {error_for("contact")}
                <input id="banca-cv-recapito" autocomplete="email"
                    prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))
                    aria-invalid=invalid("contact")
                    aria-describedby=move || described("contact")().unwrap_or_else(|| "banca-cv-recapito-aiuto".to_owned())/>
                {has_cv.then(|| view! {
                    <label class="check">
                        <input type="checkbox" id="banca-cv-invia-cv"
                            prop:checked=move || with_cv.get()
                            on:change=move |ev| with_cv.set(event_target_checked(&ev))/>
                        " " {move || tx().send_cv}
                    </label>
                })}
                <h3 id="banca-cv-consenso-titolo">
                    {move || tx().consent} " (" {move || tx().version} " " {CONSENT_VERSION} ")"
                </h3>
                <blockquote lang="it" class="consent-text" data-testid="banca-cv-consenso">
                    <p>{CONSENT_TEXT_IT}</p>
                </blockquote>
                {error_for("consent")}
                <label class="check">
                    <input type="checkbox" id="banca-cv-acconsento"
                        prop:checked=move || consented.get()
                        on:change=move |ev| consented.set(event_target_checked(&ev))
                        aria-invalid=invalid("consent") aria-describedby=described("consent")/>
                    " " {move || tx().consent_check}
                </label>
                <button type="submit" class="action">
                    {move || if renewing { tx().renew } else { tx().send }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="link" on:click=move |_| cancel.run(())>{move || tx().cancel}</button>
                })}
            </form>
        </section>
    }
}
