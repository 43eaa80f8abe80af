//! Building blocks shared by the routes.

mod bottom_nav;
mod deadline_badge;
mod header;
mod opportunity_card;
mod sync_status;

pub use bottom_nav::BottomNav;
pub use deadline_badge::DeadlineBadge;
pub use header::Header;
pub use opportunity_card::OpportunityCard;
pub use sync_status::SyncStatusLine;
