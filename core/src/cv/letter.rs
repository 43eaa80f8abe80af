//! Cover letter templates, filled in from the CV and, when the letter starts from an
//! opportunity, from that opportunity. The result is plain text the young person then edits.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use super::italian::{lower_first, strip_leading, with_article};
use super::Cv;
use crate::OpportunityKind;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LetterTemplate {
    /// Reply to a job advertisement.
    #[default]
    ReplyToAd,
    /// Spontaneous application to a company that published nothing.
    Spontaneous,
    Internship,
    Volunteering,
}

impl LetterTemplate {}

/// Who the letter goes to and for what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterTarget {
    pub organisation: String,
    /// What the letter applies for: a role ("addetto/a alla contabilità"), or what an opportunity
    /// offers ("in comunicazione e social media"), as [`role_from_title`] takes it from a title.
    pub role: String,
    pub place: String,
    pub deadline: Option<NaiveDate>,
}

fn or<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text.trim()
    }
}

/// The words an internship's or a volunteer post's title starts with to say what it is.
const INTERNSHIP_WORDS: &[&str] = &["tirocinio", "tirocini", "stage"];
const VOLUNTEER_WORDS: &[&str] = &[
    "volontari",
    "volontarie",
    "volontario",
    "volontaria",
    "volontario/a",
    "volontariato",
];

/// What a letter for an opportunity applies for, from its title: the headline before a colon,
/// without the kind that the title repeats ("Tirocinio come grafico/a junior…" → "grafico/a
/// junior…", "Volontari per il doposcuola" → "per il doposcuola"), a common noun in lower case.
pub fn role_from_title(kind: OpportunityKind, title: &str) -> String {
    // A colon ends the headline, unless it is inside a quoted name («Il colloquio: come…»).
    let mut depth = 0_i32;
    let colon = title.char_indices().find_map(|(i, c)| {
        match c {
            '«' => depth += 1,
            '»' => depth -= 1,
            ':' if depth == 0 => return Some(i),
            _ => {}
        }
        None
    });
    let head = colon.map_or(title, |i| &title[..i]).trim();
    let words = match kind {
        OpportunityKind::Internship => INTERNSHIP_WORDS,
        OpportunityKind::Volunteering | OpportunityKind::WorkCamp => VOLUNTEER_WORDS,
        _ => &[],
    };
    let role = match strip_leading(head, words) {
        Some(rest) if !rest.is_empty() => {
            // "Tirocinio come X", "Tirocinio Garanzia Giovani come X": the role is X.
            rest.split_once("come ").map_or(rest, |(_, role)| role)
        }
        _ => head,
    };
    lower_first(role.trim())
}

/// Words a role may start with that join it to "tirocinio" or "volontario/a" without "come":
/// "tirocinio in logistica", "volontario/a per il doposcuola".
fn joins_directly(role: &str) -> bool {
    const JOINING: &[&str] = &[
        "in",
        "nel",
        "nello",
        "nella",
        "nei",
        "negli",
        "nelle",
        "presso",
        "per",
        "di",
        "del",
        "della",
        "a",
        "al",
        "alla",
        "ai",
        "su",
        "con",
        "extracurricolare",
        "curricolare",
        "retribuito",
        "estivo",
    ];
    let first = role.split_whitespace().next().unwrap_or("");
    JOINING.contains(&first)
        || ["all'", "nell'", "dell'"]
            .iter()
            .any(|p| first.starts_with(p))
}

/// A role after a noun: "come addetto/a…", or joined directly ("in logistica").
fn as_role(role: &str) -> String {
    if joins_directly(role) {
        role.to_owned()
    } else {
        format!("come {role}")
    }
}

/// What a letter is "per": "per il corso ICDL", "per addetto/a…", "per il doposcuola",
/// "per un ruolo nei rifugi alpini".
fn for_role(role: &str) -> String {
    if role.starts_with("per ") {
        role.to_owned()
    } else if joins_directly(role) {
        format!("per un ruolo {role}")
    } else {
        format!("per {}", with_article(role))
    }
}

