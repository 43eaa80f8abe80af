//! Routing of `/api/v1/*`. Every answer, success or failure, is built here, so no handler can
//! leak a bare 500.

pub mod account;
pub mod admin;
mod appointments;
mod bank;
mod content;
pub mod desk;
mod feeds;
mod health;
pub mod labs;
pub mod proposals;
pub mod questions;
pub mod review;
mod sync;

use sito_core::ContentKind;
use worker::{Env, Method, Request, Response};

use crate::{error::ApiError, http::ApiResult};

pub async fn handle(req: Request, env: Env) -> Response {
    match route(req, env).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn route(req: Request, env: Env) -> ApiResult {
    let path = req.path();
    let rest = path.strip_prefix("/api/v1/").ok_or(ApiError::NotFound)?;
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let method = req.method();
    let kind_of = |plural: &str| ContentKind::from_plural(plural).ok_or(ApiError::NotFound);
    let not_allowed = |allow| Err(ApiError::MethodNotAllowed { allow });
    match (segments.as_slice(), method) {
        (["health"], Method::Get) => health::get(&env).await,
        (["sync"], Method::Get) => sync::pull(&req, &env).await,
        (["feeds", name], Method::Get) => feeds::get(&env, name).await,
        (["session"], Method::Post) => account::sign_in(req, &env).await,
        (["session"], Method::Get) => account::whoami(&req, &env).await,
        (["session"], Method::Delete) => account::sign_out(&req, &env).await,
        (["session"], _) => not_allowed("GET, POST, DELETE"),
        (["accounts"], Method::Post) => account::sign_up(req, &env).await,
        (["accounts"], _) => not_allowed("POST"),
        (["sign-ups", token], Method::Post) => account::confirm(&req, &env, token).await,
        (["sign-ups", _], _) => not_allowed("POST"),
        (["invitations", token], Method::Post) => account::accept(req, &env, token).await,
        (["invitations", _], _) => not_allowed("POST"),
        (["proposals"], Method::Post) => proposals::submit(req, &env).await,
        (["proposals"], Method::Get) => proposals::list(&req, &env).await,
        (["proposals"], _) => not_allowed("GET, POST"),
        (["proposals", id], Method::Get) => proposals::get(&req, &env, id).await,
        (["proposals", _], _) => not_allowed("GET"),
        (["proposals", id, "withdraw"], Method::Post) => proposals::withdraw(&req, &env, id).await,
        (["proposals", _, "withdraw"], _) => not_allowed("POST"),
        (["labs", id, "signups"], Method::Post) => labs::sign_up(req, &env, id).await,
        (["labs", _, "signups"], _) => not_allowed("POST"),
        (["labs", id, "signups", signup, "cancel"], Method::Post) => {
            labs::cancel(req, &env, id, signup).await
        }
        (["labs", _, "signups", _, "cancel"], _) => not_allowed("POST"),
        (["labs", id, "signups", signup], Method::Get) => {
            labs::look_up(&req, &env, id, signup).await
        }
        (["labs", _, "signups", _], _) => not_allowed("GET"),
        (["bank", "profiles"], Method::Post) => bank::submit(req, &env).await,
        (["bank", "profiles"], _) => not_allowed("POST"),
        (["bank", "profiles", id], Method::Get) => bank::record(&req, &env, id).await,
        (["bank", "profiles", id], Method::Put) => bank::update(req, &env, id).await,
        (["bank", "profiles", _], _) => not_allowed("GET, PUT"),
        (["bank", "profiles", id, "delete"], Method::Post) => bank::delete(req, &env, id).await,
        (["bank", "profiles", _, "delete"], _) => not_allowed("POST"),
        (["bank", "profiles", id, "proposals", proposal, "answer"], Method::Post) => {
            bank::answer(req, &env, id, proposal).await
        }
        (["bank", "profiles", _, "proposals", _, "answer"], _) => not_allowed("POST"),
        (["bank", "search"], Method::Get) => bank::search(&req, &env).await,
        (["bank", "search"], _) => not_allowed("GET"),
        (["bank", "proposals"], Method::Post) => bank::propose(req, &env).await,
        (["bank", "proposals"], Method::Get) => bank::proposals(&req, &env).await,
        (["bank", "proposals"], _) => not_allowed("GET, POST"),
        (["questions"], Method::Post) => questions::ask(req, &env).await,
        (["questions"], _) => not_allowed("POST"),
        (["questions", code], Method::Get) => questions::follow(&env, code).await,
        (["questions", _], _) => not_allowed("GET"),
        (["appointments", "slots"], Method::Get) => appointments::slots(&req, &env).await,
        (["appointments", "slots"], _) => not_allowed("GET"),
        (["appointments"], Method::Post) => appointments::book(req, &env).await,
        (["appointments"], _) => not_allowed("POST"),
        (["appointments", id, "cancel"], Method::Post) => appointments::cancel(req, &env, id).await,
        (["appointments", _, "cancel"], _) => not_allowed("POST"),
        (["desk", "appointments"], Method::Get) => appointments::day(&req, &env).await,
        (["desk", "appointments"], _) => not_allowed("GET"),
        (["desk", "appointments", "series"], Method::Post) => {
            appointments::create_series(req, &env).await
        }
        (["desk", "appointments", "series"], _) => not_allowed("POST"),
        (["desk", "appointments", id, "attendance"], Method::Put) => {
            appointments::attendance(req, &env, id).await
        }
        (["desk", "appointments", _, "attendance"], _) => not_allowed("PUT"),
        (["admin", "appointments", "purge"], Method::Post) => appointments::purge(&req, &env).await,
        (["admin", "appointments", "purge"], _) => not_allowed("POST"),
        (["admin", "accounts"], Method::Get) => account::list(&req, &env).await,
        (["admin", "accounts"], _) => not_allowed("GET"),
        (["admin", "accounts", id], Method::Patch) => account::change(req, &env, id).await,
        (["admin", "accounts", _], _) => not_allowed("PATCH"),
        (["admin", "invitations"], Method::Post) => account::invite(req, &env).await,
        (["admin", "invitations"], _) => not_allowed("POST"),
        (["admin", "tombstones", "purge"], Method::Post) => {
            admin::purge_tombstones(&req, &env).await
        }
        (["admin", "tombstones", "purge"], _) => not_allowed("POST"),
        (["admin", "labs", "purge"], Method::Post) => labs::purge(&req, &env).await,
        (["admin", "bank", "purge"], Method::Post) => bank::purge(&req, &env).await,
        (["admin", "bank", "purge"], _) => not_allowed("POST"),
        (["admin", "labs", "purge"], _) => not_allowed("POST"),
        (["desk", "entries"], Method::Get) => desk::list(&req, &env).await,
        (["desk", "entries"], _) => not_allowed("GET"),
        (["desk", "entries", plural, id], method) => {
            let kind = kind_of(plural)?;
            match method {
                Method::Get => desk::get(&req, &env, kind, id).await,
                Method::Put => desk::put(req, &env, kind, id).await,
                Method::Delete => desk::delete(&req, &env, kind, id).await,
                _ => not_allowed("GET, PUT, DELETE"),
            }
        }
        (["desk", "entries", plural, id, "history"], Method::Get) => {
            desk::history(&req, &env, kind_of(plural)?, id).await
        }
        (["desk", "preview", plural], Method::Post) => {
            desk::preview(req, &env, kind_of(plural)?).await
        }
        (["desk", "audit"], Method::Get) => desk::audit(&req, &env).await,
        (["desk", "questions"], Method::Get) => questions::list(&req, &env).await,
        (["desk", "questions", id, "assign"], Method::Post) => {
            questions::assign(req, &env, id).await
        }
        (["desk", "questions", id, "answer"], Method::Put) => {
            questions::answer(req, &env, id).await
        }
        (["desk", "questions", id, "decline"], Method::Post) => {
            questions::decline(&req, &env, id).await
        }
        (["review", "calls"], Method::Get) => review::calls(&req, &env).await,
        (["review", "calls"], _) => not_allowed("GET"),
        (["review", "calls", id, "proposals"], Method::Get) => {
            review::proposals(&req, &env, id).await
        }
        (["review", "calls", id, "publish"], Method::Post) => review::publish(&req, &env, id).await,
        (["review", "calls", id, "export.csv"], Method::Get) => {
            review::export_csv(&req, &env, id).await
        }
        (["review", "calls", _, "proposals" | "export.csv"], _) => not_allowed("GET"),
        (["review", "calls", _, "publish"], _) => not_allowed("POST"),
        (["review", "proposals", id], Method::Get) => review::get(&req, &env, id).await,
        (["review", "proposals", _], _) => not_allowed("GET"),
        (["review", "proposals", id, "score"], Method::Put) => review::score(req, &env, id).await,
        (["review", "proposals", id, "changes"], Method::Post) => {
            review::changes(req, &env, id).await
        }
        (["review", "proposals", id, "decision"], Method::Put) => {
            review::decision(req, &env, id).await
        }
        (["review", "proposals", _, "score" | "decision"], _) => not_allowed("PUT"),
        (["review", "proposals", _, "changes"], _) => not_allowed("POST"),
        ([collection, id], method) if ContentKind::from_plural(collection).is_some() => {
            let kind = kind_of(collection)?;
            match method {
                Method::Get => content::get(&env, kind, id).await,
                Method::Put => desk::publish_now(req, &env, kind, id).await,
                Method::Delete => desk::delete_now(&req, &env, kind, id).await,
                _ => not_allowed("GET, PUT, DELETE"),
            }
        }
        (["health"] | ["sync"] | ["feeds", _], _) => not_allowed("GET"),
        _ => Err(ApiError::NotFound),
    }
}
