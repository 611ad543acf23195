//! The fixed set of entity kinds.

use std::fmt;
use std::str::FromStr;

/// What an entity is. The set is fixed: the loader refuses any other kind.
///
/// ```
/// use diplograph::EntityKind;
/// assert_eq!("state".parse::<EntityKind>().unwrap(), EntityKind::State);
/// let err = "country".parse::<EntityKind>().unwrap_err();
/// assert!(err.to_string().contains("state, organization"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A sovereign state (or a former one, such as the Soviet Union).
    State,
    /// An international organisation or any body: council, division, agency, ministry, mission, unit, company, NGO.
    Organization,
    /// A programme, process, project or initiative.
    Programme,
    /// A person.
    Person,
    /// An office or post, such as *President of Belarus*.
    Office,
    /// A treaty, convention, resolution, law, constitution or partnership document.
    Agreement,
    /// Something that happened: an election, protest, summit, incident, disaster, invasion.
    Event,
    /// A city, region or other place.
    Place,
}

impl EntityKind {
    /// Every kind, in the documented order.
    pub const ALL: [EntityKind; 8] = [
        EntityKind::State,
        EntityKind::Organization,
        EntityKind::Programme,
        EntityKind::Person,
        EntityKind::Office,
        EntityKind::Agreement,
        EntityKind::Event,
        EntityKind::Place,
    ];

    /// The kind as written in `entities.csv`.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::State => "state",
            EntityKind::Organization => "organization",
            EntityKind::Programme => "programme",
            EntityKind::Person => "person",
            EntityKind::Office => "office",
            EntityKind::Agreement => "agreement",
            EntityKind::Event => "event",
            EntityKind::Place => "place",
        }
    }

    /// The kind's name with a capital, for class names and legends.
    pub fn title(self) -> &'static str {
        match self {
            EntityKind::State => "State",
            EntityKind::Organization => "Organization",
            EntityKind::Programme => "Programme",
            EntityKind::Person => "Person",
            EntityKind::Office => "Office",
            EntityKind::Agreement => "Agreement",
            EntityKind::Event => "Event",
            EntityKind::Place => "Place",
        }
    }

    /// All kind names, comma-separated, for error messages.
    pub fn choices() -> String {
        Self::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }
}

/// A text that names no [`EntityKind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind '{0}'; choose from: {choices}", choices = EntityKind::choices())]
pub struct UnknownKind(pub String);

impl FromStr for EntityKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in EntityKind::ALL {
            assert_eq!(k.name().parse::<EntityKind>().unwrap(), k);
            assert_eq!(k.title().to_lowercase(), k.name());
        }
        assert!("State".parse::<EntityKind>().is_err());
    }
}
