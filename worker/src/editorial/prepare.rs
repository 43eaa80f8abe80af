//! What an editor typed, made ready: read as its kind, validated, kept in canonical form, and
//! rendered (Markdown to sanitised HTML) into the item the phones get.

use super::*;

/// A validated input, ready to be stored and, if asked, published.
pub(super) struct Prepared {
    pub input: String,
    pub title: String,
    pub district: Option<String>,
    pub deadline: Option<String>,
    pub search_text: String,
}

fn prepare<T: Content>(input: &Value) -> Result<(Prepared, T::Input), ApiError> {
    let typed: T::Input = serde_json::from_value(input.clone())
        .map_err(|e| ApiError::MalformedBody(e.to_string()))?;
    T::validate(&typed).map_err(ApiError::Validation)?;
    // Stored in its canonical form: what validated is exactly what is kept.
    let canonical = serde_json::to_value(&typed).map_err(|e| ApiError::Storage(e.to_string()))?;
    let text_of = |key: &str| {
        canonical
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let title = ["title", "name", "question"]
        .iter()
        .find_map(|k| text_of(k))
        .unwrap_or_default();
    Ok((
        Prepared {
            input: canonical.to_string(),
            title,
            district: text_of("district"),
            deadline: text_of("deadline"),
            search_text: search_text(&canonical),
        },
        typed,
    ))
}

fn render<T: Content>(
    id: &str,
    typed: T::Input,
    version: u32,
    at: DateTime<Utc>,
    publisher: &str,
) -> Result<String, ApiError> {
    let item = T::publish(
        id.to_owned(),
        typed,
        PublishMeta {
            version,
            updated_at: at,
            published_by: publisher,
            render: markdown::render,
        },
    );
    serde_json::to_string(&item).map_err(|e| ApiError::Storage(e.to_string()))
}

/// Validates `input` as `kind` and, when `publish` is `Some((version, at, publisher))`, renders
/// the item phones will get.
pub(super) fn prepare_kind(
    kind: ContentKind,
    id: &str,
    input: &Value,
    publish: Option<(u32, DateTime<Utc>, &str)>,
) -> Result<(Prepared, Option<String>), ApiError> {
    fn go<T: Content>(
        id: &str,
        input: &Value,
        publish: Option<(u32, DateTime<Utc>, &str)>,
    ) -> Result<(Prepared, Option<String>), ApiError> {
        let (prepared, typed) = prepare::<T>(input)?;
        let body = publish
            .map(|(version, at, by)| render::<T>(id, typed, version, at, by))
            .transpose()?;
        Ok((prepared, body))
    }
    match kind {
        ContentKind::Opportunity => go::<Opportunity>(id, input, publish),
        ContentKind::Guide => go::<Guide>(id, input, publish),
        ContentKind::News => go::<News>(id, input, publish),
        ContentKind::Organisation => go::<Organisation>(id, input, publish),
        ContentKind::Answer => go::<Answer>(id, input, publish),
        ContentKind::Call => go::<Call>(id, input, publish),
        ContentKind::Lab => go::<sito_core::lab::Lab>(id, input, publish),
        ContentKind::RecruitingDay => {
            go::<sito_core::recruiting::RecruitingDay>(id, input, publish)
        }
    }
}

/// The published item as it would reach the phones, without storing anything (the desk's
/// preview).
pub fn preview(
    kind: ContentKind,
    id: &str,
    input: &Value,
    publisher: &str,
) -> Result<Value, ApiError> {
    let (_, body) = prepare_kind(kind, id, input, Some((1, now(), publisher)))?;
    serde_json::from_str(&body.unwrap_or_default()).map_err(|e| ApiError::Storage(e.to_string()))
}

pub fn check_id(id: &str) -> Result<(), ApiError> {
    if is_valid_id(id) {
        Ok(())
    } else {
        let mut errors = ValidationErrors::default();
        errors.push(
            "id",
            "invalid_id",
            "L'identificativo usa solo lettere minuscole, cifre e trattini (per esempio «tirocinio-crema-2027»).",
        );
        Err(ApiError::Validation(errors))
    }
}
