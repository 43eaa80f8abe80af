//! Questions to the expert: the list, one question, and answering it.

use super::*;
use sito_core::VariantArray;

pub(super) fn questions_page(
    status: Option<QuestionStatus>,
    list: &[questions::DeskQuestion],
) -> Markup {
    let statuses = QuestionStatus::VARIANTS.iter().copied();
    html! {
        h1 { "L'esperto risponde: domande" }
        nav aria-label="Filtra per stato" {
            a href={ (BASE) "/domande" } aria-current=[status.is_none().then_some("page")] { "Tutte" }
            @for s in statuses {
                " · "
                a href={ (BASE) "/domande?stato=" (s.as_ref()) } aria-current=[(status == Some(s)).then_some("page")] { (s.label_it()) }
            }
        }
        @if list.is_empty() { p { "Nessuna domanda." } } @else {
            table {
                thead { tr { th { "Codice" } th { "Ricevuta" } th { "Argomento" } th { "Domanda" } th { "Stato" } th { "Assegnata a" } } }
                tbody { @for q in list {
                    tr {
                        td { a href={ (BASE) "/domande/" (q.id) } { (q.code) } }
                        td { (rome(q.asked_at)) }
                        td { (q.topic.parse::<Topic>().ok().map_or(q.topic.as_ref(), |t| t.label_it())) }
                        td { (q.text.chars().take(120).collect::<String>()) }
                        td { (q.status.parse::<QuestionStatus>().ok().map_or(q.status.as_ref(), |s| s.label_it())) }
                        td { (q.assigned_name.as_deref().unwrap_or("—")) }
                    }
                } }
            }
        }
    }
}

/// Whether the question's current status allows the desk's action that moves it to `next`; a
/// question whose status the desk cannot read is offered nothing.
fn offers(q: &questions::DeskQuestion, next: QuestionStatus) -> bool {
    q.status
        .parse::<QuestionStatus>()
        .ok()
        .is_some_and(|current| current.can_move_to(next))
}

pub(super) fn question_page(
    session: &Session,
    q: &questions::DeskQuestion,
    form: Option<&FormValues>,
    errors: &ValidationErrors,
    refusal: Option<&str>,
) -> Response {
    let value =
        |name: &str, fallback: &str| form.map_or(fallback.to_owned(), |f| f.get(name).to_owned());
    let published = q.status == QuestionStatus::Published.as_ref();
    let body = html! {
        p { a href={ (BASE) "/domande" } { "← Domande" } }
        h1 { "Domanda " (q.code) }
        p.status {
            (q.status.parse::<QuestionStatus>().ok().map_or(q.status.as_ref(), |s| s.label_it()))
            " · ricevuta " (rome(q.asked_at))
            @if let Some(name) = &q.assigned_name { " · assegnata a " (name) }
            @if let Some(nick) = &q.nickname { " · firmata «" (nick) "»" }
        }
        blockquote.panel { p style="white-space:pre-wrap" { (q.text) } }
        (error_summary(errors))
        @if let Some(refusal) = refusal { div.error role="alert" { p { (refusal) } } }
        form method="post" action={ (BASE) "/domande/" (q.id) } {
            label for="topic" { "Argomento" }
            select #topic name="topic" {
                @for (option, label) in topics() {
                    option value=(option) selected[value("topic", &q.topic) == option] { (label) }
                }
            }
            label for="question" { "Domanda come sarà pubblicata" }
            p.hint { "Togli nomi e dati personali prima di pubblicare." }
            textarea #question name="question" { (value("question", &q.text)) }
            label for="answer_md" { "Risposta" }
            textarea.md #answer_md name="answer_md" { (value("answer_md", q.answer_md.as_deref().unwrap_or_default())) }
            label for="answered_by" { "Risponde (l'ente che firma)" }
            input #answered_by name="answered_by" value=(value("answered_by", q.answered_by.as_deref().unwrap_or(&session.account.name)));
            @if published {
                p.hint { "La risposta è pubblica: si può solo aggiornarla." }
            }
            div {
                @if offers(q, QuestionStatus::Assigned) {
                    button.secondary type="submit" name="azione" value="assign" { "Assegna a me" }
                }
                @if offers(q, QuestionStatus::Answered) {
                    button.secondary type="submit" name="azione" value="save" { "Salva la risposta" }
                }
                @if offers(q, QuestionStatus::Published) {
                    button type="submit" name="azione" value="publish" {
                        @if published { "Aggiorna la risposta pubblicata" } @else { "Pubblica la risposta" }
                    }
                }
                @if offers(q, QuestionStatus::Declined) {
                    button.danger type="submit" name="azione" value="decline" { "Non pubblicare" }
                }
            }
        }
    };
    page(Some(session), "Domanda", body)
}

pub(super) async fn answer_question(
    db: &D1Database,
    session: &Session,
    id: &str,
    form: FormValues,
) -> Result<Response, ApiError> {
    let done = || Ok(redirect(&format!("{BASE}/domande/{id}")));
    let result = match form.get("azione") {
        "assign" => questions::assign_to(db, id, &session.account.id).await,
        "decline" => questions::decline_question(db, id).await,
        action @ ("save" | "publish") => {
            let answer = form
                .get("topic")
                .parse::<Topic>()
                .ok()
                .map(|topic| AnswerForm {
                    topic,
                    question: form.get("question").to_owned(),
                    answer_md: form.get("answer_md").to_owned(),
                    answered_by: form.get("answered_by").to_owned(),
                    publish: action == "publish",
                });
            match answer {
                Some(answer) => questions::save_answer(db, session, id, &answer).await,
                None => {
                    let mut errors = ValidationErrors::default();
                    errors.push("topic", "required", "Scegli un argomento.");
                    Err(ApiError::Validation(errors))
                }
            }
        }
        _ => return Err(ApiError::NotFound),
    };
    // A refused form shows the question as it is now, with what the editor typed.
    let (errors, refusal) = match result {
        Ok(()) => return done(),
        Err(ApiError::Validation(errors)) => (errors, None),
        Err(ApiError::Refused { detail, .. }) => (ValidationErrors::default(), Some(detail)),
        Err(e) => return Err(e),
    };
    let question = questions::desk_get(db, id).await?;
    Ok(question_page(
        session,
        &question,
        Some(&form),
        &errors,
        refusal.as_deref(),
    ))
}
