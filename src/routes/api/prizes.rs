//! `/api/v1/competitions/<id>/prizes`: the prize table by rank, money in whole rupiah
//! (input also accepts `"Rp100.000.000"`). The list carries the engine's verdict on the
//! table against the budgets. Admins in scope only; editable until results are under review
//! (409 after). Checks are `PrizeForm::check`, as on the page.

use crate::json::{Error as JsonError, Json};
use entity::competition;
use entity::prize_tier::{self, Entity as Tier};
use juara_domain::prizes::PrizeTable;
use rocket::http::Status as HttpStatus;
use rocket::{Route, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::lists::{ApiList, Listing};
use super::support::{self, loose};
use crate::app::competition::published::ChangeBy;
use crate::app::competition::{FieldErrors, setup as app_setup};
use crate::competition_forms::PrizeForm;
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::ids::PrizeTierId;
use crate::routes::scope::{ApiScope, ApiWriteScope};
use crate::routes::setup_list::ListRoute;
use crate::scoring;

/// One tier on the wire; `cash` and `assistance` in whole rupiah.
#[derive(Serialize, utoipa::ToSchema)]
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

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct PrizeList {
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

#[derive(Deserialize, Default, utoipa::ToSchema)]
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
    /// Why the published rules change (needed once the competition is open).
    #[serde(deserialize_with = "loose")]
    reason: Option<String>,
}

impl PrizeInput {
    fn check(self, c: &competition::Model) -> Result<setup::PrizeFields, FieldErrors> {
        PrizeForm {
            label: self.label,
            cash: self.cash,
            assistance: self.assistance,
            trophy: self.trophy,
            certificate: self.certificate,
            reason: None,
        }
        .check(&c.category)
    }
}

impl ApiList for Tier {
    async fn listing(
        db: &DatabaseConnection,
        c: &competition::Model,
        _row: &prize_tier::Model,
    ) -> Result<Listing, AppError> {
        Ok(Listing::Prizes(list_of(db, c).await?))
    }
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/prizes", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = PrizeList)))]
#[get("/v1/competitions/<_>/prizes")]
async fn list(a: ApiScope<'_>) -> Result<Json<PrizeList>, AppError> {
    Ok(Json(list_of(a.db, &a.c).await?))
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/prizes", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = PrizeInput, responses((status = 201, body = PrizeDto)))]
#[post("/v1/competitions/<_>/prizes", data = "<input>")]
async fn create(
    a: ApiWriteScope<'_>,
    input: Result<Json<PrizeInput>, JsonError<'_>>,
) -> Result<(HttpStatus, Json<PrizeDto>), AppError> {
    let input = support::body(input)?.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let checked = input.check(&a.c);
    let p = app_setup::add::<Tier>(a.db, &a.c, checked, &by, a.lang).await?;
    Ok((HttpStatus::Created, Json(PrizeDto::of(&p))))
}

#[utoipa::path(put, path = "/api/v1/competitions/{id}/prizes/{pid}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("pid" = crate::ids::PrizeTierId, Path, description = "The prize tier")), request_body = PrizeInput, responses((status = 200, body = PrizeDto)))]
#[put("/v1/competitions/<_>/prizes/<pid>", data = "<input>")]
async fn replace(
    a: ApiWriteScope<'_>,
    pid: PrizeTierId,
    input: Result<Json<PrizeInput>, JsonError<'_>>,
) -> Result<Json<PrizeDto>, AppError> {
    let input = support::body(input)?;
    let p = Tier::find_in(&a, pid.into()).await?;
    let input = input.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let checked = input.check(&a.c);
    let p = app_setup::change::<Tier>(a.db, &a.c, p, checked, &by, a.lang).await?;
    Ok(Json(PrizeDto::of(&p)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, replace))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, create, replace]
}
