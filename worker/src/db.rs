//! D1 access: small typed functions, parameters always bound.

pub mod content;
pub mod proposals;
pub mod review;

use worker::{D1Database, Env};

use crate::error::ApiError;

pub fn database(env: &Env) -> Result<D1Database, ApiError> {
    env.d1("DB").map_err(ApiError::from)
}
