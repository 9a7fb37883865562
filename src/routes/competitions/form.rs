//! Creating (blank or from a built-in template), editing and cloning a competition. After the
//! competition opens, changing its eligibility rules or schedule needs a reason, which goes to
//! the audit log with the change, in the same transaction.

use entity::competition;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::overview::show_view;
use super::view::Summary;
use super::{add_errors, refused, show_path};
use crate::app::competition::templates as competition_templates;
use crate::app::competition::{lifecycle, rules, zone};
use crate::app::regions as region_input;
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::{CompetitionForm, DEVELOPMENT_STATUSES, local_input};
use crate::db::competitions::{self as repo, CompetitionFields, Status};
use crate::error::AppError;
use crate::forms::FormState;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(Serialize)]
struct FormView {
    page: Page,
    form: FormState,
    /// `None` on the create page.
    competition: Option<Summary>,
    /// Rule changes need a reason (status ≥ open).
    needs_reason: bool,
    statuses: Vec<(&'static str, bool)>,
    templates: Vec<&'static str>,
    /// The zone the schedule fields are typed in (`WITA`): the region in the form, else
    /// the admin's own (a new competition lies inside it), national: WIB.
    zone: zone::TimeZone,
}

/// The zone of the region the form holds (as typed, stored or the admin's scope).
fn form_zone(page: &Page, form: &FormState) -> zone::TimeZone {
    let value = |k: &str| form.values.get(k).map(|v| v.trim()).unwrap_or("");
    if value("level") == "nasional" {
        return zone::of_region(None);
    }
    let typed = Some(value("region_code")).filter(|r| !r.is_empty());
    let own = page.user.as_ref().and_then(|u| u.region_code.as_deref());
    zone::of_region(typed.or(own))
}

fn form_view(
    page: Page,
    form: FormState,
    c: Option<&competition::Model>,
    checked: &[String],
) -> FormView {
    FormView {
        zone: form_zone(&page, &form),
        page,
        form,
        needs_reason: c.is_some_and(|c| rules::status_of(c) >= Status::Open),
        competition: c.map(Summary::of),
        statuses: DEVELOPMENT_STATUSES
            .iter()
            .map(|s| (*s, checked.iter().any(|x| x == s)))
            .collect(),
        templates: competition_templates::all().iter().map(|t| t.key).collect(),
    }
}

/// The form's values for a stored competition.
fn values_of(c: &competition::Model) -> FormState {
    let f = CompetitionFields::of(c);
    let z = zone::of(c);
    let mut s = FormState::default();
    let mut set = |k: &str, v: String| {
        s.values.insert(k.to_owned(), v);
    };
    set("name", f.name);
    set("year", f.year.to_string());
    set("level", f.level.as_str().to_owned());
    set("region_code", f.region_code.unwrap_or_default());
    set("category", f.category.as_str().to_owned());
    set("description", f.description);
    set("nomination_opens_at", local_input(f.nomination_opens_at, z));
    set(
        "nomination_closes_at",
        local_input(f.nomination_closes_at, z),
    );
    set("judging_closes_at", local_input(f.judging_closes_at, z));
    set("announcement_at", local_input(f.announcement_at, z));
    set(
        "max_entries",
        f.max_entries.map(|n| n.to_string()).unwrap_or_default(),
    );
    set("appeal_days", f.appeal_days.to_string());
    set("tie_policy", f.tie_policy);
    let pts = |u: Option<i64>| u.map(|u| juara_domain::Points::from_units(u).to_string());
    let rp = |u: Option<i64>| u.map(|u| juara_domain::Rupiah::new(u).to_string());
    set("minimum_score", pts(f.minimum_score).unwrap_or_default());
    set("cash_budget", rp(f.cash_budget).unwrap_or_default());
    set(
        "assistance_budget",
        rp(f.assistance_budget).unwrap_or_default(),
    );
    if f.require_definitive_head {
        set("require_definitive_head", "on".into());
    }
    if f.appeals_enabled {
        set("appeals_enabled", "on".into());
    }
    s
}

#[get("/admin/competitions/new")]
fn new(page: Page, _who: AdminUser) -> Template {
    let mut form = FormState::default();
    form.values.insert("tie_policy".into(), "split".into());
    form.values.insert("template".into(), "desa".into());
    Template::render("competitions/form", form_view(page, form, None, &[]))
}

#[post("/admin/competitions", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    form: CsrfForm<'_, CompetitionForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let checked: Vec<String> = form
        .0
        .context
        .field_values("eligible_statuses")
        .map(str::to_owned)
        .collect();
    let Some(input) = form.0.value.as_ref() else {
        return Ok(FormReply::invalid(
            "competitions/form",
            &form_view(page, state, None, &checked),
        ));
    };
    let key = input.template.as_deref().map(str::trim).unwrap_or("");
    let template = if key.is_empty() {
        None
    } else {
        competition_templates::find(key)
    };
    if !key.is_empty() && template.is_none() {
        state.add_key("template", page.lang, "err-choice");
    }
    let fields = match input.check(db, &who.0).await? {
        Ok(f) if state.is_ok() => f,
        Ok(_) => {
            return Ok(FormReply::invalid(
                "competitions/form",
                &form_view(page, state, None, &checked),
            ));
        }
        Err(errors) => {
            add_errors(&mut state, errors, page.lang);
            return Ok(FormReply::invalid(
                "competitions/form",
                &form_view(page, state, None, &checked),
            ));
        }
    };
    match lifecycle::create(db, fields, template.as_ref(), who.0.id).await {
        Ok(c) => Ok(FormReply::done(
            show_path(&c),
            page.t("flash-competition-created"),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            Ok(FormReply::invalid(
                "competitions/form",
                &form_view(page, state, None, &checked),
            ))
        }
    }
}

#[get("/admin/competitions/<_>/edit")]
async fn edit(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let c = &a.c;
    let checked = repo::split_statuses(&c.eligible_statuses);
    let mut values = values_of(c);
    let region = region_input::input_value(a.db, c.region_code.as_deref()).await?;
    values.values.insert("region_code".into(), region);
    Ok(Template::render(
        "competitions/form",
        form_view(page, values, Some(c), &checked),
    ))
}

#[post("/admin/competitions/<_>", data = "<form>")]
async fn update(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, CompetitionForm>,
) -> Result<FormReply, AppError> {
    let (db, c) = (a.db, &a.c);
    lifecycle::ensure_not_archived(c, page.lang)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let checked: Vec<String> = form
        .0
        .context
        .field_values("eligible_statuses")
        .map(str::to_owned)
        .collect();
    let Some(input) = form.0.value.as_ref() else {
        return Ok(FormReply::invalid(
            "competitions/form",
            &form_view(page, state, Some(c), &checked),
        ));
    };
    let fields = match input.check(db, &a.who.0).await? {
        Ok(f) => f,
        Err(errors) => {
            add_errors(&mut state, errors, page.lang);
            return Ok(FormReply::invalid(
                "competitions/form",
                &form_view(page, state, Some(c), &checked),
            ));
        }
    };
    let reason = input.reason.as_deref().unwrap_or("");
    match lifecycle::update(db, c.clone(), &fields, reason, a.who.0.id, page.lang).await {
        Ok(saved) => Ok(FormReply::done(
            show_path(&saved),
            page.t("flash-competition-saved"),
        )),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            Ok(FormReply::invalid(
                "competitions/form",
                &form_view(page, state, Some(c), &checked),
            ))
        }
    }
}

#[derive(rocket::form::FromForm)]
struct CloneForm {
    year: Option<String>,
}

#[post("/admin/competitions/<_>/clone", data = "<form>")]
async fn clone(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, CloneForm>,
) -> Result<FormReply, AppError> {
    let (db, c) = (a.db, &a.c);
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let year = form
        .0
        .value
        .as_ref()
        .and_then(|f| f.year.as_deref())
        .and_then(|y| y.trim().parse::<i32>().ok());
    let year = match lifecycle::clone_year(year) {
        Ok(year) => year,
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = show_view(db, page, c, state).await?;
            return Ok(FormReply::invalid("competitions/show", &view));
        }
    };
    let copy = lifecycle::clone(db, c, year, a.who.0.id).await?;
    Ok(FormReply::done(
        show_path(&copy),
        page.t("flash-competition-cloned"),
    ))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![new, create, edit, update, clone]
}
