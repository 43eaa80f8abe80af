//! One complete opportunity for the tests of every module that handles them.

use chrono::NaiveDate;

use crate::{Content, District, Opportunity, OpportunityInput, OpportunityKind, PublishMeta};

/// A valid volunteering place in Crema, with every field filled.
pub fn input() -> OpportunityInput {
    OpportunityInput {
        kind: OpportunityKind::Volunteering,
        title: "Servizio Civile alla biblioteca di Crema".into(),
        organisation: "Comune di Crema".into(),
        district: District::Crema,
        place: "Crema".into(),
        summary: "Dodici mesi in biblioteca con i ragazzi delle scuole.".into(),
        description_md: "Attività di **promozione della lettura**.".into(),
        age_min: Some(18),
        age_max: Some(28),
        starts_on: NaiveDate::from_ymd_opt(2027, 1, 10),
        ends_on: NaiveDate::from_ymd_opt(2027, 12, 31),
        deadline: NaiveDate::from_ymd_opt(2026, 12, 15),
        how_to_apply: "Domanda online sulla piattaforma DOL.".into(),
        source_url: Some("https://www.comune.crema.cr.it".into()),
    }
}

/// `input` published as version 1 of `id` at `updated_at` (RFC 3339), its Markdown dropped.
pub fn publish(id: &str, input: OpportunityInput, updated_at: &str) -> Opportunity {
    let updated_at = crate::time::parse(updated_at).expect("a fixture's time is RFC 3339");
    Opportunity::publish(
        id.into(),
        input,
        PublishMeta {
            version: 1,
            updated_at,
            published_by: "",
            render: |_| String::new(),
        },
    )
}
