//! CLI: "did you mean" for a mistyped ID — the same ID in another case, or the nearest known ID
//! within a few edits. (Subcommands and flags get clap's own suggestions.)

/// The most edits a suggestion may be from what was typed; further is a different ID.
const MAX_EDITS: usize = 3;

/// The known ID the user most likely meant by `given`, if any is close enough.
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let known: Vec<&str> = known.into_iter().collect();
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(given)) {
        return Some(*same);
    }
    let lower = given.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::levenshtein(&lower, &k.to_lowercase()), *k))
        .filter(|(edits, _)| *edits <= MAX_EDITS)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 4] = [
        "bj2022-a1/2.8",
        "bj2022-a1/2.9",
        "bj2022-a2/6",
        "cn2017-a/1",
    ];

    #[test]
    fn a_wrong_case_id_suggests_the_id() {
        // Why: `BJ2022-A2/6` found nothing and said nothing helpful (issue 14).
        assert_eq!(did_you_mean("BJ2022-A2/6", IDS), Some("bj2022-a2/6"));
    }

    #[test]
    fn a_near_miss_suggests_the_nearest_and_a_far_one_nothing() {
        assert_eq!(did_you_mean("bj2022-a2/6.", IDS), Some("bj2022-a2/6"));
        assert_eq!(did_you_mean("bj2022-a1/2.88", IDS), Some("bj2022-a1/2.8"));
        assert_eq!(did_you_mean("chip design", IDS), None);
    }
}
