//! iCalendar (RFC 5545) for opportunities: an event's days, or the day of a deadline, as
//! all-day entries that any phone calendar can import.
//!
//! The `icalendar` crate escapes `\`, `;`, `,` and line feeds in text values, and folds long
//! lines. It writes carriage returns and other control characters as they are, though, so a
//! title with a bare `\r` would start a line of its own in the file, and it lets the last
//! continuation of a folded line reach 76 octets. Text goes through [`one_line`] or
//! [`paragraphs`] before the crate sees it, and the finished file through [`refold`].

use icalendar::{Calendar, Component, Event, EventLike};

use crate::opportunity::{Opportunity, OpportunityKind};

/// The most octets a physical line may have, excluding its line break (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// One opportunity's entries: its dates if it is an event or work camp, and its deadline.
fn push_entries(calendar: &mut Calendar, o: &Opportunity, base_url: &str) {
    let url = one_line(&format!("{base_url}/opportunita/{}", o.id));
    let description = paragraphs(&format!("{}\n\n{}\n\n{url}", o.summary, o.how_to_apply));
    let location = one_line(&o.place_label());
    let title = one_line(&o.title);
    let uid = |entry: &str| one_line(&format!("opportunita-{}-{entry}@sito-giovani", o.id));
    if matches!(o.kind, OpportunityKind::Event | OpportunityKind::WorkCamp) {
        if let Some(start) = o.starts_on {
            let end = o.ends_on.unwrap_or(start).succ_opt().unwrap_or(start);
            calendar.push(
                Event::new()
                    .uid(&uid("evento"))
                    .summary(&title)
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
                .uid(&uid("scadenza"))
                .summary(&format!("Scadenza: {title}"))
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
    refold(&calendar.done().to_string())
}

/// `text` with every line break as `\n`, whichever system typed it (`\r\n`, or a bare `\r`).
fn unix_line_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// `text` for a one-line value (title, place, UID, URL): control characters, line breaks
/// included, become spaces, so nothing in it can end the line early.
pub(crate) fn one_line(text: &str) -> String {
    unix_line_breaks(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` for a description: its line breaks stay, as line feeds that the crate writes as the
/// `\n` escape of RFC 5545; every other control character becomes a space.
pub(crate) fn paragraphs(text: &str) -> String {
    unix_line_breaks(text)
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// `ics` with every content line folded again within [`LINE_OCTETS`], counting the leading
/// space of each continuation, and only ever between two characters.
pub(crate) fn refold(ics: &str) -> String {
    let mut folded = String::with_capacity(ics.len() + ics.len() / LINE_OCTETS * 3);
    for line in ics.replace("\r\n ", "").split_terminator("\r\n") {
        fold_into(&mut folded, line);
    }
    folded
}

/// Appends one content line to `out`, folded, with its closing CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
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
            "2026-11-22T10:00:00.000Z",
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

    /// Reads `ics` as octets, the way a calendar app reads the file, and checks what it relies
    /// on: lines separated by CRLF only, each at most 75 octets and whole UTF-8 (no fold inside
    /// a character).
    fn assert_physical_lines(ics: &str) {
        let body = ics.as_bytes().strip_suffix(b"\r\n").expect("a final CRLF");
        let pieces: Vec<&[u8]> = body.split(|&b| b == b'\n').collect();
        for (i, piece) in pieces.iter().enumerate() {
            let line = if i + 1 < pieces.len() {
                piece.strip_suffix(b"\r").expect("CRLF, not a bare LF")
            } else {
                piece
            };
            let line = std::str::from_utf8(line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.contains('\r'), "a bare CR in {line:?}");
        }
    }

    /// The property names of the content lines (folded continuations joined back).
    fn property_names(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| l.split([':', ';']).next().unwrap_or_default().to_owned())
            .collect()
    }

    fn with_text(title: &str, summary: &str, place: &str) -> String {
        let mut o = event();
        o.title = title.into();
        o.summary = summary.into();
        o.place = place.into();
        calendar([&o], "https://sito.example")
    }

    #[test]
    fn line_breaks_and_control_characters_cannot_start_a_property() {
        for hostile in [
            "Titolo\rX-INJ:1",
            "Titolo\nX-INJ:2",
            "Titolo\r\nX-INJ:3",
            "Titolo\0X-INJ:4\u{7f}\t\u{1b}",
        ] {
            let ics = with_text(hostile, hostile, hostile);
            assert_physical_lines(&ics);
            assert!(
                !property_names(&ics).iter().any(|p| p.starts_with("X-INJ")),
                "{ics:?}"
            );
            assert!(
                !ics.replace("\r\n", "").contains(|c: char| c.is_control()),
                "{ics:?}"
            );
        }
    }

    #[test]
    fn a_title_reads_on_one_line_and_a_description_keeps_its_paragraphs() {
        let ics = with_text(
            "Corso\r\nbase\rserale",
            "Prima riga\r\nseconda\rterza",
            "Cr\0ema",
        )
        .replace("\r\n ", "");
        assert!(ics.contains("SUMMARY:Corso base serale\r\n"), "{ics}");
        assert!(
            ics.contains(r"DESCRIPTION:Prima riga\nseconda\nterza\n\n"),
            "{ics}"
        );
        assert!(ics.contains("LOCATION:Cr ema · Crema\r\n"), "{ics}");
    }

    #[test]
    fn long_accented_text_folds_between_characters_within_75_octets() {
        for unit in ["à", "€", "a€", "aà", "🎉"] {
            for length in 20..120 {
                let title = unit.repeat(length);
                let ics = with_text(&title, &title, "");
                assert_physical_lines(&ics);
                assert!(
                    ics.replace("\r\n ", "")
                        .contains(&format!("SUMMARY:{title}\r\n")),
                    "{ics}"
                );
            }
        }
    }
}
