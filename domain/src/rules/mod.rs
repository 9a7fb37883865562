//! Published rules (*aturan lomba*): what a village is judged by, as data that can be
//! versioned, hashed and compared, so a change can neither be silent nor deniable.
//!
//! Rules, stated before the code:
//! 1. A rule book is a list of entries. Each entry has a **place** (the competition itself, a
//!    stage, a criterion of a stage, a checklist item, a prize rank), a **field** and a
//!    **value**. A (place, field) pair appears at most once ([`RuleBook::push`] replaces).
//! 2. The book's order is its reading order (stages and criteria as the committee arranged
//!    them), but the order of the entries is not itself a rule: the hash is taken over the
//!    entries sorted by place (the competition, then stages, criteria, checklist items and
//!    prizes, each by code or rank) and field, so showing a list in another order leaves the
//!    rules and their hash unchanged. An order that is a rule is a value: a stage's place in
//!    the funnel, a prize's rank, the tie-break chain.
//! 3. The hash is SHA-256, in lowercase hex, of the sorted entries written one per line as
//!    `place<TAB>field<TAB>value<LF>`, each part in its canonical text ([`Place::key`],
//!    [`Value::canonical`]; inside a part a backslash, tab, line feed and carriage return are
//!    written `\\`, `\t`, `\n` and `\r`, so no two books share a text): anyone can recompute it
//!    from the published book.
//! 4. The difference between two books lists every (place, field) added, removed or changed:
//!    first in the new book's reading order, then what was removed, in the old book's order.
//!    Two books differ exactly when their hashes differ (a field keeps its type of value).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Points;

/// Where in the rules an entry belongs.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// Eligibility, schedule, ranking and prize rules of the whole competition.
    Competition,
    /// A stage, by its code.
    Stage { stage: String },
    /// A criterion, by its stage's code and its own (unique within the stage).
    Criterion { stage: String, code: String },
    /// An item of the document checklist, by its code.
    Document { code: String },
    /// A row of the prize table, by rank.
    Prize { rank: i32 },
}

impl Place {
    /// The canonical text of the place (rule 3): `competition`, `stage:LAP`,
    /// `criterion:LAP:A.1`, `document:SK`, `prize:1`.
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Place::Competition => "competition".to_owned(),
            Place::Stage { stage } => format!("stage:{stage}"),
            Place::Criterion { stage, code } => format!("criterion:{stage}:{code}"),
            Place::Document { code } => format!("document:{code}"),
            Place::Prize { rank } => format!("prize:{rank}"),
        }
    }
}

/// A rule's value, typed so that pages can show it in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// Free text (a name, a list of codes, a date with its zone).
    Text(String),
    /// A whole number (a weight in percent, a count of days or judges).
    Number(i64),
    /// A score, in ten-thousandths of a point.
    Points(i64),
    /// Whole rupiah.
    Rupiah(i64),
    /// Yes or no.
    Flag(bool),
    /// Not set (no limit, no threshold).
    Unset,
}

impl Value {
    /// An optional number: [`Value::Unset`] when absent.
    #[must_use]
    pub fn number(v: Option<i64>) -> Self {
        v.map_or(Value::Unset, Value::Number)
    }

    /// An optional score: [`Value::Unset`] when absent.
    #[must_use]
    pub fn points(v: Option<i64>) -> Self {
        v.map_or(Value::Unset, Value::Points)
    }

    /// An optional amount: [`Value::Unset`] when absent.
    #[must_use]
    pub fn rupiah(v: Option<i64>) -> Self {
        v.map_or(Value::Unset, Value::Rupiah)
    }

    /// The canonical, language-neutral text hashed by rule 3: `85.5` for points, `Rp15000000`
    /// for money, `true`/`false`, `-` for unset.
    #[must_use]
    pub fn canonical(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Points(u) => Points::from_units(*u).canonical(),
            Value::Rupiah(r) => format!("Rp{r}"),
            Value::Flag(b) => b.to_string(),
            Value::Unset => "-".to_owned(),
        }
    }
}

/// One rule: where, which field, what value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub place: Place,
    pub field: String,
    pub value: Value,
}

impl Entry {
    fn line(&self) -> String {
        let clean = |s: &str| {
            s.replace('\\', "\\\\")
                .replace('\t', "\\t")
                .replace('\n', "\\n")
                .replace('\r', "\\r")
        };
        format!(
            "{}\t{}\t{}\n",
            clean(&self.place.key()),
            clean(&self.field),
            clean(&self.value.canonical())
        )
    }
}

/// The rules of a competition at one moment, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleBook {
    pub entries: Vec<Entry>,
}

impl RuleBook {
    /// Adds a rule, or replaces the value of the same place and field where it stood (rule 1).
    pub fn push(&mut self, place: Place, field: &str, value: Value) {
        if let Some(e) = self
            .entries
            .iter_mut()
            .find(|e| e.place == place && e.field == field)
        {
            e.value = value;
        } else {
            self.entries.push(Entry {
                place,
                field: field.to_owned(),
                value,
            });
        }
    }

    /// The value at (place, field), if the book has it.
    #[must_use]
    pub fn get(&self, place: &Place, field: &str) -> Option<&Value> {
        self.entries
            .iter()
            .find(|e| &e.place == place && e.field == field)
            .map(|e| &e.value)
    }

    /// The entries sorted by (place, field): the order the hash is taken in (rule 2).
    fn sorted(&self) -> Vec<&Entry> {
        let mut all: Vec<&Entry> = self.entries.iter().collect();
        all.sort_by(|a, b| (&a.place, &a.field).cmp(&(&b.place, &b.field)));
        all
    }

    /// The text the hash is taken over (rule 3), for anyone recomputing it.
    #[must_use]
    pub fn canonical_text(&self) -> String {
        self.sorted().into_iter().map(Entry::line).collect()
    }

    /// SHA-256 hex of [`RuleBook::canonical_text`].
    #[must_use]
    pub fn hash(&self) -> String {
        let digest = Sha256::digest(self.canonical_text().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// One difference between two books (rule 4): `before` is `None` for an added rule, `after`
/// is `None` for a removed one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub place: Place,
    pub field: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// What changed from `old` to `new` (rule 4).
#[must_use]
pub fn diff(old: &RuleBook, new: &RuleBook) -> Vec<Change> {
    let mut out: Vec<Change> = new
        .entries
        .iter()
        .filter_map(|e| {
            let before = old.get(&e.place, &e.field);
            (before != Some(&e.value)).then(|| Change {
                place: e.place.clone(),
                field: e.field.clone(),
                before: before.cloned(),
                after: Some(e.value.clone()),
            })
        })
        .collect();
    out.extend(
        old.entries
            .iter()
            .filter(|e| new.get(&e.place, &e.field).is_none())
            .map(|e| Change {
                place: e.place.clone(),
                field: e.field.clone(),
                before: Some(e.value.clone()),
                after: None,
            }),
    );
    out
}

#[cfg(test)]
mod tests;
