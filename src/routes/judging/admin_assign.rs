//! Committee actions on a stage's panel and assignments: add or remove a judge (optionally
//! for some aspects), assign automatically (seeded) or one by one, remove an untouched sheet.

use std::str::FromStr;

use rocket::form::FromForm;
use rocket::{Route, post, routes};
use uuid::Uuid;

use super::admin::{done, open_stage, refuse, said};
use crate::app::judging::{assign, panels as panel_rules};
use crate::auth::csrf::CsrfForm;
use crate::error::AppError;
use crate::ids::{CriterionId, NominationId, SheetId, StageId, UserId};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(FromForm)]
struct PanelForm {
    judge_id: UserId,
    aspects: Vec<CriterionId>,
    /// A trainee (*juri magang*): scores like the others, never counted.
    trainee: bool,
}

#[post("/admin/competitions/<_>/judging/<sid>/panel", data = "<form>")]
async fn panel_add(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, PanelForm>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let db = a.db;
    let Some(f) = form.0.value.as_ref() else {
        return Ok(done(&s, &page, false, "jdg-err-form"));
    };
    let aspects: Vec<Uuid> = f.aspects.iter().map(|a| a.into_uuid()).collect();
    let outcome =
        panel_rules::add(db, &s, f.judge_id.into_uuid(), (&aspects, Some(f.trainee))).await?;
    Ok(done(&s, &page, outcome.is_ok(), panel_key(outcome)))
}

fn panel_key(outcome: Result<(), panel_rules::Invalid>) -> &'static str {
    match outcome {
        Ok(()) => "jdg-flash-panel",
        Err(panel_rules::Invalid(key)) => key,
    }
}

#[derive(FromForm)]
struct JudgeForm {
    judge_id: UserId,
}

#[post("/admin/competitions/<_>/judging/<sid>/panel/remove", data = "<form>")]
async fn panel_remove(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, JudgeForm>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let db = a.db;
    let Some(f) = form.0.value.as_ref() else {
        return Ok(done(&s, &page, false, "jdg-err-form"));
    };
    let outcome = panel_rules::remove(db, &s, f.judge_id.into_uuid()).await?;
    Ok(done(&s, &page, outcome.is_ok(), panel_key(outcome)))
}

/// A seeded draw's form (automatic assignment, presentation order): empty = random.
#[derive(FromForm)]
pub(super) struct SeedForm<'r> {
    seed: Option<&'r str>,
}

impl SeedForm<'_> {
    /// The seed typed (random when none), or the text that is not a number.
    pub(super) fn seed<T: FromStr>(
        form: Option<&Self>,
        random: impl FnOnce() -> T,
    ) -> Result<T, String> {
        match form.and_then(|f| f.seed).map(str::trim) {
            None | Some("") => Ok(random()),
            Some(text) => text.parse::<T>().map_err(|_| text.to_owned()),
        }
    }
}

/// The stage page again with "not a number" under the seed of form `form` (`auto`, `draw`).
pub(super) async fn refuse_seed(
    a: &AdminScope<'_>,
    page: Page,
    s: &entity::stage::Model,
    form: &str,
    text: &str,
) -> Result<FormReply, AppError> {
    let (values, errors) = ([("seed", text)], [("seed", "jdg-err-seed")]);
    refuse(a, page, s, form.into(), &values, &errors).await
}

#[post("/admin/competitions/<_>/judging/<sid>/assign/auto", data = "<form>")]
async fn auto(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, SeedForm<'_>>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let db = a.db;
    let seed = match SeedForm::seed(form.0.value.as_ref(), rand::random::<u64>) {
        Ok(n) => n,
        Err(text) => return refuse_seed(&a, page, &s, "auto", &text).await,
    };
    Ok(
        match assign::auto_assign(db, &s, seed, a.who.0.id.into_uuid()).await? {
            Ok(_) => done(&s, &page, true, "jdg-flash-assigned"),
            Err(r) => said(&s, false, r.describe(page.lang)),
        },
    )
}

#[derive(FromForm)]
struct AssignForm {
    nomination_id: NominationId,
    judge_id: UserId,
}

#[post("/admin/competitions/<_>/judging/<sid>/assign", data = "<form>")]
async fn assign_one(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, AssignForm>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let (db, c) = (a.db, &a.c);
    let Some(f) = form.0.value.as_ref() else {
        return Ok(done(&s, &page, false, "jdg-err-form"));
    };
    let ids = (
        Some(f.nomination_id.into_uuid()),
        Some(f.judge_id.into_uuid()),
    );
    Ok(
        match assign::assign_by_ids(db, c, &s, ids, a.who.0.id.into_uuid()).await? {
            Ok(_) => done(&s, &page, true, "jdg-flash-assigned"),
            Err(r) => done(&s, &page, false, r.message_key()),
        },
    )
}

#[post(
    "/admin/competitions/<_>/judging/<sid>/sheets/<sheet>/unassign",
    data = "<_form>"
)]
async fn unassign(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    sheet: SheetId,
    _form: CsrfForm<'_, crate::auth::csrf::Only<'_>>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let db = a.db;
    Ok(match assign::unassign(db, s.id, sheet.into_uuid()).await? {
        Ok(()) => done(&s, &page, true, "jdg-flash-unassigned"),
        Err(r) => done(&s, &page, false, r.message_key()),
    })
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![panel_add, panel_remove, auto, assign_one, unassign]
}
