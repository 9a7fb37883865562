//! The four ordered set-up lists of a competition as routes name them
//! (`…/competitions/<id>/<list>/<item>/…`): which list, how to find one of its rows in the
//! competition, and how to remove it. The page handlers (`competitions::lists`) and the JSON
//! handlers (`api::lists`) move and remove a row of any list through these.

use entity::{criterion, document_requirement, prize_tier, stage};
use rocket::request::FromParam;
use uuid::Uuid;

use crate::app::competition::Outcome;
use crate::app::competition::published::ChangeBy;
use crate::app::competition::setup::{self as app_setup, Removal, SetupList};
use crate::error::AppError;
use crate::ids::{CriterionId, PrizeTierId, RequirementId, StageId};
use crate::routes::scope::InScope;

/// Which list a route names: `stages`, `criteria`, `documents` or `prizes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListName {
    Stages,
    Criteria,
    Documents,
    Prizes,
}

impl<'a> FromParam<'a> for ListName {
    type Error = &'a str;

    fn from_param(param: &'a str) -> Result<Self, Self::Error> {
        match param {
            "stages" => Ok(ListName::Stages),
            "criteria" => Ok(ListName::Criteria),
            "documents" => Ok(ListName::Documents),
            "prizes" => Ok(ListName::Prizes),
            other => Err(other),
        }
    }
}

/// A set-up list as routes reach its rows, in the competition of scope `a`.
pub(crate) trait ListRoute: SetupList {
    /// The typed id of a row in a path.
    type Id: for<'a> FromParam<'a> + Into<Uuid>;

    /// Row `id` of this list (404 outside the competition).
    async fn find_in<A: Sync>(a: &InScope<'_, A>, id: Uuid) -> Outcome<Self::Model>;

    /// Removes `row` (a criterion with children only when `confirmed`).
    async fn remove<A: Sync>(
        a: &InScope<'_, A>,
        row: Self::Model,
        _: bool,
        by: &ChangeBy,
    ) -> Outcome<Removal> {
        app_setup::delete::<Self>(a.db, &a.c, row, by, a.lang).await?;
        Ok(Removal::Done)
    }
}

/// Row `item` (its id as the path has it) of list `E`, else 404.
pub(crate) async fn find<E: ListRoute, A: Sync>(
    a: &InScope<'_, A>,
    item: &str,
) -> Result<E::Model, AppError> {
    let id = E::Id::from_param(item).map_err(|_| AppError::NotFound)?;
    Ok(E::find_in(a, id.into()).await?)
}

impl ListRoute for stage::Entity {
    type Id = StageId;

    async fn find_in<A: Sync>(a: &InScope<'_, A>, id: Uuid) -> Outcome<stage::Model> {
        app_setup::find::<Self>(a.db, a.c.id, id).await
    }

    /// A stage goes with its whole criteria tree.
    async fn remove<A: Sync>(
        a: &InScope<'_, A>,
        row: stage::Model,
        _: bool,
        by: &ChangeBy,
    ) -> Outcome<Removal> {
        app_setup::delete_stage(a.db, &a.c, row, by, a.lang).await?;
        Ok(Removal::Done)
    }
}

impl ListRoute for criterion::Entity {
    type Id = CriterionId;

    async fn find_in<A: Sync>(a: &InScope<'_, A>, id: Uuid) -> Outcome<criterion::Model> {
        Ok(app_setup::find_criterion(a.db, &a.c, id).await?.1)
    }

    async fn remove<A: Sync>(
        a: &InScope<'_, A>,
        row: criterion::Model,
        confirmed: bool,
        by: &ChangeBy,
    ) -> Outcome<Removal> {
        app_setup::delete_criterion(a.db, &a.c, &row, confirmed, by, a.lang).await
    }
}

impl ListRoute for document_requirement::Entity {
    type Id = RequirementId;

    async fn find_in<A: Sync>(
        a: &InScope<'_, A>,
        id: Uuid,
    ) -> Outcome<document_requirement::Model> {
        app_setup::find::<Self>(a.db, a.c.id, id).await
    }
}

impl ListRoute for prize_tier::Entity {
    type Id = PrizeTierId;

    async fn find_in<A: Sync>(a: &InScope<'_, A>, id: Uuid) -> Outcome<prize_tier::Model> {
        app_setup::find::<Self>(a.db, a.c.id, id).await
    }
}
