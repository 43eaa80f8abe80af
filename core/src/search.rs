//! Offline search over everything on the phone: accent- and case-insensitive, with Italian word
//! forms meeting at a common stem ("tirocinio" finds "tirocini"), and every word of the query
//! required. The index is built once when the data changes; a query is a few binary searches.

use std::collections::HashMap;

use tantivy_stemmers::algorithms::italian as stem;

/// How much a match in a field counts.
pub mod weight {
    pub const TITLE: u8 = 4;
    pub const SUBTITLE: u8 = 2;
    pub const BODY: u8 = 1;
}

/// Words too common to narrow a search.
const STOPWORDS: &[&str] = &[
    "a", "ad", "al", "alla", "alle", "allo", "agli", "ai", "che", "chi", "con", "da", "dal",
    "dalla", "dei", "del", "della", "delle", "dello", "degli", "di", "e", "ed", "gli", "i", "il",
    "in", "la", "le", "lo", "ma", "nei", "nel", "nella", "o", "per", "su", "sul", "sulla", "tra",
    "fra", "un", "una", "uno", "the", "and", "of", "to",
];

/// Lowercases and removes accents from Latin letters ("Città" → "citta").
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// The searchable terms of a text: folded, split into words, stop words dropped, stemmed.
pub fn terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for_each_term(text, &mut HashMap::new(), |t| terms.push(t.to_owned()));
    terms
}

/// Calls `f` with each term of `text`; `stems` remembers words already stemmed (building an
/// index stems the same few thousand words over and over).
fn for_each_term(text: &str, stems: &mut HashMap<String, String>, mut f: impl FnMut(&str)) {
    for word in fold(text).split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || STOPWORDS.contains(&word) {
            continue;
        }
        match stems.get(word) {
            Some(term) => f(term),
            None => {
                let term = stem(word).into_owned();
                f(&term);
                stems.insert(word.to_owned(), term);
            }
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct SearchIndex {
    /// Sorted by term; each term lists (document, best weight) once per document.
    vocabulary: Vec<(String, Vec<(u32, u8)>)>,
    documents: usize,
}

/// A hit: the document's position in the build order, and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub document: usize,
    pub score: u32,
}

impl SearchIndex {
    /// Builds the index from documents given as (text, weight) fields, in order.
    pub fn build<'a, D>(documents: impl IntoIterator<Item = D>) -> Self
    where
        D: IntoIterator<Item = (&'a str, u8)>,
    {
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        let mut stems = HashMap::new();
        let mut count = 0;
        for (doc, fields) in documents.into_iter().enumerate() {
            count += 1;
            for (text, w) in fields {
                for_each_term(text, &mut stems, |term| {
                    let list = match postings.get_mut(term) {
                        Some(list) => list,
                        None => postings.entry(term.to_owned()).or_default(),
                    };
                    match list.last_mut() {
                        Some((d, best)) if *d == doc as u32 => *best = (*best).max(w),
                        _ => list.push((doc as u32, w)),
                    }
                });
            }
        }
        let mut vocabulary: Vec<_> = postings.into_iter().collect();
        vocabulary.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchIndex {
            vocabulary,
            documents: count,
        }
    }

    pub fn len(&self) -> usize {
        self.documents
    }

    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// Documents matching every word of `query` (each as a prefix of an indexed term), best
    /// first; ties keep build order. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query_terms = terms(query);
        if query_terms.is_empty() {
            return Vec::new();
        }
        let mut scores = vec![0u32; self.documents];
        let mut matched = vec![0u16; self.documents];
        for (round, term) in query_terms.iter().enumerate() {
            let start = self
                .vocabulary
                .partition_point(|(t, _)| t.as_str() < term.as_str());
            let mut best = HashMap::<u32, u8>::new();
            for (_, list) in self.vocabulary[start..]
                .iter()
                .take_while(|(t, _)| t.starts_with(term.as_str()))
            {
                for &(doc, w) in list {
                    if matched[doc as usize] as usize == round {
                        let entry = best.entry(doc).or_default();
                        *entry = (*entry).max(w);
                    }
                }
            }
            for (doc, w) in best {
                matched[doc as usize] += 1;
                scores[doc as usize] += u32::from(w);
            }
        }
        let needed = query_terms.len() as u16;
        let mut hits: Vec<Hit> = (0..self.documents)
            .filter(|&d| matched[d] == needed)
            .map(|d| Hit {
                document: d,
                score: scores[d],
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.document.cmp(&b.document)));
        hits
    }
}

#[cfg(test)]
mod tests;
