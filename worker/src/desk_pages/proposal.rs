//! One proposal in the desk (`/redazione/proposte/{id}`): the whole proposal, its timeline and
//! reviews, then the caller's scoring form, the request for changes and the proposed decision.
//! A form that fails keeps what was typed and says why beside each field.

use sito_core::validation::FieldPath;
use sito_core::{
    budget::Cents,
    proposal::{ChangesRequest, Decision, ReviewInput},
};

use super::{proposal_body::*, *};
use crate::service::review::{
    self,
    views::{decision_label, euros, hundredths, ReviewProposal},
};

/// What was posted and why it was not saved.
pub(super) struct Posted {
    action: String,
    form: FormValues,
    errors: ValidationErrors,
    refusal: Option<String>,
}

const SAVED: [(&str, &str); 3] = [
    ("valutazione", "Valutazione salvata."),
    ("modifiche", "Richiesta di modifiche inviata: il gruppo vede il messaggio."),
    (
        "decisione",
        "Decisione proposta salvata: il gruppo la vedrà quando le decisioni del bando saranno pubblicate.",
    ),
];

/// The label a field's error is shown under in the summary at the top.
fn label_of(p: &ReviewProposal, field: &FieldPath) -> String {
    use sito_core::validation::Segment::{Index, Name};
    let name = match field.segments() {
        [Name(scores), Index(i)] if scores == "scores" => {
            return p
                .criteria
                .get(*i)
                .map_or(field.to_string(), |c| c.name.clone());
        }
        [Name(name)] => name.as_str(),
        _ => return field.to_string(),
    };
    match name {
        "scores" => "Punteggi",
        "comment" => "Commento",
        "note" => "Nota privata",
        "message" => "Messaggio al gruppo",
        "outcome" => "Esito",
        "amount" => "Importo concesso",
        "reasons" => "Motivazioni",
        other => other,
    }
    .to_owned()
}

