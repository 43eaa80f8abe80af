//! The desk's forms, described once per kind of content: which fields, their Italian labels and
//! widgets. From a description the desk renders the form, turns what was posted into the kind's
//! JSON input, and turns a stored input back into form values.

use serde_json::{Map, Value};
use sito_core::{
    budget::Cents, call::Eligible, guide::GuideArea, opportunity::District,
    organisation::OrganisationCategory, question::Topic, ContentKind, OpportunityKind,
    ValidationErrors,
};

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
}

pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub widget: Widget,
    pub required: bool,
    pub hint: &'static str,
}

const fn field(name: &'static str, label: &'static str, widget: Widget, required: bool) -> Field {
    Field {
        name,
        label,
        widget,
        required,
        hint: "",
    }
}

const fn hinted(field: Field, hint: &'static str) -> Field {
    Field { hint, ..field }
}

fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn opportunity_kinds() -> Vec<(String, &'static str)> {
    OpportunityKind::ALL
        .into_iter()
        .map(|k| (serde_name(k), k.label_it()))
        .collect()
}

fn districts() -> Vec<(String, &'static str)> {
    District::ALL
        .into_iter()
        .map(|d| (serde_name(d), d.label_it()))
        .collect()
}

fn guide_areas() -> Vec<(String, &'static str)> {
    GuideArea::ALL
        .into_iter()
        .map(|a| {
            let label = match a {
                GuideArea::JobSearch => "Ricerca del lavoro",
                GuideArea::Information => "Informazioni",
                GuideArea::Professions => "Aree professionali",
            };
            (serde_name(a), label)
        })
        .collect()
}

fn categories() -> Vec<(String, &'static str)> {
    OrganisationCategory::ALL
        .into_iter()
        .map(|c| {
            let label = match c {
                OrganisationCategory::EmploymentCentre => "Centro per l'Impiego",
                OrganisationCategory::Informagiovani => "Informagiovani",
                OrganisationCategory::Training => "Formazione",
                OrganisationCategory::Union => "Sindacato",
                OrganisationCategory::EmployerAssociation => "Associazione di categoria",
                OrganisationCategory::VolunteeringCentre => "Centro servizi per il volontariato",
                OrganisationCategory::SocialCooperative => "Cooperativa sociale",
                OrganisationCategory::PublicService => "Servizio pubblico",
                OrganisationCategory::SchoolUniversity => "Scuola e università",
            };
            (serde_name(c), label)
        })
        .collect()
}

fn eligibles() -> Vec<(String, &'static str)> {
    Eligible::ALL
        .into_iter()
        .map(|e| (serde_name(e), e.label_it()))
        .collect()
}

pub fn topics() -> Vec<(String, &'static str)> {
    Topic::ALL
        .into_iter()
        .map(|t| (t.as_str().to_owned(), t.label_it()))
        .collect()
}

const MARKDOWN_HINT: &str = "Markdown: **grassetto**, _corsivo_, elenchi con «-», titoli con «##», link [testo](https://…).";

