//! The JSON body guard of the API: Rocket's `Json`, plus the one check every text input gets
//! (see [`crate::forms::forbidden_control`]): a string anywhere in the body (keys included)
//! with a control character other than newline, carriage return or tab is refused with 422
//! before any handler runs, naming the field. PostgreSQL cannot store NUL, and no field
//! needs any of them, so both databases answer alike.

use rocket::data::{self, Data, FromData, Limits};
use rocket::http::Status;
use rocket::outcome::Outcome;
use rocket::request::{Request, local_cache};
use rocket::response::{self, Responder};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON body in, or a JSON answer out (same shape as `rocket::serde::json::Json`).
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// Why a body was refused.
#[derive(Debug)]
pub enum Error<'r> {
    /// Unreadable or malformed, as Rocket reports it.
    Json(rocket::serde::json::Error<'r>),
    /// A string (at this JSON path) carries a forbidden control character.
    ControlChars(String),
}

/// The path of the first string with a forbidden control character, if any.
fn control_path(v: &Value, here: &str) -> Option<String> {
    let bad = crate::forms::forbidden_control;
    match v {
        Value::String(s) if bad(s) => Some(if here.is_empty() {
            "_body".to_owned()
        } else {
            here.to_owned()
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| control_path(x, &format!("{here}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, x)| {
            let path = if here.is_empty() {
                k.clone()
            } else {
                format!("{here}.{k}")
            };
            if bad(k) {
                Some(path)
            } else {
                control_path(x, &path)
            }
        }),
        _ => None,
    }
}

#[rocket::async_trait]
impl<'r, T: DeserializeOwned> FromData<'r> for Json<T> {
    type Error = Error<'r>;

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        use rocket::serde::json::Error as JsonError;
        let limit = req.limits().get("json").unwrap_or(Limits::JSON);
        let text = match data.open(limit).into_string().await {
            Ok(s) if s.is_complete() => s.into_inner(),
            Ok(_) => {
                let e =
                    std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "data limit exceeded");
                return Outcome::Error((Status::PayloadTooLarge, Error::Json(JsonError::Io(e))));
            }
            Err(e) => return Outcome::Error((Status::BadRequest, Error::Json(JsonError::Io(e)))),
        };
        let text: &'r str = local_cache!(req, text);
        if let Ok(v) = serde_json::from_str::<Value>(text)
            && let Some(path) = control_path(&v, "")
        {
            return Outcome::Error((Status::UnprocessableEntity, Error::ControlChars(path)));
        }
        match serde_json::from_str::<T>(text) {
            Ok(v) => Outcome::Success(Json(v)),
            Err(e) if e.is_data() => Outcome::Error((
                Status::UnprocessableEntity,
                Error::Json(JsonError::Parse(text, e)),
            )),
            Err(e) => Outcome::Error((Status::BadRequest, Error::Json(JsonError::Parse(text, e)))),
        }
    }
}

impl<'r, T: Serialize> Responder<'r, 'static> for Json<T> {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        rocket::serde::json::Json(self.0).respond_to(req)
    }
}

#[cfg(test)]
mod tests {
    use super::control_path;

    #[test]
    fn the_path_of_a_control_character_is_named() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"name":"ok","list":[{"x":"a\u0000b"}]}"#).unwrap_or_default();
        assert_eq!(control_path(&v, "").as_deref(), Some("list[0].x"));
        let ok: serde_json::Value =
            serde_json::from_str(r#"{"note":"baris 1\nbaris 2\tkolom"}"#).unwrap_or_default();
        assert_eq!(control_path(&ok, ""), None);
    }
}
