//! The desk's forms, described once per kind of content: which fields, their Italian labels and
//! widgets. From a description the desk renders the form, turns what was posted into the kind's
//! JSON input, and turns a stored input back into form values.

use serde_json::{Map, Value};
use sito_core::{budget::Cents, ContentKind, ValidationErrors};

/// How a field is typed.
#[derive(Clone, Copy)]
pub enum Widget {
    Text,
    Area,
    Markdown,
    Date,
    Number,
    Url,
    Email,
    /// One of the listed `(value, label)`; `optional` adds an empty choice.
    Select {
        options: fn() -> Vec<(String, &'static str)>,
        optional: bool,
    },
    /// A list of short texts, one per line.
    Lines,
    /// Tutorial steps: title and Markdown body, repeated.
    Steps,
    /// Euro typed Italian-style (`5.000,00`), stored as integer cents.
    Money,
    /// Italian date and time (`datetime-local`), stored as UTC.
    DateTime,
    /// A call's scoring grid: one criterion per line, `name | weight`.
    Criteria,
    /// A lab's modules and sessions: one session per line, `module | start | end | place`, in
    /// Italian time; consecutive lines of the same module make one module.
    Sessions,
    /// A recruiting day's companies: one per line, `Azienda | settore | ruolo (posti); …`.
    Companies,
    /// A recruiting day's interview times on its day, in Italian time (`9:30, 10:00` or
    /// `9:30-12:00 ogni 20`).
    Slots,
}

/// Posted form values by name, in the order they came.
#[derive(Debug, Clone, Default)]
pub struct FormValues(pub Vec<(String, String)>);

impl FormValues {
    pub fn parse(body: &[u8]) -> Self {
        Self(form_urlencoded::parse(body).into_owned().collect())
    }

    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn set(&mut self, name: &str, value: String) {
        self.0.retain(|(k, _)| k != name);
        self.0.push((name.to_owned(), value));
    }

    /// The steps typed into a Steps field (`steps.0.title`, `steps.0.body_md`, …).
    pub fn steps(&self, name: &str) -> Vec<(String, String)> {
        (0..)
            .map_while(|i| {
                let title = format!("{name}.{i}.title");
                let body = format!("{name}.{i}.body_md");
                self.0
                    .iter()
                    .any(|(k, _)| *k == title || *k == body)
                    .then(|| (self.get(&title).to_owned(), self.get(&body).to_owned()))
            })
            .collect()
    }
}

/// The JSON input of `kind` from posted values. Values that cannot be numbers or dates are
/// reported beside their field; what was typed stays in the form.
pub fn to_input(kind: ContentKind, form: &FormValues) -> Result<Value, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut map = Map::new();
    for field in fields(kind) {
        let raw = form.get(field.name).trim();
        let value = match field.widget {
            Widget::Number if raw.is_empty() => Value::Null,
            Widget::Number => match raw.parse::<u16>() {
                Ok(n) => Value::from(n),
                Err(_) => {
                    errors.push(field.name, "not_a_number", "Scrivi un numero intero, per esempio 18.");
                    continue;
                }
            },
            Widget::Date if raw.is_empty() && !field.required => Value::Null,
            Widget::Date => match raw.parse::<chrono::NaiveDate>() {
                Ok(date) => Value::from(date.to_string()),
                Err(_) => {
                    errors.push(field.name, "invalid_date", "Data non valida (AAAA-MM-GG).");
                    continue;
                }
            },
            Widget::Select { optional: true, .. } | Widget::Url | Widget::Email
                if raw.is_empty() =>
            {
                Value::Null
            }
            Widget::Text if raw.is_empty() && !field.required && is_optional_text(kind, field.name) => {
                Value::Null
            }
            Widget::Select { .. } if raw.is_empty() => {
                errors.push(field.name, "required", "Scegli un valore.");
                continue;
            }
            Widget::Money => match Cents::parse(raw) {
                Some(cents) => Value::from(cents.0),
                None => {
                    errors.push(field.name, "not_an_amount", "Importo non valido: scrivi per esempio 5.000,00.");
                    continue;
                }
            },
            Widget::DateTime => match crate::italian_time::rome_to_utc(raw) {
                Some(utc) => Value::from(utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                None => {
                    errors.push(field.name, "invalid_datetime", "Indica data e ora.");
                    continue;
                }
            },
            Widget::Criteria => match criteria(raw) {
                Ok(list) => Value::from(list),
                Err(line) => {
                    errors.push(
                        field.name,
                        "invalid_criterion",
                        format!("Riga {line}: scrivi il criterio, una barra e il peso, per esempio «Innovazione | 20»."),
                    );
                    continue;
                }
            },
            Widget::Sessions => match sessions::to_modules(raw) {
                Ok(modules) => modules,
                Err(line) => {
                    errors.push(
                        field.name,
                        "invalid_session",
                        format!("Riga {line}: scrivi modulo | inizio | fine | luogo o link, per esempio «Il colloquio | 2027-01-12 17:00 | 19:30 | Informagiovani, via Palestro 11»."),
                    );
                    continue;
                }
            },
            Widget::Companies => match companies::to_companies(raw) {
                Ok(list) => list,
                Err(message) => {
                    errors.push(field.name, "invalid_company", message);
                    continue;
                }
            },
            Widget::Slots => match companies::to_slots(raw, form.get("starts_at").trim()) {
                Ok(list) => list,
                Err(message) => {
                    errors.push(field.name, "invalid_slot", message);
                    continue;
                }
            },
            Widget::Lines => Value::from(
                raw.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(Value::from)
                    .collect::<Vec<_>>(),
            ),
            Widget::Steps => Value::from(
                form.steps(field.name)
                    .into_iter()
                    .filter(|(t, b)| !t.trim().is_empty() || !b.trim().is_empty())
                    .map(|(title, body_md)| serde_json::json!({ "title": title, "body_md": body_md }))
                    .collect::<Vec<_>>(),
            ),
            _ => Value::from(form.get(field.name)),
        };
        map.insert(field.name.to_owned(), value);
    }
    errors.into_result(Value::Object(map))
}

/// `name | weight` lines → criteria; `Err` carries the first unreadable line (from 1).
fn criteria(raw: &str) -> Result<Vec<Value>, usize> {
    raw.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let (name, weight) = line.rsplit_once('|').ok_or(i + 1)?;
            let weight: u8 = weight
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse()
                .map_err(|_| i + 1)?;
            Ok(serde_json::json!({ "name": name.trim(), "weight": weight }))
        })
        .collect()
}

