//! Opportunities: jobs, internships, volunteering, work camps, courses, mobility abroad, calls
//! for youth projects and events.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{
    content::{Content, PublishMeta},
    sync::ContentKind,
    validation::ValidationErrors,
};

/// What kind of opportunity an item is. The Italian label is what the UI shows; the strum
/// names (`as_ref`, `FromStr`) are the kind in shareable URLs (`?tipo=tirocinio`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityKind {
    #[strum(serialize = "lavoro")]
    Job,
    #[strum(serialize = "tirocinio")]
    Internship,
    #[strum(serialize = "volontariato")]
    Volunteering,
    #[strum(serialize = "campo-di-lavoro")]
    WorkCamp,
    #[strum(serialize = "formazione")]
    Training,
    #[strum(serialize = "estero")]
    Mobility,
    #[strum(serialize = "bando")]
    Call,
    #[strum(serialize = "evento")]
    Event,
}

impl OpportunityKind {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Job => "Lavoro",
            Self::Internship => "Tirocinio",
            Self::Volunteering => "Volontariato e Servizio Civile",
            Self::WorkCamp => "Campo di lavoro",
            Self::Training => "Formazione",
            Self::Mobility => "Mobilità all'estero",
            Self::Call => "Bando per progetti giovani",
            Self::Event => "Evento",
        }
    }
}

/// Where an opportunity is: one of the province's three districts, the whole province, the rest
/// of Italy or abroad. The strum names are the district in shareable URLs (`?territorio=crema`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum District {
    Cremona,
    Crema,
    Casalmaggiore,
    #[strum(serialize = "provincia")]
    Province,
    #[strum(serialize = "italia")]
    Italy,
    #[strum(serialize = "estero")]
    Abroad,
}

impl District {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Cremona => "Cremona",
            Self::Crema => "Crema",
            Self::Casalmaggiore => "Casalmaggiore",
            Self::Province => "Tutta la provincia",
            Self::Italy => "Italia",
            Self::Abroad => "Estero",
        }
    }
}

/// What an editor sends to create or update an opportunity. The description is Markdown; the
/// worker renders and sanitises it once, at write time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpportunityInput {
    pub kind: OpportunityKind,
    pub title: String,
    pub organisation: String,
    pub district: District,
    #[serde(default)]
    pub place: String,
    pub summary: String,
    #[serde(default)]
    pub description_md: String,
    #[serde(default)]
    pub age_min: Option<u8>,
    #[serde(default)]
    pub age_max: Option<u8>,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    pub how_to_apply: String,
    #[serde(default)]
    pub source_url: Option<String>,
}

pub const TITLE_MAX: usize = 140;
pub const ORGANISATION_MAX: usize = 120;
pub const PLACE_MAX: usize = 120;
pub const SUMMARY_MAX: usize = 280;
pub const DESCRIPTION_MAX: usize = 20_000;
pub const HOW_TO_APPLY_MAX: usize = 2_000;
pub const URL_MAX: usize = 500;

impl OpportunityInput {
    /// Every rule an opportunity must satisfy, checked the same way in the desk and the worker.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("title", &self.title, TITLE_MAX);
        errors.text("organisation", &self.organisation, ORGANISATION_MAX);
        errors.optional_text("place", &self.place, PLACE_MAX);
        errors.text("summary", &self.summary, SUMMARY_MAX);
        errors.optional_text("description_md", &self.description_md, DESCRIPTION_MAX);
        errors.text("how_to_apply", &self.how_to_apply, HOW_TO_APPLY_MAX);
        if let (Some(min), Some(max)) = (self.age_min, self.age_max) {
            if min > max {
                errors.push(
                    "age_max",
                    "age_range",
                    "L'età massima non può essere inferiore all'età minima.",
                );
            }
        }
        for (field, age) in [("age_min", self.age_min), ("age_max", self.age_max)] {
            if age.is_some_and(|a| !(14..=99).contains(&a)) {
                errors.push(field, "age_out_of_range", "Indica un'età tra 14 e 99 anni.");
            }
        }
        if let (Some(start), Some(end)) = (self.starts_on, self.ends_on) {
            if end < start {
                errors.push(
                    "ends_on",
                    "date_order",
                    "La data di fine non può precedere la data di inizio.",
                );
            }
        }
        if let Some(url) = &self.source_url {
            if url.chars().count() > URL_MAX {
                errors.push(
                    "source_url",
                    "too_long",
                    format!("Al massimo {URL_MAX} caratteri."),
                );
            } else if !(url.starts_with("https://") || url.starts_with("http://")) {
                errors.push(
                    "source_url",
                    "invalid_url",
                    "Il link deve iniziare con https:// o http://.",
                );
            }
        }
        errors.into_result(())
    }
}

