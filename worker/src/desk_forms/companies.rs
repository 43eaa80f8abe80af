//! A recruiting day's companies and interview times as the desk types them.
//!
//! Companies: one per line, `Azienda | settore | ruolo (posti); ruolo (posti)`, the sector
//! optional (a word of its Italian name: «ristorazione», «logistica»), each role with its
//! positions in brackets and, if wanted, a description after a colon:
//! `Cameriere/a di sala (3): turni serali; Aiuto cuoco/a (1)`.
//!
//! Interview times: start times on the day, in Italian time, separated by commas, spaces or
//! lines (`9:30, 10:00`), or a range with its step in minutes (`9:30-12:00 ogni 20`).

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde_json::{json, Value};
use sito_core::{matching::Sector, VariantArray};

use crate::italian_time::{rome_input, rome_to_utc};

/// The sector named by `typed` (its serde name, its Italian name or a word of it).
fn sector(typed: &str) -> Option<Sector> {
    let typed = typed.trim().to_lowercase();
    Sector::VARIANTS.iter().copied().find(|s| {
        let label = s.label_it();
        typed == s.as_ref()
            || typed == label
            || label
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word.len() > 2 && word == typed)
    })
}

/// `Cameriere/a di sala (3): turni serali` → a role; `None` without its positions.
fn role(text: &str) -> Option<Value> {
    let (head, description) = match text.split_once("):") {
        Some((head, rest)) => (format!("{head})"), rest.trim().to_owned()),
        None => (text.trim().to_owned(), String::new()),
    };
    let head = head.trim();
    let open = head.rfind('(')?;
    let inside = head[open + 1..].strip_suffix(')')?;
    let positions: u16 = inside
        .trim()
        .trim_end_matches("posti")
        .trim_end_matches("posto")
        .trim()
        .parse()
        .ok()?;
    Some(json!({
        "title": head[..open].trim(),
        "description": description,
        "positions": positions,
    }))
}

/// The companies of the typed lines; `Err` says which line (from 1, blank ones not counted)
/// and what is wrong with it.
pub fn to_companies(raw: &str) -> Result<Value, String> {
    let mut companies = Vec::new();
    // Lines are counted as the companies are (blank ones skipped), so that a message about
    // «riga 2» after publishing points at the same line.
    for (i, line) in raw.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let n = i + 1;
        let parts: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
        let [name, typed_sector, roles] = parts.as_slice() else {
            return Err(format!(
                "Riga {n}: scrivi azienda | settore | ruoli, per esempio «Trattoria del Po | ristorazione | Cameriere/a di sala (3); Aiuto cuoco/a (1)»."
            ));
        };
        let sector = if typed_sector.is_empty() {
            Value::Null
        } else {
            match sector(typed_sector) {
                Some(s) => json!(s),
                None => {
                    let known: Vec<&str> = Sector::VARIANTS.iter().map(|s| s.label_it()).collect();
                    return Err(format!(
                        "Riga {n}: settore «{typed_sector}» sconosciuto. Lascialo vuoto o scegli tra: {}.",
                        known.join(", ")
                    ));
                }
            }
        };
        let mut list = Vec::new();
        for text in roles.split(';').filter(|r| !r.trim().is_empty()) {
            list.push(role(text).ok_or_else(|| {
                format!(
                    "Riga {n}: indica i posti tra parentesi dopo il ruolo «{}», per esempio «Magazziniere/a (2)».",
                    text.trim()
                )
            })?);
        }
        companies.push(json!({ "name": name, "sector": sector, "roles": list }));
    }
    Ok(Value::from(companies))
}

/// The typed lines of stored companies.
pub fn to_lines(companies: &Value) -> String {
    let text = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut lines = Vec::new();
    for company in companies.as_array().into_iter().flatten() {
        let sector = company
            .get("sector")
            .and_then(|s| serde_json::from_value::<Sector>(s.clone()).ok())
            .map_or("", |s| s.label_it());
        let roles: Vec<String> = company
            .get("roles")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|r| {
                let positions = r.get("positions").and_then(Value::as_u64).unwrap_or(0);
                let description = text(r, "description");
                if description.is_empty() {
                    format!("{} ({positions})", text(r, "title"))
                } else {
                    format!("{} ({positions}): {description}", text(r, "title"))
                }
            })
            .collect();
        lines.push(format!(
            "{} | {sector} | {}",
            text(company, "name"),
            roles.join("; ")
        ));
    }
    lines.join("\n")
}

fn time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().replace('.', ":");
    NaiveTime::parse_from_str(&text, "%H:%M").ok()
}

