//! Sign-in, sign-out and the sign-up of applicant groups; the staff's accounts (invitations and
//! the administrator's management) are in `staff.rs`.

use serde::{Deserialize, Serialize};
use sito_core::{
    account::{
        check_new_password, AcceptInvitation, AccountChange, AccountView, GroupProfile, Invitation,
        Role, SignIn, SignUp, INVITATION_DAYS,
    },
    ValidationErrors,
};
use worker::{D1Database, Env, Request, Response};

use crate::{
    api::{json, read_json, ApiResult},
    auth::{self, Session},
    db,
    error::ApiError,
};

/// Failed sign-ins allowed per e-mail and per address in [`SIGN_IN_WINDOW`] seconds.
const SIGN_IN_PER_EMAIL: u32 = 5;
const SIGN_IN_PER_ADDRESS: u32 = 50;
const SIGN_IN_WINDOW: i64 = 15 * 60;

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
    fn view(&self) -> Option<AccountView> {
        Some(AccountView {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: Role::parse(&self.role)?,
            disabled: self.disabled != 0,
            group: GroupProfile::from_columns(
                self.group_kind.as_deref(),
                self.district.as_deref(),
                self.contact_person.as_deref(),
            ),
        })
    }
}

fn with_cookie(mut response: Response, cookie: &str) -> ApiResult {
    response.headers_mut().set("set-cookie", cookie)?;
    Ok(response)
}

async fn account_by_email(db: &D1Database, email: &str) -> Result<Option<AccountRow>, ApiError> {
    Ok(db
        .prepare("SELECT id, email, name, role, password, disabled, group_kind, district, contact_person \
             FROM accounts WHERE email = ?1")
        .bind(&[email.into()])?
        .first(None)
        .await?)
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

/// `POST /api/v1/session`.
pub async fn sign_in(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let address = auth::client_address(&req);
    let input: SignIn = read_json(req).await?;
    let (view, cookie) = authenticate(&db, &address, &input).await?;
    with_cookie(json(&view, 200)?, &cookie)
}

/// Checks the credentials (rate-limited per e-mail and per address) and starts a session;
/// returns the account and the `Set-Cookie` value.
pub async fn authenticate(
    db: &D1Database,
    address: &str,
    input: &SignIn,
) -> Result<(AccountView, String), ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let email = input.email.trim().to_lowercase();
    let per_email = format!("sign-in:{email}");
    let per_address = format!("sign-in-address:{address}");
    auth::rate_limit(db, &per_email, SIGN_IN_PER_EMAIL, SIGN_IN_WINDOW).await?;
    auth::rate_limit(db, &per_address, SIGN_IN_PER_ADDRESS, SIGN_IN_WINDOW).await?;
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
    let Some(view) = account.filter(|_| verified).and_then(|row| row.view()) else {
        return Err(ApiError::InvalidCredentials);
    };
    auth::clear_rate_limit(db, &per_email).await?;
    auth::clear_rate_limit(db, &per_address).await?;
    let cookie = auth::start_session(db, &view.id).await?;
    Ok((view, cookie))
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

async fn create_account(
    db: &D1Database,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
    group: Option<&SignUp>,
) -> Result<String, ApiError> {
    let id = auth::random_uuid()?;
    let hash = auth::hash_password(password).await?;
    let text = |v: Option<String>| v.map_or(wasm_bindgen::JsValue::NULL, Into::into);
    let enum_text =
        |v: Option<serde_json::Value>| text(v.and_then(|v| v.as_str().map(str::to_owned)));
    db.prepare(
        "INSERT INTO accounts (id, email, name, role, password, group_kind, district, \
         contact_person, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .bind(&[
        id.as_str().into(),
        email.into(),
        name.trim().into(),
        role.as_str().into(),
        hash.into(),
        enum_text(group.and_then(|g| serde_json::to_value(g.group_kind).ok())),
        enum_text(group.and_then(|g| serde_json::to_value(g.district).ok())),
        text(group.map(|g| g.contact_person.trim().to_owned())),
        auth::now().into(),
    ])?
    .run()
    .await?;
    Ok(id)
}

/// `POST /api/v1/accounts`: an association or informal group signs up and is signed in.
pub async fn sign_up(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let limit = auth::hourly_limit(env, "SIGN_UP_PER_HOUR", 10);
    let address = format!("sign-up:{}", auth::client_address(&req));
    let input: SignUp = read_json(req).await?;
    input.validate().map_err(ApiError::Validation)?;
    auth::rate_limit(&db, &address, limit, 3600).await?;
    let email = input.email.trim().to_lowercase();
    if account_by_email(&db, &email).await?.is_some() {
        return Err(taken());
    }
    let id = create_account(
        &db,
        &email,
        &input.name,
        Role::Applicant,
        &input.password,
        Some(&input),
    )
    .await?;
    let cookie = auth::start_session(&db, &id).await?;
    let view = AccountView {
        id,
        email,
        name: input.name.trim().to_owned(),
        role: Role::Applicant,
        disabled: false,
        group: Some(GroupProfile {
            kind: input.group_kind,
            district: input.district,
            contact_person: input.contact_person.trim().to_owned(),
        }),
    };
    with_cookie(json(&view, 201)?, &cookie)
}

mod staff;

pub use staff::*;
