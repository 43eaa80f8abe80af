//! A recruiting day's `.ics`: one entry for the day, with its time (UTC in the file; every
//! calendar shows it in its own zone), its address, the companies and their open roles, and
//! the day's page.

use icalendar::{Calendar, Component, Event, EventLike};

use crate::calendar::{one_line, paragraphs, refold};
use crate::recruiting::RecruitingDay;

/// The day's page, as the calendar entry and the JSON-LD name it.
pub fn page_url(base_url: &str, id: &str) -> String {
    format!("{base_url}/recruiting-day/{id}")
}

/// A calendar with the day as one entry.
pub fn calendar(day: &RecruitingDay, base_url: &str) -> String {
    let url = one_line(&page_url(base_url, &day.id));
    let companies: Vec<String> = day
        .companies
        .iter()
        .map(|c| {
            let roles: Vec<String> = c
                .roles
                .iter()
                .map(|r| format!("{} ({})", r.title, r.positions))
                .collect();
            format!("- {}: {}", c.name, roles.join(", "))
        })
        .collect();
    let description = paragraphs(&format!(
        "{}\n\nAziende e ruoli aperti (posti):\n{}\n\nOrganizza: {}\n\n{url}",
        day.summary,
        companies.join("\n"),
        day.organiser
    ));
    let mut calendar = Calendar::new();
    calendar.name(&one_line(&day.title));
    calendar.push(
        Event::new()
            .uid(&one_line(&format!(
                "recruiting-day-{}@sito-giovani",
                day.id
            )))
            .summary(&one_line(&day.title))
            .description(&description)
            .location(&one_line(&day.place))
            .url(&url)
            .starts(day.starts_at)
            .ends(day.ends_at)
            .done(),
    );
    refold(&calendar.done().to_string())
}
