//! What passed validation: the rows of the four files as model values, ready to become a graph.

use crate::model::edtf::Edtf;
use crate::model::entity::Entity;
use crate::model::id::Id;
use crate::model::predicate::Predicate;
use crate::model::problem::Problems;
use crate::model::relation::{Evidence, RelationId};
use crate::model::source::Source;
use crate::model::view::NamedView;

/// A claim that passed its row checks, before merging.
pub(crate) struct Claim {
    /// The places of the subject, predicate and object among the ids of their kind (entities,
    /// predicates) in id order, found while the row was checked (`u32::MAX`: unknown). An
    /// entity's rank is its node's index in the graph; [`Graph::node_of_rank`] checks it.
    ///
    /// [`Graph::node_of_rank`]: crate::model::graph::Graph::node_of_rank
    pub ranks: [u32; 3],
    /// The id of the relation the claim states, computed once while the row was checked. No two
    /// claims of different relations (subject, predicate, object, date as written) that pass
    /// validation share one: the relations check refuses such a pair.
    pub id: RelationId,
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
    /// Each entity's place among the entities in id order.
    pub entity_ranks: Vec<u32>,
    pub claims: Vec<Claim>,
    pub views: Vec<NamedView>,
    pub warnings: Problems,
}
