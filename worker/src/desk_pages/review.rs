//! Calls for projects in the desk: the calls with their proposals counted, one call's proposals
//! (to score / scored), the CSV export, and publishing the call's decisions after a confirmation.

use super::*;
use crate::service::review::{
    self,
    views::{decision_label, hundredths, CallLine, Filter, ProposalLine},
};

/// `/redazione/bandi`.
pub(super) async fn calls_page(db: &D1Database, session: &Session) -> Result<Response, ApiError> {
    let calls = crate::db::review::calls(db).await?;
    let body = html! {
        h1 { "Bandi e proposte" }
        p { "Le proposte dei gruppi per ogni bando: valutale, chiedi modifiche, proponi e pubblica le decisioni." }
        @if calls.is_empty() { p { "Nessun bando pubblicato." } } @else {
            table {
                caption.sr { "Bandi con il numero di proposte per stato (le ritirate non sono contate)" }
                thead { tr {
                    th scope="col" { "Bando" } th scope="col" { "Chiusura" } th scope="col" { "Proposte" }
                    th scope="col" { "Inviate" } th scope="col" { "In valutazione" } th scope="col" { "Modifiche richieste" }
                    th scope="col" { "Con decisione" } th scope="col" { "Decisioni pubblicate" }
                } }
                tbody { @for c in &calls {
                    tr {
                        th scope="row" { a href={ (BASE) "/bandi/" (c.id) } { (c.title) } }
                        td { (c.closes_at.map(rome).unwrap_or_else(|| "ritirato".into())) }
                        td { (c.proposals) } td { (c.submitted) } td { (c.in_review) }
                        td { (c.changes_requested) } td { (c.decided) } td { (c.published) }
                    }
                } }
            }
        }
    };
    Ok(page(Some(session), "Bandi e proposte", body))
}

/// What the call page says at the top after an action.
pub(super) enum CallNotice {
    None,
    Published(u32),
    Refused(String),
}

/// `/redazione/bandi/{id}?filtro=`.
pub(super) async fn call_page(
    db: &D1Database,
    session: &Session,
    call_id: &str,
    filter: Filter,
    notice: CallNotice,
) -> Result<Response, ApiError> {
    let (call, lines) = review::call_proposals(db, &session.account.id, call_id, filter).await?;
    let body = html! {
        p { a href={ (BASE) "/bandi" } { "← Bandi e proposte" } }
        h1 { (call.title) }
        p.status {
            (call.proposals) " proposte · " (call.in_review) " in valutazione · "
            (call.changes_requested) " con modifiche richieste · " (call.decided) " con decisione"
            @if let Some(at) = &call.closes_at { " · chiusura " (rome(*at)) }
        }
        @match &notice {
            CallNotice::Published(n) => p.ok role="status" { "Decisioni pubblicate: " (n) ". I gruppi vedono ora l'esito." },
            CallNotice::Refused(detail) => div.error role="alert" { p { (detail) } },
            CallNotice::None => {},
        }
        (publish_panel(session, &call))
        p { a href={ "/api/v1/review/calls/" (call.id) "/export.csv" } download { "Scarica le valutazioni (CSV)" } }
        nav aria-label="Filtra le proposte" {
            @for (i, f) in Filter::ALL.into_iter().enumerate() {
                @if i > 0 { " · " }
                a href={ (BASE) "/bandi/" (call.id) @if f != Filter::All { "?filtro=" (f.as_str()) } }
                    aria-current=[(f == filter).then_some("page")] { (f.label_it()) }
            }
        }
        (proposals_table(&lines, filter))
    };
    Ok(page(Some(session), &call.title, body))
}

