//! Accounts, sessions and the checks every write goes through.
//!
//! - Passwords: PBKDF2-HMAC-SHA256 through the runtime's WebCrypto ([`derive_key`]), with a
//!   random salt; the stored form is [`PasswordHash`].
//! - Sessions: 32 random bytes in an `HttpOnly; Secure; SameSite=Lax` cookie; D1 keeps only
//!   their SHA-256, so a leaked table signs no one in.
//! - Writes: the `Origin` header must name this site ([`check_origin`]), and the caller's role
//!   is checked on the server ([`require`]).
//! - Sign-in and sign-up attempts are counted per e-mail and per address ([`rate_limit`]).

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use sito_core::account::{
    AccountView, GroupProfile, PasswordHash, Role, HASH_BYTES, PBKDF2_ITERATIONS, SALT_BYTES,
    SESSION_COOKIE, SESSION_DAYS,
};
use sito_core::api::ProblemCode;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use worker::{D1Database, Method, Request};

use crate::{db, error::ApiError};

fn js_error(e: JsValue) -> ApiError {
    ApiError::Storage(format!("crypto: {e:?}"))
}

fn crypto() -> Result<web_sys::Crypto, ApiError> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .map(JsCast::unchecked_into)
        .map_err(js_error)
}

/// `N` bytes from the runtime's cryptographic random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_error)?;
    Ok(bytes)
}

/// A random token for a cookie or an invitation link.
pub fn random_token() -> Result<String, ApiError> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

/// A random UUID (v4) from the runtime.
pub fn random_uuid() -> Result<String, ApiError> {
    Ok(crypto()?.random_uuid())
}

/// What D1 stores for a token.
pub fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// PBKDF2-HMAC-SHA256 of `password`, natively in the runtime (fast, unlike a wasm loop).
async fn derive_key(password: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, ApiError> {
    let subtle = crypto()?.subtle();
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let key_data = js_sys::Uint8Array::from(password.as_bytes());
    let key = JsFuture::from(
        subtle
            .import_key_with_str("raw", &key_data, "PBKDF2", false, &usages)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    let params = js_sys::Object::new();
    for (name, value) in [
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", js_sys::Uint8Array::from(salt).into()),
        ("iterations", JsValue::from_f64(f64::from(iterations))),
    ] {
        js_sys::Reflect::set(&params, &JsValue::from_str(name), &value).map_err(js_error)?;
    }
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &key.unchecked_into(), (HASH_BYTES * 8) as u32)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&bits).to_vec())
}

/// The stored form of a new password.
pub async fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = random_bytes::<SALT_BYTES>()?;
    let hash = derive_key(password, &salt, PBKDF2_ITERATIONS).await?;
    Ok(PasswordHash {
        iterations: PBKDF2_ITERATIONS,
        salt: salt.to_vec(),
        hash,
    }
    .encode())
}

/// Whether `password` matches the stored form.
pub async fn verify_password(password: &str, stored: &str) -> Result<bool, ApiError> {
    let Some(stored) = PasswordHash::decode(stored) else {
        return Ok(false);
    };
    let derived = derive_key(password, &stored.salt, stored.iterations).await?;
    Ok(stored.matches(&derived))
}

/// The time `seconds` from now, to the millisecond of the Workers clock.
pub fn time_from_now(seconds: i64) -> DateTime<Utc> {
    let ms = js_sys::Date::now() as i64 + seconds * 1000;
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

pub fn now() -> DateTime<Utc> {
    time_from_now(0)
}

/// The time `seconds` from now as D1 stores it (RFC 3339 with milliseconds, `Z`).
pub fn text_from_now(seconds: i64) -> String {
    sito_core::time::format(&time_from_now(seconds))
}

/// Now, as D1 stores it.
pub fn now_text() -> String {
    text_from_now(0)
}

/// Someone signed in.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: AccountView,
    pub token_hash: String,
}