pub(super) fn proposal_page(
    session: &Session,
    p: &ReviewProposal,
    posted: Option<&Posted>,
    saved: Option<&str>,
) -> Response {
    let none = ValidationErrors::default();
    let errors = posted.map_or(&none, |x| &x.errors);
    // The value of a field: as posted if this form was the one sent, otherwise `stored`.
    let value = |action: &str, name: &str, stored: String| match posted {
        Some(x) if x.action == action => x.form.get(name).to_owned(),
        _ => stored,
    };
    let error = |name: &str| {
        errors.for_field(name).map(|e| {
            html! { p.field-error id={ (name) "-error" } { (e.message) } }
        })
    };
    let invalid = |name: &str| errors.for_field(name).map(|_| "true");
    let described = |name: &str| errors.for_field(name).map(|_| format!("{name}-error"));
    let mine = p.mine();
    let stored_decision = p.decision.as_ref();
    let outcome = value(
        "decision",
        "outcome",
        match stored_decision {
            Some(Decision::Funded { .. }) => "funded".into(),
            Some(Decision::NotFunded { .. }) => "not_funded".into(),
            None => String::new(),
        },
    );
    let body = html! {
        p { a href={ (BASE) "/bandi/" (p.call_id) } { "← " (p.call_title) } }
        h1 { (p.body.title) }
        p.status {
            (p.protocol) " · " (p.body.group.name) " · " (p.status.label_it())
            " · revisione " (p.revision) " inviata il " (rome(p.submitted_at))
            @if let Some(avg) = p.average { " · media " (hundredths(avg)) " su 100" }
        }
        @if p.open() {
            nav aria-label="Nella pagina" {
                "Vai a: " a href="#valuta" { "La tua valutazione" } " · " a href="#modifiche" { "Chiedi modifiche" }
                " · " a href="#decisione" { "Decisione proposta" }
            }
        }
        @if let Some(message) = saved.and_then(|s| SAVED.iter().find(|(k, _)| *k == s)).map(|(_, m)| *m) {
            p.ok role="status" { (message) }
        }
        @if let Some(refusal) = posted.and_then(|x| x.refusal.as_deref()) {
            div.error role="alert" { p { (refusal) } }
        }
        @if !errors.is_empty() {
            div.error role="alert" {
                p { "Controlla i campi segnalati: non è stato salvato nulla." }
                ul { @for e in &errors.0 { li { (label_of(p, &e.field)) ": " (e.message) } } }
            }
        }
        @if let Some(at) = &p.decision_published_at {
            p.ok { "Decisione pubblicata il " (rome(*at)) ": "
                @if let Some(d) = stored_decision { (decision_text(d)) } }
        } @else if p.status == sito_core::proposal::ProposalStatus::Withdrawn {
            p.notice { "Il gruppo ha ritirato la proposta: non si valuta più." }
        }
        (body_markup(p))
        section aria-labelledby="cronologia" {
            h2 #cronologia { "Cronologia e valutazioni" }
            (timeline_markup(&p.timeline))
            (reviews_markup(p))
        }
        @if p.open() {
            section.panel aria-labelledby="valuta" {
                h2 #valuta { "La tua valutazione" }
                form method="post" action={ (BASE) "/proposte/" (p.id) } {
                    input type="hidden" name="azione" value="score";
                    p.hint { "Un punteggio intero da 0 a 10 per criterio; il punteggio ponderato è su 100." }
                    @for (i, c) in p.criteria.iter().enumerate() {
                        @let name = format!("scores.{i}");
                        @let stored = mine.and_then(|r| r.scores.get(i)).map(u8::to_string).unwrap_or_default();
                        label for=(name) { (c.name) " (peso " (c.weight) ")" }
                        @if let Some(e) = error(&name) { (e) }
                        input.score id=(name) name=(name) type="number" min="0" max="10" step="1" inputmode="numeric" required
                            value=(value("score", &name, stored)) aria-invalid=[invalid(&name)] aria-describedby=[described(&name)];
                    }
                    label for="comment" { "Commento (lo leggono gli altri valutatori e la redazione)" }
                    @if let Some(e) = error("comment") { (e) }
                    textarea #comment name="comment" aria-invalid=[invalid("comment")] aria-describedby=[described("comment")] {
                        (value("score", "comment", mine.map(|r| r.comment.clone()).unwrap_or_default()))
                    }
                    label for="note" { "Nota privata (la vedi solo tu)" }
                    @if let Some(e) = error("note") { (e) }
                    textarea #note name="note" aria-invalid=[invalid("note")] aria-describedby=[described("note")] {
                        (value("score", "note", mine.and_then(|r| r.note.clone()).unwrap_or_default()))
                    }
                    div { button type="submit" { @if mine.is_some() { "Aggiorna la valutazione" } @else { "Salva la valutazione" } } }
                }
            }
            section.panel aria-labelledby="modifiche" {
                h2 #modifiche { "Chiedi modifiche al gruppo" }
                form method="post" action={ (BASE) "/proposte/" (p.id) } {
                    input type="hidden" name="azione" value="changes";
                    label for="message" { "Messaggio al gruppo" }
                    p.hint id="message-hint" { "Il gruppo lo legge nella cronologia della proposta e può inviarne una nuova revisione." }
                    @if let Some(e) = error("message") { (e) }
                    textarea #message name="message" required aria-invalid=[invalid("message")]
                        aria-describedby={ "message-hint" @if let Some(d) = described("message") { " " (d) } } {
                        (value("changes", "message", String::new()))
                    }
                    div { button.secondary type="submit" { "Chiedi modifiche" } }
                }
            }
            section.panel aria-labelledby="decisione" {
                h2 #decisione { "Decisione proposta" }
                @if let Some(d) = stored_decision {
                    p { "Proposta ora: " strong { (decision_text(d)) }
                        @if let Some(by) = &p.decided_by { " (da " (by) ")" }
                        ". Non è ancora pubblicata: il gruppo non la vede." }
                } @else {
                    p { "Nessuna decisione proposta. Il gruppo vedrà l'esito solo quando la redazione pubblicherà le decisioni del bando." }
                }
                form method="post" action={ (BASE) "/proposte/" (p.id) } {
                    input type="hidden" name="azione" value="decision";
                    fieldset {
                        legend { "Esito" }
                        @if let Some(e) = error("outcome") { (e) }
                        label.choice { input type="radio" name="outcome" value="funded" checked[outcome == "funded"]; "Finanziata" }
                        label.choice { input type="radio" name="outcome" value="not_funded" checked[outcome == "not_funded"]; "Non finanziata" }
                    }
                    label for="amount" { "Importo concesso (€), se finanziata" }
                    p.hint id="amount-hint" { "Al massimo il contributo richiesto: " (p.body.budget.requested) "." }
                    @if let Some(e) = error("amount") { (e) }
                    input #amount name="amount" inputmode="decimal" aria-invalid=[invalid("amount")]
                        aria-describedby={ "amount-hint" @if let Some(d) = described("amount") { " " (d) } }
                        value=(value("decision", "amount", match stored_decision { Some(Decision::Funded { amount }) => euros(*amount), _ => String::new() }));
                    label for="reasons" { "Motivazioni, se non finanziata" }
                    @if let Some(e) = error("reasons") { (e) }
                    textarea #reasons name="reasons" aria-invalid=[invalid("reasons")] aria-describedby=[described("reasons")] {
                        (value("decision", "reasons", match stored_decision { Some(Decision::NotFunded { reasons }) => reasons.clone(), _ => String::new() }))
                    }
                    div { button.secondary type="submit" { "Salva la decisione proposta" } }
                }
            }
        }
    };
    page(Some(session), &p.body.title, body)
}