fn publish_panel(session: &Session, call: &CallLine) -> Markup {
    let pending = call.decided.saturating_sub(call.published);
    html! {
        @if call.undecided > 0 && call.proposals > 0 {
            p.notice {
                @if call.undecided == 1 { "Una proposta non ha ancora una decisione" }
                @else { (call.undecided) " proposte non hanno ancora una decisione" }
                ": le decisioni si pubblicano tutte insieme, quando ogni proposta ne ha una."
            }
        } @else if pending > 0 && session.can(Need::Editor) {
            form method="post" action={ (BASE) "/bandi/" (call.id) "/pubblica" } {
                p { "Ogni proposta ha una decisione: " (pending) " da pubblicare." }
                button type="submit" { "Pubblica le decisioni" }
            }
        } @else if pending > 0 {
            p { "Ogni proposta ha una decisione: un redattore può pubblicarle." }
        } @else if call.published > 0 {
            p { "Le decisioni di questo bando sono pubblicate." }
        }
    }
}

fn proposals_table(lines: &[ProposalLine], filter: Filter) -> Markup {
    html! {
        @if lines.is_empty() {
            p { @match filter {
                Filter::ToScore => "Hai valutato tutte le proposte di questo bando.",
                Filter::Scored => "Non hai ancora valutato proposte di questo bando.",
                Filter::All => "Nessuna proposta per questo bando.",
            } }
        } @else {
            table {
                caption.sr { "Proposte del bando: " (filter.label_it()) }
                thead { tr {
                    th scope="col" { "Protocollo" } th scope="col" { "Gruppo" } th scope="col" { "Titolo" }
                    th scope="col" { "Richiesto" } th scope="col" { "Costo totale" } th scope="col" { "Stato" }
                    th scope="col" { "Valutazioni" } th scope="col" { "Media (su 100)" } th scope="col" { "Valutata da te" }
                    th scope="col" { "Decisione proposta" }
                } }
                tbody { @for l in lines {
                    tr {
                        th scope="row" { a href={ (BASE) "/proposte/" (l.id) } { (l.protocol) } }
                        td { (l.group_name) } td { (l.title) }
                        td.num { (l.requested) } td.num { (l.total) }
                        td { (l.status.label_it()) }
                        td.num { (l.reviews) }
                        td.num { (l.average.map(hundredths).unwrap_or_else(|| "—".into())) }
                        td { @if l.scored_by_me { "Sì" } @else { "No" } }
                        td {
                            @match &l.decision {
                                Some(d) => {
                                    (decision_label(d))
                                    @if let sito_core::proposal::Decision::Funded { amount } = d { " (" (amount) ")" }
                                    @if l.decision_published { " · pubblicata" }
                                },
                                None => "—",
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// `POST /redazione/bandi/{id}/pubblica`: first a confirmation, then (with `conferma=1`) the
/// publication itself.
pub(super) async fn publish(
    db: &D1Database,
    session: &Session,
    call_id: &str,
    form: &FormValues,
) -> Result<Response, ApiError> {
    if form.get("conferma") != "1" {
        let (call, _) =
            review::call_proposals(db, &session.account.id, call_id, Filter::All).await?;
        let pending = call.decided.saturating_sub(call.published);
        let body = html! {
            p { a href={ (BASE) "/bandi/" (call.id) } { "← " (call.title) } }
            h1 { "Pubblicare le decisioni?" }
            p { "Stai per pubblicare " (pending) " decisioni del bando «" (call.title) "». "
                "Ogni gruppo vedrà subito l'esito della propria proposta, con l'importo concesso o le motivazioni. "
                "La pubblicazione non si può annullare." }
            form method="post" action={ (BASE) "/bandi/" (call.id) "/pubblica" } {
                input type="hidden" name="conferma" value="1";
                button type="submit" { "Sì, pubblica le decisioni" }
                a href={ (BASE) "/bandi/" (call.id) } { "Annulla" }
            }
        };
        return Ok(page(Some(session), "Pubblicare le decisioni", body));
    }
    match review::publish_call(db, session, call_id).await {
        Ok(count) => Ok(redirect(&format!(
            "{BASE}/bandi/{call_id}?pubblicate={count}"
        ))),
        Err(ApiError::Refused { detail, .. }) => {
            call_page(
                db,
                session,
                call_id,
                Filter::All,
                CallNotice::Refused(detail),
            )
            .await
        }
        Err(e) => Err(e),
    }
}
