//! What passed validation: the rows of the four files as model values, ready to become a graph.

use crate::model::edtf::Edtf;
use crate::model::entity::Entity;
use crate::model::id::Id;
use crate::model::predicate::Predicate;
use crate::model::problem::Problems;
use crate::model::relation::Evidence;
use crate::model::source::Source;
use crate::model::view::NamedView;

/// A claim that passed its row checks, before merging.
pub(crate) struct Claim {
    pub subject: Id,
    pub predicate: Id,
    pub object: Id,
    pub date: Option<Edtf>,
    pub evidence: Evidence,
}

/// Every row that passed validation, and the warnings found on the way.
pub(crate) struct Valid {
    pub sources: Vec<Source>,
    pub predicates: Vec<Predicate>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub views: Vec<NamedView>,
    pub warnings: Problems,
}
