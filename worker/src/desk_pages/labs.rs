//! The labs at the desk: each lab's sign-ups and waiting list (every read goes to the audit
//! log), attendance, a message to the participants, the organiser's CSV, and cancelling a lab
//! that stayed below its minimum after the sign-ups closed.

use chrono::Utc;
use sito_core::lab::Lab;

use super::*;
use crate::service::labs::{self as service, StaffSignup};

/// `/redazione/laboratori`: the published labs with their counts.
pub(super) async fn list_page(db: &D1Database, session: &Session) -> Result<Response, ApiError> {
    let bodies = db::content::latest(db, ContentKind::Lab, 500).await?;
    let mut labs: Vec<Lab> = bodies
        .iter()
        .filter_map(|b| serde_json::from_str(b).ok())
        .collect();
    labs.sort_by_key(|l| std::cmp::Reverse(l.signup_closes_at));
    Ok(page(
        Some(session),
        "Laboratori",
        html! {
            h1 { "Laboratori e seminari" }
            p { "Le iscrizioni di ogni laboratorio. Si crea un laboratorio da "
                a href={ (BASE) "/nuovo/labs" } { "Nuovo laboratorio" } "." }
            table {
                thead { tr { th { "Laboratorio" } th { "Chiusura iscrizioni" } th { "Posti" } th { "Iscritti" } th { "In attesa" } th { "Stato" } } }
                tbody {
                    @for lab in &labs {
                        tr {
                            td { a href={ (BASE) "/laboratori/" (lab.id) } { (lab.title) } }
                            td { (rome(lab.signup_closes_at)) }
                            td.num { (lab.max_places) }
                            td.num { (lab.places.taken) }
                            td.num { (lab.places.waiting) }
                            td { @if lab.cancelled { "Annullato" } @else { "—" } }
                        }
                    }
                }
            }
        },
    ))
}

