//! One row per mounted route: its key exactly as `rocket.routes()` prints it (method and URI
//! template with the query part), the path to request with `{placeholders}` filled from the
//! fixture (see `fixture.rs`; `{new_doc}`/`{new_token}` make a fresh object per request), the
//! access class, and optional body fields. Adding a route = adding one line here.
//!
//! Writes run in table order after every read; removals and logout come last.

use super::fixture::Role::{self, *};

/// Who may use a route; everybody else must be refused (401/403/404).
#[derive(Clone, Copy, Debug)]
pub enum Class {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in account.
    LoggedIn,
    /// Any committee admin, whatever their region (lists are scoped, not refused).
    AnyAdmin,
    /// An admin whose region covers the object (and a national admin).
    AdminInScope,
    AnyJudge,
    /// Only the judge the sheet belongs to (and not in conflict with its entry).
    AssignedJudge,
    /// The judges who submitted sheets of the competition (a conflict elsewhere does not stop
    /// them reading their own entries' differences of opinion).
    Scorer,
    AnyVillage,
    /// Only the village operator who owns the entry (or the token).
    VillageOwner,
    /// The entry's owner and the committee in scope.
    OwnerOrAdmin,
    /// Evidence files: the owner, the committee in scope and the judge assigned to the entry.
    Evidence,
    /// The API's competition list: committee and villages, not judges.
    AdminOrVillage,
    /// Reading a competition (its checklist, its appeals filtered to the caller's own): the
    /// committee in scope and the villages of its region, not judges nor other admins.
    ReaderInScope,
    /// Conflicts of interest: the committee (scoped) and every judge (their own).
    AdminOrJudge,
    /// The object does not exist in the fixture (no photo, no appeal): everyone is refused,
    /// which still proves anonymous and wrong-role callers are stopped.
    Nobody,
}

impl Class {
    /// Whether `role` may use the route.
    pub fn allows(self, role: Role) -> bool {
        let admin_in = matches!(role, AdminInScope | AdminNational);
        match self {
            Class::Public => true,
            Class::LoggedIn => role != Anonymous,
            Class::AnyAdmin => admin_in || role == AdminOutOfScope,
            Class::AdminInScope => admin_in,
            Class::AnyJudge => matches!(role, JudgeAssigned | JudgeUnassigned | JudgeConflicted),
            Class::AssignedJudge => role == JudgeAssigned,
            Class::Scorer => matches!(role, JudgeAssigned | JudgeConflicted),
            Class::AnyVillage => matches!(role, VillageA | VillageB),
            Class::VillageOwner => role == VillageA,
            Class::OwnerOrAdmin => admin_in || role == VillageA,
            Class::Evidence => admin_in || matches!(role, VillageA | JudgeAssigned),
            Class::AdminOrVillage => {
                admin_in || matches!(role, AdminOutOfScope | VillageA | VillageB)
            }
            Class::ReaderInScope => admin_in || matches!(role, VillageA | VillageB),
            Class::AdminOrJudge => {
                admin_in
                    || matches!(
                        role,
                        AdminOutOfScope | JudgeAssigned | JudgeUnassigned | JudgeConflicted
                    )
            }
            Class::Nobody => false,
        }
    }
}

pub struct Row {
    pub key: &'static str,
    pub path: &'static str,
    pub class: Class,
    pub body: &'static [(&'static str, &'static str)],
}

const fn r(key: &'static str, path: &'static str, class: Class) -> Row {
    Row {
        key,
        path,
        class,
        body: &[],
    }
}

const fn rb(
    key: &'static str,
    path: &'static str,
    class: Class,
    body: &'static [(&'static str, &'static str)],
) -> Row {
    Row {
        key,
        path,
        class,
        body,
    }
}

use Class::{
    AdminInScope as InScope, AdminOrJudge, AdminOrVillage, AnyAdmin, AnyJudge, AnyVillage,
    AssignedJudge, Evidence, LoggedIn, Nobody, OwnerOrAdmin, Public, ReaderInScope as Reader,
    Scorer, VillageOwner as Owner,
};

