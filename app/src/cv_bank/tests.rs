use chrono::NaiveDate;
use sito_core::{
    cv::{Cefr, Experience, LanguageSkill, Personal},
    matching::{profile_from_cv, Education, Language, Reach, Sector, Spoken},
    District, OpportunityKind,
};

use super::*;

fn cv() -> Cv {
    Cv {
        id: "cv-1".into(),
        name: "Stagionale".into(),
        personal: Personal {
            first_name: "Giulia".into(),
            last_name: "Bianchi".into(),
            email: "giulia@example.it".into(),
            city: "Crema".into(),
            ..Personal::default()
        },
        work: vec![Experience {
            role: "Cameriera".into(),
            organisation: "Bar Duomo".into(),
            ..Experience::default()
        }],
        mother_tongues: vec!["Italiano".into()],
        languages: vec![LanguageSkill {
            language: "Inglese".into(),
            listening: Some(Cefr::B2),
            reading: Some(Cefr::B2),
            interaction: Some(Cefr::B2),
            production: Some(Cefr::B2),
            writing: Some(Cefr::B2),
        }],
        digital_skills: vec!["Excel".into()],
        ..Cv::default()
    }
}

#[test]
fn the_submission_carries_the_profile_and_the_cv_only_when_ticked() {
    let profile = profile_from_cv(&cv());
    let id = uuid::Uuid::nil();
    let without = submission(
        id,
        " Giulia Bianchi ",
        " 333 1234567 ",
        &profile,
        None,
        true,
    );
    assert_eq!(without.name, "Giulia Bianchi");
    assert_eq!(without.contact, "333 1234567");
    assert_eq!(without.profile, profile);
    assert!(without.cv.is_none());
    assert!(without.validate().is_ok());
    // The JSON the phone sends has no CV key at all without the tick.
    let json = serde_json::to_value(&without).unwrap();
    assert!(json.get("cv").is_none());

    let cv = cv();
    let with = submission(
        id,
        "Giulia Bianchi",
        "giulia@example.it",
        &profile,
        Some(&cv),
        true,
    );
    assert_eq!(with.cv, Some(to_json_resume(&cv)));
    assert_eq!(with.consent.unwrap().version, CONSENT_VERSION);

    // Without the tick, core refuses it beside the checkbox.
    let refused = submission(
        id,
        "Giulia Bianchi",
        "giulia@example.it",
        &profile,
        None,
        false,
    )
    .validate()
    .unwrap_err();
    assert_eq!(refused.0.len(), 1);
    assert_eq!(refused.0[0].field.to_string(), "consent");

    let renewed = update("CVB-AAAA-BBBB", with.clone());
    assert_eq!(renewed.code, "CVB-AAAA-BBBB");
    assert_eq!((renewed.profile, renewed.cv), (with.profile, with.cv));
}

#[test]
fn the_consent_screen_shows_every_field_with_its_value() {
    let profile = Profile {
        district: Some(District::Crema),
        reach: Reach::Neighbours,
        age: Some(22),
        kinds: vec![OpportunityKind::Internship, OpportunityKind::Job],
        sectors: vec![Sector::Digital],
        available_from: NaiveDate::from_ymd_opt(2027, 6, 1),
        available_until: NaiveDate::from_ymd_opt(2027, 9, 30),
        languages: vec![Spoken {
            language: Language::English,
            level: Cefr::B2,
        }],
        education: Some(Education::Diploma),
        skills: vec!["Excel".into(), "HACCP".into()],
    };
    let lines = profile_lines(&profile, Locale::it);
    let fields: Vec<Field> = lines.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            Field::District,
            Field::Age,
            Field::Kinds,
            Field::Sectors,
            Field::Availability,
            Field::Languages,
            Field::Education,
            Field::Skills
        ]
    );
    let values: Vec<&str> = lines.iter().map(|(_, v)| v.as_str()).collect();
    assert_eq!(
        values,
        [
            "Crema · Anche il territorio vicino (circa 40 km)",
            "22 anni",
            "Tirocinio, Lavoro",
            "informatica e digitale",
            "dal 1 giugno 2027 fino al 30 settembre 2027",
            "inglese B2",
            "diploma",
            "Excel, HACCP",
        ]
    );
    // An empty profile still lists every field, each "non indicato".
    let empty = profile_lines(&Profile::default(), Locale::it);
    assert_eq!(empty.len(), 8);
    assert_eq!(empty[0].1, "non indicato · Tutta la provincia");
    assert!(empty[1..].iter().all(|(_, v)| v == "non indicato"));
    assert_eq!(profile_lines(&profile, Locale::en)[1].1, "22 years");
}

#[test]
fn the_cv_line_names_the_sections_sent() {
    let line = cv_line(&cv(), Locale::it);
    assert_eq!(
        line,
        "Il CV «Stagionale» in formato JSON Resume, con: dati personali (nome, e-mail, telefono, \
         città), esperienze di lavoro (1), lingue (2), competenze."
    );
    assert!(cv_parts(&JsonResume::default()).is_empty());
}

#[test]
fn the_expiry_is_the_day_in_italian_time() {
    let at = sito_core::time::parse("2027-11-26T10:00:00Z").unwrap();
    assert_eq!(expires_line(at, Locale::it), "Scade il 26 novembre 2027");
    // Just before midnight in Rome is already the next day there.
    let late = sito_core::time::parse("2027-11-25T23:30:00Z").unwrap();
    assert_eq!(expires_line(late, Locale::it), "Scade il 26 novembre 2027");
}
