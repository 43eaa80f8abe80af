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

#[cfg(test)]
mod tests {
    use sito_core::{
        appointment::AppointmentTopic,
        monitoring::{
            activity::{
                ActivityFigures, AppointmentCounts, AppointmentFigures, LabCount, LabFigures,
                TopicAppointments,
            },
            ContentFigures, Period, ProposalFigures, QuestionFigures, Report,
        },
    };

    use super::*;

    fn report(activity: ActivityFigures) -> Report {
        Report {
            period: Period::semester(2026, 1).unwrap(),
            district: None,
            content: ContentFigures {
                published: vec![],
                open_at_month_end: vec![],
                guides_updated: 0,
                stale_after_days: 180,
                stale: vec![],
            },
            questions: QuestionFigures {
                received: 0,
                answered: 0,
                declined: 0,
                by_topic: vec![],
                by_body: vec![],
            },
            proposals: ProposalFigures {
                by_call: vec![],
                first_time_groups: 0,
            },
            reach: vec![],
            activity,
        }
    }

    #[test]
    fn the_section_shows_the_rates_and_exports_one_line_per_lab_and_topic() {
        let lab = |title: &str, marked: bool| LabCount {
            lab_id: title.to_lowercase(),
            title: title.into(),
            // 23:30 UTC is already the next day in Italy.
            first_session: sito_core::time::parse("2026-03-01T23:30:00.000Z").unwrap(),
            places_offered: 12,
            confirmed: 6,
            waiting: 2,
            cancelled: false,
            attendance_marked: marked,
            attended: if marked { 5 } else { 0 },
        };
        let section = activity(&report(ActivityFigures {
            labs: LabFigures::new(vec![lab("Colloquio", true), lab("=Fogli", false)]),
            appointments: AppointmentFigures::new(vec![TopicAppointments {
                topic: AppointmentTopic::Cv,
                counts: AppointmentCounts {
                    slots: 4,
                    booked: 3,
                    cancelled: 1,
                    marked: 0,
                    attended: 0,
                    attendance_rate_pct: None,
                },
            }]),
        }));
        let figure = |name: &str| {
            section
                .figures
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        };
        // 5 of 6 is 83.3 %; no appointment's attendance marked: no rate.
        assert_eq!(figure("Posti offerti").as_deref(), Some("24"));
        assert_eq!(figure("Presenza ai laboratori").as_deref(), Some("83%"));
        assert_eq!(figure("Presenza agli appuntamenti").as_deref(), Some("—"));
        let labs = section.charts[0].csv().unwrap();
        let lines: Vec<&str> = labs.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[1], "Colloquio;02/03/2026;12;6;2;no;sì;5;83");
        assert_eq!(lines[2], "'=Fogli;02/03/2026;12;6;2;no;no;0;");
        let topics = section.charts[1].csv().unwrap();
        assert!(topics.ends_with("\r\nCV;4;3;1;0;0;\r\n"), "{topics}");
    }
}
