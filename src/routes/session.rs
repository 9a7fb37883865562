//! Logging in and out. Login is throttled per username and per address, answers the same
//! for an unknown user and a wrong password, and is CSRF-protected like every form.

use rocket::Either;
use rocket::form::FromForm;
use rocket::http::{CookieJar, Status};
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use std::net::IpAddr;

use crate::auth::{CurrentUser, credentials, csrf, csrf::CsrfForm, session};
use crate::config::AppConfig;
use crate::error::AppError;
use crate::forms::FormState;
use crate::views::Page;

#[derive(FromForm)]
struct LoginForm<'r> {
    username: &'r str,
    password: &'r str,
}

#[derive(Serialize)]
struct LoginView {
    page: Page,
    form: FormState,
    next: Option<String>,
}

fn login_page(page: Page, form: FormState, next: Option<String>) -> Template {
    Template::render("session/login", &LoginView { page, form, next })
}

#[get("/login?<next>")]
fn new(page: Page, user: Option<CurrentUser>, next: Option<&str>) -> Either<Template, Redirect> {
    if user.is_some() {
        return Either::Right(Redirect::to("/dashboard"));
    }
    Either::Left(login_page(
        page,
        FormState::default(),
        super::safe_next(next),
    ))
}

#[post("/login", data = "<form>")]
async fn create(
    page: Page,
    form: CsrfForm<'_, LoginForm<'_>>,
    jar: &CookieJar<'_>,
    ip: Option<IpAddr>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Result<Result<Flash<Redirect>, (Status, Template)>, AppError> {
    let db = db.inner();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let next = super::safe_next(form.0.context.field_value("next"));
    let Some(input) = form.0.value.as_ref() else {
        return Ok(Err((
            Status::UnprocessableEntity,
            login_page(page, state, next),
        )));
    };
    let checked = credentials::check(db, config, input.username, input.password, ip).await?;
    let account = match checked {
        Ok(account) => Some(account),
        Err(credentials::Refusal::Locked(locked)) => {
            let msg = crate::i18n::t_args(
                page.lang,
                "login-throttled",
                &[("minutes", locked.retry_after_minutes.to_string())],
            );
            state.form_errors.push(msg);
            return Ok(Err((
                Status::TooManyRequests,
                login_page(page, state, next),
            )));
        }
        Err(credentials::Refusal::Failed) => None,
    };
    match account {
        Some(account) => {
            // A first sign-in is greeted as one, not "welcome back".
            let first = crate::db::sessions::count_for_user(db, account.id).await? == 0;
            session::start(db, jar, &account, config).await?;
            let to = if account.must_change_password {
                "/account/password".to_owned()
            } else {
                next.unwrap_or_else(|| "/dashboard".into())
            };
            Ok(Ok(Flash::success(
                Redirect::to(to),
                page.t_args(
                    if first {
                        "flash-logged-in-first"
                    } else {
                        "flash-logged-in"
                    },
                    &[("name", account.display_name.clone())],
                ),
            )))
        }
        None => {
            state.form_errors.push(page.t("login-failed"));
            Ok(Err((
                Status::UnprocessableEntity,
                login_page(page, state, next),
            )))
        }
    }
}

/// Ends this session on the server too, so a copy of the cookie stops working.
#[post("/logout", data = "<_form>")]
async fn delete(
    page: Page,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    session::end(db.inner(), jar).await?;
    Ok(Flash::success(
        Redirect::to("/"),
        page.t("flash-logged-out"),
    ))
}

/// "Keluar dari semua perangkat": ends every session of the account (API tokens stay).
#[post("/account/logout-all", data = "<_form>")]
async fn delete_all(
    page: Page,
    user: CurrentUser,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    crate::db::sessions::revoke_all(db.inner(), user.id.into_uuid()).await?;
    session::forget(jar);
    Ok(Flash::success(
        Redirect::to("/login"),
        page.t("flash-logged-out-all"),
    ))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![new, create, delete, delete_all]
}
