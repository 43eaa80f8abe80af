//! The report's "Laboratori e appuntamenti": the labs whose first session falls in the period
//! (places offered and taken, waiting lists, cancelled labs, attendance) and the desk's
//! appointment slots of the period by topic.

use sito_core::monitoring::{italian_date, italian_number, Report};

use super::super::charts::{Cell, Dataset};
use super::Section;

fn rate(pct: Option<u32>) -> String {
    pct.map_or_else(|| "—".to_owned(), |p| format!("{p}%"))
}

fn yes_no(yes: bool) -> Cell {
    Cell::Text(if yes { "sì" } else { "no" }.into())
}

pub(super) fn activity(report: &Report) -> Section {
    let labs = &report.activity.labs;
    let appointments = &report.activity.appointments;
    let lab_totals = [
        ("Posti offerti", labs.total.places_offered),
        ("Posti occupati", labs.total.confirmed),
        ("In lista d'attesa", labs.total.waiting),
        ("Presenti", labs.total.attended),
    ];
    let by_lab = Dataset {
        slug: "laboratori",
        title: "Laboratori con il primo incontro nel periodo: posti, iscritti e presenze".into(),
        measure: "posti dei laboratori",
        columns: vec![
            "Laboratorio",
            "Primo incontro",
            "Posti offerti",
            "Posti occupati",
            "In lista d'attesa",
            "Annullato",
            "Presenze segnate",
            "Presenti",
            "Tasso di presenza (%)",
        ],
        rows: labs
            .labs
            .iter()
            .map(|lab| {
                let day = lab
                    .first_session
                    .with_timezone(&chrono_tz::Europe::Rome)
                    .date_naive();
                vec![
                    Cell::Text(lab.title.clone()),
                    Cell::Text(italian_date(day)),
                    Cell::Count(lab.places_offered.into()),
                    Cell::Count(lab.confirmed.into()),
                    Cell::Count(lab.waiting.into()),
                    yes_no(lab.cancelled),
                    yes_no(lab.attendance_marked),
                    Cell::Count(lab.attended.into()),
                    Cell::Percent(lab.attendance_rate()),
                ]
            })
            .collect(),
        bars: lab_totals
            .iter()
            .map(|(name, n)| ((*name).into(), (*n).into()))
            .collect(),
    };
    let by_topic = Dataset {
        slug: "appuntamenti",
        title: "Appuntamenti allo sportello per tema: offerti, prenotati, annullati e presenze"
            .into(),
        measure: "appuntamenti prenotati per tema",
        columns: vec![
            "Tema",
            "Appuntamenti offerti",
            "Prenotati",
            "Prenotazioni annullate",
            "Presenze segnate",
            "Presenti",
            "Tasso di presenza (%)",
        ],
        rows: appointments
            .by_topic
            .iter()
            .map(|t| {
                vec![
                    Cell::Text(t.topic.label_it().into()),
                    Cell::Count(t.counts.slots.into()),
                    Cell::Count(t.counts.booked.into()),
                    Cell::Count(t.counts.cancelled.into()),
                    Cell::Count(t.counts.marked.into()),
                    Cell::Count(t.counts.attended.into()),
                    Cell::Percent(t.counts.attendance_rate_pct),
                ]
            })
            .collect(),
        bars: appointments
            .by_topic
            .iter()
            .map(|t| (t.topic.label_it().into(), t.counts.booked.into()))
            .collect(),
    };
    let count = |n: u32| italian_number(n.into());
    Section {
        title: "Laboratori e appuntamenti",
        figures: vec![
            ("Laboratori", count(labs.total.labs)),
            ("Posti offerti", count(labs.total.places_offered)),
            ("Posti occupati", count(labs.total.confirmed)),
            ("In lista d'attesa", count(labs.total.waiting)),
            ("Laboratori annullati", count(labs.total.cancelled_labs)),
            (
                "Presenza ai laboratori",
                rate(labs.total.attendance_rate_pct),
            ),
            ("Appuntamenti offerti", count(appointments.total.slots)),
            ("Appuntamenti prenotati", count(appointments.total.booked)),
            (
                "Prenotazioni annullate",
                count(appointments.total.cancelled),
            ),
            (
                "Presenza agli appuntamenti",
                rate(appointments.total.attendance_rate_pct),
            ),
        ],
        charts: vec![by_lab, by_topic],
    }
}
