//! The committee's side: a competition's nominations with filters (status, kabupaten or
//! kecamatan), one nomination in full with its audit trail, and the administrative check
//! (accept, or reject with a reason the village sees). Every page is reached only through a
//! competition in the admin's scope; anything else is 404.

use rocket::form::FromForm;
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};
use serde::Serialize;

use super::view::{self, CompetitionSummary, Evidence, NominationSummary};
use crate::app::nomination::{self, Decision, ReviewRefusal};
use crate::auth::{AdminUser, csrf::CsrfForm};
use crate::db::nominations::{self, ListFilter, Profile, Status};
use crate::db::regions;
use crate::db::villages::{self, VillageInfo};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::NominationId;
use crate::registry::Level as RegionLevel;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

/// Where a village lies, by name.
#[derive(Clone, Default, Serialize)]
struct Place {
    village: String,
    kecamatan: String,
    kabupaten: String,
}

impl Place {
    fn of(info: Option<&VillageInfo>) -> Place {
        info.map(|i| Place {
            village: i.name.clone(),
            kecamatan: i.district.clone(),
            kabupaten: i.regency.clone(),
        })
        .unwrap_or_default()
    }
}

#[derive(Serialize)]
struct Row {
    nomination: NominationSummary,
    place: Place,
}

#[derive(Serialize)]
struct IndexView {
    page: Page,
    competition: CompetitionSummary,
    rows: Vec<Row>,
    status: String,
    statuses: Vec<&'static str>,
    kabupaten: String,
    kecamatan: String,
    /// (code, name) of the kabupaten inside the competition's scope.
    kabupaten_options: Vec<(String, String)>,
    /// (code, name) of the kecamatan inside the chosen kabupaten (or the scope).
    kecamatan_options: Vec<(String, String)>,
    /// A filter refused (e.g. a kecamatan outside the kabupaten).
    filter_errors: Vec<String>,
}

/// The kabupaten and kecamatan a competition's scope offers as filters: a provincial scope
/// lists its kabupaten, a kabupaten scope is its only one, a kecamatan scope fixes both.
/// National competitions list no kabupaten (too many), only what a code names.
async fn filter_options<C: ConnectionTrait>(
    db: &C,
    scope: Option<&str>,
    kabupaten: Option<&str>,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), DbErr> {
    let pair = |r: regions::Region| (r.code, r.name);
    let level = scope.and_then(RegionLevel::of_code);
    let kabupaten_options = match (scope, level) {
        (Some(p), Some(RegionLevel::Province)) => regions::children(db, Some(p)).await?,
        (Some(code), Some(_)) => {
            let regency = RegionLevel::ancestor_codes(code).get(1).cloned();
            match regency {
                Some(r) => regions::find(db, &r).await?.into_iter().collect(),
                None => Vec::new(),
            }
        }
        _ => Vec::new(),
    };
    let kecamatan_options = match (scope, level) {
        (Some(code), Some(RegionLevel::District)) => {
            regions::find(db, code).await?.into_iter().collect()
        }
        _ => match kabupaten.or(scope.filter(|_| level == Some(RegionLevel::Regency))) {
            Some(k) if RegionLevel::of_code(k) == Some(RegionLevel::Regency) => {
                regions::children(db, Some(k)).await?
            }
            _ => Vec::new(),
        },
    };
    Ok((
        kabupaten_options.into_iter().map(pair).collect(),
        kecamatan_options.into_iter().map(pair).collect(),
    ))
}

/// `region` is the older single code filter, still honoured for bookmarked links.
#[allow(clippy::too_many_arguments)]
#[get("/admin/competitions/<_>/nominations?<status>&<kabupaten>&<kecamatan>&<region>")]
pub(super) async fn index(
    page: Page,
    a: AdminScope<'_>,
    status: Option<&str>,
    kabupaten: Option<&str>,
    kecamatan: Option<&str>,
    region: Option<&str>,
) -> Result<(HttpStatus, Template), AppError> {
    let (db, c) = (a.db, &a.c);
    let region = region
        .map(str::trim)
        .filter(|r| RegionLevel::of_code(r).is_some());
    let (prefix, filter_errors) = match nomination::region_filter(kabupaten, kecamatan) {
        Ok(prefix) => (prefix.or(region.map(str::to_owned)), Vec::new()),
        Err(errors) => (
            None,
            errors
                .iter()
                .map(|(_, key)| page.t(key))
                .collect::<Vec<_>>(),
        ),
    };
    let filter = ListFilter {
        status: status.and_then(Status::parse),
        region_prefix: prefix,
    };
    let mut rows = Vec::new();
    if filter_errors.is_empty() {
        let list = nominations::list_for_competition(db, c.id, &filter).await?;
        // Every village named in three queries, not one query per row.
        let codes: Vec<&str> = list.iter().map(|n| n.village_code.as_str()).collect();
        let names = villages::infos(db, &codes).await?;
        rows = list
            .iter()
            .map(|n| Row {
                place: Place::of(names.get(&n.village_code)),
                nomination: NominationSummary::of(n, c, page.lang),
            })
            .collect();
    }
    let kabupaten = kabupaten.map(str::trim).unwrap_or("").to_owned();
    let kab_choice = Some(kabupaten.as_str()).filter(|k| !k.is_empty());
    let (kabupaten_options, kecamatan_options) =
        filter_options(db, c.region_code.as_deref(), kab_choice).await?;
    let code = if filter_errors.is_empty() {
        HttpStatus::Ok
    } else {
        HttpStatus::UnprocessableEntity
    };
    let view = IndexView {
        competition: CompetitionSummary::of(c, page.lang),
        page,
        rows,
        status: filter.status.map(Status::as_str).unwrap_or("").to_owned(),
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
        kecamatan: kecamatan.map(str::trim).unwrap_or("").to_owned(),
        kabupaten,
        kabupaten_options,
        kecamatan_options,
        filter_errors,
    };
    Ok((code, Template::render("nominations/admin_index", &view)))
}

