//! The desk's appointments as both the JSON API and the desk pages use them: opening a series
//! of slots, the free slots, booking and cancelling by code, the desk's day (each read of the
//! bookings' details goes to the audit log), attendance, and the purge of personal details.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use sito_core::{
    api::ProblemCode,
    appointment::{
        booking_code, normalise_code, AppointmentTopic, BookingInput, BookingReceipt,
        BookingStatus, Mode, SeriesInput, Slot, PURGE_AFTER_DAYS,
    },
    stored,
};
use worker::D1Database;

use crate::{
    auth::{self, Session},
    db::appointments::{self as db, BookingRow, DayRow, NewBooking, NewSeries, SlotRow},
    error::ApiError,
    italian_time,
};

/// The most free slots one answer lists.
const FREE_SLOTS_LIMIT: u32 = 200;

pub fn slot(row: SlotRow) -> Result<Slot, ApiError> {
    Ok(Slot {
        topic: stored::parse::<AppointmentTopic>("appointment topic", &row.topic)?,
        mode: stored::parse::<Mode>("appointment mode", &row.mode)?,
        id: row.id,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        place: row.place,
        cutoff_hours: row.cutoff_hours,
    })
}

fn receipt(row: BookingRow) -> Result<BookingReceipt, ApiError> {
    Ok(BookingReceipt {
        id: row
            .booking_id
            .parse()
            .map_err(|_| ApiError::Storage("booking id is not a UUID".into()))?,
        code: row.code,
        status: stored::parse::<BookingStatus>("booking status", &row.status)?,
        booked_at: row.booked_at,
        slot: slot(row.slot)?,
    })
}

/// Opens the series' slots; returns the series id and how many slots it opened.
pub async fn create_series(
    database: &D1Database,
    session: &Session,
    input: &SeriesInput,
) -> Result<(String, usize), ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let occurrences = input.occurrences();
    let slots: Vec<[String; 2]> = occurrences
        .iter()
        .map(|(s, e)| [sito_core::time::format(s), sito_core::time::format(e)])
        .collect();
    let id = format!("serie-{}", auth::random_uuid()?);
    let input_json = serde_json::to_string(input).map_err(|e| ApiError::Storage(e.to_string()))?;
    let slots_json = serde_json::to_string(&slots).map_err(|e| ApiError::Storage(e.to_string()))?;
    db::insert_series(
        database,
        NewSeries {
            id: &id,
            input_json: &input_json,
            topic: input.topic.as_ref(),
            mode: input.mode.as_ref(),
            place: input.place.trim(),
            cutoff_hours: input.cutoff_hours,
            slots_json: &slots_json,
            created_by: &session.account.id,
            audit_actor: &session.account.email,
            at: &auth::now_text(),
        },
    )
    .await?;
    Ok((id, slots.len()))
}

pub async fn free_slots(
    database: &D1Database,
    topic: Option<AppointmentTopic>,
) -> Result<Vec<Slot>, ApiError> {
    let rows = db::free_slots(
        database,
        topic.map(|t| -> &'static str { t.into() }),
        &auth::now_text(),
        FREE_SLOTS_LIMIT,
    )
    .await?;
    rows.into_iter().map(slot).collect()
}

/// Books a slot. A replay of the same id with the same details answers the stored receipt and
/// stores nothing (`false`); the same id with other details is refused.
pub async fn book(
    database: &D1Database,
    input: &BookingInput,
) -> Result<(BookingReceipt, bool), ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let id = input.id.to_string();
    let code = booking_code(auth::random_bytes::<8>()?);
    let now = auth::now_text();
    let stored = db::book(
        database,
        NewBooking {
            id: &id,
            code: &code,
            slot_id: input.slot_id.trim(),
            name: input.name.trim(),
            email: input.email(),
            phone: input.phone(),
            at: &now,
        },
    )
    .await?;
    if let Some(row) = db::booking(database, &id).await? {
        let same = row.slot.id == input.slot_id.trim()
            && row.name.as_deref() == Some(input.name.trim())
            && row.email.as_deref() == input.email()
            && row.phone.as_deref() == input.phone();
        if !stored && !same {
            return Err(ApiError::Forbidden {
                code: ProblemCode::IdReused,
                detail: "Questo identificativo appartiene a un'altra prenotazione.".into(),
            });
        }
        return Ok((receipt(row)?, stored));
    }
    match db::slot(database, input.slot_id.trim()).await? {
        None => Err(ApiError::Refused {
            status: 404,
            code: ProblemCode::SlotUnavailable,
            title: "Appuntamento inesistente",
            detail: "Questo appuntamento non esiste più: scegline un altro.".into(),
        }),
        Some(slot) if slot.starts_at <= Utc::now() => Err(ApiError::Refused {
            status: 422,
            code: ProblemCode::SlotUnavailable,
            title: "Appuntamento passato",
            detail: format!(
                "L'appuntamento del {} è già iniziato: scegline un altro.",
                italian_time::rome_words(slot.starts_at)
            ),
        }),
        Some(slot) => Err(ApiError::Refused {
            status: 409,
            code: ProblemCode::SlotTaken,
            title: "Appuntamento già prenotato",
            detail: format!(
                "Qualcun altro ha appena prenotato l'appuntamento del {}: scegline un altro.",
                italian_time::rome_words(slot.starts_at)
            ),
        }),
    }
}

