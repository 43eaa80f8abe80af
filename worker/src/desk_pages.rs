//! The editors' desk (`/redazione`): pages rendered on the server for a laptop, plain HTML forms
//! that work without scripts. Every action goes through the same workflow, role checks and audit
//! log as the JSON API; a form that fails keeps everything the editor typed.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde_json::Value;
use sito_core::{
    account::{AccountChange, Invitation, Role, SignIn},
    desk::{DeskQuery, EntryStatus, EntryView, SaveAction, SaveEntry},
    opportunity::District,
    question::{QuestionStatus, Topic},
    ContentKind, ValidationErrors,
};
use worker::{D1Database, Env, Headers, Method, Request, Response};

use crate::{
    api::{
        account,
        desk::actor,
        questions::{self, AnswerForm},
    },
    auth::{self, Session},
    db,
    desk_forms::{fields, from_input, to_input, topics, FormValues, Widget},
    editorial,
    error::ApiError,
};

const BASE: &str = "/redazione";
const MAX_FORM_BYTES: usize = 128 * 1024;

pub async fn handle(req: Request, env: Env) -> Response {
    match route(req, &env).await {
        Ok(response) => response,
        Err(error) => error_page(&error),
    }
}

fn kind_label(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Opportunity => "Opportunità",
        ContentKind::Guide => "Guida",
        ContentKind::News => "Notizia",
        ContentKind::Organisation => "Ente della rete",
        ContentKind::Answer => "Risposta dell'esperto",
    }
}

async fn route(mut req: Request, env: &Env) -> Result<Response, ApiError> {
    let path = req.path();
    let rest = path
        .strip_prefix(BASE)
        .unwrap_or_default()
        .trim_matches('/')
        .to_owned();
    let segments: Vec<&str> = if rest.is_empty() {
        vec![]
    } else {
        rest.split('/').collect()
    };
    let db = db::database(env)?;
    let post = req.method() == Method::Post;
    let form = if post {
        auth::check_origin(&req)?;
        let body = req.bytes().await?;
        if body.len() > MAX_FORM_BYTES {
            return Err(ApiError::PayloadTooLarge {
                max: MAX_FORM_BYTES,
            });
        }
        FormValues::parse(&body)
    } else {
        FormValues::default()
    };
    match (segments.as_slice(), post) {
        (["accesso"], false) => Ok(page(None, "Accesso", sign_in_form("", None))),
        (["accesso"], true) => sign_in(&req, &db, form).await,
        (["invito", token], false) => Ok(page(None, "Invito", invitation_form(token, None))),
        (["invito", token], true) => accept_invitation(&db, token, &form).await,
        _ => {
            let Some(session) = auth::current(&req, &db).await? else {
                return Ok(redirect(&format!("{BASE}/accesso")));
            };
            if !session.role().is_staff() {
                return Err(ApiError::Forbidden {
                    code: "role_forbidden",
                    detail: "La redazione è riservata allo staff.".into(),
                });
            }
            signed_in(&req, &db, &session, &segments, post, form).await
        }
    }
}

