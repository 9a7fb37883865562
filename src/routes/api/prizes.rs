//! `/api/v1/competitions/<id>/prizes`: the prize table by rank, money in whole rupiah
//! (input also accepts `"Rp100.000.000"`). The list carries the engine's verdict on the
//! table against the budgets. Admins in scope only; editable until results are under review
//! (409 after). Checks are `PrizeForm::check`, as on the page.

use crate::json::{Error as JsonError, Json};
use entity::competition;
use entity::prize_tier::{self, Entity as Tier};
use juara_domain::prizes::PrizeTable;
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, delete, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::competitions::load_for_admin;
use super::support::{self, loose};
use crate::app::competition::{FieldErrors, setup as app_setup};
use crate::auth::CurrentUser;
use crate::auth::api::ApiWrite;
use crate::competition_forms::PrizeForm;
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::ids::{CompetitionId, PrizeTierId};
use crate::scoring;

/// One tier on the wire; `cash` and `assistance` in whole rupiah.
#[derive(Serialize)]
pub struct PrizeDto {
    pub id: String,
    pub rank: i32,
    pub label: String,
    pub cash: i64,
    pub assistance: i64,
    pub trophy: bool,
    pub certificate: bool,
}

impl PrizeDto {
    fn of(p: &prize_tier::Model) -> Self {
        PrizeDto {
            id: p.id.to_string(),
            rank: p.rank,
            label: p.label.clone(),
            cash: p.cash,
            assistance: p.assistance,
            trophy: p.trophy,
            certificate: p.certificate,
        }
    }
}

#[derive(Serialize)]
struct PrizeList {
    items: Vec<PrizeDto>,
    cash_budget: Option<i64>,
    assistance_budget: Option<i64>,
    /// The engine's refusals of the table (budgets, kelurahan assistance), in words.
    problems: Vec<String>,
}

async fn list_of(db: &DatabaseConnection, c: &competition::Model) -> Result<PrizeList, AppError> {
    let rows = setup::list_prizes(db, c.id).await?;
    let data = setup::load_setup(db, c.id).await?;
    let problems = match PrizeTable::new(scoring::prize_spec(c, &data)) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| scoring::describe_prize(e, support::LANG))
            .collect(),
    };
    Ok(PrizeList {
        items: rows.iter().map(PrizeDto::of).collect(),
        cash_budget: c.cash_budget,
        assistance_budget: c.assistance_budget,
        problems,
    })
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct PrizeInput {
    #[serde(deserialize_with = "loose")]
    label: Option<String>,
    #[serde(deserialize_with = "loose")]
    cash: Option<String>,
    #[serde(deserialize_with = "loose")]
    assistance: Option<String>,
    trophy: bool,
    certificate: bool,
}

impl PrizeInput {
    fn check(self, c: &competition::Model) -> Result<setup::PrizeFields, FieldErrors> {
        PrizeForm {
            label: self.label,
            cash: self.cash,
            assistance: self.assistance,
            trophy: self.trophy,
            certificate: self.certificate,
        }
        .check(&c.category)
    }
}

async fn load_tier(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: PrizeTierId,
) -> Result<prize_tier::Model, AppError> {
    Ok(app_setup::find::<Tier>(db, c.id, id.into_uuid()).await?)
}

#[get("/v1/competitions/<id>/prizes")]
async fn list(
    who: CurrentUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Json<PrizeList>, AppError> {
    let c = load_for_admin(db.inner(), id, &who).await?;
    Ok(Json(list_of(db.inner(), &c).await?))
}

#[post("/v1/competitions/<id>/prizes", data = "<input>")]
async fn create(
    who: ApiWrite,
    id: CompetitionId,
    input: Result<Json<PrizeInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<PrizeDto>), AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let input = support::body(input)?;
    let checked = input.into_inner().check(&c);
    let p = app_setup::add::<Tier>(db, &c, checked, support::LANG).await?;
    Ok((HttpStatus::Created, Json(PrizeDto::of(&p))))
}

#[put("/v1/competitions/<id>/prizes/<pid>", data = "<input>")]
async fn replace(
    who: ApiWrite,
    id: CompetitionId,
    pid: PrizeTierId,
    input: Result<Json<PrizeInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<PrizeDto>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let input = support::body(input)?;
    let p = load_tier(db, &c, pid).await?;
    let checked = input.into_inner().check(&c);
    let p = app_setup::change::<Tier>(db, &c, p, checked, support::LANG).await?;
    Ok(Json(PrizeDto::of(&p)))
}

#[post("/v1/competitions/<id>/prizes/<pid>/move?<up>")]
async fn move_prize(
    who: ApiWrite,
    id: CompetitionId,
    pid: PrizeTierId,
    up: bool,
    db: &State<DatabaseConnection>,
) -> Result<Json<PrizeList>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let p = load_tier(db, &c, pid).await?;
    app_setup::reorder::<Tier>(db, &c, &p, up, support::LANG).await?;
    Ok(Json(list_of(db, &c).await?))
}

#[delete("/v1/competitions/<id>/prizes/<pid>")]
async fn remove(
    who: ApiWrite,
    id: CompetitionId,
    pid: PrizeTierId,
    db: &State<DatabaseConnection>,
) -> Result<HttpStatus, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who.0).await?;
    let p = load_tier(db, &c, pid).await?;
    app_setup::delete::<Tier>(db, &c, p, support::LANG).await?;
    Ok(HttpStatus::NoContent)
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, create, replace, move_prize, remove]
}