/// A published opportunity as phones receive it through the sync feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub id: String,
    pub version: u32,
    pub kind: OpportunityKind,
    pub title: String,
    pub organisation: String,
    pub district: District,
    #[serde(default)]
    pub place: String,
    pub summary: String,
    /// Sanitised HTML rendered by the worker from the editor's Markdown.
    #[serde(default)]
    pub description_html: String,
    #[serde(default)]
    pub age_min: Option<u8>,
    #[serde(default)]
    pub age_max: Option<u8>,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    pub how_to_apply: String,
    #[serde(default)]
    pub source_url: Option<String>,
    /// RFC 3339 time of the last change, set by the server.
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    /// Who published it, shown with every item (ERYICA principles).
    pub published_by: String,
}

impl Content for Opportunity {
    const KIND: ContentKind = ContentKind::Opportunity;
    type Input = OpportunityInput;

    fn validate(input: &OpportunityInput) -> Result<(), ValidationErrors> {
        input.validate()
    }

    fn publish(id: String, input: OpportunityInput, meta: PublishMeta<'_>) -> Self {
        Self {
            id,
            version: meta.version,
            kind: input.kind,
            title: input.title.trim().to_owned(),
            organisation: input.organisation.trim().to_owned(),
            district: input.district,
            place: input.place.trim().to_owned(),
            summary: input.summary.trim().to_owned(),
            description_html: (meta.render)(&input.description_md),
            age_min: input.age_min,
            age_max: input.age_max,
            starts_on: input.starts_on,
            ends_on: input.ends_on,
            deadline: input.deadline,
            how_to_apply: input.how_to_apply.trim().to_owned(),
            source_url: input.source_url,
            updated_at: meta.updated_at,
            published_by: meta.published_by.to_owned(),
        }
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }
}

impl Opportunity {
    /// Whether applications are still open on `today` (no deadline means always open).
    pub fn is_open_on(&self, today: NaiveDate) -> bool {
        self.deadline.is_none_or(|d| d >= today)
    }

    /// Where, in words: "Soresina · Cremona", or just "Crema" when the place is the district.
    pub fn place_label(&self) -> String {
        let district = self.district.label_it();
        if self.place.is_empty() || self.place == district {
            district.to_owned()
        } else {
            format!("{} · {district}", self.place)
        }
    }

    /// Whole days from `today` to the deadline; negative once it has passed.
    pub fn days_to_deadline(&self, today: NaiveDate) -> Option<i64> {
        self.deadline.map(|d| (d - today).num_days())
    }
}

/// Orders opportunities for the list: open ones first by nearest deadline (no deadline last),
/// then expired ones, most recently expired first; ties by title.
pub fn sort_for_list(items: &mut [Opportunity], today: NaiveDate) {
    items.sort_by(|a, b| list_order(a, b, today));
}

/// The comparison behind [`sort_for_list`].
pub fn list_order(a: &Opportunity, b: &Opportunity, today: NaiveDate) -> std::cmp::Ordering {
    let key = |o: &Opportunity| match o.deadline {
        Some(d) if d >= today => (0, (d - today).num_days()),
        None => (1, 0),
        Some(d) => (2, (today - d).num_days()),
    };
    key(a)
        .cmp(&key(b))
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.id.cmp(&b.id))
}

/// A valid id: 1–64 characters of lowercase ASCII letters, digits and dashes (URL-safe slugs or
/// UUIDs).
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The id an editor is offered for a new item, from its title: lower case, accents dropped,
/// every run of other characters one dash, at most 64 characters cut at a dash ("Tirocinio in
/// Biblioteca, Crema" → "tirocinio-in-biblioteca-crema"). Always a valid id, or empty for a
/// title with no letter or digit. The desk's script (`/redazione/identificativo.js`) applies
/// the same rules while the title is typed.
pub fn suggest_id(title: &str) -> String {
    let mut id = String::new();
    for plain in crate::search::fold(title).chars() {
        if plain.is_ascii_lowercase() || plain.is_ascii_digit() {
            id.push(plain);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    if id.len() > 64 {
        let cut = id[..=64].rfind('-').filter(|&i| i > 0).unwrap_or(64);
        id.truncate(cut);
    }
    id.trim_end_matches('-').to_owned()
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
