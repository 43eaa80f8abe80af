//! Staff accounts: an administrator's invitations (one-time links to choose a password), the
//! list of accounts, and changes of role or state.

use super::*;

/// `POST /api/v1/admin/invitations`: a one-time link to choose a password (sent by the
/// administrator by e-mail; the API does not send mail).
pub async fn invite(req: Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    let admin = auth::require(&req, &db, Need::Admin).await?;
    let origin = crate::http::public_origin(env);
    let input: Invitation = read_json(req).await?;
    let invited = accounts::create_invitation(&db, &admin, &input, &origin).await?;
    json(&invited, 201)
}

/// `POST /api/v1/invitations/{token}`: the invited person chooses a password and is signed in.
pub async fn accept(req: Request, env: &Env, token: &str) -> ApiResult {
    auth::check_origin(&req)?;
    let input: AcceptInvitation = read_json(req).await?;
    let (view, cookie) =
        accounts::accept_invitation(&db::database(env)?, token, &input.password).await?;
    with_cookie(json(&view, 201)?, &cookie)
}

/// `GET /api/v1/admin/accounts`.
pub async fn list(req: &Request, env: &Env) -> ApiResult {
    let db = db::database(env)?;
    auth::require(req, &db, Need::Admin).await?;
    json(&accounts::all_accounts(&db).await?, 200)
}

/// `PATCH /api/v1/admin/accounts/{id}`.
pub async fn change(req: Request, env: &Env, id: &str) -> ApiResult {
    let db = db::database(env)?;
    let admin = auth::require(&req, &db, Need::Admin).await?;
    let input: AccountChange = read_json(req).await?;
    json(
        &accounts::change_account(&db, &admin, id, &input).await?,
        200,
    )
}
