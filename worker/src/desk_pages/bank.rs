//! The Informagiovani CV bank at the desk (`/redazione/banca-cv`), for operators, editors and
//! administrators: the search form (filters, an open opportunity or recruiting day to score
//! against, skills), the candidates with their score and reasons but never their name or
//! contact, a form to propose each, and the operator's own proposals, where the accepted ones
//! show name and contact. Every candidate shown and every contact read is in the audit log
//! and in the young person's list of views.

use sito_core::{
    bank::{
        CandidateView, NewProposal, OperatorProposal, ProposalKind, ProposalStatus, SearchQuery,
    },
    cv::Cefr,
    matching::{Education, Language, Profile, Sector},
    VariantArray,
};

use super::*;
use crate::{
    db::bank_desk::OpenItem,
    italian_time,
    service::bank_desk::{self as service, RECRUITING_DAY},
};

const HERE: &str = "/redazione/banca-cv";

pub(super) async fn route(
    req: &Request,
    db: &D1Database,
    session: &Session,
    rest: &[&str],
    post: bool,
    form: FormValues,
) -> Result<Response, ApiError> {
    match (rest, post) {
        ([], false) => search_page(req, db, session).await,
        (["proposte"], false) => {
            let sent = query_pairs(req)?.iter().any(|(k, _)| k == "inviata");
            proposals_page(db, session, sent).await
        }
        (["proponi"], true) => propose(db, session, &form).await,
        _ => Err(ApiError::NotFound),
    }
}

fn today_and_now() -> (String, String) {
    let now = auth::now();
    let today = now.with_timezone(&chrono_tz::Europe::Rome).date_naive();
    (today.to_string(), sito_core::time::format(&now))
}

async fn search_page(
    req: &Request,
    db: &D1Database,
    session: &Session,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(req)?;
    let (today, now) = today_and_now();
    let items = crate::db::bank_desk::open_items(db, &today, &now).await?;
    let searched = !pairs.is_empty();
    let (query, errors) = match SearchQuery::from_pairs(&pairs) {
        Ok(q) => (q, ValidationErrors::default()),
        Err(e) => (SearchQuery::default(), e),
    };
    let target = query
        .for_item
        .as_deref()
        .and_then(|id| items.iter().find(|i| i.id == id));
    let (results, errors) = if searched && errors.is_empty() {
        match service::search(db, session, &query).await {
            Ok(r) => (Some(r.candidates), errors),
            Err(ApiError::InvalidQuery(e)) => (None, e),
            Err(e) => return Err(e),
        }
    } else {
        (None, errors)
    };
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    };
    let body = html! {
        h1 { "Banca CV Informagiovani" }
        p.hint {
            "I profili arrivano dai giovani con il loro consenso e scadono dopo 12 mesi. Nome e "
            "recapito restano nascosti finché il giovane non accetta una proposta; ogni profilo "
            "mostrato è registrato e il giovane vede chi l'ha consultato."
        }
        p { a.button href={ (HERE) "/proposte" } { "Le mie proposte" } }
        (error_summary(&errors))
        (search_form(&items, &value))
        @if let Some(candidates) = &results {
            section aria-labelledby="risultati" {
                h2 #risultati { "Candidati (" (candidates.len()) ")" }
                @if target.is_none() {
                    p.hint { "Scegli un'opportunità o un recruiting day per vedere il punteggio e proporre i candidati." }
                }
                @if candidates.is_empty() {
                    p { "Nessun profilo corrisponde alla ricerca." }
                }
                @for (n, c) in candidates.iter().enumerate() {
                    (candidate(n, c, target))
                }
            }
        }
    };
    Ok(page(Some(session), "Banca CV", body))
}

fn options<T: Copy + Into<&'static str>>(
    values: &[T],
    selected: &str,
    label: impl Fn(T) -> &'static str,
) -> Markup {
    html! {
        option value="" { "Qualsiasi" }
        @for v in values {
            @let key: &'static str = (*v).into();
            option value=(key) selected[key == selected] { (label(*v)) }
        }
    }
}

