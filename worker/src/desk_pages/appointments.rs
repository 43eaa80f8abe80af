//! The desk's appointments (`/redazione/appuntamenti`), for operators, editors and
//! administrators: a day's slots with their bookings (each read is in the audit log), marking
//! attendance, and the form that opens a weekly series of slots.

use chrono::{NaiveDate, NaiveTime, Utc};
use sito_core::{
    appointment::{series::WEEKDAYS_IT, AppointmentTopic, Mode, SeriesInput, PURGE_AFTER_DAYS},
    VariantArray,
};

use super::*;
use crate::{italian_time, service::appointments as service};

const HERE: &str = "/redazione/appuntamenti";

pub(super) async fn route(
    req: &Request,
    db: &D1Database,
    session: &Session,
    rest: &[&str],
    post: bool,
    form: FormValues,
) -> Result<Response, ApiError> {
    match (rest, post) {
        ([], false) => {
            let pairs = query_pairs(req)?;
            let typed = pairs
                .iter()
                .find(|(k, _)| k == "giorno")
                .map(|(_, v)| v.as_str());
            let today = Utc::now()
                .with_timezone(&chrono_tz::Europe::Rome)
                .date_naive();
            let date = typed
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or(today);
            let opened = pairs
                .iter()
                .find(|(k, _)| k == "aperti")
                .map(|(_, v)| v.clone());
            day_page(db, session, date, opened.as_deref()).await
        }
        (["nuova-serie"], false) => Ok(series_page(
            session,
            &FormValues::default(),
            &ValidationErrors::default(),
        )),
        (["nuova-serie"], true) => match read_series(&form) {
            Ok(input) => match service::create_series(db, session, &input).await {
                Ok((_, count)) => Ok(redirect(&format!(
                    "{HERE}?giorno={}&aperti={count}",
                    first_day(&input)
                ))),
                Err(ApiError::Validation(errors)) => Ok(series_page(session, &form, &errors)),
                Err(e) => Err(e),
            },
            Err(errors) => Ok(series_page(session, &form, &errors)),
        },
        ([id, "presenza"], true) => {
            let attended = form.get("presente") == "1";
            service::set_attended(db, session, id, attended).await?;
            Ok(redirect(&format!("{HERE}?giorno={}", form.get("giorno"))))
        }
        _ => Err(ApiError::NotFound),
    }
}

/// The first day of the series that has a slot.
fn first_day(input: &SeriesInput) -> String {
    input
        .occurrences()
        .first()
        .map(|(s, _)| s.with_timezone(&chrono_tz::Europe::Rome).date_naive())
        .unwrap_or(input.from)
        .to_string()
}

async fn day_page(
    db: &D1Database,
    session: &Session,
    date: NaiveDate,
    opened: Option<&str>,
) -> Result<Response, ApiError> {
    let rows = service::day(db, session, date).await?;
    let booked = rows.iter().filter(|r| r.booking_id.is_some()).count();
    let title = format!("Appuntamenti del {}", date.format("%d/%m/%Y"));
    let body = html! {
        h1 { (title) }
        @if let Some(n) = opened {
            div.ok role="status" { p { "Serie aperta: " (n) " appuntamenti." } }
        }
        form.filters method="get" action=(HERE) {
            div { label for="giorno" { "Giorno" } input #giorno name="giorno" type="date" value=(date.to_string()); }
            button type="submit" { "Mostra" }
        }
        p { a href={ (HERE) "/nuova-serie" } { "Apri una serie di appuntamenti" } }
        p.hint {
            (rows.len()) " appuntamenti, " (booked) " prenotati. I dati di chi prenota si cancellano "
            (PURGE_AFTER_DAYS) " giorni dopo l'appuntamento; ogni consultazione è registrata."
        }
        @if rows.is_empty() {
            p { "Nessun appuntamento in questo giorno." }
        } @else {
            table {
                thead { tr { th { "Ora" } th { "Tema" } th { "Dove" } th { "Prenotato da" } th { "Codice" } th { "Presenza" } } }
                tbody { @for r in &rows {
                    tr {
                        td { (italian_time::rome(r.slot.starts_at).get(11..).unwrap_or_default()) }
                        td { (r.slot.topic.parse::<AppointmentTopic>().map_or(r.slot.topic.as_str(), |t| t.label_it())) }
                        td { (r.slot.mode.parse::<Mode>().map_or("", |m| m.label_it())) ": " (r.slot.place) }
                        td {
                            @match (&r.booking_id, &r.name) {
                                (None, _) => { "Libero" }
                                (Some(_), None) => { "Dati cancellati" }
                                (Some(_), Some(name)) => {
                                    (name)
                                    @if let Some(email) = &r.email { br; a href={ "mailto:" (email) } { (email) } }
                                    @if let Some(phone) = &r.phone { br; a href={ "tel:" (phone) } { (phone) } }
                                }
                            }
                        }
                        td { @if let Some(code) = &r.code { code { (code) } } }
                        td {
                            @if let Some(id) = &r.booking_id {
                                @match r.attended {
                                    Some(1) => { span.status { "Presente" } }
                                    Some(_) => { span.status { "Assente" } }
                                    None => {}
                                }
                                form method="post" action={ (HERE) "/" (id) "/presenza" } {
                                    input type="hidden" name="giorno" value=(date.to_string());
                                    button type="submit" name="presente" value="1" { "Presente" }
                                    button.secondary type="submit" name="presente" value="0" { "Assente" }
                                }
                            }
                        }
                    }
                } }
            }
        }
    };
    Ok(page(Some(session), &title, body))
}

/// The form's fields read into a series; an unreadable field is an error beside it.
fn read_series(form: &FormValues) -> Result<SeriesInput, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let topic = form.get("topic").parse::<AppointmentTopic>().ok();
    if topic.is_none() {
        errors.push("topic", "required", "Scegli il tema.");
    }
    let mode = form.get("mode").parse::<Mode>().ok();
    if mode.is_none() {
        errors.push("mode", "required", "Scegli in presenza o videochiamata.");
    }
    let mut number = |name: &str, what: &str| -> u32 {
        form.get(name).trim().parse().unwrap_or_else(|_| {
            errors.push(name, "not_a_number", format!("Scrivi {what} in cifre."));
            0
        })
    };
    let weekday = number("weekday", "il giorno") as u8;
    let slot_minutes = number("slot_minutes", "la durata");
    let slots = number("slots", "quanti appuntamenti");
    let cutoff_hours = number("cutoff_hours", "le ore");
    let start_time = NaiveTime::parse_from_str(form.get("start_time"), "%H:%M").ok();
    if start_time.is_none() {
        errors.push("start_time", "invalid", "Scrivi l'ora come 09:30.");
    }
    let mut date = |name: &str| {
        let d = NaiveDate::parse_from_str(form.get(name), "%Y-%m-%d").ok();
        if d.is_none() {
            errors.push(name, "invalid", "Scegli una data.");
        }
        d
    };
    let (from, to) = (date("from"), date("to"));
    match (topic, mode, start_time, from, to) {
        (Some(topic), Some(mode), Some(start_time), Some(from), Some(to)) if errors.is_empty() => {
            let input = SeriesInput {
                topic,
                weekday,
                start_time,
                slot_minutes,
                slots,
                from,
                to,
                mode,
                place: form.get("place").trim().to_owned(),
                cutoff_hours,
            };
            input.validate().map(|()| input)
        }
        _ => Err(errors),
    }
}

