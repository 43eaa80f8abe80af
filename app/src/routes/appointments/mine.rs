//! "I miei appuntamenti": the bookings sent from this phone, read from the outbox, with where
//! each stands, its code, "Aggiungi al calendario" and "Annulla" (online, up to the cut-off).

use leptos::{prelude::*, task::spawn_local};

use super::labels::{slot_line, topic_label};
use crate::{
    api,
    components::save_file,
    dates::rome_date_time,
    i18n::*,
    outbox::{use_outbox, use_outbox_entries},
    save_problem::written,
    store::{self, AppointmentJson, OutboxEntry, OutboxState, Receipt},
};

#[component]
pub fn MyAppointments() -> impl IntoView {
    let i18n = use_i18n();
    // Read from the phone's store after the first render (a server-rendered page has none).
    let entries = use_outbox_entries(|e| e.appointment().is_some());
    view! {
        {move || {
            let entries = entries.get();
            (!entries.is_empty()).then(|| view! {
                <section aria-labelledby="i-miei">
                    <h2 id="i-miei">{t!(i18n, appointments.mine)}</h2>
                    <ul class="cards" data-testid="my-appointments">
                        {entries.into_iter().map(|entry| view! { <MyAppointment entry/> }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
fn MyAppointment(entry: OutboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let receipt = entry.appointment_receipt();
    let name = entry.appointment().map(|b| b.name).unwrap_or_default();
    let cancelled = receipt
        .as_ref()
        .is_some_and(|r| r.status == sito_core::appointment::BookingStatus::Cancelled);
    let (state, label) = match (&entry.state, cancelled) {
        (OutboxState::Sent { .. }, false) => ("booked", t_string!(i18n, appointments.state_booked)),
        (OutboxState::Sent { .. }, true) => {
            ("cancelled", t_string!(i18n, appointments.state_cancelled))
        }
        (OutboxState::Refused { .. }, _) => {
            ("refused", t_string!(i18n, appointments.state_refused))
        }
        _ => ("queued", t_string!(i18n, appointments.state_queued)),
    };
    let problem = entry.refusal_text();
    let asking = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let id = entry.id.clone();
    let forget = move |_| {
        let id = id.clone();
        spawn_local(async move {
            if let Some(store) = written(store::shared().await) {
                if written(store.outbox_delete(&id).await).is_some() {
                    outbox.revision.update(|r| *r += 1);
                }
            }
        });
    };
    let details = receipt.clone().map(|r| {
        let line = slot_line(i18n, &r.slot);
        let topic = r.slot.topic;
        let until = r.slot.cancel_until();
        let ics = sito_core::appointment::calendar(&r.slot, &r.code, &origin());
        let file = format!("appuntamento-{}.ics", r.slot.id);
        let booked = !cancelled;
        let (booking_id, code) = (r.id.to_string(), r.code.clone());
        let entry = entry.clone();
        let cancel = move |_| {
            let (booking_id, code, mut entry) = (booking_id.clone(), code.clone(), entry.clone());
            spawn_local(async move {
                match api::cancel_appointment(&booking_id, &code).await {
                    Ok(receipt) => {
                        let Ok(json) = AppointmentJson::from_receipt(&receipt) else {
                            return;
                        };
                        entry.state = OutboxState::Sent { receipt: Receipt::Appointment(json) };
                        if let Some(store) = written(store::shared().await) {
                            if written(store.outbox_put(&entry).await).is_some() {
                                outbox.revision.update(|r| *r += 1);
                            }
                        }
                    }
                    Err(error) => {
                        asking.set(false);
                        failure.set(Some(error.text(i18n)));
                    }
                }
            });
        };
        view! {
            <p class="kind">{move || topic_label(i18n, topic)}</p>
            <p>{line}</p>
            <p>{t!(i18n, appointments.your_code)} " " <strong data-testid="appointment-code">{r.code.clone()}</strong></p>
            {booked.then(|| view! {
                <p class="hint">{move || t_string!(i18n, appointments.cancel_until, when = rome_date_time(until, i18n.get_locale())).to_string()}</p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| { let _ = save_file(&file, "text/calendar", &ics); }>
                        {t!(i18n, appointments.calendar)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| asking.set(true)>{t!(i18n, appointments.cancel)}</button>
                </div>
                {move || asking.get().then(|| {
                    let cancel = cancel.clone();
                    view! {
                        <div role="alertdialog" aria-labelledby="annulla-domanda" class="panel">
                            <p id="annulla-domanda">{t!(i18n, appointments.cancel_confirm)}</p>
                            <button type="button" class="danger" on:click=cancel>{t!(i18n, appointments.cancel_yes)}</button>
                            <button type="button" class="secondary" on:click=move |_| asking.set(false)>{t!(i18n, appointments.cancel_no)}</button>
                        </div>
                    }
                })}
            })}
        }
    });
    let settled = !entry.is_pending() && (cancelled || entry.is_refused());
    view! {
        <li class="card" data-state=state>
            <p class="status" role="status">{label} " · " {name}</p>
            {details}
            {problem.map(|p| view! { <p class="field-error">{p}</p> })}
            {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{f}</p> })}
            {settled.then(|| view! {
                <button type="button" class="link" on:click=forget.clone()>{t!(i18n, appointments.forget)}</button>
            })}
        </li>
    }
}
