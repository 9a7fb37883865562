//! Tests of `crate::ranking`.

use super::*;

fn st(entry: u128, group: u32, score: i64, keys: &[Option<i64>]) -> Standing {
    Standing {
        entry: EntryId(entry),
        group,
        score: Points::from_units(score),
        keys: keys.iter().map(|k| k.map(Points::from_units)).collect(),
    }
}

#[test]
fn tied_entries_share_rank_and_next_rank_skips() {
    let placed = rank(vec![
        st(3, 0, 50, &[Some(1)]),
        st(2, 0, 90, &[Some(1)]),
        st(1, 0, 90, &[Some(1)]),
    ]);
    let got: Vec<_> = placed
        .iter()
        .map(|p| (p.standing.entry.0, p.rank))
        .collect();
    assert_eq!(got, vec![(1, 1), (2, 1), (3, 3)]);
}

#[test]
fn tie_break_decides_and_is_recorded() {
    let placed = rank(vec![
        st(1, 0, 90, &[Some(1), Some(5)]),
        st(2, 0, 90, &[Some(1), Some(7)]),
    ]);
    assert_eq!(placed[0].standing.entry, EntryId(2));
    assert_eq!((placed[1].rank, placed[1].decided_by), (2, Some(1)));
}

#[test]
fn higher_group_ranks_above_better_score() {
    let placed = rank(vec![st(1, 0, 99, &[]), st(2, 1, 10, &[])]);
    assert_eq!(placed[0].standing.entry, EntryId(2));
    assert_eq!(placed[1].decided_by, None);
}

#[test]
fn shortlist_applies_threshold_and_takes_all_tied_at_boundary() {
    let c = vec![
        st(1, 0, 90, &[]),
        st(2, 0, 80, &[]),
        st(3, 0, 80, &[]),
        st(4, 0, 70, &[]),
    ];
    assert_eq!(
        shortlist(c.clone(), None, Some(2)),
        (vec![EntryId(1), EntryId(2), EntryId(3)], true)
    );
    assert_eq!(
        shortlist(c, Some(Points::from_units(75)), None),
        (vec![EntryId(1), EntryId(2), EntryId(3)], false)
    );
}
