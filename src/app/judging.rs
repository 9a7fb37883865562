//! Application rules for the judging aggregate (see `app`).
