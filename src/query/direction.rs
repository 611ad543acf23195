//! Which way relations may be followed.

/// Which way a query may follow relations.
///
/// "How is X connected to Y?" usually means either way ([`Direction::Both`], the default):
/// `NATO —has member→ Albania` is as good a link as `Albania —member of→ NATO`.
/// [`Direction::Directed`] follows relations from subject to object only — except symmetric
/// ones (`cooperates_with`, `met`, …), which state the same fact both ways and are always
/// followed both ways.
///
/// ```
/// use diplograph::Direction;
/// assert_eq!(Direction::default(), Direction::Both);
/// assert_eq!(Direction::Directed.name(), "directed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Follow relations from subject to object, or object to subject.
    #[default]
    Both,
    /// Follow relations from subject to object only (symmetric ones either way).
    Directed,
}

impl Direction {
    /// The name used in JSON output: `both` or `directed`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Both => "both",
            Direction::Directed => "directed",
        }
    }
}
