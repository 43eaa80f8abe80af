//! Cover letter templates, filled in from the CV and, when the letter starts from an
//! opportunity, from that opportunity. The result is plain text the young person then edits.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Cv;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterTemplate {
    /// Reply to a job advertisement.
    #[default]
    ReplyToAd,
    /// Spontaneous application to a company that published nothing.
    Spontaneous,
    Internship,
    Volunteering,
}

impl LetterTemplate {
    pub const ALL: [LetterTemplate; 4] = [
        Self::ReplyToAd,
        Self::Spontaneous,
        Self::Internship,
        Self::Volunteering,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReplyToAd => "reply_to_ad",
            Self::Spontaneous => "spontaneous",
            Self::Internship => "internship",
            Self::Volunteering => "volunteering",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Who the letter goes to and for what.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterTarget {
    pub organisation: String,
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

/// The letter's text: opening, body and closing, in Italian, from the template.
pub fn draft_letter(
    template: LetterTemplate,
    cv: &Cv,
    target: &LetterTarget,
    today: NaiveDate,
) -> String {
    let organisation = or(&target.organisation, "[nome dell'azienda o dell'ente]");
    let role = or(&target.role, "[ruolo]");
    let place = or(&cv.personal.city, "[città]");
    let name = cv.full_name();
    let name = or(&name, "[nome e cognome]");
    let latest = cv.work.first().map(|w| {
        format!(
            "Nell'esperienza più recente, come {} presso {}, ho imparato a {}.",
            or(&w.role, "[ruolo]"),
            or(&w.organisation, "[azienda]"),
            "[che cosa hai imparato, con un esempio concreto]"
        )
    });
    let study = cv.education.first().map(|e| {
        format!(
            "Ho conseguito {} presso {}.",
            or(&e.title, "[titolo]"),
            or(&e.institution, "[scuola]")
        )
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
    let opening = match template {
        LetterTemplate::ReplyToAd => format!(
            "con questa lettera desidero candidarmi per la posizione di {role} presso {organisation}{}.",
            target
                .deadline
                .map(|d| format!(", entro la scadenza del {}", d.format("%d/%m/%Y")))
                .unwrap_or_default()
        ),
        LetterTemplate::Spontaneous => format!(
            "vi scrivo per proporre la mia candidatura spontanea presso {organisation}, in particolare per un ruolo come {role}."
        ),
        LetterTemplate::Internship => format!(
            "desidero candidarmi per un tirocinio come {role} presso {organisation}, per imparare il mestiere sul campo e mettere in pratica quanto ho studiato."
        ),
        LetterTemplate::Volunteering => format!(
            "vorrei mettere a disposizione il mio tempo come volontario/a presso {organisation}, nell'attività di {role}."
        ),
    };
    let motivation = match template {
        LetterTemplate::ReplyToAd | LetterTemplate::Spontaneous => {
            format!("Conosco {organisation} per [che cosa ti colpisce dell'azienda] e credo di poter contribuire al vostro lavoro.")
        }
        LetterTemplate::Internship => {
            "Il tirocinio è per me l'occasione di [che cosa vuoi imparare].".to_owned()
        }
        LetterTemplate::Volunteering => {
            "Mi motiva [perché ti interessa questa attività e che cosa vuoi dare].".to_owned()
        }
    };
    format!(
        "{place}, {date}\n\nSpett.le {organisation}\n\nOggetto: candidatura per {role}\n\nGentili responsabili,\n\n{opening}\n\n{strengths}\n\n{motivation}\n\nAllego il mio curriculum vitae e resto a disposizione per un colloquio, anche online.\n\nRingrazio per l'attenzione e porgo cordiali saluti.\n\n{name}\n{contacts}",
        date = today.format("%d/%m/%Y"),
        contacts = [cv.personal.phone.trim(), cv.personal.email.trim()]
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    )
}
