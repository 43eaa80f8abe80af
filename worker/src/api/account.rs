//! Sign-in, sign-out, sign-up of applicant groups, invitations, and the administrator's account
//! management.

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

#[derive(Serialize)]
pub struct Invited {
    pub url: String,
    pub expires_at: String,
}

/// `POST /api/v1/admin/invitations`: a one-time link to choose a password (sent by the
/// administrator by e-mail; the API does not send mail).
pub async fn invite(req: Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    let admin = auth::require(&req, &db, auth::is_admin).await?;
    let origin = req.url()?.origin().ascii_serialization();
    let input: Invitation = read_json(req).await?;
    let invited = create_invitation(&db, &admin, &input, &origin).await?;
    json(&invited, 201)
}

pub async fn create_invitation(
    db: &D1Database,
    admin: &Session,
    input: &Invitation,
    origin: &str,
) -> Result<Invited, ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let email = input.email.trim().to_lowercase();
    if account_by_email(db, &email).await?.is_some() {
        return Err(taken());
    }
    let token = auth::random_token()?;
    let expires_at = auth::time_from_now(INVITATION_DAYS * 86_400);
    db.prepare(
        "INSERT INTO invitations (token_hash, email, name, role, invited_by, created_at, expires_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&[
        auth::token_hash(&token).into(),
        email.into(),
        input.name.trim().into(),
        input.role.as_str().into(),
        admin.account.email.as_str().into(),
        auth::now().into(),
        expires_at.as_str().into(),
    ])?
    .run()
    .await?;
    Ok(Invited {
        url: format!("{origin}/redazione/invito/{token}"),
        expires_at,
    })
}

/// `POST /api/v1/invitations/{token}`: the invited person chooses a password and is signed in.
pub async fn accept(req: Request, env: &Env, token: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let input: AcceptInvitation = read_json(req).await?;
    let (view, cookie) = accept_invitation(&db::database(env)?, token, &input.password).await?;
    with_cookie(json(&view, 201)?, &cookie)
}

pub async fn accept_invitation(
    db: &D1Database,
    token: &str,
    password: &str,
) -> Result<(AccountView, String), ApiError> {
    #[derive(Deserialize)]
    struct Row {
        email: String,
        name: String,
        role: String,
    }
    let mut errors = ValidationErrors::default();
    check_new_password(&mut errors, password);
    errors.into_result(()).map_err(ApiError::Validation)?;
    let hash = auth::token_hash(token);
    let row: Option<Row> = db
        .prepare(
            "UPDATE invitations SET accepted_at = ?2 \
             WHERE token_hash = ?1 AND accepted_at IS NULL AND expires_at > ?2 \
             RETURNING email, name, role",
        )
        .bind(&[hash.into(), auth::now().into()])?
        .first(None)
        .await?;
    let row = row.ok_or(ApiError::Forbidden {
        code: "invitation_invalid",
        detail: "Invito scaduto o già usato: chiedi all'amministratore un nuovo invito.".into(),
    })?;
    let role = Role::parse(&row.role).ok_or(ApiError::Storage("invitation role".into()))?;
    if account_by_email(db, &row.email).await?.is_some() {
        return Err(taken());
    }
    let id = create_account(db, &row.email, &row.name, role, password, None).await?;
    let cookie = auth::start_session(db, &id).await?;
    Ok((
        AccountView {
            id,
            email: row.email,
            name: row.name,
            role,
            disabled: false,
            group: None,
        },
        cookie,
    ))
}

/// An invitation not yet accepted.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
    pub name: String,
    pub role: String,
    pub invited_by: String,
    pub expires_at: String,
}

/// Invitations still waiting to be accepted, newest first.
pub async fn pending_invitations(db: &D1Database) -> Result<Vec<PendingInvitation>, ApiError> {
    Ok(db
        .prepare(
            "SELECT email, name, role, invited_by, expires_at FROM invitations \
             WHERE accepted_at IS NULL AND expires_at > ?1 ORDER BY created_at DESC",
        )
        .bind(&[auth::now().into()])?
        .all()
        .await?
        .results()?)
}

/// Every account, staff first.
pub async fn all_accounts(db: &D1Database) -> Result<Vec<AccountView>, ApiError> {
    let rows = db
        .prepare(
            "SELECT id, email, name, role, password, disabled FROM accounts \
             ORDER BY role = 'applicant', name",
        )
        .all()
        .await?
        .results::<AccountRow>()?;
    Ok(rows.iter().filter_map(AccountRow::view).collect())
}

/// `GET /api/v1/admin/accounts`.
pub async fn list(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, auth::is_admin).await?;
    json(&all_accounts(&db).await?, 200)
}

/// `PATCH /api/v1/admin/accounts/{id}`.
pub async fn change(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let admin = auth::require(&req, &db, auth::is_admin).await?;
    let input: AccountChange = read_json(req).await?;
    json(&change_account(&db, &admin, id, &input).await?, 200)
}

pub async fn change_account(
    db: &D1Database,
    admin: &Session,
    id: &str,
    change: &AccountChange,
) -> Result<AccountView, ApiError> {
    let row: Option<AccountRow> = db
        .prepare("SELECT id, email, name, role, password, disabled FROM accounts WHERE id = ?1")
        .bind(&[id.into()])?
        .first(None)
        .await?;
    let mut account = row.and_then(|r| r.view()).ok_or(ApiError::NotFound)?;
    let mut errors = ValidationErrors::default();
    if account.id == admin.account.id {
        errors.push(
            "id",
            "self",
            "Non puoi cambiare il ruolo o disattivare il tuo stesso account.",
        );
    }
    if let Some(role) = change.role {
        if account.role == Role::Applicant || !Role::STAFF.contains(&role) {
            errors.push(
                "role",
                "not_staff",
                "Si cambiano solo i ruoli dello staff (amministratore, redattore, valutatore).",
            );
        }
        account.role = role;
    }
    if let Some(disabled) = change.disabled {
        account.disabled = disabled;
    }
    errors.into_result(()).map_err(ApiError::Validation)?;
    let mut batch = vec![db
        .prepare("UPDATE accounts SET role = ?2, disabled = ?3 WHERE id = ?1")
        .bind(&[
            id.into(),
            account.role.as_str().into(),
            wasm_bindgen::JsValue::from_f64(f64::from(u8::from(account.disabled))),
        ])?];
    if account.disabled || change.role.is_some() {
        // A disabled account, or one whose powers changed, signs in again.
        batch.push(
            db.prepare("DELETE FROM sessions WHERE account_id = ?1")
                .bind(&[id.into()])?,
        );
    }
    db.batch(batch).await?;
    Ok(account)
}
