//! Tests of `crate::rules`: the four rules of the module, by example and by property.

use proptest::prelude::*;

use super::*;

fn stage(code: &str) -> Place {
    Place::Stage {
        stage: code.to_owned(),
    }
}

fn book(entries: &[(Place, &str, Value)]) -> RuleBook {
    let mut b = RuleBook::default();
    for (p, f, v) in entries {
        b.push(p.clone(), f, v.clone());
    }
    b
}

#[test]
fn the_hash_is_sha256_of_the_sorted_lines_as_published() {
    let b = book(&[
        (stage("LAP"), "weight", Value::Number(40)),
        (Place::Competition, "minimum_score", Value::Points(655_000)),
        (Place::Prize { rank: 1 }, "cash", Value::Rupiah(15_000_000)),
    ]);
    assert_eq!(
        b.canonical_text(),
        "competition\tminimum_score\t65.5\nstage:LAP\tweight\t40\nprize:1\tcash\tRp15000000\n"
    );
    // `printf 'competition\tminimum_score\t65.5\nstage:LAP\tweight\t40\nprize:1\tcash\tRp15000000\n' | sha256sum`
    assert_eq!(
        b.hash(),
        "29555ba9dd523bc52ff2effec8bde9ccf3082674135466c75f3d8c4c5a22ee1b"
    );
}

#[test]
fn push_replaces_the_value_where_it_stood() {
    let mut b = book(&[
        (stage("DOK"), "weight", Value::Number(60)),
        (stage("LAP"), "weight", Value::Number(40)),
    ]);
    b.push(stage("DOK"), "weight", Value::Number(50));
    assert_eq!(b.entries.len(), 2);
    assert_eq!(b.entries[0].value, Value::Number(50));
}

#[test]
fn a_reordered_list_is_the_same_rules() {
    let a = book(&[
        (stage("DOK"), "weight", Value::Number(60)),
        (stage("LAP"), "weight", Value::Number(40)),
    ]);
    let mut b = a.clone();
    b.entries.reverse();
    assert_eq!(a.hash(), b.hash());
    assert!(diff(&a, &b).is_empty());
}

#[test]
fn the_difference_names_what_was_added_changed_and_removed() {
    let old = book(&[
        (stage("DOK"), "weight", Value::Number(60)),
        (
            Place::Document { code: "SK".into() },
            "required",
            Value::Flag(true),
        ),
    ]);
    let new = book(&[
        (stage("DOK"), "weight", Value::Number(50)),
        (Place::Prize { rank: 1 }, "cash", Value::Rupiah(15_000_000)),
    ]);
    let changes = diff(&old, &new);
    assert_eq!(
        changes,
        vec![
            Change {
                place: stage("DOK"),
                field: "weight".into(),
                before: Some(Value::Number(60)),
                after: Some(Value::Number(50)),
            },
            Change {
                place: Place::Prize { rank: 1 },
                field: "cash".into(),
                before: None,
                after: Some(Value::Rupiah(15_000_000)),
            },
            Change {
                place: Place::Document { code: "SK".into() },
                field: "required".into(),
                before: Some(Value::Flag(true)),
                after: None,
            },
        ]
    );
    assert_ne!(old.hash(), new.hash());
}

#[test]
fn a_book_round_trips_through_json() {
    let b = book(&[
        (
            Place::Criterion {
                stage: "LAP".into(),
                code: "A.1".into(),
            },
            "scale",
            Value::Text("1–5".into()),
        ),
        (Place::Competition, "max_entries", Value::Unset),
    ]);
    let text = serde_json::to_string(&b).unwrap();
    assert_eq!(serde_json::from_str::<RuleBook>(&text).unwrap(), b);
}

// ------------------------------------------------------------------------------ properties

/// Fields keep one type of value each (rule 4's condition): the field name says which.
fn value_for(field: usize, n: i64, text: &str) -> (String, Value) {
    match field % 5 {
        0 => ("weight".into(), Value::Number(n)),
        1 => ("minimum".into(), Value::Points(n)),
        2 => ("cash".into(), Value::Rupiah(n)),
        3 => ("required".into(), Value::Flag(n % 2 == 0)),
        _ => ("name".into(), Value::Text(text.to_owned())),
    }
}

fn place(kind: u8, code: u8) -> Place {
    let code = format!("C{code}");
    match kind % 5 {
        0 => Place::Competition,
        1 => Place::Stage { stage: code },
        2 => Place::Criterion {
            stage: "S".into(),
            code,
        },
        3 => Place::Document { code },
        _ => Place::Prize {
            rank: i32::from(kind),
        },
    }
}

fn books() -> impl Strategy<Value = RuleBook> {
    proptest::collection::vec(
        (0u8..6, 0u8..4, 0usize..5, -3i64..3, "[a\\\\ \t\n\r]{0,4}"),
        0..25,
    )
    .prop_map(|rows| {
        let mut b = RuleBook::default();
        for (kind, code, field, n, text) in rows {
            let (f, v) = value_for(field, n, &text);
            b.push(place(kind, code), &f, v);
        }
        b
    })
}

proptest! {
    #[test]
    fn no_book_differs_from_itself(b in books()) {
        prop_assert!(diff(&b, &b).is_empty());
    }

    #[test]
    fn two_books_differ_exactly_when_their_hashes_do(a in books(), b in books()) {
        prop_assert_eq!(diff(&a, &b).is_empty(), a.hash() == b.hash());
    }

    #[test]
    fn applying_the_difference_to_the_old_book_gives_the_new_rules(a in books(), b in books()) {
        let mut rebuilt = a.clone();
        for c in diff(&a, &b) {
            match c.after {
                Some(v) => rebuilt.push(c.place, &c.field, v),
                None => rebuilt.entries.retain(|e| !(e.place == c.place && e.field == c.field)),
            }
        }
        prop_assert_eq!(rebuilt.hash(), b.hash());
    }

    #[test]
    fn the_reading_order_never_moves_the_hash(
        (b, shuffled) in books().prop_flat_map(|b| {
            let entries = b.entries.clone();
            (Just(b), Just(entries).prop_shuffle())
        })
    ) {
        let reordered = RuleBook { entries: shuffled };
        prop_assert_eq!(b.hash(), reordered.hash());
        prop_assert!(diff(&b, &reordered).is_empty());
    }
}
