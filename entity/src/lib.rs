//! SeaORM entities: one file per table, mirroring the migrations, and the stored states as
//! enums (`states`). Plain rows only; behaviour lives in the app's `db` repositories and in
//! the pure `juara-domain` crate.

pub mod api_token;
pub mod app_meta;
pub mod appeal;
pub mod audit_event;
pub mod competition;
pub mod criterion;
pub mod disbursement;
pub mod disbursement_reversal;
pub mod district;
pub mod document_requirement;
pub mod judge_conflict;
pub mod letterhead;
pub mod login_attempt;
pub mod nomination;
pub mod nomination_document;
pub mod panel_member;
pub mod panel_member_aspect;
pub mod plenary_minutes;
pub mod prelude;
pub mod presentation_slot;
pub mod prize_tier;
pub mod province;
pub mod regency;
pub mod result_snapshot;
pub mod rules_version;
pub mod score;
pub mod score_sheet;
pub mod sheet_device;
pub mod sheet_photo;
pub mod stage;
pub mod states;
pub mod user;
pub mod user_session;
pub mod village;

pub use states::{
    AppealStatus, CompetitionStatus, DocumentKind, NominationOrigin, NominationStatus,
    PrizeComponent, Role, SheetStatus, SnapshotStatus,
};
