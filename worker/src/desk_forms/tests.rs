use super::*;

#[test]
fn an_opportunity_form_becomes_a_valid_input_and_back() {
    let form = FormValues(
        [
            ("kind", "internship"),
            ("title", "Tirocinio in biblioteca"),
            ("organisation", "Comune di Crema"),
            ("district", "crema"),
            ("place", "Crema"),
            ("summary", "Sei mesi in biblioteca."),
            ("description_md", "## Attività\n\nPrestito e catalogazione."),
            ("age_min", "18"),
            ("age_max", ""),
            ("starts_on", ""),
            ("ends_on", ""),
            ("deadline", "2027-01-31"),
            ("how_to_apply", "CV a biblioteca@comune.crema.cr.it"),
            ("source_url", ""),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .to_vec(),
    );
    let input = to_input(ContentKind::Opportunity, &form).unwrap();
    let typed: sito_core::OpportunityInput = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(typed.age_min, Some(18));
    assert_eq!(typed.age_max, None);
    assert_eq!(typed.deadline, "2027-01-31".parse().ok());
    let back = from_input(ContentKind::Opportunity, &input);
    assert_eq!(back.get("deadline"), "2027-01-31");
    assert_eq!(back.get("age_max"), "");
}

#[test]
fn bad_numbers_and_dates_are_reported_per_field() {
    let form = FormValues(vec![
        ("age_min".into(), "diciotto".into()),
        ("deadline".into(), "31/01/2027".into()),
    ]);
    let errors = to_input(ContentKind::Opportunity, &form).unwrap_err();
    let fields: Vec<_> = errors.0.iter().map(|e| e.field.to_string()).collect();
    assert!(
        fields.iter().any(|f| f == "age_min") && fields.iter().any(|f| f == "deadline"),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f == "kind"),
        "an empty select is reported too"
    );
}

#[test]
fn a_call_form_reads_money_italian_time_and_the_scoring_grid() {
    let form = FormValues(
        [
            ("title", "Think Town 2027"),
            ("summary", "Idee dei giovani per la città."),
            ("description_md", "Il bando."),
            ("eligible", "both"),
            ("age_min", "16"),
            ("age_max", "30"),
            ("district", ""),
            ("ceiling", "5.000,00"),
            ("cofinancing_percent", "20"),
            (
                "criteria",
                "Coerenza tra bisogni e obiettivi | 60\n\nSostenibilità | 40",
            ),
            ("opens_at", "2027-01-10T09:00"),
            ("closes_at", "2027-07-31T12:00"),
            ("attachments", "Statuto"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .to_vec(),
    );
    let input = to_input(ContentKind::Call, &form).unwrap();
    let typed: sito_core::CallInput = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(typed.ceiling, Cents(500_000));
    assert_eq!(typed.criteria.len(), 2);
    assert_eq!(typed.criteria[1].weight, 40);
    // 09:00 in winter is 08:00 UTC; 12:00 in summer is 10:00 UTC.
    assert_eq!(typed.opens_at.to_rfc3339(), "2027-01-10T08:00:00+00:00");
    assert_eq!(typed.closes_at.to_rfc3339(), "2027-07-31T10:00:00+00:00");
    let back = from_input(ContentKind::Call, &input);
    assert_eq!(back.get("ceiling"), "5.000,00");
    assert_eq!(back.get("closes_at"), "2027-07-31T12:00");
    assert_eq!(
        back.get("criteria"),
        "Coerenza tra bisogni e obiettivi | 60\nSostenibilità | 40"
    );

    let mut bad = form.clone();
    bad.set("criteria", "Innovazione 20".into());
    bad.set("ceiling", "cinquemila".into());
    let errors = to_input(ContentKind::Call, &bad).unwrap_err();
    assert!(errors
        .for_field("criteria")
        .unwrap()
        .message
        .contains("Riga 1"));
    assert_eq!(errors.for_field("ceiling").unwrap().code, "not_an_amount");
}

#[test]
fn guide_steps_keep_their_order_and_skip_empty_slots() {
    let form = FormValues(
        [
            ("area", "job_search"),
            ("title", "Il colloquio"),
            ("summary", "Come prepararsi."),
            ("body_md", "Testo."),
            ("steps.0.title", "Prima"),
            ("steps.0.body_md", "Informati sull'azienda."),
            ("steps.1.title", ""),
            ("steps.1.body_md", ""),
            ("steps.2.title", "Poi"),
            ("steps.2.body_md", "Prova le risposte."),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .to_vec(),
    );
    let input = to_input(ContentKind::Guide, &form).unwrap();
    let typed: sito_core::GuideInput = serde_json::from_value(input.clone()).unwrap();
    let titles: Vec<_> = typed.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Prima", "Poi"]);
    let back = from_input(ContentKind::Guide, &input);
    assert_eq!(back.get("steps.1.title"), "Poi");
}
