//! Accounts and personal tokens through the API, as on `/admin/users` and `/account/tokens`:
//! the committee lists accounts in its region (`GET /api/v1/users`, paged), creates them
//! (`POST`, answering a generated password once) and (de)activates them
//! (`PUT /api/v1/users/<id>/active`); everyone lists and creates their own tokens
//! (`/api/v1/tokens`; the token is answered once, only its hash is kept). The rules are
//! `app::accounts`, as for the pages.

use rocket::http::Status as HttpStatus;
use rocket::{Route, State, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::support::{self, Page};
use crate::app::accounts::{self, AccountInput};
use crate::auth::api::{self, ApiWrite};
use crate::auth::{CurrentUser, Role, credentials, password};
use crate::db::{api_tokens, users};
use crate::error::AppError;
use crate::ids::UserId;
use crate::json::{Error as JsonError, Json};

/// An account on the wire (never its password).
#[derive(Serialize, utoipa::ToSchema)]
struct UserDto {
    id: String,
    username: String,
    display_name: String,
    role: Role,
    region_code: Option<String>,
    village_code: Option<String>,
    active: bool,
    created_at: Option<String>,
}

impl UserDto {
    fn of(u: &entity::user::Model) -> Self {
        UserDto {
            id: u.id.to_string(),
            username: u.username.clone(),
            display_name: u.display_name.clone(),
            role: u.role,
            region_code: u.region_code.clone(),
            village_code: u.village_code.clone(),
            active: u.active,
            created_at: support::time_out(Some(u.created_at)),
        }
    }
}

#[utoipa::path(get, path = "/api/v1/users", tag = "account", params(("role" = Option<String>, Query, description = "`admin`, `judge` or `village`"), ("q" = Option<String>, Query, description = "Part of a username or name"), ("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = Page<UserDto>)))]
#[get("/v1/users?<role>&<q>&<page>&<per_page>")]
async fn list(
    who: CurrentUser,
    role: Option<&str>,
    q: Option<&str>,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<Page<UserDto>>, AppError> {
    support::require_admin(&who)?;
    let role = match role {
        Some(r) => {
            Some(Role::parse(r).ok_or_else(|| support::invalid(vec![("role", "err-choice")]))?)
        }
        None => None,
    };
    let filter = accounts::visible_to(&who, role, q);
    let (page, per_page) = support::paging(page, per_page);
    let (rows, total) = users::list(db.inner(), &filter, page, per_page).await?;
    Ok(Json(Page::new(
        rows.iter().map(UserDto::of).collect(),
        total,
        page,
        per_page,
    )))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct NewUser {
    username: String,
    display_name: String,
    /// `admin`, `judge` or `village`.
    role: String,
    region_code: String,
    village_code: String,
    /// Empty: one is generated and answered once.
    password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Created {
    user: UserDto,
    generated_password: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/users", tag = "account", request_body = NewUser, responses((status = 201, body = Created, description = "Created; a generated password is answered once")))]
#[post("/v1/users", data = "<input>")]
async fn create(
    who: ApiWrite,
    input: Result<Json<NewUser>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<Created>), AppError> {
    let who = who.0;
    support::require_admin(&who)?;
    let i = support::body(input)?.into_inner();
    let input = AccountInput {
        username: i.username,
        display_name: i.display_name,
        role: i.role,
        region_code: i.region_code,
        village_code: i.village_code,
        password: i.password,
    };
    let (user, generated_password) =
        accounts::create(db.inner(), &input, Some(&who), password::SCHEME)
            .await?
            .map_err(support::invalid)?;
    Ok((
        HttpStatus::Created,
        Json(Created {
            user: UserDto::of(&user),
            generated_password,
        }),
    ))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct ActiveInput {
    active: bool,
}

/// Activates or deactivates an account in the admin's region (404 outside it; 403 for one's
/// own). Deactivating ends its sessions.
#[utoipa::path(put, path = "/api/v1/users/{id}/active", tag = "account", params(("id" = crate::ids::UserId, Path, description = "The account")), request_body = ActiveInput, responses((status = 200, body = UserDto)))]
#[put("/v1/users/<id>/active", data = "<input>")]
async fn set_active(
    who: ApiWrite,
    id: UserId,
    input: Result<Json<ActiveInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<UserDto>, AppError> {
    let who = who.0;
    support::require_admin(&who)?;
    let on = support::body(input)?.active;
    match accounts::set_active(db.inner(), &who, id, on).await? {
        Ok(u) => Ok(Json(UserDto::of(&u))),
        Err(accounts::ActiveRefusal::NotFound) => Err(AppError::NotFound),
        Err(accounts::ActiveRefusal::Own) => Err(AppError::Forbidden),
    }
}

/// A personal token on the wire (never the token itself, except once when created).
#[derive(Serialize, utoipa::ToSchema)]
struct TokenDto {
    id: String,
    name: String,
    prefix: String,
    created_at: Option<String>,
    last_used_at: Option<String>,
    revoked: bool,
}

impl TokenDto {
    fn of(t: &entity::api_token::Model) -> Self {
        TokenDto {
            id: t.id.to_string(),
            name: t.name.clone(),
            prefix: t.prefix.clone(),
            created_at: support::time_out(Some(t.created_at)),
            last_used_at: support::time_out(t.last_used_at),
            revoked: t.revoked_at.is_some(),
        }
    }
}

/// The caller's own tokens, newest first.
#[utoipa::path(get, path = "/api/v1/tokens", tag = "account", params(("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = Page<TokenDto>, description = "The caller's tokens")))]
#[get("/v1/tokens?<page>&<per_page>")]
async fn tokens(
    who: CurrentUser,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<Page<TokenDto>>, AppError> {
    let rows = api_tokens::list_for_user(db.inner(), who.id).await?;
    let (page, per_page) = support::paging(page, per_page);
    let all = rows.iter().map(TokenDto::of).collect();
    Ok(Json(Page::cut(all, page, per_page)))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct NewToken {
    name: String,
}

#[derive(Serialize, utoipa::ToSchema)]
struct CreatedToken {
    /// The Bearer token: shown this once.
    token: String,
    #[serde(flatten)]
    row: TokenDto,
}

/// A new token for the caller (201).
#[utoipa::path(post, path = "/api/v1/tokens", tag = "account", request_body = NewToken, responses((status = 201, body = CreatedToken, description = "The token, shown this once")))]
#[post("/v1/tokens", data = "<input>")]
async fn create_token(
    who: ApiWrite,
    input: Result<Json<NewToken>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<CreatedToken>), AppError> {
    let name = support::body(input)?.into_inner().name;
    let (token, row) = accounts::create_token(db.inner(), who.0.id, &name, api::generate)
        .await?
        .map_err(support::invalid)?;
    Ok((
        HttpStatus::Created,
        Json(CreatedToken {
            token,
            row: TokenDto::of(&row),
        }),
    ))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct LoginToken {
    username: String,
    password: String,
    /// The new token's name.
    name: String,
}

/// A new token for the account whose username and password are sent (201): how a script
/// gets its first token without a browser. Throttled like the login page, with which it
/// shares its limits: an unknown user and a wrong password answer alike (422 under `_form`),
/// too many failures 429; an account that must first replace a generated password 403.
#[utoipa::path(post, path = "/api/v1/tokens/login", tag = "account", security(()), request_body = LoginToken, responses((status = 201, body = CreatedToken, description = "The token, shown this once")))]
#[post("/v1/tokens/login", data = "<input>")]
async fn login_token(
    input: Result<Json<LoginToken>, JsonError<'_>>,
    ip: Option<std::net::IpAddr>,
    db: &State<DatabaseConnection>,
    config: &State<crate::AppConfig>,
) -> Result<(HttpStatus, Json<CreatedToken>), AppError> {
    let i = support::body(input)?.into_inner();
    let db = db.inner();
    let account = match credentials::check(db, config, &i.username, &i.password, ip).await? {
        Ok(account) => account,
        Err(credentials::Refusal::Locked(_)) => return Err(AppError::TooManyRequests),
        Err(credentials::Refusal::Failed) => {
            return Err(support::invalid(vec![("_form", "login-failed")]));
        }
    };
    if account.must_change_password {
        return Err(AppError::Forbidden);
    }
    let (token, row) = accounts::create_token(db, account.id.into(), &i.name, api::generate)
        .await?
        .map_err(support::invalid)?;
    Ok((
        HttpStatus::Created,
        Json(CreatedToken {
            token,
            row: TokenDto::of(&row),
        }),
    ))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, create, set_active, tokens, create_token, login_token))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, create, set_active, tokens, create_token, login_token]
}
