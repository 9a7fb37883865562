//! Issue 10 security regressions, on SQLite and PostgreSQL.

mod access;
mod input;
mod routes;
