//! The criteria tree editor of one stage: the tree with each parent's live weight sum and the
//! engine's errors, adding nodes at any depth, editing, reordering, and removing a node with
//! its subtree (after a confirmation page when it has children). Frozen once judging starts.
//! Moving and removing are the shared set-up list routes (`lists`).

use entity::{competition, criterion, stage};
use rocket::http::Status;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use super::lists::{self, ListPage};
use super::stages::load_stage;
use super::view::{StageView, Summary, stage_view};
use super::{refused, require_criteria_editable, show_path};
use crate::app::competition::setup as app_setup;
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::{CriterionForm, check_placed};
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{CriterionId, StageId};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(Serialize)]
struct StagePage {
    page: Page,
    competition: Summary,
    stage: StageView,
    /// (id, label) of every node that may be chosen as parent.
    parents: Vec<(String, String)>,
    form: FormState,
}

#[derive(Serialize)]
struct EditPage {
    page: Page,
    competition: Summary,
    stage: StageView,
    criterion_id: String,
    parents: Vec<(String, String)>,
    form: FormState,
}

#[derive(Serialize)]
struct DeletePage {
    page: Page,
    competition: Summary,
    criterion_id: String,
    code: String,
    name: String,
    descendants: usize,
}

fn parents(rows: &[criterion::Model], except: Option<Uuid>) -> Vec<(String, String)> {
    let banned = except
        .map(|id| setup::subtree_ids(rows, id))
        .unwrap_or_default();
    setup::tree_order(rows)
        .into_iter()
        .filter(|(c, _)| !banned.contains(&c.id))
        .map(|(c, depth)| {
            let indent = "— ".repeat(usize::try_from(depth).unwrap_or(0));
            (c.id.to_string(), format!("{indent}{} {}", c.code, c.name))
        })
        .collect()
}

fn values_of(c: &criterion::Model) -> FormState {
    let mut f = FormState::default();
    let pts = |u: Option<i64>| {
        u.map(|u| juara_domain::Points::from_units(u).to_string())
            .unwrap_or_default()
    };
    for (k, v) in [
        (
            "parent_id",
            c.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        ),
        ("code", c.code.clone()),
        ("name", c.name.clone()),
        ("guidance", c.guidance.clone()),
        ("weight", c.weight.to_string()),
        ("scale_min", pts(c.scale_min)),
        ("scale_max", pts(c.scale_max)),
        ("scale_step", pts(c.scale_step)),
        (
            "levels",
            crate::competition_forms::levels_field::lines(&setup::levels_of(c)),
        ),
    ] {
        f.values.insert(k.to_owned(), v);
    }
    for (k, on) in [
        ("optional", c.optional),
        ("requires_evidence", c.requires_evidence),
    ] {
        if on {
            f.values.insert(k.to_owned(), "on".into());
        }
    }
    f
}

async fn stage_page(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    s: &stage::Model,
    form: FormState,
) -> Result<StagePage, AppError> {
    let rows = setup::list_criteria(db, s.id).await?;
    Ok(StagePage {
        stage: stage_view(s, &rows, page.lang),
        parents: parents(&rows, None),
        competition: Summary::of(c),
        form,
        page,
    })
}

async fn load_criterion(
    a: &AdminScope<'_>,
    id: CriterionId,
) -> Result<(stage::Model, criterion::Model), AppError> {
    Ok(app_setup::find_criterion(a.db, &a.c, id.into_uuid()).await?)
}

fn stage_path(c: &competition::Model, stage_id: Uuid) -> String {
    format!("{}/stages/{}", show_path(c), stage_id)
}

impl ListPage for criterion::Entity {
    const DELETED_KEY: &'static str = "flash-criterion-deleted";

    fn back(c: &competition::Model, row: &criterion::Model) -> String {
        stage_path(c, row.stage_id)
    }

    /// A parent takes its subtree with it: the confirmation page says how much.
    fn ask_first(
        page: Page,
        c: &competition::Model,
        k: &criterion::Model,
        descendants: usize,
    ) -> FormReply {
        let view = DeletePage {
            competition: Summary::of(c),
            criterion_id: k.id.to_string(),
            code: k.code.clone(),
            name: k.name.clone(),
            descendants,
            page,
        };
        FormReply::page(Status::Ok, "competitions/criterion_delete", &view)
    }
}

// Rank 2: `/stages/new` (a static last segment) is tried first.
#[get("/admin/competitions/<_>/stages/<sid>", rank = 2)]
async fn show(page: Page, a: AdminScope<'_>, sid: StageId) -> Result<Template, AppError> {
    let s = load_stage(&a, sid).await?;
    let mut form = FormState::default();
    for (k, v) in [
        ("weight", "100"),
        ("scale_min", "1"),
        ("scale_max", "5"),
        ("scale_step", "1"),
    ] {
        form.values.insert(k.into(), v.into());
    }
    Ok(Template::render(
        "competitions/stage",
        &stage_page(a.db, page, &a.c, &s, form).await?,
    ))
}

#[post("/admin/competitions/<_>/stages/<sid>/criteria", data = "<form>")]
async fn create(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, CriterionForm>,
) -> Result<FormReply, AppError> {
    let s = load_stage(&a, sid).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let by = lists::change_by(&a, state.values.get("reason").map(String::as_str));
    let check = |rows: &[criterion::Model]| check_placed(form.0.value.as_ref(), rows, None);
    match app_setup::add_criterion(a.db, &a.c, &s, check, &by, page.lang).await {
        Ok(_) => Ok(FormReply::done(
            stage_path(&a.c, s.id),
            page.t("flash-criterion-saved"),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = stage_page(a.db, page, &a.c, &s, state).await?;
            Ok(FormReply::invalid("competitions/stage", &view))
        }
    }
}

async fn edit_page(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    (s, k): (&stage::Model, &criterion::Model),
    form: FormState,
) -> Result<Template, AppError> {
    let rows = setup::list_criteria(db, s.id).await?;
    let view = EditPage {
        stage: stage_view(s, &rows, page.lang),
        parents: parents(&rows, Some(k.id)),
        competition: Summary::of(c),
        criterion_id: k.id.to_string(),
        form,
        page,
    };
    Ok(Template::render("competitions/criterion_form", &view))
}

#[get("/admin/competitions/<_>/criteria/<cid>/edit")]
async fn edit(page: Page, a: AdminScope<'_>, cid: CriterionId) -> Result<Template, AppError> {
    let (s, k) = load_criterion(&a, cid).await?;
    require_criteria_editable(&a.c, &page)?;
    edit_page(a.db, page, &a.c, (&s, &k), values_of(&k)).await
}

#[post("/admin/competitions/<_>/criteria/<cid>", data = "<form>")]
async fn update(
    page: Page,
    a: AdminScope<'_>,
    cid: CriterionId,
    form: CsrfForm<'_, CriterionForm>,
) -> Result<FormReply, AppError> {
    let (s, k) = load_criterion(&a, cid).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let this = Some(k.id);
    let by = lists::change_by(&a, state.values.get("reason").map(String::as_str));
    let check = |rows: &[criterion::Model]| check_placed(form.0.value.as_ref(), rows, this);
    match app_setup::change_criterion(a.db, &a.c, k.clone(), check, &by, page.lang).await {
        Ok(_) => Ok(FormReply::done(
            stage_path(&a.c, s.id),
            page.t("flash-criterion-saved"),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = edit_page(a.db, page, &a.c, (&s, &k), state).await?;
            Ok(FormReply::invalid_page(view))
        }
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![show, create, edit, update]
}