/// The letter's text: opening, body and closing, in Italian, from the template.
pub fn draft_letter(
    template: LetterTemplate,
    cv: &Cv,
    target: &LetterTarget,
    today: NaiveDate,
) -> String {
    let organisation = or(&target.organisation, "[nome dell'azienda o dell'ente]");
    let at = if target.organisation.trim().is_empty() {
        organisation.to_owned()
    } else {
        with_article(organisation)
    };
    let role = or(&target.role, "[ruolo]");
    let place = or(&cv.personal.city, "[città]");
    let name = cv.full_name();
    let name = or(&name, "[nome e cognome]");
    let latest = cv.work.first().map(|w| {
        format!(
            "Nell'esperienza più recente, come {} presso {}, ho imparato a {}.",
            lower_first(or(&w.role, "[ruolo]")),
            with_article(or(&w.organisation, "[azienda]")),
            "[che cosa hai imparato, con un esempio concreto]"
        )
    });
    let study = cv.education.first().map(|e| {
        let title = or(&e.title, "[titolo]");
        let institution = with_article(or(&e.institution, "[scuola]"));
        let ongoing = e.end.trim().is_empty() && !e.start.trim().is_empty();
        let first = title.split_whitespace().next().unwrap_or("").to_lowercase();
        let course = matches!(
            first.as_str(),
            "corso" | "corsi" | "percorso" | "tirocinio" | "stage" | "master"
        );
        let titled = matches!(
            first.as_str(),
            "diploma"
                | "laurea"
                | "qualifica"
                | "attestato"
                | "certificato"
                | "certificazione"
                | "licenza"
                | "dottorato"
                | "patentino"
                | "titolo"
        );
        let what = with_article(&lower_first(title));
        match (course || titled, ongoing) {
            (true, true) if course => format!("Sto frequentando {what} presso {institution}."),
            (true, true) => format!("Sto conseguendo {what} presso {institution}."),
            (true, false) if course => format!("Ho frequentato {what} presso {institution}."),
            (true, false) => format!("Ho conseguito {what} presso {institution}."),
            (false, _) => format!("Ho studiato presso {institution}: {title}."),
        }
    });
    let strengths = [study, latest]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let strengths = or(
        &strengths,
        "[due o tre punti di forza collegati alle richieste, con un esempio concreto]",
    )
    .to_owned();
    let deadline = target
        .deadline
        .map(|d| format!(", entro la scadenza del {}", d.format("%d/%m/%Y")))
        .unwrap_or_default();
    let (opening, subject) = match template {
        LetterTemplate::ReplyToAd => (
            format!(
                "con questa lettera rispondo al vostro annuncio {} e vi propongo la mia candidatura{deadline}.",
                for_role(role)
            ),
            format!("candidatura {}", for_role(role)),
        ),
        LetterTemplate::Spontaneous => (
            format!(
                "vi scrivo per proporre la mia candidatura spontanea presso {at}, in particolare per un ruolo {}.",
                as_role(role)
            ),
            format!("candidatura spontanea per un ruolo {}", as_role(role)),
        ),
        LetterTemplate::Internship => {
            let role = strip_leading(role, INTERNSHIP_WORDS).unwrap_or(role);
            // A name ("Garanzia Giovani") follows "tirocinio" directly.
            let role = if role.starts_with(char::is_uppercase) {
                role.to_owned()
            } else {
                as_role(role)
            };
            (
                format!(
                    "desidero candidarmi per il tirocinio {role} presso {at}{deadline}, per imparare il mestiere sul campo e mettere in pratica quanto ho studiato."
                ),
                format!("candidatura per il tirocinio {role}"),
            )
        }
        LetterTemplate::Volunteering => {
            let role = strip_leading(role, VOLUNTEER_WORDS).unwrap_or(role);
            let role = if joins_directly(role) {
                role.to_owned()
            } else if role.contains('«') {
                for_role(role)
            } else {
                format!("nel progetto «{role}»")
            };
            (
                format!(
                    "vorrei mettere a disposizione il mio tempo come volontario/a {role} presso {at}{deadline}."
                ),
                format!("candidatura come volontario/a {role}"),
            )
        }
    };
    let motivation = match template {
        LetterTemplate::ReplyToAd | LetterTemplate::Spontaneous => {
            format!("Conosco {at} per [che cosa ti colpisce dell'azienda] e credo di poter contribuire al vostro lavoro.")
        }
        LetterTemplate::Internship => {
            "Il tirocinio è per me l'occasione di [che cosa vuoi imparare].".to_owned()
        }
        LetterTemplate::Volunteering => {
            "Mi motiva [perché ti interessa questa attività e che cosa vuoi dare].".to_owned()
        }
    };
    format!(
        "{place}, {date}\n\nSpett.le {organisation}\n\nOggetto: {subject}\n\nGentili responsabili,\n\n{opening}\n\n{strengths}\n\n{motivation}\n\nAllego il mio curriculum vitae e resto a disposizione per un colloquio, anche online.\n\nRingrazio per l'attenzione e porgo cordiali saluti.\n\n{name}\n{contacts}",
        date = today.format("%d/%m/%Y"),
        contacts = [cv.personal.phone.trim(), cv.personal.email.trim()]
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    )
}
