//! The interface's words for domain values, in the current locale.

use sito_core::{District, GuideArea, OpportunityKind, OrganisationCategory};

use leptos_i18n::I18nContext;

use crate::i18n::*;

pub fn kind(i18n: I18nContext<Locale>, kind: OpportunityKind) -> &'static str {
    kind_in(i18n.get_locale(), kind)
}

/// The same in a given locale, without the page's context.
pub fn kind_in(locale: Locale, kind: OpportunityKind) -> &'static str {
    match kind {
        OpportunityKind::Job => td_string!(locale, kind.job),
        OpportunityKind::Internship => td_string!(locale, kind.internship),
        OpportunityKind::Volunteering => td_string!(locale, kind.volunteering),
        OpportunityKind::WorkCamp => td_string!(locale, kind.work_camp),
        OpportunityKind::Training => td_string!(locale, kind.training),
        OpportunityKind::Mobility => td_string!(locale, kind.mobility),
        OpportunityKind::Call => td_string!(locale, kind.call),
        OpportunityKind::Event => td_string!(locale, kind.event),
    }
}

pub fn district(i18n: I18nContext<Locale>, district: District) -> &'static str {
    match district {
        District::Cremona => "Cremona",
        District::Crema => "Crema",
        District::Casalmaggiore => "Casalmaggiore",
        District::Province => t_string!(i18n, district.province),
        District::Italy => t_string!(i18n, district.italy),
        District::Abroad => t_string!(i18n, district.abroad),
    }
}

pub fn area(i18n: I18nContext<Locale>, area: GuideArea) -> &'static str {
    match area {
        GuideArea::JobSearch => t_string!(i18n, area.job_search),
        GuideArea::Information => t_string!(i18n, area.information),
        GuideArea::Professions => t_string!(i18n, area.professions),
    }
}

pub fn category(i18n: I18nContext<Locale>, category: OrganisationCategory) -> &'static str {
    match category {
        OrganisationCategory::EmploymentCentre => t_string!(i18n, category.employment_centre),
        OrganisationCategory::Informagiovani => "Informagiovani",
        OrganisationCategory::Training => t_string!(i18n, category.training),
        OrganisationCategory::Union => t_string!(i18n, category.union),
        OrganisationCategory::EmployerAssociation => {
            t_string!(i18n, category.employer_association)
        }
        OrganisationCategory::VolunteeringCentre => t_string!(i18n, category.volunteering_centre),
        OrganisationCategory::SocialCooperative => t_string!(i18n, category.social_cooperative),
        OrganisationCategory::PublicService => t_string!(i18n, category.public_service),
        OrganisationCategory::SchoolUniversity => t_string!(i18n, category.school_university),
    }
}

/// The BCP 47 tag of the locale, for `Intl` and `<html lang>`.
pub fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::it => "it-IT",
        Locale::en => "en-GB",
    }
}
