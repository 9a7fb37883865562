//! Application rules for the accounts aggregate (see `app`).
