//! `GET /api/v1/{opportunities,guides,news,organisations,answers}/{id}`: one published item.
//! Writes to the same address go through the editorial workflow (`api::desk`).

use sito_core::{opportunity::is_valid_id, ContentKind};
use worker::Env;

use crate::{
    db::{self, content::Current},
    error::ApiError,
    http::{json_text, ApiResult},
};

pub async fn get(env: &Env, kind: ContentKind, id: &str) -> ApiResult {
    if !is_valid_id(id) {
        return Err(ApiError::NotFound);
    }
    match db::content::current(&db::database(env)?, kind, id).await? {
        Some(Current {
            deleted: false,
            body: Some(body),
            ..
        }) => Ok(json_text(body.get().to_owned(), 200)),
        _ => Err(ApiError::NotFound),
    }
}
