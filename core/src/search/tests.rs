use super::*;

fn index(docs: &[(&str, &str)]) -> SearchIndex {
    SearchIndex::build(
        docs.iter()
            .map(|(title, body)| [(*title, weight::TITLE), (*body, weight::BODY)]),
    )
}

fn found(index: &SearchIndex, query: &str) -> Vec<usize> {
    index
        .search(query)
        .into_iter()
        .map(|h| h.document)
        .collect()
}

#[test]
fn folding_removes_case_and_accents() {
    assert_eq!(fold("Città Ù PERCHÉ"), "citta u perche");
}

#[test]
fn singular_and_plural_meet() {
    let idx = index(&[
        ("Tirocini in azienda", "Sei mesi"),
        ("Servizio civile", "Un anno"),
    ]);
    assert_eq!(found(&idx, "tirocinio"), [0]);
    assert_eq!(found(&idx, "TIROCINI"), [0]);
    assert_eq!(found(&idx, "servizi civili"), [1]);
}

#[test]
fn accents_do_not_matter_either_way() {
    let idx = index(&[("Opportunità per la città", ""), ("Attivita estive", "")]);
    assert_eq!(found(&idx, "opportunita citta"), [0]);
    assert_eq!(found(&idx, "attività"), [1]);
}

#[test]
fn every_word_is_required_and_prefixes_match_while_typing() {
    let idx = index(&[
        ("Volontariato a Crema", "Servizio civile"),
        ("Volontariato a Cremona", "Biblioteca"),
        ("Lavoro a Crema", "Magazzino"),
    ]);
    assert_eq!(
        found(&idx, "volontariato crema"),
        [0, 1],
        "crema is a prefix of cremona"
    );
    assert_eq!(found(&idx, "volontariato biblio"), [1]);
    assert_eq!(found(&idx, "volont"), [0, 1]);
    assert!(found(&idx, "volontariato magazzino").is_empty());
}

#[test]
fn title_matches_rank_above_body_matches() {
    let idx = index(&[
        ("Corso di cucina", "con tirocinio finale"),
        ("Tirocinio in cucina", "sei mesi"),
    ]);
    assert_eq!(found(&idx, "tirocinio"), [1, 0]);
}

#[test]
fn stop_words_and_empty_queries_match_nothing_by_themselves() {
    let idx = index(&[("Lavoro per giovani", "")]);
    assert!(found(&idx, "").is_empty());
    assert!(found(&idx, "per di la").is_empty());
    assert_eq!(found(&idx, "lavoro per i giovani"), [0]);
}
