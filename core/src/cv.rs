//! The CV and cover letters a young person builds on the phone (Europass sections), their
//! validation, and the JSON Resume exchange format. None of this ever reaches the server.

mod italian;
mod json_resume;
mod letter;
pub mod self_assessment;

pub use json_resume::{from_json_resume, to_json_resume, JsonResume};
pub use letter::{draft_letter, role_from_title, LetterTarget, LetterTemplate};

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::validation::{FieldPath, ValidationErrors};

/// The Italian consent line many employers ask for (GDPR and the Italian privacy code).
pub const CONSENT_LINE: &str = "Autorizzo il trattamento dei miei dati personali presenti nel CV ai sensi del Regolamento UE 2016/679 (GDPR) e del D.Lgs. 196/2003.";

/// A month as CVs write it: `2025-06`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl YearMonth {
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.get(..2).unwrap_or(month).parse().ok()?;
        ((1900..=2100).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Self-assessment levels of the Common European Framework of Reference for languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
pub enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl Cefr {}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Personal {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// Town of residence: the full address, marital status or tax code are not needed.
    pub city: String,
    pub website: String,
    /// Add the Italian consent line ([`CONSENT_LINE`]) at the foot of the CV.
    pub consent: bool,
}

/// A job, an internship, a seasonal job, or a volunteering activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    pub role: String,
    pub organisation: String,
    pub city: String,
    /// `YYYY-MM`.
    pub start: String,
    /// `YYYY-MM`, empty while it goes on.
    pub end: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Education {
    /// The qualification, e.g. "Diploma di perito agrario" or "Corso HACCP".
    pub title: String,
    pub institution: String,
    pub city: String,
    pub start: String,
    pub end: String,
    pub description: String,
}

/// A language other than the mother tongue, with the five Europass self-assessment levels:
/// `None` for a level the person has not chosen, which the CV then leaves blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSkill {
    pub language: String,
    pub listening: Option<Cefr>,
    pub reading: Option<Cefr>,
    pub interaction: Option<Cefr>,
    pub production: Option<Cefr>,
    pub writing: Option<Cefr>,
}

impl LanguageSkill {
    /// The five levels in the Europass order: listening, reading, interaction, production, writing.
    pub fn levels(&self) -> [Option<Cefr>; 5] {
        [
            self.listening,
            self.reading,
            self.interaction,
            self.production,
            self.writing,
        ]
    }
}

/// One CV. A young person can keep several (one for seasonal work, one for an internship…).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cv {
    pub id: String,
    /// What this version is for, e.g. "Lavori stagionali".
    pub name: String,
    pub updated_at: String,
    pub personal: Personal,
    /// Three or four lines: who you are, what you can do, what you look for.
    pub profile: String,
    pub work: Vec<Experience>,
    pub education: Vec<Education>,
    pub mother_tongues: Vec<String>,
    pub languages: Vec<LanguageSkill>,
    pub digital_skills: Vec<String>,
    pub other_skills: String,
    /// Driving licence categories, e.g. "B".
    pub driving_licence: Vec<String>,
    pub volunteering: Vec<Experience>,
    pub interests: String,
    /// What the young person learnt after a lab or volunteering, as they rated it (kept with
    /// the CV on the phone; absent in CVs kept before it, hence the struct's `serde(default)`).
    pub self_assessments: Vec<self_assessment::SelfAssessment>,
}

fn check_period(errors: &mut ValidationErrors, field: FieldPath, start: &str, end: &str) {
    let parsed_start = YearMonth::parse(start);
    if !start.trim().is_empty() && parsed_start.is_none() {
        errors.push(
            field.clone().field("start"),
            "invalid_month",
            "Scrivi mese e anno come AAAA-MM, per esempio 2025-06.",
        );
    }
    let parsed_end = YearMonth::parse(end);
    if !end.trim().is_empty() && parsed_end.is_none() {
        errors.push(
            field.clone().field("end"),
            "invalid_month",
            "Scrivi mese e anno come AAAA-MM, oppure lascia vuoto se è ancora in corso.",
        );
    }
    if let (Some(start), Some(end)) = (parsed_start, parsed_end) {
        if end < start {
            errors.push(
                field.clone().field("end"),
                "end_before_start",
                "La fine non può essere prima dell'inizio.",
            );
        }
    }
}

impl Cv {
    /// Checks what a CV needs before it is printed or exported. Empty sections are fine; a
    /// draft is saved as typed whatever this says.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("personal.first_name", &self.personal.first_name, 80);
        errors.text("personal.last_name", &self.personal.last_name, 80);
        let email = self.personal.email.trim();
        if !email.is_empty() && !crate::account::is_plausible_email(email) {
            errors.push(
                "personal.email",
                "invalid_email",
                "Indirizzo e-mail non valido, per esempio nome.cognome@esempio.it.",
            );
        }
        errors.optional_text("profile", &self.profile, 600);
        for (i, e) in self.work.iter().enumerate() {
            check_period(
                &mut errors,
                FieldPath::from("work").index(i),
                &e.start,
                &e.end,
            );
        }
        for (i, e) in self.education.iter().enumerate() {
            check_period(
                &mut errors,
                FieldPath::from("education").index(i),
                &e.start,
                &e.end,
            );
        }
        for (i, e) in self.volunteering.iter().enumerate() {
            check_period(
                &mut errors,
                FieldPath::from("volunteering").index(i),
                &e.start,
                &e.end,
            );
        }
        errors.into_result(())
    }

    /// "Nome Cognome".
    pub fn full_name(&self) -> String {
        format!(
            "{} {}",
            self.personal.first_name.trim(),
            self.personal.last_name.trim()
        )
        .trim()
        .to_owned()
    }
}

/// Moves item `from` one place up (`up = true`) or down; out-of-range moves change nothing.
pub fn move_item<T>(items: &mut [T], from: usize, up: bool) {
    let to = if up {
        from.checked_sub(1)
    } else {
        Some(from + 1)
    };
    if let Some(to) = to.filter(|to| *to < items.len() && from < items.len()) {
        items.swap(from, to);
    }
}

/// A cover letter, kept on the phone and edited freely after the template filled it in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Letter {
    pub id: String,
    pub cv_id: String,
    pub template: LetterTemplate,
    /// The opportunity it answers, when started from one.
    pub opportunity_id: Option<String>,
    pub organisation: String,
    pub role: String,
    pub body: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests;
