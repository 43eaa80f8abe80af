//! One pass over an item's text that finds what a profile is compared with: the languages it
//! asks for (with a CEFR level when one is written next to the language), its sectors, the
//! education it asks for, and which of the profile's skills it mentions. Words are compared
//! by their start, folded to lower case without accents, as offline search does.

use crate::cv::Cefr;

use super::words::{Education, Language, Sector};

/// What a word of a listing can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Language(Language),
    Sector(Sector),
    Education(Education),
    /// "magistrale" right after "laurea".
    Master,
    /// A word that makes the next language a requirement: "lingua", "conoscenza", "livello".
    Cue,
}

use Education as E;
use Language as L;
use Sector as S;
use Tag::*;

/// Stems, sorted, with the longest word each may start (0: any length) and what it stands for.
#[rustfmt::skip]
const TABLE: &[(&str, usize, Tag)] = &[
    ("agrari", 0, Sector(S::Environment)), ("agricol", 0, Sector(S::Environment)),
    ("albanes", 8, Language(L::Albanian)), ("alberg", 0, Sector(S::Hospitality)),
    ("allenat", 0, Sector(S::Sport)), ("allevament", 0, Sector(S::Environment)),
    ("ambiental", 0, Sector(S::Environment)), ("amministrat", 0, Sector(S::Office)),
    ("animat", 0, Sector(S::Social)), ("anzian", 0, Sector(S::Social)),
    ("arab", 6, Language(L::Arabic)), ("arte", 4, Sector(S::Culture)),
    ("bar", 3, Sector(S::Hospitality)), ("bibliotec", 0, Sector(S::Culture)),
    ("camerier", 0, Sector(S::Hospitality)), ("carrell", 0, Sector(S::Logistics)),
    ("cassier", 0, Sector(S::Sales)), ("chinese", 7, Language(L::Chinese)),
    ("cines", 6, Language(L::Chinese)), ("commerc", 0, Sector(S::Sales)),
    ("commess", 0, Sector(S::Sales)), ("conoscenz", 0, Cue),
    ("contabil", 0, Sector(S::Office)), ("cucin", 0, Sector(S::Hospitality)),
    ("cultur", 0, Sector(S::Culture)), ("cuoc", 0, Sector(S::Hospitality)),
    ("developer", 0, Sector(S::Digital)), ("digital", 0, Sector(S::Digital)),
    ("diplom", 9, Education(E::Diploma)), ("disabil", 0, Sector(S::Social)),
    ("dottorat", 0, Education(E::Doctorate)), ("educat", 0, Sector(S::Social)),
    ("english", 7, Language(L::English)), ("farmac", 0, Sector(S::Health)),
    ("fluent", 0, Cue), ("forestal", 0, Sector(S::Environment)),
    ("frances", 8, Language(L::French)), ("french", 6, Language(L::French)),
    ("german", 6, Language(L::German)), ("giardin", 0, Sector(S::Environment)),
    ("hotel", 0, Sector(S::Hospitality)), ("impiegat", 0, Sector(S::Office)),
    ("infanzi", 0, Sector(S::Social)), ("infermier", 0, Sector(S::Health)),
    ("informatic", 0, Sector(S::Digital)), ("ingles", 7, Language(L::English)),
    ("italian", 8, Language(L::Italian)), ("laure", 0, Education(E::Bachelor)),
    ("lingu", 6, Cue), ("livell", 7, Cue),
    ("logistic", 0, Sector(S::Logistics)), ("madrelingu", 0, Cue),
    ("magazzin", 0, Sector(S::Logistics)), ("magistral", 0, Master),
    ("manutenz", 0, Sector(S::Logistics)), ("meccanic", 0, Sector(S::Logistics)),
    ("medic", 0, Sector(S::Health)), ("muse", 5, Sector(S::Culture)),
    ("music", 0, Sector(S::Culture)), ("negozi", 0, Sector(S::Sales)),
    ("operai", 0, Sector(S::Logistics)), ("ospedal", 0, Sector(S::Health)),
    ("parlat", 0, Cue), ("piscin", 0, Sector(S::Sport)),
    ("pizzer", 0, Sector(S::Hospitality)), ("portoghes", 10, Language(L::Portuguese)),
    ("portugues", 10, Language(L::Portuguese)), ("produzion", 0, Sector(S::Logistics)),
    ("programm", 0, Sector(S::Digital)), ("qualific", 0, Education(E::Qualification)),
    ("ristor", 0, Sector(S::Hospitality)), ("romanian", 8, Language(L::Romanian)),
    ("romen", 6, Language(L::Romanian)), ("rumen", 6, Language(L::Romanian)),
    ("russ", 5, Language(L::Russian)), ("russian", 7, Language(L::Russian)),
    ("sanit", 0, Sector(S::Health)), ("scritt", 0, Cue),
    ("segreter", 0, Sector(S::Office)), ("social", 0, Sector(S::Social)),
    ("softwar", 0, Sector(S::Digital)), ("spagnol", 8, Language(L::Spanish)),
    ("spanish", 7, Language(L::Spanish)), ("spettacol", 0, Sector(S::Culture)),
    ("sport", 0, Sector(S::Sport)), ("teatr", 0, Sector(S::Culture)),
    ("tedesc", 8, Language(L::German)), ("turis", 0, Sector(S::Hospitality)),
    ("ucrain", 7, Language(L::Ukrainian)), ("uffici", 0, Sector(S::Office)),
    ("ukrainian", 9, Language(L::Ukrainian)), ("vendit", 0, Sector(S::Sales)),
    ("web", 3, Sector(S::Digital)),
];