fn decision_text(d: &Decision) -> String {
    match d {
        Decision::Funded { amount } => format!("{} con {amount}", decision_label(d)),
        Decision::NotFunded { reasons } => format!("{}: {reasons}", decision_label(d)),
    }
}

/// The scores typed into the form, or an Italian message beside each one that is not a score.
fn score_input(criteria: usize, form: &FormValues) -> Result<ReviewInput, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut scores = Vec::with_capacity(criteria);
    for i in 0..criteria {
        let name = format!("scores.{i}");
        match form.get(&name).trim() {
            "" => errors.push(&name, "required", "Manca il punteggio."),
            raw => match raw.parse::<u8>() {
                Ok(score) => scores.push(score),
                Err(_) => errors.push(
                    &name,
                    "not_a_score",
                    "Scrivi un punteggio intero da 0 a 10.",
                ),
            },
        }
    }
    errors.into_result(ReviewInput {
        scores,
        comment: form.get("comment").to_owned(),
        note: form.get("note").to_owned(),
    })
}

/// The decision chosen in the form.
fn decision_input(form: &FormValues) -> Result<Decision, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    match form.get("outcome") {
        "funded" => match Cents::parse(form.get("amount")) {
            Some(amount) => return Ok(Decision::Funded { amount }),
            None => errors.push(
                "amount",
                "not_an_amount",
                "Scrivi l'importo concesso, per esempio 1.500,00.",
            ),
        },
        "not_funded" => {
            return Ok(Decision::NotFunded {
                reasons: form.get("reasons").to_owned(),
            })
        }
        _ => errors.push("outcome", "required", "Scegli l'esito."),
    }
    Err(errors)
}

/// `POST /redazione/proposte/{id}`.
pub(super) async fn proposal_post(
    db: &D1Database,
    session: &Session,
    id: &str,
    form: FormValues,
) -> Result<Response, ApiError> {
    let p = review::detail(db, session, id).await?;
    let action = form.get("azione").to_owned();
    let (result, saved) = match action.as_str() {
        "score" => (
            match score_input(p.criteria.len(), &form) {
                Ok(input) => review::save_score(db, session, id, &input).await,
                Err(errors) => Err(ApiError::Validation(errors)),
            },
            "valutazione",
        ),
        "changes" => {
            let request = ChangesRequest {
                message: form.get("message").to_owned(),
            };
            (
                review::ask_changes(db, session, id, &request).await,
                "modifiche",
            )
        }
        "decision" => (
            match decision_input(&form) {
                Ok(decision) => review::propose(db, session, id, &decision).await,
                Err(errors) => Err(ApiError::Validation(errors)),
            },
            "decisione",
        ),
        _ => return Err(ApiError::NotFound),
    };
    let (errors, refusal) = match result {
        Ok(()) => return Ok(redirect(&format!("{BASE}/proposte/{id}?salvato={saved}"))),
        Err(ApiError::Validation(errors)) => (errors, None),
        Err(ApiError::Refused { detail, .. }) => (ValidationErrors::default(), Some(detail)),
        Err(e) => return Err(e),
    };
    let p = review::detail(db, session, id).await?;
    let posted = Posted {
        action,
        form,
        errors,
        refusal,
    };
    let response = proposal_page(session, &p, Some(&posted), None);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormValues {
        FormValues(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn scores_that_are_not_whole_numbers_are_reported_beside_their_field() {
        let errors =
            score_input(3, &form(&[("scores.0", "7"), ("scores.1", "sette")])).unwrap_err();
        assert_eq!(errors.for_field("scores.1").unwrap().code, "not_a_score");
        assert_eq!(errors.for_field("scores.2").unwrap().code, "required");
        let input = score_input(
            2,
            &form(&[("scores.0", " 7 "), ("scores.1", "10"), ("note", "mia")]),
        )
        .unwrap();
        assert_eq!(input.scores, vec![7, 10]);
        assert_eq!(input.note, "mia");
    }

    #[test]
    fn the_decision_form_reads_italian_amounts() {
        let funded =
            decision_input(&form(&[("outcome", "funded"), ("amount", "1.500,50")])).unwrap();
        assert_eq!(
            funded,
            Decision::Funded {
                amount: Cents(150_050)
            }
        );
        let bad = decision_input(&form(&[("outcome", "funded"), ("amount", "mille")])).unwrap_err();
        assert_eq!(bad.for_field("amount").unwrap().code, "not_an_amount");
        assert!(decision_input(&form(&[]))
            .unwrap_err()
            .for_field("outcome")
            .is_some());
    }
}
