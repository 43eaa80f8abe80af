//! The SI.T.O. Giovani API: a Cloudflare Worker that stores content in D1 and serves the sync
//! feed. Static assets (the app) are served by the Workers assets binding before this code runs;
//! only `/api/*` and the shareable detail pages (`pages.rs`) reach it.

mod api;
mod auth;
mod db;
mod desk_forms;
mod desk_pages;
mod editorial;
mod error;
mod faults;
mod http;
mod italian_time;
mod mail;
mod pages;
mod service;

use worker::{event, Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let path = req.path();
    if path.starts_with("/api/") {
        match faults::rate(&req, &env) {
            Some(rate) => Ok(faults::handle(req, env, rate).await),
            None => Ok(api::handle(req, env).await),
        }
    } else if path == "/redazione" || path.starts_with("/redazione/") {
        Ok(desk_pages::handle(req, env).await)
    } else {
        Ok(pages::handle(req, env).await)
    }
}

/// The cron triggers (wrangler.toml): every five minutes, publish what is due; daily, drop
/// tombstones older than the retention period, delete the personal details of bookings and lab
/// sign-ups past their keeping time, and write the monitoring report's daily aggregate.
#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    if event.cron() == "17 3 * * *" {
        match api::admin::purge_older_than(&env, api::admin::DEFAULT_RETENTION_DAYS).await {
            Ok((purged, cutoff)) => {
                worker::console_log!("purged {purged} tombstones up to {cutoff}")
            }
            Err(e) => worker::console_error!("tombstone purge failed: {e}"),
        }
        let database = match db::database(&env) {
            Ok(database) => database,
            Err(e) => {
                worker::console_error!("no database: {e}");
                return;
            }
        };
        match service::appointments::purge_due(&database).await {
            Ok((n, cutoff)) => {
                worker::console_log!("purged the details of {n} bookings up to {cutoff}")
            }
            Err(e) => worker::console_error!("booking purge failed: {e}"),
        }
        match service::labs::purge_due(&database, service::labs::PURGE_AFTER_DAYS).await {
            Ok(0) => {}
            Ok(n) => worker::console_log!("deleted the sign-ups' personal details of {n} labs"),
            Err(e) => worker::console_error!("lab sign-up purge failed: {e}"),
        }
        match service::bank::purge_expired(&database).await {
            Ok(0) => {}
            Ok(n) => worker::console_log!("deleted {n} expired CV bank profiles"),
            Err(e) => worker::console_error!("CV bank expiry failed: {e}"),
        }
        match service::monitoring::write_daily(&database, auth::now()).await {
            Ok(day) => worker::console_log!("monitoring: open opportunities of {day} written"),
            Err(e) => worker::console_error!("monitoring aggregate failed: {e}"),
        }
        return;
    }
    match db::database(&env) {
        Ok(database) => match editorial::publish_due(&database).await {
            Ok(0) => {}
            Ok(n) => worker::console_log!("published {n} scheduled items"),
            Err(e) => worker::console_error!("scheduled publishing failed: {e}"),
        },
        Err(e) => worker::console_error!("no database: {e}"),
    }
}
