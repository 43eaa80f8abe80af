//! What every kind of published content has in common: an editor's input that validates, and a
//! published form that the feed carries and phones store.

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};

use crate::{sync::ContentKind, validation::ValidationErrors};

/// What the server adds when it publishes an input.
#[derive(Debug, Clone, Copy)]
pub struct PublishMeta<'a> {
    pub version: u32,
    /// The time of this change.
    pub updated_at: DateTime<Utc>,
    /// The body that published it, shown with every item (ERYICA principles).
    pub published_by: &'a str,
    /// Markdown → sanitised HTML (the worker's renderer).
    pub render: fn(&str) -> String,
}

/// A kind of content editors publish and phones sync.
pub trait Content: Serialize + DeserializeOwned + Clone {
    const KIND: ContentKind;
    type Input: Serialize + DeserializeOwned;

    fn validate(input: &Self::Input) -> Result<(), ValidationErrors>;
    fn publish(id: String, input: Self::Input, meta: PublishMeta<'_>) -> Self;
    fn id(&self) -> &str;
    fn title(&self) -> &str;
}
