//! Sheets a conflict of interest declared after scoring took out of the results: kept, not
//! counted, listed for the committee with the reason.

use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::error::AppError;

/// A sheet a conflict of interest took out of the results.
#[derive(Serialize)]
pub(super) struct WithdrawnView {
    stage: String,
    village: String,
    judge: String,
    status: entity::SheetStatus,
    reason: String,
}

pub(super) async fn of(db: &DatabaseConnection, c: Uuid) -> Result<Vec<WithdrawnView>, AppError> {
    let rows = crate::db::judging::excluded::of_competition(db, c).await?;
    let codes: Vec<&str> = rows.iter().map(|r| r.village_code.as_str()).collect();
    let names = crate::db::villages::infos(db, &codes).await?;
    Ok(rows
        .iter()
        .map(|r| WithdrawnView {
            stage: r.stage.clone(),
            village: crate::db::villages::label_of(&names, &r.village_code),
            judge: r.judge.clone(),
            status: r.status,
            reason: r.reason.clone(),
        })
        .collect())
}
