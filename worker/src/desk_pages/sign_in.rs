//! Signing in to the desk, and accepting an invitation.

use super::*;

pub(super) async fn sign_in(
    req: &Request,
    env: &Env,
    db: &D1Database,
    form: FormValues,
) -> Result<Response, ApiError> {
    let input = SignIn {
        email: form.get("email").to_owned(),
        password: form.get("password").to_owned(),
    };
    let failed = |message: &str| {
        let markup = sign_in_form(&input.email, Some(message));
        Ok(page(None, "Accesso", markup))
    };
    let key = auth::device::key(env);
    match account::authenticate(db, &auth::Caller::of(req, env), key.as_deref(), &input).await {
        Ok((_, cookies)) => {
            let response = redirect(BASE);
            for cookie in cookies {
                response.headers().append("set-cookie", &cookie)?;
            }
            Ok(response)
        }
        Err(ApiError::Validation(_)) => failed("Scrivi e-mail e password."),
        Err(e @ (ApiError::InvalidCredentials | ApiError::TooManyRequests { .. })) => {
            failed(&e.problem().detail.unwrap_or_default())
        }
        Err(e) => Err(e),
    }
}

pub(super) fn sign_in_form(email: &str, error: Option<&str>) -> Markup {
    html! {
        h1 { "Accesso alla redazione" }
        @if let Some(error) = error {
            p.error role="alert" { (error) }
        }
        form.account method="post" action={ (BASE) "/accesso" } {
            label for="email" { "E-mail" }
            input #email name="email" type="email" autocomplete="username" required value=(email);
            label for="password" { "Password" }
            input #password name="password" type="password" autocomplete="current-password" required;
            button type="submit" { "Accedi" }
        }
    }
}

pub(super) fn invitation_form(token: &str, errors: Option<&ValidationErrors>) -> Markup {
    html! {
        h1 { "Scegli la tua password" }
        p { "Sei stato invitato nella redazione di SI.T.O. Giovani. Scegli una password di almeno 10 caratteri." }
        @if let Some(errors) = errors {
            (error_summary(errors))
        }
        form.account method="post" action={ (BASE) "/invito/" (token) } {
            label for="password" { "Password" }
            input #password name="password" type="password" autocomplete="new-password" required;
            button type="submit" { "Crea l'account" }
        }
    }
}

pub(super) async fn accept_invitation(
    db: &D1Database,
    token: &str,
    form: &FormValues,
) -> Result<Response, ApiError> {
    match account::accept_invitation(db, token, form.get("password")).await {
        Ok((_, cookie)) => {
            let response = redirect(BASE);
            response.headers().set("set-cookie", &cookie)?;
            Ok(response)
        }
        Err(ApiError::Validation(errors)) => {
            Ok(page(None, "Invito", invitation_form(token, Some(&errors))))
        }
        Err(e) => Err(e),
    }
}
