//! The framework-free heart of SI.T.O. Giovani: content types, their validation, the sync
//! protocol messages and the problem+json error shape. Compiles natively and to wasm32; the
//! app and the worker both depend on it so that they can never disagree.

pub mod dates;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod opportunity;
pub mod problem;
pub mod sync;
pub mod validation;

pub use opportunity::{District, Opportunity, OpportunityInput, OpportunityKind};
pub use problem::Problem;
pub use sync::{Change, ContentKind, PullRequest, PullResponse, PROTOCOL_VERSION};
pub use validation::{FieldError, ValidationErrors};
