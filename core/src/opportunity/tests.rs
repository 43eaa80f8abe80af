use super::*;
use crate::opportunity::fixtures::{input, publish};

fn codes(input: &OpportunityInput) -> Vec<(String, String)> {
    input
        .validate()
        .err()
        .map(|e| {
            e.0.into_iter()
                .map(|f| (f.field.to_string(), f.code))
                .collect()
        })
        .unwrap_or_default()
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

#[test]
fn a_complete_opportunity_is_valid() {
    assert_eq!(input().validate(), Ok(()));
}

#[test]
fn blank_required_fields_are_reported_one_by_one() {
    let mut bad = input();
    bad.title = "   ".into();
    bad.how_to_apply = String::new();
    assert_eq!(
        codes(&bad),
        [pair("title", "required"), pair("how_to_apply", "required")]
    );
}

#[test]
fn too_long_title_says_the_limit_in_italian() {
    let mut bad = input();
    bad.title = "a".repeat(TITLE_MAX + 1);
    let errors = bad.validate().unwrap_err();
    let error = errors.for_field("title").unwrap();
    assert_eq!(error.code, "too_long");
    assert!(error.message.contains("140"), "{}", error.message);
}

#[test]
fn ages_and_dates_must_be_in_order() {
    let mut bad = input();
    bad.age_min = Some(30);
    bad.age_max = Some(20);
    bad.ends_on = NaiveDate::from_ymd_opt(2026, 1, 1);
    assert_eq!(
        codes(&bad),
        [pair("age_max", "age_range"), pair("ends_on", "date_order")]
    );
    let mut young = input();
    young.age_min = Some(6);
    assert_eq!(codes(&young), [pair("age_min", "age_out_of_range")]);
}

#[test]
fn links_must_be_web_addresses() {
    let mut bad = input();
    bad.source_url = Some("javascript:alert(1)".into());
    assert_eq!(codes(&bad), [pair("source_url", "invalid_url")]);
}

#[test]
fn unknown_fields_and_kinds_are_refused_when_parsing() {
    let mut json = serde_json::to_value(input()).unwrap();
    json["kind"] = "party".into();
    assert!(serde_json::from_value::<OpportunityInput>(json).is_err());
    let mut json = serde_json::to_value(input()).unwrap();
    json["admin"] = true.into();
    assert!(serde_json::from_value::<OpportunityInput>(json).is_err());
}

fn published(id: &str, deadline: Option<(i32, u32, u32)>) -> Opportunity {
    let mut i = input();
    i.deadline = deadline.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    i.title = id.into();
    publish(id, i, "2026-11-22T10:00:00.000Z")
}

#[test]
fn list_order_is_nearest_deadline_first_then_open_ended_then_expired() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut items = vec![
        published("expired-long-ago", Some((2026, 1, 1))),
        published("open-ended", None),
        published("in-a-month", Some((2026, 12, 22))),
        published("expired-yesterday", Some((2026, 11, 21))),
        published("today", Some((2026, 11, 22))),
    ];
    sort_for_list(&mut items, today);
    let order: Vec<_> = items.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "today",
            "in-a-month",
            "open-ended",
            "expired-yesterday",
            "expired-long-ago"
        ]
    );
    assert!(items[0].is_open_on(today));
    assert_eq!(items[1].days_to_deadline(today), Some(30));
    assert!(!items[3].is_open_on(today));
}

#[test]
fn ids_are_url_safe_slugs() {
    assert!(is_valid_id("servizio-civile-crema-2027"));
    assert!(is_valid_id("0b7c6a1e-8f1e-4a53-9d51-0c6e3f2d9a10"));
    assert!(!is_valid_id(""));
    assert!(!is_valid_id("Con Spazi"));
    assert!(!is_valid_id("../etc"));
    assert!(!is_valid_id(&"a".repeat(65)));
}

#[test]
fn an_id_is_suggested_from_the_title() {
    assert_eq!(
        suggest_id("Tirocinio in Biblioteca, Crema"),
        "tirocinio-in-biblioteca-crema"
    );
    assert_eq!(
        suggest_id("Perché l'Università? Città e attività 2027!"),
        "perche-l-universita-citta-e-attivita-2027"
    );
    assert_eq!(suggest_id("«»—"), "");
    let long = suggest_id(&"parola ".repeat(20));
    assert!(long.len() <= 64 && long.ends_with("parola"), "{long}");
    for title in [
        "Servizio Civile Universale nelle biblioteche del Comune di Cremona",
        "Ça va – ñandú",
        &"x".repeat(80),
    ] {
        assert!(is_valid_id(&suggest_id(title)), "{title}");
    }
}

#[test]
fn place_label_does_not_repeat_the_district() {
    let mut o = published("x", None);
    assert_eq!(o.place_label(), "Crema");
    o.place = "Castelleone".into();
    assert_eq!(o.place_label(), "Castelleone · Crema");
    o.place = String::new();
    assert_eq!(o.place_label(), "Crema");
}

proptest::proptest! {
    #[test]
    fn a_suggested_id_is_valid_or_empty(title in "\\PC{0,120}") {
        let id = suggest_id(&title);
        proptest::prop_assert!(id.is_empty() || is_valid_id(&id), "{:?} → {:?}", title, id);
    }
}

/// The URL slugs and the serde names are in links people shared and in stored items: they
/// never change, and every variant has both.
#[test]
fn kinds_and_districts_keep_their_slugs_and_wire_names() {
    use strum::VariantArray;
    let kinds: Vec<(&str, String)> = OpportunityKind::VARIANTS
        .iter()
        .map(|k| (k.as_ref(), serde_json::to_string(k).unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("lavoro", "\"job\""),
            ("tirocinio", "\"internship\""),
            ("volontariato", "\"volunteering\""),
            ("campo-di-lavoro", "\"work_camp\""),
            ("formazione", "\"training\""),
            ("estero", "\"mobility\""),
            ("bando", "\"call\""),
            ("evento", "\"event\""),
        ]
        .map(|(slug, wire)| (slug, wire.to_owned()))
    );
    let districts: Vec<(&str, String)> = District::VARIANTS
        .iter()
        .map(|d| (d.as_ref(), serde_json::to_string(d).unwrap()))
        .collect();
    assert_eq!(
        districts,
        [
            ("cremona", "\"cremona\""),
            ("crema", "\"crema\""),
            ("casalmaggiore", "\"casalmaggiore\""),
            ("provincia", "\"province\""),
            ("italia", "\"italy\""),
            ("estero", "\"abroad\""),
        ]
        .map(|(slug, wire)| (slug, wire.to_owned()))
    );
    for kind in OpportunityKind::VARIANTS {
        assert_eq!(kind.as_ref().parse::<OpportunityKind>(), Ok(*kind));
    }
    for district in District::VARIANTS {
        assert_eq!(district.as_ref().parse::<District>(), Ok(*district));
    }
    assert!("job".parse::<OpportunityKind>().is_err(), "slugs only");
}
