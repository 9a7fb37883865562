//! Application rules for the judging aggregate: panels, assignment, conflicts of interest,
//! score sheets (who may edit one, and when), closing a stage and the presentation draw. Each
//! transaction writes its audit event here; `db::judging` holds the queries. HTML and JSON
//! handlers call the same functions.

pub mod assign;
pub mod check;
pub mod conflicts;
pub mod panels;
pub mod photos;
pub mod sheets;
pub mod sync;
