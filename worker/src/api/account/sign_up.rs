//! An applicant group's sign-up, in two steps so that its answer never tells whether an e-mail
//! has an account:
//! 1. `POST /api/v1/accounts` answers 202 with the same body either way. A new address gets a
//!    message with a link that activates the account ([`SIGN_UP_DAYS`]); an address that has an
//!    account gets a message saying so, for its owner. The same work is done on both paths (one
//!    password hash, one lookup, one batch).
//! 2. `POST /api/v1/sign-ups/{token}` (the link's page) makes the account and signs it in.

use sito_core::account::{SignUpSent, SIGN_UP_DAYS};
use sito_core::api::ProblemCode;
use worker::D1Database;

use super::*;
use crate::{
    db::accounts::{self as stored, NewSignUp},
    mail,
};

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
    let origin = crate::http::public_origin(env);
    let password = auth::hash_password(&input.password).await?;
    let mut batch = Vec::with_capacity(2);
    let message = if stored::by_email(&db, &email).await?.is_some() {
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
    stored::insert_sign_up(
        db,
        &NewSignUp {
            token_hash: &auth::token_hash(token),
            email,
            name: input.name.trim(),
            password,
            group_kind: &slug(serde_json::to_value(input.group_kind)),
            district: &slug(serde_json::to_value(input.district)),
            contact_person: input.contact_person.trim(),
            created_at: &auth::now_text(),
            expires_at: &auth::text_from_now(SIGN_UP_DAYS * 86_400),
        },
    )
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
    let now = auth::now_text();
    // One batch: the account from the pending sign-up, then every sign-up of that address (and
    // any expired one) is gone, so no other link makes a second account.
    let results = db
        .batch(vec![
            stored::insert_signed_up(&db, &token_hash, &id, &now)?,
            stored::delete_sign_ups(&db, &token_hash, &id, &now)?,
        ])
        .await
        .map_err(|e| unique_or(e, invalid()))?;
    if db::changes(results.first()) != 1 {
        return Err(invalid());
    }
    let view = stored::by_id(&db, &id).await?.ok_or_else(invalid)?.view()?;
    let cookie = auth::start_session(&db, &id).await?;
    with_cookie(json(&view, 201)?, &cookie)
}
