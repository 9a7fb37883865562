//! Tests of `crate::prizes`.

use super::*;
use crate::EntryId;
use proptest::prelude::*;

const JT: i64 = 1_000_000;
const LABELS: [&str; 6] = [
    "Juara I",
    "Juara II",
    "Juara III",
    "Harapan I",
    "Harapan II",
    "Harapan III",
];
const KALTENG: [i64; 6] = [100 * JT, 85 * JT, 70 * JT, 60 * JT, 45 * JT, 30 * JT];

fn tier(label: &str, cash: i64, assistance: i64) -> PrizeTier {
    let (cash, assistance) = (Rupiah::new(cash), Rupiah::new(assistance));
    let (trophy, certificate) = (true, true);
    PrizeTier {
        label: label.into(),
        cash,
        assistance,
        trophy,
        certificate,
    }
}

fn spec(category: Category, tiers: Vec<PrizeTier>, tie_policy: TiePolicy) -> PrizeTableSpec {
    let (minimum_score, cash_budget, assistance_budget, max_field_size) = (None, None, None, None);
    PrizeTableSpec {
        category,
        tiers,
        minimum_score,
        cash_budget,
        assistance_budget,
        tie_policy,
        max_field_size,
    }
}

fn table_of(cash: &[i64], policy: TiePolicy) -> PrizeTable {
    let tiers = LABELS
        .iter()
        .zip(cash)
        .map(|(l, c)| tier(l, *c, 0))
        .collect();
    PrizeTable::new(spec(Category::Desa, tiers, policy)).unwrap()
}

fn place(entry: u128, rank: u32) -> Placement {
    Placement {
        entry: EntryId(entry),
        rank,
        final_score: Points::from_whole(80),
    }
}

/// (entry, rank, label, cash) of every award.
fn cash_of(a: &PrizeAllocation) -> Vec<(u128, u32, &str, i64)> {
    a.awards
        .iter()
        .map(|w| (w.entry.0, w.rank, w.label.as_str(), w.cash.amount()))
        .collect()
}

#[test]
fn kalimantan_tengah_2024_without_ties() {
    let table = table_of(&KALTENG, TiePolicy::SplitPooled);
    let ranking: Vec<_> = (1..=8)
        .map(|i| place(i, u32::try_from(i).unwrap()))
        .collect();
    let a = allocate(&table, &ranking).unwrap();
    assert_eq!((a.awards.len(), a.total_cash), (6, Rupiah::new(390 * JT)));
    assert_eq!(a.award_of(EntryId(4)).unwrap().label, "Harapan I");
    assert!(a.award_of(EntryId(7)).is_none() && a.unoccupied.is_empty());
}

#[test]
fn three_way_tie_at_rank_two_under_both_policies() {
    let ranking = [
        place(9, 1),
        place(3, 2),
        place(1, 2),
        place(2, 2),
        place(5, 5),
    ];
    let split = allocate(&table_of(&KALTENG, TiePolicy::SplitPooled), &ranking).unwrap();
    // (85 + 70 + 60) jt = 215.000.000 = 3 × 71.666.666 + 2: entries 1 and 2 get +Rp1.
    let expected = vec![
        (9, 1, "Juara I", 100 * JT),
        (1, 2, "Juara II", 71_666_667),
        (2, 2, "Juara II", 71_666_667),
        (3, 2, "Juara II", 71_666_666),
        (5, 5, "Harapan II", 45 * JT),
    ];
    assert_eq!(cash_of(&split), expected);
    assert_eq!(split.total_cash, Rupiah::new(360 * JT));
    assert!(
        split
            .awards
            .iter()
            .filter(|a| a.rank == 2)
            .all(|a| a.shared_with == 3 && a.trophy)
    );
    assert_eq!(split.unoccupied, vec![6]);
    let full = allocate(&table_of(&KALTENG, TiePolicy::FullPrizeEach), &ranking).unwrap();
    let mut juara_ii = full.awards.iter().filter(|a| a.rank == 2);
    assert!(juara_ii.all(|a| a.cash == Rupiah::new(85 * JT)));
    assert_eq!(full.total_cash, Rupiah::new((100 + 3 * 85 + 45) * JT));
}

