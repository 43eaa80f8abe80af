//! The directory of the local job network, the plan's "piazza virtuale".

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::{
    content::{Content, PublishMeta},
    opportunity::District,
    sync::ContentKind,
    validation::ValidationErrors,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationCategory {
    EmploymentCentre,
    Informagiovani,
    Training,
    Union,
    EmployerAssociation,
    VolunteeringCentre,
    SocialCooperative,
    PublicService,
    SchoolUniversity,
}

impl OrganisationCategory {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    pub category: OrganisationCategory,
    pub name: String,
    pub district: District,
    pub town: String,
    pub address: String,
    #[serde(default)]
    pub description_md: String,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub version: u32,
    pub category: OrganisationCategory,
    pub name: String,
    pub district: District,
    pub town: String,
    pub address: String,
    pub description_html: String,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

impl Organisation {
    /// The phone number as a `tel:` link (digits and a leading +).
    pub fn tel_href(&self) -> Option<String> {
        self.phone.as_ref().map(|p| {
            let digits: String = p
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            format!("tel:{digits}")
        })
    }

    /// A map search for the address (OpenStreetMap, no key or tracking script).
    pub fn map_href(&self) -> String {
        let query = format!("{}, {}", self.address, self.town);
        let encoded: String = query
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_owned(),
                other => format!("%{other:02X}"),
            })
            .collect();
        format!("https://www.openstreetmap.org/search?query={encoded}")
    }
}

impl Content for Organisation {
    const KIND: ContentKind = ContentKind::Organisation;
    type Input = OrganisationInput;

    fn validate(input: &OrganisationInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("name", &input.name, 120);
        errors.text("town", &input.town, 80);
        errors.text("address", &input.address, 200);
        errors.optional_text("description_md", &input.description_md, 10_000);
        errors.optional_text("hours", &input.hours, 300);
        if input.services.len() > 20 {
            errors.push("services", "too_many", "Al massimo 20 servizi.");
        }
        if let Some(url) = &input.website {
            if !url.starts_with("https://") && !url.starts_with("http://") {
                errors.push(
                    "website",
                    "invalid_url",
                    "Il link deve iniziare con https:// o http://.",
                );
            }
        }
        if let Some(email) = &input.email {
            if !email.contains('@') || email.contains(char::is_whitespace) {
                errors.push("email", "invalid_email", "Indirizzo email non valido.");
            }
        }
        errors.into_result(())
    }

    fn publish(id: String, input: OrganisationInput, meta: PublishMeta<'_>) -> Self {
        Organisation {
            id,
            version: meta.version,
            category: input.category,
            name: input.name.trim().to_owned(),
            district: input.district,
            town: input.town.trim().to_owned(),
            address: input.address.trim().to_owned(),
            description_html: (meta.render)(&input.description_md),
            services: input.services,
            hours: input.hours,
            phone: input.phone,
            email: input.email,
            website: input.website,
            updated_at: meta.updated_at,
            published_by: meta.published_by.to_owned(),
        }
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &str {
        &self.name
    }
}
