//! The values a profile is made of (languages, sectors, education levels, how far one travels)
//! and the words by which an item's text names them.

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::opportunity::District;

/// How far the young person can travel from their district. The province's three districts lie
/// in a line, Crema – Cremona – Casalmaggiore, about 35–40 km apart from one centre to the next
/// (an hour by regional train or bus): the measure is that line, because an item says only its
/// district, never an address, and a distance finer than the district would be a guess.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Reach {
    /// Only my own district.
    District,
    /// My district and the one next to it (about 40 km).
    Neighbours,
    /// The whole province (up to about 75 km, Crema to Casalmaggiore).
    #[default]
    Province,
    /// Anywhere: the rest of Italy and abroad too.
    Anywhere,
}

impl Reach {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::District => "Solo il mio territorio",
            Self::Neighbours => "Anche il territorio vicino (circa 40 km)",
            Self::Province => "Tutta la provincia",
            Self::Anywhere => "Anche fuori provincia e all'estero",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::District => "Only my own area",
            Self::Neighbours => "The next area too (about 40 km)",
            Self::Province => "The whole province",
            Self::Anywhere => "Outside the province and abroad too",
        }
    }

    /// The least reach at which an item in `item` is within travel of someone in `home` (one
    /// of the three districts); `None` for a place the province's districts do not name.
    pub fn needed(home: District, item: District) -> Reach {
        use District::*;
        match (home, item) {
            (_, Province) => Reach::District,
            (a, b) if a == b => Reach::District,
            (Cremona, Crema | Casalmaggiore) | (Crema | Casalmaggiore, Cremona) => {
                Reach::Neighbours
            }
            (_, Cremona | Crema | Casalmaggiore) => Reach::Province,
            _ => Reach::Anywhere,
        }
    }
}

/// Languages the province's listings ask for, with the Italian and English names by which a
/// text or a CV names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Language {
    Italian,
    English,
    French,
    German,
    Spanish,
    Portuguese,
    Romanian,
    Albanian,
    Arabic,
    Chinese,
    Ukrainian,
    Russian,
}

impl Language {
    /// The adjective as listings write it: "inglese".
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Italian => "italiano",
            Self::English => "inglese",
            Self::French => "francese",
            Self::German => "tedesco",
            Self::Spanish => "spagnolo",
            Self::Portuguese => "portoghese",
            Self::Romanian => "rumeno",
            Self::Albanian => "albanese",
            Self::Arabic => "arabo",
            Self::Chinese => "cinese",
            Self::Ukrainian => "ucraino",
            Self::Russian => "russo",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Italian => "Italian",
            Self::English => "English",
            Self::French => "French",
            Self::German => "German",
            Self::Spanish => "Spanish",
            Self::Portuguese => "Portuguese",
            Self::Romanian => "Romanian",
            Self::Albanian => "Albanian",
            Self::Arabic => "Arabic",
            Self::Chinese => "Chinese",
            Self::Ukrainian => "Ukrainian",
            Self::Russian => "Russian",
        }
    }

    /// The language a CV's free text names ("Inglese", "english", "Lingua tedesca").
    pub fn from_name(name: &str) -> Option<Language> {
        crate::search::fold(name)
            .split(|c: char| !c.is_alphanumeric())
            .find_map(|word| match super::detect::tag_of(word) {
                Some(super::detect::Tag::Language(language)) => Some(language),
                _ => None,
            })
    }
}

/// Broad sectors of work, recognised in an item's text by a few word stems each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Sector {
    Social,
    Sales,
    Hospitality,
    Digital,
    Office,
    Logistics,
    Environment,
    Culture,
    Health,
    Sport,
}

impl Sector {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Social => "sociale ed educativo",
            Self::Sales => "commercio e vendite",
            Self::Hospitality => "ristorazione e turismo",
            Self::Digital => "informatica e digitale",
            Self::Office => "amministrazione e ufficio",
            Self::Logistics => "industria e logistica",
            Self::Environment => "agricoltura e ambiente",
            Self::Culture => "cultura e spettacolo",
            Self::Health => "sanità",
            Self::Sport => "sport",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::Social => "social work and education",
            Self::Sales => "retail and sales",
            Self::Hospitality => "hospitality and tourism",
            Self::Digital => "IT and digital",
            Self::Office => "administration and office",
            Self::Logistics => "industry and logistics",
            Self::Environment => "farming and environment",
            Self::Culture => "culture and the arts",
            Self::Health => "health care",
            Self::Sport => "sport",
        }
    }

    /// A bit of a set of sectors.
    pub(super) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Levels of education, lowest first, as Italian listings ask for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Education {
    /// Licenza media.
    LowerSecondary,
    /// Qualifica professionale (three-year vocational course).
    Qualification,
    /// Diploma di scuola superiore.
    Diploma,
    /// Laurea triennale.
    Bachelor,
    /// Laurea magistrale.
    Master,
    /// Dottorato di ricerca.
    Doctorate,
}

impl Education {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::LowerSecondary => "licenza media",
            Self::Qualification => "qualifica professionale",
            Self::Diploma => "diploma",
            Self::Bachelor => "laurea",
            Self::Master => "laurea magistrale",
            Self::Doctorate => "dottorato",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Self::LowerSecondary => "lower secondary school",
            Self::Qualification => "vocational qualification",
            Self::Diploma => "upper secondary diploma",
            Self::Bachelor => "bachelor's degree",
            Self::Master => "master's degree",
            Self::Doctorate => "doctorate",
        }
    }
}

/// The first sector of a set, in the order of `Sector::VARIANTS`.
pub(super) fn first_sector(set: u16) -> Sector {
    Sector::VARIANTS
        .iter()
        .copied()
        .find(|s| set & s.bit() != 0)
        .unwrap_or(Sector::Social)
}