fn signup_rows(rows: &[&StaffSignup], attendance: bool) -> Markup {
    html! {
        table {
            thead { tr {
                th { "N." } th { "Nome" } th { "E-mail o telefono" } th { "Età" } th { "Codice" }
                @if attendance { th { "Presente" } }
            } }
            tbody {
                @for (i, s) in rows.iter().enumerate() {
                    tr {
                        td.num { (i + 1) }
                        td { (s.name.as_deref().unwrap_or("(cancellato)")) }
                        td { (s.contact.as_deref().unwrap_or("(cancellato)")) }
                        td { (s.age_band) }
                        td { code { (s.code) } }
                        @if attendance {
                            td {
                                label {
                                    input type="checkbox" name="presente" value=(s.id) checked[s.attended == 1];
                                    " presente"
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `/redazione/laboratori/{id}`: the lab's sign-ups, read into the audit log.
pub(super) async fn lab_page(
    db: &D1Database,
    session: &Session,
    lab_id: &str,
    notice: Option<&str>,
    errors: &ValidationErrors,
) -> Result<Response, ApiError> {
    let lab = service::lab(db, lab_id).await?;
    let signups = service::signups(db, session, lab_id, "read_signups").await?;
    let confirmed: Vec<&StaffSignup> = signups.iter().filter(|s| s.status == "confirmed").collect();
    let waiting: Vec<&StaffSignup> = signups.iter().filter(|s| s.status == "waiting").collect();
    let cancelled = signups.iter().filter(|s| s.status == "cancelled").count();
    let cancellable = service::may_cancel(&lab, Utc::now()).is_ok();
    let message_error = errors.for_field("text").map(|e| e.message.clone());
    Ok(page(
        Some(session),
        &lab.title,
        html! {
            h1 { (lab.title) }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            @if lab.cancelled { p.notice { strong { "Annullato." } " Chi si era iscritto lo vede sul telefono." } }
            p { "Posti " (lab.max_places) " (minimo " (lab.min_places) ") · iscritti " (confirmed.len())
                " · in lista d'attesa " (waiting.len()) " · iscrizioni annullate " (cancelled) }
            p { "Iscrizioni dal " (rome(lab.signup_opens_at)) " al " (rome(lab.signup_closes_at)) " (ora italiana). "
                "I dati personali si cancellano " (service::PURGE_AFTER_DAYS) " giorni dopo l'ultimo incontro. "
                "Ogni apertura di questa pagina resta nel registro." }
            p { a href={ (BASE) "/laboratori/" (lab.id) "/iscrizioni.csv" } { "Scarica l'elenco (CSV) per l'organizzatore" }
                " · " a href={ (BASE) "/labs/" (lab.id) } { "Modifica il laboratorio" } }
            h2 { "Iscritti" }
            form method="post" action={ (BASE) "/laboratori/" (lab.id) "/presenze" } {
                (signup_rows(&confirmed, true))
                button type="submit" { "Salva le presenze" }
            }
            h2 { "Lista d'attesa" }
            @if waiting.is_empty() { p { "Nessuno in lista d'attesa." } } @else { (signup_rows(&waiting, false)) }
            h2 { "Messaggio ai partecipanti" }
            form method="post" action={ (BASE) "/laboratori/" (lab.id) "/messaggio" } {
                label for="text" { "Messaggio (per esempio un cambio d'aula)" }
                p.hint { "Va per e-mail a iscritti e lista d'attesa che hanno lasciato un indirizzo; chi ha lasciato un telefono va chiamato." }
                @if let Some(error) = &message_error { p.field-error id="text-error" { (error) } }
                textarea id="text" name="text" required aria-invalid=[message_error.as_ref().map(|_| "true")] {}
                button type="submit" { "Invia il messaggio" }
            }
            @if cancellable {
                h2 { "Annulla il laboratorio" }
                p { "Gli iscritti (" (confirmed.len()) ") non raggiungono il minimo di " (lab.min_places) ". "
                    "Annullando, tutti vedono «Annullato» e chi ha lasciato un'e-mail viene avvisato." }
                form method="post" action={ (BASE) "/laboratori/" (lab.id) "/annulla" } {
                    button type="submit" { "Annulla il laboratorio" }
                }
            }
        },
    ))
}

/// `/redazione/laboratori/{id}/iscrizioni.csv`.
pub(super) async fn csv(
    db: &D1Database,
    session: &Session,
    lab_id: &str,
) -> Result<Response, ApiError> {
    service::lab(db, lab_id).await?;
    let signups = service::signups(db, session, lab_id, "export_signups").await?;
    let body = service::csv(&signups).map_err(|e| ApiError::Storage(format!("csv: {e}")))?;
    let headers = Headers::new();
    headers.set("content-type", "text/csv; charset=utf-8")?;
    headers.set(
        "content-disposition",
        &format!("attachment; filename=\"iscrizioni-{lab_id}.csv\""),
    )?;
    headers.set("cache-control", "no-store")?;
    Ok(crate::http::text_response(body, 200, headers))
}

/// The desk's POSTs about a lab: attendance, a message, cancelling.
pub(super) async fn post(
    db: &D1Database,
    session: &Session,
    lab_id: &str,
    action: &str,
    form: &FormValues,
) -> Result<Response, ApiError> {
    let lab = service::lab(db, lab_id).await?;
    let notice = match action {
        "presenze" => {
            let present: Vec<String> = form
                .0
                .iter()
                .filter(|(k, _)| k == "presente")
                .map(|(_, v)| v.clone())
                .collect();
            service::mark_attendance(db, session, lab_id, &present).await?;
            format!("Presenze salvate: {}.", present.len())
        }
        "messaggio" => match service::message(db, session, &lab, form.get("text")).await {
            Ok(n) => format!("Messaggio inviato a {n} indirizzi e-mail."),
            Err(ApiError::Validation(errors)) => {
                return lab_page(db, session, lab_id, None, &errors).await
            }
            Err(e) => return Err(e),
        },
        "annulla" => {
            service::cancel_lab(db, session, &lab).await?;
            "Laboratorio annullato: tutti vedono «Annullato».".to_owned()
        }
        _ => return Err(ApiError::NotFound),
    };
    lab_page(
        db,
        session,
        lab_id,
        Some(&notice),
        &ValidationErrors::default(),
    )
    .await
}
