//! Juara's schema, one migration per change. Never edit a migration after it has landed.
//!
//! This crate does not depend on `entity`: each migration declares its own identifiers, so
//! later entity changes cannot rewrite history. One tree serves SQLite and PostgreSQL.

// `MigrationTrait` (async-trait) is declared with `&SchemaManager`; spelling the lifetime
// out makes the impls mismatch the trait, so the idiom lint is off for this crate.
#![allow(elided_lifetimes_in_paths)]

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_regions;
mod m20261123_000002_create_users;
mod m20261123_000003_create_app_meta;
mod m20261123_000004_create_competitions;
mod m20261123_000005_create_nominations;
mod m20261123_000006_create_judging;
mod m20261123_000007_create_results;
mod m20261130_000101_lock_result_inputs;
mod m20261130_000201_user_sessions;
mod m20261130_000301_sheet_exclusion;
mod m20261130_000401_disbursement_ledger;
mod m20261130_000501_snapshot_hash_scheme;
mod m20261201_000101_panel_member_aspect;
mod m20261201_000201_appeal_per_window;
mod m20261201_000301_ledger_append_only;
mod m20261201_000401_letterhead;
mod m20261201_001101_sheet_device;
mod m20261201_001201_criterion_levels;
mod m20261201_001301_rules_version;
mod m20261201_001401_panel_trainee;

/// Every migration, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_regions::Migration),
            Box::new(m20261123_000002_create_users::Migration),
            Box::new(m20261123_000003_create_app_meta::Migration),
            Box::new(m20261123_000004_create_competitions::Migration),
            Box::new(m20261123_000005_create_nominations::Migration),
            Box::new(m20261123_000006_create_judging::Migration),
            Box::new(m20261123_000007_create_results::Migration),
            Box::new(m20261130_000101_lock_result_inputs::Migration),
            Box::new(m20261130_000201_user_sessions::Migration),
            Box::new(m20261130_000301_sheet_exclusion::Migration),
            Box::new(m20261130_000401_disbursement_ledger::Migration),
            Box::new(m20261130_000501_snapshot_hash_scheme::Migration),
            Box::new(m20261201_000101_panel_member_aspect::Migration),
            Box::new(m20261201_000201_appeal_per_window::Migration),
            Box::new(m20261201_000301_ledger_append_only::Migration),
            Box::new(m20261201_000401_letterhead::Migration),
            Box::new(m20261201_001101_sheet_device::Migration),
            Box::new(m20261201_001201_criterion_levels::Migration),
            Box::new(m20261201_001301_rules_version::Migration),
            Box::new(m20261201_001401_panel_trainee::Migration),
        ]
    }
}
