use chrono::NaiveDate;
use proptest::prelude::*;
use strum::VariantArray;

use super::*;
use crate::cv::{Cv, Education as CvEducation, LanguageSkill};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn item<'a>(kind: OpportunityKind, district: District, texts: [&'a str; 3]) -> Candidate<'a> {
    Candidate {
        kind,
        district,
        age_min: None,
        age_max: None,
        deadline: None,
        expired: false,
        starts_on: None,
        ends_on: None,
        title: texts[0],
        texts,
    }
}

fn english_b2() -> Profile {
    Profile {
        district: Some(District::Crema),
        reach: Reach::District,
        kinds: vec![OpportunityKind::Internship],
        languages: vec![Spoken {
            language: Language::English,
            level: Cefr::B2,
        }],
        ..Profile::default()
    }
}

#[test]
fn reasons_read_as_the_list_shows_them() {
    let internship = item(
        OpportunityKind::Internship,
        District::Crema,
        [
            "Tirocinio in ufficio export",
            "",
            "<p>Richiesta conoscenza dell'inglese B2.</p>",
        ],
    );
    let ranked = rank(&english_b2(), &[internship]);
    assert_eq!(
        ranked[0].summary_it(),
        "Crema · tirocinio · richiede inglese B2: tu B2"
    );
    assert_eq!(
        ranked[0].summary_en(),
        "Crema · internship · asks for English B2: you B2"
    );
    assert!(ranked[0].full());
}

#[test]
fn a_level_below_the_one_asked_is_unmet_and_an_unknown_language_not_given() {
    let text = [
        "Stage",
        "",
        "Lingua inglese livello C1, tedesco B1 gradito.",
    ];
    let profile = english_b2();
    let ranked = rank(
        &profile,
        &[item(OpportunityKind::Internship, District::Crema, text)],
    );
    let languages: Vec<String> = ranked[0]
        .reasons
        .iter()
        .filter(|r| r.criterion() == Criterion::Language)
        .map(Reason::label_it)
        .collect();
    assert_eq!(
        languages,
        [
            "richiede inglese C1: tu B2",
            "richiede tedesco B1: tu non indicato"
        ]
    );
    assert!(ranked[0].is_match() && !ranked[0].full());
}

#[test]
fn a_language_named_without_level_or_cue_is_not_a_requirement() {
    let text = [
        "Corso",
        "",
        "Un corso tenuto da una scuola inglese di Cremona.",
    ];
    let found = detect::scan(&text, &Default::default());
    assert!(found.languages.is_empty());
    let text = ["Corso", "", "Buona conoscenza della lingua italiana."];
    let found = detect::scan(&text, &Default::default());
    assert_eq!(found.languages, [(Language::Italian, None)]);
}

#[test]
fn travel_range_follows_the_line_of_the_districts() {
    use District::*;
    assert_eq!(Reach::needed(Crema, Crema), Reach::District);
    assert_eq!(Reach::needed(Crema, Province), Reach::District);
    assert_eq!(Reach::needed(Crema, Cremona), Reach::Neighbours);
    assert_eq!(Reach::needed(Casalmaggiore, Cremona), Reach::Neighbours);
    assert_eq!(Reach::needed(Crema, Casalmaggiore), Reach::Province);
    assert_eq!(Reach::needed(Cremona, Abroad), Reach::Anywhere);
}

#[test]
fn sectors_education_and_skills_are_read_from_the_text() {
    let profile = Profile {
        sectors: vec![Sector::Logistics],
        education: Some(Education::Diploma),
        skills: vec!["Patente B".into(), "Excel".into(), "HACCP".into()],
        ..Profile::default()
    };
    let text = [
        "Magazziniere",
        "Cerchiamo un addetto al magazzino con patente B.",
        "<ul><li>Laurea o diploma</li><li>Uso di Excel</li></ul>",
    ];
    let ranked = rank(
        &profile,
        &[item(OpportunityKind::Job, District::Cremona, text)],
    );
    assert_eq!(
        ranked[0].summary_it(),
        "settore industria e logistica · richiede diploma: tu diploma · Patente B: tra le tue competenze · Excel: tra le tue competenze"
    );
}

