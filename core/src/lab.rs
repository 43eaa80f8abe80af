//! Labs and seminars with places (seed 002, §5.1 "Laboratori professional skills", §6.2 the
//! seminars for youth associations): modules of a few sessions each, for a target of ages,
//! districts and kinds of participant, with a least and a most number of places and a sign-up
//! window. Editors publish them like other content; the worker writes the counts of places
//! taken into the published item in the same D1 batch as each sign-up, so the feed and the
//! rendered page always say how many places are left.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, VariantArray};

use crate::{
    content::{Content, PublishMeta},
    opportunity::District,
    sync::ContentKind,
    validation::{FieldPath, ValidationErrors},
};

pub mod calendar;
pub mod jsonld;
pub mod signup;

/// A lab (practical, hands-on) or a seminar (talks and discussion).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LabFormat {
    Lab,
    Seminar,
}

impl LabFormat {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Lab => "Laboratorio",
            Self::Seminar => "Seminario",
        }
    }
}

/// Who the lab is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Audience {
    /// Young people, each for themselves.
    YoungPeople,
    /// Youth associations and informal groups (the seminars of §6.2).
    Associations,
}

impl Audience {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::YoungPeople => "Giovani",
            Self::Associations => "Associazioni giovanili",
        }
    }
}

/// One meeting: when, and where or at which link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    #[serde(with = "crate::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub ends_at: DateTime<Utc>,
    /// The room and address, or the online link (`https://…`).
    pub place: String,
}

impl Session {
    /// Whether the place is a link to an online meeting.
    pub fn is_online(&self) -> bool {
        self.place.starts_with("https://") || self.place.starts_with("http://")
    }
}

/// A module of the lab ("Bisogni e obiettivi") and its sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub title: String,
    pub sessions: Vec<Session>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabInput {
    pub format: LabFormat,
    pub title: String,
    pub summary: String,
    pub description_md: String,
    pub modules: Vec<Module>,
    pub audience: Audience,
    pub age_min: u8,
    pub age_max: u8,
    /// The districts whose young people it is for; empty: the whole province.
    #[serde(default)]
    pub districts: Vec<District>,
    pub min_places: u16,
    pub max_places: u16,
    #[serde(with = "crate::time")]
    pub signup_opens_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub signup_closes_at: DateTime<Utc>,
    /// The body that runs it, named on the page and in the calendar.
    pub organiser: String,
}

/// How many places are taken, as the worker keeps them with every sign-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    /// Sign-ups holding a place.
    pub taken: u32,
    /// Sign-ups on the waiting list.
    pub waiting: u32,
    /// Sign-ups cancelled by their person.
    pub cancelled: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lab {
    pub id: String,
    pub version: u32,
    pub format: LabFormat,
    pub title: String,
    pub summary: String,
    pub description_html: String,
    pub modules: Vec<Module>,
    pub audience: Audience,
    pub age_min: u8,
    pub age_max: u8,
    #[serde(default)]
    pub districts: Vec<District>,
    pub min_places: u16,
    pub max_places: u16,
    #[serde(with = "crate::time")]
    pub signup_opens_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub signup_closes_at: DateTime<Utc>,
    pub organiser: String,
    /// Written by the worker with each sign-up and cancellation.
    #[serde(default)]
    pub places: Places,
    /// Cancelled by the organiser (too few sign-ups at closing): everyone sees "Annullato".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

/// Where a lab's sign-ups stand at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabPhase {
    NotYetOpen,
    Open,
    Closed,
    Cancelled,
}

/// The most places a lab may have.
pub const MAX_PLACES: u16 = 500;

impl Lab {
    /// Opening is inclusive, closing exclusive, as for calls.
    pub fn phase(&self, now: DateTime<Utc>) -> LabPhase {
        if self.cancelled {
            LabPhase::Cancelled
        } else if now < self.signup_opens_at {
            LabPhase::NotYetOpen
        } else if now < self.signup_closes_at {
            LabPhase::Open
        } else {
            LabPhase::Closed
        }
    }

    /// Places still free ("Restano 4 posti").
    pub fn remaining(&self) -> u32 {
        u32::from(self.max_places).saturating_sub(self.places.taken)
    }

    /// Every session in time order.
    pub fn sessions(&self) -> impl Iterator<Item = (&Module, &Session)> {
        let mut all: Vec<_> = self
            .modules
            .iter()
            .flat_map(|m| m.sessions.iter().map(move |s| (m, s)))
            .collect();
        all.sort_by_key(|(_, s)| s.starts_at);
        all.into_iter()
    }

