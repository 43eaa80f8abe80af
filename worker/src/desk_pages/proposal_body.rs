//! A proposal as its reviewers read it: the group and partners, needs and objectives, the
//! actions as a table, the budget with its totals, results and reporting; then its timeline and
//! the reviews so far.

use sito_core::{
    budget::{BudgetTotals, Cents},
    proposal::{ProposalBody, ProposalStatus},
};

use super::*;
use crate::service::review::views::{hundredths, ReviewProposal, StaffEvent};

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn prose(text: &str) -> Markup {
    html! { p.prose { (text) } }
}

pub(super) fn body_markup(p: &ReviewProposal) -> Markup {
    let b: &ProposalBody = &p.body;
    let g = &b.group;
    html! {
        section aria-labelledby="gruppo" {
            h2 #gruppo { "Il gruppo e i partner" }
            dl.facts {
                dt { "Gruppo" } dd { (g.name) }
                dt { "Tipo" } dd { (g.kind.label_it()) }
                dt { "Territorio" } dd { (g.district.label_it()) }
                dt { "Referente" } dd { (g.contact_person) }
                dt { "Componenti" } dd { (g.members) " giovani, dai " (g.age_min) " ai " (g.age_max) " anni" }
            }
            @if b.partners.is_empty() { p { "Nessun partner." } } @else {
                table {
                    caption { "Partner" }
                    thead { tr { th scope="col" { "Partner" } th scope="col" { "Ruolo nel progetto" } } }
                    tbody { @for partner in &b.partners { tr { th scope="row" { (partner.name) } td { (partner.role) } } } }
                }
            }
        }
        section aria-labelledby="bisogni" {
            h2 #bisogni { "Bisogni e obiettivi" }
            h3 { "Bisogni" } (prose(&b.needs))
            h3 { "Obiettivi" } (prose(&b.objectives))
        }
        section aria-labelledby="azioni" {
            h2 #azioni { "Azioni e fasi di lavoro" }
            table {
                thead { tr { th scope="col" { "Azione" } th scope="col" { "Dal" } th scope="col" { "Al" } th scope="col" { "Chi" } } }
                tbody { @for a in &b.actions {
                    tr { th scope="row" { (a.title) } td { (date(a.start)) } td { (date(a.end)) } td { (a.who) } }
                } }
            }
        }
        section aria-labelledby="budget" {
            h2 #budget { "Budget" }
            (budget_markup(p))
        }
        section aria-labelledby="risultati" {
            h2 #risultati { "Risultati e rendicontazione" }
            h3 { "Risultati attesi" } (prose(&b.results))
            h3 { "Indicatori" } (prose(&b.indicators))
            h3 { "Rendicontazione" } (prose(&b.reporting))
        }
    }
}

fn budget_markup(p: &ReviewProposal) -> Markup {
    let lines = &p.body.budget.lines;
    html! {
        table {
            caption { "Voci di spesa" }
            thead { tr {
                th scope="col" { "Categoria" } th scope="col" { "Descrizione" }
                th scope="col" { "Quantità" } th scope="col" { "Costo unitario" } th scope="col" { "Totale" }
            } }
            tbody { @for line in lines {
                tr {
                    td { (line.category.label_it()) } th scope="row" { (line.description) }
                    td.num { (line.quantity) } td.num { (line.unit_cost) }
                    td.num { (line.total().map_or_else(|| "—".to_owned(), |t| t.to_string())) }
                }
            } }
        }
        @if let Some(t) = &p.totals { (totals_markup(t)) }
    }
}

fn totals_markup(t: &BudgetTotals) -> Markup {
    let percent = |part: Cents| {
        if t.total.0 > 0 {
            hundredths((part.0 * 10_000 / t.total.0) as u32) + " %"
        } else {
            "—".to_owned()
        }
    };
    html! {
        table {
            caption { "Totali per categoria" }
            thead { tr { th scope="col" { "Categoria" } th scope="col" { "Importo" } th scope="col" { "Quota del totale" } } }
            tbody { @for (category, amount) in &t.by_category {
                tr { th scope="row" { (category.label_it()) } td.num { (amount) } td.num { (percent(*amount)) } }
            } }
            tfoot { tr { th scope="row" { "Costo totale" } td.num { strong { (t.total) } } td.num { "100,00 %" } } }
        }
        dl.facts {
            dt { "Contributo richiesto al bando" } dd { (t.requested) " (" (percent(t.requested)) ")" }
            dt { "Cofinanziamento del gruppo" } dd { (t.cofinancing) " (" (percent(t.cofinancing)) ")" }
            dt { "Cofinanziamento minimo richiesto dal bando" } dd { (t.cofinancing_required) }
        }
    }
}

fn actor(event: &StaffEvent) -> &str {
    if event.actor == "group" {
        "il gruppo"
    } else {
        &event.actor
    }
}

pub(super) fn timeline_markup(events: &[StaffEvent]) -> Markup {
    html! {
        table {
            caption { "Cronologia" }
            thead { tr { th scope="col" { "Quando" } th scope="col" { "Stato" } th scope="col" { "Dettagli" } th scope="col" { "Chi" } } }
            tbody { @for e in events {
                tr {
                    td { (rome(e.at)) }
                    th scope="row" { (e.status.label_it()) @if let Some(r) = e.revision { @if e.status == ProposalStatus::Submitted { " (revisione " (r) ")" } } }
                    td {
                        @if let Some(amount) = e.amount { "Importo: " (amount) }
                        @if let Some(message) = &e.message { span.prose { (message) } }
                    }
                    td { (actor(e)) }
                }
            } }
        }
    }
}

pub(super) fn reviews_markup(p: &ReviewProposal) -> Markup {
    html! {
        @if p.reviews.is_empty() { p { "Ancora nessuna valutazione." } } @else {
            table {
                caption { "Valutazioni" }
                thead { tr {
                    th scope="col" { "Valutatore" }
                    @for c in &p.criteria { th scope="col" { (c.name) " (peso " (c.weight) ")" } }
                    th scope="col" { "Ponderato (su 100)" } th scope="col" { "Commento" }
                } }
                tbody { @for r in &p.reviews {
                    tr {
                        th scope="row" { (r.reviewer) @if r.mine { " (tu)" } }
                        @for i in 0..p.criteria.len() { td.num { (r.scores.get(i).map_or_else(|| "—".to_owned(), u8::to_string)) } }
                        td.num { (hundredths(r.weighted)) }
                        td { span.prose { (r.comment) } }
                    }
                } }
                tfoot { tr {
                    th scope="row" { "Media" }
                    @for a in &p.criterion_averages { td.num { (a.map_or_else(|| "—".to_owned(), hundredths)) } }
                    td.num { strong { (p.average.map_or_else(|| "—".to_owned(), hundredths)) } }
                    td {}
                } }
            }
        }
    }
}
