//! Adding, editing, reordering and removing a competition's stages. Only the stage's own
//! fields are checked here; the funnel as a whole (weights summing to 100, quorum against
//! trimming) is the engine's verdict, shown on the overview and enforced when opening.

use entity::{competition, stage};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::view::Summary;
use super::{checked, load, refused, require_criteria_editable, show_path};
use crate::app::competition::setup as app_setup;
use crate::auth::AdminUser;
use crate::auth::csrf::{self, CsrfForm};
use crate::competition_forms::StageForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{CompetitionId, StageId};
use crate::routes::reply::FormReply;
use crate::views::Page;

#[derive(Serialize)]
struct StageFormView {
    page: Page,
    competition: Summary,
    /// `None` when adding.
    stage_id: Option<String>,
    form: FormState,
}

fn view(
    page: Page,
    c: &competition::Model,
    stage_id: Option<String>,
    form: FormState,
) -> StageFormView {
    StageFormView {
        page,
        competition: Summary::of(c),
        stage_id,
        form,
    }
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

/// The stage if it belongs to the competition, else 404.
pub(super) async fn load_stage(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: StageId,
) -> Result<stage::Model, AppError> {
    Ok(app_setup::find::<stage::Entity>(db, c.id, id.into_uuid()).await?)
}

#[get("/admin/competitions/<id>/stages/new")]
async fn new(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    require_criteria_editable(&c, &page)?;
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
    Ok(Template::render(
        "competitions/stage_form",
        view(page, &c, None, form),
    ))
}

#[post("/admin/competitions/<id>/stages", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, StageForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = checked(form.0.value.as_ref(), StageForm::check);
    match app_setup::add::<stage::Entity>(db, &c, input, page.lang).await {
        Ok(s) => Ok(FormReply::done(
            format!("{}/stages/{}", show_path(&c), s.id),
            page.t("flash-stage-saved"),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            Ok(FormReply::invalid(
                "competitions/stage_form",
                &view(page, &c, None, state),
            ))
        }
    }
}

#[get("/admin/competitions/<id>/stages/<sid>/edit")]
async fn edit(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    sid: StageId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    let s = load_stage(db.inner(), &c, sid).await?;
    require_criteria_editable(&c, &page)?;
    Ok(Template::render(
        "competitions/stage_form",
        view(page, &c, Some(s.id.to_string()), values_of(&s)),
    ))
}

#[post("/admin/competitions/<id>/stages/<sid>", data = "<form>")]
async fn update(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    sid: StageId,
    form: CsrfForm<'_, StageForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let s = load_stage(db, &c, sid).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = checked(form.0.value.as_ref(), StageForm::check);
    let sid_text = Some(s.id.to_string());
    match app_setup::change::<stage::Entity>(db, &c, s, input, page.lang).await {
        Ok(s) => Ok(FormReply::done(
            format!("{}/stages/{}", show_path(&c), s.id),
            page.t("flash-stage-saved"),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            Ok(FormReply::invalid(
                "competitions/stage_form",
                &view(page, &c, sid_text, state),
            ))
        }
    }
}

#[post("/admin/competitions/<id>/stages/<sid>/move?<up>", data = "<_form>")]
async fn move_stage(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    sid: StageId,
    up: bool,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let s = load_stage(db, &c, sid).await?;
    app_setup::reorder::<stage::Entity>(db, &c, &s, up, page.lang).await?;
    Ok(FormReply::done(show_path(&c), page.t("flash-order-saved")))
}

#[post("/admin/competitions/<id>/stages/<sid>/delete", data = "<_form>")]
async fn delete(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    sid: StageId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let s = load_stage(db, &c, sid).await?;
    app_setup::delete_stage(db, &c, s, page.lang).await?;
    Ok(FormReply::done(
        show_path(&c),
        page.t("flash-stage-deleted"),
    ))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![new, create, edit, update, move_stage, delete]
}
