//! An applicant group's sign-up, in two steps so that its answer never tells whether an e-mail
//! has an account:
//! 1. `POST /api/v1/accounts` answers 202 with the same body either way. A new address gets a
//!    message with a link that activates the account ([`SIGN_UP_DAYS`]); an address that has an
//!    account gets a message saying so, for its owner. The same work is done on both paths (one
//!    password hash, one lookup, one batch).
//! 2. `POST /api/v1/sign-ups/{token}` (the link's page) makes the account and signs it in.

use sito_core::account::{SignUpSent, SIGN_UP_DAYS};
use sito_core::api::ProblemCode;

use super::*;
use crate::mail;

/// Sign-ups per address per hour (`SIGN_UP_PER_HOUR`, tests raise it) and per e-mail per hour:
/// no one fills another's mailbox.
const SIGN_UP_PER_ADDRESS: u32 = 10;
const SIGN_UP_PER_EMAIL: u32 = 3;

/// `POST /api/v1/accounts`: an association or informal group signs up; the account is made
/// from the link sent to its e-mail.
pub async fn sign_up(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let limit = auth::hourly_limit(env, "SIGN_UP_PER_HOUR", SIGN_UP_PER_ADDRESS);
    let address = format!("sign-up:{}", auth::client_address(&req, env));
    let input: SignUp = read_json(req).await?;
    input.validate().map_err(ApiError::Validation)?;
    let email = input.email.trim().to_lowercase();
    auth::rate_limit(&db, &address, limit, 3600).await?;
    auth::rate_limit(
        &db,
        &format!("sign-up-email:{email}"),
        SIGN_UP_PER_EMAIL,
        3600,
    )
    .await?;
    let origin = crate::api::public_origin(env);
    let password = auth::hash_password(&input.password).await?;
    let mut batch = Vec::with_capacity(2);
    let message = if account_by_email(&db, &email).await?.is_some() {
        mail::already_registered(&email, &origin)
    } else {
        let token = auth::random_token()?;
        batch.push(pending(&db, &token, &email, &input, &password)?);
        mail::confirm_sign_up(&email, input.name.trim(), &origin, &token, SIGN_UP_DAYS)
    };
    batch.push(message.queue(&db)?);
    db.batch(batch).await?;
    message.log();
    json(&SignUpSent { email }, 202)
}

/// The statement that keeps a sign-up until its link is opened.
fn pending(
    db: &D1Database,
    token: &str,
    email: &str,
    input: &SignUp,
    password: &str,
) -> Result<worker::D1PreparedStatement, ApiError> {
    let slug = |v: serde_json::Result<serde_json::Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    Ok(db
        .prepare(
            "INSERT INTO sign_ups (token_hash, email, name, password, group_kind, district, \
             contact_person, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(&[
            auth::token_hash(token).into(),
            email.into(),
            input.name.trim().into(),
            password.into(),
            slug(serde_json::to_value(input.group_kind)).into(),
            slug(serde_json::to_value(input.district)).into(),
            input.contact_person.trim().into(),
            auth::now().into(),
            auth::time_from_now(SIGN_UP_DAYS * 86_400).into(),
        ])?)
}

/// `POST /api/v1/sign-ups/{token}`: the link of the message makes the account and signs it in.
/// A link works once and only while its address has no account; every other case is one
/// answer, 403 `sign_up_invalid`.
pub async fn confirm(req: &Request, env: &Env, token: &str) -> ApiResult {
    auth::check_origin(req)?;
    let db = db::database(env)?;
    let invalid = || ApiError::Forbidden {
        code: ProblemCode::SignUpInvalid,
        detail: "Link scaduto o già usato: se hai già attivato l'account accedi, altrimenti \
                 registra di nuovo il gruppo."
            .into(),
    };
    let id = auth::random_uuid()?;
    let token_hash = auth::token_hash(token);
    let now = auth::now();
    // One batch: the account from the pending sign-up, then every sign-up of that address (and
    // any expired one) is gone, so no other link makes a second account.
    let results = db
        .batch(vec![
            db.prepare(
                "INSERT INTO accounts (id, email, name, role, password, group_kind, district, \
                 contact_person, created_at) \
                 SELECT ?2, s.email, s.name, 'applicant', s.password, s.group_kind, s.district, \
                 s.contact_person, ?3 FROM sign_ups s \
                 WHERE s.token_hash = ?1 AND s.expires_at > ?3 \
                 AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.email = s.email)",
            )
            .bind(&[
                token_hash.as_str().into(),
                id.as_str().into(),
                now.as_str().into(),
            ])?,
            db.prepare(
                "DELETE FROM sign_ups WHERE token_hash = ?1 OR expires_at <= ?3 \
                 OR email IN (SELECT email FROM accounts WHERE id = ?2)",
            )
            .bind(&[
                token_hash.as_str().into(),
                id.as_str().into(),
                now.as_str().into(),
            ])?,
        ])
        .await
        .map_err(|e| unique_or(e, invalid()))?;
    if db::changes(results.first()) != 1 {
        return Err(invalid());
    }
    let view = account_where(&db, "id", &id)
        .await?
        .ok_or_else(invalid)?
        .view()?;
    let cookie = auth::start_session(&db, &id).await?;
    with_cookie(json(&view, 201)?, &cookie)
}
