//! The framework-free heart of SI.T.O. Giovani: content types, their validation, the sync
//! protocol messages and the problem+json error shape. Compiles natively and to wasm32; the
//! app and the worker both depend on it so that they can never disagree.

pub mod account;
pub mod api;
pub mod appointment;
pub mod bank;
pub mod budget;
pub mod calendar;
pub mod call;
pub mod code;
pub mod content;
pub mod csv_cell;
pub mod cv;
pub mod dates;
pub mod desk;
pub mod filter;
pub mod guide;
pub mod jsonld;
pub mod lab;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod matching;
pub mod monitoring;
pub mod news;
pub mod opportunity;
pub mod organisation;
pub mod problem;
pub mod proposal;
pub mod question;
pub mod recruiting;
pub mod search;
pub mod stored;
pub mod sync;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod time;
pub mod validation;

pub use call::{Call, CallInput};
pub use content::{Content, PublishMeta};
pub use guide::{Guide, GuideArea, GuideInput};
pub use news::{News, NewsInput};
pub use opportunity::{District, Opportunity, OpportunityInput, OpportunityKind};
pub use organisation::{Organisation, OrganisationCategory, OrganisationInput};
pub use problem::Problem;
pub use question::{Answer, AnswerInput};
/// The lists of core's enums (`OpportunityKind::VARIANTS`), derived with strum: re-exported so
/// that the app and the worker need no strum of their own.
pub use strum::VariantArray;
pub use sync::{Change, ContentKind, PullRequest, PullResponse, PROTOCOL_VERSION};
pub use validation::{FieldError, ValidationErrors};
