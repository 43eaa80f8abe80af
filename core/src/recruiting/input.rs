//! What an editor sends to publish a recruiting day, its checks (Italian messages named by
//! their path: `companies.0.roles.1.title`) and the published item it becomes.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{Company, RecruitingDay, Role};
use crate::{
    content::{Content, PublishMeta},
    opportunity::District,
    sync::ContentKind,
    validation::{FieldPath, ValidationErrors},
};

/// The most companies one day may list.
pub const MAX_COMPANIES: usize = 60;
/// The most open roles of one company.
pub const MAX_ROLES: usize = 30;
/// The most interview times of one day.
pub const MAX_SLOTS: usize = 200;
/// The most positions of one role.
const MAX_POSITIONS: u16 = 999;
/// A recruiting day lasts one day at most.
const LONGEST_HOURS: i64 = 14;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecruitingDayInput {
    pub title: String,
    pub summary: String,
    pub description_md: String,
    pub district: District,
    /// The address, as young people will look for it.
    pub place: String,
    #[serde(with = "crate::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub ends_at: DateTime<Utc>,
    #[serde(default)]
    pub age_min: Option<u8>,
    #[serde(default)]
    pub age_max: Option<u8>,
    pub companies: Vec<Company>,
    /// Interview start times, within the day, in time order, each once.
    #[serde(default)]
    pub slots: Vec<DateTime<Utc>>,
    pub organiser: String,
}

fn validate_ages(errors: &mut ValidationErrors, input: &RecruitingDayInput) {
    let in_range = |age: Option<u8>| age.is_none_or(|a| (14..=35).contains(&a));
    if !in_range(input.age_min) || !in_range(input.age_max) {
        errors.push("age_max", "age_range", "L'età va da 14 a 35 anni.");
    } else if let (Some(min), Some(max)) = (input.age_min, input.age_max) {
        if min > max {
            errors.push(
                "age_max",
                "age_range",
                "L'età minima non supera la massima.",
            );
        }
    }
}

fn validate_companies(errors: &mut ValidationErrors, companies: &[Company]) {
    if companies.is_empty() {
        errors.push(
            "companies",
            "required",
            "Inserisci almeno un'azienda con un ruolo aperto.",
        );
    } else if companies.len() > MAX_COMPANIES {
        errors.push(
            "companies",
            "too_many",
            format!("Al massimo {MAX_COMPANIES} aziende."),
        );
    }
    for (i, company) in companies.iter().enumerate() {
        let at = FieldPath::from("companies").index(i);
        errors.text(at.clone().field("name"), &company.name, 140);
        if company.roles.is_empty() {
            errors.push(
                at.clone().field("roles"),
                "required",
                "Ogni azienda ha almeno un ruolo aperto.",
            );
        } else if company.roles.len() > MAX_ROLES {
            errors.push(
                at.clone().field("roles"),
                "too_many",
                format!("Al massimo {MAX_ROLES} ruoli per azienda."),
            );
        }
        for (j, role) in company.roles.iter().enumerate() {
            let at = at.clone().field("roles").index(j);
            errors.text(at.clone().field("title"), &role.title, 140);
            errors.optional_text(at.clone().field("description"), &role.description, 1_000);
            if !(1..=MAX_POSITIONS).contains(&role.positions) {
                errors.push(
                    at.field("positions"),
                    "out_of_range",
                    format!("I posti vanno da 1 a {MAX_POSITIONS}."),
                );
            }
        }
    }
}

fn validate_slots(errors: &mut ValidationErrors, input: &RecruitingDayInput) {
    if input.slots.len() > MAX_SLOTS {
        errors.push(
            "slots",
            "too_many",
            format!("Al massimo {MAX_SLOTS} orari di colloquio."),
        );
        return;
    }
    for (i, slot) in input.slots.iter().enumerate() {
        let at = FieldPath::from("slots").index(i);
        if *slot < input.starts_at || *slot >= input.ends_at {
            errors.push(
                at,
                "outside_day",
                "Ogni colloquio inizia durante la giornata, tra l'inizio e la fine.",
            );
        } else if i > 0 && *slot <= input.slots[i - 1] {
            errors.push(
                at,
                "not_in_order",
                "Gli orari dei colloqui vanno in ordine, ciascuno una volta sola.",
            );
        }
    }
}

impl Content for RecruitingDay {
    const KIND: ContentKind = ContentKind::RecruitingDay;
    type Input = RecruitingDayInput;

    fn validate(input: &RecruitingDayInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("title", &input.title, 140);
        errors.text("summary", &input.summary, 280);
        errors.text("description_md", &input.description_md, 20_000);
        errors.text("place", &input.place, 300);
        errors.text("organiser", &input.organiser, 140);
        if input.ends_at <= input.starts_at {
            errors.push(
                "ends_at",
                "before_start",
                "La giornata deve finire dopo l'inizio.",
            );
        } else if input.ends_at - input.starts_at > Duration::hours(LONGEST_HOURS) {
            errors.push(
                "ends_at",
                "too_long",
                format!("Un recruiting day dura al massimo {LONGEST_HOURS} ore, in un giorno."),
            );
        }
        validate_ages(&mut errors, input);
        validate_companies(&mut errors, &input.companies);
        validate_slots(&mut errors, input);
        errors.into_result(())
    }

    fn publish(id: String, input: RecruitingDayInput, meta: PublishMeta<'_>) -> Self {
        let trim = |s: String| s.trim().to_owned();
        RecruitingDay {
            id,
            version: meta.version,
            title: trim(input.title),
            summary: trim(input.summary),
            description_html: (meta.render)(&input.description_md),
            district: input.district,
            place: trim(input.place),
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            age_min: input.age_min,
            age_max: input.age_max,
            companies: input
                .companies
                .into_iter()
                .map(|c| Company {
                    name: trim(c.name),
                    sector: c.sector,
                    roles: c
                        .roles
                        .into_iter()
                        .map(|r| Role {
                            title: trim(r.title),
                            description: trim(r.description),
                            positions: r.positions,
                        })
                        .collect(),
                })
                .collect(),
            slots: input.slots,
            organiser: trim(input.organiser),
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
