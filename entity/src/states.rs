//! The stored states and kinds as enums. Each is stored as the same lowercase string as
//! before (no migration), serializes to that string in JSON and templates, and is spelled as
//! a string only here, so a typo is a compile error instead of a silently unmatched row.

use std::fmt;

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Declares a string-stored enum with its stored names, `ALL` (in declaration order),
/// `as_str`, `parse` and `Display`.
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:tt, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, DeriveActiveEnum, Serialize,
            Deserialize,
        )]
        #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[sea_orm(string_value = $value)]
                #[serde(rename = $value)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration (lifecycle) order.
            pub const ALL: [$name; [$($value),+].len()] = [$($name::$variant),+];

            /// The stored name.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)+
                }
            }

            /// Parses the stored name.
            #[must_use]
            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|x| x.as_str() == s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                use utoipa::openapi::schema::{ObjectBuilder, Type};
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some($name::ALL.map($name::as_str)))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}
    };
}

stored_enum! {
    /// Where a competition is in its life (`competition.status`).
    CompetitionStatus {
        /// Being set up; invisible to villages.
        Draft = "draft",
        /// Published, accepting nominations within the window.
        Open = "open",
        /// Nominations closed; judges are scoring. Criteria are frozen from here on.
        Judging = "judging",
        /// Results computed and under the committee's review (not public).
        Review = "review",
        /// Results published.
        Announced = "announced",
        /// Closed and read-only.
        Archived = "archived",
    }
}

stored_enum! {
    /// Where a nomination is (`nomination.status`).
    NominationStatus {
        /// Being prepared by the village; editable while the window is open.
        Draft = "draft",
        /// Sent to the committee; waiting for the administrative check.
        Submitted = "submitted",
        /// Passed the administrative check.
        Accepted = "accepted",
        /// Failed the administrative check; the reason is shown to the village.
        Rejected = "rejected",
        /// Taken back by the village before judging.
        Withdrawn = "withdrawn",
    }
}

stored_enum! {
    /// A sheet's life (`score_sheet.status`): created on assignment, saved as a draft,
    /// submitted (locked).
    SheetStatus {
        Assigned = "assigned",
        Draft = "draft",
        Submitted = "submitted",
    }
}

stored_enum! {
    /// An appeal (`appeal.status`): open until the committee answers it once.
    AppealStatus {
        Open = "open",
        /// Accepted with a correction of the results.
        Accepted = "accepted",
        /// Rejected with a reason.
        Rejected = "rejected",
    }
}

stored_enum! {
    /// An announced results snapshot (`result_snapshot.status`).
    SnapshotStatus {
        /// The version in force.
        Current = "current",
        /// An earlier version, still readable.
        Superseded = "superseded",
    }
}

stored_enum! {
    /// What an account may do (`user.role`).
    Role {
        /// DPMPD committee staff; scoped to a region (none = national).
        Admin = "admin",
        /// A member of a judging panel (*tim penilai*).
        Judge = "judge",
        /// A village operator acting for one desa or kelurahan.
        Village = "village",
    }
}

stored_enum! {
    /// A prize component that carries money (`disbursement.kind`, still a text column: read
    /// it with `parse`).
    PrizeComponent {
        /// *Uang pembinaan*.
        Cash = "cash",
        /// *Bantuan keuangan* (desa only).
        Assistance = "assistance",
    }
}

/// How a nomination came to be (`nomination.origin`, a text column). Not a stored enum like
/// the others: its stored name `self` cannot name a generated identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NominationOrigin {
    /// Entered by the village itself.
    Own,
    /// Brought in from the winners of the level below.
    Advanced,
}

impl NominationOrigin {
    /// The stored name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NominationOrigin::Own => "self",
            NominationOrigin::Advanced => "advanced",
        }
    }

    /// Parses the stored name.
    #[must_use]
    pub fn parse(s: &str) -> Option<NominationOrigin> {
        [NominationOrigin::Own, NominationOrigin::Advanced]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

stored_enum! {
    /// What a checklist item takes (`document_requirement.kind`, a text column: read it with
    /// `parse`); an evidence criterion takes either.
    DocumentKind {
        /// An uploaded file.
        File = "file",
        /// A link (e.g. a video).
        Link = "link",
        /// Either (evidence on a criterion).
        Any = "any",
    }
}