/// Optional texts that the input models as `Option<String>` (empty means absent).
fn is_optional_text(kind: ContentKind, name: &str) -> bool {
    matches!(
        (kind, name),
        (ContentKind::Organisation, "phone") | (ContentKind::Answer, "nickname")
    )
}

/// Form values from a stored input, for editing it.
pub fn from_input(kind: ContentKind, input: &Value) -> FormValues {
    let mut form = FormValues::default();
    for field in fields(kind) {
        let value = input.get(field.name).unwrap_or(&Value::Null);
        match field.widget {
            Widget::Lines => {
                let lines: Vec<&str> = value
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                form.set(field.name, lines.join("\n"));
            }
            Widget::Money => form.set(
                field.name,
                value
                    .as_i64()
                    .map(|c| Cents(c).to_string().trim_end_matches(" €").to_owned())
                    .unwrap_or_default(),
            ),
            Widget::DateTime => form.set(
                field.name,
                value
                    .as_str()
                    .and_then(|t| t.parse().ok())
                    .map(crate::italian_time::rome_input)
                    .unwrap_or_default(),
            ),
            Widget::Criteria => {
                let lines: Vec<String> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| {
                        format!(
                            "{} | {}",
                            c.get("name").and_then(Value::as_str).unwrap_or_default(),
                            c.get("weight").and_then(Value::as_u64).unwrap_or_default()
                        )
                    })
                    .collect();
                form.set(field.name, lines.join("\n"));
            }
            Widget::Sessions => form.set(field.name, sessions::to_lines(value)),
            Widget::Companies => form.set(field.name, companies::to_lines(value)),
            Widget::Slots => form.set(field.name, companies::slots_text(value)),
            Widget::Steps => {
                for (i, step) in value.as_array().into_iter().flatten().enumerate() {
                    for part in ["title", "body_md"] {
                        let text = step.get(part).and_then(Value::as_str).unwrap_or_default();
                        form.set(&format!("{}.{i}.{part}", field.name), text.to_owned());
                    }
                }
            }
            _ => form.set(
                field.name,
                match value {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                },
            ),
        }
    }
    form
}

mod companies;
mod fields;
mod sessions;

pub use companies::{slots_text, to_lines as companies_text};
pub use fields::{fields, topics, Field};
pub use sessions::to_lines as sessions_text;

#[cfg(test)]
mod tests;
