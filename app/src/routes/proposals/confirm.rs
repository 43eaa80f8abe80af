//! `/proposte/conferma/{token}`: the page of the link sent to a group's e-mail at sign-up. One
//! button activates the account (`POST /api/v1/sign-ups/{token}`), so a mail scanner that only
//! opens the link activates nothing; then the group is signed in and back on its proposals.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    hooks::{use_navigate, use_params_map},
    NavigateOptions,
};

use super::account::{signed_in, use_session};
use crate::{api, i18n::*, outbox::use_outbox};

#[component]
pub fn ConfirmSignUp() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let outbox = use_outbox();
    let params = use_params_map();
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let confirm = move |_| {
        let navigate = navigate.clone();
        let token = params.with_untracked(|p| p.get("token").unwrap_or_default());
        busy.set(true);
        spawn_local(async move {
            match api::confirm_sign_up(&token).await {
                Ok(me) => {
                    signed_in(session, me, None).await;
                    outbox.flush();
                    navigate("/proposte", NavigateOptions::default());
                }
                Err(f) => {
                    busy.set(false);
                    failure.set(Some(f.text(i18n)));
                }
            }
        });
    };
    view! {
        <h1>{t!(i18n, account.confirm_title)}</h1>
        <p>{t!(i18n, account.confirm_intro)}</p>
        <button type="button" class="action" on:click=confirm disabled=move || busy.get()>{t!(i18n, account.confirm)}</button>
        <p role="status" class="field-error">{move || failure.get()}</p>
    }
}
