//! Application rules for the results aggregate (see `app`).
