//! How the appointments page names a slot: its topic, where, and when in Italian time.

use sito_core::appointment::{AppointmentTopic, Mode, Slot};

use crate::{dates::rome_date_time, i18n::*};

pub fn topic_label(
    i18n: leptos_i18n::I18nContext<Locale>,
    topic: AppointmentTopic,
) -> &'static str {
    match topic {
        AppointmentTopic::Cv => t_string!(i18n, appointments.cv),
        AppointmentTopic::JobSearch => t_string!(i18n, appointments.job_search),
        AppointmentTopic::Volunteering => t_string!(i18n, appointments.volunteering),
        AppointmentTopic::ServizioCivile => t_string!(i18n, appointments.servizio_civile),
        AppointmentTopic::StartingABusiness => t_string!(i18n, appointments.starting_a_business),
    }
}

pub fn mode_label(i18n: leptos_i18n::I18nContext<Locale>, mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => t_string!(i18n, appointments.in_person),
        Mode::VideoCall => t_string!(i18n, appointments.video_call),
    }
}

/// When and where, in Italian time: "16 marzo 2027 alle ore 09:30 · In presenza: …".
pub fn slot_line(i18n: leptos_i18n::I18nContext<Locale>, slot: &Slot) -> String {
    format!(
        "{} · {}: {}",
        rome_date_time(slot.starts_at, i18n.get_locale()),
        mode_label(i18n, slot.mode),
        slot.place
    )
}
