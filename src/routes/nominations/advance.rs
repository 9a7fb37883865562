//! Bringing winners in from the level below: the admin picks prize winners of final results
//! (announced, appeal window closed, no open appeal) of competitions one level below, inside
//! this competition's region, and `app::nomination::advance_into` enters them in one
//! transaction. A refusal says why. When a correction of a source result changed its
//! winners after they were brought in, the page lists who must leave and who now qualifies,
//! and applies both in one step (`advance_sync`).

use entity::competition;
use rocket::form::FromForm;
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait};
use serde::Serialize;
use uuid::Uuid;

use super::view::CompetitionSummary;
use crate::app::nomination::advance_rule::SourceState;
use crate::app::nomination::advance_sync;
use crate::app::nomination::{self as nominations, AdvanceReport, SkipReason};
use crate::auth::{AdminUser, CurrentUser, csrf::CsrfForm};
use crate::db::{competitions, villages};
use crate::error::AppError;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;
use crate::views::format::competition_time;

#[derive(Serialize)]
struct CandidateView {
    id: String,
    village: String,
    region: String,
    source: String,
    prize: String,
}

#[derive(Serialize)]
struct ChangeView {
    source_id: String,
    source: String,
    version: i32,
    gone: Vec<String>,
    new: Vec<String>,
    /// Why it cannot be applied yet (empty when it can).
    waiting: String,
}

#[derive(Serialize)]
struct AdvanceView {
    page: Page,
    competition: CompetitionSummary,
    candidates: Vec<CandidateView>,
    /// Sources whose result is not final yet, with the reason.
    waiting: Vec<String>,
    changes: Vec<ChangeView>,
    errors: Vec<String>,
}

fn source_name(c: &competition::Model) -> String {
    crate::i18n::with_year(&c.name, i64::from(c.year))
}

/// Why the result of `source` is not final, in words (`None` when final); times in the
/// source competition's zone.
fn not_final(state: &SourceState, source: &competition::Model, lang: &str) -> Option<String> {
    Some(match state {
        SourceState::Final { .. } => return None,
        SourceState::NotAnnounced => i18n::t(lang, "adv-skip-not-announced"),
        SourceState::AppealWindowOpen { until } => {
            let until = competition_time(source, *until, lang);
            i18n::t_args(lang, "adv-skip-appeal-window", &[("until", until)])
        }
        SourceState::AppealPending => i18n::t(lang, "adv-skip-appeal-pending"),
    })
}

async fn view(
    db: &DatabaseConnection,
    page: Page,
    target: &competition::Model,
    who: &CurrentUser,
    errors: Vec<String>,
) -> Result<AdvanceView, AppError> {
    let lang = page.lang;
    let found = nominations::list_advance_candidates(db, target, who).await?;
    let changes = advance_sync::changes(db, target).await?;
    let mut codes: Vec<&str> = found
        .iter()
        .map(|c| c.nomination.village_code.as_str())
        .collect();
    for ch in &changes {
        codes.extend(ch.gone.iter().map(|n| n.village_code.as_str()));
        codes.extend(ch.new.iter().map(|n| n.village_code.as_str()));
    }
    let names = villages::infos(db, &codes).await?;
    let candidates = found
        .iter()
        .map(|c| {
            let info = names.get(&c.nomination.village_code);
            CandidateView {
                id: c.nomination.id.to_string(),
                village: info.map_or_else(|| c.nomination.village_code.clone(), |i| i.name.clone()),
                region: info
                    .map(|i| format!("{}, {}", i.district, i.regency))
                    .unwrap_or_default(),
                source: source_name(&c.source),
                prize: i18n::t_args(
                    lang,
                    "adv-candidate-prize",
                    &[
                        ("prize", c.prize.clone()),
                        ("version", c.version.to_string()),
                    ],
                ),
            }
        })
        .collect();
    let waiting = nominations::advance_sources(db, target, who)
        .await?
        .iter()
        .filter_map(|(c, s)| not_final(s, c, lang).map(|why| format!("{}: {why}", source_name(c))))
        .collect();
    let mut change_views = Vec::new();
    for ch in changes {
        let state = nominations::advance_rule::source_state(db, &ch.source).await?;
        change_views.push(ChangeView {
            source_id: ch.source.id.to_string(),
            source: source_name(&ch.source),
            version: ch.version,
            gone: ch
                .gone
                .iter()
                .map(|n| villages::label_of(&names, &n.village_code))
                .collect(),
            new: ch
                .new
                .iter()
                .map(|n| villages::label_of(&names, &n.village_code))
                .collect(),
            waiting: not_final(&state, &ch.source, lang).unwrap_or_default(),
        });
    }
    Ok(AdvanceView {
        competition: CompetitionSummary::of(target, lang),
        page,
        candidates,
        waiting,
        changes: change_views,
        errors,
    })
}

#[get("/admin/competitions/<_>/advance")]
async fn new(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let db = a.db;
    let target = &a.c;
    let view = view(db, page, target, &a.who.0, Vec::new()).await?;
    Ok(Template::render("nominations/advance", &view))
}

