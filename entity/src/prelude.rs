//! Entity types under short names.

pub use super::api_token::Entity as ApiToken;
pub use super::app_meta::Entity as AppMeta;
pub use super::appeal::Entity as Appeal;
pub use super::audit_event::Entity as AuditEvent;
pub use super::competition::Entity as Competition;
pub use super::criterion::Entity as Criterion;
pub use super::disbursement::Entity as Disbursement;
pub use super::district::Entity as District;
pub use super::document_requirement::Entity as DocumentRequirement;
pub use super::judge_conflict::Entity as JudgeConflict;
pub use super::login_attempt::Entity as LoginAttempt;
pub use super::nomination::Entity as Nomination;
pub use super::nomination_document::Entity as NominationDocument;
pub use super::panel_member::Entity as PanelMember;
pub use super::plenary_minutes::Entity as PlenaryMinutes;
pub use super::presentation_slot::Entity as PresentationSlot;
pub use super::prize_tier::Entity as PrizeTier;
pub use super::province::Entity as Province;
pub use super::regency::Entity as Regency;
pub use super::result_snapshot::Entity as ResultSnapshot;
pub use super::score::Entity as Score;
pub use super::score_sheet::Entity as ScoreSheet;
pub use super::sheet_photo::Entity as SheetPhoto;
pub use super::stage::Entity as Stage;
pub use super::user::Entity as User;
pub use super::village::Entity as Village;
