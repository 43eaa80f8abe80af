use proptest::prelude::*;
use strum::VariantArray;

use super::*;

fn sample() -> Cv {
    Cv {
        id: "cv-1".into(),
        name: "Lavori stagionali".into(),
        updated_at: "2026-11-22T10:00:00Z".into(),
        personal: Personal {
            first_name: "Giulia".into(),
            last_name: "De Luca".into(),
            email: "giulia.deluca@example.org".into(),
            phone: "333 1234567".into(),
            city: "Crema".into(),
            website: String::new(),
            consent: true,
        },
        profile: "Diplomata in tecnico agrario, precisa e abituata a lavorare in squadra.".into(),
        work: vec![Experience {
            role: "Addetta al banco".into(),
            organisation: "Caseificio Val Serio".into(),
            city: "Crema".into(),
            start: "2025-06".into(),
            end: "2025-09".into(),
            description: "Vendita e confezionamento.".into(),
        }],
        education: vec![Education {
            title: "Diploma di perito agrario".into(),
            institution: "IIS Stanga".into(),
            city: "Cremona".into(),
            start: "2019-09".into(),
            end: "2024-07".into(),
            description: "Corso HACCP".into(),
        }],
        mother_tongues: vec!["Italiano".into()],
        languages: vec![LanguageSkill {
            language: "Inglese".into(),
            listening: Some(Cefr::B2),
            reading: Some(Cefr::B2),
            interaction: Some(Cefr::B1),
            production: Some(Cefr::B1),
            writing: Some(Cefr::B1),
        }],
        digital_skills: vec!["Fogli di calcolo".into(), "Canva".into()],
        other_skills: "Lavoro in squadra".into(),
        driving_licence: vec!["B".into()],
        volunteering: vec![Experience {
            role: "Animatrice".into(),
            organisation: "Oratorio San Giacomo".into(),
            city: "Crema".into(),
            start: "2022-06".into(),
            end: String::new(),
            description: "Centro estivo.".into(),
        }],
        interests: "Pallavolo, fotografia".into(),
        self_assessments: Vec::new(),
    }
}

#[test]
fn an_export_imports_back_as_the_same_cv() {
    let cv = sample();
    let json = serde_json::to_string(&to_json_resume(&cv)).unwrap();
    let back = from_json_resume(&serde_json::from_str(&json).unwrap(), "cv-1");
    assert_eq!(back, cv);
}

#[test]
fn the_export_is_readable_json_resume() {
    let value = serde_json::to_value(to_json_resume(&sample())).unwrap();
    assert_eq!(value["basics"]["name"], "Giulia De Luca");
    assert_eq!(value["basics"]["location"]["city"], "Crema");
    assert_eq!(value["work"][0]["position"], "Addetta al banco");
    assert_eq!(value["work"][0]["startDate"], "2025-06");
    assert_eq!(
        value["volunteer"][0].get("endDate"),
        None,
        "ongoing: no end date"
    );
    assert_eq!(value["languages"][0]["fluency"], "Madrelingua");
    assert_eq!(value["languages"][1]["fluency"], "B2");
    assert_eq!(
        value["education"][0]["studyType"],
        "Diploma di perito agrario"
    );
}

#[test]
fn another_tools_json_resume_imports_sensibly() {
    let resume: JsonResume = serde_json::from_value(serde_json::json!({
        "basics": {"name": "Marco Bianchi", "email": "m@example.org", "location": {"city": "Casalmaggiore"}},
        "work": [{"name": "Logistica Po", "position": "Magazziniere", "startDate": "2024-01"}],
        "languages": [{"language": "Francese", "fluency": "B1"}],
        "projects": [{"name": "ignored"}]
    }))
    .unwrap();
    let cv = from_json_resume(&resume, "nuovo");
    assert_eq!(cv.personal.first_name, "Marco");
    assert_eq!(cv.personal.last_name, "Bianchi");
    assert_eq!(cv.work[0].role, "Magazziniere");
    assert_eq!(cv.languages[0].writing, Some(Cefr::B1));
}

