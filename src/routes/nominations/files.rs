//! Serving evidence files back, only to those allowed (`db::documents::find_for_viewer`):
//! the owning village and admins whose scope contains the competition. Everyone else,
//! including a logged-in user of another village, gets 404. Files are served with their
//! stored (sniffed) content type, as downloads in a sandbox (`crate::downloads`).

use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;

use crate::auth::CurrentUser;
use crate::db::documents;
use crate::error::AppError;
use crate::ids::DocumentId;
use crate::storage::Storage;

/// A stored evidence file with its safety headers (`crate::downloads`).
pub(crate) type Evidence = crate::downloads::UploadedFile;

#[get("/files/<id>")]
async fn show(
    who: CurrentUser,
    id: DocumentId,
    db: &State<DatabaseConnection>,
    storage: &State<Storage>,
) -> Result<Evidence, AppError> {
    serve(db.inner(), storage.inner(), &who, id).await
}

/// The stored file if `who` may read it (also `GET /api/v1/files/<id>`); 404 otherwise.
pub(crate) async fn serve(
    db: &DatabaseConnection,
    storage: &Storage,
    who: &CurrentUser,
    id: DocumentId,
) -> Result<Evidence, AppError> {
    let doc = documents::find_for_viewer(db, id, who)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = doc.stored_name.as_deref().ok_or(AppError::NotFound)?;
    let body = crate::routes::upload::stored_bytes(storage, name).await?;
    Ok(Evidence::new(body, doc.content_type.as_deref(), &doc.label))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![show]
}
