//! The prize table: tiers by rank (Juara I…, Harapan I…) with cash (*uang pembinaan*),
//! assistance (*bantuan keuangan*, desa only — the engine refuses it for kelurahan), trophy and
//! certificate, shown in rupiah with the engine's worst case against the budget ceilings.
//! Editable until results are under review. Moving and removing are the shared set-up list
//! routes (`lists`).

use entity::competition;
use entity::prize_tier::{self, Entity as Tier};
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;

use super::lists::{self, FormList, ListPage};
use super::view::{PrizeSummary, Summary, prize_summary};
use super::{read, show_path};
use crate::app::competition::setup as app_setup;
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::PrizeForm;
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::PrizeTierId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::routes::setup_list::ListRoute;
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

impl ListPage for Tier {
    const DELETED_KEY: &'static str = "flash-prize-deleted";

    fn back(c: &competition::Model, _row: &prize_tier::Model) -> String {
        format!("{}/prizes", show_path(c))
    }
}

impl FormList for Tier {
    const SAVED_KEY: &'static str = "flash-prize-saved";

    async fn page(
        a: &AdminScope<'_>,
        page: Page,
        prize_id: Option<String>,
        form: FormState,
    ) -> Result<Template, AppError> {
        let tiers = setup::list_prizes(a.db, a.c.id).await?;
        let view = PrizesPage {
            prizes: prize_summary(&a.c, &tiers, page.lang),
            competition: Summary::of(&a.c),
            prize_id,
            form,
            page,
        };
        Ok(Template::render("competitions/prizes", &view))
    }
}

#[get("/admin/competitions/<_>/prizes")]
async fn index(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let mut form = FormState::default();
    form.values.insert("certificate".into(), "on".into());
    Tier::page(&a, page, None, form).await
}

#[post("/admin/competitions/<_>/prizes", data = "<form>")]
async fn create(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, PrizeForm>,
) -> Result<FormReply, AppError> {
    let input = read(&form, page.lang, |f| f.check(&a.c.category));
    lists::save::<Tier>(page, &a, None, input).await
}

#[get("/admin/competitions/<_>/prizes/<pid>/edit")]
async fn edit(page: Page, a: AdminScope<'_>, pid: PrizeTierId) -> Result<Template, AppError> {
    let p = Tier::find_in(&a, pid.into()).await?;
    app_setup::ensure_editable::<Tier>(&a.c, page.lang)?;
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
    Tier::page(&a, page, Some(p.id.to_string()), form).await
}

#[post("/admin/competitions/<_>/prizes/<pid>", data = "<form>")]
async fn update(
    page: Page,
    a: AdminScope<'_>,
    pid: PrizeTierId,
    form: CsrfForm<'_, PrizeForm>,
) -> Result<FormReply, AppError> {
    let p = Tier::find_in(&a, pid.into()).await?;
    let input = read(&form, page.lang, |f| f.check(&a.c.category));
    lists::save::<Tier>(page, &a, Some(p), input).await
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, create, edit, update]
}
