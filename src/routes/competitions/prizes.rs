//! The prize table: tiers by rank (Juara I…, Harapan I…) with cash (*uang pembinaan*),
//! assistance (*bantuan keuangan*, desa only — the engine refuses it for kelurahan), trophy and
//! certificate, shown in rupiah with the engine's worst case against the budget ceilings.
//! Editable until results are under review.

use entity::{competition, prize_tier};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::Serialize;
use uuid::Uuid;

use super::view::{PrizeSummary, Summary, prize_summary};
use super::{Reply, add_errors, load, show_path, status_of};
use crate::auth::AdminUser;
use crate::auth::csrf::{self, CsrfForm};
use crate::competition_forms::PrizeForm;
use crate::db::competition_setup as setup;
use crate::db::competitions::Status;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::CompetitionId;
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

fn require_editable(c: &competition::Model, page: &Page) -> Result<(), AppError> {
    crate::integrity::ensure_open(c, page.lang)?;
    if status_of(c) < Status::Review {
        Ok(())
    } else {
        Err(AppError::Conflict(page.t("err-prizes-frozen")))
    }
}

async fn load_tier(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: Uuid,
) -> Result<prize_tier::Model, AppError> {
    setup::find_prize(db, c.id, id)
        .await?
        .ok_or(AppError::NotFound)
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
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    require_editable(&c, &page)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    match form.0.value.as_ref().map(|f| f.check(&c.category)) {
        Some(Ok(f)) => {
            setup::insert_prize(db, c.id, &f).await?;
            Ok(Reply::done(path(&c), page.t("flash-prize-saved")))
        }
        other => {
            if let Some(Err(errors)) = other {
                add_errors(&mut state, errors, page.lang);
            }
            Ok(Reply::invalid(
                "competitions/prizes",
                &page_for(db, page, &c, None, state).await?,
            ))
        }
    }
}

#[get("/admin/competitions/<id>/prizes/<pid>/edit")]
async fn edit(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: Uuid,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    let p = load_tier(db.inner(), &c, pid).await?;
    require_editable(&c, &page)?;
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
    pid: Uuid,
    form: CsrfForm<'_, PrizeForm>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let p = load_tier(db, &c, pid).await?;
    require_editable(&c, &page)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    match form.0.value.as_ref().map(|f| f.check(&c.category)) {
        Some(Ok(f)) => {
            setup::update_prize(db, p, &f).await?;
            Ok(Reply::done(path(&c), page.t("flash-prize-saved")))
        }
        other => {
            if let Some(Err(errors)) = other {
                add_errors(&mut state, errors, page.lang);
            }
            let view = page_for(db, page, &c, Some(p.id.to_string()), state).await?;
            Ok(Reply::invalid("competitions/prizes", &view))
        }
    }
}

#[post("/admin/competitions/<id>/prizes/<pid>/move?<up>", data = "<_form>")]
async fn move_prize(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: Uuid,
    up: bool,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let p = load_tier(db, &c, pid).await?;
    require_editable(&c, &page)?;
    let txn = db.begin().await?;
    setup::move_prize(&txn, &p, up).await?;
    txn.commit().await?;
    Ok(Reply::done(path(&c), page.t("flash-order-saved")))
}

#[post("/admin/competitions/<id>/prizes/<pid>/delete", data = "<_form>")]
async fn delete(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    pid: Uuid,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let p = load_tier(db, &c, pid).await?;
    require_editable(&c, &page)?;
    let txn = db.begin().await?;
    setup::delete_prize(&txn, p).await?;
    txn.commit().await?;
    Ok(Reply::done(path(&c), page.t("flash-prize-deleted")))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, create, edit, update, move_prize, delete]
}