/// What a folded word stands for, if anything.
pub(crate) fn tag_of(word: &str) -> Option<Tag> {
    tag_of_bytes(word.as_bytes(), word.len())
}

/// `tag_of` for the start of a word (at most `WORD_BYTES`) whose whole length is `len`.
fn tag_of_bytes(word: &[u8], len: usize) -> Option<Tag> {
    let first = *word.first()?;
    let start = TABLE.partition_point(|(stem, ..)| stem.as_bytes()[0] < first);
    TABLE[start..]
        .iter()
        .take_while(|(stem, ..)| stem.as_bytes()[0] == first)
        .find(|(stem, max, _)| word.starts_with(stem.as_bytes()) && (*max == 0 || len <= *max))
        .map(|(.., tag)| *tag)
}

/// A CEFR level written as a word: "b2", "C1".
fn level_of(word: &[u8]) -> Option<Cefr> {
    match word {
        [b'a', b'1'] => Some(Cefr::A1),
        [b'a', b'2'] => Some(Cefr::A2),
        [b'b', b'1'] => Some(Cefr::B1),
        [b'b', b'2'] => Some(Cefr::B2),
        [b'c', b'1'] => Some(Cefr::C1),
        [b'c', b'2'] => Some(Cefr::C2),
        _ => None,
    }
}

/// How many words apart a level or a cue may be from the language it belongs to.
const WINDOW: usize = 4;

/// What one item's text says, as far as a profile is concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Found {
    /// Each language asked for once, with the lowest level written for it.
    pub languages: Vec<(Language, Option<Cefr>)>,
    pub sectors: u16,
    /// The lowest level of education named (listings name alternatives: "diploma o laurea").
    pub education: Option<Education>,
    /// Bit `i`: the profile's skill `i` is mentioned.
    pub skills: u64,
}

/// The key of a stem as `scan_keeping_keys` keeps those of words: a word a stem starts (or, for
/// a stem of one or two bytes, equals) has the stem's key.
pub(crate) fn stem_key(stem: &str) -> u16 {
    key(stem.as_bytes()) as u16
}