/// The interview times typed for the day that starts at `starts_at` (the form's
/// `datetime-local` value), as UTC texts; `Err` says what is wrong.
pub fn to_slots(raw: &str, starts_at: &str) -> Result<Value, String> {
    if raw.trim().is_empty() {
        return Ok(Value::from(Vec::<Value>::new()));
    }
    let day: NaiveDate = starts_at
        .split('T')
        .next()
        .and_then(|d| d.parse().ok())
        .ok_or("Indica prima la data e l'ora di inizio della giornata.")?;
    let mut times = Vec::new();
    for line in raw.lines() {
        let line = line.trim();
        if let Some((range, step)) = line.split_once("ogni") {
            let (from, to) = range.split_once('-').ok_or(format!(
                "«{line}»: scrivi un intervallo come «9:30-12:00 ogni 20»."
            ))?;
            let (from, to) = time(from)
                .zip(time(to))
                .ok_or(format!("«{line}»: scrivi gli orari come 9:30."))?;
            let step: i64 = step
                .trim()
                .trim_end_matches("minuti")
                .trim_end_matches("min")
                .trim()
                .parse()
                .ok()
                .filter(|m| (5..=240).contains(m))
                .ok_or(format!("«{line}»: ogni quanti minuti? Da 5 a 240."))?;
            let mut at = from;
            while at < to && times.len() <= sito_core::recruiting::MAX_SLOTS {
                times.push(at);
                at += chrono::Duration::minutes(step);
                if at.num_seconds_from_midnight() < from.num_seconds_from_midnight() {
                    break;
                }
            }
            continue;
        }
        for word in line
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            times.push(time(word).ok_or(format!(
                "«{word}» non è un orario: scrivi per esempio 9:30, 10:00."
            ))?);
        }
    }
    let texts: Option<Vec<Value>> = times
        .into_iter()
        .map(|t| {
            rome_to_utc(&day.and_time(t).format("%Y-%m-%dT%H:%M").to_string())
                .map(|utc| Value::from(utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)))
        })
        .collect();
    texts
        .map(Value::from)
        .ok_or_else(|| "Un orario non esiste in ora italiana (cambio dell'ora).".to_owned())
}

/// The typed times of stored slots, in Italian time: `09:30, 10:00`.
pub fn slots_text(slots: &Value) -> String {
    slots
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().and_then(|t| sito_core::time::parse(t).ok()))
        .map(|t| {
            rome_input(t)
                .split_once('T')
                .map(|(_, hm)| hm.to_owned())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_lines_become_companies_and_come_back() {
        let typed = "Trattoria del Po | ristorazione | Cameriere/a di sala (3): turni serali; Aiuto cuoco/a (1 posto)\n\n\
                     Logistica Padana |  | Magazziniere/a (5)";
        let companies = to_companies(typed).unwrap();
        assert_eq!(companies[0]["name"], "Trattoria del Po");
        assert_eq!(companies[0]["sector"], "hospitality");
        assert_eq!(companies[0]["roles"][0]["title"], "Cameriere/a di sala");
        assert_eq!(companies[0]["roles"][0]["description"], "turni serali");
        assert_eq!(companies[0]["roles"][1]["positions"], 1);
        assert_eq!(companies[1]["sector"], Value::Null);
        assert_eq!(companies[1]["roles"][0]["positions"], 5);
        let back = to_lines(&companies);
        assert_eq!(
            back,
            "Trattoria del Po | ristorazione e turismo | Cameriere/a di sala (3): turni serali; Aiuto cuoco/a (1)\n\
             Logistica Padana |  | Magazziniere/a (5)"
        );
        assert_eq!(to_companies(&back).unwrap(), companies);
    }

    #[test]
    fn a_line_without_positions_or_with_an_unknown_sector_is_named() {
        let e = to_companies("Azienda | | Cuoco").unwrap_err();
        assert!(e.starts_with("Riga 1: indica i posti"), "{e}");
        let e = to_companies("\nAzienda | astronautica | Cuoco (1)").unwrap_err();
        assert!(
            e.starts_with("Riga 1: settore «astronautica» sconosciuto"),
            "{e}"
        );
        let e = to_companies("Solo un nome").unwrap_err();
        assert!(
            e.starts_with("Riga 1: scrivi azienda | settore | ruoli"),
            "{e}"
        );
    }

    #[test]
    fn interview_times_are_read_on_the_day_in_italian_time() {
        let slots = to_slots("9:30, 10:00\n10.30", "2027-03-18T09:00").unwrap();
        assert_eq!(
            slots,
            json!([
                "2027-03-18T08:30:00Z",
                "2027-03-18T09:00:00Z",
                "2027-03-18T09:30:00Z"
            ])
        );
        let range = to_slots("9:00-10:00 ogni 20", "2027-07-01T09:00").unwrap();
        assert_eq!(
            range,
            json!([
                "2027-07-01T07:00:00Z",
                "2027-07-01T07:20:00Z",
                "2027-07-01T07:40:00Z"
            ])
        );
        assert_eq!(slots_text(&slots), "09:30, 10:00, 10:30");
        assert_eq!(to_slots("", "").unwrap(), json!([]));
        assert!(to_slots("9:30", "").is_err());
        assert!(to_slots("nove", "2027-03-18T09:00")
            .unwrap_err()
            .contains("«nove»"));
    }
}