impl Session {
    pub fn role(&self) -> Role {
        self.account.role
    }
}

fn cookie_value(req: &Request, name: &str) -> Option<String> {
    cookie_in(&req.headers().get("cookie").ok()??, name)
}

fn cookie_in(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then(|| value.to_owned())
    })
}

/// Who is calling, as far as a sign-in needs to know: the address and the cookies, read before
/// the body consumes the request.
pub struct Caller {
    pub address: String,
    cookies: Option<String>,
}

impl Caller {
    pub fn of(req: &Request, env: &worker::Env) -> Self {
        Caller {
            address: client_address(req, env),
            cookies: req.headers().get("cookie").ok().flatten(),
        }
    }
}

/// The session of the request's cookie, if it is valid, unexpired and its account enabled.
pub async fn current(req: &Request, database: &D1Database) -> Result<Option<Session>, ApiError> {
    let Some(token) = cookie_value(req, SESSION_COOKIE) else {
        return Ok(None);
    };
    let row = db::sessions::find(database, &token_hash(&token), &now_text()).await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(Session {
        account: AccountView {
            id: row.id,
            email: row.email,
            name: row.name,
            role: sito_core::stored::parse("role", &row.role)?,
            disabled: false,
            group: GroupProfile::from_columns(
                row.group_kind.as_deref(),
                row.district.as_deref(),
                row.contact_person.as_deref(),
            )?,
        },
        token_hash: row.token_hash,
    }))
}

/// The session of the request's cookie, or 401 without a valid one.
pub async fn signed_in(req: &Request, database: &D1Database) -> Result<Session, ApiError> {
    current(req, database).await?.ok_or(ApiError::Unauthorized)
}

/// The session, or 401 without one and 403 when its role may not do this; unsafe methods must
/// come from this site ([`check_origin`]).
pub async fn require(
    req: &Request,
    database: &D1Database,
    need: Need,
) -> Result<Session, ApiError> {
    check_origin(req)?;
    let session = signed_in(req, database).await?;
    session.must(need)?;
    Ok(session)
}

/// What an operation asks of the caller's role: the one place where roles are checked, by the
/// JSON API ([`require`]) and the desk pages ([`Session::must_or`]) alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Administrators: accounts, invitations, the audit log, maintenance.
    Admin,
    /// Editors and administrators: publishing, retiring, answering questions, publishing a
    /// call's decisions.
    Editor,
    /// Any member of staff (reviewers and operators too): opening the desk.
    Staff,
    /// Reviewers, editors and administrators: the review of proposals.
    Review,
    /// Operators, editors and administrators: the desk's appointment slots and bookings.
    Operator,
    /// An applicant group: its own proposals.
    Group,
}

impl Need {
    pub fn allows(self, role: Role) -> bool {
        match self {
            Need::Admin => role == Role::Admin,
            Need::Editor => role.can_edit(),
            Need::Staff => role.is_staff(),
            Need::Review => role.can_review(),
            Need::Operator => role.can_operate(),
            Need::Group => role == Role::Applicant,
        }
    }
}

impl Session {
    /// Whether this session's role meets `need`.
    pub fn can(&self, need: Need) -> bool {
        need.allows(self.role())
    }

    /// 403 `role_forbidden` unless this session's role meets `need`.
    pub fn must(&self, need: Need) -> Result<(), ApiError> {
        self.must_or(need, |role| {
            format!(
                "Il ruolo «{}» non consente questa operazione.",
                role.label_it()
            )
        })
    }

    /// Like [`Session::must`], with the refusal's detail said by `detail` from the role.
    pub fn must_or(&self, need: Need, detail: impl FnOnce(Role) -> String) -> Result<(), ApiError> {
        if self.can(need) {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                code: ProblemCode::RoleForbidden,
                detail: detail(self.role()),
            })
        }
    }
}

