//! The little Italian grammar a cover letter needs to put a title or a name into a sentence:
//! the definite article of the nouns that titles and names of bodies start with, and a capital
//! dropped where a title's first word is a common noun.

/// The definite article of a phrase's first word, for the nouns that opportunity titles, school
/// qualifications and names of bodies commonly start with. `None` for a name that takes none
/// ("Officine Serio Srl", "IIS Stanga").
fn article(first_word: &str) -> Option<&'static str> {
    let word = first_word.to_lowercase();
    let article = match word.as_str() {
        // Qualifications and courses.
        "diploma" | "master" | "dottorato" | "certificato" | "corso" | "patentino" | "titolo"
        | "percorso" | "tirocinio" | "bando" | "campo" | "workshop" | "servizio" | "corpo"
        | "comune" | "consorzio" | "centro" | "polo" | "gruppo" | "laboratorio" | "career"
        | "job" | "recruiting" | "progetto" => "il ",
        "tirocini" | "corsi" | "campi" | "centri" | "comuni" => "i ",
        "scambio" | "studio" | "stage" | "sportello" => "lo ",
        "laurea" | "qualifica" | "licenza" | "certificazione" | "cooperativa" | "fondazione"
        | "rete" | "scuola" | "comunità" | "leva" | "provincia" | "regione" | "biblioteca"
        | "parrocchia" | "call" => "la ",
        "attestato" | "associazione" | "agenzia" | "informagiovani" | "emporio" | "istituto"
        | "università" | "accademia" | "open" | "oratorio" | "ufficio" | "its" | "azienda"
        | "ente" | "erasmus+" => "l'",
        "associazioni" | "cooperative" => "le ",
        _ => return None,
    };
    Some(article)
}

fn first_word(phrase: &str) -> &str {
    phrase
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .next()
        .unwrap_or("")
}

/// The phrase with its definite article, if its first word takes one: "il Comune di Crema",
/// "l'Associazione Compiti Insieme ODV", "Officine Serio Srl".
pub fn with_article(phrase: &str) -> String {
    match article(first_word(phrase)) {
        Some(article) => format!("{article}{phrase}"),
        None => phrase.to_owned(),
    }
}

/// The phrase with a lower-case first letter when it starts with a common noun written
/// capitalised because it began a title: "Addetto/a alla contabilità" → "addetto/a alla
/// contabilità", but "Servizio Civile Universale", "EURES", "Erasmus+ per…" stay.
pub fn lower_first(phrase: &str) -> String {
    let mut words = phrase.split_whitespace();
    let Some(first) = words.next() else {
        return String::new();
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let rest_lower = first
        .chars()
        .skip(1)
        .all(|c| !c.is_alphabetic() || c.is_lowercase());
    let plain = first
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '/' | '\'' | '’' | '-'));
    // "Servizio Civile": a name. "Corso ICDL": a common noun before an acronym.
    let proper = words
        .next()
        .is_some_and(|w| capitalised(w) && w.chars().skip(1).any(char::is_lowercase));
    if capitalised(first) && rest_lower && plain && !proper {
        let mut chars = phrase.chars();
        let head = chars.next().map(|c| c.to_lowercase().to_string());
        format!("{}{}", head.unwrap_or_default(), chars.as_str())
    } else {
        phrase.to_owned()
    }
}

/// The phrase without a leading word from `words` (compared without case) and the spaces after it.
pub fn strip_leading<'a>(phrase: &'a str, words: &[&str]) -> Option<&'a str> {
    let first = phrase.split_whitespace().next()?;
    words
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
        .then(|| phrase.trim_start()[first.len()..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_of_bodies_and_titles() {
        assert_eq!(with_article("Comune di Crema"), "il Comune di Crema");
        assert_eq!(
            with_article("Associazione Compiti Insieme ODV"),
            "l'Associazione Compiti Insieme ODV"
        );
        assert_eq!(
            with_article("Studio Associato Bodini"),
            "lo Studio Associato Bodini"
        );
        assert_eq!(with_article("Officine Serio Srl"), "Officine Serio Srl");
        assert_eq!(
            with_article("Centri per l'Impiego"),
            "i Centri per l'Impiego"
        );
        assert_eq!(
            with_article("diploma di perito agrario"),
            "il diploma di perito agrario"
        );
    }

    #[test]
    fn only_common_nouns_lose_their_capital() {
        assert_eq!(
            lower_first("Addetto/a alla contabilità"),
            "addetto/a alla contabilità"
        );
        assert_eq!(
            lower_first("Servizio Civile Universale"),
            "Servizio Civile Universale"
        );
        assert_eq!(lower_first("EURES: selezione"), "EURES: selezione");
        assert_eq!(
            lower_first("Erasmus+ per neodiplomati"),
            "Erasmus+ per neodiplomati"
        );
        assert_eq!(
            lower_first("Corso ICDL Full Standard"),
            "corso ICDL Full Standard"
        );
        assert_eq!(lower_first(""), "");
    }
}
