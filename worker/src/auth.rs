//! Editorial writes need the `EDITOR_TOKEN` secret as a bearer token. Sessions and roles replace
//! this when editor accounts exist; until then one shared secret guards every write.

use worker::{Env, Request};

use crate::error::ApiError;

/// Who made the change, as recorded with it.
pub struct Editor {
    pub name: String,
}

pub fn require_editor(req: &Request, env: &Env) -> Result<Editor, ApiError> {
    let expected = env
        .secret("EDITOR_TOKEN")
        .map(|s| s.to_string())
        .ok()
        .filter(|t| t.len() >= 16)
        .ok_or(ApiError::Unauthorized)?;
    let given = req
        .headers()
        .get("authorization")?
        .and_then(|h| h.strip_prefix("Bearer ").map(str::to_owned))
        .ok_or(ApiError::Unauthorized)?;
    if constant_time_eq(given.as_bytes(), expected.as_bytes()) {
        Ok(Editor {
            name: "Redazione Informagiovani".to_owned(),
        })
    } else {
        Err(ApiError::Unauthorized)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
