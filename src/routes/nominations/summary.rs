//! The summary at the top of the village's nomination page: every refused field of its
//! forms (profile, an item's upload, an item's link), each linking to where it is fixed.

use serde::Serialize;

use crate::forms::FormState;

/// One refused field in the summary at the top of the page, linking to the field.
#[derive(Serialize)]
pub struct SummaryItem {
    pub anchor: String,
    pub message: String,
}

/// The summary of every form's errors: profile fields link to their input, upload and link
/// errors to the indicator's own form, form-wide errors to the top.
pub fn of(profile: Option<&FormState>, upload: &FormState, link: &FormState) -> Vec<SummaryItem> {
    let mut items = Vec::new();
    let mut add = |state: &FormState, anchor: &dyn Fn(&str) -> String| {
        for e in &state.form_errors {
            items.push(SummaryItem {
                anchor: anchor(""),
                message: e.clone(),
            });
        }
        for (field, errors) in &state.errors {
            for e in errors {
                items.push(SummaryItem {
                    anchor: anchor(field),
                    message: e.clone(),
                });
            }
        }
    };
    if let Some(p) = profile {
        add(p, &|f| format!("#f-{f}"));
    }
    for state in [upload, link] {
        let target = state.values.get("target").cloned().unwrap_or_default();
        add(state, &|_| format!("#add-{}", anchor_of(&target)));
    }
    items
}

/// An indicator's target as an element id (`crit:<uuid>` → `crit-<uuid>`).
#[must_use]
pub fn anchor_of(target: &str) -> String {
    target.replace(':', "-")
}
