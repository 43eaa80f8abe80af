//! The six steps of the proposal form, numbered as in the address (`/proposte/{id}?passo=1…6`).

use leptos_i18n::I18nContext;
use strum::{EnumIter, FromRepr, IntoEnumIterator};

use crate::{i18n::*, routes::StepOrder};

/// One step of the form; its number is the one in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, FromRepr)]
#[repr(usize)]
pub enum Step {
    /// The group and its partners.
    Group = 1,
    /// Needs and objectives.
    Needs,
    /// Actions and work phases.
    Actions,
    /// The budget.
    Budget,
    /// Results, indicators and reporting.
    Results,
    /// Check and send.
    Review,
}

impl StepOrder for Step {
    const FIRST: Step = Step::Group;
    const LAST: Step = Step::Review;

    fn numbered(n: usize) -> Option<Step> {
        Step::from_repr(n)
    }

    fn number(self) -> usize {
        self as usize
    }
}

impl Step {
    /// Where core's check puts a field (`budget.lines.0.unit_cost` → the budget).
    pub fn of_field(field: &sito_core::validation::FieldPath) -> Step {
        Step::from_number(sito_core::proposal::step_of(field))
    }

    pub fn all() -> impl Iterator<Item = Step> {
        Step::iter()
    }

    /// The step's page of proposal `id`.
    pub fn href(self, id: &str) -> String {
        format!("/proposte/{id}?passo={}", self.number())
    }

    pub fn title(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            Step::Group => t_string!(i18n, proposals.step1),
            Step::Needs => t_string!(i18n, proposals.step2),
            Step::Actions => t_string!(i18n, proposals.step3),
            Step::Budget => t_string!(i18n, proposals.step4),
            Step::Results => t_string!(i18n, proposals.step5),
            Step::Review => t_string!(i18n, proposals.step6),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Step, StepOrder};

    #[test]
    fn numbers_are_the_addresses_and_out_of_range_is_the_nearest_step() {
        assert_eq!(
            Step::all().map(Step::number).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        assert_eq!(Step::from_number(0), Step::Group);
        assert_eq!(Step::from_number(4), Step::Budget);
        assert_eq!(Step::from_number(9), Step::Review);
        assert_eq!(Step::parse("5"), Some(Step::Results));
        assert_eq!(Step::parse("cinque"), None);
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(Step::Group.previous(), None);
        assert_eq!(Step::Group.next(), Some(Step::Needs));
        assert_eq!(Step::Review.previous(), Some(Step::Results));
        assert_eq!(Step::Review.next(), None);
    }

    #[test]
    fn fields_lead_to_their_step() {
        assert_eq!(Step::of_field(&"partners.0.name".into()), Step::Group);
        assert_eq!(
            Step::of_field(&"budget.lines.1.unit_cost".into()),
            Step::Budget
        );
        assert_eq!(Step::of_field(&"reporting".into()), Step::Results);
        assert_eq!(Step::of_field(&"call_id".into()), Step::Review);
        assert_eq!(Step::Budget.href("p1"), "/proposte/p1?passo=4");
    }
}
