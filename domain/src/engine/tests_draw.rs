//! Tests of the chain's two ending rules: a documented draw settles every tie by the tickets
//! of `tie_break::draw_key`; "leave shared" keeps it shared. Nothing may follow either.

use super::*;
use crate::criteria::{CriteriaTree, CriterionSpec, Scale};
use crate::ids::JudgeId;
use crate::sheet::ScoreValue;
use crate::stage::{Aggregation, SpecError, StageSpec};
use crate::tie_break::{TieBreak, draw_key};
use proptest::prelude::*;

/// One stage `S` with one 0–100 indicator `X`.
fn spec(tie_breaks: Vec<TieBreak>) -> Result<CompetitionSpec, Vec<SpecError>> {
    let leaf = CriterionSpec {
        code: "X".into(),
        name: "X".into(),
        parent: None,
        weight: 100,
        scale: Some(Scale {
            min: Points::from_whole(0),
            max: Points::from_whole(100),
            step: None,
        }),
        optional: false,
        guidance: None,
    };
    let stage = StageSpec {
        code: "S".into(),
        name: "S".into(),
        weight: 100,
        criteria: CriteriaTree::new(vec![leaf]).unwrap(),
        aggregation: Aggregation::Mean,
        quorum: 1,
        shortlist: None,
        pass_threshold: None,
        normalization: None,
    };
    CompetitionSpec::new(vec![stage], tie_breaks)
}

/// Every entry scored `score` by one judge.
fn sheets(entries: &[EntryId], score: i64) -> Vec<Sheet> {
    entries
        .iter()
        .map(|&entry| Sheet {
            judge: JudgeId(1),
            entry,
            stage: "S".into(),
            status: SheetStatus::Submitted,
            values: vec![("X".into(), ScoreValue::Value(Points::from_whole(score)))],
        })
        .collect()
}

#[test]
fn a_draw_orders_tied_entries_by_their_tickets_and_is_named() {
    let entries = [EntryId(0xA), EntryId(0xB), EntryId(0xC)];
    let draw = TieBreak::Draw { seed: 2026 };
    let r = compute(
        &spec(vec![draw.clone()]).unwrap(),
        &entries,
        &sheets(&entries, 80),
        &[],
    )
    .unwrap();
    let mut by_ticket = entries.to_vec();
    by_ticket.sort_by_key(|&e| std::cmp::Reverse(draw_key(2026, e)));
    let got: Vec<EntryId> = r.ranking.iter().map(|x| x.entry).collect();
    assert_eq!(got, by_ticket);
    let ranks: Vec<u32> = r.ranking.iter().map(|x| x.rank).collect();
    assert_eq!(ranks, vec![1, 2, 3]);
    assert_eq!(r.ranking[0].decided_by, None);
    assert_eq!(r.ranking[1].decided_by, Some(draw.clone()));
    assert_eq!(r.ranking[2].decided_by, Some(draw));
}

#[test]
fn the_ticket_is_the_documented_sha256_prefix() {
    // printf '%s' '7:0000000000000000000000000000000a' | sha256sum
    //   → cdb5fc5c60075c88…; the first 8 bytes big-endian, halved.
    let digest = 0xcdb5_fc5c_6007_5c88_u64;
    let want = i64::try_from(digest >> 1).unwrap();
    assert_eq!(draw_key(7, EntryId(0xA)).units(), want);
}

#[test]
fn leave_shared_keeps_the_tie() {
    let entries = [EntryId(1), EntryId(2)];
    let r = compute(
        &spec(vec![TieBreak::LeaveShared]).unwrap(),
        &entries,
        &sheets(&entries, 70),
        &[],
    )
    .unwrap();
    let ranks: Vec<u32> = r.ranking.iter().map(|x| x.rank).collect();
    assert_eq!(ranks, vec![1, 1]);
}

#[test]
fn nothing_may_follow_a_rule_that_ends_the_chain() {
    let after = |first: TieBreak| spec(vec![first, TieBreak::StageScore { stage: "S".into() }]);
    for first in [TieBreak::Draw { seed: 1 }, TieBreak::LeaveShared] {
        assert_eq!(
            after(first).unwrap_err(),
            vec![SpecError::TieBreakAfterEnd { position: 2 }]
        );
    }
    assert!(
        spec(vec![
            TieBreak::StageScore { stage: "S".into() },
            TieBreak::Draw { seed: 1 }
        ])
        .is_ok()
    );
}

proptest! {
    /// Whatever the seed and the order entries come in, a draw gives distinct ranks 1..n and
    /// the same order.
    #[test]
    fn a_draw_settles_every_tie_whatever_the_input_order(
        seed in any::<u64>(),
        ids in proptest::collection::btree_set(any::<u128>(), 2..8),
    ) {
        let entries: Vec<EntryId> = ids.into_iter().map(EntryId).collect();
        let spec = spec(vec![TieBreak::Draw { seed }]).unwrap();
        let forward = compute(&spec, &entries, &sheets(&entries, 50), &[]).unwrap();
        let mut reversed = sheets(&entries, 50);
        reversed.reverse();
        let backward = compute(&spec, &entries, &reversed, &[]).unwrap();
        let order = |r: &CompetitionResult| r.ranking.iter().map(|x| (x.entry, x.rank)).collect::<Vec<_>>();
        prop_assert_eq!(order(&forward), order(&backward));
        let ranks: Vec<u32> = forward.ranking.iter().map(|x| x.rank).collect();
        prop_assert_eq!(ranks, (1..=u32::try_from(entries.len()).unwrap()).collect::<Vec<_>>());
    }
}