/// Starts a session for `account_id`; returns the `Set-Cookie` value.
pub async fn start_session(database: &D1Database, account_id: &str) -> Result<String, ApiError> {
    let token = random_token()?;
    let max_age = SESSION_DAYS * 86_400;
    db::sessions::insert(
        database,
        &token_hash(&token),
        account_id,
        &now_text(),
        &text_from_now(max_age),
    )
    .await?;
    Ok(format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={max_age}"
    ))
}

/// Ends the session; returns the `Set-Cookie` value that clears the cookie.
pub async fn end_session(database: &D1Database, session: &Session) -> Result<String, ApiError> {
    db::sessions::delete(database, &session.token_hash).await?;
    Ok(format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0"
    ))
}

/// Unsafe methods must come from a page of this site: the `Origin` header is required and must
/// equal the site's own origin. Browsers always send it on such requests, so a form or script
/// on another site cannot act with a signed-in editor's cookie.
pub fn check_origin(req: &Request) -> Result<(), ApiError> {
    if matches!(req.method(), Method::Get | Method::Head | Method::Options) {
        return Ok(());
    }
    let own = req.url()?.origin().ascii_serialization();
    match req.headers().get("origin")? {
        Some(origin) if origin == own => Ok(()),
        Some(origin) => Err(ApiError::Forbidden {
            code: ProblemCode::CrossOrigin,
            detail: format!("Richiesta da un'altra origine ({origin}) rifiutata."),
        }),
        None => Err(ApiError::Forbidden {
            code: ProblemCode::OriginRequired,
            detail:
                "Manca l'intestazione Origin: le modifiche si fanno solo dalle pagine del sito."
                    .into(),
        }),
    }
}

/// The caller's address, from the header named by the variable `TRUSTED_ADDRESS_HEADER`:
/// `cf-connecting-ip` on Cloudflare's edge, which sets it from the connection and overwrites
/// whatever the client sent. The local dev server passes a client's own `CF-Connecting-IP`
/// through, so `make dev` and the tests set the variable empty and every local caller is one
/// address, "local": no request can choose its own.
pub fn client_address(req: &Request, env: &worker::Env) -> String {
    let header = env
        .var("TRUSTED_ADDRESS_HEADER")
        .map(|v| v.to_string())
        .unwrap_or_default();
    if header.is_empty() {
        return "local".into();
    }
    req.headers()
        .get(&header)
        .ok()
        .flatten()
        .unwrap_or_else(|| "unknown".into())
}

/// Counts one event under `key` in a fixed window of `window_seconds`; refuses with 429 once
/// `max` events fell in the current window.
pub async fn rate_limit(
    database: &D1Database,
    key: &str,
    max: u32,
    window_seconds: i64,
) -> Result<(), ApiError> {
    let row =
        db::rate_limits::count(database, key, &now_text(), &text_from_now(-window_seconds)).await?;
    match row {
        Some(row) if row.count > max => {
            let started = js_sys::Date::parse(&row.window_start);
            let ends = started + (window_seconds as f64) * 1000.0;
            let retry_after = ((ends - js_sys::Date::now()) / 1000.0).ceil().max(1.0) as u64;
            Err(ApiError::TooManyRequests { retry_after })
        }
        _ => Ok(()),
    }
}

/// A per-hour limit from the environment variable `name` (tests raise them), or `default`.
pub fn hourly_limit(env: &worker::Env, name: &str, default: u32) -> u32 {
    env.var(name)
        .ok()
        .and_then(|v| v.to_string().parse().ok())
        .unwrap_or(default)
}

/// Gives back the one event counted under `key` by [`rate_limit`] in the current window: a
/// sign-in that succeeded was not a guess. Nothing else is forgiven, so a success on one
/// account never buys more guesses on another.
pub async fn refund(database: &D1Database, key: &str) -> Result<(), ApiError> {
    db::rate_limits::refund(database, key).await
}

pub mod device;
