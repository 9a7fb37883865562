//! Personal API tokens: `/account/tokens` to create (shown once) and revoke them, and
//! `GET /api/v1/me` so an integrator can check a token.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::Json;
use rocket::{Route, State, delete, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::auth::api::{self, ApiWrite};
use crate::auth::{CurrentUser, csrf, csrf::CsrfForm};
use crate::db::api_tokens;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::ApiTokenId;
use crate::views::Page;

#[derive(Serialize)]
struct TokenRow {
    id: String,
    name: String,
    prefix: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked: bool,
}

#[derive(Serialize)]
struct TokensView {
    page: Page,
    tokens: Vec<TokenRow>,
    form: FormState,
    new_token: Option<String>,
}

async fn render(
    page: Page,
    user: &CurrentUser,
    form: FormState,
    new_token: Option<String>,
    db: &DatabaseConnection,
) -> Result<Template, AppError> {
    // Not one competition's times: shown in the zone of the account's own region or village.
    let home = user.region_code.as_deref().or(user.village_code.as_deref());
    let zone = crate::registry::TimeZone::of_region(home);
    let fmt = |t| crate::views::format::when(t, zone, page.lang);
    let tokens = api_tokens::list_for_user(db, user.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.to_string(),
            name: t.name,
            prefix: t.prefix,
            created_at: fmt(t.created_at),
            last_used_at: t.last_used_at.map(fmt),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    let view = TokensView {
        page,
        tokens,
        form,
        new_token,
    };
    Ok(Template::render("account/tokens", &view))
}

#[get("/account/tokens")]
async fn index(
    page: Page,
    user: CurrentUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    render(page, &user, FormState::default(), None, db.inner()).await
}

#[derive(FromForm)]
struct NewToken<'r> {
    name: &'r str,
}

#[post("/account/tokens", data = "<form>")]
async fn create(
    page: Page,
    user: CurrentUser,
    form: CsrfForm<'_, NewToken<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(Status, Template), AppError> {
    let db = db.inner();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let name = form.0.value.as_ref().map_or("", |f| f.name);
    let token = match crate::app::accounts::create_token(db, user.id, name, api::generate).await? {
        Ok((token, _)) => token,
        Err(errors) => {
            for (field, key) in errors {
                state.add_key(field, page.lang, key);
            }
            return Ok((
                Status::UnprocessableEntity,
                render(page, &user, state, None, db).await?,
            ));
        }
    };
    // Rendered, not redirected: the token is shown this once and never stored in a cookie.
    let page_view = render(page, &user, FormState::default(), Some(token), db).await?;
    Ok((Status::Created, page_view))
}

#[post("/account/tokens/<id>/revoke", data = "<_form>")]
async fn revoke(
    page: Page,
    user: CurrentUser,
    id: ApiTokenId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    if !api_tokens::revoke_for_user(db.inner(), id, user.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(Flash::success(
        Redirect::to("/account/tokens"),
        page.t("flash-token-revoked"),
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
struct Me {
    id: String,
    username: String,
    display_name: String,
    role: crate::auth::Role,
    region_code: Option<String>,
    village_code: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "account", responses((status = 200, body = Me, description = "Who the token belongs to")))]
#[get("/v1/me")]
fn me(user: CurrentUser) -> Json<Me> {
    Json(Me {
        id: user.id.to_string(),
        username: user.username,
        display_name: user.display_name,
        role: user.role,
        region_code: user.region_code,
        village_code: user.village_code,
    })
}

#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "account", params(("id" = crate::ids::ApiTokenId, Path, description = "One of the caller's tokens")), responses((status = 204, description = "Revoked")))]
#[delete("/v1/tokens/<id>")]
async fn revoke_token(
    who: ApiWrite,
    id: ApiTokenId,
    db: &State<DatabaseConnection>,
) -> Result<Status, AppError> {
    if api_tokens::revoke_for_user(db.inner(), id, who.0.id).await? {
        Ok(Status::NoContent)
    } else {
        Err(AppError::NotFound)
    }
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(me, revoke_token))]
pub struct Doc;

/// HTML routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, create, revoke]
}

/// JSON routes of this module (mounted under `/api`).
pub fn api_routes() -> Vec<Route> {
    routes![me, revoke_token]
}
