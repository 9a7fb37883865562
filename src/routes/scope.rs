//! One request guard for "the competition this route names, in the admin's scope": every
//! committee page and admin API route under `…/competitions/<id>/…` takes an [`InScope`]
//! instead of loading the competition itself. The guard answers like the handlers did:
//! 401/403 from the role guard first, then 404 for a competition outside the admin's region
//! (or an id that is no UUID), 503/500 when the database fails.

use entity::{competition, nomination};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use sea_orm::DatabaseConnection;

use crate::AppConfig;
use crate::auth::api::ApiWrite;
use crate::auth::{AdminUser, CurrentUser, Role, VillageUser};
use crate::db::competitions as repo;
use crate::db::nominations;
use crate::error::AppError;
use crate::ids::{CompetitionId, NominationId};

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
    /// The language of messages: the page's, or the API client's `Accept-Language`.
    pub lang: &'static str,
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

/// The segment of the request path that stands where the route has `<name>/<…>`, e.g. the
/// id after `competitions`.
fn segment_after<'r>(req: &'r Request<'_>, name: &str) -> Option<&'r str> {
    let route = req.route()?;
    let pattern: Vec<&str> = route
        .uri
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let at = pattern
        .windows(2)
        .position(|w| w[0] == name && w[1].starts_with('<'))?;
    req.uri().path().segments().get(at + 1)
}

/// The pages speak the visitor's language; the API the client's `Accept-Language`.
fn lang_of(req: &Request<'_>) -> &'static str {
    crate::error::lang_of(req)
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
        let Some(Ok(id)) = segment_after(req, "competitions").map(|s| s.parse::<uuid::Uuid>())
        else {
            return Outcome::Forward(Status::NotFound);
        };
        let Some(db) = req.rocket().state::<DatabaseConnection>() else {
            let e = AppError::Internal("no database connection is managed".into());
            return Outcome::Error((Status::InternalServerError, e));
        };
        match repo::find_for_admin(db, CompetitionId::from(id), who.user()).await {
            Ok(Some(c)) => Outcome::Success(InScope {
                who,
                db,
                c,
                lang: lang_of(req),
            }),
            Ok(None) => Outcome::Error((Status::NotFound, AppError::NotFound)),
            Err(e) => failed(req, e),
        }
    }
}

/// A village operator's own nomination, named by the route's `nominations/<…>` segment, with
/// its competition: someone else's (or a missing one) answers 404 like the handlers did.
pub struct OwnNomination<'r> {
    pub who: VillageUser,
    pub db: &'r DatabaseConnection,
    pub config: &'r AppConfig,
    pub n: nomination::Model,
    pub c: competition::Model,
}

/// A database failure in a guard: logged, and answered with its status.
fn failed<T>(req: &Request<'_>, e: sea_orm::DbErr) -> Outcome<T, AppError> {
    let e = AppError::from(e);
    log::error!("{} {}: {e}", req.method(), req.uri());
    Outcome::Error((e.status(), e))
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for OwnNomination<'r> {
    type Error = AppError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let who = match req.guard::<VillageUser>().await {
            Outcome::Success(who) => who,
            Outcome::Error((status, _)) => return Outcome::Error((status, AppError::Forbidden)),
            Outcome::Forward(status) => return Outcome::Forward(status),
        };
        let Some(Ok(id)) = segment_after(req, "nominations").map(|s| s.parse::<uuid::Uuid>())
        else {
            return Outcome::Forward(Status::NotFound);
        };
        let (Some(db), Some(config)) = (
            req.rocket().state::<DatabaseConnection>(),
            req.rocket().state::<AppConfig>(),
        ) else {
            let e = AppError::Internal("no database or configuration is managed".into());
            return Outcome::Error((Status::InternalServerError, e));
        };
        let missing = (Status::NotFound, AppError::NotFound);
        let Some(village) = who.0.village_code.as_deref() else {
            return Outcome::Error(missing);
        };
        let n = match nominations::find_for_village(db, NominationId::from(id), village).await {
            Ok(Some(n)) => n,
            Ok(None) => return Outcome::Error(missing),
            Err(e) => return failed(req, e),
        };
        match repo::find_by_id(db, CompetitionId::from(n.competition_id)).await {
            Ok(Some(c)) => Outcome::Success(OwnNomination {
                who,
                db,
                config,
                n,
                c,
            }),
            Ok(None) => Outcome::Error(missing),
            Err(e) => failed(req, e),
        }
    }
}
