//! Application rules for the competition aggregate (see `app`).
