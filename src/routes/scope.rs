//! One request guard for "the competition this route names, in the admin's scope": every
//! committee page and admin API route under `…/competitions/<id>/…` takes an [`InScope`]
//! instead of loading the competition itself. The guard answers like the handlers did:
//! 401/403 from the role guard first, then 404 for a competition outside the admin's region
//! (or an id that is no UUID), 503/500 when the database fails.

use entity::competition;
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use sea_orm::DatabaseConnection;

use crate::auth::api::ApiWrite;
use crate::auth::{AdminUser, CurrentUser, Role};
use crate::db::competitions as repo;
use crate::error::AppError;
use crate::ids::CompetitionId;

/// Who acts through a scope guard: the user behind a role or permission guard.
pub trait Actor {
    /// The signed-in account.
    fn user(&self) -> &CurrentUser;
}

impl Actor for AdminUser {
    fn user(&self) -> &CurrentUser {
        &self.0
    }
}

impl Actor for ApiWrite {
    fn user(&self) -> &CurrentUser {
        &self.0
    }
}

impl Actor for CurrentUser {
    fn user(&self) -> &CurrentUser {
        self
    }
}

/// The competition named by the route's `competitions/<…>` segment, in the scope of the
/// admin `A` (an [`AdminUser`] on the pages; a [`CurrentUser`] or [`ApiWrite`] in the API,
/// 403 unless an admin).
pub struct InScope<'r, A> {
    pub who: A,
    pub db: &'r DatabaseConnection,
    pub c: competition::Model,
}

/// A committee page's competition.
pub type AdminScope<'r> = InScope<'r, AdminUser>;
/// An API read of a competition the admin may see.
pub type ApiScope<'r> = InScope<'r, CurrentUser>;
/// An API change to a competition the admin may edit.
pub type ApiWriteScope<'r> = InScope<'r, ApiWrite>;

impl<A> InScope<'_, A> {
    /// The competition's id.
    #[must_use]
    pub fn id(&self) -> CompetitionId {
        CompetitionId::from(self.c.id)
    }
}

impl<A: Actor> InScope<'_, A> {
    /// The acting admin.
    #[must_use]
    pub fn user(&self) -> &CurrentUser {
        self.who.user()
    }
}

/// The segment of the request path that stands where the route has `competitions/<…>`.
fn competition_segment<'r>(req: &'r Request<'_>) -> Option<&'r str> {
    let route = req.route()?;
    let pattern: Vec<&str> = route
        .uri
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let at = pattern
        .windows(2)
        .position(|w| w[0] == "competitions" && w[1].starts_with('<'))?;
    req.uri().path().segments().get(at + 1)
}

#[rocket::async_trait]
impl<'r, A> FromRequest<'r> for InScope<'r, A>
where
    A: FromRequest<'r> + Actor + Send,
{
    type Error = AppError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let who = match req.guard::<A>().await {
            Outcome::Success(who) => who,
            Outcome::Error((status, _)) => return Outcome::Error((status, AppError::Forbidden)),
            Outcome::Forward(status) => return Outcome::Forward(status),
        };
        if who.user().role != Role::Admin {
            return Outcome::Error((Status::Forbidden, AppError::Forbidden));
        }
        let Some(Ok(id)) = competition_segment(req).map(|s| s.parse::<uuid::Uuid>()) else {
            return Outcome::Forward(Status::NotFound);
        };
        let Some(db) = req.rocket().state::<DatabaseConnection>() else {
            let e = AppError::Internal("no database connection is managed".into());
            return Outcome::Error((Status::InternalServerError, e));
        };
        match repo::find_for_admin(db, CompetitionId::from(id), who.user()).await {
            Ok(Some(c)) => Outcome::Success(InScope { who, db, c }),
            Ok(None) => Outcome::Error((Status::NotFound, AppError::NotFound)),
            Err(e) => {
                let e = AppError::from(e);
                log::error!("{} {}: {e}", req.method(), req.uri());
                Outcome::Error((e.status(), e))
            }
        }
    }
}
