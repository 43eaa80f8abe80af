//! One complete recruiting day for the tests of every module that handles them.

use crate::{
    matching::Sector,
    recruiting::{Company, RecruitingDay, RecruitingDayInput, Role},
    Content, District, PublishMeta,
};

pub fn at(text: &str) -> chrono::DateTime<chrono::Utc> {
    crate::time::parse(text).expect("a fixture's time is RFC 3339")
}

fn role(title: &str, positions: u16) -> Role {
    Role {
        title: title.into(),
        description: String::new(),
        positions,
    }
}

/// A morning in Cremona (9:00–13:00 Italian time, 18 March 2027) with two companies, three
/// roles and four interview times.
pub fn input() -> RecruitingDayInput {
    RecruitingDayInput {
        title: "Recruiting day: ristorazione e logistica".into(),
        summary: "Incontra le aziende che assumono e fai il colloquio il giorno stesso.".into(),
        description_md: "Porta il **curriculum** stampato.".into(),
        district: District::Cremona,
        place: "Centro per l'Impiego di Cremona, via Dante 136".into(),
        starts_at: at("2027-03-18T08:00:00Z"),
        ends_at: at("2027-03-18T12:00:00Z"),
        age_min: Some(18),
        age_max: Some(29),
        companies: vec![
            Company {
                name: "Trattoria del Po s.r.l.".into(),
                sector: Some(Sector::Hospitality),
                roles: vec![role("Cameriere/a di sala", 3), role("Aiuto cuoco/a", 1)],
            },
            Company {
                name: "Logistica Padana".into(),
                sector: None,
                roles: vec![role("Magazziniere/a", 5)],
            },
        ],
        slots: vec![
            at("2027-03-18T08:30:00Z"),
            at("2027-03-18T09:00:00Z"),
            at("2027-03-18T09:30:00Z"),
            at("2027-03-18T10:00:00Z"),
        ],
        organiser: "Centro per l'Impiego di Cremona".into(),
    }
}

/// What the server adds when it publishes, with a stand-in for the Markdown renderer.
pub fn meta() -> PublishMeta<'static> {
    PublishMeta {
        version: 1,
        updated_at: at("2027-02-01T10:00:00Z"),
        published_by: "Centro per l'Impiego di Cremona",
        render: |md| format!("<p>{md}</p>"),
    }
}

/// The fixture published as `id`.
pub fn day(id: &str) -> RecruitingDay {
    RecruitingDay::publish(id.into(), input(), meta())
}