#[test]
fn dates_must_be_months_in_order() {
    let mut cv = sample();
    cv.work[0].start = "giugno 2025".into();
    cv.education[0].end = "2018-07".into();
    cv.personal.email = "giulia".into();
    let errors = cv.validate().unwrap_err();
    let fields: Vec<(String, &str)> = errors
        .0
        .iter()
        .map(|e| (e.field.to_string(), e.code.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("personal.email", "invalid_email"),
            ("work.0.start", "invalid_month"),
            ("education.0.end", "end_before_start")
        ]
        .map(|(f, c)| (f.to_owned(), c))
    );
    assert!(sample().validate().is_ok());
    assert_eq!(YearMonth::parse("2025-13"), None);
    assert_eq!(YearMonth::parse("2025-06").unwrap().to_string(), "2025-06");
}

#[test]
fn items_move_up_and_down_within_bounds() {
    let mut items = vec!['a', 'b', 'c'];
    move_item(&mut items, 2, true);
    assert_eq!(items, ['a', 'c', 'b']);
    move_item(&mut items, 0, true);
    move_item(&mut items, 2, false);
    move_item(&mut items, 7, false);
    assert_eq!(items, ['a', 'c', 'b']);
}

#[test]
fn a_letter_from_an_opportunity_names_it_and_the_cv() {
    let target = LetterTarget {
        organisation: "Comune di Crema".into(),
        role: "tirocinante in biblioteca".into(),
        place: "Crema".into(),
        deadline: "2027-01-31".parse().ok(),
    };
    let today = "2026-11-22".parse().unwrap();
    let letter = draft_letter(LetterTemplate::ReplyToAd, &sample(), &target, today);
    assert!(letter.starts_with("Crema, 22/11/2026"));
    assert!(letter.contains("rispondo al vostro annuncio per tirocinante in biblioteca e vi propongo la mia candidatura, entro la scadenza del 31/01/2027."));
    assert!(letter.contains("Ho conseguito il diploma di perito agrario presso IIS Stanga."));
    assert!(letter.contains("come addetta al banco presso Caseificio Val Serio"));
    assert!(letter.contains("Giulia De Luca\n333 1234567 · giulia.deluca@example.org"));
    let empty = draft_letter(
        LetterTemplate::Volunteering,
        &Cv::default(),
        &LetterTarget::default(),
        today,
    );
    assert!(
        empty.contains("[nome dell'azienda o dell'ente]"),
        "blanks are marked, not invented"
    );
}

/// The demo opportunities of `make dev`: (kind, title, organisation).
fn demo_opportunities() -> Vec<(crate::OpportunityKind, String, String)> {
    let all: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../../content/demo/opportunities.json")).unwrap();
    all.into_iter()
        .map(|o| {
            let kind = serde_json::from_value(o["kind"].clone()).unwrap();
            let text = |k: &str| o[k].as_str().unwrap().to_owned();
            (kind, text("title"), text("organisation"))
        })
        .collect()
}

/// The letter's opening paragraph for a demo opportunity, with the template the app picks.
fn opening(title: &str, template: LetterTemplate) -> String {
    let (kind, title, organisation) = demo_opportunities()
        .into_iter()
        .find(|(_, t, _)| t == title)
        .unwrap();
    let target = LetterTarget {
        organisation,
        role: role_from_title(kind, &title),
        place: String::new(),
        deadline: None,
    };
    let letter = draft_letter(template, &sample(), &target, "2026-11-22".parse().unwrap());
    letter.split("\n\n").nth(4).unwrap().to_owned()
}

