//! Verifiable results (*hasil yang dapat diperiksa*): the file a committee publishes beside a
//! result's hash, and the check anyone can run on it with `juara verify <file>`.
//!
//! Rules, stated before the code:
//! 1. The file holds the snapshot's canonical inputs (validated spec, prize table, entries,
//!    sheets, panel scopes) and outputs (ranking lines, incomplete entries, money totals), with
//!    the competition, the version and the correction's reason.
//! 2. Judges appear as `JudgeId(1..n)`: the real account ids, sorted, numbered in that order.
//!    The numbering keeps their order, so the engine ranks exactly as it did on the real ids,
//!    and no judge can be followed from one competition to another.
//! 3. The snapshot's hash (scheme 2) is SHA-256 over this file's canonical JSON without the
//!    hash itself: it covers the version and the reason, and anyone holding the file can
//!    recompute it. Snapshots announced before scheme 2 keep their hash over the stored
//!    inputs and outputs (scheme 1).
//! 4. Verifying recomputes the hash, then the whole ranking and prize allocation with the
//!    engine, and compares every published line; a spec that fails validation fails the check.

use std::collections::{BTreeSet, HashMap};

use juara_domain::engine;
use juara_domain::prizes::{self, PrizeTable};
use juara_domain::sheet::{JudgeScope, Sheet};
use juara_domain::stage::CompetitionSpec;
use juara_domain::{EntryId, JudgeId};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::published::{IncompleteLine, Line, Parts, Published, Totals, VillageInfo};
use crate::db::results::inputs::{EngineInputs, entry_id};

/// The format name written into every file; a verifier refuses files of another format.
pub const FORMAT: &str = "juara-results/1";

/// The hash scheme of snapshots whose hash is [`hash`] over their [`Bundle`].
pub const HASH_SCHEME: i32 = 2;

/// What a published result file holds (rule 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub competition_id: Uuid,
    pub competition_name: String,
    pub year: i32,
    pub level: String,
    pub category: String,
    pub version: i32,
    /// Why this version corrects the previous one (empty for version 1).
    pub reason: String,
    pub inputs: BundleInputs,
    pub outputs: BundleOutputs,
}

/// The engine's inputs, judges numbered (rule 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleInputs {
    pub spec: CompetitionSpec,
    pub prizes: PrizeTable,
    pub entries: Vec<EntryId>,
    pub sheets: Vec<Sheet>,
    pub scopes: Vec<JudgeScope>,
}

/// What was published from them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleOutputs {
    pub lines: Vec<Line>,
    pub incomplete: Vec<IncompleteLine>,
    pub totals: Totals,
}

/// The downloadable file: the bundle and its hash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub content_hash: String,
    pub bundle: Bundle,
}

/// How a snapshot stores its inputs (see `results::SnapshotInputs`).
#[derive(Deserialize)]
struct StoredInputs {
    spec: CompetitionSpec,
    prizes: PrizeTable,
    inputs: EngineInputs,
}