/// A well-formed sheet body, so a refusal is about the caller, not the JSON (`_json` is sent
/// as the raw body).
const SHEET: &[(&str, &str)] = &[("_json", r#"{"version":0,"answers":[]}"#)];

/// A draft from a device for the offline sync (`version` is the one it was based on).
const SYNC: &[(&str, &str)] = &[(
    "_json",
    r#"{"device":"routes-test-device","version":0,"answers":[]}"#,
)];

#[rustfmt::skip]
pub const ROWS: &[Row] = &[
    // Public pages and API
    r("GET /", "/", Public),
    r("GET /healthz", "/healthz", Public),
    r("GET /docs/api", "/docs/api", Public),
    r("GET /api/v1/openapi.json", "/api/v1/openapi.json", Public),
    r("GET /static/<path..>", "/static/css/app.css", Public),
    r("GET /sw.js", "/sw.js", Public),
    r("GET /manifest.webmanifest", "/manifest.webmanifest", Public),
    r("GET /input-refused", "/input-refused", Public),
    r("GET /api/input-refused", "/api/input-refused", Public),
    r("GET /login?<next>", "/login?next=/admin", Public),
    r("GET /lang/<code>?<next>", "/lang/id?next=/regions", Public),
    r("GET /regions?<q>&<level>&<p>", "/regions?q=Samarinda", Public),
    r("GET /regions/<code>", "/regions/64", Public),
    r("GET /api/v1/regions?<q>&<level>&<within>&<page>&<per_page>", "/api/v1/regions?q=Samarinda", Public),
    r("GET /api/v1/regions/<code>?<page>&<per_page>", "/api/v1/regions/64", Public),
    r("GET /api/v1/regions/suggest?<q>&<levels>", "/api/v1/regions/suggest?q=Samarinda", Public),
    r("GET /presentations", "/presentations", Public),
    r("GET /results?<year>&<region>", "/results", Public),
    r("GET /results/<id>", "/results/{ann}", Public),
    r("GET /competitions/<id>/rules", "/competitions/{ann}/rules", Public),
    // Only a judge who submitted sheets of it: the assigned and the conflicted judge did.
    r("GET /judge/competitions/<id>/disagreements?<threshold>", "/judge/competitions/{ann}/disagreements", Scorer),
    r("GET /competitions/<id>/rules/v/<number>", "/competitions/{ann}/rules/v/1.txt", Public),
    r("GET /api/v1/competitions/<id>/rules", "/api/v1/competitions/{ann}/rules", Public),
    r("GET /results/<id>/v/<version>", "/results/{ann}/v/1", Public),
    r("GET /api/v1/results/<id>", "/api/v1/results/{ann}", Public),
    r("GET /results/<id>/v/<version>/verify.json", "/results/{ann}/v/1/verify.json", Public),
    r("GET /api/v1/results/<id>/snapshots?<page>&<per_page>", "/api/v1/results/{ann}/snapshots", Public),
    r("GET /api/v1/results/<id>/snapshots/<version>", "/api/v1/results/{ann}/snapshots/1", Public),
    r("GET /api/v1/results/<id>/prizes", "/api/v1/results/{ann}/prizes", Public),
    r("GET /api/v1/results/<id>/appeals?<page>&<per_page>", "/api/v1/results/{ann}/appeals", Reader),
    r("GET /api/v1/results/<id>/protocol", "/api/v1/results/{ann}/protocol", Owner),
    r("POST /api/v1/results/<id>/appeals", "/api/v1/results/{ann}/appeals", Owner),
    r("POST /login", "/login", Public),
    r("POST /api/v1/tokens/login", "/api/v1/tokens/login", Public),
    // Own account
    r("GET /dashboard", "/dashboard", LoggedIn),
    r("GET /account/password", "/account/password", LoggedIn),
    r("POST /account/password", "/account/password", LoggedIn),
    r("GET /account/tokens", "/account/tokens", LoggedIn),
    r("POST /account/tokens", "/account/tokens", LoggedIn),
    r("GET /api/v1/me", "/api/v1/me", LoggedIn),
    r("GET /api/v1/tokens?<page>&<per_page>", "/api/v1/tokens", LoggedIn),
    r("POST /api/v1/tokens", "/api/v1/tokens", LoggedIn),
    // Committee: accounts, conflicts, competition list
    r("GET /admin", "/admin", AnyAdmin),
    r("GET /admin/users?<role>&<q>&<p>", "/admin/users?q=desa", AnyAdmin),
    r("GET /admin/users/new", "/admin/users/new", AnyAdmin),
    r("POST /admin/users", "/admin/users", AnyAdmin),
    r("POST /admin/letterhead", "/admin/letterhead", AnyAdmin),
    r("POST /admin/users/<id>/active?<on>", "/admin/users/{spare_user}/active?on=true", InScope),
    r("GET /api/v1/users?<role>&<q>&<page>&<per_page>", "/api/v1/users?q=desa", AnyAdmin),
    r("POST /api/v1/users", "/api/v1/users", AnyAdmin),
    rb("PUT /api/v1/users/<id>/active", "/api/v1/users/{spare_user}/active", InScope, &[("_json", r#"{"active":true}"#)]),
    r("GET /api/v1/conflicts?<page>&<per_page>", "/api/v1/conflicts", AdminOrJudge),
    r("POST /api/v1/conflicts", "/api/v1/conflicts", AdminOrJudge),
    r("GET /admin/conflicts", "/admin/conflicts", AnyAdmin),
    rb("POST /admin/conflicts", "/admin/conflicts", InScope, &[("judge_id", "{judge_free}"), ("region_code", "{village_code}"), ("reason", "Kerabat")]),
    r("GET /admin/competitions?<year>&<status>", "/admin/competitions", AnyAdmin),
    r("GET /admin/competitions/new", "/admin/competitions/new", AnyAdmin),
    r("POST /admin/competitions", "/admin/competitions", AnyAdmin),
    // Committee: one competition's set-up
    r("GET /admin/competitions/<_>", "/admin/competitions/{comp}", InScope),
    r("GET /admin/competitions/<_>/edit", "/admin/competitions/{comp}/edit", InScope),
    r("POST /admin/competitions/<_>", "/admin/competitions/{comp}", InScope),
    r("POST /admin/competitions/<_>/clone", "/admin/competitions/{comp}/clone", InScope),
    r("POST /admin/competitions/<_>/status", "/admin/competitions/{comp}/status", InScope),
    r("GET /admin/competitions/<_>/documents", "/admin/competitions/{comp}/documents", InScope),
    r("POST /admin/competitions/<_>/documents", "/admin/competitions/{comp}/documents", InScope),
    r("GET /admin/competitions/<_>/documents/<did>/edit", "/admin/competitions/{comp}/documents/{req}/edit", InScope),
    r("POST /admin/competitions/<_>/documents/<did>", "/admin/competitions/{comp}/documents/{req}", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/move?<up>", "/admin/competitions/{comp}/documents/{req}/move?up=false", InScope),
    r("GET /admin/competitions/<_>/prizes", "/admin/competitions/{comp}/prizes", InScope),
    r("POST /admin/competitions/<_>/prizes", "/admin/competitions/{comp}/prizes", InScope),
    r("GET /admin/competitions/<_>/prizes/<pid>/edit", "/admin/competitions/{comp}/prizes/{prize}/edit", InScope),
    r("POST /admin/competitions/<_>/prizes/<pid>", "/admin/competitions/{comp}/prizes/{prize}", InScope),
    r("GET /admin/competitions/<_>/tie-breaks", "/admin/competitions/{comp}/tie-breaks", InScope),
    r("POST /admin/competitions/<_>/tie-breaks", "/admin/competitions/{comp}/tie-breaks", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/move?<up>", "/admin/competitions/{comp}/prizes/{prize}/move?up=false", InScope),
    r("GET /admin/competitions/<_>/stages/new", "/admin/competitions/{comp}/stages/new", InScope),
    r("POST /admin/competitions/<_>/stages", "/admin/competitions/{comp}/stages", InScope),
    r("GET /admin/competitions/<_>/stages/<sid>", "/admin/competitions/{comp}/stages/{stage}", InScope),
    r("GET /admin/competitions/<_>/stages/<sid>/edit", "/admin/competitions/{comp}/stages/{stage}/edit", InScope),
    r("POST /admin/competitions/<_>/stages/<sid>", "/admin/competitions/{comp}/stages/{stage}", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/move?<up>", "/admin/competitions/{comp}/stages/{stage}/move?up=false", InScope),
    r("POST /admin/competitions/<_>/stages/<sid>/criteria", "/admin/competitions/{comp}/stages/{stage}/criteria", InScope),
    r("GET /admin/competitions/<_>/criteria/<cid>/edit", "/admin/competitions/{comp}/criteria/{crit}/edit", InScope),
    r("POST /admin/competitions/<_>/criteria/<cid>", "/admin/competitions/{comp}/criteria/{crit}", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/move?<up>", "/admin/competitions/{comp}/criteria/{crit}/move?up=false", InScope),
    // Committee: nominations
    r("GET /admin/competitions/<_>/nominations?<status>&<kabupaten>&<kecamatan>&<region>", "/admin/competitions/{comp}/nominations", InScope),
    r("GET /admin/nominations/<id>", "/admin/nominations/{nom}", InScope),
    r("POST /admin/nominations/<id>/review", "/admin/nominations/{nom}/review", InScope),
    r("GET /admin/competitions/<_>/advance", "/admin/competitions/{comp}/advance", InScope),
    r("POST /admin/competitions/<id>/advance", "/admin/competitions/{comp}/advance", InScope),
    // Committee: judging
    r("GET /admin/competitions/<_>/judging", "/admin/competitions/{comp}/judging", InScope),
    r("GET /admin/competitions/<cid>/judging/<sid>", "/admin/competitions/{comp}/judging/{stage}", InScope),
    r("GET /admin/competitions/<_>/judging/<sid>/sheets/<id>/photos/<photo>", "/admin/competitions/{comp}/judging/{stage}/sheets/{sheet}/photos/{nil}", Nobody),
    r("POST /admin/competitions/<_>/judging/<sid>/panel", "/admin/competitions/{comp}/judging/{stage}/panel", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/assign", "/admin/competitions/{comp}/judging/{stage}/assign", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/assign/auto", "/admin/competitions/{comp}/judging/{stage}/assign/auto", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/draw", "/admin/competitions/{comp}/judging/{stage}/draw", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/schedule", "/admin/competitions/{comp}/judging/{stage}/schedule", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/sheets/<sheet>/reopen", "/admin/competitions/{comp}/judging/{stage}/sheets/{sheet}/reopen", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/close", "/admin/competitions/{comp}/judging/{stage}/close", InScope),
    r("GET /api/v1/competitions/<_>/stages/<sid>/panel", "/api/v1/competitions/{comp}/stages/{stage}/panel", InScope),
    r("PUT /api/v1/competitions/<_>/stages/<sid>/panel/<judge>", "/api/v1/competitions/{comp}/stages/{stage}/panel/{new_panel_judge}", InScope),
    r("POST /api/v1/competitions/<_>/stages/<sid>/assignments", "/api/v1/competitions/{comp}/stages/{stage}/assignments", InScope),
    r("POST /api/v1/competitions/<_>/stages/<sid>/assignments/auto", "/api/v1/competitions/{comp}/stages/{stage}/assignments/auto", InScope),
    r("POST /api/v1/competitions/<_>/stages/<sid>/sheets/<sheet>/reopen", "/api/v1/competitions/{comp}/stages/{stage}/sheets/{sheet}/reopen", InScope),
    r("POST /api/v1/competitions/<_>/stages/<sid>/close", "/api/v1/competitions/{comp}/stages/{stage}/close", InScope),
    r("GET /api/v1/competitions/<_>/stages/<sid>/presentation", "/api/v1/competitions/{comp}/stages/{stage}/presentation", InScope),
    r("POST /api/v1/competitions/<_>/stages/<sid>/presentation/draw", "/api/v1/competitions/{comp}/stages/{stage}/presentation/draw", InScope),
    r("PUT /api/v1/competitions/<_>/stages/<sid>/presentation/schedule", "/api/v1/competitions/{comp}/stages/{stage}/presentation/schedule", InScope),
    // Committee: results (the announced competition)
    r("GET /admin/competitions/<_>/results", "/admin/competitions/{ann}/results", InScope),
    r("GET /admin/competitions/<_>/results/v/<version>", "/admin/competitions/{ann}/results/v/1", InScope),
    r("GET /admin/competitions/<_>/results/disagreements?<threshold>", "/admin/competitions/{ann}/results/disagreements?threshold=30", InScope),
    r("GET /admin/competitions/<_>/results/prizes", "/admin/competitions/{ann}/results/prizes", InScope),
    r("GET /admin/competitions/<_>/results/export.csv", "/admin/competitions/{ann}/results/export.csv", InScope),
    r("GET /admin/competitions/<_>/results/export.xlsx", "/admin/competitions/{ann}/results/export.xlsx", InScope),
    r("GET /admin/competitions/<_>/results/ledger.xlsx", "/admin/competitions/{ann}/results/ledger.xlsx", InScope),
    r("GET /admin/competitions/<_>/results/ledger.pdf", "/admin/competitions/{ann}/results/ledger.pdf", InScope),
    r("GET /admin/security/lockouts", "/admin/security/lockouts", AnyAdmin),
    r("GET /admin/competitions/<_>/results/minutes.pdf?<inline>", "/admin/competitions/{ann}/results/minutes.pdf", InScope),
    r("GET /admin/competitions/<_>/results/decree.pdf?<q..>", "/admin/competitions/{ann}/results/decree.pdf", InScope),
    r("GET /admin/competitions/<_>/results/certificate.pdf?<nomination>&<q..>", "/admin/competitions/{ann}/results/certificate.pdf?nomination={annnom}", InScope),
    r("GET /admin/competitions/<_>/results/recap.pdf?<inline>", "/admin/competitions/{ann}/results/recap.pdf", InScope),
    r("GET /admin/competitions/<_>/results/recap.xlsx", "/admin/competitions/{ann}/results/recap.xlsx", InScope),
    r("GET /admin/letterhead", "/admin/letterhead", AnyAdmin),
    r("GET /admin/letterhead/logo", "/admin/letterhead/logo", Nobody),
    r("GET /admin/competitions/<_>/results/correct?<nomination>&<appeal>", "/admin/competitions/{ann}/results/correct", InScope),
    r("GET /admin/competitions/<_>/results/appeals/<appeal>/file", "/admin/competitions/{ann}/results/appeals/{nil}/file", Nobody),
    r("POST /admin/competitions/<_>/results/minutes", "/admin/competitions/{comp}/results/minutes", InScope),
    r("POST /admin/competitions/<_>/results/announce", "/admin/competitions/{comp}/results/announce", InScope),
    r("POST /admin/competitions/<_>/results/stages/<stage>/advance", "/admin/competitions/{comp}/results/stages/{stagecode}/advance", InScope),
    r("POST /admin/competitions/<_>/results/advance", "/admin/competitions/{ann}/results/advance", InScope),
    r("POST /admin/competitions/<_>/results/correct", "/admin/competitions/{ann}/results/correct", InScope),
    r("POST /admin/competitions/<_>/results/disbursements", "/admin/competitions/{ann}/results/disbursements", InScope),
    r("POST /admin/competitions/<_>/results/disbursements/<payment>/reverse", "/admin/competitions/{ann}/results/disbursements/{nil}/reverse", InScope),
    r("POST /admin/competitions/<id>/advance/sync/<source>", "/admin/competitions/{comp}/advance/sync/{nil}", Nobody),
    r("POST /admin/competitions/<_>/results/appeals/<appeal>/reject", "/admin/competitions/{ann}/results/appeals/{nil}/reject", Nobody),
    r("GET /api/v1/competitions/<_>/results/reliability", "/api/v1/competitions/{ann}/results/reliability", InScope),
    r("GET /api/v1/competitions/<_>/results/disagreements?<threshold>", "/api/v1/competitions/{ann}/results/disagreements?threshold=30", InScope),
    r("GET /api/v1/competitions/<_>/results/scores/<nomination>", "/api/v1/competitions/{ann}/results/scores/{annnom}", InScope),
    r("GET /api/v1/competitions/<_>/results/ledger", "/api/v1/competitions/{ann}/results/ledger", InScope),
    r("POST /api/v1/competitions/<_>/results/minutes", "/api/v1/competitions/{comp}/results/minutes", InScope),
    r("POST /api/v1/competitions/<_>/results/stages/<stage>/advance", "/api/v1/competitions/{comp}/results/stages/{stagecode}/advance", InScope),
    r("POST /api/v1/competitions/<_>/results/advance", "/api/v1/competitions/{ann}/results/advance", InScope),
    r("POST /api/v1/competitions/<_>/results/corrections", "/api/v1/competitions/{ann}/results/corrections", InScope),
    r("POST /api/v1/competitions/<_>/results/disbursements", "/api/v1/competitions/{ann}/results/disbursements", InScope),
    r("POST /api/v1/competitions/<_>/results/disbursements/<payment>/reverse", "/api/v1/competitions/{ann}/results/disbursements/{nil}/reverse", InScope),
    r("POST /api/v1/competitions/<_>/results/appeals/<appeal>/reject", "/api/v1/competitions/{ann}/results/appeals/{nil}/reject", Nobody),
    // Judges
    r("GET /judge", "/judge", AnyJudge),
    r("GET /judge/sheets?<stage>&<status>", "/judge/sheets", AnyJudge),
    r("GET /judge/conflicts", "/judge/conflicts", AnyJudge),
    r("POST /judge/conflicts", "/judge/conflicts", AnyJudge),
    r("GET /judge/sheets/<id>", "/judge/sheets/{sheet}", AssignedJudge),
    r("POST /judge/sheets/<id>", "/judge/sheets/{sheet}", AssignedJudge),
    r("POST /judge/sheets/<id>/photos", "/judge/sheets/{sheet}/photos", AssignedJudge),
    r("GET /judge/sheets/<id>/photos/<photo>", "/judge/sheets/{sheet}/photos/{nil}", Nobody),
    r("GET /judge/offline", "/judge/offline", AnyJudge),
    r("GET /judge/sheets/<id>/print", "/judge/sheets/{sheet}/print", AssignedJudge),
    r("GET /judge/sheets/<id>/sync?<device>", "/judge/sheets/{sheet}/sync?device=routes-test-device", AssignedJudge),
    rb("POST /judge/sheets/<id>/sync", "/judge/sheets/{sheet}/sync", AssignedJudge, SYNC),
    r("POST /judge/sheets/<id>/photos/queue", "/judge/sheets/{sheet}/photos/queue", AssignedJudge),
    r("GET /api/v1/judge/sheets", "/api/v1/judge/sheets", AnyJudge),
    r("GET /api/v1/judge/sheets/<id>", "/api/v1/judge/sheets/{sheet}", AssignedJudge),
    rb("PUT /api/v1/judge/sheets/<id>", "/api/v1/judge/sheets/{sheet}", AssignedJudge, SHEET),
    rb("POST /api/v1/judge/sheets/<id>/preview", "/api/v1/judge/sheets/{sheet}/preview", AssignedJudge, SHEET),
    rb("POST /api/v1/judge/sheets/<id>/submit", "/api/v1/judge/sheets/{sheet}/submit", AssignedJudge, SHEET),
    // Villages
    r("GET /village", "/village", AnyVillage),
    rb("POST /village/nominations", "/village/nominations", AnyVillage, &[("competition_id", "{comp}")]),
    r("GET /village/nominations/<_>", "/village/nominations/{nom}", Owner),
    r("POST /village/nominations/<_>", "/village/nominations/{nom}", Owner),
    r("POST /village/nominations/<_>/files", "/village/nominations/{nom}/files", Owner),
    r("POST /village/nominations/<_>/links", "/village/nominations/{nom}/links", Owner),
    r("POST /village/nominations/<_>/submit", "/village/nominations/{nom}/submit", Owner),
    r("GET /village/results/<id>", "/village/results/{ann}", Owner),
    r("POST /village/results/<id>/appeal", "/village/results/{ann}/appeal", Owner),
    r("GET /village/results/<id>/appeals/<appeal>/file", "/village/results/{ann}/appeals/{nil}/file", Nobody),
    r("GET /files/<id>", "/files/{file}", Evidence),
    // JSON API: competitions and their set-up
    r("GET /api/v1/competitions?<year>&<status>&<page>&<per_page>", "/api/v1/competitions", AdminOrVillage),
    r("POST /api/v1/competitions", "/api/v1/competitions", AnyAdmin),
    r("GET /api/v1/competitions/<id>", "/api/v1/competitions/{comp}", Reader),
    r("PUT /api/v1/competitions/<_>", "/api/v1/competitions/{comp}", InScope),
    r("POST /api/v1/competitions/<_>/status", "/api/v1/competitions/{comp}/status", InScope),
    r("POST /api/v1/results/<id>/announce", "/api/v1/results/{comp}/announce", InScope),
    r("POST /api/v1/competitions/<_>/clone", "/api/v1/competitions/{comp}/clone", InScope),
    r("GET /api/v1/competitions/<_>/advance", "/api/v1/competitions/{comp}/advance", InScope),
    r("POST /api/v1/competitions/<_>/advance", "/api/v1/competitions/{comp}/advance", InScope),
    r("GET /api/v1/competitions/<id>/documents", "/api/v1/competitions/{comp}/documents", Reader),
    r("POST /api/v1/competitions/<_>/documents", "/api/v1/competitions/{comp}/documents", InScope),
    r("PUT /api/v1/competitions/<_>/documents/<did>", "/api/v1/competitions/{comp}/documents/{req}", InScope),
    r("POST /api/v1/competitions/<_>/<list>/<item>/move?<up>&<reason>", "/api/v1/competitions/{comp}/documents/{req}/move?up=false", InScope),
    r("GET /api/v1/competitions/<_>/prizes", "/api/v1/competitions/{comp}/prizes", InScope),
    r("POST /api/v1/competitions/<_>/prizes", "/api/v1/competitions/{comp}/prizes", InScope),
    r("PUT /api/v1/competitions/<_>/prizes/<pid>", "/api/v1/competitions/{comp}/prizes/{prize}", InScope),
    r("GET /api/v1/competitions/<_>/tie-breaks", "/api/v1/competitions/{comp}/tie-breaks", InScope),
    r("PUT /api/v1/competitions/<_>/tie-breaks", "/api/v1/competitions/{comp}/tie-breaks", InScope),
    r("POST /api/v1/competitions/<_>/<list>/<item>/move?<up>&<reason>", "/api/v1/competitions/{comp}/prizes/{prize}/move?up=false", InScope),
    r("GET /api/v1/competitions/<_>/stages", "/api/v1/competitions/{comp}/stages", InScope),
    r("POST /api/v1/competitions/<_>/stages", "/api/v1/competitions/{comp}/stages", InScope),
    r("GET /api/v1/competitions/<_>/stages/<sid>", "/api/v1/competitions/{comp}/stages/{stage}", InScope),
    r("PUT /api/v1/competitions/<_>/stages/<sid>", "/api/v1/competitions/{comp}/stages/{stage}", InScope),
    r("POST /api/v1/competitions/<_>/<list>/<item>/move?<up>&<reason>", "/api/v1/competitions/{comp}/stages/{stage}/move?up=false", InScope),
    r("GET /api/v1/competitions/<_>/stages/<sid>/criteria", "/api/v1/competitions/{comp}/stages/{stage}/criteria", InScope),
    r("POST /api/v1/competitions/<_>/stages/<sid>/criteria", "/api/v1/competitions/{comp}/stages/{stage}/criteria", InScope),
    r("PUT /api/v1/competitions/<_>/criteria/<cid>", "/api/v1/competitions/{comp}/criteria/{crit}", InScope),
    r("POST /api/v1/competitions/<_>/<list>/<item>/move?<up>&<reason>", "/api/v1/competitions/{comp}/criteria/{crit}/move?up=false", InScope),
    r("GET /api/v1/competitions/<id>/nominations?<status>&<kabupaten>&<kecamatan>&<page>&<per_page>", "/api/v1/competitions/{comp}/nominations", InScope),
    // JSON API: nominations and files
    r("GET /api/v1/nominations?<page>&<per_page>", "/api/v1/nominations", AnyVillage),
    r("POST /api/v1/nominations", "/api/v1/nominations", AnyVillage),
    r("GET /api/v1/nominations/<id>", "/api/v1/nominations/{nom}", OwnerOrAdmin),
    r("PUT /api/v1/nominations/<id>/profile", "/api/v1/nominations/{nom}/profile", Owner),
    r("POST /api/v1/nominations/<id>/submit", "/api/v1/nominations/{nom}/submit", Owner),
    r("POST /api/v1/nominations/<id>/review", "/api/v1/nominations/{nom}/review", InScope),
    r("GET /api/v1/nominations/<id>/files", "/api/v1/nominations/{nom}/files", OwnerOrAdmin),
    r("POST /api/v1/nominations/<id>/files", "/api/v1/nominations/{nom}/files", Owner),
    r("POST /api/v1/nominations/<id>/files?<target>&<name>", "/api/v1/nominations/{nom}/files?target={req}&name=a.pdf", Owner),
    r("POST /api/v1/nominations/<id>/links", "/api/v1/nominations/{nom}/links", Owner),
    r("GET /api/v1/files/<doc>", "/api/v1/files/{file}", Evidence),
    // Removals last: each request gets its own object where two roles may remove.
    r("POST /village/nominations/<_>/documents/<doc>/delete", "/village/nominations/{nom}/documents/{new_doc}/delete", Owner),
    r("DELETE /api/v1/nominations/<id>/files/<doc>", "/api/v1/nominations/{nom}/files/{new_doc}", Owner),
    r("POST /account/tokens/<id>/revoke", "/account/tokens/{new_token}/revoke", Owner),
    r("DELETE /api/v1/tokens/<id>", "/api/v1/tokens/{new_token}", Owner),
    r("DELETE /api/v1/competitions/<_>/stages/<sid>/panel/<judge>", "/api/v1/competitions/{comp}/stages/{stage}/panel/{new_panel_judge}", InScope),
    r("DELETE /api/v1/competitions/<_>/stages/<sid>/sheets/<sheet>", "/api/v1/competitions/{comp}/stages/{stage}/sheets/{sheet}", InScope),
    r("DELETE /api/v1/judges/<judge>/conflicts/<id>", "/api/v1/judges/{new_conflict}", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/delete", "/admin/competitions/{comp}/documents/{req}/delete", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/delete", "/admin/competitions/{comp}/prizes/{new_prize}/delete", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/delete", "/admin/competitions/{comp}/criteria/{crit}/delete", InScope),
    r("POST /admin/competitions/<_>/<list>/<item>/delete", "/admin/competitions/{comp}/stages/{stage}/delete", InScope),
    r("DELETE /api/v1/competitions/<_>/<list>/<item>?<cascade>&<reason>", "/api/v1/competitions/{comp}/documents/{req}", InScope),
    r("DELETE /api/v1/competitions/<_>/<list>/<item>?<cascade>&<reason>", "/api/v1/competitions/{comp}/prizes/{new_prize}", InScope),
    r("DELETE /api/v1/competitions/<_>/<list>/<item>?<cascade>&<reason>", "/api/v1/competitions/{comp}/criteria/{crit}", InScope),
    r("DELETE /api/v1/competitions/<_>/<list>/<item>?<cascade>&<reason>", "/api/v1/competitions/{comp}/stages/{stage}", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/panel/remove", "/admin/competitions/{comp}/judging/{stage}/panel/remove", InScope),
    r("POST /admin/competitions/<_>/judging/<sid>/sheets/<sheet>/unassign", "/admin/competitions/{comp}/judging/{stage}/sheets/{sheet}/unassign", InScope),
    rb("POST /admin/conflicts/remove", "/admin/conflicts/remove", InScope, &[("judge_id", "{judge_conflicted}"), ("id", "{conflict}")]),
    r("POST /village/nominations/<_>/withdraw", "/village/nominations/{nom}/withdraw", Owner),
    r("POST /api/v1/nominations/<id>/withdraw", "/api/v1/nominations/{nom}/withdraw", Owner),
    r("POST /account/logout-all", "/account/logout-all", LoggedIn),
    r("POST /logout", "/logout", Public),
];
