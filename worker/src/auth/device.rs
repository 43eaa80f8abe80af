//! Device tokens (OWASP "device cookies"): a browser where an account signed in successfully
//! keeps a token signed for that account, and is not subject to the account's lockout, so the
//! owner can still sign in while someone else is guessing the password.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use worker::Env;

use super::{cookie_in, random_bytes, Caller};
use crate::error::ApiError;

type HmacSha256 = Hmac<Sha256>;

/// How long a browser stays known: 180 days.
const MAX_AGE: u32 = 180 * 24 * 3600;

/// The signing key: the secret `DEVICE_TOKEN_KEY` (`wrangler secret put`), or the variable
/// of the same name in development. Without it no browser is ever known.
pub fn key(env: &Env) -> Option<Vec<u8>> {
    env.secret("DEVICE_TOKEN_KEY")
        .map(|s| s.to_string())
        .or_else(|_| env.var("DEVICE_TOKEN_KEY").map(|v| v.to_string()))
        .ok()
        .filter(|k| k.len() >= 16)
        .map(String::into_bytes)
}

/// One cookie per account, so that a shared browser can be known to several groups.
fn cookie_name(email: &str) -> String {
    let digest = Sha256::digest(email.as_bytes());
    let hex: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("sito_dispositivo_{hex}")
}

fn mac(key: &[u8], email: &str, nonce: &str) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(key).ok()?;
    mac.update(email.as_bytes());
    mac.update(b"\n");
    mac.update(nonce.as_bytes());
    Some(mac)
}

/// The token of this browser for `email`, if it carries one signed by `key`: its nonce.
pub fn known(caller: &Caller, key: &[u8], email: &str) -> Option<String> {
    let value = cookie_in(caller.cookies.as_deref()?, &cookie_name(email))?;
    let (nonce, signature) = value.split_once('.')?;
    let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
    mac(key, email, nonce)?.verify_slice(&signature).ok()?;
    Some(nonce.to_owned())
}

/// A new token for `email`, as a `Set-Cookie` value.
pub fn issue(key: &[u8], email: &str) -> Result<String, ApiError> {
    let nonce = URL_SAFE_NO_PAD.encode(random_bytes::<16>()?);
    let signature = mac(key, email, &nonce)
        .ok_or_else(|| ApiError::Storage("device token key unusable".into()))?
        .finalize()
        .into_bytes();
    Ok(format!(
        "{}={nonce}.{}; Max-Age={MAX_AGE}; Path=/; HttpOnly; Secure; SameSite=Strict",
        cookie_name(email),
        URL_SAFE_NO_PAD.encode(signature)
    ))
}
