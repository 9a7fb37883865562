//! Admins manage accounts within their scope: list, create judges, village operators and
//! (regional) admins, deactivate and reactivate.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::app::accounts::{self, AccountInput};
use crate::app::regions::title_of;
use crate::auth::password;
use crate::auth::{AdminUser, Role, csrf, csrf::CsrfForm};
use crate::db::users;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::UserId;
use crate::views::{Page, Pagination};

const PER_PAGE: u64 = 50;

/// One row of the account list.
#[derive(Serialize)]
struct UserRow {
    id: String,
    username: String,
    display_name: String,
    role: Role,
    region_code: Option<String>,
    village_code: Option<String>,
    /// The village or region in words.
    place: Option<String>,
    active: bool,
}

#[derive(Serialize)]
struct IndexView {
    page: Page,
    users: Vec<UserRow>,
    role: String,
    q: String,
    pagination: Pagination,
}

#[get("/admin/users?<role>&<q>&<p>")]
async fn index(
    page: Page,
    who: AdminUser,
    role: Option<&str>,
    q: Option<&str>,
    p: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let filter = accounts::visible_to(&who.0, role.and_then(Role::parse), q);
    let page_no = p.unwrap_or(0);
    let (rows, total) = users::list(db.inner(), &filter, page_no, PER_PAGE).await?;
    let mut list = Vec::with_capacity(rows.len());
    for u in rows {
        let code = u.village_code.as_deref().or(u.region_code.as_deref());
        list.push(UserRow {
            place: title_of(db.inner(), code, page.lang).await?,
            id: u.id.to_string(),
            username: u.username,
            display_name: u.display_name,
            role: u.role,
            region_code: u.region_code,
            village_code: u.village_code,
            active: u.active,
        });
    }
    let view = IndexView {
        page,
        users: list,
        role: filter.role.map(Role::as_str).unwrap_or("").to_owned(),
        q: filter.query.unwrap_or_default(),
        pagination: Pagination::new(page_no, PER_PAGE, total),
    };
    Ok(Template::render("users/index", &view))
}

#[derive(FromForm)]
struct NewUserForm<'r> {
    username: &'r str,
    display_name: &'r str,
    role: &'r str,
    region_code: &'r str,
    village_code: &'r str,
    password: &'r str,
}

#[derive(Serialize)]
struct NewView {
    page: Page,
    form: FormState,
}

#[derive(Serialize)]
struct CreatedView {
    page: Page,
    username: String,
    role: Role,
    /// The village or region in words.
    place: Option<String>,
    generated_password: Option<String>,
}

#[get("/admin/users/new")]
fn new(page: Page, _who: AdminUser) -> Template {
    Template::render(
        "users/new",
        &NewView {
            page,
            form: FormState::default(),
        },
    )
}

#[post("/admin/users", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    form: CsrfForm<'_, NewUserForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(Status, Template), AppError> {
    let db = db.inner();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let Some(input) = form.0.value.as_ref() else {
        return Ok(invalid(page, state));
    };
    let input = AccountInput {
        username: input.username.to_owned(),
        display_name: input.display_name.to_owned(),
        role: input.role.to_owned(),
        region_code: input.region_code.to_owned(),
        village_code: input.village_code.to_owned(),
        password: input.password.to_owned(),
    };
    let passwords = password::SCHEME;
    let (user, generated_password) =
        match accounts::create(db, &input, Some(&who.0), passwords).await? {
            Ok(created) => created,
            Err(errors) => {
                for (field, key) in errors {
                    state.add_key(field, page.lang, key);
                }
                return Ok(invalid(page, state));
            }
        };
    let code = user.village_code.as_deref().or(user.region_code.as_deref());
    let view = CreatedView {
        place: title_of(db, code, page.lang).await?,
        page,
        username: user.username,
        role: user.role,
        generated_password,
    };
    // Rendered, not redirected: a generated password is shown once and never stored in a cookie.
    Ok((Status::Created, Template::render("users/created", &view)))
}

fn invalid(page: Page, form: FormState) -> (Status, Template) {
    (
        Status::UnprocessableEntity,
        Template::render("users/new", &NewView { page, form }),
    )
}

#[post("/admin/users/<id>/active?<on>", data = "<_form>")]
async fn set_active(
    page: Page,
    who: AdminUser,
    id: UserId,
    on: bool,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    match accounts::set_active(db.inner(), &who.0, id, on).await? {
        Ok(_) => {}
        Err(accounts::ActiveRefusal::NotFound) => return Err(AppError::NotFound),
        Err(accounts::ActiveRefusal::Own) => return Err(AppError::Forbidden),
    }
    let key = if on {
        "flash-user-activated"
    } else {
        "flash-user-deactivated"
    };
    Ok(Flash::success(Redirect::to("/admin/users"), page.t(key)))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, new, create, set_active]
}
