//! One page per route.

mod about;
mod appointments;
mod calls;
mod cv;
mod directory;
pub(crate) mod events;
mod expert;
pub(crate) mod for_you;
mod guides;
pub(crate) mod home;
pub mod labs;
mod news;
mod not_found;
pub(crate) mod opportunities;
pub mod proposals;
pub mod recruiting_days;
mod saved;
pub(crate) mod search;
mod step_order;

pub use about::About;
pub use appointments::Appointments;
pub use calls::{CallDetail, CallList};
pub use cv::{CvEditor, CvHome, LetterEditor, NewLetter};
pub use directory::Directory;
pub use events::Events;
pub use expert::{Expert, ExpertAnswer};
pub use for_you::{bank::CvBankPage, ForYouPage};
pub use guides::{GuideHub, GuideReader};
pub use home::Home;
pub use news::{NewsDetail, NewsList};
pub use not_found::NotFound;
pub use opportunities::{OpportunityDetail, OpportunityList};
pub use proposals::{ConfirmSignUp, NewProposal, ProposalEditor, ProposalHome, ProposalPrint};
pub use saved::SavedItems;
pub use search::Search;
pub(crate) use step_order::StepOrder;
