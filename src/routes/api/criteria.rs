//! A stage's criteria tree: `GET/POST /api/v1/competitions/<id>/stages/<sid>/criteria`, and
//! `PUT` on `/api/v1/competitions/<id>/criteria/<cid>` (`DELETE` and `POST …/move`: `lists`). The list
//! carries each parent's live weight sum and the engine's verdict on the tree (e.g. which
//! node's weights sum to what). Admins in scope only; read-only once judging starts (409).
//! Scales are decimal strings (`"1"`, `"5"`, `"0.5"`).

use crate::json::{Error as JsonError, Json};
use entity::{competition, criterion};
use rocket::http::Status as HttpStatus;
use rocket::{Route, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::lists::{ApiList, Listing};
use super::stages::load_stage;
use super::support::{self, loose};
use crate::app::competition::published::ChangeBy;
use crate::app::competition::setup as app_setup;
use crate::competition_forms::{CriterionForm, check_placed};
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::ids::{CriterionId, StageId};
use crate::routes::scope::{ApiScope, ApiWriteScope};
use crate::scoring;

/// One node, in tree order.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CriterionDto {
    pub id: String,
    pub stage_id: String,
    pub parent_id: Option<String>,
    pub depth: u32,
    pub position: i32,
    pub code: String,
    pub name: String,
    pub guidance: String,
    pub weight: i32,
    pub scale_min: Option<String>,
    pub scale_max: Option<String>,
    pub scale_step: Option<String>,
    pub optional: bool,
    pub requires_evidence: bool,
    /// What each described value of the scale means (*rubrik*), in value order.
    pub levels: Vec<LevelDto>,
    /// Sum of the children's weights (`None` for a leaf); must be 100.
    pub children_weight_sum: Option<i64>,
}

/// One level descriptor: a value of the leaf's scale (decimal string) and what it means.
#[derive(Serialize, Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LevelDto {
    #[serde(deserialize_with = "loose")]
    #[schema(value_type = String)]
    pub value: Option<String>,
    pub text: String,
}

