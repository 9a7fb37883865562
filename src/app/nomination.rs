//! Application rules for the nomination aggregate (see `app`).
