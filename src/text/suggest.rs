//! "Did you mean" hints.

/// Up to three candidates closest to `wanted` (Jaro-Winkler similarity of at least 0.8, or a
/// candidate that contains `wanted`), best first.
pub(crate) fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .filter_map(|c| {
            let score = strsim::jaro_winkler(wanted, c);
            let contains = !wanted.is_empty() && c.contains(wanted);
            (score >= 0.8 || contains).then_some((if contains { score.max(0.8) } else { score }, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// `did you mean 'a', 'b'?` or nothing.
pub(crate) fn did_you_mean<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let near = nearest(wanted, candidates);
    (!near.is_empty()).then(|| {
        format!(
            "did you mean {}?",
            near.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids() {
        let ids = ["belarus", "belgium", "nato", "ukraine"];
        assert_eq!(nearest("belarsu", ids.iter().copied())[0], "belarus");
        assert!(nearest("zzz", ids.iter().copied()).is_empty());
        assert_eq!(
            did_you_mean("nat", ids.iter().copied()).unwrap(),
            "did you mean 'nato'?"
        );
    }
}
