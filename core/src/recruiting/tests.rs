use chrono::Duration;

use super::fixtures::{at, day, input, meta};
use super::*;
use crate::{sync::ContentKind, Content};

fn errors_of(input: &RecruitingDayInput) -> Vec<String> {
    RecruitingDay::validate(input)
        .err()
        .map(|e| {
            e.0.iter()
                .map(|f| format!("{}:{}", f.field, f.code))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_kind_is_stored_as_recruiting_day_and_travels_as_recruiting_days() {
    let kind = ContentKind::RecruitingDay;
    assert_eq!(kind.as_ref(), "recruiting_day");
    assert_eq!(serde_json::to_value(kind).unwrap(), "recruiting_day");
    assert_eq!(kind.plural(), "recruiting-days");
    assert_eq!(ContentKind::from_plural("recruiting-days"), Some(kind));
    assert_eq!("recruiting_day".parse::<ContentKind>().ok(), Some(kind));
}

#[test]
fn the_fixture_is_valid_and_publishes_trimmed_with_its_positions() {
    assert_eq!(errors_of(&input()), Vec::<String>::new());
    let mut padded = input();
    padded.companies[0].name = "  Trattoria del Po s.r.l.  ".into();
    padded.companies[0].roles[0].title = " Cameriere/a di sala ".into();
    let day = RecruitingDay::publish("rd".into(), padded, meta());
    assert_eq!(day.companies[0].name, "Trattoria del Po s.r.l.");
    assert_eq!(day.companies[0].roles[0].title, "Cameriere/a di sala");
    assert_eq!(
        day.description_html,
        "<p>Porta il **curriculum** stampato.</p>"
    );
    assert_eq!(day.positions(), 9);
    assert_eq!(day.ages_label().as_deref(), Some("18–29 anni"));
    // What the feed carries reads back as the same day.
    let text = serde_json::to_string(&day).unwrap();
    assert_eq!(serde_json::from_str::<RecruitingDay>(&text).unwrap(), day);
}

#[test]
fn companies_and_roles_are_named_by_their_path_in_italian() {
    let mut bad = input();
    bad.companies[0].roles[1].title = "  ".into();
    bad.companies[0].roles[0].positions = 0;
    bad.companies[1].name = String::new();
    bad.companies[1].roles.clear();
    assert_eq!(
        errors_of(&bad),
        [
            "companies.0.roles.0.positions:out_of_range",
            "companies.0.roles.1.title:required",
            "companies.1.name:required",
            "companies.1.roles:required",
        ]
    );
    let messages = RecruitingDay::validate(&bad).unwrap_err();
    assert_eq!(
        messages
            .for_field("companies.0.roles.1.title")
            .map(|e| e.message.as_str()),
        Some("Campo obbligatorio.")
    );
    assert_eq!(
        messages
            .for_field("companies.0.roles.0.positions")
            .map(|e| e.message.as_str()),
        Some("I posti vanno da 1 a 999.")
    );
    bad.companies.clear();
    assert_eq!(errors_of(&bad), ["companies:required"]);
}

#[test]
fn the_day_its_ages_and_texts_are_checked() {
    let mut bad = input();
    bad.ends_at = bad.starts_at;
    bad.title = String::new();
    bad.place = "x".repeat(301);
    bad.age_min = Some(30);
    bad.age_max = Some(20);
    bad.slots.clear();
    assert_eq!(
        errors_of(&bad),
        [
            "title:required",
            "place:too_long",
            "ends_at:before_start",
            "age_max:age_range",
        ]
    );
    let mut long = input();
    long.ends_at = long.starts_at + Duration::hours(15);
    assert_eq!(errors_of(&long), ["ends_at:too_long"]);
    let mut young = input();
    young.age_min = Some(12);
    young.age_max = None;
    assert_eq!(errors_of(&young), ["age_max:age_range"]);
    let mut open = input();
    open.age_min = None;
    open.age_max = None;
    assert_eq!(errors_of(&open), Vec::<String>::new());
}

#[test]
fn interview_times_fall_within_the_day_in_order_and_once() {
    let mut bad = input();
    bad.slots = vec![
        at("2027-03-18T07:30:00Z"),
        at("2027-03-18T09:00:00Z"),
        at("2027-03-18T09:00:00Z"),
        at("2027-03-18T08:30:00Z"),
        at("2027-03-18T12:00:00Z"),
    ];
    assert_eq!(
        errors_of(&bad),
        [
            "slots.0:outside_day",
            "slots.2:not_in_order",
            "slots.3:not_in_order",
            "slots.4:outside_day",
        ]
    );
    let mut none = input();
    none.slots.clear();
    assert!(RecruitingDay::validate(&none).is_ok());
}

#[test]
fn unknown_fields_are_refused_and_missing_ones_take_their_defaults() {
    let mut value = serde_json::to_value(input()).unwrap();
    value["colour"] = "rosso".into();
    assert!(serde_json::from_value::<RecruitingDayInput>(value.clone()).is_err());
    let object = value.as_object_mut().unwrap();
    object.remove("colour");
    object.remove("slots");
    object.remove("age_min");
    object.remove("age_max");
    let read: RecruitingDayInput = serde_json::from_value(value).unwrap();
    assert!(read.slots.is_empty() && read.age_min.is_none());
}

#[test]
fn the_list_shows_days_to_come_soonest_first_then_past_ones_latest_first() {
    let mut days: Vec<RecruitingDay> = ["a", "b", "c", "d"].iter().map(|id| day(id)).collect();
    let shift = |d: &mut RecruitingDay, days: i64| {
        d.starts_at += Duration::days(days);
        d.ends_at += Duration::days(days);
    };
    shift(&mut days[0], -30);
    shift(&mut days[1], 10);
    shift(&mut days[2], -3);
    shift(&mut days[3], 2);
    let now = at("2027-03-18T09:00:00Z");
    order(&mut days, now);
    let ids: Vec<&str> = days.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d", "b", "c", "a"]);
    // A day under way is still to come.
    let mut today = vec![day("oggi"), day("ieri")];
    shift(&mut today[1], -1);
    order(&mut today, now);
    assert_eq!(today[0].id, "oggi");
    assert!(!today[0].is_past(now) && today[1].is_past(now));
}

#[test]
fn json_ld_names_the_event_place_organiser_and_each_company_with_its_roles() {
    let day = day("rd-cremona");
    let value = jsonld::event(&day, "https://example.org/recruiting-day/rd-cremona");
    assert_eq!(value["@type"], "Event");
    assert_eq!(value["startDate"], "2027-03-18T08:00:00.000Z");
    assert_eq!(value["endDate"], "2027-03-18T12:00:00.000Z");
    assert_eq!(
        value["location"]["name"],
        "Centro per l'Impiego di Cremona, via Dante 136"
    );
    assert_eq!(value["location"]["address"]["addressRegion"], "CR");
    assert_eq!(
        value["organizer"]["name"],
        "Centro per l'Impiego di Cremona"
    );
    assert_eq!(value["attendee"][0]["name"], "Trattoria del Po s.r.l.");
    assert_eq!(
        value["attendee"][0]["description"],
        "Ruoli aperti: Cameriere/a di sala (3 posti); Aiuto cuoco/a (1 posto)"
    );
    assert_eq!(value["audience"]["suggestedMinAge"], 18);
    let text = crate::jsonld::script_text(&value);
    assert!(!text.contains("</"));
}

#[test]
fn the_calendar_has_the_day_with_its_place_companies_and_page() {
    let ics = calendar::calendar(&day("rd-cremona"), "https://example.org");
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("BEGIN:VEVENT"));
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 1);
    assert!(unfolded.contains("DTSTART:20270318T080000Z"));
    assert!(unfolded.contains("DTEND:20270318T120000Z"));
    assert!(unfolded.contains("UID:recruiting-day-rd-cremona@sito-giovani"));
    assert!(unfolded.contains("LOCATION:Centro per l'Impiego di Cremona\\, via Dante 136"));
    assert!(unfolded.contains("Magazziniere/a (5)"));
    assert!(unfolded.contains("https://example.org/recruiting-day/rd-cremona"));
    assert!(ics.lines().all(|l| l.len() <= 75));
}