impl SkillNeedles {
    /// Whether every stem of some skill has its key among `keys` (sorted): only then can the
    /// text mention that skill.
    pub fn may_match(&self, keys: &[u16]) -> bool {
        self.skills.iter().any(|stems| {
            !stems.is_empty()
                && stems
                    .iter()
                    .all(|stem| keys.binary_search(&stem_key(stem)).is_ok())
        })
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }
}

/// The profile's skills as the scan looks for them (each the stems of its words, all of which
/// must start some word of the text; a stem of one or two letters, like the "b" of "patente
/// B", must be the whole word), and how the words the scan looks at start.
#[derive(Debug, Clone)]
pub(crate) struct SkillNeedles {
    skills: Vec<Vec<String>>,
    /// Bit `key(word)`: some stem, level or skill starts as the word does. Most words start
    /// otherwise, and are passed over at once.
    wanted: Box<[u64; 1024]>,
}

impl Default for SkillNeedles {
    fn default() -> Self {
        Self::new(&[])
    }
}

/// The first three bytes of a lowered word (0 after a shorter word's end), hashed to 16 bits.
/// Every stem the scan looks for is a whole word of one or two bytes ("b2", the "b" of
/// "patente B") or starts with three bytes, so a word is looked at only when its key is a
/// stem's; about one word in ten is.
fn key(word: &[u8]) -> usize {
    let byte = |i: usize| u32::from(word.get(i).copied().unwrap_or(0));
    let three = (byte(0) << 16) | (byte(1) << 8) | byte(2);
    (three.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl SkillNeedles {
    pub fn new(skills: &[String]) -> Self {
        let mut wanted = Box::new([0u64; 1024]);
        let mut want = |stem: &[u8]| {
            if !stem.is_empty() {
                let k = key(stem);
                wanted[k / 64] |= 1 << (k % 64);
            }
        };
        for (stem, ..) in TABLE {
            want(stem.as_bytes());
        }
        for level in ["a1", "a2", "b1", "b2", "c1", "c2"] {
            want(level.as_bytes());
        }
        let mut all = Vec::new();
        for skill in skills.iter().take(64) {
            let stems = crate::search::terms(skill);
            for stem in &stems {
                want(stem.as_bytes());
            }
            all.push(stems);
        }
        SkillNeedles {
            skills: all,
            wanted,
        }
    }

    fn wants(&self, k: usize) -> bool {
        self.wanted[k / 64] & (1 << (k % 64)) != 0
    }
}

/// Scans `texts` as one text.
pub(crate) fn scan(texts: &[&str], needles: &SkillNeedles) -> Found {
    scan_keeping_keys(texts, needles, None)
}

/// `scan`, also putting into `keys` the key of every word (`word_key`), sorted, once each.
pub(crate) fn scan_keeping_keys(
    texts: &[&str],
    needles: &SkillNeedles,
    mut keys: Option<&mut Vec<u16>>,
) -> Found {
    let mut found = Found::default();
    // Per skill, which of its stems were seen.
    let mut seen: Vec<u32> = vec![0; needles.skills.len()];
    // Languages named: the word index, a level if one was near, whether a cue was, and
    // whether the level came before the language (a level after it replaces that one).
    let mut named: Vec<(Language, usize, Option<Cefr>, bool, bool)> = Vec::new();
    let mut last_cue: Option<usize> = None;
    let mut last_level: Option<(Cefr, usize)> = None;
    let mut last_laurea: Option<usize> = None;
    let mut education_named: Vec<(Education, usize)> = Vec::new();
    let mut index = 0usize;
    for text in texts {
        for_each_word(
            text,
            &mut index,
            needles,
            keys.as_deref_mut(),
            |i, word, len| {
                if let Some(level) = level_of(&word[..len.min(WORD_BYTES)]) {
                    // A level after a language is its own ("inglese B2"); one before it ("B2 di
                    // inglese") only until a level follows, and a level belongs to one language.
                    last_level = Some((level, i));
                    if let Some(last) = named.last_mut() {
                        if (last.2.is_none() || last.4) && i - last.1 <= WINDOW {
                            last.2 = Some(level);
                            last.4 = false;
                            last_level = None;
                        }
                    }
                } else {
                    match tag_of_bytes(word, len) {
                        Some(Language(language)) => {
                            let level = last_level
                                .filter(|(_, at)| i - at <= WINDOW)
                                .map(|(l, _)| l);
                            if level.is_some() {
                                last_level = None;
                            }
                            let cue = last_cue.is_some_and(|at| i - at <= WINDOW);
                            named.push((language, i, level, cue, level.is_some()));
                        }
                        Some(Sector(sector)) => found.sectors |= sector.bit(),
                        Some(Education(level)) => {
                            if level == E::Bachelor {
                                last_laurea = Some(i);
                            }
                            education_named.push((level, i));
                        }
                        Some(Master) if last_laurea == Some(i - 1) => {
                            if let Some(last) = education_named.last_mut() {
                                last.0 = E::Master;
                            }
                        }
                        Some(Master) => {}
                        Some(Cue) => last_cue = Some(i),
                        None => {}
                    }
                }
                for (s, stems) in needles.skills.iter().enumerate() {
                    for (k, stem) in stems.iter().enumerate() {
                        let stem = stem.as_bytes();
                        let short = stem.len() <= 2;
                        if word.starts_with(stem) && (!short || len == stem.len()) {
                            seen[s] |= 1 << k;
                        }
                    }
                }
            },
        );
    }
    for (language, _, level, cue, _) in named {
        if level.is_none() && !cue {
            continue;
        }
        match found.languages.iter_mut().find(|(l, _)| *l == language) {
            Some((_, known)) => {
                *known = match (*known, level) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                }
            }
            None => found.languages.push((language, level)),
        }
    }
    found.education = education_named.into_iter().map(|(e, _)| e).min();
    if let Some(keys) = keys {
        keys.sort_unstable();
        keys.dedup();
    }
    for (s, stems) in needles.skills.iter().enumerate() {
        let all = if stems.len() >= 32 {
            u32::MAX
        } else {
            (1u32 << stems.len()) - 1
        };
        if !stems.is_empty() && seen[s] & all == all {
            found.skills |= 1 << s;
        }
    }
    found
}

/// The most bytes of a word the scan compares: longer words are compared by their start.
const WORD_BYTES: usize = 24;

/// Bytes that make up words: ASCII letters and digits, and every byte of a non-ASCII letter
/// (an accented letter never starts a stem, and the stems stop before one: "sanit" finds
/// "sanità").
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    table
};