/// SHA-256 (hex) over the bundle's canonical JSON (rule 3).
#[must_use]
pub fn hash(bundle: &Bundle) -> String {
    // Serializing plain structs and vectors cannot fail; an empty body would not match anyway.
    let json = serde_json::to_vec(bundle).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bundle of a snapshot from its stored JSON, version and reason.
pub fn bundle_of(
    inputs_json: &str,
    outputs_json: &str,
    version: i32,
    reason: &str,
) -> Result<Bundle, String> {
    let stored: StoredInputs =
        serde_json::from_str(inputs_json).map_err(|e| format!("stored inputs: {e}"))?;
    let published: Published =
        serde_json::from_str(outputs_json).map_err(|e| format!("stored outputs: {e}"))?;
    let (sheets, scopes) = number_judges(stored.inputs.sheets, stored.inputs.scopes);
    Ok(Bundle {
        format: FORMAT.to_owned(),
        competition_id: published.competition_id,
        competition_name: published.competition_name,
        year: published.year,
        level: published.level,
        category: published.category,
        version,
        reason: reason.to_owned(),
        inputs: BundleInputs {
            spec: stored.spec,
            prizes: stored.prizes,
            entries: stored.inputs.entries,
            sheets,
            scopes,
        },
        outputs: BundleOutputs {
            lines: published.lines,
            incomplete: published.incomplete,
            totals: published.totals,
        },
    })
}

/// Replaces judge ids with their position in sorted order, 1-based (rule 2).
fn number_judges(
    mut sheets: Vec<Sheet>,
    mut scopes: Vec<JudgeScope>,
) -> (Vec<Sheet>, Vec<JudgeScope>) {
    let ids: BTreeSet<JudgeId> = sheets
        .iter()
        .map(|s| s.judge)
        .chain(scopes.iter().map(|s| s.judge))
        .collect();
    let number: HashMap<JudgeId, JudgeId> = ids
        .into_iter()
        .zip(1u128..)
        .map(|(id, n)| (id, JudgeId(n)))
        .collect();
    let renumber = |j: &mut JudgeId| {
        if let Some(n) = number.get(j) {
            *j = *n;
        }
    };
    sheets.iter_mut().for_each(|s| renumber(&mut s.judge));
    scopes.iter_mut().for_each(|s| renumber(&mut s.judge));
    (sheets, scopes)
}

/// The outcome of checking a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The file's hash matches its contents.
    pub hash_matches: bool,
    /// What the recomputation found different (empty = everything matches).
    pub differences: Vec<String>,
}

impl Verdict {
    /// The hash and every recomputed line match.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.hash_matches && self.differences.is_empty()
    }
}

/// Recomputes the hash, the ranking and the prize allocation of a file (rule 4).
#[must_use]
pub fn check(file: &ResultFile) -> Verdict {
    let b = &file.bundle;
    let mut differences = Vec::new();
    if b.format != FORMAT {
        differences.push(format!("unknown format {:?} (expected {FORMAT})", b.format));
    }
    let i = &b.inputs;
    let recomputed = engine::compute(&i.spec, &i.entries, &i.sheets, &i.scopes)
        .map_err(|e| format!("the engine refuses the inputs: {e}"))
        .and_then(|result| {
            prizes::allocate(&i.prizes, &super::placements(&result))
                .map(|allocation| (result, allocation))
                .map_err(|e| format!("the prize table refuses the ranking: {e}"))
        });
    match recomputed {
        Err(e) => differences.push(e),
        Ok((result, allocation)) => {
            let villages = villages_of(&b.outputs);
            let parts = Parts::of(&i.spec, &i.prizes, &result, &allocation, &villages);
            compare(&parts, &b.outputs, &mut differences);
        }
    }
    Verdict {
        hash_matches: hash(b) == file.content_hash,
        differences,
    }
}

/// Village names as the file publishes them (they are labels, not inputs of the engine).
fn villages_of(o: &BundleOutputs) -> HashMap<EntryId, VillageInfo> {
    o.lines
        .iter()
        .map(|l| (entry_id(l.nomination_id), l.village.clone()))
        .chain(
            o.incomplete
                .iter()
                .map(|l| (entry_id(l.nomination_id), l.village.clone())),
        )
        .collect()
}

fn compare(parts: &Parts, published: &BundleOutputs, out: &mut Vec<String>) {
    if parts.lines.len() != published.lines.len() {
        out.push(format!(
            "{} ranked lines recomputed, {} published",
            parts.lines.len(),
            published.lines.len()
        ));
    }
    for (n, (mine, theirs)) in parts.lines.iter().zip(&published.lines).enumerate() {
        if mine != theirs {
            out.push(format!(
                "line {}: published {} rank {} score {} prize {:?}; recomputed {} rank {} score {} prize {:?}",
                n + 1,
                theirs.village.name,
                theirs.rank,
                theirs.final_score,
                theirs.prize.as_ref().map(|p| (p.cash, p.assistance)),
                mine.village.name,
                mine.rank,
                mine.final_score,
                mine.prize.as_ref().map(|p| (p.cash, p.assistance)),
            ));
        }
    }
    if parts.incomplete != published.incomplete {
        out.push("the incomplete entries differ".to_owned());
    }
    if parts.totals != published.totals {
        out.push(format!(
            "totals differ: published {:?}, recomputed {:?}",
            published.totals, parts.totals
        ));
    }
}