fn series_page(session: &Session, form: &FormValues, errors: &ValidationErrors) -> Response {
    let value = |name: &str, default: &'static str| -> String {
        let typed = form.get(name);
        if typed.is_empty() && errors.is_empty() {
            default.to_owned()
        } else {
            typed.to_owned()
        }
    };
    let error = |name: &str| {
        html! {
            @if let Some(e) = errors.for_field(name) { p.field-error id={ (name) "-error" } { (e.message) } }
        }
    };
    let described = |name: &str| errors.for_field(name).map(|_| format!("{name}-error"));
    let body = html! {
        h1 { "Apri una serie di appuntamenti" }
        p.hint { "Un'apertura settimanale dello sportello: ogni settimana, nel giorno scelto, tanti appuntamenti di seguito quanti ne indichi. Gli orari sono in ora italiana." }
        (error_summary(errors))
        // The server checks every field and answers in Italian beside it (the browser's own
        // checks would stop at the first and speak the browser's language).
        form method="post" action={ (HERE) "/nuova-serie" } novalidate {
            label for="topic" { "Tema" }
            select #topic name="topic" aria-describedby=[described("topic")] {
                @for t in AppointmentTopic::VARIANTS {
                    option value=(t.as_ref()) selected[form.get("topic") == t.as_ref()] { (t.label_it()) }
                }
            }
            (error("topic"))
            label for="weekday" { "Giorno della settimana" }
            select #weekday name="weekday" aria-describedby=[described("weekday")] {
                @for (i, day) in WEEKDAYS_IT.iter().enumerate() {
                    option value=(i + 1) selected[form.get("weekday") == (i + 1).to_string()] { (day) }
                }
            }
            (error("weekday"))
            label for="start_time" { "Ora del primo appuntamento" }
            input #start_time name="start_time" type="time" required value=(value("start_time", "09:30")) aria-describedby=[described("start_time")];
            (error("start_time"))
            label for="slot_minutes" { "Durata di ogni appuntamento (minuti)" }
            input #slot_minutes name="slot_minutes" type="number" min="10" max="240" required value=(value("slot_minutes", "30")) aria-describedby=[described("slot_minutes")];
            (error("slot_minutes"))
            label for="slots" { "Appuntamenti di seguito per giorno" }
            input #slots name="slots" type="number" min="1" max="24" required value=(value("slots", "4")) aria-describedby=[described("slots")];
            (error("slots"))
            label for="from" { "Dal" }
            input #from name="from" type="date" required value=(form.get("from")) aria-describedby=[described("from")];
            (error("from"))
            label for="to" { "Al" }
            input #to name="to" type="date" required value=(form.get("to")) aria-describedby=[described("to")];
            (error("to"))
            label for="mode" { "Dove" }
            select #mode name="mode" aria-describedby=[described("mode")] {
                @for m in Mode::VARIANTS {
                    option value=(m.as_ref()) selected[form.get("mode") == m.as_ref()] { (m.label_it()) }
                }
            }
            (error("mode"))
            label for="place" { "Indirizzo, o come arriva il link della videochiamata" }
            input #place name="place" required value=(form.get("place")) aria-describedby=[described("place")];
            (error("place"))
            label for="cutoff_hours" { "Si può annullare fino a quante ore prima" }
            input #cutoff_hours name="cutoff_hours" type="number" min="0" max="168" required value=(value("cutoff_hours", "24")) aria-describedby=[described("cutoff_hours")];
            (error("cutoff_hours"))
            button type="submit" { "Apri gli appuntamenti" }
        }
    };
    page(Some(session), "Apri una serie di appuntamenti", body)
}
