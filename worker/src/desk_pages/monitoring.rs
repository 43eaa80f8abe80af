//! `/redazione/monitoraggio`: the steering group's report for a period (the semester by default)
//! and a district, in sections that print one per A4 page; every chart's data as CSV
//! (`/redazione/monitoraggio/{chart}.csv`) and the whole report as JSON
//! (`/redazione/monitoraggio.json`). Editors and administrators only.
//!
//! A section is a function from the report to its figures (`sections`): a new kind of activity
//! (labs, appointments) adds its figures to the report and one function here.

use sito_core::{
    monitoring::{italian_date, italian_number, Month, Period, Report},
    question::Topic,
};

use super::charts::{Cell, Dataset};
use super::*;

mod activity;

/// One section of the report: its heading, a few headline figures, and its charts.
pub(super) struct Section {
    pub title: &'static str,
    pub figures: Vec<(&'static str, String)>,
    pub charts: Vec<Dataset>,
}

fn month_label(key: &str) -> String {
    let parts = key.split_once('-');
    match parts.and_then(|(y, m)| {
        Some(Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        })
    }) {
        Some(month) if (1..=12).contains(&month.month) => month.label_it(),
        _ => key.to_owned(),
    }
}

fn content(report: &Report) -> Section {
    let c = &report.content;
    let months = report.period.months();
    let published_in = |key: &str| {
        c.published
            .iter()
            .filter(|p| p.month == key)
            .map(|p| i64::from(p.count))
            .sum::<i64>()
    };
    let published = Dataset {
        slug: "opportunita-pubblicate",
        title: "Opportunità pubblicate per mese, tipo e territorio".into(),
        measure: "opportunità pubblicate per mese",
        columns: vec!["Mese", "Tipo", "Territorio", "Pubblicate"],
        rows: c
            .published
            .iter()
            .map(|p| {
                vec![
                    Cell::Text(month_label(&p.month)),
                    Cell::Text(p.kind.label_it().into()),
                    Cell::Text(p.district.label_it().into()),
                    Cell::Count(p.count.into()),
                ]
            })
            .collect(),
        bars: months
            .iter()
            .map(|m| (m.label_it(), published_in(&m.key())))
            .collect(),
    };
    let open = Dataset {
        slug: "opportunita-aperte",
        title: "Opportunità ancora aperte a fine mese".into(),
        measure: "opportunità aperte l'ultimo giorno del mese",
        columns: vec!["Mese", "Aperte a fine mese"],
        rows: c
            .open_at_month_end
            .iter()
            .map(|m| {
                vec![
                    Cell::Text(month_label(&m.month)),
                    Cell::Count(m.count.into()),
                ]
            })
            .collect(),
        bars: c
            .open_at_month_end
            .iter()
            .map(|m| (month_label(&m.month), m.count.into()))
            .collect(),
    };
    let stale = Dataset {
        slug: "contenuti-non-rivisti",
        title: format!(
            "Contenuti pubblicati non rivisti da più di {} giorni",
            c.stale_after_days
        ),
        measure: "contenuti non rivisti, per tipo",
        columns: vec!["Tipo", "Non rivisti"],
        rows: c
            .stale
            .iter()
            .map(|k| {
                vec![
                    Cell::Text(kind_label(k.kind).into()),
                    Cell::Count(k.count.into()),
                ]
            })
            .collect(),
        bars: c
            .stale
            .iter()
            .map(|k| (kind_label(k.kind).into(), k.count.into()))
            .collect(),
    };
    let total: i64 = c.published.iter().map(|p| i64::from(p.count)).sum();
    Section {
        title: "Contenuti",
        figures: vec![
            ("Opportunità pubblicate", italian_number(total)),
            (
                "Guide aggiornate nel periodo",
                italian_number(c.guides_updated.into()),
            ),
        ],
        charts: vec![published, open, stale],
    }
}

fn topic_label(wire: &str) -> String {
    sito_core::stored::parse::<Topic>("topic", wire)
        .map(|t| t.label_it().to_owned())
        .unwrap_or_else(|_| wire.to_owned())
}

fn times(
    slug: &'static str,
    title: &str,
    group: &'static str,
    rows: &[sito_core::monitoring::AnswerTimes],
    label: fn(&str) -> String,
) -> Dataset {
    Dataset {
        slug,
        title: title.into(),
        measure: "ore mediane per rispondere",
        columns: vec![
            group,
            "Risposte",
            "Tempo mediano (ore)",
            "90° percentile (ore)",
        ],
        rows: rows
            .iter()
            .map(|t| {
                vec![
                    Cell::Text(label(&t.group)),
                    Cell::Count(t.answered.into()),
                    Cell::Hours(t.median_hours),
                    Cell::Hours(t.p90_hours),
                ]
            })
            .collect(),
        bars: rows
            .iter()
            .map(|t| (label(&t.group), t.median_hours.unwrap_or(0)))
            .collect(),
    }
}

