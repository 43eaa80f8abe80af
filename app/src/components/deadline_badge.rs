use chrono::NaiveDate;
use leptos::prelude::*;

use crate::{dates::long_date, i18n::*};

/// The deadline of an item as words ("Scade tra 3 giorni"), marked urgent within a week.
#[component]
pub fn DeadlineBadge(
    /// The last day to apply.
    deadline: NaiveDate,
    /// The day it is on the device.
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let days = (deadline - today).num_days();
    let class = match days {
        d if d < 0 => "deadline expired",
        d if d <= 7 => "deadline urgent",
        _ => "deadline",
    };
    let label = move || {
        let date = long_date(deadline, i18n.get_locale());
        match days {
            d if d < 0 => t_string!(i18n, deadline.expired, date = date).to_string(),
            0 => t_string!(i18n, deadline.today).to_string(),
            1 => t_string!(i18n, deadline.tomorrow).to_string(),
            d if d <= 30 => t_string!(i18n, deadline.in_days, n = d).to_string(),
            _ => t_string!(i18n, deadline.on, date = date).to_string(),
        }
    };
    view! {
        <span class=class>
            <time datetime=deadline.to_string()>{label}</time>
        </span>
    }
}