#[derive(Serialize)]
struct ShowView {
    page: Page,
    competition: CompetitionSummary,
    nomination: NominationSummary,
    place: Place,
    profile: ProfileView,
    evidence: Evidence,
    events: Vec<crate::app::audit::Line>,
    form: FormState,
    can_accept: bool,
    can_reject: bool,
}

/// The profile as the committee reads it.
#[derive(Serialize)]
struct ProfileView {
    head_name: String,
    head_is_acting: bool,
    development_status: String,
    population: Option<i32>,
    households: Option<i32>,
    contact_name: String,
    contact_phone: String,
    contact_email: String,
    achievements: String,
    description: String,
}

impl From<Profile> for ProfileView {
    fn from(p: Profile) -> Self {
        ProfileView {
            head_name: p.head_name,
            head_is_acting: p.head_is_acting,
            development_status: p.development_status,
            population: p.population,
            households: p.households,
            contact_name: p.contact_name,
            contact_phone: p.contact_phone,
            contact_email: p.contact_email,
            achievements: p.achievements,
            description: p.description,
        }
    }
}

async fn show_page(
    db: &DatabaseConnection,
    page: Page,
    (n, c): (&entity::nomination::Model, &entity::competition::Model),
    form: FormState,
    status: HttpStatus,
) -> Result<(HttpStatus, Template), AppError> {
    let events = crate::app::audit::of_nomination(db, (n, c), page.lang).await?;
    let view = ShowView {
        competition: CompetitionSummary::of(c, page.lang),
        nomination: NominationSummary::of(n, c, page.lang),
        place: Place::of(
            villages::infos(db, &[n.village_code.as_str()])
                .await?
                .get(&n.village_code),
        ),
        profile: Profile::of(n).into(),
        evidence: view::evidence(db, n).await?,
        events,
        form,
        can_accept: matches!(Some(n.status), Some(Status::Submitted | Status::Rejected)),
        can_reject: n.status == Status::Submitted,
        page,
    };
    Ok((status, Template::render("nominations/admin_show", &view)))
}

#[get("/admin/nominations/<id>")]
pub(super) async fn show(
    page: Page,
    who: AdminUser,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Template), AppError> {
    let (n, c) = nominations::find_for_admin(db.inner(), id, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    show_page(db, page, (&n, &c), FormState::default(), HttpStatus::Ok).await
}

#[derive(FromForm)]
struct ReviewForm<'r> {
    decision: &'r str,
    reason: &'r str,
}

#[post("/admin/nominations/<id>/review", data = "<form>")]
async fn decide(
    page: Page,
    who: AdminUser,
    id: NominationId,
    form: CsrfForm<'_, ReviewForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let (n, c) = nominations::find_for_admin(db, id, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::integrity::ensure_open(&c, page.lang)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let decision = input.and_then(|f| Decision::parse(f.decision));
    let reason = input.map(|f| f.reason).unwrap_or_default();
    if reason.chars().count() > 2000 {
        state.add_key("reason", page.lang, "nom-err-too-long");
    }
    let outcome = match decision.filter(|_| state.is_ok()) {
        Some(d) => nomination::review(db, &n, d, reason, who.0.id).await?,
        None => {
            state.add_key("decision", page.lang, "err-choice");
            let status = HttpStatus::UnprocessableEntity;
            return Ok(show_page(db, page, (&n, &c), state, status).await?.into());
        }
    };
    let status = match outcome {
        Ok(()) => {
            let key = match decision {
                Some(Decision::Accept) => "nom-flash-accepted",
                _ => "nom-flash-rejected",
            };
            return Ok(FormReply::done(
                uri!(show(id = id)).to_string(),
                page.t(key),
            ));
        }
        Err(ReviewRefusal::ReasonRequired) => {
            state.add_key("reason", page.lang, "nom-err-reason-required");
            HttpStatus::UnprocessableEntity
        }
        Err(ReviewRefusal::NotReviewable) => {
            state.form_errors.push(page.t("nom-err-not-reviewable"));
            HttpStatus::Conflict
        }
    };
    Ok(show_page(db, page, (&n, &c), state, status).await?.into())
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![index, show, decide]
}