fn dto(c: &criterion::Model, depth: u32, rows: &[criterion::Model]) -> CriterionDto {
    let children: Vec<&criterion::Model> =
        rows.iter().filter(|r| r.parent_id == Some(c.id)).collect();
    CriterionDto {
        id: c.id.to_string(),
        stage_id: c.stage_id.to_string(),
        parent_id: c.parent_id.map(|p| p.to_string()),
        depth,
        position: c.position,
        code: c.code.clone(),
        name: c.name.clone(),
        guidance: c.guidance.clone(),
        weight: c.weight,
        scale_min: support::points_out(c.scale_min),
        scale_max: support::points_out(c.scale_max),
        scale_step: support::points_out(c.scale_step),
        optional: c.optional,
        requires_evidence: c.requires_evidence,
        levels: setup::levels_of(c)
            .into_iter()
            .map(|l| LevelDto {
                value: Some(l.value.canonical()),
                text: l.text,
            })
            .collect(),
        children_weight_sum: (!children.is_empty())
            .then(|| children.iter().map(|k| i64::from(k.weight)).sum()),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct CriteriaList {
    items: Vec<CriterionDto>,
    /// Sum of the top-level weights (must be 100).
    root_weight_sum: i64,
    /// The engine's refusals of this tree, in words (empty = valid).
    problems: Vec<String>,
}

async fn tree(
    db: &DatabaseConnection,
    c: &competition::Model,
    stage_id: Uuid,
) -> Result<CriteriaList, AppError> {
    let rows = setup::list_criteria(db, stage_id).await?;
    let data = setup::load_setup(db, c.id).await?;
    let problems = data
        .stages
        .iter()
        .find(|s| s.id == Some(stage_id))
        .and_then(|s| scoring::criteria_tree(&s.criteria).err())
        .unwrap_or_default()
        .iter()
        .map(|e| scoring::describe_criteria(e, support::LANG))
        .collect();
    Ok(CriteriaList {
        items: setup::tree_order(&rows)
            .into_iter()
            .map(|(k, depth)| dto(k, depth, &rows))
            .collect(),
        root_weight_sum: rows
            .iter()
            .filter(|r| r.parent_id.is_none())
            .map(|r| i64::from(r.weight))
            .sum(),
        problems,
    })
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct CriterionInput {
    /// Empty or absent: a top-level aspect.
    #[serde(deserialize_with = "loose")]
    parent_id: Option<String>,
    #[serde(deserialize_with = "loose")]
    code: Option<String>,
    #[serde(deserialize_with = "loose")]
    name: Option<String>,
    #[serde(deserialize_with = "loose")]
    guidance: Option<String>,
    #[serde(deserialize_with = "loose")]
    weight: Option<String>,
    #[serde(deserialize_with = "loose")]
    scale_min: Option<String>,
    #[serde(deserialize_with = "loose")]
    scale_max: Option<String>,
    #[serde(deserialize_with = "loose")]
    scale_step: Option<String>,
    optional: bool,
    requires_evidence: bool,
    /// Level descriptors; absent or empty: none.
    levels: Vec<LevelDto>,
    /// Why the published rules change (needed once the competition is open).
    #[serde(deserialize_with = "loose")]
    reason: Option<String>,
}

impl CriterionInput {
    fn into_form(self) -> CriterionForm {
        CriterionForm {
            parent_id: self.parent_id,
            code: self.code,
            name: self.name,
            guidance: self.guidance,
            weight: self.weight,
            scale_min: self.scale_min,
            scale_max: self.scale_max,
            scale_step: self.scale_step,
            optional: self.optional,
            requires_evidence: self.requires_evidence,
            // The form's own lines, so both paths share one check; a line break inside a
            // description would split it, so it becomes a space.
            levels: Some(
                self.levels
                    .iter()
                    .map(|l| {
                        let value = l.value.as_deref().unwrap_or("").replace(['=', ':'], "");
                        format!("{value} = {}", l.text.replace(['\n', '\r'], " "))
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            reason: None,
        }
    }
}

impl ApiList for criterion::Entity {
    /// The tree of the criterion's stage.
    async fn listing(
        db: &DatabaseConnection,
        c: &competition::Model,
        row: &criterion::Model,
    ) -> Result<Listing, AppError> {
        Ok(Listing::Criteria(tree(db, c, row.stage_id).await?))
    }
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/stages/{sid}/criteria", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), responses((status = 200, body = CriteriaList)))]
#[get("/v1/competitions/<_>/stages/<sid>/criteria")]
async fn list(a: ApiScope<'_>, sid: StageId) -> Result<Json<CriteriaList>, AppError> {
    let s = load_stage(&a, sid).await?;
    Ok(Json(tree(a.db, &a.c, s.id).await?))
}

#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages/{sid}/criteria", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = CriterionInput, responses((status = 201, body = CriterionDto)))]
#[post("/v1/competitions/<_>/stages/<sid>/criteria", data = "<input>")]
async fn create(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<CriterionInput>, JsonError<'_>>,
) -> Result<(HttpStatus, Json<CriterionDto>), AppError> {
    let input = support::body(input)?;
    let s = load_stage(&a, sid).await?;
    let input = input.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let form = input.into_form();
    let check = |rows: &[criterion::Model]| check_placed(Some(&form), rows, None);
    let k = app_setup::add_criterion(a.db, &a.c, &s, check, &by, a.lang).await?;
    let rows = setup::list_criteria(a.db, s.id).await?;
    let depth = depth_of(&rows, k.parent_id);
    Ok((HttpStatus::Created, Json(dto(&k, depth, &[]))))
}

fn depth_of(rows: &[criterion::Model], mut parent: Option<Uuid>) -> u32 {
    let mut depth = 0;
    while let Some(p) = parent {
        depth += 1;
        parent = rows.iter().find(|r| r.id == p).and_then(|r| r.parent_id);
        if depth > 64 {
            break;
        }
    }
    depth
}

#[utoipa::path(put, path = "/api/v1/competitions/{id}/criteria/{cid}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("cid" = crate::ids::CriterionId, Path, description = "The criterion")), request_body = CriterionInput, responses((status = 200, body = CriterionDto)))]
#[put("/v1/competitions/<_>/criteria/<cid>", data = "<input>")]
async fn replace(
    a: ApiWriteScope<'_>,
    cid: CriterionId,
    input: Result<Json<CriterionInput>, JsonError<'_>>,
) -> Result<Json<CriterionDto>, AppError> {
    let input = support::body(input)?;
    let (s, k) = app_setup::find_criterion(a.db, &a.c, cid.into()).await?;
    let input = input.into_inner();
    let by = ChangeBy::new(a.user().id, input.reason.as_deref().unwrap_or_default());
    let form = input.into_form();
    let this = Some(k.id);
    let check = |rows: &[criterion::Model]| check_placed(Some(&form), rows, this);
    let saved = app_setup::change_criterion(a.db, &a.c, k, check, &by, a.lang).await?;
    let rows = setup::list_criteria(a.db, s.id).await?;
    Ok(Json(dto(&saved, depth_of(&rows, saved.parent_id), &rows)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, replace))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, create, replace]
}
