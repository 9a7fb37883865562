//! What the committee's judges × entries grid reads for one stage: every sheet (those a
//! conflict of interest excluded too), which leaves each sheet has answered, the stage's
//! criteria and its panel. The grid itself is built in `views::judging_grid`.

use std::collections::HashMap;

use entity::{criterion, score, score_sheet};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::panels::{self, Member};

/// The rows behind one stage's grid.
#[derive(Clone, Debug, Default)]
pub struct GridRows {
    /// Every sheet of the stage, excluded ones included.
    pub sheets: Vec<score_sheet::Model>,
    /// Sheet id → criterion ids it has answered (a value, or "not applicable").
    pub answered: HashMap<Uuid, Vec<Uuid>>,
    pub criteria: Vec<criterion::Model>,
    pub panel: Vec<Member>,
}

/// Reads the grid's rows of `stage_id`.
pub async fn of_stage<C: ConnectionTrait>(db: &C, stage_id: Uuid) -> Result<GridRows, DbErr> {
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(stage_id))
        .order_by_asc(score_sheet::Column::AssignedAt)
        .order_by_asc(score_sheet::Column::Id)
        .all(db)
        .await?;
    let mut answered: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    if !sheets.is_empty() {
        let scores = score::Entity::find()
            .filter(score::Column::SheetId.is_in(sheets.iter().map(|s| s.id)))
            .all(db)
            .await?;
        for s in scores {
            if s.value.is_some() || s.not_applicable {
                answered.entry(s.sheet_id).or_default().push(s.criterion_id);
            }
        }
    }
    Ok(GridRows {
        sheets,
        answered,
        criteria: crate::db::competition_setup::list_criteria(db, stage_id).await?,
        panel: panels::list(db, stage_id).await?,
    })
}
