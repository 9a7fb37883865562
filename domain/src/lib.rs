//! Juara's pure domain core: criteria trees, scoring, panel aggregation, judge normalization,
//! ranking with tie-breaks, prize allocation, reliability statistics and the explanation trail.
//!
//! This crate must stay free of I/O: it depends on `std`, `serde` and `thiserror` only (the
//! crate graph enforces it). Plain data in, plain data out; the web app and the database layer
//! are thin shells around it. Money is whole rupiah in `i64` ([`money::Rupiah`]); published
//! scores are fixed-point ([`points::Points`]), so ranking and ties never depend on float noise.

pub mod ids;
pub mod money;
pub mod points;

pub mod aggregation;
pub mod assignment;
pub mod criteria;
pub mod disagreement;
pub mod engine;
pub mod explanation;
pub mod normalization;
pub mod prizes;
pub mod ranking;
pub mod rules;
pub mod sheet;
pub mod stage;
pub mod statistics;
pub mod subtotal;
pub mod tie_break;

pub use ids::{EntryId, JudgeId};
pub use money::Rupiah;
pub use points::Points;
