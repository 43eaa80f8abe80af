//! D1 access: small typed functions, parameters always bound.

pub mod accounts;
pub mod appointments;
pub mod bank;
pub mod bank_desk;
pub mod content;
pub mod entries;
pub mod lab_desk;
pub mod labs;
pub mod mail;
pub mod monitoring;
pub mod proposals;
pub mod questions;
pub mod rate_limits;
pub mod review;
pub mod sessions;

use worker::{D1Database, D1Result, Env};

use crate::error::ApiError;

pub fn database(env: &Env) -> Result<D1Database, ApiError> {
    env.d1("DB").map_err(ApiError::from)
}

/// The rows a statement of a batch changed (0 when D1 does not say).
pub fn changes(result: Option<&D1Result>) -> usize {
    result
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0)
}
