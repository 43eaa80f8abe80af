use chrono::NaiveDate;

use super::*;
use crate::{
    matching::{Reach, Spoken},
    opportunity::{fixtures, OpportunityKind},
};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn the_query_is_read_from_the_address_with_italian_messages() {
    let q = SearchQuery::from_pairs(&pairs(&[
        ("for", "opp-1"),
        ("district", "crema"),
        ("available_on", "2027-02-01"),
        ("language", "english"),
        ("level", "B2"),
        ("education", "diploma"),
        ("sector", "office"),
        ("q", "  excel "),
        ("sector", ""),
    ]))
    .unwrap();
    assert_eq!(q.for_item.as_deref(), Some("opp-1"));
    assert_eq!(q.district, Some(District::Crema));
    assert_eq!(q.available_on, NaiveDate::from_ymd_opt(2027, 2, 1));
    assert_eq!(q.level, Some(Cefr::B2));
    assert_eq!(q.education, Some(Education::Diploma));
    assert_eq!(q.sector, None, "an empty value is any");
    assert_eq!(q.q.as_deref(), Some("excel"));

    let errors = SearchQuery::from_pairs(&pairs(&[
        ("district", "milano"),
        ("level", "B9"),
        ("nome", "Giulia"),
    ]))
    .unwrap_err();
    let fields: Vec<String> = errors.0.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["district", "level", "nome"]);
    let errors = SearchQuery::from_pairs(&pairs(&[("level", "B1")])).unwrap_err();
    assert_eq!(errors.0[0].field.to_string(), "language");
}

#[test]
fn what_an_operator_types_is_never_fts_syntax() {
    assert_eq!(fts_match("Excel").as_deref(), Some("\"Excel\"*"));
    assert_eq!(
        fts_match("patente B\" OR x NEAR(").as_deref(),
        Some("\"patente\"* \"B\"* \"OR\"* \"x\"* \"NEAR\"*")
    );
    assert_eq!(fts_match("  *:()  "), None);
    assert_eq!(fts_match("caffè").as_deref(), Some("\"caffè\"*"));
}

#[test]
fn at_least_filters_list_the_higher_values_too() {
    assert_eq!(
        education_at_least(Education::Bachelor),
        ["bachelor", "master", "doctorate"]
    );
    assert_eq!(levels_at_least(Cefr::C1), ["C1", "C2"]);
}

#[test]
fn the_filter_columns_copy_the_profile() {
    let profile = Profile {
        district: Some(District::Crema),
        education: Some(Education::Diploma),
        available_from: NaiveDate::from_ymd_opt(2027, 1, 1),
        skills: vec!["Excel".into(), "HACCP".into()],
        ..Profile::default()
    };
    let columns = filter_columns(&profile);
    assert_eq!(columns.district, Some("crema"));
    assert_eq!(columns.education, Some("diploma"));
    assert_eq!(columns.available_from.as_deref(), Some("2027-01-01"));
    assert_eq!(columns.available_until, None);
    assert_eq!(skills_text(&profile), "Excel\nHACCP");
}

#[test]
fn candidates_are_scored_as_the_phone_ranks_and_worded_for_the_operator() {
    let mut input = fixtures::input();
    input.kind = OpportunityKind::Job;
    input.summary = "Impiegato d'ufficio: richiesto inglese B2, uso di Excel.".into();
    let opportunity = fixtures::publish("opp-1", input, "2026-11-20T10:00:00Z");
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let item = Candidate::opportunity(&opportunity, today);
    let near = Profile {
        district: Some(District::Crema),
        reach: Reach::default(),
        languages: vec![Spoken {
            language: Language::English,
            level: Cefr::B2,
        }],
        skills: vec!["Excel".into()],
        ..Profile::default()
    };
    let far = Profile {
        district: Some(District::Casalmaggiore),
        reach: Reach::District,
        ..Profile::default()
    };
    let young = Profile {
        age: Some(16),
        skills: vec!["Excel".into()],
        ..Profile::default()
    };
    let scored = score(&[far.clone(), young, near], &item);
    assert_eq!(scored[0].index, 2, "the best match first: {scored:?}");
    assert!(!scored[0].excluded);
    assert!(scored[0].points > 0);
    let reasons = scored[0].reasons.join(" · ");
    assert!(reasons.starts_with("Crema"), "{reasons}");
    assert!(reasons.contains("richiede inglese B2: B2"), "{reasons}");
    assert!(!reasons.contains(" tu "), "{reasons}");
    assert!(scored[1].excluded && scored[2].excluded);
}

#[test]
fn the_phone_s_words_become_the_operator_s() {
    assert_eq!(
        for_operator("richiede diploma: tu laurea"),
        "richiede diploma: laurea"
    );
    assert_eq!(
        for_operator("Cremona: oltre la distanza che hai scelto"),
        "Cremona: oltre la distanza che ha scelto"
    );
    assert_eq!(
        for_operator("Excel: tra le tue competenze"),
        "Excel: tra le sue competenze"
    );
}
