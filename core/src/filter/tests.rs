use super::*;
use crate::{
    opportunity::fixtures::{input, publish},
    OpportunityInput,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn item(
    id: &str,
    kind: OpportunityKind,
    district: District,
    deadline: Option<NaiveDate>,
    (age_min, age_max): (Option<u8>, Option<u8>),
    updated_on: &str,
) -> Opportunity {
    let input = OpportunityInput {
        kind,
        title: format!("{} {id}", kind.label_it()),
        district,
        place: String::new(),
        age_min,
        age_max,
        deadline,
        ..input()
    };
    publish(id, input, &format!("{updated_on}T09:00:00.000Z"))
}

fn sample() -> Vec<Opportunity> {
    use District::*;
    use OpportunityKind::*;
    vec![
        item(
            "vol-crema",
            Volunteering,
            Crema,
            Some(day(2026, 12, 10)),
            (Some(18), Some(28)),
            "2026-11-01",
        ),
        item(
            "vol-cremona",
            Volunteering,
            Cremona,
            Some(day(2026, 12, 1)),
            (None, None),
            "2026-11-20",
        ),
        item(
            "job-crema",
            Job,
            Crema,
            None,
            (Some(18), None),
            "2026-11-10",
        ),
        item(
            "old-crema",
            Volunteering,
            Crema,
            Some(day(2026, 10, 1)),
            (None, None),
            "2026-09-01",
        ),
        item(
            "camp-abroad",
            WorkCamp,
            Abroad,
            Some(day(2027, 3, 1)),
            (Some(16), Some(30)),
            "2026-11-05",
        ),
    ]
}

fn run(filter: &OpportunityFilter) -> Vec<String> {
    let items = sample();
    let index = SearchIndex::build(items.iter().map(opportunity_fields));
    apply(&items, || &index, filter, day(2026, 11, 22))
        .into_iter()
        .map(|i| items[i].id.clone())
        .collect()
}

#[test]
fn by_default_every_open_opportunity_nearest_deadline_first() {
    assert_eq!(
        run(&OpportunityFilter::default()),
        ["vol-cremona", "vol-crema", "camp-abroad", "job-crema"]
    );
}

#[test]
fn kind_and_district_narrow_the_list() {
    let filter = OpportunityFilter::from_query([("tipo", "volontariato"), ("territorio", "crema")]);
    assert_eq!(run(&filter), ["vol-crema"]);
    let filter = OpportunityFilter {
        include_expired: true,
        ..filter
    };
    assert_eq!(run(&filter), ["vol-crema", "old-crema"]);
}

#[test]
fn deadline_window_and_age() {
    assert_eq!(
        run(&OpportunityFilter::from_query([("entro", "10")])),
        ["vol-cremona"]
    );
    assert_eq!(
        run(&OpportunityFilter::from_query([("entro", "18")])),
        ["vol-cremona", "vol-crema"]
    );
    assert_eq!(
        run(&OpportunityFilter::from_query([("eta", "17")])),
        ["vol-cremona", "camp-abroad"]
    );
    assert_eq!(
        run(&OpportunityFilter::from_query([("eta", "29")])),
        ["vol-cremona", "camp-abroad", "job-crema"]
    );
}

#[test]
fn text_searches_and_combines_with_filters() {
    let filter = OpportunityFilter::from_query([("q", "volontàriato"), ("territorio", "cremona")]);
    assert_eq!(run(&filter), ["vol-cremona"]);
}

#[test]
fn newest_first_sort() {
    assert_eq!(
        run(&OpportunityFilter::from_query([("ordine", "recenti")])),
        ["vol-cremona", "job-crema", "camp-abroad", "vol-crema"]
    );
}

#[test]
fn the_url_round_trips_and_ignores_nonsense() {
    let filter = OpportunityFilter::from_query([
        ("tipo", "bando,tirocinio,bando,nonsense"),
        ("territorio", "casalmaggiore"),
        ("entro", "30"),
        ("eta", "21"),
        ("q", " campo estivo "),
        ("scadute", "1"),
        ("ordine", "recenti"),
        ("eta", "7000"),
    ]);
    assert_eq!(
        filter.kinds,
        [OpportunityKind::Internship, OpportunityKind::Call]
    );
    assert_eq!(filter.text, "campo estivo");
    assert_eq!(
        filter.age,
        Some(21),
        "an impossible age is ignored, not kept"
    );
    let query = filter.to_query();
    let back = OpportunityFilter::from_query(query.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, filter);
    assert!(OpportunityFilter::default().to_query().is_empty());
}
