//! Where the edges of a `dot` layout point.

use std::fmt;
use std::str::FromStr;

/// The direction of rank in a `dot` layout: where edges point.
///
/// ```
/// use diplograph::export::dot::RankDir;
/// assert_eq!("LR".parse::<RankDir>().unwrap(), RankDir::LeftRight);
/// assert_eq!(RankDir::TopBottom.to_string(), "TB");
/// assert!("up".parse::<RankDir>().unwrap_err().contains("TB, LR, BT, RL"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RankDir {
    /// Top to bottom (Graphviz's default).
    TopBottom,
    /// Left to right: suits wide screens and long labels.
    #[default]
    LeftRight,
    /// Bottom to top.
    BottomTop,
    /// Right to left.
    RightLeft,
}

impl RankDir {
    /// Every direction.
    pub const ALL: [RankDir; 4] = [
        RankDir::TopBottom,
        RankDir::LeftRight,
        RankDir::BottomTop,
        RankDir::RightLeft,
    ];

    /// The Graphviz name: `TB`, `LR`, `BT`, `RL`.
    pub fn name(self) -> &'static str {
        match self {
            RankDir::TopBottom => "TB",
            RankDir::LeftRight => "LR",
            RankDir::BottomTop => "BT",
            RankDir::RightLeft => "RL",
        }
    }
}

impl FromStr for RankDir {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown rank direction '{s}'; choose from: {}",
                    Self::ALL.map(RankDir::name).join(", ")
                )
            })
    }
}

impl fmt::Display for RankDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