#[test]
fn an_expired_deadline_and_an_age_outside_the_range_exclude() {
    let profile = Profile {
        age: Some(31),
        ..Profile::default()
    };
    let mut young = item(
        OpportunityKind::Job,
        District::Crema,
        ["Per giovani", "", ""],
    );
    young.age_max = Some(29);
    let mut closed = item(OpportunityKind::Job, District::Crema, ["Chiuso", "", ""]);
    closed.expired = true;
    closed.deadline = Some(day(2026, 3, 1));
    let open = item(OpportunityKind::Job, District::Crema, ["Aperto", "", ""]);
    let ranked = rank(&profile, &[young, closed, open]);
    assert_eq!(ranked[0].item, 2);
    let of = |i: usize| ranked.iter().find(|r| r.item == i).unwrap();
    assert_eq!(of(0).summary_it(), "età fino a 29 anni: tu 31");
    assert_eq!(of(1).summary_it(), "scaduta il 1 marzo 2026");
    assert!(of(0).excluded() && of(1).excluded());
}

#[test]
fn the_profile_is_prefilled_from_the_cv() {
    let cv = Cv {
        personal: crate::cv::Personal {
            city: "Castelleone".into(),
            ..Default::default()
        },
        mother_tongues: vec!["Italiano".into()],
        languages: vec![LanguageSkill {
            language: "Inglese".into(),
            listening: Some(Cefr::C1),
            reading: Some(Cefr::B2),
            interaction: Some(Cefr::B2),
            production: Some(Cefr::B2),
            writing: None,
        }],
        education: vec![
            CvEducation {
                title: "Diploma di perito agrario".into(),
                ..Default::default()
            },
            CvEducation {
                title: "Laurea magistrale in Scienze agrarie".into(),
                ..Default::default()
            },
        ],
        digital_skills: vec!["Excel".into(), "excel".into()],
        other_skills: "HACCP, lavoro di squadra\n".into(),
        driving_licence: vec!["B".into()],
        ..Cv::default()
    };
    let profile = profile_from_cv(&cv);
    assert_eq!(profile.district, Some(District::Crema));
    assert_eq!(
        profile.languages,
        [
            Spoken {
                language: Language::Italian,
                level: Cefr::C2
            },
            Spoken {
                language: Language::English,
                level: Cefr::B2
            },
        ]
    );
    assert_eq!(profile.education, Some(Education::Master));
    assert_eq!(
        profile.skills,
        ["Excel", "HACCP", "lavoro di squadra", "patente B"]
    );
    assert!(profile.validate().is_ok());
}

#[test]
fn the_profile_form_gets_field_errors_in_italian() {
    let profile = Profile {
        district: Some(District::Abroad),
        age: Some(9),
        available_from: Some(day(2027, 5, 1)),
        available_until: Some(day(2027, 4, 1)),
        skills: vec!["x".repeat(61)],
        ..Profile::default()
    };
    let errors = profile.validate().unwrap_err();
    for field in ["district", "age", "available_until", "skills.0"] {
        assert!(errors.for_field(field).is_some(), "{field}");
    }
    assert_eq!(
        errors.for_field("age").unwrap().message,
        "Indica un'età tra 14 e 99 anni."
    );
}

#[test]
fn the_vocabulary_is_sorted_for_its_lookup() {
    let stems: Vec<&str> = detect::TABLE_FOR_TESTS.iter().map(|(s, ..)| *s).collect();
    let mut sorted = stems.clone();
    sorted.sort();
    assert_eq!(stems, sorted);
}

// ---- properties ----

