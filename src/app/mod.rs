//! The application layer: every workflow rule — who may do what, and when — and every
//! transaction with its audit event, one module per aggregate. HTML and JSON handlers call the
//! same functions here; they parse, authorize with guards, call, and render.
//!
//! May use: `db` (queries), `domain` (pure rules and arithmetic), `entity`, `identity`, `ids`,
//! `i18n` (messages), `registry`. Never `routes`, `auth` guards, `views`, or Rocket.
//! See `docs/ARCHITECTURE.md`.

pub mod accounts;
pub mod audit;
pub mod competition;
pub mod judging;
pub mod letterhead;
pub mod nomination;
pub mod regions;
pub mod results;
pub mod stored;
