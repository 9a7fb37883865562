//! The document checklist villages fill in with their nomination: add, edit, reorder, remove.
//! Frozen, like the criteria, once judging starts. Moving and removing are the shared
//! set-up list routes (`lists`).

use entity::competition;
use entity::document_requirement::{self, Entity as Requirement};
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;
use serde::Serialize;

use super::lists::{self, FormList, ListPage};
use super::view::{DocumentRow, Summary, document_rows};
use super::{read, require_criteria_editable, show_path};
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::DocumentForm;
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::RequirementId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::routes::setup_list::ListRoute;
use crate::views::Page;

#[derive(Serialize)]
struct DocumentsPage {
    page: Page,
    competition: Summary,
    documents: Vec<DocumentRow>,
    /// `Some` on the edit page.
    document_id: Option<String>,
    form: FormState,
}

impl ListPage for Requirement {
    const DELETED_KEY: &'static str = "flash-document-deleted";

    fn back(c: &competition::Model, _row: &document_requirement::Model) -> String {
        format!("{}/documents", show_path(c))
    }
}

impl FormList for Requirement {
    const SAVED_KEY: &'static str = "flash-document-saved";

    async fn page(
        a: &AdminScope<'_>,
        page: Page,
        document_id: Option<String>,
        form: FormState,
    ) -> Result<Template, AppError> {
        let view = DocumentsPage {
            page,
            competition: Summary::of(&a.c),
            documents: document_rows(setup::list_documents(a.db, a.c.id).await?),
            document_id,
            form,
        };
        Ok(Template::render("competitions/documents", &view))
    }
}

#[get("/admin/competitions/<_>/documents")]
async fn index(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let mut form = FormState::default();
    form.values.insert("kind".into(), "file".into());
    form.values.insert("required".into(), "on".into());
    Requirement::page(&a, page, None, form).await
}

#[post("/admin/competitions/<_>/documents", data = "<form>")]
async fn create(
    page: Page,
    a: AdminScope<'_>,
    form: CsrfForm<'_, DocumentForm>,
) -> Result<FormReply, AppError> {
    let input = read(&form, page.lang, DocumentForm::check);
    lists::save::<Requirement>(page, &a, None, input).await
}

#[get("/admin/competitions/<_>/documents/<did>/edit")]
async fn edit(page: Page, a: AdminScope<'_>, did: RequirementId) -> Result<Template, AppError> {
    let d = Requirement::find_in(&a, did.into()).await?;
    require_criteria_editable(&a.c, &page)?;
    let mut form = FormState::default();
    for (k, v) in [
        ("code", &d.code),
        ("label", &d.label),
        ("description", &d.description),
        ("kind", &d.kind),
    ] {
        form.values.insert(k.into(), v.clone());
    }
    if d.required {
        form.values.insert("required".into(), "on".into());
    }
    Requirement::page(&a, page, Some(d.id.to_string()), form).await
}

#[post("/admin/competitions/<_>/documents/<did>", data = "<form>")]
async fn update(
    page: Page,
    a: AdminScope<'_>,
    did: RequirementId,
    form: CsrfForm<'_, DocumentForm>,
) -> Result<FormReply, AppError> {
    let d = Requirement::find_in(&a, did.into()).await?;
    let input = read(&form, page.lang, DocumentForm::check);
    lists::save::<Requirement>(page, &a, Some(d), input).await
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, create, edit, update]
}
