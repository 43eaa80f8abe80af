//! "Appuntamenti allo sportello": the desk's free slots by topic (online only: availability
//! changes with every booking, so slots are not synced), a booking form with the fewest details
//! that says why they are asked and for how long they are kept, sent through the outbox, and
//! "I miei appuntamenti" from the outbox (`mine`).

use leptos::{prelude::*, task::spawn_local};
use sito_core::{
    appointment::{AppointmentTopic, BookingInput, Slot, PURGE_AFTER_DAYS},
    ValidationErrors, VariantArray,
};

use crate::{
    api::{self, ApiError},
    i18n::*,
    outbox::use_outbox,
    store::{AppointmentJson, Submission},
};

mod labels;
mod mine;

use labels::{slot_line, topic_label};
use mine::MyAppointments;

#[component]
pub fn Appointments() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let topic = RwSignal::new(None::<AppointmentTopic>);
    // None while loading; read after the first render (the server renders the loading state).
    let slots = RwSignal::new(None::<Result<Vec<Slot>, ApiError>>);
    let chosen = RwSignal::new(None::<Slot>);
    let queued = RwSignal::new(false);
    Effect::new(move |_| {
        let topic = topic.get();
        // A booking sent by the outbox takes its slot off the list.
        outbox.revision.track();
        spawn_local(async move {
            slots.set(Some(api::appointment_slots(topic).await.map(|f| f.slots)));
        });
    });
    view! {
        <h1>{t!(i18n, appointments.title)}</h1>
        <p>{t!(i18n, appointments.intro)}</p>
        <MyAppointments/>
        <section aria-labelledby="liberi">
            <h2 id="liberi">{t!(i18n, appointments.free)}</h2>
            <label for="tema">{t!(i18n, appointments.topic)}</label>
            <select
                id="tema"
                on:change=move |ev| {
                    chosen.set(None);
                    topic.set(event_target_value(&ev).parse().ok());
                }
            >
                <option value="">{t!(i18n, appointments.all_topics)}</option>
                {AppointmentTopic::VARIANTS.iter().copied()
                    .map(|t| view! { <option value={<&'static str>::from(t)}>{move || topic_label(i18n, t)}</option> })
                    .collect_view()}
            </select>
            <p role="status">{move || queued.get().then(|| t_string!(i18n, appointments.queued_note))}</p>
            {move || match slots.get() {
                None => view! { <p class="loading" aria-busy="true">{t!(i18n, appointments.loading)}</p> }.into_any(),
                Some(Err(ApiError::Offline)) => view! { <p class="empty">{t!(i18n, appointments.offline)}</p> }.into_any(),
                Some(Err(error)) => view! { <p class="field-error">{error.text(i18n)}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{t!(i18n, appointments.none)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="cards" data-testid="free-slots">
                        {list.into_iter().map(|slot| {
                            let pick = slot.clone();
                            let line = slot_line(i18n, &slot);
                            let topic = slot.topic;
                            view! {
                                <li class="card">
                                    <p class="kind">{move || topic_label(i18n, topic)}</p>
                                    <p>{line}</p>
                                    <button type="button" class="secondary" on:click=move |_| { queued.set(false); chosen.set(Some(pick.clone())) }>
                                        {t!(i18n, appointments.book)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
        {move || chosen.get().map(|slot| view! { <BookingForm opening=slot chosen queued/> })}
    }
}

/// The booking form for the slot `opening`. Checked on the phone with the server's own rules; sent through
/// the outbox.
#[component]
fn BookingForm(
    opening: Slot,
    chosen: RwSignal<Option<Slot>>,
    queued: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let error_for = move |field: &'static str| {
        move || {
            errors.with(|e| e.for_field(field).map(|e| e.message.clone()))
                .map(|m| view! { <p class="field-error" id=format!("prenota-{field}-errore")>{m}</p> })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.for_field(field).is_some())
                .then_some("true")
        }
    };
    let described = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.for_field(field).is_some())
                .then(|| format!("prenota-{field}-errore"))
        }
    };
    let line = slot_line(i18n, &opening);
    let slot_id = opening.id.clone();
    let topic = opening.topic;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.random_uuid())
            .and_then(|u| u.parse::<uuid::Uuid>().ok());
        let Some(id) = id else {
            return;
        };
        let optional = |s: String| (!s.trim().is_empty()).then_some(s);
        let input = BookingInput {
            id,
            slot_id: slot_id.clone(),
            name: name.get_untracked(),
            email: optional(email.get_untracked()),
            phone: optional(phone.get_untracked()),
        };
        if let Err(found) = input.validate() {
            errors.set(found);
            return;
        }
        errors.set(ValidationErrors::default());
        let Ok(json) = AppointmentJson::new(&input) else {
            return;
        };
        spawn_local(async move {
            if outbox
                .enqueue(id.to_string(), Submission::Appointment(json), None)
                .await
            {
                queued.set(true);
                chosen.set(None);
            }
        });
    };
    view! {
        <section aria-labelledby="prenota" class="panel">
            <h2 id="prenota">{t!(i18n, appointments.form_title)}</h2>
            <p data-testid="chosen-slot"><strong>{move || topic_label(i18n, topic)}</strong> " · " {line}</p>
            <p class="hint">{t!(i18n, appointments.privacy, days = PURGE_AFTER_DAYS)}</p>
            <form class="stack" on:submit=submit novalidate>
                <label for="prenota-name">{t!(i18n, appointments.name)}</label>
                {error_for("name")}
                <input id="prenota-name" autocomplete="name"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=invalid("name") aria-describedby=described("name")/>
                <p class="hint">{t!(i18n, appointments.contact_hint)}</p>
                <label for="prenota-email">{t!(i18n, appointments.email)}</label>
                {error_for("email")}
                <input id="prenota-email" type="email" autocomplete="email"
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))
                    aria-invalid=invalid("email") aria-describedby=described("email")/>
                <label for="prenota-phone">{t!(i18n, appointments.phone)}</label>
                {error_for("phone")}
                <input id="prenota-phone" type="tel" autocomplete="tel"
                    prop:value=move || phone.get() on:input=move |ev| phone.set(event_target_value(&ev))
                    aria-invalid=invalid("phone") aria-describedby=described("phone")/>
                <button type="submit" class="action">{t!(i18n, appointments.confirm)}</button>
                <button type="button" class="link" on:click=move |_| chosen.set(None)>{t!(i18n, appointments.other)}</button>
            </form>
        </section>
    }
}
