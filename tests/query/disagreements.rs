//! Disagreements between sources on small hand-built graphs.

use crate::support::query::{graph, states};
use diplograph::{query::Disputed, Filter, Id};

fn fixture() -> diplograph::Graph {
    graph(
        &[
            ("by", "state"),
            ("uk", "state"),
            ("project", "programme"),
            ("nato", "organization"),
        ],
        &[
            // Same fact, dates that cannot both be true.
            ("by", "allied_with", "uk", "1991", "src-a", "table row 30"),
            ("by", "allied_with", "uk", "1992-01-27", "src-a", ""),
            ("by", "allied_with", "uk", "", "src-b", ""),
            // Dates that differ only in precision.
            ("by", "linked", "nato", "2004", "src-a", ""),
            ("by", "linked", "nato", "2004-01-19", "src-b", ""),
            // Quantities that share no value, and one that agrees with the first.
            (
                "by",
                "linked",
                "project",
                "/2007-01",
                "src-a",
                "completed January 2007; some 700,000 anti-personnel mines destroyed",
            ),
            (
                "by",
                "linked",
                "project",
                "2007",
                "src-b",
                "implemented in 2007; fewer than 300,000 TNT landmines destroyed",
            ),
            (
                "by",
                "linked",
                "project",
                "/2006-12",
                "src-c",
                "completed December 2006; 700,000 weapons destroyed",
            ),
            // Agreeing quantities.
            ("nato", "linked", "project", "", "src-a", "about 40 grants"),
            ("nato", "linked", "project", "", "src-b", "40 grants, 12 of them large"),
        ],
    )
}

#[test]
fn dates_that_cannot_both_be_true() {
    let g = fixture();
    let found = g.disagreements().run();
    let d = found
        .iter()
        .find(|d| d.predicate.as_str() == "allied_with")
        .expect("the 1991/1992 disagreement");
    assert_eq!(d.about, Disputed::Dates { compatible: false });
    let values: Vec<&str> = d.versions.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["1991", "1992-01-27"]);
    let text = d.display(&g).to_string();
    assert!(
        text.starts_with("BY —allied with→ UK: the dates disagree, within one source\n"),
        "{text}"
    );
    assert!(text.contains("  1991        [src-a] \"quote 0"), "{text}");
}

#[test]
fn compatible_dates_are_listed_only_when_asked() {
    let g = fixture();
    let is_nato = |d: &&diplograph::Disagreement| g.entity_at(d.object).id.as_str() == "nato";
    assert!(!g.disagreements().run().iter().any(|d| is_nato(&d)));
    let all = g.disagreements().compatible(true).run();
    let d = all.iter().find(is_nato).expect("listed with compatible(true)");
    assert_eq!(d.about, Disputed::Dates { compatible: true });
}

#[test]
fn quantities_that_share_no_value() {
    let g = fixture();
    let found = g.disagreements().run();
    let q: Vec<_> = found.iter().filter(|d| d.about == Disputed::Quantities).collect();
    assert_eq!(q.len(), 1, "the 40-grants notes agree");
    let d = q[0];
    assert_eq!(g.entity_at(d.subject).id.as_str(), "by");
    let versions: Vec<(&str, Vec<&str>)> = d
        .versions
        .iter()
        .map(|v| {
            (
                v.value.as_str(),
                v.statements.iter().map(|s| s.stated.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        [
            ("700000", vec!["some 700,000", "700,000"]),
            ("300000", vec!["fewer than 300,000"])
        ]
    );
    let json = serde_json::to_value(d.report(&g).unwrap()).unwrap();
    assert_eq!(json["about"]["kind"], "quantities");
    assert_eq!(json["versions"][1]["claims"][0]["source"], "src-b");
    assert_eq!(json["versions"][1]["claims"][0]["stated"], "fewer than 300,000");
    assert!(json["versions"][1]["claims"][0]["quote"].is_string());
    // The same fact also has dates that disagree (ends 2007-01 and 2006-12).
    assert!(found
        .iter()
        .any(|x| x.about == Disputed::Dates { compatible: false } && x.object == d.object && x.subject == d.subject));
}

#[test]
fn the_filter_narrows_the_claims_compared() {
    let g = fixture();
    let only_a = Filter::default().source(Id::new("src-a").unwrap());
    // With one source's relations only, src-a's two UK dates still disagree; nothing else does.
    let found = g.disagreements().filter(only_a).run();
    assert_eq!(found.len(), 1);
    let no_allied = Filter::default().exclude_predicate(Id::new("allied_with").unwrap());
    assert!(g
        .disagreements()
        .filter(no_allied)
        .run()
        .iter()
        .all(|d| d.predicate.as_str() != "allied_with"));
    let _ = states(&[]);
}
