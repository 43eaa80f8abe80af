//! Guides in the plan's three areas, each a page with an optional step-by-step tutorial.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{
    content::{Content, PublishMeta},
    sync::ContentKind,
    validation::{FieldPath, ValidationErrors},
};

/// The three thematic areas of the platform's plan (seed 002, section 2). The strum names are
/// the area in URLs (`/guide/ricerca-del-lavoro`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
pub enum GuideArea {
    #[strum(serialize = "ricerca-del-lavoro")]
    JobSearch,
    #[strum(serialize = "informazioni")]
    Information,
    #[strum(serialize = "aree-professionali")]
    Professions,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepInput {
    pub title: String,
    pub body_md: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideInput {
    pub area: GuideArea,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    #[serde(default)]
    pub steps: Vec<StepInput>,
}

/// One tutorial step; readers tick it off on their device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub title: String,
    pub body_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub id: String,
    pub version: u32,
    pub area: GuideArea,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    #[serde(default)]
    pub steps: Vec<Step>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

pub const MAX_STEPS: usize = 20;

impl Content for Guide {
    const KIND: ContentKind = ContentKind::Guide;
    type Input = GuideInput;

    fn validate(input: &GuideInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("title", &input.title, 140);
        errors.text("summary", &input.summary, 280);
        errors.text("body_md", &input.body_md, 40_000);
        if input.steps.len() > MAX_STEPS {
            errors.push(
                "steps",
                "too_many",
                format!("Al massimo {MAX_STEPS} passi per guida."),
            );
        }
        for (i, step) in input.steps.iter().enumerate() {
            errors.text(
                FieldPath::from("steps").index(i).field("title"),
                &step.title,
                140,
            );
            errors.text(
                FieldPath::from("steps").index(i).field("body_md"),
                &step.body_md,
                4_000,
            );
        }
        errors.into_result(())
    }

    fn publish(id: String, input: GuideInput, meta: PublishMeta<'_>) -> Self {
        Guide {
            id,
            version: meta.version,
            area: input.area,
            title: input.title.trim().to_owned(),
            summary: input.summary.trim().to_owned(),
            body_html: (meta.render)(&input.body_md),
            steps: input
                .steps
                .into_iter()
                .map(|s| Step {
                    title: s.title.trim().to_owned(),
                    body_html: (meta.render)(&s.body_md),
                })
                .collect(),
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
