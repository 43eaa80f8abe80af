//! The opportunities list's filters and sort, and their form in the URL, so that a search can be
//! shared as a link (`/opportunita?tipo=volontariato&territorio=crema&q=biblioteca`).

use chrono::NaiveDate;
use strum::{AsRefStr, IntoStaticStr};

use crate::{
    opportunity::{list_order, District, Opportunity, OpportunityKind},
    search::{weight, SearchIndex},
};

/// The strum names are the order in shareable URLs (`?ordine=recenti`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, IntoStaticStr, AsRefStr)]
pub enum SortOrder {
    /// Nearest deadline first, expired last.
    #[default]
    #[strum(serialize = "scadenza")]
    Deadline,
    /// Most recently published or updated first.
    #[strum(serialize = "recenti")]
    Newest,
}

/// What the young person asked the list for. Every field is optional; the default shows every
/// open opportunity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpportunityFilter {
    /// Empty means every kind.
    pub kinds: Vec<OpportunityKind>,
    pub district: Option<District>,
    /// Only deadlines within this many days from today.
    pub within_days: Option<u32>,
    /// Only opportunities open to someone of this age.
    pub age: Option<u8>,
    /// Free text, searched accent- and case-insensitively.
    pub text: String,
    pub include_expired: bool,
    pub sort: SortOrder,
}

impl OpportunityFilter {
    /// Reads the filter from URL query pairs; values it does not understand are ignored, so an
    /// old or mistyped link still opens a list.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut f = Self::default();
        for (key, value) in pairs {
            match key {
                "tipo" => f.kinds.extend(
                    value
                        .split(',')
                        .filter_map(|s| s.parse::<OpportunityKind>().ok()),
                ),
                "territorio" => f.district = value.parse::<District>().ok().or(f.district),
                "entro" => {
                    f.within_days = value.parse().ok().filter(|d| *d <= 366).or(f.within_days)
                }
                "eta" => {
                    f.age = value
                        .parse()
                        .ok()
                        .filter(|a| (14..=99).contains(a))
                        .or(f.age)
                }
                "q" => f.text = value.trim().to_owned(),
                "scadute" => f.include_expired = value == "1",
                "ordine" if value == SortOrder::Newest.as_ref() => f.sort = SortOrder::Newest,
                _ => {}
            }
        }
        f.kinds.sort();
        f.kinds.dedup();
        f
    }

    /// The query pairs that reproduce this filter (empty for the default).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if !self.text.is_empty() {
            q.push(("q", self.text.clone()));
        }
        if !self.kinds.is_empty() {
            let kinds: Vec<_> = self.kinds.iter().map(|k| k.as_ref()).collect();
            q.push(("tipo", kinds.join(",")));
        }
        if let Some(d) = self.district {
            q.push(("territorio", d.as_ref().to_owned()));
        }
        if let Some(days) = self.within_days {
            q.push(("entro", days.to_string()));
        }
        if let Some(age) = self.age {
            q.push(("eta", age.to_string()));
        }
        if self.include_expired {
            q.push(("scadute", "1".to_owned()));
        }
        if self.sort != SortOrder::Deadline {
            q.push(("ordine", self.sort.as_ref().to_owned()));
        }
        q
    }

    /// Whether `o` passes every filter but the free text.
    pub fn matches(&self, o: &Opportunity, today: NaiveDate) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&o.kind))
            && self.district.is_none_or(|d| o.district == d)
            && (self.include_expired || o.is_open_on(today))
            && self.within_days.is_none_or(|days| {
                o.days_to_deadline(today)
                    .is_some_and(|left| (0..=i64::from(days)).contains(&left))
            })
            && self.age.is_none_or(|age| {
                o.age_min.is_none_or(|min| age >= min) && o.age_max.is_none_or(|max| age <= max)
            })
    }
}

/// The search fields of an opportunity, for [`SearchIndex::build`].
pub fn opportunity_fields(o: &Opportunity) -> [(&str, u8); 5] {
    [
        (o.title.as_str(), weight::TITLE),
        (o.organisation.as_str(), weight::SUBTITLE),
        (o.place.as_str(), weight::SUBTITLE),
        (o.summary.as_str(), weight::SUBTITLE),
        (o.description_html.as_str(), weight::BODY),
    ]
}

/// Applies `filter` to `items` and returns the matching positions: by relevance when there is
/// text, otherwise in the chosen order. `index` (over `items`, in order) is asked for only when
/// there is text to search.
pub fn apply<'a>(
    items: &[Opportunity],
    index: impl FnOnce() -> &'a SearchIndex,
    filter: &OpportunityFilter,
    today: NaiveDate,
) -> Vec<usize> {
    if !filter.text.is_empty() {
        return index()
            .search(&filter.text)
            .into_iter()
            .map(|hit| hit.document)
            .filter(|&i| filter.matches(&items[i], today))
            .collect();
    }
    let mut chosen: Vec<usize> = (0..items.len())
        .filter(|&i| filter.matches(&items[i], today))
        .collect();
    match filter.sort {
        SortOrder::Deadline => chosen.sort_by(|&a, &b| list_order(&items[a], &items[b], today)),
        SortOrder::Newest => {
            chosen.sort_by(|&a, &b| {
                let (a, b) = (&items[a], &items[b]);
                b.updated_at
                    .cmp(&a.updated_at)
                    .then_with(|| a.id.cmp(&b.id))
            });
        }
    }
    chosen
}

#[cfg(test)]
mod tests;
