//! "Aggiungi al calendario" for a booked appointment: one timed entry (UTC), with the place, the
//! topic and the code to show at the desk.

use icalendar::{Calendar, Component, Event, EventLike};

use super::Slot;
use crate::calendar::{one_line, paragraphs, refold};

/// The `.ics` of one booking of `slot`, whose code is `code`.
pub fn calendar(slot: &Slot, code: &str, base_url: &str) -> String {
    let url = one_line(&format!("{base_url}/appuntamenti"));
    let description = paragraphs(&format!(
        "Appuntamento allo sportello: {}.\nCodice della prenotazione: {code}\nPer annullarlo: {url}",
        slot.topic.label_it()
    ));
    let mut calendar = Calendar::new();
    calendar.push(
        Event::new()
            .uid(&one_line(&format!("appuntamento-{}@sito-giovani", slot.id)))
            .summary(&one_line(&format!("Sportello: {}", slot.topic.label_it())))
            .description(&description)
            .location(&one_line(&format!(
                "{}: {}",
                slot.mode.label_it(),
                slot.place
            )))
            .url(&url)
            .starts(slot.starts_at)
            .ends(slot.ends_at)
            .done(),
    );
    refold(&calendar.done().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::appointment::{AppointmentTopic, Mode};

    #[test]
    fn a_booking_is_one_timed_entry_with_its_place_and_code() {
        let starts_at = crate::time::parse("2027-03-16T08:30:00Z").unwrap();
        let slot = Slot {
            id: "serie-1-1".into(),
            topic: AppointmentTopic::StartingABusiness,
            starts_at,
            ends_at: starts_at + chrono::Duration::minutes(30),
            mode: Mode::InPerson,
            place: "Informagiovani, via Palestro 11; Cremona".into(),
            cutoff_hours: 24,
        };
        let ics = calendar(&slot, "APP-ABCD-EFGH", "https://sito.example");
        assert!(ics.contains("DTSTART:20270316T083000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20270316T090000Z\r\n"));
        assert!(ics.contains("SUMMARY:Sportello: Avviare un'impresa\r\n"));
        assert!(ics.contains("LOCATION:In presenza: Informagiovani\\, via Palestro 11\\; Cremona"));
        assert!(ics.replace("\r\n ", "").contains("APP-ABCD-EFGH"));
        assert!(ics.lines().all(|l| l.len() <= 75));
    }
}
