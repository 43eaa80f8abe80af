//! Sign-in, sign-out and the sign-up of applicant groups; the staff's accounts (invitations and
//! the administrator's management) are in `staff.rs`. The operations the desk shares are in
//! `service::accounts`.

use sito_core::account::{AcceptInvitation, AccountChange, Invitation, SignIn, SignUp};
use worker::{Env, Request, Response};

use crate::{
    auth::{self, Need},
    db,
    error::ApiError,
    http::{json, read_json, with_cookie, with_cookies, ApiResult},
    service::accounts::{self, unique_or},
};

/// `POST /api/v1/session`.
pub async fn sign_in(req: Request, env: &Env) -> ApiResult {
    auth::check_origin(&req)?;
    let db = db::database(env)?;
    let key = auth::device::key(env);
    let caller = auth::Caller::of(&req, env);
    let input: SignIn = read_json(req).await?;
    let (view, cookies) = accounts::authenticate(&db, &caller, key.as_deref(), &input).await?;
    with_cookies(json(&view, 200)?, &cookies)
}

/// `GET /api/v1/session`: who is signed in.
pub async fn whoami(req: &Request, env: &Env) -> ApiResult {
    let session = auth::signed_in(req, &db::database(env)?).await?;
    json(&session.account, 200)
}

/// `DELETE /api/v1/session`.
pub async fn sign_out(req: &Request, env: &Env) -> ApiResult {
    auth::check_origin(req)?;
    let db = db::database(env)?;
    let session = auth::signed_in(req, &db).await?;
    let cookie = auth::end_session(&db, &session).await?;
    let mut response = Response::empty()?.with_status(204);
    response.headers_mut().set("set-cookie", &cookie)?;
    Ok(response)
}

mod sign_up;
mod staff;

pub use sign_up::*;
pub use staff::*;
