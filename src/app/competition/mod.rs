//! The competition aggregate: set-up and lifecycle. Creating, editing, cloning and moving a
//! competition through its statuses ([`lifecycle`]), editing its stages, criteria, document
//! checklist and prize table ([`setup`]), the built-in templates ([`templates`]), and the
//! rules of who may change what when ([`rules`]), and the time zone its times are typed and
//! read in ([`zone`]). HTML and JSON handlers call these same functions; refusals are one
//! [`Error`] type.

pub mod changes;
pub mod error;
pub mod lifecycle;
pub mod published;
pub mod rules;
pub mod rules_history;
pub mod rules_layout;
pub mod setup;
pub mod templates;
pub mod tie_breaks;
pub mod zone;

pub use error::{Error, FieldErrors, Outcome};
pub use rules::status_of;
