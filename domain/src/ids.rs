//! Opaque identifiers the engine uses for entries (nominations) and judges.
//!
//! The app maps its UUIDs onto these with `Uuid::as_u128`, so the engine needs no UUID crate
//! and sorts identifiers cheaply when it needs a canonical order.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An entry in a competition (a village's nomination).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntryId(pub u128);

/// A judge (*juri*, member of the *tim penilai*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct JudgeId(pub u128);

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry-{:032x}", self.0)
    }
}

impl fmt::Display for JudgeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "judge-{:032x}", self.0)
    }
}
