//! Ids that would share a name in an export: an RDF IRI or a Neo4j relationship type.
//!
//! The rule is the exporters' own (`model::minted`, which they mint their names with): a
//! predicate named like another's inverse (`member_of-inverse` beside `member_of`) or like an
//! id-like term of the vocabulary (`disputed`), two predicates whose Neo4j types fold into one
//! (`member-of`, `member_of`), a source named like another's annotation IRIs (`un-target-1`
//! beside `un`). Each is reported on the second id's line, naming the first and its line.

use rustc_hash::FxHashMap;

use super::defined::Defined;
use crate::model::id::Id;
use crate::model::minted::{predicate_clashes, source_clashes, Clash, ID_LIKE_TERMS};
use crate::model::predicate::Predicate;
use crate::model::problem::Problem;
use crate::model::source::Source;

/// Checks that no two predicates of `predicates` share an exported name.
pub(crate) fn check_predicates(file: &str, predicates: &Defined<Predicate>, problems: &mut Vec<Problem>) {
    let ids: Vec<(&str, bool)> = predicates.values.iter().map(|p| (p.id.as_str(), p.symmetric)).collect();
    let hint = format!(
        "rename one of them: the RDF export names a predicate's inverse '<id>-inverse', Neo4j's \
         relationship type is the id in upper case with '-' as '_', and the vocabulary's own \
         terms {} are taken",
        ID_LIKE_TERMS.join(", ")
    );
    report(file, predicate_clashes(&ids), &predicates.seen, &hint, problems);
}

/// Checks that no two sources of `sources` share an exported name.
pub(crate) fn check_sources(file: &str, sources: &Defined<Source>, problems: &mut Vec<Problem>) {
    let ids: Vec<&str> = sources.values.iter().map(|s| s.id.as_str()).collect();
    let hint = "rename one of them: the RDF export names the annotation parts of a source's evidence \
                '<evidence>-target-N' and '<evidence>-selector-N', so a source id cannot be another \
                source's id followed by -target-N or -selector-N";
    report(file, source_clashes(&ids), &sources.seen, hint, problems);
}

fn report(file: &str, clashes: Vec<Clash<'_>>, seen: &FxHashMap<Id, u64>, hint: &str, problems: &mut Vec<Problem>) {
    for c in clashes {
        let line = seen.get(c.second).copied();
        let message = if c.first == c.second {
            format!("'{}' would take {}", c.second, c.what)
        } else {
            let at = seen.get(c.first).map(|l| format!(" (line {l})")).unwrap_or_default();
            format!("'{}' and '{}'{at} would share {}", c.second, c.first, c.what)
        };
        problems.push(Problem::error(file, line, message).with_hint(hint));
    }
}
