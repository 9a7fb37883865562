//! Security and integrity regressions (issue 10), on SQLite and PostgreSQL.

mod published;
mod published_correction;
