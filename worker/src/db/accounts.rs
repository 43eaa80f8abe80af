//! D1 access for accounts, the administrator's invitations and the groups' pending sign-ups.
//! Tokens are stored as their hashes (`auth::token_hash`), passwords in their stored form.

use serde::{Deserialize, Serialize};
use sito_core::account::{AccountView, GroupProfile, Role};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

#[derive(Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password: String,
    pub disabled: u8,
    #[serde(default)]
    pub group_kind: Option<String>,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub contact_person: Option<String>,
}

impl AccountRow {
    /// The account as the API shows it; a role or profile this build does not know is a
    /// storage error.
    pub fn view(&self) -> Result<AccountView, ApiError> {
        Ok(AccountView {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: sito_core::stored::parse("role", &self.role)?,
            disabled: self.disabled != 0,
            group: GroupProfile::from_columns(
                self.group_kind.as_deref(),
                self.district.as_deref(),
                self.contact_person.as_deref(),
            )?,
        })
    }
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

pub async fn by_email(db: &D1Database, email: &str) -> Result<Option<AccountRow>, ApiError> {
    account_where(db, "email", email).await
}

pub async fn by_id(db: &D1Database, id: &str) -> Result<Option<AccountRow>, ApiError> {
    account_where(db, "id", id).await
}

/// The account `id` without its group's columns, as the administrator's list and changes
/// read it.
pub async fn staff_view_of(db: &D1Database, id: &str) -> Result<Option<AccountRow>, ApiError> {
    Ok(db
        .prepare("SELECT id, email, name, role, password, disabled FROM accounts WHERE id = ?1")
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// Every account, staff first.
pub async fn all(db: &D1Database) -> Result<Vec<AccountRow>, ApiError> {
    Ok(db
        .prepare(
            "SELECT id, email, name, role, password, disabled FROM accounts \
             ORDER BY role = 'applicant', name",
        )
        .all()
        .await?
        .results::<AccountRow>()?)
}

/// Whether `id` is an enabled editor or administrator.
pub async fn is_active_editor(db: &D1Database, id: &str) -> Result<bool, ApiError> {
    let staff: Option<serde_json::Value> = db
        .prepare("SELECT id FROM accounts WHERE id = ?1 AND role IN ('admin', 'editor') AND disabled = 0")
        .bind(&[id.into()])?
        .first(None)
        .await?;
    Ok(staff.is_some())
}

/// The statement that sets the account's role and state.
pub fn update_role_and_state(
    db: &D1Database,
    id: &str,
    role: Role,
    disabled: bool,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare("UPDATE accounts SET role = ?2, disabled = ?3 WHERE id = ?1")
        .bind(&[
            id.into(),
            role.as_ref().into(),
            JsValue::from_f64(f64::from(u8::from(disabled))),
        ])?)
}

/// The statement that ends every session of the account.
pub fn end_sessions(db: &D1Database, id: &str) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare("DELETE FROM sessions WHERE account_id = ?1")
        .bind(&[id.into()])?)
}

/// An invitation to be stored.
pub struct NewInvitation<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub invited_by: &'a str,
    pub created_at: &'a str,
    pub expires_at: &'a str,
}

pub async fn insert_invitation(db: &D1Database, new: &NewInvitation<'_>) -> Result<(), ApiError> {
    db.prepare(
        "INSERT INTO invitations (token_hash, email, name, role, invited_by, created_at, expires_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .bind(&[
        new.token_hash.into(),
        new.email.into(),
        new.name.into(),
        new.role.as_ref().into(),
        new.invited_by.into(),
        new.created_at.into(),
        new.expires_at.into(),
    ])?
    .run()
    .await?;
    Ok(())
}

/// Who an invitation is for.
#[derive(Deserialize)]
pub struct InvitationRow {
    pub email: String,
    pub name: String,
    pub role: String,
}

/// The invitation whose token hashes to `token_hash`, unused and unexpired at `now`.
pub async fn open_invitation(
    db: &D1Database,
    token_hash: &str,
    now: &str,
) -> Result<Option<InvitationRow>, ApiError> {
    Ok(db
        .prepare(
            "SELECT email, name, role FROM invitations \
             WHERE token_hash = ?1 AND accepted_at IS NULL AND expires_at > ?2",
        )
        .bind(&[token_hash.into(), now.into()])?
        .first(None)
        .await?)
}

/// The statement that uses the invitation up (changes one row only if it was still open).
pub fn use_invitation(
    db: &D1Database,
    token_hash: &str,
    now: &str,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "UPDATE invitations SET accepted_at = ?2 \
             WHERE token_hash = ?1 AND accepted_at IS NULL AND expires_at > ?2",
        )
        .bind(&[token_hash.into(), now.into()])?)
}

/// A staff account to be made from an invitation.
pub struct NewStaff<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password: String,
    pub created_at: &'a str,
}

/// The statement that makes the account, only right after [`use_invitation`] changed a row.
pub fn insert_invited(db: &D1Database, new: NewStaff<'_>) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO accounts (id, email, name, role, password, created_at) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE changes() = 1",
        )
        .bind(&[
            new.id.into(),
            new.email.into(),
            new.name.into(),
            new.role.as_ref().into(),
            new.password.into(),
            new.created_at.into(),
        ])?)
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

/// Invitations still waiting to be accepted at `now`, newest first.
pub async fn pending_invitations(
    db: &D1Database,
    now: &str,
) -> Result<Vec<PendingInvitation>, ApiError> {
    Ok(db
        .prepare(
            "SELECT email, name, role, invited_by, expires_at FROM invitations \
             WHERE accepted_at IS NULL AND expires_at > ?1 ORDER BY created_at DESC",
        )
        .bind(&[now.into()])?
        .all()
        .await?
        .results()?)
}

/// A group's sign-up, kept until the link sent to its e-mail is opened.
pub struct NewSignUp<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    pub group_kind: &'a str,
    pub district: &'a str,
    pub contact_person: &'a str,
    pub created_at: &'a str,
    pub expires_at: &'a str,
}

/// The statement that keeps a sign-up.
pub fn insert_sign_up(
    db: &D1Database,
    new: &NewSignUp<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO sign_ups (token_hash, email, name, password, group_kind, district, \
             contact_person, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(&[
            new.token_hash.into(),
            new.email.into(),
            new.name.into(),
            new.password.into(),
            new.group_kind.into(),
            new.district.into(),
            new.contact_person.into(),
            new.created_at.into(),
            new.expires_at.into(),
        ])?)
}

/// The statement that makes account `id` from the unexpired sign-up whose token hashes to
/// `token_hash`, unless its e-mail already has an account.
pub fn insert_signed_up(
    db: &D1Database,
    token_hash: &str,
    id: &str,
    now: &str,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO accounts (id, email, name, role, password, group_kind, district, \
             contact_person, created_at) \
             SELECT ?2, s.email, s.name, 'applicant', s.password, s.group_kind, s.district, \
             s.contact_person, ?3 FROM sign_ups s \
             WHERE s.token_hash = ?1 AND s.expires_at > ?3 \
             AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.email = s.email)",
        )
        .bind(&[token_hash.into(), id.into(), now.into()])?)
}

/// The statement that drops the sign-up, every other one of account `id`'s e-mail, and every
/// expired one.
pub fn delete_sign_ups(
    db: &D1Database,
    token_hash: &str,
    id: &str,
    now: &str,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "DELETE FROM sign_ups WHERE token_hash = ?1 OR expires_at <= ?3 \
             OR email IN (SELECT email FROM accounts WHERE id = ?2)",
        )
        .bind(&[token_hash.into(), id.into(), now.into()])?)
}
