//! The eight steps of the CV, numbered as in the address (`/cv/{id}?passo=1…8`).

use leptos_i18n::I18nContext;
use strum::{EnumIter, FromRepr};

use crate::{i18n::*, routes::StepOrder};

/// One step of the CV; its number is the one in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, FromRepr)]
#[repr(usize)]
pub enum Step {
    Personal = 1,
    Profile,
    Work,
    Education,
    Languages,
    Skills,
    /// Volunteering and interests.
    Volunteering,
    /// Check, print and export.
    Review,
}

impl StepOrder for Step {
    const FIRST: Step = Step::Personal;
    const LAST: Step = Step::Review;

    fn numbered(n: usize) -> Option<Step> {
        Step::from_repr(n)
    }

    fn number(self) -> usize {
        self as usize
    }
}

impl Step {
    /// The step's page of CV `id`.
    pub fn href(self, id: &str) -> String {
        format!("/cv/{id}?passo={}", self.number())
    }

    pub fn title(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            Step::Personal => t_string!(i18n, cv.step1),
            Step::Profile => t_string!(i18n, cv.step2),
            Step::Work => t_string!(i18n, cv.step3),
            Step::Education => t_string!(i18n, cv.step4),
            Step::Languages => t_string!(i18n, cv.step5),
            Step::Skills => t_string!(i18n, cv.step6),
            Step::Volunteering => t_string!(i18n, cv.step7),
            Step::Review => t_string!(i18n, cv.step8),
        }
    }

    /// The guide's tip for the step.
    pub fn tip(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            Step::Personal => t_string!(i18n, cv.tip1),
            Step::Profile => t_string!(i18n, cv.tip2),
            Step::Work => t_string!(i18n, cv.tip3),
            Step::Education => t_string!(i18n, cv.tip4),
            Step::Languages => t_string!(i18n, cv.tip5),
            Step::Skills => t_string!(i18n, cv.tip6),
            Step::Volunteering => t_string!(i18n, cv.tip7),
            Step::Review => t_string!(i18n, cv.tip8),
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::{Step, StepOrder};

    #[test]
    fn numbers_are_the_addresses_and_out_of_range_is_the_nearest_step() {
        assert_eq!(
            Step::iter().map(Step::number).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6, 7, 8]
        );
        assert_eq!(Step::parse("tre"), None);
        assert_eq!(Step::parse("0"), Some(Step::Personal));
        assert_eq!(Step::parse("5"), Some(Step::Languages));
        assert_eq!(Step::parse("12"), Some(Step::Review));
        assert_eq!(Step::Work.href("c1"), "/cv/c1?passo=3");
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(Step::Personal.previous(), None);
        assert_eq!(Step::Personal.next(), Some(Step::Profile));
        assert_eq!(Step::Review.previous(), Some(Step::Volunteering));
        assert_eq!(Step::Review.next(), None);
    }
}