/// Counts the words of `text` on from `index`, and calls `f` with the index, the start of the
/// word in lower case and its length in bytes, for each word whose first two bytes the
/// needles want. HTML tags (`<li>`, `</strong>`) are not words.
fn for_each_word(
    text: &str,
    index: &mut usize,
    needles: &SkillNeedles,
    mut keys: Option<&mut Vec<u16>>,
    mut f: impl FnMut(usize, &[u8], usize),
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut lowered = [0u8; WORD_BYTES];
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<'
            && bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/')
        {
            i += bytes[i..]
                .iter()
                .position(|&c| c == b'>')
                .unwrap_or(bytes.len() - i);
            continue;
        }
        if !WORD_BYTE[b as usize] {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && WORD_BYTE[bytes[i] as usize] {
            i += 1;
        }
        *index += 1;
        let len = i - start;
        let shown = len.min(WORD_BYTES);
        for (to, from) in lowered[..shown]
            .iter_mut()
            .zip(&bytes[start..start + shown])
        {
            *to = from.to_ascii_lowercase();
        }
        let key = key(&lowered[..shown]);
        if let Some(keys) = keys.as_deref_mut() {
            keys.push(key as u16);
        }
        if needles.wants(key) {
            f(*index, &lowered[..shown], len);
        }
    }
}

#[cfg(test)]
pub(crate) const TABLE_FOR_TESTS: &[(&str, usize, Tag)] = TABLE;
