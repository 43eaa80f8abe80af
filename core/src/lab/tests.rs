use chrono::Duration;

use super::fixtures::{input, lab};
use super::signup::{
    normalise_code, signup_code, AgeBand, SignupInput, SignupReceipt, SignupStatus,
};
use super::*;

fn errors_of(input: &LabInput) -> Vec<String> {
    Lab::validate(input)
        .err()
        .map(|e| {
            e.0.iter()
                .map(|f| format!("{}:{}", f.field, f.code))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_fixture_is_valid_and_lists_its_sessions_in_time_order() {
    assert!(Lab::validate(&input()).is_ok());
    let lab = lab("lab-1");
    let titles: Vec<_> = lab.sessions().map(|(m, _)| m.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Comunicare in gruppo",
            "Comunicare in gruppo",
            "Il colloquio"
        ]
    );
    assert_eq!(lab.remaining(), 20);
    assert_eq!(lab.districts_label(), "Cremona, Crema");
    assert_eq!(lab.ages_label(), "18–25 anni");
}

#[test]
fn bad_places_windows_and_sessions_are_named_by_their_field_in_italian() {
    let mut bad = input();
    bad.min_places = 25;
    bad.signup_closes_at = bad.signup_opens_at - Duration::hours(1);
    bad.modules[1].sessions[0].ends_at = bad.modules[1].sessions[0].starts_at;
    bad.modules[0].title = "  ".into();
    let errors = errors_of(&bad);
    assert_eq!(
        errors,
        [
            "min_places:above_max",
            "signup_closes_at:before_opening",
            "modules.0.title:required",
            "modules.1.sessions.0.ends_at:before_start",
        ]
    );
    let message = &Lab::validate(&bad).unwrap_err().0[0].message;
    assert_eq!(
        message,
        "Il minimo di partecipanti non supera il numero di posti."
    );

    let mut none = input();
    none.max_places = 0;
    none.modules.clear();
    assert_eq!(
        errors_of(&none),
        ["max_places:out_of_range", "modules:required"]
    );

    let mut early = input();
    early.modules[0].sessions[0].starts_at = early.signup_closes_at - Duration::hours(2);
    early.modules[0].sessions[0].ends_at = early.signup_closes_at;
    assert_eq!(
        errors_of(&early),
        ["modules.0.sessions.0.starts_at:before_closing"]
    );
}

#[test]
fn the_phase_follows_the_window_and_cancelling_wins() {
    let mut lab = lab("lab-1");
    assert_eq!(
        lab.phase(lab.signup_opens_at - Duration::seconds(1)),
        LabPhase::NotYetOpen
    );
    assert_eq!(lab.phase(lab.signup_opens_at), LabPhase::Open);
    assert_eq!(lab.phase(lab.signup_closes_at), LabPhase::Closed);
    lab.cancelled = true;
    assert_eq!(lab.phase(lab.signup_opens_at), LabPhase::Cancelled);
}

#[test]
fn the_published_item_carries_its_places_and_reads_them_back() {
    let mut lab = lab("lab-1");
    lab.places = Places {
        taken: 16,
        waiting: 0,
        cancelled: 1,
    };
    assert_eq!(lab.remaining(), 4);
    let json = serde_json::to_value(&lab).unwrap();
    assert_eq!(json["places"]["taken"], 16);
    assert_eq!(
        json["modules"][0]["sessions"][0]["starts_at"],
        "2027-01-12T16:00:00.000Z"
    );
    assert!(json.get("cancelled").is_none());
    let back: Lab = serde_json::from_value(json).unwrap();
    assert_eq!(back, lab);
}

#[test]
fn the_calendar_has_every_session_with_its_time_and_place() {
    let ics = calendar::calendar(&lab("lab-1"), "https://sito.example");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    assert!(ics.contains("DTSTART:20270112T160000Z"), "{ics}");
    assert!(ics.contains("DTEND:20270126T180000Z"), "{ics}");
    assert!(
        ics.contains("LOCATION:Online: https://meet.example.org/colloquio"),
        "{ics}"
    );
    assert!(ics.contains("UID:laboratorio-lab-1-0@sito-giovani"));
    assert!(ics.lines().all(|l| l.len() <= 75), "{ics}");
}

#[test]
fn the_json_ld_event_says_how_many_places_are_left() {
    let mut lab = lab("lab-1");
    lab.places.taken = 16;
    let v = jsonld::event(&lab, "https://s/laboratori/lab-1").unwrap();
    assert_eq!(v["@type"], "Event");
    assert_eq!(v["maximumAttendeeCapacity"], 20);
    assert_eq!(v["remainingAttendeeCapacity"], 4);
    assert_eq!(v["startDate"], "2027-01-12T16:00:00.000Z");
    assert_eq!(
        v["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    assert_eq!(v["subEvent"].as_array().unwrap().len(), 3);
    lab.places.taken = 25;
    lab.cancelled = true;
    let v = jsonld::event(&lab, "u").unwrap();
    assert_eq!(v["remainingAttendeeCapacity"], 0);
    assert_eq!(v["eventStatus"], "https://schema.org/EventCancelled");
}

fn signup(name: &str, contact: &str) -> SignupInput {
    SignupInput {
        id: uuid::Uuid::nil(),
        name: name.into(),
        contact: contact.into(),
        age_band: AgeBand::From18To24,
    }
}

#[test]
fn a_sign_up_needs_a_name_and_an_e_mail_or_a_phone() {
    for contact in ["sara@example.it", "+39 333 123 4567", "0372-407950"] {
        assert!(
            signup("Sara Rossi", contact).validate().is_ok(),
            "{contact}"
        );
    }
    for contact in ["sara@", "sara example.it", "12345", "chiamami"] {
        let errors = signup("Sara Rossi", contact).validate().unwrap_err();
        assert_eq!(errors.0[0].field, "contact");
        assert_eq!(errors.0[0].code, "not_a_contact", "{contact}");
    }
    let errors = signup(" ", "").validate().unwrap_err();
    let fields: Vec<_> = errors.0.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(fields, ["name", "contact"]);
    assert_eq!(errors.0[0].message, "Scrivi il tuo nome e cognome.");
    let band: AgeBand = serde_json::from_str("\"25-29\"").unwrap();
    assert_eq!(band, AgeBand::From25To29);
}

#[test]
fn a_code_reads_back_however_it_is_typed() {
    let code = signup_code([0, 1, 2, 3, 4, 5, 6, 30]);
    assert_eq!(code, "LAB-2345-678Z");
    assert_eq!(
        normalise_code("lab 2345 678z").as_deref(),
        Some("LAB-2345-678Z")
    );
    assert_eq!(normalise_code("LAB-2345-6780"), None);
}

fn receipt(status: SignupStatus, position: Option<u32>) -> SignupReceipt {
    SignupReceipt {
        lab_id: "l1".into(),
        code: "LAB-AB23-CD45".into(),
        status,
        position,
        signed_up_at: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        lab_cancelled: false,
        promoted: false,
    }
}

#[test]
fn a_look_up_that_finds_a_place_after_the_waiting_list_keeps_saying_so() {
    let waiting = receipt(SignupStatus::Waiting, Some(3));
    let moved = waiting.looked_up(receipt(SignupStatus::Waiting, Some(2)));
    assert_eq!((moved.position, moved.promoted), (Some(2), false));
    let placed = moved.looked_up(receipt(SignupStatus::Confirmed, None));
    assert!(placed.promoted && placed.position.is_none());
    // Asked again later, it stays promoted; one confirmed from the start never is.
    assert!(
        placed
            .looked_up(receipt(SignupStatus::Confirmed, None))
            .promoted
    );
    // Cancelled since (from another phone with the code): no longer a place to speak of.
    assert!(
        !placed
            .looked_up(receipt(SignupStatus::Cancelled, None))
            .promoted
    );
    let first = receipt(SignupStatus::Confirmed, None);
    assert!(!first.looked_up(first.clone()).promoted);
    // The server never writes the phone's flag; an old receipt without the new fields reads.
    let text = serde_json::to_string(&first).unwrap();
    assert!(!text.contains("promoted") && !text.contains("lab_cancelled"));
    assert_eq!(serde_json::from_str::<SignupReceipt>(&text).unwrap(), first);
}

#[test]
fn only_a_live_sign_up_of_a_live_lab_is_looked_up_again() {
    assert!(receipt(SignupStatus::Waiting, Some(1)).may_change());
    assert!(receipt(SignupStatus::Confirmed, None).may_change());
    assert!(!receipt(SignupStatus::Cancelled, None).may_change());
    let gone = SignupReceipt {
        lab_cancelled: true,
        ..receipt(SignupStatus::Confirmed, None)
    };
    assert!(!gone.may_change());
}