    pub fn first_start(&self) -> Option<DateTime<Utc>> {
        self.sessions().map(|(_, s)| s.starts_at).next()
    }

    pub fn last_end(&self) -> Option<DateTime<Utc>> {
        self.sessions().map(|(_, s)| s.ends_at).max()
    }

    /// The "Età" line: "18–25 anni".
    pub fn ages_label(&self) -> String {
        format!("{}–{} anni", self.age_min, self.age_max)
    }

    /// The districts as words, "Tutta la provincia" when none is named.
    pub fn districts_label(&self) -> String {
        if self.districts.is_empty() {
            District::Province.label_it().to_owned()
        } else {
            self.districts
                .iter()
                .map(|d| d.label_it())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

fn validate_sessions(errors: &mut ValidationErrors, input: &LabInput) {
    if input.modules.is_empty() {
        errors.push(
            "modules",
            "required",
            "Inserisci almeno un modulo con un incontro.",
        );
    }
    for (i, module) in input.modules.iter().enumerate() {
        let at = FieldPath::from("modules").index(i);
        errors.text(at.clone().field("title"), &module.title, 140);
        if module.sessions.is_empty() {
            errors.push(
                at.clone().field("sessions"),
                "required",
                "Ogni modulo ha almeno un incontro.",
            );
        }
        for (j, session) in module.sessions.iter().enumerate() {
            let at = at.clone().field("sessions").index(j);
            if session.ends_at <= session.starts_at {
                errors.push(
                    at.clone().field("ends_at"),
                    "before_start",
                    "L'incontro deve finire dopo l'inizio.",
                );
            } else if session.ends_at - session.starts_at > chrono::Duration::hours(12) {
                errors.push(
                    at.clone().field("ends_at"),
                    "too_long",
                    "Un incontro dura al massimo 12 ore.",
                );
            }
            errors.text(at.clone().field("place"), &session.place, 300);
            if session.starts_at < input.signup_closes_at {
                errors.push(
                    at.field("starts_at"),
                    "before_closing",
                    "Gli incontri iniziano dopo la chiusura delle iscrizioni.",
                );
            }
        }
    }
}

impl Content for Lab {
    const KIND: ContentKind = ContentKind::Lab;
    type Input = LabInput;

    fn validate(input: &LabInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("title", &input.title, 140);
        errors.text("summary", &input.summary, 280);
        errors.text("description_md", &input.description_md, 20_000);
        errors.text("organiser", &input.organiser, 140);
        if !(14..=35).contains(&input.age_min)
            || input.age_max > 35
            || input.age_min > input.age_max
        {
            errors.push(
                "age_max",
                "age_range",
                "L'età va da 14 a 35 anni e la minima non supera la massima.",
            );
        }
        if input.max_places == 0 || input.max_places > MAX_PLACES {
            errors.push(
                "max_places",
                "out_of_range",
                format!("I posti vanno da 1 a {MAX_PLACES}."),
            );
        } else if input.min_places > input.max_places {
            errors.push(
                "min_places",
                "above_max",
                "Il minimo di partecipanti non supera il numero di posti.",
            );
        }
        if input.signup_closes_at <= input.signup_opens_at {
            errors.push(
                "signup_closes_at",
                "before_opening",
                "La chiusura delle iscrizioni deve venire dopo l'apertura.",
            );
        }
        let mut seen = Vec::new();
        for d in &input.districts {
            if seen.contains(d) {
                errors.push("districts", "repeated", "Ogni territorio una volta sola.");
                break;
            }
            seen.push(*d);
        }
        validate_sessions(&mut errors, input);
        errors.into_result(())
    }

    fn publish(id: String, input: LabInput, meta: PublishMeta<'_>) -> Self {
        let trim = |s: String| s.trim().to_owned();
        Lab {
            id,
            version: meta.version,
            format: input.format,
            title: trim(input.title),
            summary: trim(input.summary),
            description_html: (meta.render)(&input.description_md),
            modules: input
                .modules
                .into_iter()
                .map(|m| Module {
                    title: trim(m.title),
                    sessions: m
                        .sessions
                        .into_iter()
                        .map(|s| Session {
                            place: trim(s.place),
                            ..s
                        })
                        .collect(),
                })
                .collect(),
            audience: input.audience,
            age_min: input.age_min,
            age_max: input.age_max,
            districts: input.districts,
            min_places: input.min_places,
            max_places: input.max_places,
            signup_opens_at: input.signup_opens_at,
            signup_closes_at: input.signup_closes_at,
            organiser: trim(input.organiser),
            places: Places::default(),
            cancelled: false,
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

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests;
