//! iCalendar (RFC 5545) for opportunities: an event's days, or the day of a deadline, as
//! all-day entries that any phone calendar can import.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::opportunity::{Opportunity, OpportunityKind};

/// One opportunity's entries: its dates if it is an event or work camp, and its deadline.
fn push_entries(calendar: &mut Calendar, o: &Opportunity, base_url: &str) {
    let url = format!("{base_url}/opportunita/{}", o.id);
    let description = format!("{}\n\n{}\n\n{url}", o.summary, o.how_to_apply);
    let location = o.place_label();
    if matches!(o.kind, OpportunityKind::Event | OpportunityKind::WorkCamp) {
        if let Some(start) = o.starts_on {
            let end = o.ends_on.unwrap_or(start).succ_opt().unwrap_or(start);
            calendar.push(
                Event::new()
                    .uid(&format!("opportunita-{}-evento@sito-giovani", o.id))
                    .summary(&o.title)
                    .description(&description)
                    .location(&location)
                    .url(&url)
                    .all_day(start)
                    .ends(end)
                    .done(),
            );
        }
    }
    if let Some(deadline) = o.deadline {
        calendar.push(
            Event::new()
                .uid(&format!("opportunita-{}-scadenza@sito-giovani", o.id))
                .summary(&format!("Scadenza: {}", o.title))
                .description(&description)
                .location(&location)
                .url(&url)
                .all_day(deadline)
                .done(),
        );
    }
}

/// A calendar with the entries of every given opportunity.
pub fn calendar<'a>(items: impl IntoIterator<Item = &'a Opportunity>, base_url: &str) -> String {
    let mut calendar = Calendar::new();
    calendar.name("SI.T.O. Giovani: scadenze ed eventi");
    for o in items {
        push_entries(&mut calendar, o, base_url);
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::{
        opportunity::fixtures::{input, publish},
        OpportunityInput,
    };

    fn event() -> Opportunity {
        publish(
            "job-day-cremona",
            OpportunityInput {
                kind: OpportunityKind::Event,
                title: "Job Day Cremona".into(),
                starts_on: NaiveDate::from_ymd_opt(2027, 3, 10),
                ends_on: None,
                deadline: NaiveDate::from_ymd_opt(2027, 3, 1),
                ..input()
            },
            "",
        )
    }

    #[test]
    fn an_event_has_its_day_and_its_deadline() {
        let ics = calendar([&event()], "https://sito.example").replace("\r\n ", "");
        assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
        assert!(ics.contains("SUMMARY:Job Day Cremona"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20270310"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20270311"), "{ics}");
        assert!(ics.contains("SUMMARY:Scadenza: Job Day Cremona"), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20270301"), "{ics}");
        assert!(
            ics.contains("UID:opportunita-job-day-cremona-scadenza@sito-giovani"),
            "{ics}"
        );
        assert!(
            ics.contains("URL:https://sito.example/opportunita/job-day-cremona"),
            "{ics}"
        );
    }

    #[test]
    fn text_is_escaped_so_commas_and_semicolons_survive() {
        let mut o = event();
        o.title = "Corso; base, avanzato".into();
        let ics = calendar([&o], "").replace("\r\n ", "");
        assert!(ics.contains(r"SUMMARY:Corso\; base\, avanzato"), "{ics}");
    }
}