/// Cancels the booking `id` with its `code`, up to the slot's cut-off. A wrong code is answered
/// as if the booking did not exist.
pub async fn cancel(
    database: &D1Database,
    id: &str,
    typed_code: &str,
) -> Result<BookingReceipt, ApiError> {
    let row = db::booking(database, id).await?.ok_or(ApiError::NotFound)?;
    let code = normalise_code(typed_code).ok_or(ApiError::NotFound)?;
    if row.code != code {
        return Err(ApiError::NotFound);
    }
    if row.status == BookingStatus::Cancelled.as_ref() {
        return receipt(row);
    }
    let slot = slot(row.slot.clone())?;
    if Utc::now() > slot.cancel_until() {
        return Err(ApiError::Refused {
            status: 422,
            code: ProblemCode::CancellationClosed,
            title: "Non si può più annullare",
            detail: format!(
                "Si poteva annullare fino al {}. Se non puoi venire, avvisa lo sportello.",
                italian_time::rome_words(slot.cancel_until())
            ),
        });
    }
    db::cancel(database, id, &auth::now_text()).await?;
    receipt(db::booking(database, id).await?.ok_or(ApiError::NotFound)?)
}

/// The slots of one day (Italian time) with their bookings; the read is in the audit log.
pub async fn day(
    database: &D1Database,
    session: &Session,
    date: NaiveDate,
) -> Result<Vec<DayRow>, ApiError> {
    let start = |d: NaiveDate| {
        chrono_tz::Europe::Rome
            .from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .map(|t| sito_core::time::format(&t.with_timezone(&Utc)))
            .ok_or_else(|| ApiError::Storage("no midnight".into()))
    };
    let next = date + Duration::days(1);
    let rows = db::day(database, &start(date)?, &start(next)?).await?;
    let shown = rows.iter().filter(|r| r.name.is_some()).count();
    if shown > 0 {
        db::audit(
            database,
            &auth::now_text(),
            &session.account.email,
            "read",
            "appointments_day",
            &date.to_string(),
            Some(&format!("{{\"bookings_shown\":{shown}}}")),
        )
        .await?;
    }
    Ok(rows)
}

/// Records whether the person came.
pub async fn set_attended(
    database: &D1Database,
    session: &Session,
    id: &str,
    attended: bool,
) -> Result<(), ApiError> {
    if db::set_attended(
        database,
        id,
        attended,
        &auth::now_text(),
        &session.account.email,
    )
    .await?
    {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// Empties the personal details of bookings whose slot ended more than `days` days ago.
/// Returns how many and the cutoff.
pub async fn purge(database: &D1Database, days: u32) -> Result<(u64, String), ApiError> {
    let cutoff = sito_core::time::format(&(Utc::now() - Duration::days(i64::from(days))));
    let purged = db::purge(database, &cutoff, &auth::now_text()).await?;
    Ok((purged, cutoff))
}

/// The cron trigger's purge.
pub async fn purge_due(database: &D1Database) -> Result<(u64, String), ApiError> {
    purge(database, PURGE_AFTER_DAYS as u32).await
}
