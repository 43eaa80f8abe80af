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
    auth::{self, Need, Session},
    db,
    desk_forms::{fields, from_input, to_input, topics, FormValues, Widget},
    editorial::{self, actor},
    error::ApiError,
    http::{public_origin, query_pairs},
    service::{
        accounts as account,
        questions::{self, AnswerForm},
        review::views::Filter,
    },
};

mod accounts;
mod appointments;
mod audit;
mod bank;
mod charts;
mod entry;
mod expert;
mod labs;
mod layout;
mod list;
mod monitoring;
mod proposal;
mod proposal_body;
mod report;
mod review;
mod sign_in;

use self::{accounts::*, audit::*, entry::*, expert::*, layout::*, list::*, sign_in::*};

const BASE: &str = "/redazione";

/// Fills a new item's id from its title while the editor has not typed one: the rules of
/// `sito_core::opportunity::suggest_id`, which the desk's tests hold the two to. The form works
/// without it; the server's validator decides.
const SUGGEST_ID_SCRIPT: &str = r#"(function () {
  var id = document.getElementById("id");
  var from = id && document.getElementById(id.getAttribute("data-from"));
  if (!from) return;
  var accents = { "à": "a", "á": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "è": "e", "é": "e", "ê": "e", "ë": "e",
    "ì": "i", "í": "i", "î": "i", "ï": "i", "ò": "o", "ó": "o", "ô": "o", "ö": "o", "õ": "o",
    "ù": "u", "ú": "u", "û": "u", "ü": "u", "ç": "c", "ñ": "n" };
  function suggest(title) {
    var out = "";
    for (var c of title.toLowerCase()) {
      c = accents[c] || c;
      if (/^[a-z0-9]$/.test(c)) out += c;
      else if (out && out[out.length - 1] !== "-") out += "-";
    }
    if (out.length > 64) {
      var cut = out.slice(0, 65).lastIndexOf("-");
      out = out.slice(0, cut > 0 ? cut : 64);
    }
    return out.replace(/-+$/, "");
  }
  var typed = id.value !== "";
  id.addEventListener("input", function () { typed = id.value !== ""; });
  from.addEventListener("input", function () { if (!typed) id.value = suggest(from.value); });
})();
"#;
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
        ContentKind::Call => "Bando",
        ContentKind::Lab => "Laboratorio o seminario",
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
        (["identificativo.js"], false) => Ok(layout::script_response(SUGGEST_ID_SCRIPT)),
        (["accesso"], false) => Ok(page(None, "Accesso", sign_in_form("", None))),
        (["accesso"], true) => sign_in(&req, env, &db, form).await,
        (["invito", token], false) => Ok(page(None, "Invito", invitation_form(token, None))),
        (["invito", token], true) => accept_invitation(&db, token, &form).await,
        (["monitoraggio.json"], false) => Ok(report::export(&req, &db, None).await),
        (["monitoraggio", file], false) if file.ends_with(".csv") => {
            Ok(report::export(&req, &db, file.strip_suffix(".csv")).await)
        }
        _ => {
            let Some(session) = auth::current(&req, &db).await? else {
                return Ok(redirect(&format!("{BASE}/accesso")));
            };
            session.must_or(Need::Staff, |_| {
                "La redazione è riservata allo staff.".into()
            })?;
            signed_in(&req, env, &db, &session, &segments, post, form).await
        }
    }
}

async fn signed_in(
    req: &Request,
    env: &Env,
    db: &D1Database,
    session: &Session,
    segments: &[&str],
    post: bool,
    form: FormValues,
) -> Result<Response, ApiError> {
    let editor = || {
        session.must_or(Need::Editor, |role| {
            format!("Il ruolo «{}» non pubblica contenuti.", role.label_it())
        })
    };
    let admin = || {
        session.must_or(Need::Admin, |_| {
            "Solo gli amministratori gestiscono gli account.".into()
        })
    };
    if matches!(segments.first(), Some(&("bandi" | "proposte"))) {
        session.must_or(Need::Review, |role| {
            format!("Il ruolo «{}» non valuta le proposte.", role.label_it())
        })?;
    }
    match (segments, post) {
        // Operators work on the desk's appointments only.
        ([], false) if session.role() == Role::Operator => {
            Ok(redirect(&format!("{BASE}/appuntamenti")))
        }
        (["appuntamenti", rest @ ..], post) => {
            session.must_or(Need::Operator, |role| {
                format!(
                    "Il ruolo «{}» non gestisce gli appuntamenti.",
                    role.label_it()
                )
            })?;
            appointments::route(req, db, session, rest, post, form).await
        }
        (["banca-cv", rest @ ..], post) => {
            session.must_or(Need::Operator, |role| {
                format!("Il ruolo «{}» non consulta la banca CV.", role.label_it())
            })?;
            bank::route(req, db, session, rest, post, form).await
        }
        // Reviewers work on the calls' proposals only.
        ([], false) if !session.can(Need::Editor) => Ok(redirect(&format!("{BASE}/bandi"))),
        ([], false) => {
            let pairs = query_pairs(req)?;
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
            let saved = query_pairs(req)?.iter().any(|(k, _)| k == "salvato");
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
            let status = query_pairs(req)?
                .into_iter()
                .find(|(k, _)| k == "stato")
                .and_then(|(_, v)| v.parse::<QuestionStatus>().ok());
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
                None,
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
            let Ok(role) = form.get("role").parse::<Role>() else {
                let mut errors = ValidationErrors::default();
                errors.push("role", "required", "Scegli un ruolo.");
                return accounts_page(db, session, None, &form, &errors).await;
            };
            let invitation = Invitation {
                email: form.get("email").to_owned(),
                name: form.get("name").to_owned(),
                role,
            };
            let origin = public_origin(env);
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
                role: form.get("role").parse::<Role>().ok(),
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
        (["laboratori"], false) => {
            editor()?;
            labs::list_page(db, session).await
        }
        (["laboratori", id], false) => {
            editor()?;
            labs::lab_page(db, session, id, None, &ValidationErrors::default()).await
        }
        (["laboratori", id, "iscrizioni.csv"], false) => {
            editor()?;
            labs::csv(db, session, id).await
        }
        (["laboratori", id, action], true) => {
            editor()?;
            labs::post(db, session, id, action, &form).await
        }
        (["bandi"], false) => review::calls_page(db, session).await,
        (["bandi", id], false) => {
            let pairs = query_pairs(req)?;
            let get = |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            };
            let filter = get("filtro").and_then(Filter::parse).unwrap_or(Filter::All);
            let notice = match get("pubblicate").and_then(|n| n.parse().ok()) {
                Some(n) => review::CallNotice::Published(n),
                None => review::CallNotice::None,
            };
            review::call_page(db, session, id, filter, notice).await
        }
        (["bandi", id, "pubblica"], true) => {
            editor()?;
            review::publish(db, session, id, &form).await
        }
        (["proposte", id], false) => {
            let proposal = crate::service::review::detail(db, session, id).await?;
            let saved = query_pairs(req)?
                .into_iter()
                .find(|(k, _)| k == "salvato")
                .map(|(_, v)| v);
            Ok(proposal::proposal_page(
                session,
                &proposal,
                None,
                saved.as_deref(),
            ))
        }
        (["proposte", id], true) => proposal::proposal_post(db, session, id, form).await,
        (["monitoraggio"], false) => {
            editor()?;
            report::page_response(req, db, session).await
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
