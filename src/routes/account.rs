//! The logged-in user's own account: changing the password (which ends other sessions) and
//! logging out on all devices (`routes::session`).

use entity::user;
use rocket::form::FromForm;
use rocket::http::CookieJar;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::{DatabaseConnection, DatabaseTransaction};
use serde::Serialize;

use crate::app::accounts::{self, password::PasswordChange};
use crate::auth::{CurrentUser, csrf::CsrfForm, password, session};
use crate::config::AppConfig;
use crate::db::users;
use crate::error::AppError;
use crate::forms::FormState;
use crate::routes::reply::FormReply;
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
) -> Result<FormReply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let account = users::find_by_id(db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let must_change = account.must_change_password;
    let Some(input) = form.0.value.as_ref() else {
        return Ok(FormReply::invalid_page(render(page, state, must_change)));
    };
    let change = PasswordChange {
        current: input.current_password,
        new: input.new_password,
        confirm: input.confirm_password,
    };
    let verify: accounts::password::Verify = password::verify;
    let scheme = (password::SCHEME, verify);
    // This browser gets a fresh session; every other one is logged out.
    let this_browser = async |txn: &DatabaseTransaction, account: &user::Model| {
        session::start(txn, jar, account, config).await
    };
    match accounts::password::change(db, account, &change, scheme, this_browser).await? {
        Ok(_) => Ok(FormReply::done(
            "/dashboard",
            page.t("flash-password-changed"),
        )),
        Err(errors) => {
            for (field, key) in errors {
                state.add_key(field, page.lang, key);
            }
            Ok(FormReply::invalid_page(render(page, state, must_change)))
        }
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![edit, update]
}