#[test]
fn letters_for_demo_opportunities_read_as_italian() {
    use LetterTemplate::*;
    let cases = [
        (
            "Tirocinio come addetto/a alla contabilità in azienda metalmeccanica",
            Internship,
            "desidero candidarmi per il tirocinio come addetto/a alla contabilità in azienda metalmeccanica presso Officine Serio Srl, per imparare",
        ),
        (
            "Tirocinio in comunicazione e social media in un'agenzia creativa",
            Internship,
            "desidero candidarmi per il tirocinio in comunicazione e social media in un'agenzia creativa presso Torrazzo Comunicazione Srl,",
        ),
        (
            "Tirocini Garanzia Giovani: 20 posti in aziende della provincia",
            Internship,
            "desidero candidarmi per il tirocinio Garanzia Giovani presso i Centri per l'Impiego della Provincia di Cremona,",
        ),
        (
            "Tirocinio Garanzia Giovani come disegnatore/disegnatrice CAD in un'azienda di arredamento",
            Internship,
            "per il tirocinio come disegnatore/disegnatrice CAD in un'azienda di arredamento presso Arredi Oglio Po Srl,",
        ),
        (
            "Volontari per il doposcuola e l'aiuto compiti",
            Volunteering,
            "vorrei mettere a disposizione il mio tempo come volontario/a per il doposcuola e l'aiuto compiti presso l'Associazione Compiti Insieme ODV.",
        ),
        (
            "Servizio Civile Universale nelle biblioteche del Comune di Cremona",
            Volunteering,
            "come volontario/a nel progetto «Servizio Civile Universale nelle biblioteche del Comune di Cremona» presso il Comune di Cremona.",
        ),
        (
            "Animatori e animatrici turistici per la stagione estiva 2027",
            ReplyToAd,
            "con questa lettera rispondo al vostro annuncio per animatori e animatrici turistici per la stagione estiva 2027 e vi propongo la mia candidatura.",
        ),
        (
            "Addetto/a all'accoglienza e alla biglietteria museale",
            Spontaneous,
            "vi scrivo per proporre la mia candidatura spontanea presso la Cooperativa Sociale Il Violino, in particolare per un ruolo come addetto/a all'accoglienza e alla biglietteria museale.",
        ),
        (
            "Workshop «Il colloquio di lavoro: come prepararsi»",
            ReplyToAd,
            "rispondo al vostro annuncio per il workshop «Il colloquio di lavoro: come prepararsi» e",
        ),
        (
            "Corso ICDL Full Standard per giovani in cerca di lavoro",
            ReplyToAd,
            "rispondo al vostro annuncio per il corso ICDL Full Standard per giovani in cerca di lavoro e",
        ),
    ];
    for (title, template, expected) in cases {
        let text = opening(title, template);
        assert!(
            text.contains(expected),
            "{title}:\n{text}\nwanted: {expected}"
        );
    }
    // Every demo opportunity with every template: no kind said twice, no title's capital in the
    // middle of a sentence, no word doubled.
    for (kind, title, organisation) in demo_opportunities() {
        for template in LetterTemplate::VARIANTS.iter().copied() {
            let target = LetterTarget {
                organisation: organisation.clone(),
                role: role_from_title(kind, &title),
                ..LetterTarget::default()
            };
            let letter = draft_letter(template, &sample(), &target, "2026-11-22".parse().unwrap());
            let lower = letter.to_lowercase();
            for doubled in [
                "««",
                "»»",
                "tirocinio tirocini",
                "tirocinio come tirocini",
                "volontario/a volontari",
                "come come",
                "per per",
                "presso presso",
            ] {
                assert!(
                    !lower.contains(doubled),
                    "«{doubled}» in the letter for {title}:\n{letter}"
                );
            }
            for capital in [
                "come Tirocin",
                "tirocinio Tirocin",
                "per Addetto",
                "come Addetto",
                "conseguito D",
            ] {
                assert!(
                    !letter.contains(capital),
                    "«{capital}» in the letter for {title}:\n{letter}"
                );
            }
        }
    }
}

#[test]
fn a_school_or_a_course_takes_its_verb_and_article() {
    let mut cv = sample();
    let today = "2026-11-22".parse().unwrap();
    let letter = |cv: &Cv| {
        draft_letter(
            LetterTemplate::Spontaneous,
            cv,
            &LetterTarget::default(),
            today,
        )
    };
    assert!(letter(&cv).contains("Ho conseguito il diploma di perito agrario presso IIS Stanga."));
    cv.education[0].title = "Laurea in Economia".into();
    cv.education[0].end = String::new();
    assert!(letter(&cv).contains("Sto conseguendo la laurea in Economia presso IIS Stanga."));
    cv.education[0].title = "Corso HACCP".into();
    cv.education[0].end = "2024-07".into();
    cv.education[0].institution = "Centro di Formazione Oglio Po".into();
    assert!(letter(&cv)
        .contains("Ho frequentato il corso HACCP presso il Centro di Formazione Oglio Po."));
    cv.education[0].title = "Perito agrario".into();
    assert!(letter(&cv)
        .contains("Ho studiato presso il Centro di Formazione Oglio Po: Perito agrario."));
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zàèéìòù' ,.]{0,20}"
}

