use super::*;
use crate::matching::Reach;

fn submission() -> BankSubmission {
    BankSubmission {
        id: uuid::Uuid::nil(),
        name: "Giulia Ferrari".into(),
        contact: "giulia@example.it".into(),
        profile: Profile {
            district: Some(District::Crema),
            reach: Reach::default(),
            skills: vec!["Excel".into()],
            ..Profile::default()
        },
        cv: None,
        consent: Some(ConsentGiven {
            version: CONSENT_VERSION,
            accepted: true,
        }),
    }
}

#[test]
fn a_profile_without_the_current_consent_is_refused_by_field() {
    assert!(submission().validate().is_ok());
    for consent in [
        None,
        Some(ConsentGiven {
            version: CONSENT_VERSION,
            accepted: false,
        }),
        Some(ConsentGiven {
            version: CONSENT_VERSION + 1,
            accepted: true,
        }),
    ] {
        let errors = BankSubmission {
            consent,
            ..submission()
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors.0.len(), 1);
        assert_eq!(errors.0[0].field.to_string(), "consent");
    }
}

#[test]
fn an_empty_profile_or_a_missing_contact_is_refused_with_italian_messages() {
    let errors = BankSubmission {
        contact: String::new(),
        profile: Profile::default(),
        ..submission()
    }
    .validate()
    .unwrap_err();
    let fields: Vec<String> = errors.0.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["contact", "profile"]);
}

#[test]
fn a_profile_expires_twelve_months_after_it_was_sent() {
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(expires_at(at).to_rfc3339(), "2027-11-26T10:00:00+00:00");
    assert!(profile_code([0; 8]).starts_with("CVB-"));
}
