use proptest::prelude::*;

use super::*;
use crate::{
    budget::MAX_CENTS,
    call::{Criterion, Eligible},
};

fn call() -> Call {
    Call {
        id: "think-town-2027".into(),
        version: 1,
        title: "Think Town 2027".into(),
        summary: "Idee dei giovani.".into(),
        description_html: String::new(),
        eligible: Eligible::Both,
        age_min: 16,
        age_max: 30,
        district: None,
        ceiling: Cents(500_000),
        cofinancing_percent: 20,
        criteria: vec![Criterion {
            name: "Qualità".into(),
            weight: 100,
        }],
        opens_at: "2027-01-10T08:00:00Z".parse().unwrap(),
        closes_at: "2027-03-31T10:00:00Z".parse().unwrap(),
        attachments: vec![],
        updated_at: "2027-01-01T00:00:00Z".parse().unwrap(),
        published_by: String::new(),
    }
}

fn draft() -> ProposalDraft {
    let mut d = ProposalDraft::new(Uuid::nil(), "think-town-2027", "2027-01-12T10:00:00Z");
    d.group_name = "Giovani del Po".into();
    d.group_kind = Some(GroupKind::InformalGroup);
    d.district = Some(District::Casalmaggiore);
    d.contact_person = "Sara Bianchi".into();
    d.members = "8".into();
    d.age_min = "17".into();
    d.age_max = "24".into();
    d.title = "Cinema sul fiume".into();
    d.needs = "In estate i ragazzi non hanno luoghi d'incontro.".into();
    d.objectives = "Quattro serate di cinema all'aperto.".into();
    d.actions = vec![ActionDraft {
        title: "Serate".into(),
        start: "2027-06-01".into(),
        end: "2027-06-30".into(),
        who: "Tutto il gruppo".into(),
    }];
    d.lines = vec![
        LineDraft {
            category: BudgetCategory::Services,
            description: "Noleggio proiettore".into(),
            quantity: "4".into(),
            unit_cost: "250,00".into(),
        },
        LineDraft {
            category: BudgetCategory::Communication,
            description: "Manifesti".into(),
            quantity: "100".into(),
            unit_cost: "0,85".into(),
        },
    ];
    d.requested = "800".into();
    d.results = "300 presenze.".into();
    d.indicators = "Presenze per serata.".into();
    d.reporting = "Relazione e foto.".into();
    d
}

use uuid::Uuid;

#[test]
fn a_complete_draft_becomes_the_body_the_worker_checks() {
    let body = draft().check(&call()).unwrap();
    let totals = body.validate(&call()).unwrap();
    assert_eq!(totals.total, Cents(108_500));
    assert_eq!(totals.requested, Cents(80_000));
    assert_eq!(totals.cofinancing, Cents(28_500));
    assert_eq!(totals.cofinancing_required, Cents(21_700));
}

#[test]
fn what_cannot_be_read_is_reported_on_its_own_field_and_step() {
    let mut d = draft();
    d.members = "otto".into();
    d.lines[1].unit_cost = "0,8,5".into();
    d.actions[0].end = String::new();
    let errors = d.check(&call()).unwrap_err();
    let members = errors.for_field("group.members").unwrap();
    assert!(members.message.contains("cifre"), "{members:?}");
    assert_eq!(
        errors.for_field("budget.lines.1.unit_cost").unwrap().code,
        "not_an_amount"
    );
    assert!(errors.for_field("actions.0.end").is_some());
    let steps: Vec<usize> = errors.0.iter().map(|e| step_of(&e.field)).collect();
    assert!(steps.contains(&1) && steps.contains(&3) && steps.contains(&4));
    assert_eq!(d.members, "otto", "the draft keeps what was typed");
}

#[test]
fn the_call_decides_who_may_apply_and_how_much() {
    let mut strict = call();
    strict.eligible = Eligible::Associations;
    strict.age_max = 20;
    let mut d = draft();
    d.requested = "6.000".into();
    let errors = d.check(&strict).unwrap_err();
    assert_eq!(errors.for_field("group.kind").unwrap().code, "not_eligible");
    assert_eq!(
        errors.for_field("group.age_max").unwrap().code,
        "not_eligible"
    );
    let requested = errors.for_field("budget.requested").unwrap();
    assert!(requested.message.contains("costo totale"), "{requested:?}");
}

#[test]
fn a_draft_round_trips_through_the_servers_body() {
    let body = draft().check(&call()).unwrap();
    let again = ProposalDraft::from_body(Uuid::nil(), "think-town-2027", 1, &body);
    assert_eq!(again.check(&call()).unwrap(), body);
}

#[test]
fn the_deadline_message_names_the_call_and_the_time() {
    let c = call();
    let closed = c.phase(c.closes_at);
    let message = deadline_error(&c, closed, |t| t.format("%d/%m/%Y %H:%M").to_string()).unwrap();
    assert!(message.contains("Think Town 2027") && message.contains("31/03/2027 10:00"));
    assert!(deadline_error(&c, c.phase(c.opens_at), |_| String::new()).is_none());
}

#[test]
fn decisions_never_grant_more_than_was_asked() {
    let asked = Cents(80_000);
    assert!(Decision::Funded {
        amount: Cents(80_000)
    }
    .validate(asked)
    .is_ok());
    assert!(Decision::Funded {
        amount: Cents(80_001)
    }
    .validate(asked)
    .is_err());
    assert!(Decision::NotFunded {
        reasons: " ".into()
    }
    .validate(asked)
    .is_err());
}

proptest! {
    /// Whatever the lines, the live totals of the draft equal the checked body's totals, and a
    /// body that passes never asks more than the ceiling nor covers less than the share.
    #[test]
    fn live_totals_match_and_passing_bodies_respect_the_call(
        lines in proptest::collection::vec((1u32..50, 1i64..200_000), 1..8),
        requested in 0i64..2_000_000,
    ) {
        let mut d = draft();
        d.lines = lines.iter().map(|(q, c)| LineDraft {
            category: BudgetCategory::Materials,
            description: "Voce".into(),
            quantity: q.to_string(),
            unit_cost: Cents(*c).to_string(),
        }).collect();
        d.requested = Cents(requested).to_string();
        let c = call();
        let live = d.totals(&c).unwrap();
        let expected: i64 = lines.iter().map(|(q, c)| i64::from(*q) * c).sum();
        prop_assert_eq!(live.total, Cents(expected));
        prop_assert!(expected <= MAX_CENTS);
        if let Ok(body) = d.check(&c) {
            let totals = body.validate(&c).unwrap();
            prop_assert_eq!(totals.total, live.total);
            prop_assert!(totals.requested <= c.ceiling);
            prop_assert!(totals.cofinancing.0 * 100 >= totals.total.0 * 20);
        }
    }
}
