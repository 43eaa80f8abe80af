//! Why an item is where it is in "Per te": one typed reason per criterion used, with its
//! verdict, its points and its words in Italian (and English).

use chrono::NaiveDate;

use crate::{
    cv::Cefr,
    dates::format_it,
    opportunity::{District, OpportunityKind},
};

use super::words::{Education, Language, Reach, Sector};

/// What a reason is about. A profile sets each criterion or leaves it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Criterion {
    District,
    Kind,
    Age,
    Deadline,
    Period,
    Sector,
    Education,
    Language,
    Skill,
}

/// A reason's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Met,
    /// Not met: fewer points, still listed.
    Unmet,
    /// A hard mismatch: the item goes below every item without one.
    Excluded,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Where the item is, seen from the young person's district.
    District {
        item: District,
        home: District,
        within: bool,
    },
    Kind {
        kind: OpportunityKind,
        wanted: bool,
    },
    Age {
        min: Option<u8>,
        max: Option<u8>,
        yours: u8,
    },
    /// The deadline has passed (the only way a deadline is a criterion).
    Expired {
        deadline: Option<NaiveDate>,
    },
    /// When the item happens, against when the young person is free.
    Period {
        starts_on: Option<NaiveDate>,
        ends_on: Option<NaiveDate>,
        fits: bool,
    },
    Sector {
        sector: Sector,
        wanted: bool,
    },
    Education {
        needed: Education,
        yours: Education,
    },
    Language {
        language: Language,
        needed: Option<Cefr>,
        yours: Option<Cefr>,
    },
    /// One of the young person's skills, named by the item.
    Skill {
        skill: String,
    },
}

impl Reason {
    pub fn criterion(&self) -> Criterion {
        match self {
            Reason::District { .. } => Criterion::District,
            Reason::Kind { .. } => Criterion::Kind,
            Reason::Age { .. } => Criterion::Age,
            Reason::Expired { .. } => Criterion::Deadline,
            Reason::Period { .. } => Criterion::Period,
            Reason::Sector { .. } => Criterion::Sector,
            Reason::Education { .. } => Criterion::Education,
            Reason::Language { .. } => Criterion::Language,
            Reason::Skill { .. } => Criterion::Skill,
        }
    }

    pub fn fit(&self) -> Fit {
        let met = |ok: bool| if ok { Fit::Met } else { Fit::Unmet };
        match self {
            Reason::District { within, .. } => hard(*within),
            Reason::Kind { wanted, .. } => met(*wanted),
            Reason::Age { min, max, yours } => hard(age_fits(*min, *max, *yours)),
            Reason::Expired { .. } => Fit::Excluded,
            Reason::Period { fits, .. } => met(*fits),
            Reason::Sector { wanted, .. } => met(*wanted),
            Reason::Education { needed, yours } => met(yours >= needed),
            Reason::Language { needed, yours, .. } => {
                met(yours.is_some_and(|y| needed.is_none_or(|n| y >= n)))
            }
            Reason::Skill { .. } => Fit::Met,
        }
    }

    /// What the reason adds to the item's rank: nothing unless met.
    pub fn points(&self) -> u32 {
        if self.fit() != Fit::Met {
            return 0;
        }
        match self {
            Reason::District { item, home, .. } => match Reach::needed(*home, *item) {
                Reach::District if item == home => 3,
                Reach::District | Reach::Neighbours => 2,
                Reach::Province | Reach::Anywhere => 1,
            },
            Reason::Kind { .. } => 3,
            Reason::Sector { .. } | Reason::Language { .. } | Reason::Skill { .. } => 2,
            Reason::Age { .. } | Reason::Period { .. } | Reason::Education { .. } => 1,
            Reason::Expired { .. } => 0,
        }
    }

