//! The judges × entries grid of a stage, as the committee's judging pages show it.

use entity::user;
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use crate::db::judging::{assign, grid};
use crate::db::villages;
use crate::views::judging_grid::{self, Grid};

/// The grid of stage `stage_id` of competition `competition_id`: `judges` name the rows,
/// the accepted entries (by village name) are the columns.
pub(super) async fn of_stage<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    stage_id: Uuid,
    judges: &[user::Model],
) -> Result<Grid, DbErr> {
    let noms = assign::entries(db, competition_id).await?;
    let codes: Vec<&str> = noms.iter().map(|n| n.village_code.as_str()).collect();
    let names = villages::infos(db, &codes).await?;
    let entries: Vec<(Uuid, String)> = noms
        .iter()
        .map(|n| {
            let name = names
                .get(&n.village_code)
                .map_or_else(|| n.village_code.clone(), |v| v.name.clone());
            (n.id, name)
        })
        .collect();
    let people: Vec<(Uuid, String)> = judges
        .iter()
        .map(|j| (j.id, j.display_name.clone()))
        .collect();
    let rows = grid::of_stage(db, stage_id).await?;
    Ok(judging_grid::build(&people, &entries, &rows))
}
