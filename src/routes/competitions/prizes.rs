//! The prize table: tiers by rank (Juara I…, Harapan I…) with cash (*uang pembinaan*),
//! assistance (*bantuan keuangan*, desa only — the engine refuses it for kelurahan), trophy and
//! certificate, shown in rupiah with the engine's worst case against the budget ceilings.
//! Editable until results are under review.

use entity::competition;
use entity::prize_tier::{self, Entity as Tier};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::view::{PrizeSummary, Summary, prize_summary};
use super::{checked, load, refused, show_path};
use crate::app::competition::setup as app_setup;
use crate::auth::AdminUser;
use crate::auth::csrf::{self, CsrfForm};
use crate::competition_forms::PrizeForm;
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{CompetitionId, PrizeTierId};
use crate::routes::reply::FormReply;
use crate::views::Page;

#[derive(Serialize)]
struct PrizesPage {
    page: Page,
    competition: Summary,
    prizes: PrizeSummary,
    /// `Some` on the edit page.
    prize_id: Option<String>,
    form: FormState,
}

async fn page_for(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    prize_id: Option<String>,
    form: FormState,
) -> Result<PrizesPage, AppError> {
    let tiers = setup::list_prizes(db, c.id).await?;
    Ok(PrizesPage {
        prizes: prize_summary(c, &tiers, page.lang),
        competition: Summary::of(c),
        prize_id,
        form,
        page,
    })
}

fn path(c: &competition::Model) -> String {
    format!("{}/prizes", show_path(c))
}

async fn load_tier(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: PrizeTierId,
) -> Result<prize_tier::Model, AppError> {
    Ok(app_setup::find::<Tier>(db, c.id, id.into_uuid()).await?)
}

#[get("/admin/competitions/<id>/prizes")]
async fn index(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    let mut form = FormState::default();
    form.values.insert("certificate".into(), "on".into());
    Ok(Template::render(
        "competitions/prizes",
        &page_for(db.inner(), page, &c, None, form).await?,
    ))
}

#[post("/admin/competitions/<id>/prizes", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, PrizeForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = checked(form.0.value.as_ref(), |f| f.check(&c.category));
    match app_setup::add::<Tier>(db, &c, input, page.lang).await {
        Ok(_) => Ok(FormReply::done(path(&c), page.t("flash-prize-saved"))),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = page_for(db, page, &c, None, state).await?;
            Ok(FormReply::invalid("competitions/prizes", &view))
        }
    }
}

#[get("/admin/competitions/<id>/prizes/<pid>/edit")]
async fn edit(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: PrizeTierId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    let p = load_tier(db.inner(), &c, pid).await?;
    app_setup::ensure_editable::<Tier>(&c, page.lang)?;
    let mut form = FormState::default();
    form.values.insert("label".into(), p.label.clone());
    form.values
        .insert("cash".into(), juara_domain::Rupiah::new(p.cash).to_string());
    form.values.insert(
        "assistance".into(),
        juara_domain::Rupiah::new(p.assistance).to_string(),
    );
    for (k, on) in [("trophy", p.trophy), ("certificate", p.certificate)] {
        if on {
            form.values.insert(k.into(), "on".into());
        }
    }
    Ok(Template::render(
        "competitions/prizes",
        &page_for(db.inner(), page, &c, Some(p.id.to_string()), form).await?,
    ))
}

#[post("/admin/competitions/<id>/prizes/<pid>", data = "<form>")]
async fn update(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: PrizeTierId,
    form: CsrfForm<'_, PrizeForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let p = load_tier(db, &c, pid).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = checked(form.0.value.as_ref(), |f| f.check(&c.category));
    let p_id = Some(p.id.to_string());
    match app_setup::change::<Tier>(db, &c, p, input, page.lang).await {
        Ok(_) => Ok(FormReply::done(path(&c), page.t("flash-prize-saved"))),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = page_for(db, page, &c, p_id, state).await?;
            Ok(FormReply::invalid("competitions/prizes", &view))
        }
    }
}

#[post("/admin/competitions/<id>/prizes/<pid>/move?<up>", data = "<_form>")]
async fn move_prize(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: PrizeTierId,
    up: bool,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let p = load_tier(db, &c, pid).await?;
    app_setup::reorder::<Tier>(db, &c, &p, up, page.lang).await?;
    Ok(FormReply::done(path(&c), page.t("flash-order-saved")))
}

#[post("/admin/competitions/<id>/prizes/<pid>/delete", data = "<_form>")]
async fn delete(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: PrizeTierId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let p = load_tier(db, &c, pid).await?;
    app_setup::delete::<Tier>(db, &c, p, page.lang).await?;
    Ok(FormReply::done(path(&c), page.t("flash-prize-deleted")))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, create, edit, update, move_prize, delete]
}
