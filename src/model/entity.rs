//! The things the graph relates.

use crate::model::id::Id;
use crate::model::kind::EntityKind;

/// A state, organisation, programme, person, office, agreement, event or place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entity {
    /// Stable id.
    pub id: Id,
    /// What it is.
    pub kind: EntityKind,
    /// Its usual English name.
    pub label: String,
    /// Other names and spellings the sources use.
    pub aliases: Vec<String>,
    /// One line in the curators' words.
    pub description: String,
    /// External identifiers (IRIs), e.g. Wikidata items.
    pub same_as: Vec<String>,
}

impl Entity {
    /// The label followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