    /// The reason in Italian: "Crema", "tirocinio", "richiede inglese B2: tu B2".
    pub fn label_it(&self) -> String {
        match self {
            Reason::District { item, within, .. } => {
                let place = item.label_it();
                if *within {
                    place.to_owned()
                } else {
                    format!("{place}: oltre la distanza che hai scelto")
                }
            }
            Reason::Kind { kind, wanted } => {
                let kind = lower_first(kind.label_it());
                if *wanted {
                    kind
                } else {
                    format!("{kind}: non tra i tipi che hai scelto")
                }
            }
            Reason::Age { min, max, yours } => {
                let range = match (min, max) {
                    (Some(a), Some(b)) => format!("età {a}–{b} anni"),
                    (Some(a), None) => format!("età da {a} anni"),
                    (None, Some(b)) => format!("età fino a {b} anni"),
                    (None, None) => "età".to_owned(),
                };
                format!("{range}: tu {yours}")
            }
            Reason::Expired { deadline } => match deadline {
                Some(d) => format!("scaduta il {}", format_it(*d)),
                None => "scaduta".to_owned(),
            },
            Reason::Period {
                starts_on,
                ends_on,
                fits,
            } => {
                let when = period(*starts_on, *ends_on, format_it, "dal", "al");
                if *fits {
                    format!("{when}: nelle tue date")
                } else {
                    format!("{when}: fuori dalle tue date")
                }
            }
            Reason::Sector { sector, wanted } => {
                if *wanted {
                    format!("settore {}", sector.label_it())
                } else {
                    format!(
                        "settore {}: non tra quelli che hai scelto",
                        sector.label_it()
                    )
                }
            }
            Reason::Education { needed, yours } => {
                format!("richiede {}: tu {}", needed.label_it(), yours.label_it())
            }
            Reason::Language {
                language,
                needed,
                yours,
            } => {
                let level = needed
                    .map(|n| format!(" {}", <&str>::from(n)))
                    .unwrap_or_default();
                let yours = yours.map_or("non indicato", <&str>::from);
                format!("richiede {}{level}: tu {yours}", language.label_it())
            }
            Reason::Skill { skill } => format!("{skill}: tra le tue competenze"),
        }
    }

    /// The reason in English: "Crema", "internship", "asks for English B2: you B2".
    pub fn label_en(&self) -> String {
        match self {
            Reason::District { item, within, .. } => {
                let place = district_en(*item);
                if *within {
                    place.to_owned()
                } else {
                    format!("{place}: further than you chose to travel")
                }
            }
            Reason::Kind { kind, wanted } => {
                let kind = kind_en(*kind);
                if *wanted {
                    kind.to_owned()
                } else {
                    format!("{kind}: not among the kinds you chose")
                }
            }
            Reason::Age { min, max, yours } => {
                let range = match (min, max) {
                    (Some(a), Some(b)) => format!("ages {a}–{b}"),
                    (Some(a), None) => format!("ages {a} and over"),
                    (None, Some(b)) => format!("ages up to {b}"),
                    (None, None) => "age".to_owned(),
                };
                format!("{range}: you {yours}")
            }
            Reason::Expired { deadline } => match deadline {
                Some(d) => format!("closed on {}", d.format("%-d %B %Y")),
                None => "closed".to_owned(),
            },
            Reason::Period {
                starts_on,
                ends_on,
                fits,
            } => {
                let english = |d: NaiveDate| d.format("%-d %B %Y").to_string();
                let when = period(*starts_on, *ends_on, english, "from", "to");
                if *fits {
                    format!("{when}: within your dates")
                } else {
                    format!("{when}: outside your dates")
                }
            }
            Reason::Sector { sector, wanted } => {
                if *wanted {
                    sector.label_en().to_owned()
                } else {
                    format!("{}: not among the sectors you chose", sector.label_en())
                }
            }
            Reason::Education { needed, yours } => {
                format!("asks for {}: you {}", needed.label_en(), yours.label_en())
            }
            Reason::Language {
                language,
                needed,
                yours,
            } => {
                let level = needed
                    .map(|n| format!(" {}", <&str>::from(n)))
                    .unwrap_or_default();
                let yours = yours.map_or("not given", <&str>::from);
                format!("asks for {}{level}: you {yours}", language.label_en())
            }
            Reason::Skill { skill } => format!("{skill}: one of your skills"),
        }
    }
}

fn hard(ok: bool) -> Fit {
    if ok {
        Fit::Met
    } else {
        Fit::Excluded
    }
}

pub(super) fn age_fits(min: Option<u8>, max: Option<u8>, age: u8) -> bool {
    min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn period(
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    format: impl Fn(NaiveDate) -> String,
    from: &str,
    to: &str,
) -> String {
    match (starts_on, ends_on) {
        (Some(s), Some(e)) => format!("{from} {} {to} {}", format(s), format(e)),
        (Some(s), None) => format!("{from} {}", format(s)),
        (None, Some(e)) => format!("{to} {}", format(e)),
        (None, None) => String::new(),
    }
}

fn district_en(district: District) -> &'static str {
    match district {
        District::Province => "Whole province",
        District::Italy => "Italy",
        District::Abroad => "Abroad",
        other => other.label_it(),
    }
}

fn kind_en(kind: OpportunityKind) -> &'static str {
    match kind {
        OpportunityKind::Job => "job",
        OpportunityKind::Internship => "internship",
        OpportunityKind::Volunteering => "volunteering",
        OpportunityKind::WorkCamp => "work camp",
        OpportunityKind::Training => "training",
        OpportunityKind::Mobility => "mobility abroad",
        OpportunityKind::Call => "call for youth projects",
        OpportunityKind::Event => "event",
    }
}