fn search_form<'a>(items: &[OpenItem], value: &impl Fn(&str) -> &'a str) -> Markup {
    html! {
        form.filters.bank method="get" action=(HERE) {
            div.wide {
                label for="for" { "Per l'opportunità" }
                select #for name="for" {
                    option value="" { "Nessuna: solo i filtri" }
                    @for item in items {
                        option value=(item.id) selected[item.id == value("for")] {
                            @if item.kind == RECRUITING_DAY { "Recruiting day: " } (item.title)
                        }
                    }
                }
            }
            div { label for="q" { "Competenze" } input #q name="q" type="search" value=(value("q")) placeholder="es. Excel, HACCP"; }
            div { label for="district" { "Zona" } select #district name="district" {
                (options(&[District::Cremona, District::Crema, District::Casalmaggiore], value("district"), District::label_it))
            } }
            div { label for="available_on" { "Disponibile il" } input #available_on name="available_on" type="date" value=(value("available_on")); }
            div { label for="language" { "Lingua" } select #language name="language" {
                (options(Language::VARIANTS, value("language"), Language::label_it))
            } }
            div { label for="level" { "Livello almeno" } select #level name="level" {
                (options(Cefr::VARIANTS, value("level"), <&'static str>::from))
            } }
            div { label for="education" { "Titolo di studio almeno" } select #education name="education" {
                (options(Education::VARIANTS, value("education"), Education::label_it))
            } }
            div { label for="sector" { "Settore" } select #sector name="sector" {
                (options(Sector::VARIANTS, value("sector"), Sector::label_it))
            } }
            button type="submit" { "Cerca" }
        }
    }
}

fn facts(profile: &Profile, has_cv: bool) -> Markup {
    let languages: Vec<String> = profile
        .languages
        .iter()
        .map(|s| format!("{} {}", s.language.label_it(), <&str>::from(s.level)))
        .collect();
    let sectors: Vec<&str> = profile.sectors.iter().map(|s| s.label_it()).collect();
    let kinds: Vec<&str> = profile.kinds.iter().map(|k| k.label_it()).collect();
    let available = match (profile.available_from, profile.available_until) {
        (Some(f), Some(u)) => format!("dal {} al {}", f.format("%d/%m/%Y"), u.format("%d/%m/%Y")),
        (Some(f), None) => format!("dal {}", f.format("%d/%m/%Y")),
        (None, Some(u)) => format!("fino al {}", u.format("%d/%m/%Y")),
        (None, None) => String::new(),
    };
    html! {
        dl.facts {
            @if let Some(d) = profile.district { dt { "Zona" } dd { (d.label_it()) " · " (profile.reach.label_it()) } }
            @if let Some(age) = profile.age { dt { "Età" } dd { (age) " anni" } }
            @if let Some(e) = profile.education { dt { "Titolo di studio" } dd { (e.label_it()) } }
            @if !languages.is_empty() { dt { "Lingue" } dd { (languages.join(", ")) } }
            @if !sectors.is_empty() { dt { "Settori" } dd { (sectors.join(", ")) } }
            @if !kinds.is_empty() { dt { "Cerca" } dd { (kinds.join(", ")) } }
            @if !available.is_empty() { dt { "Disponibile" } dd { (available) } }
            @if !profile.skills.is_empty() { dt { "Competenze" } dd { (profile.skills.join(", ")) } }
            dt { "CV" } dd { @if has_cv { "allegato" } @else { "non inviato" } }
        }
    }
}

fn candidate(n: usize, c: &CandidateView, target: Option<&OpenItem>) -> Markup {
    let heading = format!("candidato-{n}");
    html! {
        article.panel.candidate aria-labelledby=(heading) {
            h3 #(heading) {
                "Candidato " (n + 1)
                @if target.is_some() { " · " (c.points) " punti" @if c.excluded { " (escluso)" } }
            }
            @if !c.reasons.is_empty() { p.reasons { (c.reasons.join(" · ")) } }
            (facts(&c.profile, c.has_cv))
            p.hint { "Il profilo scade il " (italian_time::rome(c.expires_at).get(..10).unwrap_or_default()) "." }
            @if let Some(item) = target {
                form method="post" action={ (HERE) "/proponi" } {
                    input type="hidden" name="id" value=(uuid_text());
                    input type="hidden" name="profile_id" value=(c.id);
                    input type="hidden" name="kind" value=(item.kind);
                    input type="hidden" name="item_id" value=(item.id);
                    label for={ "messaggio-" (n) } { "Messaggio per il giovane" }
                    textarea id={ "messaggio-" (n) } name="message" required maxlength="1000" {
                        "Ciao, il tuo profilo corrisponde a «" (item.title) "». Ti interessa?"
                    }
                    button type="submit" { "Proponi" }
                }
            }
        }
    }
}