#[test]
fn odd_pool_remainder_goes_to_lowest_entry_ids() {
    let table = table_of(&[100_000_001, 0], TiePolicy::SplitPooled);
    let a = allocate(&table, &[place(30, 1), place(10, 1), place(20, 1)]).unwrap();
    // 100.000.001 = 3 × 33.333.333 + 2: entries 10 and 20 get the two extra rupiah.
    let cash: Vec<_> = a
        .awards
        .iter()
        .map(|w| (w.entry.0, w.cash.amount()))
        .collect();
    assert_eq!(
        cash,
        vec![(10, 33_333_334), (20, 33_333_334), (30, 33_333_333)]
    );
    assert_eq!(a.total_cash, Rupiah::new(100_000_001));
}

#[test]
fn tie_spilling_past_the_last_tier_pools_only_existing_tiers() {
    // Kudus 2020: 22,5 / 17,5 / 12,5 jt, Harapan 10 jt each; four entries tied at rank 6.
    let kudus = [
        22_500_000,
        17_500_000,
        12_500_000,
        10 * JT,
        10 * JT,
        10 * JT,
    ];
    let mut ranking: Vec<_> = (1..=5)
        .map(|i| place(i, u32::try_from(i).unwrap()))
        .collect();
    ranking.extend((6..=9).map(|i| place(i, 6)));
    let split = allocate(&table_of(&kudus, TiePolicy::SplitPooled), &ranking).unwrap();
    assert_eq!(split.total_cash, Rupiah::new(82_500_000));
    let last = |a: &PrizeAllocation| {
        a.awards
            .iter()
            .filter(|a| a.rank == 6)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(
        last(&split)
            .iter()
            .all(|a| a.cash == Rupiah::new(2_500_000))
    );
    let full = allocate(&table_of(&kudus, TiePolicy::FullPrizeEach), &ranking).unwrap();
    assert_eq!(full.total_cash, Rupiah::new(72_500_000 + 4 * 10 * JT));
    assert!(
        last(&full)
            .iter()
            .all(|a| a.label == "Harapan III" && a.shared_with == 4)
    );
}

#[test]
fn kaltim_assistance_for_juara_one_and_budget_view() {
    let tiers = vec![
        tier("Juara I", 15 * JT, 100 * JT),
        tier("Juara II", 10 * JT, 0),
        tier("Juara III", 7_500_000, 0),
    ];
    let mut s = spec(Category::Desa, tiers, TiePolicy::SplitPooled);
    (s.cash_budget, s.assistance_budget) =
        (Some(Rupiah::new(40 * JT)), Some(Rupiah::new(100 * JT)));
    let table = PrizeTable::new(s).unwrap();
    let a = allocate(&table, &[place(1, 1), place(2, 2)]).unwrap();
    assert_eq!(
        a.award_of(EntryId(1)).unwrap().assistance,
        Rupiah::new(100 * JT)
    );
    let lines = a.budget_lines(&table);
    assert_eq!(lines[0].remaining, Some(Rupiah::new(15 * JT)));
    assert_eq!(
        (lines[1].allocated, lines[1].remaining),
        (Rupiah::new(100 * JT), Some(Rupiah::ZERO))
    );
    assert_eq!(a.unoccupied, vec![3]);
}

#[test]
fn minimum_score_forfeits_without_promoting() {
    let tiers = vec![tier("Juara I", 10, 0), tier("Juara II", 5, 0)];
    let mut s = spec(Category::Desa, tiers, TiePolicy::SplitPooled);
    s.minimum_score = Some(Points::from_whole(70));
    let table = PrizeTable::new(s).unwrap();
    let low = Placement {
        final_score: Points::from_whole(65),
        ..place(2, 2)
    };
    let lower = Placement {
        final_score: Points::from_whole(75),
        ..place(3, 3)
    };
    let a = allocate(&table, &[place(1, 1), low, lower]).unwrap();
    assert_eq!((a.awards.len(), a.total_cash), (1, Rupiah::new(10)));
    assert_eq!(
        (a.forfeited[0].entry, a.forfeited[0].cash),
        (EntryId(2), Rupiah::new(5))
    );
}

#[test]
fn refuses_every_problem_at_once() {
    let tiers = vec![
        tier(" ", 10, 0),
        tier("Juara II", -1, 5),
        tier("Juara II", 1, 0),
    ];
    let mut s = spec(Category::Kelurahan, tiers, TiePolicy::SplitPooled);
    (s.cash_budget, s.assistance_budget) = (Some(Rupiah::new(5)), Some(Rupiah::new(-1)));
    let (cash, assistance) = (PrizeKind::Cash, PrizeKind::Assistance);
    let expected = vec![
        PrizeError::EmptyLabel { rank: 1 },
        PrizeError::NegativeAmount {
            rank: 2,
            kind: cash,
            amount: Rupiah::new(-1),
        },
        PrizeError::AssistanceForKelurahan {
            rank: 2,
            amount: Rupiah::new(5),
        },
        PrizeError::DuplicateLabel {
            label: "Juara II".into(),
            first: 2,
            second: 3,
        },
        // Negative amounts count as zero in the worst case: 10 + 0 + 1.
        PrizeError::BudgetCanBeExceeded {
            kind: cash,
            worst_case: Rupiah::new(11),
            budget: Rupiah::new(5),
        },
        PrizeError::NegativeBudget {
            kind: assistance,
            budget: Rupiah::new(-1),
        },
    ];
    assert_eq!(PrizeTable::new(s).unwrap_err(), expected);
    let empty = spec(Category::Desa, vec![], TiePolicy::SplitPooled);
    assert_eq!(
        PrizeTable::new(empty).unwrap_err(),
        vec![PrizeError::NoTiers]
    );
}

#[test]
fn full_prize_each_worst_case_is_field_size_times_largest_prize() {
    let tiers = vec![tier("Juara I", 100, 0), tier("Juara II", 50, 0)];
    let mut s = spec(Category::Desa, tiers, TiePolicy::FullPrizeEach);
    let (kind, budget) = (PrizeKind::Cash, Rupiah::new(300));
    s.cash_budget = Some(budget);
    let refused = PrizeTable::new(s.clone()).unwrap_err();
    assert_eq!(
        refused,
        vec![PrizeError::UnboundedWorstCase { kind, budget }]
    );
    s.max_field_size = Some(4);
    let refused = PrizeTable::new(s.clone()).unwrap_err();
    let worst_case = Rupiah::new(400);
    assert_eq!(
        refused,
        vec![PrizeError::BudgetCanBeExceeded {
            kind,
            worst_case,
            budget
        }]
    );
    s.max_field_size = Some(3);
    let table = PrizeTable::new(s).unwrap();
    let for_two = table.worst_case_for_field(kind, Some(2));
    assert_eq!(for_two, Ok(Some(Rupiah::new(200))));
    // The worst case is attained: the whole field tied at rank 1.
    let a = allocate(&table, &[place(1, 1), place(2, 1), place(3, 1)]).unwrap();
    assert_eq!(a.total_cash, budget);
    let four = [place(1, 1), place(2, 1), place(3, 1), place(4, 4)];
    let too_many = AllocationError::FieldTooLarge {
        entries: 4,
        limit: 3,
    };
    assert_eq!(allocate(&table, &four), Err(too_many));
}

#[test]
fn refuses_malformed_rankings_and_round_trips() {
    let table = table_of(&KALTENG, TiePolicy::SplitPooled);
    assert_eq!(
        allocate(&table, &[place(1, 0)]),
        Err(AllocationError::RankZero(EntryId(1)))
    );
    let twice = allocate(&table, &[place(1, 1), place(1, 2)]);
    assert_eq!(twice, Err(AllocationError::DuplicateEntry(EntryId(1))));
    let overlap = AllocationError::OverlappingRanks {
        rank: 1,
        group_size: 2,
        next_rank: 2,
    };
    assert_eq!(
        allocate(&table, &[place(1, 1), place(2, 1), place(3, 2)]),
        Err(overlap)
    );
    assert_eq!(
        PrizeTable::try_from(PrizeTableSpec::from(table.clone())),
        Ok(table)
    );
}

/// A table and a valid competition ranking (ties, gaps, some entries below 75 points).
fn scenario() -> impl Strategy<Value = (PrizeTable, Vec<Placement>)> {
    let tiers = prop::collection::vec((0i64..1_000_000_001, 0i64..1_000), 1..=6);
    let groups = prop::collection::vec((1u32..=4, 0u32..=2, 60i64..=90), 0..=8);
    (tiers, groups, any::<bool>(), any::<bool>()).prop_map(|(amounts, groups, split, minimum)| {
        let tiers = LABELS
            .iter()
            .zip(&amounts)
            .map(|(l, (c, a))| tier(l, *c, *a))
            .collect();
        let policy = if split {
            TiePolicy::SplitPooled
        } else {
            TiePolicy::FullPrizeEach
        };
        let mut s = spec(Category::Desa, tiers, policy);
        s.minimum_score = minimum.then_some(Points::from_whole(75));
        let (mut rank, mut count, mut placements) = (1u32, 0u128, Vec::new());
        for (size, gap, score) in groups {
            rank += gap;
            for _ in 0..size {
                count += 1;
                // Distinct scrambled ids (10007 is prime): EntryId order ≠ placement order.
                let entry = EntryId(count * 7_919 % 10_007);
                placements.push(Placement {
                    entry,
                    rank,
                    final_score: Points::from_whole(score),
                });
            }
            rank += size;
        }
        s.max_field_size = u32::try_from(placements.len()).ok();
        // Budgets at exactly the worst case: accepted, and never exceeded by `allocate`.
        let unbudgeted = PrizeTable::new(s.clone()).unwrap();
        s.cash_budget = unbudgeted.worst_case(PrizeKind::Cash).unwrap();
        s.assistance_budget = unbudgeted.worst_case(PrizeKind::Assistance).unwrap();
        (PrizeTable::new(s).unwrap(), placements)
    })
}

proptest! {
    #[test]
    fn allocation_invariants(
        (table, shuffled, placements) in scenario()
            .prop_flat_map(|(t, p)| (Just(t), Just(p.clone()).prop_shuffle(), Just(p)))
    ) {
        let a = allocate(&table, &placements).unwrap();
        for kind in KINDS {
            let paid = a.total(kind);
            prop_assert!(paid <= table.worst_case(kind).unwrap().unwrap());
            if table.spec().tie_policy == TiePolicy::SplitPooled {
                // Conservation: awards + forfeits == the tiers occupied, to the rupiah.
                let forfeited = a.forfeited.iter().map(|f| f.amount(kind));
                let occupied = (1u32..).zip(table.tiers())
                    .filter(|(r, _)| !a.unoccupied.contains(r))
                    .map(|(_, t)| t.amount(kind));
                let occupied = Rupiah::checked_sum(occupied).unwrap();
                prop_assert_eq!(Rupiah::checked_sum(forfeited).unwrap().checked_add(paid), Some(occupied));
            }
        }
        let n = u32::try_from(table.tiers().len()).unwrap();
        prop_assert!(a.awards.iter().chain(&a.forfeited).all(|w| (1..=n).contains(&w.rank)));
        prop_assert_eq!(allocate(&table, &shuffled), Ok(a));
    }
}
