//! The Informagiovani CV bank on the phone: what is sent, made of the "Per te" profile, the name
//! and contact the young person types and, only if they tick it, their latest CV as JSON
//! Resume; and the same, field by field with its values, for the consent screen, so that what
//! is shown is what leaves the phone.

pub mod text;

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Rome;
use sito_core::{
    bank::{BankSubmission, BankUpdate, ConsentGiven, CONSENT_VERSION},
    cv::{to_json_resume, Cv, JsonResume},
    matching::Profile,
};

use crate::{dates::long_date, i18n::Locale, labels::kind_in};
use text::{fill, text};

/// What the phone sends: the profile, name and contact, the CV as JSON Resume only if `cv` is
/// given (the young person ticked it), and the consent as ticked.
pub fn submission(
    id: uuid::Uuid,
    name: &str,
    contact: &str,
    profile: &Profile,
    cv: Option<&Cv>,
    consented: bool,
) -> BankSubmission {
    BankSubmission {
        id,
        name: name.trim().to_owned(),
        contact: contact.trim().to_owned(),
        profile: profile.clone(),
        cv: cv.map(to_json_resume),
        consent: Some(ConsentGiven {
            version: CONSENT_VERSION,
            accepted: consented,
        }),
    }
}

/// The same as an update of the profile `code` manages (renewing its 12 months).
pub fn update(code: &str, submission: BankSubmission) -> BankUpdate {
    BankUpdate {
        code: code.to_owned(),
        name: submission.name,
        contact: submission.contact,
        profile: submission.profile,
        cv: submission.cv,
        consent: submission.consent,
    }
}

/// A field of the profile, as the consent screen names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    District,
    Age,
    Kinds,
    Sectors,
    Availability,
    Languages,
    Education,
    Skills,
}

impl Field {
    pub fn label(self, locale: Locale) -> &'static str {
        let t = text(locale);
        match self {
            Field::District => t.field_district,
            Field::Age => t.field_age,
            Field::Kinds => t.field_kinds,
            Field::Sectors => t.field_sectors,
            Field::Availability => t.field_availability,
            Field::Languages => t.field_languages,
            Field::Education => t.field_education,
            Field::Skills => t.field_skills,
        }
    }
}

fn pick(locale: Locale, it: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::it => it,
        Locale::en => en,
    }
}

/// Every field of the profile with its value in words ("non indicato" when empty): all of
/// them, since all of them are sent.
pub fn profile_lines(profile: &Profile, locale: Locale) -> Vec<(Field, String)> {
    let t = text(locale);
    let or_not = |s: String| {
        if s.is_empty() {
            t.not_given.to_owned()
        } else {
            s
        }
    };
    let list = |items: Vec<&str>| or_not(items.join(", "));
    let reach = pick(locale, profile.reach.label_it(), profile.reach.label_en());
    let district = match profile.district {
        Some(d) => format!("{} · {reach}", d.label_it()),
        None => format!("{} · {reach}", t.not_given),
    };
    let availability = match (profile.available_from, profile.available_until) {
        (None, None) => String::new(),
        (Some(from), None) => format!("{} {}", t.from, long_date(from, locale)),
        (None, Some(until)) => format!("{} {}", t.until, long_date(until, locale)),
        (Some(from), Some(until)) => format!(
            "{} {} {} {}",
            t.from,
            long_date(from, locale),
            t.until,
            long_date(until, locale)
        ),
    };
    vec![
        (Field::District, district),
        (
            Field::Age,
            or_not(
                profile
                    .age
                    .map(|a| format!("{a} {}", t.years))
                    .unwrap_or_default(),
            ),
        ),
        (
            Field::Kinds,
            list(profile.kinds.iter().map(|k| kind_in(locale, *k)).collect()),
        ),
        (
            Field::Sectors,
            list(
                profile
                    .sectors
                    .iter()
                    .map(|s| pick(locale, s.label_it(), s.label_en()))
                    .collect(),
            ),
        ),
        (Field::Availability, or_not(availability)),
        (
            Field::Languages,
            or_not(
                profile
                    .languages
                    .iter()
                    .map(|s| {
                        let language = pick(locale, s.language.label_it(), s.language.label_en());
                        format!("{language} {}", <&str>::from(s.level))
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
        (
            Field::Education,
            or_not(
                profile
                    .education
                    .map(|e| pick(locale, e.label_it(), e.label_en()).to_owned())
                    .unwrap_or_default(),
            ),
        ),
        (
            Field::Skills,
            list(profile.skills.iter().map(String::as_str).collect()),
        ),
    ]
}

/// A section of the CV as JSON Resume, with how many entries it has where that says something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvPart {
    Personal,
    Summary,
    Work(usize),
    Education(usize),
    Languages(usize),
    Skills,
    Volunteering(usize),
    Interests,
}

/// The sections the CV sends, in the JSON Resume's order; empty ones are not sent.
pub fn cv_parts(resume: &JsonResume) -> Vec<CvPart> {
    let b = &resume.basics;
    let personal = [&b.name, &b.email, &b.phone, &b.url, &b.location.city]
        .iter()
        .any(|s| !s.trim().is_empty());
    let counted = |n: usize, part: fn(usize) -> CvPart| (n > 0).then(|| part(n));
    [
        personal.then_some(CvPart::Personal),
        (!b.summary.trim().is_empty()).then_some(CvPart::Summary),
        counted(resume.work.len(), CvPart::Work),
        counted(resume.education.len(), CvPart::Education),
        counted(resume.languages.len(), CvPart::Languages),
        (!resume.skills.is_empty()).then_some(CvPart::Skills),
        counted(resume.volunteer.len(), CvPart::Volunteering),
        (!resume.interests.is_empty()).then_some(CvPart::Interests),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// "dati personali (…), esperienze di lavoro (2), lingue (3)".
pub fn cv_parts_text(parts: &[CvPart], locale: Locale) -> String {
    let t = text(locale);
    let counted = |label: &str, n: usize| format!("{label} ({n})");
    parts
        .iter()
        .map(|part| match *part {
            CvPart::Personal => t.part_personal.to_owned(),
            CvPart::Summary => t.part_summary.to_owned(),
            CvPart::Work(n) => counted(t.part_work, n),
            CvPart::Education(n) => counted(t.part_education, n),
            CvPart::Languages(n) => counted(t.part_languages, n),
            CvPart::Skills => t.part_skills.to_owned(),
            CvPart::Volunteering(n) => counted(t.part_volunteering, n),
            CvPart::Interests => t.part_interests.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the consent screen says of the CV: "Il CV «Stagionale» in formato JSON Resume, con: …".
pub fn cv_line(cv: &Cv, locale: Locale) -> String {
    let parts = cv_parts_text(&cv_parts(&to_json_resume(cv)), locale);
    fill(
        text(locale).cv_sent,
        &[("name", &cv.name), ("parts", &parts)],
    )
}

/// "Scade il 26 novembre 2027": the day in Italian time.
pub fn expires_line(at: DateTime<Utc>, locale: Locale) -> String {
    let day = long_date(at.with_timezone(&Rome).date_naive(), locale);
    fill(text(locale).expires, &[("date", &day)])
}

#[cfg(test)]
mod tests;
