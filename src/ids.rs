//! Typed identifiers, so a `UserId` can never be passed where a `CompetitionId` is expected.
//! Rocket parses them from path segments; entity columns stay plain `Uuid`.

use rocket::http::uri::fmt::{Formatter, FromUriParam, Path as UriPath, UriDisplay};
use rocket::request::FromParam;
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random id.
            #[must_use]
            pub fn new() -> Self {
                $name(Uuid::new_v4())
            }

            /// The underlying UUID, for queries.
            #[must_use]
            pub fn into_uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                $name(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl<'a> FromParam<'a> for $name {
            type Error = uuid::Error;

            fn from_param(param: &'a str) -> Result<Self, Self::Error> {
                Uuid::parse_str(param).map($name)
            }
        }

        // Form fields carry ids as text, like paths.
        impl<'v> rocket::form::FromFormField<'v> for $name {
            fn from_value(field: rocket::form::ValueField<'v>) -> rocket::form::Result<'v, Self> {
                Ok($name(<Uuid as rocket::form::FromFormField>::from_value(field)?))
            }
        }

        // `uri!` accepts the typed id, or a plain `Uuid` read from an entity row.
        impl UriDisplay<UriPath> for $name {
            fn fmt(&self, f: &mut Formatter<'_, UriPath>) -> fmt::Result {
                UriDisplay::<UriPath>::fmt(&self.0, f)
            }
        }

        // In the OpenAPI document: a UUID string, like the paths carry it.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        rocket::http::impl_from_uri_param_identity!([UriPath] $name);

        impl FromUriParam<UriPath, Uuid> for $name {
            type Target = Uuid;

            fn from_uri_param(id: Uuid) -> Uuid {
                id
            }
        }
    };
}

typed_id!(
    /// An account.
    UserId
);

typed_id!(
    /// A competition (*lomba*).
    CompetitionId
);
typed_id!(
    /// A judging stage of a competition.
    StageId
);
typed_id!(
    /// A node of a criteria tree.
    CriterionId
);
typed_id!(
    /// A village's nomination.
    NominationId
);
typed_id!(
    /// An evidence document of a nomination.
    DocumentId
);
typed_id!(
    /// A personal API token.
    ApiTokenId
);
typed_id!(
    /// An item of a competition's document checklist.
    RequirementId
);
typed_id!(
    /// A rank of a competition's prize table.
    PrizeTierId
);
typed_id!(
    /// A village's appeal against a result.
    AppealId
);
typed_id!(
    /// A recorded prize transfer.
    DisbursementId
);
typed_id!(
    /// A score sheet (one judge, one entry, one stage).
    SheetId
);
typed_id!(
    /// A field-verification photo on a score sheet.
    PhotoId
);
typed_id!(
    /// A judge's declared conflict of interest with a region.
    ConflictId
);