fn questions(report: &Report) -> Section {
    let q = &report.questions;
    let counts = [
        ("Ricevute", q.received),
        ("Con risposta", q.answered),
        ("Rifiutate", q.declined),
    ];
    let status = Dataset {
        slug: "domande",
        title: "Domande all'esperto ricevute, con risposta e rifiutate".into(),
        measure: "domande",
        columns: vec!["Domande", "Numero"],
        rows: counts
            .iter()
            .map(|(name, n)| vec![Cell::Text((*name).into()), Cell::Count((*n).into())])
            .collect(),
        bars: counts
            .iter()
            .map(|(name, n)| ((*name).into(), (*n).into()))
            .collect(),
    };
    let body_label = |name: &str| {
        if name.is_empty() {
            "—".to_owned()
        } else {
            name.to_owned()
        }
    };
    Section {
        title: "Domande all'esperto",
        figures: counts
            .iter()
            .map(|(name, n)| (*name, italian_number((*n).into())))
            .collect(),
        charts: vec![
            status,
            times(
                "tempi-per-tema",
                "Tempo per rispondere, per tema",
                "Tema",
                &q.by_topic,
                topic_label,
            ),
            times(
                "tempi-per-ente",
                "Tempo per rispondere, per ente che risponde",
                "Ente",
                &q.by_body,
                body_label,
            ),
        ],
    }
}

fn status_label(status: &str) -> &str {
    match status {
        "submitted" => "Inviata",
        "in_review" => "In valutazione",
        "changes_requested" => "Modifiche richieste",
        "withdrawn" => "Ritirata",
        "funded" => "Finanziata",
        "not_funded" => "Non finanziata",
        other => other,
    }
}

fn proposals(report: &Report) -> Section {
    let p = &report.proposals;
    let call_name = |c: &sito_core::monitoring::CallProposals| {
        c.call_title.clone().unwrap_or_else(|| c.call_id.clone())
    };
    let mut per_call: Vec<(String, i64)> = vec![];
    for c in &p.by_call {
        match per_call.iter_mut().find(|(name, _)| *name == call_name(c)) {
            Some((_, n)) => *n += i64::from(c.count),
            None => per_call.push((call_name(c), c.count.into())),
        }
    }
    let requested: i64 = p.by_call.iter().map(|c| c.requested).sum();
    let granted: i64 = p.by_call.iter().map(|c| c.granted).sum();
    let by_call = Dataset {
        slug: "proposte",
        title: "Proposte per bando e stato, con i contributi richiesti e concessi".into(),
        measure: "proposte per bando",
        columns: vec![
            "Bando",
            "Stato",
            "Proposte",
            "Richiesto (€)",
            "Concesso (€)",
        ],
        rows: p
            .by_call
            .iter()
            .map(|c| {
                vec![
                    Cell::Text(call_name(c)),
                    Cell::Text(status_label(&c.status).into()),
                    Cell::Count(c.count.into()),
                    Cell::Cents(c.requested),
                    Cell::Cents(c.granted),
                ]
            })
            .collect(),
        bars: per_call,
    };
    Section {
        title: "Bandi e proposte",
        figures: vec![
            (
                "Contributo richiesto",
                sito_core::budget::Cents(requested).to_string(),
            ),
            (
                "Contributo concesso",
                sito_core::budget::Cents(granted).to_string(),
            ),
            (
                "Gruppi alla prima proposta",
                italian_number(p.first_time_groups.into()),
            ),
        ],
        charts: vec![by_call],
    }
}

