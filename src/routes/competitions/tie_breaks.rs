//! `/admin/competitions/<id>/tie-breaks`: the committee sets the tie-break chain (*aturan
//! nilai sama*) in one form — a row per rule, in order, with spare rows to add — and saves it
//! with a reason once the rules are published. The engine judges the chain
//! (`app::competition::tie_breaks`); its objections come back at the top and under the list.

use juara_domain::tie_break::TieBreak;
use rocket::form::FromForm;
use rocket::http::Status;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;

use super::show_path;
use super::view::Summary;
use crate::app::competition::{self as app, tie_breaks as rules};
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::tie_break_form::{self as form, KINDS, RuleForm};
use crate::db::competition_setup;
use crate::error::AppError;
use crate::i18n;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

/// The form: the rows in order and the reason for a change to published rules.
#[derive(Debug, FromForm)]
pub struct ChainForm {
    rules: Vec<RuleForm>,
    reason: String,
}

#[derive(Serialize)]
struct RowView {
    kind: String,
    stage: String,
    code: String,
    seed: String,
    /// Field → message.
    errors: std::collections::BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct StageChoice {
    code: String,
    name: String,
    /// The stage's criteria codes, for the criterion field's suggestions.
    criteria: Vec<String>,
}

#[derive(Serialize)]
struct ChainPage {
    page: Page,
    competition: Summary,
    /// The chain in force, in words.
    current: Vec<String>,
    rows: Vec<RowView>,
    kinds: [&'static str; 6],
    stages: Vec<StageChoice>,
    editable: bool,
    needs_reason: bool,
    reason: String,
    reason_error: Option<String>,
    /// Every problem, shown at the top; a field's links to it.
    problems: Vec<Problem>,
}

#[derive(Serialize)]
struct Problem {
    message: String,
    /// The id of the field it is about.
    field: Option<String>,
}

impl Problem {
    fn general(message: String) -> Self {
        Problem {
            message,
            field: None,
        }
    }
}

fn rows_of(forms: &[RuleForm]) -> Vec<RowView> {
    let spare = (forms.len() + 2).min(rules::MAX_RULES.max(forms.len()));
    let mut rows: Vec<RowView> = forms
        .iter()
        .map(|f| RowView {
            kind: f.kind.clone(),
            stage: f.stage.clone(),
            code: f.code.clone(),
            seed: f.seed.clone(),
            errors: Default::default(),
        })
        .collect();
    while rows.len() < spare {
        rows.push(RowView {
            kind: String::new(),
            stage: String::new(),
            code: String::new(),
            seed: String::new(),
            errors: Default::default(),
        });
    }
    rows
}

async fn view(
    a: &AdminScope<'_>,
    page: Page,
    forms: &[RuleForm],
    reason: String,
) -> Result<ChainPage, AppError> {
    let lang = page.lang;
    let setup = competition_setup::load_setup(a.db, a.c.id).await?;
    let stages = setup
        .stages
        .iter()
        .map(|s| StageChoice {
            code: s.fields.code.clone(),
            name: s.fields.name.clone(),
            criteria: s.criteria.iter().map(|c| c.fields.code.clone()).collect(),
        })
        .collect();
    Ok(ChainPage {
        competition: Summary::of(&a.c),
        current: rules::chain_of(&a.c)
            .iter()
            .map(|r| rules::describe(r, lang))
            .collect(),
        rows: rows_of(forms),
        kinds: KINDS,
        stages,
        editable: rules::editable(&a.c),
        needs_reason: rules::needs_reason(&a.c),
        reason,
        reason_error: None,
        problems: Vec::new(),
        page,
    })
}

#[get("/admin/competitions/<_>/tie-breaks")]
async fn show(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let rows: Vec<RuleForm> = rules::chain_of(&a.c).iter().map(form::row_of).collect();
    let v = view(&a, page, &rows, String::new()).await?;
    Ok(Template::render("competitions/tie_breaks", &v))
}

#[post("/admin/competitions/<_>/tie-breaks", data = "<input>")]
async fn save(
    page: Page,
    a: AdminScope<'_>,
    input: CsrfForm<'_, ChainForm>,
) -> Result<FormReply, AppError> {
    let lang = page.lang;
    let Some(sent) = input.0.value.as_ref() else {
        return Err(AppError::Invalid(Default::default()));
    };
    let mut v = view(&a, page, &sent.rules, sent.reason.clone()).await?;
    let chain: Vec<TieBreak> = match form::check_chain(&sent.rules) {
        Ok(chain) => chain,
        Err(errors) => {
            for (i, field, key) in errors {
                let message = i18n::t(lang, key);
                let n = (i + 1).to_string();
                v.problems.push(Problem {
                    message: i18n::t_args(
                        lang,
                        "tb-row-problem",
                        &[("n", n), ("message", message.clone())],
                    ),
                    field: Some(format!("f-rules-{i}-{field}")),
                });
                if let Some(row) = v.rows.get_mut(i) {
                    row.errors.insert(field, message);
                }
            }
            return Ok(FormReply::invalid("competitions/tie_breaks", &v));
        }
    };
    let actor = a.who.0.id;
    match rules::replace(a.db, a.c.clone(), chain, &sent.reason, actor, lang).await {
        Ok(saved) => Ok(FormReply::done(
            format!("{}/tie-breaks", show_path(&saved)),
            i18n::t(lang, "tb-saved"),
        )),
        Err(app::Error::Rules(_, problems)) => {
            v.problems = problems.into_iter().map(Problem::general).collect();
            Ok(FormReply::invalid("competitions/tie_breaks", &v))
        }
        Err(app::Error::Invalid(errors)) => {
            for (field, key) in errors {
                let message = i18n::t(lang, key);
                v.reason_error = Some(message.clone());
                v.problems.push(Problem {
                    message,
                    field: Some(format!("f-{field}")),
                });
            }
            Ok(FormReply::invalid("competitions/tie_breaks", &v))
        }
        Err(app::Error::Conflict(message)) => Ok(FormReply::page(
            Status::Conflict,
            "competitions/tie_breaks",
            &ChainPage {
                problems: vec![Problem::general(message)],
                ..v
            },
        )),
        Err(e) => Err(e.into()),
    }
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![show, save]
}
