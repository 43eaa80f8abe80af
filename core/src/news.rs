//! News on work and opportunities.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    content::{Content, PublishMeta},
    opportunity::District,
    sync::ContentKind,
    validation::ValidationErrors,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsInput {
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub published_on: NaiveDate,
    #[serde(default)]
    pub district: Option<District>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub published_on: NaiveDate,
    #[serde(default)]
    pub district: Option<District>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

/// Orders news most recently published first.
pub fn newest_first(news: &mut [News]) {
    news.sort_by_key(|n| std::cmp::Reverse(n.published_on));
}

impl Content for News {
    const KIND: ContentKind = ContentKind::News;
    type Input = NewsInput;

    fn validate(input: &NewsInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("title", &input.title, 140);
        errors.text("summary", &input.summary, 280);
        errors.text("body_md", &input.body_md, 20_000);
        errors.into_result(())
    }

    fn publish(id: String, input: NewsInput, meta: PublishMeta<'_>) -> Self {
        News {
            id,
            version: meta.version,
            title: input.title.trim().to_owned(),
            summary: input.summary.trim().to_owned(),
            body_html: (meta.render)(&input.body_md),
            published_on: input.published_on,
            district: input.district,
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
