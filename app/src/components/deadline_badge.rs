use chrono::NaiveDate;
use leptos::prelude::*;
use sito_core::dates::deadline_label;

/// The deadline of an item as words ("Scade tra 3 giorni"), marked urgent within a week.
#[component]
pub fn DeadlineBadge(
    /// The last day to apply.
    deadline: NaiveDate,
    /// The day it is on the device.
    today: NaiveDate,
) -> impl IntoView {
    let days = (deadline - today).num_days();
    let class = match days {
        d if d < 0 => "deadline expired",
        d if d <= 7 => "deadline urgent",
        _ => "deadline",
    };
    view! {
        <span class=class>
            <time datetime=deadline.to_string()>{deadline_label(deadline, today)}</time>
        </span>
    }
}
