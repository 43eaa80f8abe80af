//! A lab's modules and sessions as the desk types them: one session per line,
//! `module | start | end | place or link`, times in Italian time (`2027-01-12 17:00`, the end
//! also as `19:30` on the same day). Consecutive lines of the same module make one module.

use serde_json::{json, Value};

use crate::italian_time::{rome_input, rome_to_utc};

fn utc_text(local: &str) -> Option<String> {
    let at = rome_to_utc(&local.trim().replacen(' ', "T", 1))?;
    Some(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// The modules of the typed lines; `Err` carries the first unreadable line (from 1).
pub fn to_modules(raw: &str) -> Result<Value, usize> {
    let mut modules: Vec<(String, Vec<Value>)> = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.splitn(4, '|').map(str::trim).collect();
        let [module, start, end, place] = parts.as_slice() else {
            return Err(i + 1);
        };
        let starts_at = utc_text(start).ok_or(i + 1)?;
        let day = start.split_whitespace().next().unwrap_or_default();
        let end = if end.contains(' ') {
            (*end).to_owned()
        } else {
            format!("{day} {end}")
        };
        let ends_at = utc_text(&end).ok_or(i + 1)?;
        let session = json!({ "starts_at": starts_at, "ends_at": ends_at, "place": place });
        match modules.last_mut() {
            Some((title, sessions)) if title == module => sessions.push(session),
            _ => modules.push(((*module).to_owned(), vec![session])),
        }
    }
    Ok(Value::from(
        modules
            .into_iter()
            .map(|(title, sessions)| json!({ "title": title, "sessions": sessions }))
            .collect::<Vec<_>>(),
    ))
}

/// The typed lines of stored modules (times back in Italian time).
pub fn to_lines(modules: &Value) -> String {
    let local = |v: &Value| {
        v.as_str()
            .and_then(|t| sito_core::time::parse(t).ok())
            .map(|t| rome_input(t).replacen('T', " ", 1))
            .unwrap_or_default()
    };
    let mut lines = Vec::new();
    for module in modules.as_array().into_iter().flatten() {
        let title = module
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default();
        for s in module
            .get("sessions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let start = local(&s["starts_at"]);
            let end = local(&s["ends_at"]);
            let end = match (start.split_once(' '), end.split_once(' ')) {
                (Some((d1, _)), Some((d2, time))) if d1 == d2 => time.to_owned(),
                _ => end,
            };
            let place = s.get("place").and_then(Value::as_str).unwrap_or_default();
            lines.push(format!("{title} | {start} | {end} | {place}"));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_modules_in_utc_and_come_back_in_italian_time() {
        let typed = "Comunicare | 2027-01-12 17:00 | 19:30 | Sala A\n\
                     Comunicare | 2027-01-19 17:00 | 19:30 | Sala A\n\
                     Colloquio | 2027-07-01 17:00 | 2027-07-01 19:00 | https://meet.example.org/x";
        let modules = to_modules(typed).unwrap();
        assert_eq!(modules.as_array().unwrap().len(), 2);
        assert_eq!(
            modules[0]["sessions"][0]["starts_at"],
            "2027-01-12T16:00:00Z"
        );
        assert_eq!(modules[0]["sessions"][0]["ends_at"], "2027-01-12T18:30:00Z");
        assert_eq!(
            modules[1]["sessions"][0]["starts_at"],
            "2027-07-01T15:00:00Z"
        );
        let back = to_lines(&modules);
        assert_eq!(
            back.lines().next(),
            Some("Comunicare | 2027-01-12 17:00 | 19:30 | Sala A")
        );
        assert_eq!(to_modules(&back).unwrap(), modules);
        assert_eq!(to_modules("Comunicare | domani | 19:30 | Sala A"), Err(1));
        assert_eq!(to_modules("\nsolo testo"), Err(2));
    }
}
