//! The one answer type of an HTML form handler: after success a redirect with a flash message
//! (post/redirect/get), after refused input the same page again with status 422 and its field
//! errors. Handlers return `Result<FormReply, AppError>`; everything else is an `AppError`.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket_dyn_templates::Template;
use serde::Serialize;

/// A form handler's answer.
#[derive(Debug, rocket::Responder)]
pub enum FormReply {
    /// Saved: go to `to` and say so.
    Done(Flash<Redirect>),
    /// Refused (or shown again): the page with its status.
    Page((Status, Template)),
}

impl FormReply {
    /// Success: redirect to `to` with a success message.
    pub fn done(to: impl Into<String>, message: impl Into<String>) -> Self {
        FormReply::Done(Flash::success(Redirect::to(to.into()), message.into()))
    }

    /// Redirect to `to` with an error message (the action was refused as a whole).
    pub fn refused(to: impl Into<String>, message: impl Into<String>) -> Self {
        FormReply::Done(Flash::error(Redirect::to(to.into()), message.into()))
    }

    /// The form again with its errors: 422 Unprocessable Entity.
    pub fn invalid(template: &'static str, ctx: &impl Serialize) -> Self {
        FormReply::page(Status::UnprocessableEntity, template, ctx)
    }

    /// A rendered form again with its errors: 422 Unprocessable Entity.
    pub fn invalid_page(page: Template) -> Self {
        FormReply::Page((Status::UnprocessableEntity, page))
    }

    /// A page with a chosen status (e.g. a 409 preview that must be confirmed again).
    pub fn page(status: Status, template: &'static str, ctx: &impl Serialize) -> Self {
        FormReply::Page((status, Template::render(template, ctx)))
    }
}

impl From<Flash<Redirect>> for FormReply {
    fn from(done: Flash<Redirect>) -> Self {
        FormReply::Done(done)
    }
}

impl From<(Status, Template)> for FormReply {
    fn from(page: (Status, Template)) -> Self {
        FormReply::Page(page)
    }
}
