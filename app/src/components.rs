//! Building blocks shared by the routes.

mod actions;
mod bottom_nav;
mod confirm_dialog;
mod deadline_badge;
pub mod header;
mod opportunity_card;
mod search_box;
mod show_more;
mod sync_status;
mod with_catalog;

pub use actions::{save_file, CalendarButton, SaveButton, ShareButton};
pub use bottom_nav::BottomNav;
pub use confirm_dialog::ConfirmDialog;
pub use deadline_badge::DeadlineBadge;
pub use header::Header;
pub use opportunity_card::OpportunityCard;
pub use search_box::{SearchBox, SEARCH_FORM};
pub use show_more::ShowMore;
pub use sync_status::SyncStatusLine;
pub use with_catalog::{Provenance, StoreProblem, WithCatalog};
