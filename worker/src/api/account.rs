//! Sign-in, sign-out and the sign-up of applicant groups; the staff's accounts (invitations and
//! the administrator's management) are in `staff.rs`.

use serde::{Deserialize, Serialize};
use sito_core::{
    account::{
        check_new_password, AcceptInvitation, AccountChange, AccountView, GroupProfile, Invitation,
        Role, SignIn, SignUp, INVITATION_DAYS,
    },
    stored, ValidationErrors,
};
use worker::{D1Database, Env, Request, Response};

use crate::{
    api::{json, read_json, ApiResult},
    auth::{self, Session},
    db,
    error::ApiError,
};

/// Guesses allowed in [`SIGN_IN_WINDOW`] seconds: per account from browsers it never signed in
/// from, per address (sized for an office or a school behind one address), and per known
/// browser of an account. A success gives back only its own attempt.
const SIGN_IN_PER_ACCOUNT: u32 = 10;
const SIGN_IN_PER_ADDRESS: u32 = 100;
const SIGN_IN_PER_KNOWN_DEVICE: u32 = 10;
const SIGN_IN_WINDOW: i64 = 3600;

#[derive(Deserialize)]
struct AccountRow {
    id: String,
    email: String,
    name: String,
    role: String,
    password: String,
    disabled: u8,
    #[serde(default)]
    group_kind: Option<String>,
    #[serde(default)]
    district: Option<String>,
    #[serde(default)]
    contact_person: Option<String>,
}

impl AccountRow {
    fn view(&self) -> Result<AccountView, ApiError> {
        Ok(AccountView {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: stored::parse("role", &self.role)?,
            disabled: self.disabled != 0,
            group: GroupProfile::from_columns(
                self.group_kind.as_deref(),
                self.district.as_deref(),
                self.contact_person.as_deref(),
            )?,
        })
    }
}

fn with_cookie(mut response: Response, cookie: &str) -> ApiResult {
    response.headers_mut().set("set-cookie", cookie)?;
    Ok(response)
}

fn with_cookies(mut response: Response, cookies: &[String]) -> ApiResult {
    for cookie in cookies {
        response.headers_mut().append("set-cookie", cookie)?;
    }
    Ok(response)
}

/// The account whose `column` (`email` or `id`) is `value`.
async fn account_where(
    db: &D1Database,
    column: &str,
    value: &str,
) -> Result<Option<AccountRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT id, email, name, role, password, disabled, group_kind, district, \
             contact_person FROM accounts WHERE {column} = ?1"
        ))
        .bind(&[value.into()])?
        .first(None)
        .await?)
}

async fn account_by_email(db: &D1Database, email: &str) -> Result<Option<AccountRow>, ApiError> {
    account_where(db, "email", email).await
}

fn taken() -> ApiError {
    let mut errors = ValidationErrors::default();
    errors.push(
        "email",
        "taken",
        "Esiste già un account con questa e-mail: accedi, o chiedi all'amministratore.",
    );
    ApiError::Validation(errors)
}

/// A failed batch: `on_unique` when a UNIQUE constraint refused it (a race lost to another
/// write of the same e-mail), a storage error otherwise.
fn unique_or(error: worker::Error, on_unique: ApiError) -> ApiError {
    match error.to_string() {
        m if m.contains("UNIQUE") => on_unique,
        m => ApiError::Storage(m),
    }
}

/// `POST /api/v1/session`.
pub async fn sign_in(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let key = auth::device::key(env);
    let caller = auth::Caller::of(&req, env);
    let input: SignIn = read_json(req).await?;
    let (view, cookies) = authenticate(&db, &caller, key.as_deref(), &input).await?;
    with_cookies(json(&view, 200)?, &cookies)
}

/// Checks the credentials and starts a session; returns the account and the `Set-Cookie`
/// values (the session, and this browser's device token for the account).
///
/// Every attempt is counted before the password is checked, and a success gives back only its
/// own: from a browser the account never signed in from, against the account's budget and the
/// address's; from a known browser (a valid device token), against that browser's own budget
/// only, so the owner signs in while the account is under attack.
pub async fn authenticate(
    db: &D1Database,
    caller: &auth::Caller,
    device_key: Option<&[u8]>,
    input: &SignIn,
) -> Result<(AccountView, Vec<String>), ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let email = input.email.trim().to_lowercase();
    let known = device_key.and_then(|key| auth::device::known(caller, key, &email));
    let counted = match &known {
        Some(nonce) => vec![(format!("sign-in-device:{nonce}"), SIGN_IN_PER_KNOWN_DEVICE)],
        None => vec![
            (format!("sign-in:{email}"), SIGN_IN_PER_ACCOUNT),
            (
                format!("sign-in-address:{}", caller.address),
                SIGN_IN_PER_ADDRESS,
            ),
        ],
    };
    for (key, max) in &counted {
        auth::rate_limit(db, key, *max, SIGN_IN_WINDOW).await?;
    }
    let account = account_by_email(db, &email).await?;
    let verified = match &account {
        Some(row) => {
            auth::verify_password(&input.password, &row.password).await? && row.disabled == 0
        }
        None => {
            // The same work as a real check, so the timing does not tell which e-mails exist.
            let _ = auth::hash_password(&input.password).await?;
            false
        }
    };
    let Some(view) = account
        .filter(|_| verified)
        .map(|row| row.view())
        .transpose()?
    else {
        return Err(ApiError::InvalidCredentials);
    };
    for (key, _) in &counted {
        auth::refund(db, key).await?;
    }
    let mut cookies = vec![auth::start_session(db, &view.id).await?];
    if let Some(key) = device_key {
        cookies.push(auth::device::issue(key, &email)?);
    }
    Ok((view, cookies))
}

/// `GET /api/v1/session`: who is signed in.
pub async fn whoami(req: &Request, env: &Env) -> ApiResult {
    let session = auth::current(req, &db::database(env)?)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    json(&session.account, 200)
}

/// `DELETE /api/v1/session`.
pub async fn sign_out(req: &Request, env: &Env) -> ApiResult {
    auth::check_origin(req)?;
    let db = db::database(env)?;
    let session = auth::current(req, &db)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let cookie = auth::end_session(&db, &session).await?;
    let mut response = Response::empty()?.with_status(204);
    response.headers_mut().set("set-cookie", &cookie)?;
    Ok(response)
}

mod sign_up;
mod staff;

pub use sign_up::*;
pub use staff::*;
