//! Accounts as both the JSON API and the desk use them: signing in, the administrator's
//! invitations and changes of role or state, and accepting an invitation.

use serde::Serialize;
use sito_core::api::ProblemCode;
use sito_core::{
    account::{
        check_new_password, AccountChange, AccountView, Invitation, Role, SignIn, INVITATION_DAYS,
    },
    ValidationErrors,
};
use worker::D1Database;

pub use crate::db::accounts::PendingInvitation;
use crate::{
    auth::{self, Session},
    db::{
        self,
        accounts::{self, AccountRow, NewInvitation, NewStaff},
    },
    error::ApiError,
};

/// Guesses allowed in [`SIGN_IN_WINDOW`] seconds: per account from browsers it never signed in
/// from, per address (sized for an office or a school behind one address), and per known
/// browser of an account. A success gives back only its own attempt.
const SIGN_IN_PER_ACCOUNT: u32 = 10;
const SIGN_IN_PER_ADDRESS: u32 = 100;
const SIGN_IN_PER_KNOWN_DEVICE: u32 = 10;
const SIGN_IN_WINDOW: i64 = 3600;

pub fn taken() -> ApiError {
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
pub fn unique_or(error: worker::Error, on_unique: ApiError) -> ApiError {
    match error.to_string() {
        m if m.contains("UNIQUE") => on_unique,
        m => ApiError::Storage(m),
    }
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
    let account = accounts::by_email(db, &email).await?;
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

#[derive(Serialize)]
pub struct Invited {
    pub url: String,
    pub expires_at: String,
}

pub async fn create_invitation(
    db: &D1Database,
    admin: &Session,
    input: &Invitation,
    origin: &str,
) -> Result<Invited, ApiError> {
    input.validate().map_err(ApiError::Validation)?;
    let email = input.email.trim().to_lowercase();
    if accounts::by_email(db, &email).await?.is_some() {
        return Err(taken());
    }
    let token = auth::random_token()?;
    let expires_at = auth::text_from_now(INVITATION_DAYS * 86_400);
    accounts::insert_invitation(
        db,
        &NewInvitation {
            token_hash: &auth::token_hash(&token),
            email: &email,
            name: input.name.trim(),
            role: input.role,
            invited_by: &admin.account.email,
            created_at: &auth::now_text(),
            expires_at: &expires_at,
        },
    )
    .await?;
    Ok(Invited {
        url: format!("{origin}/redazione/invito/{token}"),
        expires_at,
    })
}

pub async fn accept_invitation(
    db: &D1Database,
    token: &str,
    password: &str,
) -> Result<(AccountView, String), ApiError> {
    let mut errors = ValidationErrors::default();
    check_new_password(&mut errors, password);
    errors.into_result(()).map_err(ApiError::Validation)?;
    let invalid = || ApiError::Forbidden {
        code: ProblemCode::InvitationInvalid,
        detail: "Invito scaduto o già usato: chiedi all'amministratore un nuovo invito.".into(),
    };
    let token_hash = auth::token_hash(token);
    let now = auth::now_text();
    let row = accounts::open_invitation(db, &token_hash, &now)
        .await?
        .ok_or_else(invalid)?;
    let role: Role = sito_core::stored::parse("invitation role", &row.role)?;
    // Checked before anything is written: an e-mail that has an account leaves the invitation
    // as it was.
    if accounts::by_email(db, &row.email).await?.is_some() {
        return Err(taken());
    }
    let id = auth::random_uuid()?;
    let stored_password = auth::hash_password(password).await?;
    // One batch: the invitation is used up only by the write that creates the account, and an
    // account is created only by the write that used the invitation up (a copy racing this one
    // changes nothing; an e-mail taken meanwhile rolls both back).
    let results = db
        .batch(vec![
            accounts::use_invitation(db, &token_hash, &now)?,
            accounts::insert_invited(
                db,
                NewStaff {
                    id: &id,
                    email: &row.email,
                    name: row.name.trim(),
                    role,
                    password: stored_password,
                    created_at: &now,
                },
            )?,
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

/// Invitations still waiting to be accepted, newest first.
pub async fn pending_invitations(db: &D1Database) -> Result<Vec<PendingInvitation>, ApiError> {
    accounts::pending_invitations(db, &auth::now_text()).await
}

/// Every account, staff first.
pub async fn all_accounts(db: &D1Database) -> Result<Vec<AccountView>, ApiError> {
    let rows = accounts::all(db).await?;
    rows.iter().map(AccountRow::view).collect()
}

pub async fn change_account(
    db: &D1Database,
    admin: &Session,
    id: &str,
    change: &AccountChange,
) -> Result<AccountView, ApiError> {
    let row = accounts::staff_view_of(db, id).await?;
    let mut account = row
        .map(|r| r.view())
        .transpose()?
        .ok_or(ApiError::NotFound)?;
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
    let mut batch = vec![accounts::update_role_and_state(
        db,
        id,
        account.role,
        account.disabled,
    )?];
    if account.disabled || change.role.is_some() {
        // A disabled account, or one whose powers changed, signs in again.
        batch.push(accounts::end_sessions(db, id)?);
    }
    db.batch(batch).await?;
    Ok(account)
}
