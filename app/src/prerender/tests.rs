//! What the worker picks for each page, and when the phone keeps the server's page.
use super::*;
use sito_core::synthetic;

fn plain(markdown: &str) -> String {
    markdown.to_owned()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn addresses_name_their_pages_and_unknown_ones_are_not_found() {
    assert_eq!(Page::from_path(""), Page::Home);
    assert_eq!(Page::from_path("/"), Page::Home);
    assert_eq!(Page::from_path("/opportunita/"), Page::Opportunities);
    assert_eq!(
        Page::from_path("/bandi/think-town"),
        Page::Call("think-town".into())
    );
    assert_eq!(Page::from_path("/cerca"), Page::Search);
    assert_eq!(Page::from_path("/opportunita/a/b"), Page::NotFound);
    assert_eq!(Page::from_path("/non-esiste"), Page::NotFound);
    assert!(!Page::NotFound.found(&Catalog::default()));
    assert!(!Page::Opportunity("x".into()).found(&Catalog::default()));
    assert!(Page::Saved.found(&Catalog::default()));
}

#[test]
fn recruiting_days_are_pages_of_the_whole_portal_that_load_their_own_items() {
    assert_eq!(Page::from_path("/recruiting-day"), Page::RecruitingDays);
    assert_eq!(
        Page::from_path("/recruiting-day/rd-cremona/"),
        Page::RecruitingDay("rd-cremona".into())
    );
    for page in [Page::RecruitingDays, Page::RecruitingDay("x".into())] {
        assert!(page.whole_app());
        assert_eq!(page.shell(), "index.html");
        assert_eq!(page.needs(), Needs::Nothing);
    }
}

#[test]
fn a_list_page_carries_its_first_page_and_how_many_matched() {
    let loaded = Catalog::from(Seed {
        opportunities: synthetic::published(200, plain),
        ..Seed::default()
    });
    let all = apply(
        &loaded.opportunities,
        || loaded.opportunity_index(),
        &Default::default(),
        today(),
    )
    .len();
    assert!(
        all > opportunities::PAGE,
        "the sample must need a second page"
    );
    let seed = seed(&Page::Opportunities, &[], &loaded, today());
    assert_eq!(seed.opportunities.len(), opportunities::PAGE);
    let page: Catalog = seed.into();
    assert_eq!(page.list_matches(""), Some(all));
    // Another filter is not the one the count was made for.
    assert_eq!(page.list_matches("q=tirocinio"), None);
}

#[test]
fn show_more_asks_the_address_for_more_cards_within_a_bound() {
    let loaded = || {
        Catalog::from(Seed {
            opportunities: synthetic::published(400, plain),
            ..Seed::default()
        })
    };
    let pairs = |n: &str| [("mostra".to_owned(), n.to_owned())];
    let shown = |n: &str| seed(&Page::Opportunities, &pairs(n), &loaded(), today());
    assert_eq!(shown("60").opportunities.len(), 60);
    assert_eq!(shown("1").opportunities.len(), opportunities::PAGE);
    assert_eq!(shown("molte").opportunities.len(), opportunities::PAGE);
    assert_eq!(
        shown("100000").opportunities.len(),
        10 * opportunities::PAGE
    );
}

#[test]
fn a_search_page_carries_its_first_results_and_how_many_it_found() {
    let loaded = Catalog::from(Seed {
        opportunities: synthetic::published(400, plain),
        ..Seed::default()
    });
    let found = search::hits(&loaded, "cooperativa", None);
    assert!(
        found.len() > 2 * opportunities::PAGE,
        "the sample must need more pages"
    );
    let pairs = |more: &[(&str, &str)]| {
        [("q", "cooperativa")]
            .iter()
            .chain(more)
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    };
    let first = seed(&Page::Search, &pairs(&[]), &loaded, today());
    assert_eq!(first.opportunities.len(), opportunities::PAGE);
    let more = seed(&Page::Search, &pairs(&[("mostra", "60")]), &loaded, today());
    assert_eq!(more.opportunities.len(), 60);
    // The page counts every result, though it carries only the first ones, and the phone
    // finds the same first results in what the page carries.
    let page: Catalog = first.into();
    assert_eq!(page.list_matches("cerca:cooperativa:"), Some(found.len()));
    let shown: Vec<_> = search::hits(&page, "cooperativa", None)
        .into_iter()
        .map(|(_, i)| page.opportunities[i].id.clone())
        .collect();
    let expected: Vec<_> = found[..opportunities::PAGE]
        .iter()
        .map(|&(_, i)| loaded.opportunities[i].id.clone())
        .collect();
    assert_eq!(shown, expected);
    // A district narrows what is counted and carried.
    let crema = seed(
        &Page::Search,
        &pairs(&[("territorio", "crema")]),
        &loaded,
        today(),
    );
    let (key, count) = crema.list_matches.clone().unwrap();
    assert_eq!(key, "cerca:cooperativa:crema");
    assert_eq!(
        count,
        search::hits(&loaded, "cooperativa", Some(sito_core::District::Crema)).len()
    );
    assert!(crema
        .opportunities
        .iter()
        .all(|o| o.district == sito_core::District::Crema));
}

#[test]
fn a_filtered_list_counts_only_what_matches() {
    let loaded = Catalog::from(Seed {
        opportunities: synthetic::published(200, plain),
        ..Seed::default()
    });
    let query = [("territorio".to_owned(), "crema".to_owned())];
    let seed = seed(&Page::Opportunities, &query, &loaded, today());
    assert!(!seed.opportunities.is_empty());
    assert!(seed
        .opportunities
        .iter()
        .all(|o| o.district == sito_core::District::Crema));
    let (key, count) = seed.list_matches.clone().unwrap();
    assert_eq!(key, "territorio=crema");
    assert!(count >= seed.opportunities.len());
}

#[test]
fn the_device_keeps_the_servers_page_only_while_its_own_data_would_show_the_same() {
    let all = synthetic::published(120, plain);
    let server = Catalog::from(Seed {
        opportunities: all[..100].to_vec(),
        ..Seed::default()
    });
    let address = "/opportunita?territorio=crema&q=";
    let query = [
        ("territorio".to_owned(), "crema".to_owned()),
        ("q".to_owned(), String::new()),
    ];
    let shown = Catalog::from(seed(&Page::Opportunities, &query, &server, today()));
    // The store after the first sync: the same items.
    let same = Catalog::from(Seed {
        opportunities: all[..100].to_vec(),
        ..Seed::default()
    });
    assert!(renders_same(address, &shown, &same, today()));
    // One more item in Crema changes the count (and maybe the cards): the store's data wins.
    let more = Catalog::from(Seed {
        opportunities: all.clone(),
        ..Seed::default()
    });
    let crema = |c: &Catalog| {
        c.opportunities
            .iter()
            .filter(|o| o.district == sito_core::District::Crema)
            .count()
    };
    assert!(
        crema(&more) > crema(&server),
        "the sample must add one in Crema"
    );
    assert!(!renders_same(address, &shown, &more, today()));
    // A detail page holds while its item is unchanged, whatever else arrived.
    let id = all[0].id.clone();
    let detail = format!("/opportunita/{id}");
    let item = Catalog::from(seed(&Page::Opportunity(id), &[], &server, today()));
    assert!(renders_same(&detail, &item, &more, today()));
    let mut changed = all.clone();
    changed[0].title.push_str(" (rinviato)");
    let changed = Catalog::from(Seed {
        opportunities: changed,
        ..Seed::default()
    });
    assert!(!renders_same(&detail, &item, &changed, today()));
}

#[test]
fn the_home_page_carries_only_what_it_shows() {
    let loaded = Catalog::from(Seed {
        opportunities: synthetic::published(100, plain),
        ..Seed::default()
    });
    // The page is rendered from every opportunity, as on the phone: it shows the soonest of
    // the deadlines still open, soonest first.
    assert_eq!(
        Page::Home.needs(),
        Needs::All(&[ContentKind::Opportunity, ContentKind::News])
    );
    let open = home::open_deadlines(&loaded.opportunities, today());
    assert!(
        open.len() > home::UPCOMING,
        "the sample must have more open deadlines than the page shows"
    );
    let seed = seed(&Page::Home, &[], &loaded, today());
    assert_eq!(seed.opportunities, open[..home::UPCOMING]);
}

#[test]
fn the_seed_cannot_close_its_script_element() {
    let mut opportunities = synthetic::published(1, plain);
    opportunities[0].title = "</script><script>alert(1)</script>".into();
    let text = seed_script_text(&Seed {
        opportunities,
        ..Seed::default()
    });
    assert!(!text.contains("</script"));
    let back: Seed = serde_json::from_str(&text).unwrap();
    assert_eq!(
        back.opportunities[0].title,
        "</script><script>alert(1)</script>"
    );
}

#[test]
fn the_seed_has_no_markup_characters_and_reads_back_the_same() {
    let titles = ["<!--<script", "a & b > c"];
    let mut opportunities = synthetic::published(titles.len(), plain);
    for (o, title) in opportunities.iter_mut().zip(titles) {
        o.title = title.into();
    }
    let text = seed_script_text(&Seed {
        opportunities,
        ..Seed::default()
    });
    assert!(!text.contains(['<', '>', '&']), "{text}");
    let back: Seed = serde_json::from_str(&text).unwrap();
    let read: Vec<&str> = back
        .opportunities
        .iter()
        .map(|o| o.title.as_str())
        .collect();
    assert_eq!(read, titles);
}
