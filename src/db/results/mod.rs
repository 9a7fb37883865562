//! Results persistence: the engine's inputs read from the judging tables, announced snapshots,
//! plenary minutes, appeals and disbursements.

pub mod appeals;
pub mod disbursements;
pub mod inputs;
pub mod minutes;
pub mod published;
pub mod shortlist;
pub mod snapshots;
