//! Staff accounts: an administrator's invitations (one-time links to choose a password), the
//! pending ones, the list of accounts, and changes of role or state.

use super::*;
use sito_core::api::ProblemCode;

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
    let origin = crate::api::public_origin(env);
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
        input.role.as_ref().into(),
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
    let invalid = || ApiError::Forbidden {
        code: ProblemCode::InvitationInvalid,
        detail: "Invito scaduto o già usato: chiedi all'amministratore un nuovo invito.".into(),
    };
    let token_hash = auth::token_hash(token);
    let now = auth::now();
    let row: Row = db
        .prepare(
            "SELECT email, name, role FROM invitations \
             WHERE token_hash = ?1 AND accepted_at IS NULL AND expires_at > ?2",
        )
        .bind(&[token_hash.as_str().into(), now.as_str().into()])?
        .first(None)
        .await?
        .ok_or_else(invalid)?;
    let role: Role = sito_core::stored::parse("invitation role", &row.role)?;
    // Checked before anything is written: an e-mail that has an account leaves the invitation
    // as it was.
    if account_by_email(db, &row.email).await?.is_some() {
        return Err(taken());
    }
    let id = auth::random_uuid()?;
    let stored_password = auth::hash_password(password).await?;
    // One batch: the invitation is used up only by the write that creates the account, and an
    // account is created only by the write that used the invitation up (a copy racing this one
    // changes nothing; an e-mail taken meanwhile rolls both back).
    let results = db
        .batch(vec![
            db.prepare(
                "UPDATE invitations SET accepted_at = ?2 \
                 WHERE token_hash = ?1 AND accepted_at IS NULL AND expires_at > ?2",
            )
            .bind(&[token_hash.as_str().into(), now.as_str().into()])?,
            db.prepare(
                "INSERT INTO accounts (id, email, name, role, password, created_at) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE changes() = 1",
            )
            .bind(&[
                id.as_str().into(),
                row.email.as_str().into(),
                row.name.trim().into(),
                role.as_ref().into(),
                stored_password.into(),
                now.as_str().into(),
            ])?,
        ])
        .await
        .map_err(|e| unique_or(e, taken()))?;
    if db::changes(results.first()) != 1 {
        return Err(invalid());
    }
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
    rows.iter().map(AccountRow::view).collect()
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
    let mut account = row.ok_or(ApiError::NotFound)?.view()?;
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
            account.role.as_ref().into(),
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
