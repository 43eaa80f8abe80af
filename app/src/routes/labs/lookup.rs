//! When a labs page opens online, the phone asks the server where each of its sent sign-ups
//! stands now (`GET /api/v1/labs/{id}/signups/{signup_id}?code=`): a place freed by someone
//! else moves the first of the waiting list up on the server, and only this look-up tells the
//! phone. A changed receipt is kept again in its outbox entry, so the page says "Posto
//! confermato" from then on, offline too.

use leptos::{prelude::*, task::spawn_local};
use sito_core::lab::signup::SignupReceipt;

use crate::{
    api,
    outbox::{use_outbox, Outbox},
    save_problem::written,
    store::{self, OutboxState, Receipt},
};

/// Looks up this phone's sign-ups that may still change, once, when the page opens.
pub(crate) fn use_signup_lookup() {
    let outbox = use_outbox();
    Effect::new(move |_| spawn_local(look_up(outbox)));
}

async fn look_up(outbox: Outbox) {
    let Ok(store) = store::shared().await else {
        return;
    };
    let mut changed = false;
    for mut entry in store.outbox().await.unwrap_or_default() {
        let kept: Option<SignupReceipt> = entry
            .lab_signup_receipt()
            .and_then(|text| serde_json::from_str(text).ok());
        let Some(kept) = kept.filter(SignupReceipt::may_change) else {
            continue;
        };
        // Offline, or the server does not know it (any more): the kept receipt stays as it is.
        let Ok(now) = api::lab_signup(&kept.lab_id, &entry.id, &kept.code).await else {
            continue;
        };
        let now = kept.looked_up(now);
        if now == kept {
            continue;
        }
        let Ok(receipt) = Receipt::lab_signup(&now) else {
            continue;
        };
        entry.state = OutboxState::Sent { receipt };
        changed |= written(store.outbox_put(&entry).await).is_some();
    }
    if changed {
        outbox.revision.update(|r| *r += 1);
    }
}