/// A fresh id for a proposal form: a form sent twice stores one proposal.
fn uuid_text() -> String {
    auth::random_uuid().unwrap_or_default()
}

async fn propose(
    db: &D1Database,
    session: &Session,
    form: &FormValues,
) -> Result<Response, ApiError> {
    // The form's fields as the JSON API takes them: the same checks, the same answers.
    let input: Result<NewProposal, _> = serde_json::from_value(serde_json::json!({
        "id": form.get("id"),
        "profile_id": form.get("profile_id"),
        "kind": form.get("kind"),
        "item_id": form.get("item_id"),
        "message": form.get("message"),
    }));
    let Ok(input) = input else {
        let mut errors = ValidationErrors::default();
        errors.push("kind", "invalid", "Modulo non valido: ripeti la ricerca.");
        return Err(ApiError::Validation(errors));
    };
    match service::propose(db, session, &input).await {
        Ok(_) => Ok(redirect(&format!("{HERE}/proposte?inviata=1"))),
        Err(ApiError::Validation(errors)) => Ok(page(
            Some(session),
            "Proposta non inviata",
            html! {
                h1 { "Proposta non inviata" }
                (error_summary(&errors))
                p { a href=(HERE) { "Torna alla ricerca" } }
            },
        )),
        Err(ApiError::NotFound) => Ok(page(
            Some(session),
            "Profilo non disponibile",
            html! {
                h1 { "Profilo non disponibile" }
                p { "Il profilo è scaduto o è stato cancellato dal giovane." }
                p { a href=(HERE) { "Torna alla ricerca" } }
            },
        )),
        Err(e) => Err(e),
    }
}

fn status_label(status: ProposalStatus) -> &'static str {
    match status {
        ProposalStatus::Pending => "In attesa di risposta",
        ProposalStatus::Accepted => "Accettata",
        ProposalStatus::Declined => "Rifiutata",
    }
}

fn proposal(p: &OperatorProposal) -> Markup {
    html! {
        article.panel.proposal {
            h3 {
                @if p.kind == ProposalKind::RecruitingDay { "Recruiting day: " }
                (p.title)
            }
            p { span.status { (status_label(p.status)) } " · inviata il " (italian_time::rome(p.sent_at)) }
            p.prose { (p.message) }
            @if let Some(slot) = p.slot { p { "Colloquio scelto: " (italian_time::rome(slot)) } }
            @if let (Some(name), Some(contact)) = (&p.name, &p.contact) {
                dl.facts.contacts {
                    dt { "Nome" } dd { (name) }
                    dt { "Recapito" } dd {
                        @if contact.contains('@') { a href={ "mailto:" (contact) } { (contact) } }
                        @else { a href={ "tel:" (contact) } { (contact) } }
                    }
                }
            }
        }
    }
}

async fn proposals_page(
    db: &D1Database,
    session: &Session,
    sent: bool,
) -> Result<Response, ApiError> {
    let list = service::own_proposals(db, session).await?;
    let body = html! {
        h1 { "Le mie proposte" }
        @if sent { div.ok role="status" { p { "Proposta inviata: il giovane la vede nell'app." } } }
        p.hint {
            "Nome e recapito compaiono solo quando il giovane accetta; ogni lettura è registrata "
            "e il giovane la vede."
        }
        p { a href=(HERE) { "Torna alla ricerca" } }
        @if list.is_empty() { p { "Non hai ancora inviato proposte." } }
        @for p in &list { (proposal(p)) }
    };
    Ok(page(Some(session), "Le mie proposte", body))
}
