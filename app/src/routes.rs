//! One page per route.

mod about;
mod cv;
mod directory;
mod events;
mod expert;
mod guides;
mod home;
mod news;
mod not_found;
mod opportunities;
mod saved;
mod search;

pub use about::About;
pub use cv::{CvEditor, CvHome, LetterEditor, NewLetter};
pub use directory::Directory;
pub use events::Events;
pub use expert::{Expert, ExpertAnswer};
pub use guides::{GuideHub, GuideReader};
pub use home::Home;
pub use news::{NewsDetail, NewsList};
pub use not_found::NotFound;
pub use opportunities::{OpportunityDetail, OpportunityList};
pub use saved::SavedItems;
pub use search::Search;
