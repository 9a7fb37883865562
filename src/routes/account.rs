//! The logged-in user's own account: changing the password (which ends other sessions) and
//! logging out on all devices (`routes::session`).

use rocket::form::FromForm;
use rocket::http::{CookieJar, Status};
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::Serialize;

use crate::auth::{CurrentUser, csrf::CsrfForm, password, session};
use crate::config::AppConfig;
use crate::db::users;
use crate::error::AppError;
use crate::forms::FormState;
use crate::views::Page;

#[derive(FromForm)]
struct PasswordForm<'r> {
    current_password: &'r str,
    new_password: &'r str,
    confirm_password: &'r str,
}

#[derive(Serialize)]
struct PasswordView {
    page: Page,
    form: FormState,
    /// The account still has its generated password (every other page leads here).
    must_change: bool,
}

fn render(page: Page, form: FormState, must_change: bool) -> Template {
    Template::render(
        "account/password",
        &PasswordView {
            page,
            form,
            must_change,
        },
    )
}

#[get("/account/password")]
async fn edit(
    page: Page,
    user: CurrentUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let account = users::find_by_id(db.inner(), user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(render(
        page,
        FormState::default(),
        account.must_change_password,
    ))
}

#[post("/account/password", data = "<form>")]
async fn update(
    page: Page,
    user: CurrentUser,
    form: CsrfForm<'_, PasswordForm<'_>>,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Result<Flash<Redirect>, (Status, Template)>, AppError> {
    let db = db.inner();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let account = users::find_by_id(db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(input) = form.0.value.as_ref() {
        if !password::verify(input.current_password, &account.password_hash) {
            state.add_key("current_password", page.lang, "err-current-password");
        }
        if let Err(e) = password::check_policy(input.new_password, &account.username) {
            state.add_key("new_password", page.lang, e.message_key());
        }
        if input.new_password != input.confirm_password {
            state.add_key("confirm_password", page.lang, "err-password-mismatch");
        }
    }
    let (Some(input), true) = (form.0.value.as_ref(), state.is_ok()) else {
        let must_change = account.must_change_password;
        return Ok(Err((
            Status::UnprocessableEntity,
            render(page, state, must_change),
        )));
    };
    let hash = password::hash(input.new_password).map_err(AppError::Internal)?;
    // Every session of the account is revoked and the epoch moves on, in one transaction;
    // this browser then gets a fresh session, every other one is logged out.
    let txn = db.begin().await?;
    let account = users::update_password(&txn, account, hash).await?;
    session::start(&txn, jar, &account, config).await?;
    txn.commit().await?;
    Ok(Ok(Flash::success(
        Redirect::to("/dashboard"),
        page.t("flash-password-changed"),
    )))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![edit, update]
}
