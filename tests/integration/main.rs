//! Juara's integration tests: one binary, a fresh database per test, the real HTTP stack.
//! `cargo test` runs them on SQLite; with `TEST_DATABASE_URL=postgres://…` on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod accounts;
mod api;
mod architecture;
mod authorization;
mod competitions;
mod config;
mod health;
mod judging;
mod links;
mod nominations;
mod region_picker;
mod regions;
mod results;
mod security;
mod session;
mod startup;
mod storage;
mod tokens;
