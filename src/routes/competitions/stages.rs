//! Adding, editing, reordering and removing a competition's stages. Only the stage's own
//! fields are checked here; the funnel as a whole (weights summing to 100, quorum against
//! trimming) is the engine's verdict, shown on the overview and enforced when opening.
//! Moving and removing are the shared set-up list routes (`lists`).

use entity::{competition, stage};
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;

use super::lists::{self, FormList, ListPage};
use super::view::Summary;
use super::{read, require_criteria_editable, show_path};
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::StageForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::StageId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::routes::setup_list::ListRoute;
use crate::views::Page;

#[derive(Serialize)]
struct StageFormView {
    page: Page,
    competition: Summary,
    /// `None` when adding.
    stage_id: Option<String>,
    form: FormState,
}

fn values_of(s: &stage::Model) -> FormState {
    let mut f = FormState::default();
    let pts = |u: i64| juara_domain::Points::from_units(u).to_string();
    for (k, v) in [
        ("code", s.code.clone()),
        ("name", s.name.clone()),
        ("kind", s.kind.clone()),
        ("weight", s.weight.to_string()),
        ("aggregation", s.aggregation.clone()),
        ("trim_k", s.trim_k.to_string()),
        ("quorum", s.quorum.to_string()),
        (
            "shortlist",
            s.shortlist.map(|n| n.to_string()).unwrap_or_default(),
        ),
        (
            "pass_threshold",
            s.pass_threshold.map(pts).unwrap_or_default(),
        ),
        ("min_entries_per_judge", s.min_entries_per_judge.to_string()),
        ("judges_per_entry", s.judges_per_entry.to_string()),
    ] {
        f.values.insert(k.to_owned(), v);
    }
    if s.normalize {
        f.values.insert("normalize".into(), "on".into());
    }
    f
}

impl ListPage for stage::Entity {
    const DELETED_KEY: &'static str = "flash-stage-deleted";

    /// Moving or removing a stage returns to the competition's overview.
    fn back(c: &competition::Model, _row: &stage::Model) -> String {
        show_path(c)
    }
}

impl FormList for stage::Entity {
    const SAVED_KEY: &'static str = "flash-stage-saved";

    /// A saved stage opens its own page (its criteria tree).
    fn saved(c: &competition::Model, row: &stage::Model) -> String {
        format!("{}/stages/{}", show_path(c), row.id)
    }

    async fn page(
        a: &AdminScope<'_>,
        page: Page,
        stage_id: Option<String>,
        form: FormState,
    ) -> Result<Template, AppError> {
        let view = StageFormView {
            page,
            competition: Summary::of(&a.c),
            stage_id,
            form,
        };
        Ok(Template::render("competitions/stage_form", &view))
    }
}

/// The stage if it belongs to the competition, else 404.
pub(super) async fn load_stage(a: &AdminScope<'_>, id: StageId) -> Result<stage::Model, AppError> {
    Ok(stage::Entity::find_in(a, id.into()).await?)
}

#[get("/admin/competitions/<_>/stages/new")]
async fn new(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    require_criteria_editable(&a.c, &page)?;
    let mut form = FormState::default();
    for (k, v) in [
        ("kind", "field"),
        ("aggregation", "mean"),
        ("quorum", "3"),
        ("judges_per_entry", "5"),
        ("min_entries_per_judge", "5"),
        ("trim_k", "0"),
    ] {
        form.values.insert(k.into(), v.into());
    }
    stage::Entity::page(&a, page, None, form).await
}

#[post("/admin/competitions/<_>/stages", data = "<form>")]
async fn create(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, StageForm>,
) -> Result<FormReply, AppError> {
    let input = read(&form, page.lang, StageForm::check);
    lists::save::<stage::Entity>(page, &a, None, input).await
}

#[get("/admin/competitions/<_>/stages/<sid>/edit")]
async fn edit(page: Page, a: AdminScope<'_>, sid: StageId) -> Result<Template, AppError> {
    let s = load_stage(&a, sid).await?;
    require_criteria_editable(&a.c, &page)?;
    stage::Entity::page(&a, page, Some(s.id.to_string()), values_of(&s)).await
}

#[post("/admin/competitions/<_>/stages/<sid>", data = "<form>")]
async fn update(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, StageForm>,
) -> Result<FormReply, AppError> {
    let s = load_stage(&a, sid).await?;
    let input = read(&form, page.lang, StageForm::check);
    lists::save::<stage::Entity>(page, &a, Some(s), input).await
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![new, create, edit, update]
}