/// Pieces of listing text whose meaning the oracle knows.
const LANGUAGE_TEXTS: [(&str, Language, Option<Cefr>); 4] = [
    ("Richiesto inglese B2.", Language::English, Some(Cefr::B2)),
    ("Conoscenza della lingua tedesca.", Language::German, None),
    ("Francese livello C1.", Language::French, Some(Cefr::C1)),
    (
        "Ottima conoscenza dell'italiano A2.",
        Language::Italian,
        Some(Cefr::A2),
    ),
];
const SECTOR_TEXTS: [(&str, Sector); 3] = [
    ("Lavoro in magazzino.", Sector::Logistics),
    ("Servizio in biblioteca.", Sector::Culture),
    ("Cameriere di sala.", Sector::Hospitality),
];
const SKILLS: [&str; 3] = ["Excel", "HACCP", "patente B"];
const NEUTRAL: &str = "Opportunità per giovani del territorio, con tutor e attestato finale.";

#[derive(Debug, Clone)]
struct Spec {
    kind: OpportunityKind,
    district: District,
    age_min: Option<u8>,
    age_max: Option<u8>,
    expired: bool,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    language: Option<usize>,
    sector: Option<usize>,
    skills: Vec<usize>,
    text: String,
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((0i64..400).prop_map(|d| day(2027, 1, 1) + chrono::Duration::days(d)))
}

fn any_spec() -> impl Strategy<Value = Spec> {
    (
        (
            prop::sample::select(OpportunityKind::VARIANTS),
            prop::sample::select(District::VARIANTS),
            prop::option::of(14u8..30),
            prop::option::of(18u8..40),
            any::<bool>(),
        ),
        (any_date(), any_date()),
        (
            prop::option::of(0..LANGUAGE_TEXTS.len()),
            prop::option::of(0..SECTOR_TEXTS.len()),
            prop::collection::vec(0..SKILLS.len(), 0..3),
        ),
    )
        .prop_map(
            |(
                (kind, district, age_min, age_max, expired),
                (s, e),
                (language, sector, mut skills),
            )| {
                skills.sort();
                skills.dedup();
                let mut text = NEUTRAL.to_owned();
                for piece in language
                    .map(|l| LANGUAGE_TEXTS[l].0)
                    .into_iter()
                    .chain(sector.map(|s| SECTOR_TEXTS[s].0))
                    .chain(skills.iter().map(|&k| SKILLS[k]))
                {
                    text.push(' ');
                    text.push_str(piece);
                    text.push('.');
                }
                let (starts_on, ends_on) = match (s, e) {
                    (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
                    other => other,
                };
                Spec {
                    kind,
                    district,
                    age_min,
                    age_max,
                    expired,
                    starts_on,
                    ends_on,
                    language,
                    sector,
                    skills,
                    text,
                }
            },
        )
}

fn any_profile() -> impl Strategy<Value = Profile> {
    (
        (
            prop::option::of(prop::sample::select(vec![
                District::Cremona,
                District::Crema,
                District::Casalmaggiore,
            ])),
            prop::sample::select(Reach::VARIANTS),
            prop::option::of(14u8..40),
            prop::sample::subsequence(OpportunityKind::VARIANTS.to_vec(), 0..3),
        ),
        (
            prop::sample::subsequence(
                vec![Sector::Logistics, Sector::Culture, Sector::Sales],
                0..2,
            ),
            any_date(),
            prop::sample::subsequence(
                vec![Language::English, Language::German, Language::Italian],
                0..3,
            ),
            prop::sample::select(Cefr::VARIANTS),
            prop::sample::subsequence(SKILLS.to_vec(), 0..3),
        ),
    )
        .prop_map(
            |((district, reach, age, kinds), (sectors, from, languages, level, skills))| Profile {
                district,
                reach,
                age,
                kinds,
                sectors,
                available_from: from,
                available_until: None,
                languages: languages
                    .into_iter()
                    .map(|language| Spoken { language, level })
                    .collect(),
                education: None,
                skills: skills.into_iter().map(str::to_owned).collect(),
            },
        )
}

fn candidate(spec: &Spec) -> Candidate<'_> {
    Candidate {
        kind: spec.kind,
        district: spec.district,
        age_min: spec.age_min,
        age_max: spec.age_max,
        deadline: None,
        expired: spec.expired,
        starts_on: spec.starts_on,
        ends_on: spec.ends_on,
        title: "Opportunità",
        texts: ["Opportunità", "", &spec.text],
    }
}

