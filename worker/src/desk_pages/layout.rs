//! The desk's page frame, responses, error page, style, and Italian time.

use super::*;

pub(super) fn page(session: Option<&Session>, title: &str, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="it" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) " · Redazione SI.T.O. Giovani" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.top {
                    a.brand href=(BASE) { "SI.T.O. Giovani · Redazione" }
                    @if let Some(session) = session {
                        nav aria-label="Redazione" {
                            @if session.can(Need::Editor) {
                                a href=(BASE) { "Contenuti" }
                            }
                            @if session.can(Need::Review) {
                                a href={ (BASE) "/bandi" } { "Bandi e proposte" }
                            }
                            @if session.can(Need::Operator) {
                                a href={ (BASE) "/appuntamenti" } { "Appuntamenti" }
                                a href={ (BASE) "/banca-cv" } { "Banca CV" }
                            }
                            @if session.can(Need::Editor) {
                                a href={ (BASE) "/domande" } { "Domande all'esperto" }
                                a href={ (BASE) "/laboratori" } { "Laboratori" }
                                a href={ (BASE) "/monitoraggio" } { "Monitoraggio" }
                            }
                            @if session.can(Need::Admin) {
                                a href={ (BASE) "/account" } { "Account" }
                                a href={ (BASE) "/registro" } { "Registro" }
                            }
                        }
                        form.signout method="post" action={ (BASE) "/esci" } {
                            span { (session.account.name) " (" (session.role().label_it()) ")" }
                            button type="submit" { "Esci" }
                        }
                    }
                }
                main { (body) }
            }
        }
    };
    html_response(markup.into_string(), 200)
}

pub(super) fn html_response(body: String, status: u16) -> Response {
    let headers = Headers::new();
    let _ = headers.set("content-type", "text/html; charset=utf-8");
    let _ = headers.set("cache-control", "no-store");
    let _ = headers.set("x-frame-options", "DENY");
    let _ = headers.set(
        "content-security-policy",
        "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'none'",
    );
    crate::http::text_response(body, status, headers)
}

/// A script of the desk's own (the policy allows scripts from the site only, never inline).
pub(super) fn script_response(script: &str) -> Response {
    let headers = Headers::new();
    let _ = headers.set("content-type", "text/javascript; charset=utf-8");
    let _ = headers.set("cache-control", "no-cache");
    crate::http::text_response(script.to_owned(), 200, headers)
}

pub(super) fn redirect(to: &str) -> Response {
    let headers = Headers::new();
    let _ = headers.set("location", to);
    let _ = headers.set("cache-control", "no-store");
    crate::http::text_response(String::new(), 303, headers)
}

pub(super) fn error_page(error: &ApiError) -> Response {
    let problem = error.problem();
    let markup = html! {
        (DOCTYPE)
        html lang="it" {
            head { meta charset="utf-8"; title { (problem.title) } style { (PreEscaped(STYLE)) } }
            body { main {
                h1 { (problem.title) }
                @if let Some(detail) = &problem.detail { p { (detail) } }
                p { a href=(BASE) { "Torna alla redazione" } }
            } }
        }
    };
    html_response(markup.into_string(), problem.status)
}

pub(super) fn error_summary(errors: &ValidationErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error role="alert" {
                p { "Controlla i campi segnalati: non è stato salvato nulla." }
                ul { @for e in &errors.0 { li { (e.field) ": " (e.message) } } }
            }
        }
    }
}

pub(super) const STYLE: &str = r#"
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f7f9}
header.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.6rem 1.5rem;background:#0b4f6c;color:#fff}
header.top a{color:#fff}.brand{font-weight:700;text-decoration:none;margin-right:1rem}
header nav{display:flex;flex-wrap:wrap;gap:.2rem 1rem}header nav a{display:inline-block;padding:.15rem 0}.signout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
main{max-width:78rem;margin:0 auto;padding:1rem 1.5rem}
label{display:block;font-weight:600;margin-top:.8rem}input,select,textarea{font:inherit;padding:.4rem;border:1px solid #767676;border-radius:4px;width:100%;max-width:48rem}
textarea{min-height:6rem}textarea.md{min-height:14rem;font-family:ui-monospace,monospace}
button{font:inherit;padding:.45rem .9rem;border-radius:4px;border:1px solid #0b4f6c;background:#0b4f6c;color:#fff;cursor:pointer;margin:.8rem .5rem 0 0}
button.secondary{background:#fff;color:#0b4f6c}button.danger{background:#a4262c;border-color:#a4262c}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end}.filters label{margin:0}.filters input,.filters select{width:auto}
.error{background:#fde7e9;border:1px solid #a4262c;padding:.5rem 1rem;border-radius:4px}.field-error{color:#a4262c;font-weight:600;margin:.2rem 0}
.ok{background:#e6f4ea;border:1px solid #1e7b34;padding:.5rem 1rem;border-radius:4px}
.hint{color:#4a4a4a;font-size:.9rem;margin:.1rem 0}.status{font-weight:600}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}
.panel{background:#fff;border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem}
fieldset{border:1px solid #ccc;margin-top:.8rem}details{margin-top:1rem}
caption{text-align:left;font-weight:600;padding:.6rem 0 .2rem}td.num,th.num{text-align:right;white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.prose{white-space:pre-wrap}.notice{background:#fff4ce;border:1px solid #7a5c00;padding:.5rem 1rem;border-radius:4px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
section{margin-top:1.5rem}section.panel{padding-bottom:1rem}input.score{width:6rem}
label.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin-top:.3rem}label.choice input{width:auto}
form.bank div{min-width:0;max-width:100%}form.bank select,form.bank input{max-width:100%}form.bank .wide{flex:1 1 100%}form.bank .wide select{width:100%}
article.panel{margin-top:1rem;overflow-wrap:anywhere}.reasons{font-weight:600}a.button{display:inline-block;padding:.3rem 0}
form.account{max-width:28rem}form.account button[type=submit]{display:block;margin-top:1.25rem}
"#;

pub(super) use crate::italian_time::{rome, rome_to_utc};
