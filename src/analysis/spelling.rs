//! Analysis, English words before stemming: British and American spellings of a word read as one
//! (organisation/organization, programme/program, centre/center, labour/labor), by their regular
//! suffixes. The corpus's English is British and many people write American; the stemmer alone
//! keeps them apart ("organisation" stems to "organis", "organization" to "organ").

use std::borrow::Cow;

/// Suffix rewrites, British → American, each with the shortest word it applies to (so "rise",
/// "four", "acre" and "vogue" are left alone). Both the clauses and the queries go through them,
/// so a rewrite that makes an odd word ("expertize") is harmless: it is the same on both sides.
const SUFFIXES: &[(&str, &str, usize)] = &[
    ("isations", "izations", 9),
    ("isation", "ization", 8),
    ("ising", "izing", 7),
    ("ised", "ized", 6),
    ("ises", "izes", 6),
    ("ise", "ize", 6),
    ("ysing", "yzing", 7),
    ("ysed", "yzed", 6),
    ("yse", "yze", 6),
    ("ours", "ors", 7),
    ("our", "or", 6),
    ("tres", "ters", 6),
    ("tre", "ter", 5),
    ("bres", "bers", 6),
    ("bre", "ber", 5),
    ("ogues", "ogs", 8),
    ("ogue", "og", 7),
    ("mmes", "ms", 8),
    ("mme", "m", 7),
];

/// `word` (lowercase) in American spelling where a regular British suffix says so.
pub fn american(word: &str) -> Cow<'_, str> {
    for &(british, american, shortest) in SUFFIXES {
        if word.len() >= shortest
            && let Some(stem) = word.strip_suffix(british)
        {
            return Cow::Owned(format!("{stem}{american}"));
        }
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::american;

    #[test]
    fn british_suffixes_read_as_american() {
        for (british, us) in [
            ("organisation", "organization"),
            ("organisations", "organizations"),
            ("recognised", "recognized"),
            ("specialised", "specialized"),
            ("optimisation", "optimization"),
            ("analyse", "analyze"),
            ("labour", "labor"),
            ("behaviour", "behavior"),
            ("centre", "center"),
            ("theatres", "theaters"),
            ("fibre", "fiber"),
            ("catalogue", "catalog"),
            ("programme", "program"),
            ("programmes", "programs"),
        ] {
            assert_eq!(american(british), us, "{british}");
        }
    }

    #[test]
    fn short_and_american_words_stay() {
        for word in [
            "rise",
            "wise",
            "four",
            "hour",
            "your",
            "acre",
            "vogue",
            "organization",
            "program",
            "center",
            "labor",
            "genre",
            "some",
        ] {
            assert_eq!(american(word), word, "{word}");
        }
    }
}