fn month() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (1990u16..2030, 1u8..=12).prop_map(|(y, m)| format!("{y:04}-{m:02}"))
    ]
}

fn experience() -> impl Strategy<Value = Experience> {
    (text(), text(), text(), month(), month(), text()).prop_map(
        |(role, organisation, city, start, end, description)| Experience {
            role,
            organisation,
            city,
            start,
            end,
            description,
        },
    )
}

fn cefr() -> impl Strategy<Value = Option<Cefr>> {
    prop::option::of(prop::sample::select(Cefr::VARIANTS.to_vec()))
}

proptest! {
    #[test]
    fn any_cv_survives_export_and_import(
        first in "[A-Za-z]{1,10}",
        last in "[A-Za-z ]{0,12}",
        email in text(),
        consent in any::<bool>(),
        profile in text(),
        work in prop::collection::vec(experience(), 0..4),
        volunteering in prop::collection::vec(experience(), 0..3),
        education in prop::collection::vec((text(), text(), text(), month(), month(), text()), 0..3),
        mother_tongues in prop::collection::vec("[A-Za-z]{1,10}", 0..2),
        languages in prop::collection::vec(("[A-Za-z]{1,10}", cefr(), cefr(), cefr(), cefr(), cefr()), 0..3),
        digital_skills in prop::collection::vec("[A-Za-z]{1,10}", 0..3),
        other_skills in text(),
        driving_licence in prop::collection::vec("[A-Z]{1,2}", 0..2),
        interests in text(),
    ) {
        let cv = Cv {
            id: "x".into(),
            name: "versione".into(),
            updated_at: "2026-11-22T10:00:00Z".into(),
            personal: Personal { first_name: first, last_name: last, email, consent, ..Personal::default() },
            profile,
            work,
            education: education.into_iter().map(|(title, institution, city, start, end, description)| Education { title, institution, city, start, end, description }).collect(),
            mother_tongues,
            languages: languages.into_iter().map(|(language, listening, reading, interaction, production, writing)| LanguageSkill { language, listening, reading, interaction, production, writing }).collect(),
            digital_skills,
            other_skills,
            driving_licence,
            volunteering,
            interests,
            self_assessments: Vec::new(),
        };
        let json = serde_json::to_string(&to_json_resume(&cv)).unwrap();
        let back = from_json_resume(&serde_json::from_str(&json).unwrap(), "x");
        prop_assert_eq!(back, cv);
    }
}

#[test]
fn levels_never_chosen_stay_blank() {
    // A language added and named, no level chosen: nothing is invented, in the CV or the export.
    let mut cv = sample();
    cv.languages = vec![LanguageSkill {
        language: "Spagnolo".into(),
        reading: Some(Cefr::A2),
        ..LanguageSkill::default()
    }];
    assert_eq!(cv.languages[0].listening, None);
    let resume = to_json_resume(&cv);
    let value = serde_json::to_value(&resume).unwrap();
    assert_eq!(value["languages"][1]["fluency"], "A2");
    assert_eq!(from_json_resume(&resume, "cv-1").languages, cv.languages);
    cv.languages[0].reading = None;
    let value = serde_json::to_value(to_json_resume(&cv)).unwrap();
    assert_eq!(value["languages"][1]["fluency"], "");
    // A language stored by an earlier version of the app, with every level, reads back the same.
    let stored: LanguageSkill = serde_json::from_str(
        r#"{"language":"Inglese","listening":"B2","reading":"B2","interaction":"B1","production":"B1","writing":"A2"}"#,
    )
    .unwrap();
    assert_eq!(stored.writing, Some(Cefr::A2));
}
