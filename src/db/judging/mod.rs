//! Judging: conflicts of interest, stage panels, assignments, score sheets, progress, closing
//! a stage and the presentation draw. A `score_sheet` row is both the assignment and the sheet.
//!
//! Visibility rule used everywhere (pages, files, API): a judge reaches a sheet only through
//! [`sheets::find_for_judge`], which requires the sheet to be the judge's own and the entry's
//! village to be outside every conflict region of the judge (declared ones and home region).

pub mod assign;
pub mod conflicts;
pub mod devices;
pub mod draw;
pub mod excluded;
pub mod grid;
pub mod panels;
pub mod photos;
pub mod progress;
pub mod sheets;

use juara_domain::sheet::Scope;
use uuid::Uuid;

/// A sheet's life (the entity enum, stored as its lowercase name).
pub use entity::SheetStatus;

/// A judge's scope in a stage from their panel row: aspect ids → aspect codes.
#[must_use]
pub fn scope_of(aspect_ids: &[Uuid], criteria: &[entity::criterion::Model]) -> Scope {
    let codes: Vec<String> = aspect_ids
        .iter()
        .filter_map(|id| criteria.iter().find(|c| c.id == *id))
        .map(|c| c.code.clone())
        .collect();
    if codes.is_empty() {
        Scope::All
    } else {
        Scope::Criteria(codes)
    }
}

/// The region codes of a village and everything containing it.
#[must_use]
pub fn regions_of(village_code: &str) -> Vec<String> {
    let mut codes = crate::registry::Level::ancestor_codes(village_code);
    codes.push(village_code.to_owned());
    codes
}
