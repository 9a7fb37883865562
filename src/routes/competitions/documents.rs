//! The document checklist villages fill in with their nomination: add, edit, reorder, remove.
//! Frozen, like the criteria, once judging starts.

use entity::competition;
use entity::document_requirement::{self, Entity as Requirement};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::view::{DocumentRow, Summary, document_rows};
use super::{checked, load, refused, require_criteria_editable, show_path};
use crate::app::competition::setup as app_setup;
use crate::auth::AdminUser;
use crate::auth::csrf::{self, CsrfForm};
use crate::competition_forms::DocumentForm;
use crate::db::competition_setup as setup;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{CompetitionId, RequirementId};
use crate::routes::reply::FormReply;
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

async fn page_for(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    document_id: Option<String>,
    form: FormState,
) -> Result<DocumentsPage, AppError> {
    Ok(DocumentsPage {
        page,
        competition: Summary::of(c),
        documents: document_rows(setup::list_documents(db, c.id).await?),
        document_id,
        form,
    })
}

fn path(c: &competition::Model) -> String {
    format!("{}/documents", show_path(c))
}

async fn load_doc(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: RequirementId,
) -> Result<document_requirement::Model, AppError> {
    Ok(app_setup::find::<Requirement>(db, c.id, id.into_uuid()).await?)
}

#[get("/admin/competitions/<id>/documents")]
async fn index(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    let mut form = FormState::default();
    form.values.insert("kind".into(), "file".into());
    form.values.insert("required".into(), "on".into());
    Ok(Template::render(
        "competitions/documents",
        &page_for(db.inner(), page, &c, None, form).await?,
    ))
}

#[post("/admin/competitions/<id>/documents", data = "<form>")]
async fn create(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, DocumentForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = checked(form.0.value.as_ref(), DocumentForm::check);
    match app_setup::add::<Requirement>(db, &c, input, page.lang).await {
        Ok(_) => Ok(FormReply::done(path(&c), page.t("flash-document-saved"))),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = page_for(db, page, &c, None, state).await?;
            Ok(FormReply::invalid("competitions/documents", &view))
        }
    }
}

#[get("/admin/competitions/<id>/documents/<did>/edit")]
async fn edit(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    did: RequirementId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let c = load(db.inner(), id, &who).await?;
    let d = load_doc(db.inner(), &c, did).await?;
    require_criteria_editable(&c, &page)?;
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
    Ok(Template::render(
        "competitions/documents",
        &page_for(db.inner(), page, &c, Some(d.id.to_string()), form).await?,
    ))
}

#[post("/admin/competitions/<id>/documents/<did>", data = "<form>")]
async fn update(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    did: RequirementId,
    form: CsrfForm<'_, DocumentForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let d = load_doc(db, &c, did).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = checked(form.0.value.as_ref(), DocumentForm::check);
    let d_id = Some(d.id.to_string());
    match app_setup::change::<Requirement>(db, &c, d, input, page.lang).await {
        Ok(_) => Ok(FormReply::done(path(&c), page.t("flash-document-saved"))),
        Err(e) => {
            refused(e, &mut state, page.lang)?;
            let view = page_for(db, page, &c, d_id, state).await?;
            Ok(FormReply::invalid("competitions/documents", &view))
        }
    }
}

#[post("/admin/competitions/<id>/documents/<did>/move?<up>", data = "<_form>")]
async fn move_document(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    did: RequirementId,
    up: bool,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let d = load_doc(db, &c, did).await?;
    app_setup::reorder::<Requirement>(db, &c, &d, up, page.lang).await?;
    Ok(FormReply::done(path(&c), page.t("flash-order-saved")))
}

#[post("/admin/competitions/<id>/documents/<did>/delete", data = "<_form>")]
async fn delete(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    did: RequirementId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load(db, id, &who).await?;
    let d = load_doc(db, &c, did).await?;
    app_setup::delete::<Requirement>(db, &c, d, page.lang).await?;
    Ok(FormReply::done(path(&c), page.t("flash-document-deleted")))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![index, create, edit, update, move_document, delete]
}
