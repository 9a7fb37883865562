//! What the set-up list pages share: one route moves a row of any list (stages, criteria,
//! the checklist, the prize table), one removes it, and [`save`] answers every add and edit
//! form of the lists that are not trees. Each list says in its [`ListPage`] where its page
//! is and how its form shows again.

use entity::{competition, criterion, document_requirement, prize_tier, stage};
use rocket::form::FromForm;
use rocket::{Route, post, routes};
use rocket_dyn_templates::Template;

use super::refused;
use crate::app::competition::published::{self, ChangeBy};
use crate::app::competition::setup::{self as app_setup, Removal};
use crate::app::competition::{Error, FieldErrors};
use crate::auth::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms::FormState;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::routes::setup_list::{self, ListName, ListRoute};
use crate::views::Page;

/// A set-up list as the committee's pages show it.
pub(super) trait ListPage: ListRoute {
    /// Locale key of the message after removing a row.
    const DELETED_KEY: &'static str;

    /// The page a moved or removed `row` returns to.
    fn back(c: &competition::Model, row: &Self::Model) -> String;

    /// Removing `row` would take `descendants` more rows with it: ask first. Only the
    /// criteria tree has rows below rows; the other lists never ask.
    fn ask_first(
        page: Page,
        c: &competition::Model,
        row: &Self::Model,
        _descendants: usize,
    ) -> FormReply {
        FormReply::refused(Self::back(c, row), page.t("error-500"))
    }
}

/// A flat list (not the criteria tree) whose rows are added and edited with one form.
pub(super) trait FormList: ListPage {
    /// Locale key of the message after saving a row.
    const SAVED_KEY: &'static str;

    /// The page a saved `row` goes to (its list's page unless said otherwise).
    fn saved(c: &competition::Model, row: &Self::Model) -> String {
        Self::back(c, row)
    }

    /// The list's page with its form filled from `form` (`editing`: the row being edited).
    async fn page(
        a: &AdminScope<'_>,
        page: Page,
        editing: Option<String>,
        form: FormState,
    ) -> Result<Template, AppError>;
}

/// Adds a row (`row` is `None`) or saves `row` from checked form input, then goes to the
/// saved row's page; refused input shows the form again with its errors.
pub(super) async fn save<E: FormList>(
    page: Page,
    a: &AdminScope<'_>,
    row: Option<E::Model>,
    (mut state, checked): (FormState, Result<E::Fields, FieldErrors>),
) -> Result<FormReply, AppError> {
    let editing = row.as_ref().map(|r| E::id(r).to_string());
    let by = change_by(a, state.values.get("reason").map(String::as_str));
    let result = match row {
        None => app_setup::add::<E>(a.db, &a.c, checked, &by, page.lang).await,
        Some(row) => app_setup::change::<E>(a.db, &a.c, row, checked, &by, page.lang).await,
    };
    match result {
        Ok(saved) => Ok(FormReply::done(
            E::saved(&a.c, &saved),
            page.t(E::SAVED_KEY),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            Ok(FormReply::invalid_page(
                E::page(a, page, editing, state).await?,
            ))
        }
    }
}

/// Who changes the set-up, and why: the form's `reason` field.
pub(super) fn change_by(a: &AdminScope<'_>, reason: Option<&str>) -> ChangeBy {
    ChangeBy::new(a.user().id, reason.unwrap_or_default())
}

/// A move or a removal refused for want of a reason goes back to the list with the refusal;
/// anything else refused is the error page's.
fn no_reason(page: &Page, back: String, e: Error) -> Result<FormReply, AppError> {
    match e {
        Error::Invalid(_) => Ok(FormReply::refused(back, page.t(published::REASON_KEY))),
        other => Err(other.into()),
    }
}

async fn move_in<E: ListPage>(
    page: &Page,
    a: &AdminScope<'_>,
    item: &str,
    up: bool,
    by: &ChangeBy,
) -> Result<FormReply, AppError> {
    let row = setup_list::find::<E, _>(a, item).await?;
    let back = E::back(&a.c, &row);
    match app_setup::reorder::<E>(a.db, &a.c, &row, up, by, a.lang).await {
        Ok(()) => Ok(FormReply::done(back, page.t("flash-order-saved"))),
        Err(e) => no_reason(page, back, e),
    }
}

/// A one-click change of the set-up: the token, and after opening the reason for it.
#[derive(FromForm)]
struct ChangeForm {
    #[field(default = String::new())]
    reason: String,
    /// A criterion with children goes only once confirmed.
    confirm: bool,
}

/// One place up (`?up=true`) or down its list.
// Rank 2: every path with its own name for these segments (e.g. `advance/sync/<source>`) first.
#[post(
    "/admin/competitions/<_>/<list>/<item>/move?<up>",
    data = "<form>",
    rank = 2
)]
async fn move_item(
    page: Page,
    a: AdminScope<'_>,
    list: ListName,
    item: &str,
    up: bool,
    form: CsrfForm<'_, ChangeForm>,
) -> Result<FormReply, AppError> {
    let by = change_by(&a, form.0.value.as_ref().map(|f| f.reason.as_str()));
    match list {
        ListName::Stages => move_in::<stage::Entity>(&page, &a, item, up, &by).await,
        ListName::Criteria => move_in::<criterion::Entity>(&page, &a, item, up, &by).await,
        ListName::Documents => {
            move_in::<document_requirement::Entity>(&page, &a, item, up, &by).await
        }
        ListName::Prizes => move_in::<prize_tier::Entity>(&page, &a, item, up, &by).await,
    }
}

async fn remove<E: ListPage>(
    page: Page,
    a: &AdminScope<'_>,
    item: &str,
    (confirmed, by): (bool, &ChangeBy),
) -> Result<FormReply, AppError> {
    let row = setup_list::find::<E, _>(a, item).await?;
    let back = E::back(&a.c, &row);
    match E::remove(a, row.clone(), confirmed, by).await {
        Ok(Removal::Done) => Ok(FormReply::done(back, page.t(E::DELETED_KEY))),
        Ok(Removal::HasChildren(descendants)) => Ok(E::ask_first(page, &a.c, &row, descendants)),
        Err(e) => no_reason(&page, back, e),
    }
}

#[post(
    "/admin/competitions/<_>/<list>/<item>/delete",
    data = "<form>",
    rank = 2
)]
async fn delete(
    page: Page,
    a: AdminScope<'_>,
    list: ListName,
    item: &str,
    form: CsrfForm<'_, ChangeForm>,
) -> Result<FormReply, AppError> {
    let f = form.0.value.as_ref();
    let confirmed = f.is_some_and(|f| f.confirm);
    let by = change_by(&a, f.map(|f| f.reason.as_str()));
    let how = (confirmed, &by);
    match list {
        ListName::Stages => remove::<stage::Entity>(page, &a, item, how).await,
        ListName::Criteria => remove::<criterion::Entity>(page, &a, item, how).await,
        ListName::Documents => remove::<document_requirement::Entity>(page, &a, item, how).await,
        ListName::Prizes => remove::<prize_tier::Entity>(page, &a, item, how).await,
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![move_item, delete]
}
