//! A lab's `.ics`: one entry per session, with its time (UTC in the file; every calendar shows
//! it in its own zone), its place or link, and the lab's page.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::{one_line, paragraphs, refold};
use crate::lab::Lab;

/// A calendar with every session of `lab`.
pub fn calendar(lab: &Lab, base_url: &str) -> String {
    let url = one_line(&format!("{base_url}/laboratori/{}", lab.id));
    let mut calendar = Calendar::new();
    calendar.name(&one_line(&lab.title));
    for (i, (module, session)) in lab.sessions().enumerate() {
        let description = paragraphs(&format!(
            "{}\n\n{}\nOrganizza: {}\n\n{url}",
            module.title, lab.summary, lab.organiser
        ));
        let mut event = Event::new();
        event
            .uid(&one_line(&format!(
                "laboratorio-{}-{i}@sito-giovani",
                lab.id
            )))
            .summary(&one_line(&format!("{} · {}", lab.title, module.title)))
            .description(&description)
            .url(&url)
            .starts(session.starts_at)
            .ends(session.ends_at);
        if session.is_online() {
            event.location(&one_line(&format!("Online: {}", session.place)));
        } else {
            event.location(&one_line(&session.place));
        }
        if lab.cancelled {
            event.status(icalendar::EventStatus::Cancelled);
        }
        calendar.push(event.done());
    }
    refold(&calendar.done().to_string())
}