/// The fields of `kind`'s input, in the order the form shows them.
pub fn fields(kind: ContentKind) -> Vec<Field> {
    use Widget::*;
    let select = |options, optional| Select { options, optional };
    match kind {
        ContentKind::Opportunity => vec![
            field("kind", "Tipo", select(opportunity_kinds, false), true),
            field("title", "Titolo", Text, true),
            field("organisation", "Ente o azienda", Text, true),
            field("district", "Territorio", select(districts, false), true),
            hinted(field("place", "Luogo", Text, false), "Comune o indirizzo; vuoto se online."),
            hinted(field("summary", "Sintesi", Area, true), "Una o due frasi: compare negli elenchi."),
            hinted(field("description_md", "Descrizione", Markdown, true), MARKDOWN_HINT),
            field("age_min", "Età minima", Number, false),
            field("age_max", "Età massima", Number, false),
            field("starts_on", "Inizio", Date, false),
            field("ends_on", "Fine", Date, false),
            hinted(field("deadline", "Scadenza", Date, false), "Vuoto se sempre aperta."),
            field("how_to_apply", "Come candidarsi", Area, true),
            field("source_url", "Fonte (indirizzo web)", Url, false),
        ],
        ContentKind::Guide => vec![
            field("area", "Area", select(guide_areas, false), true),
            field("title", "Titolo", Text, true),
            field("summary", "Sintesi", Area, true),
            hinted(field("body_md", "Testo", Markdown, true), MARKDOWN_HINT),
            hinted(
                field("steps", "Passi del tutorial", Steps, false),
                "Facoltativi: ogni passo ha un titolo e un testo. I passi vuoti non vengono salvati.",
            ),
        ],
        ContentKind::News => vec![
            field("title", "Titolo", Text, true),
            field("summary", "Sintesi", Area, true),
            hinted(field("body_md", "Testo", Markdown, true), MARKDOWN_HINT),
            field("published_on", "Data della notizia", Date, true),
            field("district", "Territorio", select(districts, true), false),
        ],
        ContentKind::Organisation => vec![
            field("category", "Categoria", select(categories, false), true),
            field("name", "Nome", Text, true),
            field("district", "Territorio", select(districts, false), true),
            field("town", "Comune", Text, true),
            field("address", "Indirizzo", Text, true),
            hinted(field("description_md", "Descrizione", Markdown, false), MARKDOWN_HINT),
            hinted(field("services", "Servizi", Lines, false), "Un servizio per riga."),
            field("hours", "Orari", Text, false),
            field("phone", "Telefono", Text, false),
            field("email", "E-mail", Email, false),
            field("website", "Sito web", Url, false),
        ],
        ContentKind::Answer => vec![
            field("topic", "Argomento", select(topics, false), true),
            hinted(
                field("question", "Domanda (come sarà pubblicata)", Area, true),
                "Togli nomi e dati personali prima di pubblicare.",
            ),
            field("nickname", "Nome di fantasia", Text, false),
            hinted(field("answer_md", "Risposta", Markdown, true), MARKDOWN_HINT),
            hinted(
                field("answered_by", "Risponde", Text, true),
                "L'ente che firma la risposta, per esempio «Centro per l'Impiego di Crema».",
            ),
            field("asked_on", "Data della domanda", Date, true),
        ],
        ContentKind::Call => vec![
            field("title", "Titolo del bando", Text, true),
            hinted(field("summary", "Sintesi", Area, true), "Una o due frasi: compare negli elenchi."),
            hinted(field("description_md", "Descrizione", Markdown, true), MARKDOWN_HINT),
            field("eligible", "Chi può partecipare", select(eligibles, false), true),
            field("age_min", "Età minima dei giovani", Number, true),
            field("age_max", "Età massima dei giovani", Number, true),
            hinted(
                field("district", "Territorio", select(districts, true), false),
                "Vuoto: tutta la provincia.",
            ),
            hinted(field("ceiling", "Contributo massimo per progetto (€)", Money, true), "Per esempio 5.000,00."),
            hinted(
                field("cofinancing_percent", "Cofinanziamento minimo (% del costo totale)", Number, true),
                "La quota del costo che il gruppo copre da sé; 0 se non richiesta.",
            ),
            hinted(
                field("criteria", "Criteri di valutazione", Criteria, true),
                "Un criterio per riga, con il peso dopo una barra: «Coerenza tra bisogni e obiettivi | 30». I pesi sommano 100.",
            ),
            hinted(field("opens_at", "Apertura (ora italiana)", DateTime, true), "Da quando si possono inviare le proposte."),
            hinted(field("closes_at", "Chiusura (ora italiana)", DateTime, true), "Dopo quest'ora non si può più inviare né modificare."),
            hinted(field("attachments", "Allegati richiesti", Lines, false), "Uno per riga, descritto a parole."),
        ],
    }
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
            Widget::Number => match raw.parse::<u8>() {
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

#[cfg(test)]
mod tests;