fn reach(report: &Report) -> Section {
    let in_month = |m: &Month, first: bool| {
        report
            .reach
            .iter()
            .filter(|d| Month::of(d.day) == *m)
            .map(|d| i64::from(if first { d.first_pulls } else { d.pulls }))
            .sum::<i64>()
    };
    let months = report.period.months();
    let daily = |slug, title: &str, measure, first: bool| Dataset {
        slug,
        title: title.into(),
        measure,
        columns: vec![
            "Giorno",
            if first {
                "Prime sincronizzazioni"
            } else {
                "Sincronizzazioni"
            },
        ],
        rows: report
            .reach
            .iter()
            .map(|d| {
                let n = if first { d.first_pulls } else { d.pulls };
                vec![Cell::Text(italian_date(d.day)), Cell::Count(n.into())]
            })
            .collect(),
        bars: months
            .iter()
            .map(|m| (m.label_it(), in_month(m, first)))
            .collect(),
    };
    let total = |first| months.iter().map(|m| in_month(m, first)).sum::<i64>();
    Section {
        title: "Diffusione, senza tracciamento",
        figures: vec![
            ("Sincronizzazioni", italian_number(total(false))),
            ("Installazioni stimate", italian_number(total(true))),
        ],
        charts: vec![
            daily("sincronizzazioni", "Sincronizzazioni al giorno (barre: totale del mese)", "sincronizzazioni per mese", false),
            daily("installazioni", "Installazioni stimate dalle prime sincronizzazioni al giorno (barre: totale del mese)", "prime sincronizzazioni per mese", true),
        ],
    }
}

/// The report's sections, in the order they print.
pub(super) fn sections(report: &Report) -> Vec<Section> {
    vec![
        content(report),
        questions(report),
        proposals(report),
        activity::activity(report),
        reach(report),
    ]
}

/// The chart whose CSV is `slug`.
pub(super) fn dataset(report: &Report, slug: &str) -> Option<Dataset> {
    sections(report)
        .into_iter()
        .flat_map(|s| s.charts)
        .find(|d| d.slug == slug)
}

/// The query that keeps the period and district in every link.
pub(super) fn query_of(period: &Period, district: Option<District>) -> String {
    let mut query = format!("?dal={}&al={}", period.from, period.to);
    if let Some(d) = district {
        query.push_str("&territorio=");
        query.push_str(d.as_ref());
    }
    query
}

/// The period form: what was typed stays, each error beside its field.
fn period_form(
    typed: &[(String, String)],
    errors: &ValidationErrors,
    period: &Period,
    district: Option<District>,
) -> Markup {
    let typed_or = |name: &str, default: String| {
        typed
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(default)
    };
    let field_error = |name: &str| {
        html! { @if let Some(e) = errors.for_field(name) { p.field-error id={ "errore-" (name) } { (e.message) } } }
    };
    let described = |name: &str| errors.for_field(name).map(|_| format!("errore-{name}"));
    html! {
        form.period.filters method="get" action={ (BASE) "/monitoraggio" } {
            div {
                label for="dal" { "Dal" }
                input #dal name="dal" type="date" value=(typed_or("dal", period.from.to_string())) aria-describedby=[described("dal")];
                (field_error("dal"))
            }
            div {
                label for="al" { "Al" }
                input #al name="al" type="date" value=(typed_or("al", period.to.to_string())) aria-describedby=[described("al")];
                (field_error("al"))
            }
            div {
                label for="territorio" { "Territorio (opportunità)" }
                select #territorio name="territorio" aria-describedby=[described("territorio")] {
                    option value="" { "Tutti" }
                    @for d in <District as sito_core::VariantArray>::VARIANTS {
                        option value=(d.as_ref()) selected[district == Some(*d)] { (d.label_it()) }
                    }
                }
                (field_error("territorio"))
            }
            button type="submit" { "Mostra" }
            (field_error("semestre"))
        }
    }
}

pub(super) fn monitoring_page(
    typed: &[(String, String)],
    errors: &ValidationErrors,
    period: &Period,
    district: Option<District>,
    report: Option<&Report>,
) -> Markup {
    let query = query_of(period, district);
    html! {
        style { (PreEscaped(super::charts::STYLE)) }
        h1 { "Monitoraggio" }
        p.hint {
            "Dal " (italian_date(period.from)) " al " (italian_date(period.to))
            @if let Some(d) = district { ", territorio di " (d.label_it()) " (solo per le opportunità)" }
            ". Nessun dato personale: conteggi, e per la diffusione solo il numero di sincronizzazioni al giorno, senza indirizzi né identificativi."
        }
        (period_form(typed, errors, period, district))
        (error_summary(errors))
        @if let Some(report) = report {
            p.exports { a href={ (BASE) "/monitoraggio.json" (query) } download { "Scarica il rapporto completo (JSON)" } }
            @for section in sections(report) {
                section.report aria-labelledby={ "sezione-" (section.charts.first().map_or("", |c| c.slug)) } {
                    h2 id={ "sezione-" (section.charts.first().map_or("", |c| c.slug)) } { (section.title) }
                    div.figures {
                        @for (name, value) in &section.figures { p { strong { (value) } (name) } }
                    }
                    @for chart in &section.charts { (chart.figure(&query)) }
                }
            }
        }
    }
}