async fn signed_in(
    req: &Request,
    db: &D1Database,
    session: &Session,
    segments: &[&str],
    post: bool,
    form: FormValues,
) -> Result<Response, ApiError> {
    let editor = || {
        if session.role().can_edit() {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                code: "role_forbidden",
                detail: format!(
                    "Il ruolo «{}» non pubblica contenuti.",
                    session.role().label_it()
                ),
            })
        }
    };
    let admin = || {
        if session.role() == Role::Admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                code: "role_forbidden",
                detail: "Solo gli amministratori gestiscono gli account.".into(),
            })
        }
    };
    match (segments, post) {
        ([], false) if !session.role().can_edit() => Ok(page(
            Some(session),
            "Redazione",
            html! {
                h1 { "Redazione" }
                p { "Il tuo ruolo è «" (session.role().label_it()) "». Qui compariranno le proposte dei bandi da valutare." }
            },
        )),
        ([], false) => {
            let pairs = crate::api::query_pairs(req)?;
            let query = DeskQuery::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let (errors, query) = match query {
                Ok(q) => (ValidationErrors::default(), q),
                Err(e) => (e, DeskQuery::default()),
            };
            let (items, more) = editorial::list(db, &query).await?;
            Ok(page(
                Some(session),
                "Contenuti",
                list_page(&pairs, &errors, &query, &items, more),
            ))
        }
        (["esci"], true) => {
            let cookie = auth::end_session(db, session).await?;
            let response = redirect(&format!("{BASE}/accesso"));
            response.headers().set("set-cookie", &cookie)?;
            Ok(response)
        }
        (["nuovo", plural], false) => {
            editor()?;
            let kind = ContentKind::from_plural(plural).ok_or(ApiError::NotFound)?;
            Ok(editor_page(
                session,
                kind,
                None,
                &FormValues::default(),
                &Notice::None,
            ))
        }
        (["nuovo", plural], true) => {
            editor()?;
            let kind = ContentKind::from_plural(plural).ok_or(ApiError::NotFound)?;
            let id = form.get("id").trim().to_owned();
            save_entry(db, session, kind, &id, None, form).await
        }
        ([plural, id], false) if ContentKind::from_plural(plural).is_some() => {
            editor()?;
            let kind = ContentKind::from_plural(plural).ok_or(ApiError::NotFound)?;
            let entry = editorial::load(db, kind, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            let history = editorial::history(db, Some((kind, id)), 50).await?;
            let saved = crate::api::query_pairs(req)?
                .iter()
                .any(|(k, _)| k == "salvato");
            let form = from_input(kind, &entry.input);
            let notice = if saved { Notice::Saved } else { Notice::None };
            Ok(editor_page_with_history(
                session,
                kind,
                Some(&entry),
                &form,
                &notice,
                &history,
            ))
        }
        ([plural, id], true) if ContentKind::from_plural(plural).is_some() => {
            editor()?;
            let kind = ContentKind::from_plural(plural).ok_or(ApiError::NotFound)?;
            let entry = editorial::load(db, kind, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            save_entry(db, session, kind, id, Some(entry), form).await
        }
        (["domande"], false) => {
            editor()?;
            let status = crate::api::query_pairs(req)?
                .into_iter()
                .find(|(k, _)| k == "stato")
                .and_then(|(_, v)| QuestionStatus::parse(&v));
            let list = questions::desk_list(db, status).await?;
            Ok(page(
                Some(session),
                "Domande all'esperto",
                questions_page(status, &list),
            ))
        }
        (["domande", id], false) => {
            editor()?;
            let question = questions::desk_get(db, id).await?;
            Ok(question_page(
                session,
                &question,
                None,
                &ValidationErrors::default(),
            ))
        }
        (["domande", id], true) => {
            editor()?;
            answer_question(db, session, id, form).await
        }
        (["account"], false) => {
            admin()?;
            accounts_page(
                db,
                session,
                None,
                &FormValues::default(),
                &ValidationErrors::default(),
            )
            .await
        }
        (["account", "invita"], true) => {
            admin()?;
            let Some(role) = Role::parse(form.get("role")) else {
                let mut errors = ValidationErrors::default();
                errors.push("role", "required", "Scegli un ruolo.");
                return accounts_page(db, session, None, &form, &errors).await;
            };
            let invitation = Invitation {
                email: form.get("email").to_owned(),
                name: form.get("name").to_owned(),
                role,
            };
            let origin = req.url()?.origin().ascii_serialization();
            match account::create_invitation(db, session, &invitation, &origin).await {
                Ok(invited) => {
                    accounts_page(
                        db,
                        session,
                        Some(invited),
                        &FormValues::default(),
                        &ValidationErrors::default(),
                    )
                    .await
                }
                Err(ApiError::Validation(errors)) => {
                    accounts_page(db, session, None, &form, &errors).await
                }
                Err(e) => Err(e),
            }
        }
        (["account", id], true) => {
            admin()?;
            let change = AccountChange {
                role: Role::parse(form.get("role")),
                disabled: match form.get("disabled") {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                },
            };
            match account::change_account(db, session, id, &change).await {
                Ok(_) => Ok(redirect(&format!("{BASE}/account"))),
                Err(ApiError::Validation(errors)) => {
                    accounts_page(db, session, None, &FormValues::default(), &errors).await
                }
                Err(e) => Err(e),
            }
        }
        (["registro"], false) => {
            admin()?;
            let lines = editorial::history(db, None, 300).await?;
            Ok(page(
                Some(session),
                "Registro delle modifiche",
                audit_page(&lines),
            ))
        }
        _ => Err(ApiError::NotFound),
    }
}

// ---------------------------------------------------------------------------------------------
// Sign-in and invitations

async fn sign_in(req: &Request, db: &D1Database, form: FormValues) -> Result<Response, ApiError> {
    let input = SignIn {
        email: form.get("email").to_owned(),
        password: form.get("password").to_owned(),
    };
    let failed = |message: &str| {
        let markup = sign_in_form(&input.email, Some(message));
        Ok(page(None, "Accesso", markup))
    };
    match account::authenticate(db, &auth::client_address(req), &input).await {
        Ok((_, cookie)) => {
            let response = redirect(BASE);
            response.headers().set("set-cookie", &cookie)?;
            Ok(response)
        }
        Err(ApiError::Validation(_)) => failed("Scrivi e-mail e password."),
        Err(e @ (ApiError::InvalidCredentials | ApiError::TooManyRequests { .. })) => {
            failed(&e.problem().detail.unwrap_or_default())
        }
        Err(e) => Err(e),
    }
}

fn sign_in_form(email: &str, error: Option<&str>) -> Markup {
    html! {
        h1 { "Accesso alla redazione" }
        @if let Some(error) = error {
            p.error role="alert" { (error) }
        }
        form method="post" action={ (BASE) "/accesso" } {
            label for="email" { "E-mail" }
            input #email name="email" type="email" autocomplete="username" required value=(email);
            label for="password" { "Password" }
            input #password name="password" type="password" autocomplete="current-password" required;
            button type="submit" { "Accedi" }
        }
    }
}

fn invitation_form(token: &str, errors: Option<&ValidationErrors>) -> Markup {
    html! {
        h1 { "Scegli la tua password" }
        p { "Sei stato invitato nella redazione di SI.T.O. Giovani. Scegli una password di almeno 10 caratteri." }
        @if let Some(errors) = errors {
            (error_summary(errors))
        }
        form method="post" action={ (BASE) "/invito/" (token) } {
            label for="password" { "Password" }
            input #password name="password" type="password" autocomplete="new-password" required;
            button type="submit" { "Crea l'account" }
        }
    }
}

async fn accept_invitation(
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

// ---------------------------------------------------------------------------------------------
// Layout

fn page(session: Option<&Session>, title: &str, body: Markup) -> Response {
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
                            a href=(BASE) { "Contenuti" }
                            @if session.role().can_edit() {
                                a href={ (BASE) "/domande" } { "Domande all'esperto" }
                            }
                            @if session.role() == Role::Admin {
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

fn html_response(body: String, status: u16) -> Response {
    let headers = Headers::new();
    let _ = headers.set("content-type", "text/html; charset=utf-8");
    let _ = headers.set("cache-control", "no-store");
    let _ = headers.set("x-frame-options", "DENY");
    let _ = headers.set(
        "content-security-policy",
        "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'none'",
    );
    crate::api::text_response(body, status, headers)
}

fn redirect(to: &str) -> Response {
    let headers = Headers::new();
    let _ = headers.set("location", to);
    let _ = headers.set("cache-control", "no-store");
    crate::api::text_response(String::new(), 303, headers)
}

fn error_page(error: &ApiError) -> Response {
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

fn error_summary(errors: &ValidationErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error role="alert" {
                p { "Controlla i campi segnalati: non è stato salvato nulla." }
                ul { @for e in &errors.0 { li { (e.field) ": " (e.message) } } }
            }
        }
    }
}

const STYLE: &str = r#"
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f7f9}
header.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.6rem 1.5rem;background:#0b4f6c;color:#fff}
header.top a{color:#fff}.brand{font-weight:700;text-decoration:none;margin-right:1rem}
header nav{display:flex;gap:1rem}.signout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
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
"#;

// ---------------------------------------------------------------------------------------------
// Content list

fn list_page(
    pairs: &[(String, String)],
    errors: &ValidationErrors,
    query: &DeskQuery,
    items: &[sito_core::desk::EntrySummary],
    more: bool,
) -> Markup {
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let next_page = {
        let mut next: Vec<(String, String)> = pairs
            .iter()
            .filter(|(k, _)| k != "pagina")
            .cloned()
            .collect();
        next.push(("pagina".into(), (query.page + 2).to_string()));
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(next)
            .finish()
    };
    html! {
        h1 { "Contenuti" }
        p {
            "Nuovo: "
            @for kind in [ContentKind::Opportunity, ContentKind::Guide, ContentKind::News, ContentKind::Organisation] {
                a href={ (BASE) "/nuovo/" (kind.plural()) } { (kind_label(kind)) } " · "
            }
        }
        (error_summary(errors))
        form.filters method="get" action=(BASE) role="search" {
            div { label for="q" { "Cerca" } input #q name="q" type="search" value=(value("q")); }
            div { label for="tipo" { "Tipo" }
                select #tipo name="tipo" {
                    option value="" { "Tutti" }
                    @for kind in ContentKind::ALL {
                        option value=(kind.plural()) selected[value("tipo") == kind.plural()] { (kind_label(kind)) }
                    }
                }
            }
            div { label for="stato" { "Stato" }
                select #stato name="stato" {
                    option value="" { "Tutti" }
                    @for status in EntryStatus::ALL {
                        option value=(status.as_str()) selected[value("stato") == status.as_str()] { (status.label_it()) }
                    }
                }
            }
            div { label for="territorio" { "Territorio" }
                select #territorio name="territorio" {
                    option value="" { "Tutti" }
                    @for district in District::ALL {
                        option value=(district.slug()) selected[value("territorio") == district.slug()] { (district.label_it()) }
                    }
                }
            }
            div { label for="scadenza_entro" { "Scadenza entro" }
                input #scadenza_entro name="scadenza_entro" type="date" value=(value("scadenza_entro"));
            }
            button type="submit" { "Filtra" }
        }
        @if items.is_empty() {
            p { "Nessun contenuto corrisponde." }
        } @else {
            table {
                thead { tr { th { "Titolo" } th { "Tipo" } th { "Stato" } th { "Scadenza" } th { "Ultima modifica" } } }
                tbody {
                    @for item in items {
                        tr {
                            td { a href={ (BASE) "/" (item.kind.plural()) "/" (item.id) } { (item.title) } }
                            td { (kind_label(item.kind)) }
                            td.status {
                                (item.status.label_it())
                                @if let Some(at) = &item.publish_at { " · " (rome(at)) }
                            }
                            td { (item.deadline.as_deref().unwrap_or("—")) }
                            td { (rome(&item.updated_at)) " · " (item.updated_by) }
                        }
                    }
                }
            }
            @if more { p { a href={ (BASE) "?" (next_page) } { "Pagina successiva" } } }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Editing one entry

enum Notice {
    None,
    Saved,
    Errors(ValidationErrors),
    Preview(Value),
    /// Someone else saved first: their version beside ours.
    Conflict(Box<EntryView>),
}

fn editor_page(
    session: &Session,
    kind: ContentKind,
    entry: Option<&EntryView>,
    form: &FormValues,
    notice: &Notice,
) -> Response {
    editor_page_with_history(session, kind, entry, form, notice, &[])
}

fn editor_page_with_history(
    session: &Session,
    kind: ContentKind,
    entry: Option<&EntryView>,
    form: &FormValues,
    notice: &Notice,
    history: &[sito_core::desk::AuditEntry],
) -> Response {
    let errors = match notice {
        Notice::Errors(errors) => errors.clone(),
        _ => ValidationErrors::default(),
    };
    let (action, version) = match (entry, notice) {
        (_, Notice::Conflict(current)) => (
            format!("{BASE}/{}/{}", kind.plural(), current.id),
            current.version,
        ),
        (Some(e), _) => (format!("{BASE}/{}/{}", kind.plural(), e.id), e.version),
        (None, _) => (format!("{BASE}/nuovo/{}", kind.plural()), 0),
    };
    let title = match entry {
        Some(e) => e.title.clone(),
        None => format!("Nuovo: {}", kind_label(kind)),
    };
    let status = entry.map(|e| e.status);
    let body = html! {
        p { a href=(BASE) { "← Contenuti" } }
        h1 { (title) }
        @if let Some(entry) = entry {
            p.status {
                (kind_label(kind)) " · " (entry.status.label_it()) " · versione " (entry.version)
                @if let Some(at) = &entry.publish_at { " · pubblicazione programmata: " (rome(at)) }
                " · ultima modifica " (rome(&entry.updated_at)) " di " (entry.updated_by)
            }
        }
        @match notice {
            Notice::Saved => p.ok role="status" { "Salvato." },
            Notice::Conflict(current) => div.error role="alert" {
                p { strong { "Qualcun altro ha modificato questo contenuto mentre lo stavi scrivendo." } }
                p { "Sotto trovi la tua versione (nel modulo) e quella salvata da " (current.updated_by) " alle " (rome(&current.updated_at)) ". Confrontale: se salvi ora, la tua versione sostituisce quella salvata." }
            },
            _ => {}
        }
        (error_summary(&errors))
        div.columns[matches!(notice, Notice::Conflict(_) | Notice::Preview(_))] {
            form method="post" action=(action) {
                input type="hidden" name="version" value=(version);
                @if entry.is_none() && !matches!(notice, Notice::Conflict(_)) {
                    label for="id" { "Identificativo nell'indirizzo" }
                    p.hint { "Lettere minuscole, cifre e trattini, per esempio «tirocinio-biblioteca-crema»." }
                    @if let Some(e) = errors.for_field("id") { p.field-error { (e.message) } }
                    input #id name="id" required pattern="[a-z0-9-]{1,64}" value=(form.get("id"));
                }
                @for field in fields(kind) {
                    (field_markup(&field, form, &errors))
                }
                fieldset {
                    legend { "Pubblicazione" }
                    label for="publish_at" { "Programma per (data e ora, ora italiana)" }
                    input #publish_at name="publish_at" type="datetime-local" value=(form.get("publish_at"));
                    @if let Some(e) = errors.for_field("publish_at") { p.field-error { (e.message) } }
                    div {
                        button.secondary type="submit" name="azione" value="preview" { "Anteprima" }
                        @if status == Some(EntryStatus::Published) {
                            button type="submit" name="azione" value="publish" { "Aggiorna la pubblicazione" }
                        } @else {
                            button.secondary type="submit" name="azione" value="draft" { "Salva bozza" }
                            button type="submit" name="azione" value="publish" { "Pubblica ora" }
                        }
                        button.secondary type="submit" name="azione" value="schedule" { "Programma" }
                        @if status == Some(EntryStatus::Published) || status == Some(EntryStatus::Scheduled) {
                            button.danger type="submit" name="azione" value="retire" { "Ritira" }
                        }
                        @if entry.is_some() {
                            button.danger type="submit" name="azione" value="delete" { "Elimina" }
                        }
                    }
                }
            }
            @match notice {
                Notice::Preview(item) => section.panel aria-label="Anteprima" {
                    h2 { "Anteprima" }
                    (preview_markup(kind, item))
                },
                Notice::Conflict(current) => section.panel aria-label="Versione salvata" {
                    h2 { "Versione salvata (" (current.status.label_it()) ", versione " (current.version) ")" }
                    (input_markup(kind, &current.input))
                },
                _ => {}
            }
        }
        @if !history.is_empty() {
            details {
                summary { "Storia delle modifiche (" (history.len()) ")" }
                (audit_table(history))
            }
        }
    };
    page(Some(session), "Modifica", body)
}

fn field_markup(
    field: &crate::desk_forms::Field,
    form: &FormValues,
    errors: &ValidationErrors,
) -> Markup {
    let value = form.get(field.name);
    let error = errors.for_field(field.name).map(|e| e.message.clone());
    let described = if field.hint.is_empty() {
        None
    } else {
        Some(format!("{}-hint", field.name))
    };
    html! {
        label for=(field.name) { (field.label) @if field.required { " *" } }
        @if !field.hint.is_empty() { p.hint id=[described.as_deref()] { (field.hint) } }
        @if let Some(error) = &error { p.field-error id={ (field.name) "-error" } { (error) } }
        @match field.widget {
            Widget::Select { options, optional } => select id=(field.name) name=(field.name) required[field.required] aria-invalid=[error.as_ref().map(|_| "true")] {
                @if optional || value.is_empty() { option value="" { "—" } }
                @for (option, label) in options() {
                    option value=(option) selected[value == option] { (label) }
                }
            },
            Widget::Area | Widget::Lines => textarea id=(field.name) name=(field.name) required[field.required] aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")] { (value) },
            Widget::Markdown => textarea.md id=(field.name) name=(field.name) required[field.required] aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")] { (value) },
            Widget::Steps => {
                @let steps = form.steps(field.name);
                @for i in 0..steps.len() + 2 {
                    @let (title, body) = steps.get(i).cloned().unwrap_or_default();
                    fieldset {
                        legend { "Passo " (i + 1) }
                        label for={ (field.name) "." (i) ".title" } { "Titolo del passo" }
                        input id={ (field.name) "." (i) ".title" } name={ (field.name) "." (i) ".title" } value=(title);
                        label for={ (field.name) "." (i) ".body_md" } { "Testo del passo" }
                        textarea id={ (field.name) "." (i) ".body_md" } name={ (field.name) "." (i) ".body_md" } { (body) }
                    }
                }
            },
            _ => input id=(field.name) name=(field.name) value=(value) required[field.required]
                type=(match field.widget { Widget::Date => "date", Widget::Number => "number", Widget::Url => "url", Widget::Email => "email", _ => "text" })
                aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")];
        }
    }
}

/// A stored input shown read-only, field by field (the other side of a conflict).
fn input_markup(kind: ContentKind, input: &Value) -> Markup {
    let form = from_input(kind, input);
    html! {
        dl {
            @for (name, value) in &form.0 {
                @let label = fields(kind).into_iter().find(|f| f.name == name).map_or(name.as_str(), |f| f.label);
                dt { (label) }
                dd { pre style="white-space:pre-wrap;margin:0" { (value) } }
            }
        }
    }
}

/// The rendered item as phones will get it: each field under its form label, Markdown fields
/// as the sanitised HTML the worker made of them.
fn preview_markup(kind: ContentKind, item: &Value) -> Markup {
    let text = |key: &str| {
        item.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    html! {
        @for field in fields(kind) {
            @match field.widget {
                Widget::Markdown => {
                    @let html_key = field.name.replace("_md", "_html");
                    h3 { (field.label) }
                    div.rendered { (PreEscaped(text(&html_key))) }
                },
                Widget::Steps => {
                    @let steps = item.get("steps").and_then(Value::as_array).cloned().unwrap_or_default();
                    @if !steps.is_empty() {
                        h3 { (field.label) }
                        ol { @for step in &steps {
                            li {
                                strong { (step.get("title").and_then(Value::as_str).unwrap_or_default()) }
                                div.rendered { (PreEscaped(step.get("body_html").and_then(Value::as_str).unwrap_or_default())) }
                            }
                        } }
                    }
                },
                Widget::Select { options, .. } => {
                    @let value = text(field.name);
                    @let label = options().into_iter().find(|(v, _)| *v == value).map_or(value.clone(), |(_, l)| l.to_owned());
                    p { strong { (field.label) ": " } (label) }
                },
                _ => {
                    @let value = match item.get(field.name) {
                        Some(Value::String(s)) => s.clone(),
                        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
                        Some(Value::Null) | None => String::new(),
                        Some(other) => other.to_string(),
                    };
                    @if !value.is_empty() { p { strong { (field.label) ": " } (value) } }
                },
            }
        }
    }
}

fn audit_table(lines: &[sito_core::desk::AuditEntry]) -> Markup {
    html! {
        table {
            thead { tr { th { "Quando" } th { "Chi" } th { "Azione" } th { "Contenuto" } th { "Prima → dopo" } } }
            tbody {
                @for line in lines {
                    tr {
                        td { (rome(&line.at)) }
                        td { (line.actor) }
                        td { (action_label(&line.action)) }
                        td { (line.kind) " / " (line.item_id) }
                        td {
                            details {
                                summary { (state_of(&line.before)) " → " (state_of(&line.after)) }
                                pre style="white-space:pre-wrap" { "Prima: " (line.before.as_ref().map(Value::to_string).unwrap_or_else(|| "—".into())) }
                                pre style="white-space:pre-wrap" { "Dopo: " (line.after.as_ref().map(Value::to_string).unwrap_or_else(|| "—".into())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn state_of(state: &Option<Value>) -> String {
    match state {
        None => "—".into(),
        Some(v) => {
            let status = v
                .get("status")
                .and_then(Value::as_str)
                .and_then(EntryStatus::parse);
            let version = v.get("version").and_then(Value::as_u64).unwrap_or(0);
            format!("{} v{version}", status.map_or("?", EntryStatus::label_it))
        }
    }
}

fn action_label(action: &str) -> &str {
    match action {
        "save_draft" => "bozza salvata",
        "publish" => "pubblicato",
        "schedule" => "programmato",
        "retire" => "ritirato",
        "delete" => "eliminato",
        other => other,
    }
}

fn audit_page(lines: &[sito_core::desk::AuditEntry]) -> Markup {
    html! { h1 { "Registro delle modifiche" } (audit_table(lines)) }
}

/// `datetime-local` as typed in Italy → UTC (the desk's times are Italian time).
fn rome_to_utc(local: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").ok()?;
    chrono_tz::Europe::Rome
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// A stored RFC 3339 time as Italian time, `22/11/2026 10:30`.
fn rome(rfc3339: &str) -> String {
    rfc3339
        .parse::<chrono::DateTime<chrono::Utc>>()
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Rome)
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

async fn save_entry(
    db: &D1Database,
    session: &Session,
    kind: ContentKind,
    id: &str,
    entry: Option<EntryView>,
    mut form: FormValues,
) -> Result<Response, ApiError> {
    let base: u32 = form.get("version").parse().unwrap_or(0);
    let azione = form.get("azione").to_owned();
    if azione == "delete" {
        return match editorial::delete(db, &actor(session), kind, id, base).await {
            Ok(()) => Ok(redirect(BASE)),
            Err(ApiError::Conflict { .. }) => {
                let current = editorial::load(db, kind, id)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                Ok(editor_page(
                    session,
                    kind,
                    entry.as_ref(),
                    &form,
                    &Notice::Conflict(Box::new(current)),
                ))
            }
            Err(e) => Err(e),
        };
    }
    let fail = |errors: ValidationErrors, form: &FormValues| {
        Ok(editor_page(
            session,
            kind,
            entry.as_ref(),
            form,
            &Notice::Errors(errors),
        ))
    };
    let input = match to_input(kind, &form) {
        Ok(input) => input,
        Err(errors) => return fail(errors, &form),
    };
    if azione == "preview" {
        return match editorial::preview(kind, id_or_preview(id), &input, &session.account.name) {
            Ok(item) => Ok(editor_page(
                session,
                kind,
                entry.as_ref(),
                &form,
                &Notice::Preview(item),
            )),
            Err(ApiError::Validation(errors)) => fail(errors, &form),
            Err(e) => Err(e),
        };
    }
    let Some(action) = SaveAction::parse(&azione) else {
        let mut errors = ValidationErrors::default();
        errors.push("azione", "unknown", "Azione sconosciuta.");
        return fail(errors, &form);
    };
    let publish_at = form.get("publish_at").trim().to_owned();
    let save = SaveEntry {
        action,
        publish_at: if publish_at.is_empty() {
            None
        } else {
            rome_to_utc(&publish_at)
        },
        input,
    };
    if action == SaveAction::Schedule && !publish_at.is_empty() && save.publish_at.is_none() {
        let mut errors = ValidationErrors::default();
        errors.push("publish_at", "invalid_date", "Data e ora non valide.");
        return fail(errors, &form);
    }
    match editorial::save(db, &actor(session), kind, id, base, &save).await {
        Ok(saved) => Ok(redirect(&format!(
            "{BASE}/{}/{}?salvato=1",
            kind.plural(),
            saved.id
        ))),
        Err(ApiError::Validation(errors)) => fail(errors, &form),
        Err(ApiError::Conflict { .. }) => match editorial::load(db, kind, id).await? {
            Some(current) => {
                form.set("version", current.version.to_string());
                Ok(editor_page(
                    session,
                    kind,
                    entry.as_ref(),
                    &form,
                    &Notice::Conflict(Box::new(current)),
                ))
            }
            None => {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "id",
                    "gone",
                    "Questo contenuto è stato eliminato nel frattempo.",
                );
                fail(errors, &form)
            }
        },
        Err(e) => Err(e),
    }
}

fn id_or_preview(id: &str) -> &str {
    if id.is_empty() {
        "anteprima"
    } else {
        id
    }
}

// ---------------------------------------------------------------------------------------------
// Questions to the expert

fn questions_page(status: Option<QuestionStatus>, list: &[questions::DeskQuestion]) -> Markup {
    let statuses = [
        QuestionStatus::Received,
        QuestionStatus::Assigned,
        QuestionStatus::Answered,
        QuestionStatus::Published,
        QuestionStatus::Declined,
    ];
    html! {
        h1 { "L'esperto risponde: domande" }
        nav aria-label="Filtra per stato" {
            a href={ (BASE) "/domande" } aria-current=[status.is_none().then_some("page")] { "Tutte" }
            @for s in statuses {
                " · "
                a href={ (BASE) "/domande?stato=" (s.as_str()) } aria-current=[(status == Some(s)).then_some("page")] { (s.label_it()) }
            }
        }
        @if list.is_empty() { p { "Nessuna domanda." } } @else {
            table {
                thead { tr { th { "Codice" } th { "Ricevuta" } th { "Argomento" } th { "Domanda" } th { "Stato" } th { "Assegnata a" } } }
                tbody { @for q in list {
                    tr {
                        td { a href={ (BASE) "/domande/" (q.id) } { (q.code) } }
                        td { (rome(&q.asked_at)) }
                        td { (Topic::parse(&q.topic).map_or(q.topic.as_str(), |t| t.label_it())) }
                        td { (q.text.chars().take(120).collect::<String>()) }
                        td { (QuestionStatus::parse(&q.status).map_or(q.status.as_str(), |s| s.label_it())) }
                        td { (q.assigned_name.as_deref().unwrap_or("—")) }
                    }
                } }
            }
        }
    }
}

fn question_page(
    session: &Session,
    q: &questions::DeskQuestion,
    form: Option<&FormValues>,
    errors: &ValidationErrors,
) -> Response {
    let value =
        |name: &str, fallback: &str| form.map_or(fallback.to_owned(), |f| f.get(name).to_owned());
    let body = html! {
        p { a href={ (BASE) "/domande" } { "← Domande" } }
        h1 { "Domanda " (q.code) }
        p.status {
            (QuestionStatus::parse(&q.status).map_or(q.status.as_str(), |s| s.label_it()))
            " · ricevuta " (rome(&q.asked_at))
            @if let Some(name) = &q.assigned_name { " · assegnata a " (name) }
            @if let Some(nick) = &q.nickname { " · firmata «" (nick) "»" }
        }
        blockquote.panel { p style="white-space:pre-wrap" { (q.text) } }
        (error_summary(errors))
        form method="post" action={ (BASE) "/domande/" (q.id) } {
            label for="topic" { "Argomento" }
            select #topic name="topic" {
                @for (option, label) in topics() {
                    option value=(option) selected[value("topic", &q.topic) == option] { (label) }
                }
            }
            label for="question" { "Domanda come sarà pubblicata" }
            p.hint { "Togli nomi e dati personali prima di pubblicare." }
            textarea #question name="question" { (value("question", &q.text)) }
            label for="answer_md" { "Risposta" }
            textarea.md #answer_md name="answer_md" { (value("answer_md", q.answer_md.as_deref().unwrap_or_default())) }
            label for="answered_by" { "Risponde (l'ente che firma)" }
            input #answered_by name="answered_by" value=(value("answered_by", q.answered_by.as_deref().unwrap_or(&session.account.name)));
            div {
                button.secondary type="submit" name="azione" value="assign" { "Assegna a me" }
                button.secondary type="submit" name="azione" value="save" { "Salva la risposta" }
                button type="submit" name="azione" value="publish" { "Pubblica la risposta" }
                button.danger type="submit" name="azione" value="decline" { "Non pubblicare" }
            }
        }
    };
    page(Some(session), "Domanda", body)
}

async fn answer_question(
    db: &D1Database,
    session: &Session,
    id: &str,
    form: FormValues,
) -> Result<Response, ApiError> {
    let done = || Ok(redirect(&format!("{BASE}/domande/{id}")));
    match form.get("azione") {
        "assign" => {
            questions::assign_to(db, id, &session.account.id).await?;
            done()
        }
        "decline" => {
            questions::decline_question(db, id).await?;
            done()
        }
        action @ ("save" | "publish") => {
            let answer = Topic::parse(form.get("topic")).map(|topic| AnswerForm {
                topic,
                question: form.get("question").to_owned(),
                answer_md: form.get("answer_md").to_owned(),
                answered_by: form.get("answered_by").to_owned(),
                publish: action == "publish",
            });
            let result = match answer {
                Some(answer) => questions::save_answer(db, session, id, &answer).await,
                None => {
                    let mut errors = ValidationErrors::default();
                    errors.push("topic", "required", "Scegli un argomento.");
                    Err(ApiError::Validation(errors))
                }
            };
            match result {
                Ok(()) => done(),
                Err(ApiError::Validation(errors)) => {
                    let question = questions::desk_get(db, id).await?;
                    Ok(question_page(session, &question, Some(&form), &errors))
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(ApiError::NotFound),
    }
}

// ---------------------------------------------------------------------------------------------
// Accounts

async fn accounts_page(
    db: &D1Database,
    session: &Session,
    invited: Option<account::Invited>,
    form: &FormValues,
    errors: &ValidationErrors,
) -> Result<Response, ApiError> {
    let accounts = account::all_accounts(db).await?;
    let pending = account::pending_invitations(db).await?;
    let body = html! {
        h1 { "Account" }
        @if let Some(invited) = &invited {
            div.ok role="status" {
                p { "Invito creato. Manda questo indirizzo alla persona invitata (vale fino al " (invited.expires_at.get(..10).unwrap_or_default()) "):" }
                p { code { (invited.url) } }
            }
        }
        (error_summary(errors))
        h2 { "Invita un membro dello staff" }
        form method="post" action={ (BASE) "/account/invita" } {
            label for="name" { "Nome" }
            input #name name="name" required value=(form.get("name"));
            label for="email" { "E-mail" }
            input #email name="email" type="email" required value=(form.get("email"));
            label for="role" { "Ruolo" }
            select #role name="role" {
                @for role in Role::STAFF {
                    option value=(role.as_str()) selected[form.get("role") == role.as_str()] { (role.label_it()) }
                }
            }
            button type="submit" { "Crea l'invito" }
        }
        @if !pending.is_empty() {
            h2 { "Inviti in attesa" }
            table {
                thead { tr { th { "Nome" } th { "E-mail" } th { "Ruolo" } th { "Invitato da" } th { "Scade" } } }
                tbody { @for p in &pending {
                    tr {
                        td { (p.name) }
                        td { (p.email) }
                        td { (Role::parse(&p.role).map_or(p.role.as_str(), |r| r.label_it())) }
                        td { (p.invited_by) }
                        td { (p.expires_at.get(..10).unwrap_or(&p.expires_at)) }
                    }
                } }
            }
        }
        h2 { "Tutti gli account" }
        table {
            thead { tr { th { "Nome" } th { "E-mail" } th { "Ruolo" } th { "Stato" } th { "Azioni" } } }
            tbody { @for a in &accounts {
                tr {
                    td { (a.name) }
                    td { (a.email) }
                    td { (a.role.label_it()) }
                    td { @if a.disabled { "Disattivato" } @else { "Attivo" } }
                    td {
                        @if a.id != session.account.id {
                            form method="post" action={ (BASE) "/account/" (a.id) } {
                                @if a.role != Role::Applicant {
                                    label for={ "role-" (a.id) } { "Ruolo di " (a.name) }
                                    select id={ "role-" (a.id) } name="role" {
                                        @for role in Role::STAFF {
                                            option value=(role.as_str()) selected[a.role == role] { (role.label_it()) }
                                        }
                                    }
                                    button.secondary type="submit" { "Cambia ruolo" }
                                }
                                @if a.disabled {
                                    button.secondary type="submit" name="disabled" value="0" { "Riattiva" }
                                } @else {
                                    button.danger type="submit" name="disabled" value="1" { "Disattiva" }
                                }
                            }
                        }
                    }
                }
            } }
        }
    };
    Ok(page(Some(session), "Account", body))
}

#[cfg(test)]
mod tests {
    use super::{rome, rome_to_utc};

    #[test]
    fn desk_times_are_italian_time_in_winter_and_in_summer() {
        let utc = |local| rome_to_utc(local).map(|t| t.to_rfc3339());
        assert_eq!(
            utc("2026-11-22T10:30").as_deref(),
            Some("2026-11-22T09:30:00+00:00")
        );
        assert_eq!(
            utc("2026-07-01T10:30").as_deref(),
            Some("2026-07-01T08:30:00+00:00")
        );
        assert_eq!(utc("22/11/2026"), None);
        assert_eq!(rome("2026-07-01T08:30:00.000Z"), "01/07/2026 10:30");
        assert_eq!(rome("2026-11-22T09:30:00Z"), "22/11/2026 10:30");
    }
}
