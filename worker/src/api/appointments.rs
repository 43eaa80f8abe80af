//! Appointments at the desk: the free slots (public, nothing personal), booking from the phone
//! (`POST /api/v1/appointments`, idempotent by the phone's id) and cancelling with the code;
//! operators and editors open slot series, see a day's bookings, mark attendance
//! (`service::appointments`, which the desk shares).

use serde::{Deserialize, Serialize};
use sito_core::{
    appointment::{AppointmentTopic, BookingInput, CancelInput, FreeSlots, SeriesInput},
    ValidationErrors,
};
use worker::{Env, Request};

use crate::{
    auth::{self, Need},
    db,
    error::ApiError,
    http::{json, query_pairs, read_json, ApiResult},
    service::appointments as service,
};

/// Bookings accepted per address per hour (the `APPOINTMENTS_PER_HOUR` variable overrides it).
const APPOINTMENTS_PER_HOUR: u32 = 30;

fn unknown(errors: &mut ValidationErrors, key: &str) {
    errors.push(
        key,
        "unknown_parameter",
        format!("Parametro sconosciuto: «{key}»."),
    );
}

/// `GET /api/v1/appointments/slots?tema=`.
pub async fn slots(req: &Request, env: &Env) -> ApiResult {
    let mut topic = None;
    let mut errors = ValidationErrors::default();
    for (key, value) in query_pairs(req)? {
        match key.as_str() {
            "tema" if value.is_empty() => {}
            "tema" => match value.parse::<AppointmentTopic>() {
                Ok(t) => topic = Some(t),
                Err(_) => errors.push(
                    "tema",
                    "unknown",
                    "Tema sconosciuto: cv, job_search, volunteering, servizio_civile o starting_a_business.",
                ),
            },
            other => unknown(&mut errors, other),
        }
    }
    errors.into_result(()).map_err(ApiError::InvalidQuery)?;
    let slots = service::free_slots(&db::database(env)?, topic).await?;
    json(&FreeSlots { slots }, 200)
}

/// `POST /api/v1/appointments`: 201 with the receipt, 200 for a replay.
pub async fn book(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let database = db::database(env)?;
    let address = format!("appointments:{}", auth::client_address(&req, env));
    let input: BookingInput = read_json(req).await?;
    input.validate().map_err(ApiError::Validation)?;
    let limit = auth::hourly_limit(env, "APPOINTMENTS_PER_HOUR", APPOINTMENTS_PER_HOUR);
    auth::rate_limit(&database, &address, limit, 3600).await?;
    let (receipt, stored) = service::book(&database, &input).await?;
    json(&receipt, if stored { 201 } else { 200 })
}

/// `POST /api/v1/appointments/{id}/cancel` `{code}`.
pub async fn cancel(req: Request, env: &Env, id: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let input: CancelInput = read_json(req).await?;
    json(
        &service::cancel(&db::database(env)?, id, &input.code).await?,
        200,
    )
}

#[derive(Serialize)]
struct Opened {
    series_id: String,
    slots: usize,
}

/// `POST /api/v1/desk/appointments/series`: operators and editors open a weekly series.
pub async fn create_series(req: Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    let session = auth::require(&req, &database, Need::Operator).await?;
    let input: SeriesInput = read_json(req).await?;
    let (series_id, slots) = service::create_series(&database, &session, &input).await?;
    json(&Opened { series_id, slots }, 201)
}

#[derive(Serialize)]
struct DayBooking {
    slot: sito_core::appointment::Slot,
    booking_id: Option<String>,
    code: Option<String>,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    attended: Option<bool>,
    purged: bool,
}

/// `GET /api/v1/desk/appointments?giorno=YYYY-MM-DD`: a day's slots with their bookings (the
/// read is in the audit log).
pub async fn day(req: &Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    let session = auth::require(req, &database, Need::Operator).await?;
    let mut date = None;
    let mut errors = ValidationErrors::default();
    for (key, value) in query_pairs(req)? {
        match key.as_str() {
            "giorno" => match chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                Ok(d) => date = Some(d),
                Err(_) => errors.push("giorno", "invalid", "Scrivi il giorno come 2026-11-30."),
            },
            other => unknown(&mut errors, other),
        }
    }
    let Some(date) = date else {
        if errors.is_empty() {
            errors.push(
                "giorno",
                "required",
                "Indica il giorno (giorno=2026-11-30).",
            );
        }
        return Err(ApiError::InvalidQuery(errors));
    };
    errors.into_result(()).map_err(ApiError::InvalidQuery)?;
    let rows = service::day(&database, &session, date).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(DayBooking {
            slot: service::slot(r.slot)?,
            booking_id: r.booking_id,
            code: r.code,
            name: r.name,
            email: r.email,
            phone: r.phone,
            attended: r.attended.map(|a| a == 1),
            purged: r.purged.is_some(),
        });
    }
    json(&out, 200)
}

#[derive(Deserialize)]
struct Attendance {
    attended: bool,
}

/// `PUT /api/v1/desk/appointments/{id}/attendance` `{attended}`.
pub async fn attendance(req: Request, env: &Env, id: &str) -> ApiResult {
    let database = db::database(env)?;
    let session = auth::require(&req, &database, Need::Operator).await?;
    let input: Attendance = read_json(req).await?;
    service::set_attended(&database, &session, id, input.attended).await?;
    json(&serde_json::json!({ "attended": input.attended }), 200)
}

#[derive(Serialize)]
struct Purged {
    purged: u64,
    cutoff: String,
}

/// `POST /api/v1/admin/appointments/purge?older_than_days=N`: what the cron trigger does daily
/// with `PURGE_AFTER_DAYS`.
pub async fn purge(req: &Request, env: &Env) -> ApiResult {
    let database = db::database(env)?;
    auth::require(req, &database, Need::Admin).await?;
    let mut days = sito_core::appointment::PURGE_AFTER_DAYS as u32;
    let mut errors = ValidationErrors::default();
    for (key, value) in query_pairs(req)? {
        match (key.as_str(), value.parse::<u32>()) {
            ("older_than_days", Ok(n)) if n <= 3650 => days = n,
            ("older_than_days", _) => errors.push(
                "older_than_days",
                "invalid_days",
                "Indica un numero di giorni tra 0 e 3650.",
            ),
            (other, _) => unknown(&mut errors, other),
        }
    }
    errors.into_result(()).map_err(ApiError::InvalidQuery)?;
    let (purged, cutoff) = service::purge(&database, days).await?;
    json(&Purged { purged, cutoff }, 200)
}
