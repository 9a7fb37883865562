//! The level descriptors field of the criterion form: one level per line, `value = text`
//! (`3 = Berjalan sebagian`; `:` works as well as `=`, and `2,5` as well as `2.5`), blank lines
//! ignored. The engine's rules (`juara_domain::criteria::levels`) then check it against the
//! leaf's scale. The API sends the same lines built from its JSON array.

use juara_domain::Points;
use juara_domain::criteria::Scale;
use juara_domain::criteria::levels::{self, Level, LevelProblem};

use super::FieldErrors;

/// Reads the lines; `None` when a line is not `value = text`.
fn parse(text: &str) -> Option<Vec<Level>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let at = line.find(['=', ':'])?;
            let value: Points = line[..at].trim().parse().ok()?;
            Some(Level {
                value,
                text: line[at + 1..].trim().to_owned(),
            })
        })
        .collect()
}

/// The levels of a criterion with `scale` (`None`: an inner node, which has none), or the
/// field's errors (each kind of problem once).
pub fn check(text: &str, scale: Option<&Scale>, e: &mut FieldErrors) -> Vec<Level> {
    let Some(levels) = parse(text) else {
        e.push(("levels", "crit-levels-format"));
        return Vec::new();
    };
    if levels.is_empty() {
        return levels;
    }
    let Some(scale) = scale else {
        e.push(("levels", "crit-levels-leaf-only"));
        return Vec::new();
    };
    let mut keys: Vec<&'static str> = levels::check(scale, &levels)
        .into_iter()
        .map(|p| match p {
            LevelProblem::TooMany => "crit-levels-too-many",
            LevelProblem::OffScale(_) | LevelProblem::OffStep(_) => "crit-levels-off-scale",
            LevelProblem::Repeated(_) => "crit-levels-repeated",
            LevelProblem::BadText(_) => "crit-levels-text",
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    if keys.is_empty() {
        return levels::canonical(levels);
    }
    e.extend(keys.into_iter().map(|k| ("levels", k)));
    Vec::new()
}

/// The field's text for stored levels, as the form shows it again.
#[must_use]
pub fn lines(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| format!("{} = {}", l.value.canonical(), l.text))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> Scale {
        Scale {
            min: Points::from_whole(1),
            max: Points::from_whole(5),
            step: Some(Points::from_whole(1)),
        }
    }

    #[test]
    fn lines_round_trip_in_value_order() {
        let mut e = Vec::new();
        let got = check("5: Sangat baik\n\n 1 = Belum ada ", Some(&scale()), &mut e);
        assert!(e.is_empty());
        assert_eq!(lines(&got), "1 = Belum ada\n5 = Sangat baik");
    }

    #[test]
    fn each_kind_of_problem_is_named_once() {
        let mut e = Vec::new();
        assert!(check("7 = a\n9 = b\n2 = \n2 = c", Some(&scale()), &mut e).is_empty());
        assert_eq!(
            e,
            vec![
                ("levels", "crit-levels-off-scale"),
                ("levels", "crit-levels-repeated"),
                ("levels", "crit-levels-text"),
            ]
        );
        let mut e = Vec::new();
        check("baik sekali", Some(&scale()), &mut e);
        assert_eq!(e, vec![("levels", "crit-levels-format")]);
        let mut e = Vec::new();
        check("3 = cukup", None, &mut e);
        assert_eq!(e, vec![("levels", "crit-levels-leaf-only")]);
    }
}
