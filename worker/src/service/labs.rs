//! The labs' sign-ups as staff handle them, shared by the desk pages and the JSON API: the list
//! (every read in the audit log), attendance, messages, the organiser's CSV, cancelling a lab
//! that stayed below its minimum, and the purge of personal details after the last session.

use chrono::{DateTime, Duration, Utc};
use sito_core::{
    api::ProblemCode,
    csv_cell,
    lab::{signup::KEEP_DAYS, Lab, LabPhase},
    ContentKind, ValidationErrors,
};
use worker::D1Database;

pub use crate::db::lab_desk::StaffSignup;
use crate::{
    auth::{self, Session},
    db::{self, lab_desk},
    error::ApiError,
    italian_time::{rome, rome_words},
};

/// The published lab `id`, or 404.
pub async fn lab(db: &D1Database, id: &str) -> Result<Lab, ApiError> {
    let body = db::content::current(db, ContentKind::Lab, id)
        .await?
        .filter(|c| !c.deleted)
        .and_then(|c| c.body)
        .ok_or(ApiError::NotFound)?;
    serde_json::from_str(body.get()).map_err(|e| ApiError::Storage(e.to_string()))
}

/// The lab's sign-ups in order of arrival; the read goes to the audit log as `session`'s.
pub async fn signups(
    db: &D1Database,
    session: &Session,
    lab_id: &str,
    action: &str,
) -> Result<Vec<StaffSignup>, ApiError> {
    lab_desk::read_signups(
        db,
        lab_id,
        &session.account.email,
        action,
        &auth::now_text(),
    )
    .await
}

pub async fn mark_attendance(
    db: &D1Database,
    session: &Session,
    lab_id: &str,
    present: &[String],
) -> Result<(), ApiError> {
    lab_desk::mark_attendance(
        db,
        lab_id,
        present,
        &session.account.email,
        &auth::now_text(),
    )
    .await
}

/// Sends `text` to the participants who left an e-mail; answers how many.
pub async fn message(
    db: &D1Database,
    session: &Session,
    lab: &Lab,
    text: &str,
) -> Result<usize, ApiError> {
    let text = text.trim();
    if text.chars().count() < 5 || text.chars().count() > 2000 {
        let mut errors = ValidationErrors::default();
        errors.push("text", "length", "Il messaggio va da 5 a 2.000 caratteri.");
        return Err(ApiError::Validation(errors));
    }
    let body = format!(
        "Ciao,\n\nun messaggio dall'organizzazione del laboratorio «{}» ({}):\n\n{text}\n\n\
         Il tuo codice d'iscrizione resta valido.",
        lab.title, lab.organiser
    );
    lab_desk::message(
        db,
        &lab.id,
        "Un messaggio sul tuo laboratorio",
        &body,
        &session.account.email,
        &auth::now_text(),
    )
    .await
}

/// Whether the organiser may cancel the lab now: after the sign-ups closed, below the minimum.
pub fn may_cancel(lab: &Lab, now: DateTime<Utc>) -> Result<(), ApiError> {
    let refused = |detail: String| ApiError::Refused {
        status: 409,
        code: ProblemCode::LabNotCancellable,
        title: "Il laboratorio non si può annullare",
        detail,
    };
    match lab.phase(now) {
        LabPhase::Cancelled => Err(refused("Il laboratorio è già annullato.".into())),
        LabPhase::NotYetOpen | LabPhase::Open => Err(refused(format!(
            "Si può annullare dopo la chiusura delle iscrizioni ({}).",
            rome_words(lab.signup_closes_at)
        ))),
        LabPhase::Closed if lab.places.taken >= u32::from(lab.min_places) => Err(refused(format!(
            "Gli iscritti ({}) raggiungono il minimo di {}.",
            lab.places.taken, lab.min_places
        ))),
        LabPhase::Closed => Ok(()),
    }
}

pub async fn cancel_lab(db: &D1Database, session: &Session, lab: &Lab) -> Result<(), ApiError> {
    may_cancel(lab, Utc::now())?;
    let body = format!(
        "Ciao,\n\nil laboratorio «{}» ({}) è annullato: gli iscritti non hanno raggiunto il \
         minimo di {}. Ci scusiamo; trovi gli altri laboratori su SI.T.O. Giovani.",
        lab.title, lab.organiser, lab.min_places
    );
    lab_desk::cancel_lab(
        db,
        &lab.id,
        "Laboratorio annullato",
        &body,
        &session.account.email,
        &auth::now_text(),
    )
    .await
}

fn status_label(status: &str) -> &'static str {
    match status {
        "confirmed" => "Iscritto",
        "waiting" => "In lista d'attesa",
        _ => "Annullata",
    }
}

/// The organiser's list as CSV for a spreadsheet set to Italian (as the reviews' export: `;`
/// between fields, a byte-order mark; typed text never read as a formula).
pub fn csv(signups: &[StaffSignup]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record([
        "Codice",
        "Nome",
        "E-mail o telefono",
        "Fascia d'età",
        "Stato",
        "Posizione in lista d'attesa",
        "Presente",
        "Iscrizione (ora italiana)",
    ])?;
    let mut waiting = 0;
    for s in signups {
        let position = if s.status == "waiting" {
            waiting += 1;
            waiting.to_string()
        } else {
            String::new()
        };
        let at = sito_core::time::parse(&s.signed_up_at)
            .map(rome)
            .unwrap_or_default();
        writer.write_record([
            s.code.clone(),
            csv_cell::text(s.name.as_deref().unwrap_or("(cancellato)")),
            csv_cell::text(s.contact.as_deref().unwrap_or("(cancellato)")),
            s.age_band.clone(),
            status_label(&s.status).to_owned(),
            position,
            if s.attended == 1 { "sì" } else { "no" }.to_owned(),
            at,
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// Deletes the personal details of the sign-ups of every lab whose last session ended more
/// than `days` days ago; answers how many labs.
pub async fn purge_due(db: &D1Database, days: i64) -> Result<usize, ApiError> {
    let cutoff = sito_core::time::format(&(Utc::now() - Duration::days(days)));
    let due = lab_desk::due_for_purge(db, &cutoff).await?;
    let at = auth::now_text();
    for lab_id in &due {
        lab_desk::purge(db, lab_id, &at).await?;
    }
    Ok(due.len())
}

/// The days personal details are kept after the last session.
pub const PURGE_AFTER_DAYS: i64 = KEEP_DAYS;