/// The criteria a profile and an item share, worked out from what built them.
fn expected_criteria(profile: &Profile, spec: &Spec) -> Vec<Criterion> {
    let mut used = Vec::new();
    if profile.district.is_some() {
        used.push(Criterion::District);
    }
    if !profile.kinds.is_empty() {
        used.push(Criterion::Kind);
    }
    if profile.age.is_some() && (spec.age_min.is_some() || spec.age_max.is_some()) {
        used.push(Criterion::Age);
    }
    if spec.expired {
        used.push(Criterion::Deadline);
    }
    if profile.available_from.is_some() && (spec.starts_on.is_some() || spec.ends_on.is_some()) {
        used.push(Criterion::Period);
    }
    if !profile.sectors.is_empty() && spec.sector.is_some() {
        used.push(Criterion::Sector);
    }
    if !profile.languages.is_empty() && spec.language.is_some() {
        used.push(Criterion::Language);
    }
    for &k in &spec.skills {
        if profile.skills.iter().any(|s| s == SKILLS[k]) {
            used.push(Criterion::Skill);
        }
    }
    used.sort();
    used
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A hard mismatch never ranks above an item without one, so never above a full match.
    #[test]
    fn a_hard_mismatch_never_ranks_above_a_full_match(
        profile in any_profile(),
        specs in prop::collection::vec(any_spec(), 1..25),
    ) {
        let items: Vec<_> = specs.iter().map(candidate).collect();
        let ranked = rank(&profile, &items);
        prop_assert_eq!(ranked.len(), items.len());
        let first_excluded = ranked.iter().position(Ranked::excluded).unwrap_or(ranked.len());
        prop_assert!(ranked[first_excluded..].iter().all(Ranked::excluded));
        for (i, r) in ranked.iter().enumerate() {
            if r.full() {
                prop_assert!(ranked[..i].iter().all(|above| !above.excluded()));
            }
        }
        // The hard mismatches are exactly these three, as the oracle sees them.
        for r in &ranked {
            let spec = &specs[r.item];
            let beyond = profile.district.is_some_and(|home| Reach::needed(home, spec.district) > profile.reach);
            let too_young_or_old = profile.age.is_some_and(|a| !reason::age_fits(spec.age_min, spec.age_max, a));
            prop_assert_eq!(r.excluded(), beyond || too_young_or_old || spec.expired);
        }
    }

    /// The reasons list exactly the criteria used: those the profile sets and the item states.
    #[test]
    fn reasons_list_exactly_the_criteria_used(profile in any_profile(), spec in any_spec()) {
        let ranked = rank(&profile, &[candidate(&spec)]);
        let mut listed: Vec<Criterion> = ranked[0].reasons.iter().map(Reason::criterion).collect();
        listed.sort();
        prop_assert_eq!(listed, expected_criteria(&profile, &spec));
        // Each language reason names the level the text asks for and the profile's own.
        for r in &ranked[0].reasons {
            if let Reason::Language { language, needed, yours } = r {
                let (_, asked, asked_level) = LANGUAGE_TEXTS[spec.language.unwrap()];
                prop_assert_eq!((*language, *needed), (asked, asked_level));
                prop_assert_eq!(*yours, profile.level_in(*language));
            }
        }
        prop_assert_eq!(ranked[0].points, ranked[0].reasons.iter().map(Reason::points).sum::<u32>());
    }

    /// A profile that tells nothing gives no reason, but a passed deadline still excludes.
    #[test]
    fn an_empty_profile_gives_no_reason_but_expiry(spec in any_spec()) {
        let ranked = rank(&Profile::default(), &[candidate(&spec)]);
        let expected: Vec<Reason> = if spec.expired {
            vec![Reason::Expired { deadline: None }]
        } else {
            vec![]
        };
        prop_assert_eq!(&ranked[0].reasons, &expected);
    }
}