/// One line per refused nomination: "Village: why".
pub(crate) async fn describe_skips<C: ConnectionTrait>(
    db: &C,
    report: &AdvanceReport,
    lang: &str,
) -> Result<Vec<String>, DbErr> {
    let (mut rows, mut sources) = (Vec::new(), Vec::new());
    for (id, _) in &report.skipped {
        let row = entity::nomination::Entity::find_by_id(id.into_uuid())
            .one(db)
            .await?;
        // The appeal window closes in the source competition's own zone.
        sources.push(match &row {
            Some(n) => competitions::find_by_id(db, n.competition_id.into()).await?,
            None => None,
        });
        rows.push(row);
    }
    let codes: Vec<&str> = rows
        .iter()
        .flatten()
        .map(|n| n.village_code.as_str())
        .collect();
    let names = villages::infos(db, &codes).await?;
    Ok(report
        .skipped
        .iter()
        .zip(rows.iter().zip(&sources))
        .map(|((id, reason), (row, source))| {
            let who = row.as_ref().map_or_else(
                || id.to_string(),
                |n| villages::label_of(&names, &n.village_code),
            );
            let why = match reason {
                SkipReason::AppealWindowOpen => {
                    let until = report
                        .open_until
                        .iter()
                        .find(|(n, _)| n == id)
                        .zip(source.as_ref())
                        .map(|((_, t), c)| competition_time(c, *t, lang))
                        .unwrap_or_default();
                    i18n::t_args(lang, "adv-skip-appeal-window", &[("until", until)])
                }
                other => i18n::t(lang, skip_key(*other)),
            };
            format!("{who}: {why}")
        })
        .collect())
}

fn skip_key(r: SkipReason) -> &'static str {
    match r {
        SkipReason::NotFound => "adv-skip-not-found",
        SkipReason::AlreadyEntered => "adv-skip-already",
        SkipReason::NotFromBelow => "adv-skip-not-from-below",
        SkipReason::NotEligible => "adv-skip-not-eligible",
        SkipReason::NotAnnounced => "adv-skip-not-announced",
        SkipReason::AppealWindowOpen => "adv-skip-appeal-window",
        SkipReason::AppealPending => "adv-skip-appeal-pending",
        SkipReason::NotAWinner => "adv-skip-not-winner",
    }
}

#[derive(FromForm)]
struct AdvanceForm<'r> {
    nominations: Vec<&'r str>,
}

async fn refused(
    db: &DatabaseConnection,
    page: Page,
    target: &competition::Model,
    who: &CurrentUser,
    errors: Vec<String>,
) -> Result<FormReply, AppError> {
    let v = view(db, page, target, who, errors).await?;
    Ok(FormReply::invalid("nominations/advance", &v))
}

#[post("/admin/competitions/<id>/advance", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, AdvanceForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let target = competitions::find_for_admin(db, id, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::integrity::ensure_open(&target, page.lang)?;
    let picked: Vec<NominationId> = form
        .0
        .value
        .as_ref()
        .map(|f| f.nominations.clone())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .map(NominationId::from)
        .collect();
    if picked.is_empty() {
        let errors = vec![page.t("adv-err-none-picked")];
        return refused(db, page, &target, &who.0, errors).await;
    }
    // `advance_into` takes only prize winners of final results of the level directly below,
    // inside the target (which is in this admin's scope): a forged id cannot reach outside.
    let report = nominations::advance_into(db, &target, &picked, who.0.id).await?;
    let reasons = describe_skips(db, &report, page.lang).await?;
    if report.created.is_empty() {
        let mut errors = vec![page.t("adv-err-none-advanced")];
        errors.extend(reasons);
        return refused(db, page, &target, &who.0, errors).await;
    }
    let already = report
        .skipped
        .iter()
        .filter(|(_, r)| *r == SkipReason::AlreadyEntered)
        .count();
    let mut message = i18n::t_args(
        page.lang,
        "nom-flash-advanced",
        &[
            ("created", report.created.len().to_string()),
            ("skipped", report.skipped.len().to_string()),
            ("already", already.to_string()),
        ],
    );
    for r in reasons {
        message.push(' ');
        message.push_str(&r);
        message.push('.');
    }
    // The competition, then no status, kabupaten, kecamatan or region filter.
    let to = uri!(super::review::index(id, _, _, _, _));
    Ok(FormReply::done(to.to_string(), message))
}

/// The apply button carries nothing but the CSRF token.
#[derive(FromForm)]
struct SyncForm {
    #[field(name = "_csrf")]
    _token: Option<String>,
}

#[post("/admin/competitions/<id>/advance/sync/<source>", data = "<_form>")]
async fn sync(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    source: CompetitionId,
    _form: CsrfForm<'_, SyncForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let target = competitions::find_for_admin(db, id, &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let source = source.into_uuid();
    // The source must be one this admin could advance from.
    let in_scope = nominations::advance_sources(db, &target, &who.0)
        .await?
        .iter()
        .any(|(c, _)| c.id == source);
    if !in_scope {
        return Err(AppError::NotFound);
    }
    match advance_sync::apply(db, &target, source, who.0.id).await? {
        Ok(applied) => {
            let msg = i18n::t_args(
                page.lang,
                "adv-flash-synced",
                &[
                    ("left", applied.withdrawn.len().to_string()),
                    ("created", applied.report.created.len().to_string()),
                ],
            );
            Ok(FormReply::done(uri!(new(id)).to_string(), msg))
        }
        Err(reason) => {
            let errors = vec![i18n::t(page.lang, skip_key(reason))];
            refused(db, page, &target, &who.0, errors).await
        }
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![new, create, sync]
}
