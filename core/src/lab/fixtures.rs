//! One complete lab for the tests of every module that handles labs.

use crate::{
    lab::{Audience, Lab, LabFormat, LabInput, Module, Session},
    Content, District, PublishMeta,
};

fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    crate::time::parse(text).expect("a fixture's time is RFC 3339")
}

/// A lab of two modules (three sessions) for 18–25 year olds of Cremona and Crema, 10 to 20
/// places, sign-ups open in December 2026.
pub fn input() -> LabInput {
    LabInput {
        format: LabFormat::Lab,
        title: "Laboratorio professional skills: comunicare sul lavoro".into(),
        summary: "Due moduli per allenare le competenze trasversali.".into(),
        description_md: "Esercitazioni in **piccoli gruppi**.".into(),
        modules: vec![
            Module {
                title: "Comunicare in gruppo".into(),
                sessions: vec![
                    Session {
                        starts_at: at("2027-01-12T16:00:00Z"),
                        ends_at: at("2027-01-12T18:30:00Z"),
                        place: "Informagiovani di Cremona, via Palestro 11".into(),
                    },
                    Session {
                        starts_at: at("2027-01-19T16:00:00Z"),
                        ends_at: at("2027-01-19T18:30:00Z"),
                        place: "Informagiovani di Cremona, via Palestro 11".into(),
                    },
                ],
            },
            Module {
                title: "Il colloquio".into(),
                sessions: vec![Session {
                    starts_at: at("2027-01-26T16:00:00Z"),
                    ends_at: at("2027-01-26T18:00:00Z"),
                    place: "https://meet.example.org/colloquio".into(),
                }],
            },
        ],
        audience: Audience::YoungPeople,
        age_min: 18,
        age_max: 25,
        districts: vec![District::Cremona, District::Crema],
        min_places: 10,
        max_places: 20,
        signup_opens_at: at("2026-12-01T08:00:00Z"),
        signup_closes_at: at("2027-01-10T23:00:00Z"),
        organiser: "Informagiovani di Cremona".into(),
    }
}

/// `input()` published as version 1 of `id`, its Markdown dropped.
pub fn lab(id: &str) -> Lab {
    Lab::publish(
        id.into(),
        input(),
        PublishMeta {
            version: 1,
            updated_at: at("2026-11-25T10:00:00Z"),
            published_by: "Informagiovani di Cremona",
            render: |_| String::new(),
        },
    )
}
