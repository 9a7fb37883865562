//! Entity types under short names.

pub use super::api_token::Entity as ApiToken;
pub use super::app_meta::Entity as AppMeta;
pub use super::audit_event::Entity as AuditEvent;
pub use super::competition::Entity as Competition;
pub use super::criterion::Entity as Criterion;
pub use super::district::Entity as District;
pub use super::document_requirement::Entity as DocumentRequirement;
pub use super::login_attempt::Entity as LoginAttempt;
pub use super::nomination::Entity as Nomination;
pub use super::nomination_document::Entity as NominationDocument;
pub use super::prize_tier::Entity as PrizeTier;
pub use super::province::Entity as Province;
pub use super::regency::Entity as Regency;
pub use super::stage::Entity as Stage;
pub use super::user::Entity as User;
pub use super::village::Entity as Village;
