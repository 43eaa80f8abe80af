use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_default_period_is_the_semester_of_today() {
    let (period, district) = Period::from_query([], day("2026-11-26")).unwrap();
    assert_eq!(
        (period.from, period.to),
        (day("2026-07-01"), day("2026-12-31"))
    );
    assert_eq!(district, None);
    let (period, _) = Period::from_query([("semestre", "2026-1")], day("2026-11-26")).unwrap();
    assert_eq!(
        (period.from, period.to),
        (day("2026-01-01"), day("2026-06-30"))
    );
    let (period, district) = Period::from_query(
        [
            ("dal", "2026-02-15"),
            ("al", "2026-04-10"),
            ("territorio", "crema"),
        ],
        day("2026-11-26"),
    )
    .unwrap();
    assert_eq!(
        (period.from, period.to),
        (day("2026-02-15"), day("2026-04-10"))
    );
    assert_eq!(district, Some(District::Crema));
}

#[test]
fn a_bad_period_names_its_field_in_italian() {
    let today = day("2026-11-26");
    let fields = |pairs: &[(&str, &str)]| {
        let errors = Period::from_query(pairs.iter().copied(), today).unwrap_err();
        errors
            .0
            .iter()
            .map(|e| (e.field.to_string(), e.code.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fields(&[("dal", "31/01/2026"), ("al", "2026-02-01")]),
        [("dal".into(), "invalid_date".into())]
    );
    assert_eq!(
        fields(&[("semestre", "2026-3")]),
        [("semestre".into(), "invalid_semester".into())]
    );
    assert_eq!(
        fields(&[("dal", "2026-03-01"), ("al", "2026-02-01")]),
        [("al".into(), "before_start".into())]
    );
    assert_eq!(
        fields(&[("dal", "2025-01-01"), ("al", "2026-01-02")]),
        [("al".into(), "too_long".into())]
    );
    assert_eq!(
        fields(&[("dal", "2026-01-01")]),
        [("al".into(), "required".into())]
    );
    assert_eq!(
        fields(&[("territorio", "milano")]),
        [("territorio".into(), "invalid_district".into())]
    );
    let errors = Period::from_query([("al", "x")], today).unwrap_err();
    assert!(errors.0.iter().all(|e| !e.message.is_empty()));
}

#[test]
fn a_period_lists_every_month_it_touches() {
    let period = Period {
        from: day("2026-11-20"),
        to: day("2027-02-01"),
    };
    let months: Vec<String> = period.months().iter().map(|m| m.label_it()).collect();
    assert_eq!(months, ["nov 2026", "dic 2026", "gen 2027", "feb 2027"]);
    assert_eq!(period.months()[1].last_day(), day("2026-12-31"));
    assert_eq!(
        Month {
            year: 2028,
            month: 2
        }
        .last_day(),
        day("2028-02-29")
    );
    assert_eq!(period.months()[2].key(), "2027-01");
}

#[test]
fn percentiles_by_nearest_rank() {
    // Ten values: the median is the 5th, the 90th percentile the 9th.
    let values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    assert_eq!(percentile(&values, 50), Some(5));
    assert_eq!(percentile(&values, 90), Some(9));
    assert_eq!(percentile(&[42], 90), Some(42));
    assert_eq!(percentile(&[], 50), None);
    // Three values: ⌈1.5⌉ = 2nd, ⌈2.7⌉ = 3rd.
    assert_eq!(percentile(&[10, 20, 30], 50), Some(20));
    assert_eq!(percentile(&[10, 20, 30], 90), Some(30));
}

#[test]
fn answer_times_by_group_on_a_small_fixed_set() {
    // Minutes to answer, worked out by hand: tirocini 1 h, 3 h, 2 h, 30 h → sorted 60, 120,
    // 180, 1800: median = 2nd = 2 h, p90 = ⌈3.6⌉ = 4th = 30 h. Estero: one answer in 90 min → 1 h.
    let rows = [
        ("internships", 60),
        ("abroad", 90),
        ("internships", 180),
        ("internships", 120),
        ("internships", 1800),
    ];
    assert_eq!(
        answer_times(rows),
        [
            AnswerTimes {
                group: "abroad".into(),
                answered: 1,
                median_hours: Some(1),
                p90_hours: Some(1)
            },
            AnswerTimes {
                group: "internships".into(),
                answered: 4,
                median_hours: Some(2),
                p90_hours: Some(30)
            },
        ]
    );
}

#[test]
fn numbers_and_dates_read_as_in_italian() {
    assert_eq!(italian_number(0), "0");
    assert_eq!(italian_number(999), "999");
    assert_eq!(italian_number(1000), "1.000");
    assert_eq!(italian_number(1234567), "1.234.567");
    assert_eq!(italian_number(-4500), "-4.500");
    assert_eq!(italian_date(day("2026-01-05")), "05/01/2026");
}
