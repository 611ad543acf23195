//! How diagrams look: a shape and colour per entity kind, a line style per kind of date, and
//! the legend that explains both.

use std::io::{self, Write};

use super::escape::quoted;
use crate::model::kind::EntityKind;
use crate::model::rank_dir::RankDir;

/// The font of every diagram. Graphviz measures text with the nearest installed font
/// (fontconfig); SVG viewers fall back along the same family list.
pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";

/// Node shape, fill and border colour of an entity kind. Colours are a colour-blind-safe
/// palette (light fills, dark text); shapes differ too, so a grey-scale print still tells the
/// kinds apart.
pub(crate) fn kind_style(kind: EntityKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        EntityKind::State => ("box", "#a6cee3", "#1f78b4"),
        EntityKind::Organization => ("box", "#b2df8a", "#33a02c"),
        EntityKind::Programme => ("tab", "#fdbf6f", "#e07b00"),
        EntityKind::Person => ("ellipse", "#fb9a99", "#c0392b"),
        EntityKind::Office => ("octagon", "#cab2d6", "#6a3d9a"),
        EntityKind::Agreement => ("note", "#ffff99", "#a08000"),
        EntityKind::Event => ("box", "#f4cae4", "#b0307a"),
        EntityKind::Place => ("house", "#d9d9d9", "#666666"),
    }
}

/// The node attributes of an entity kind (after `label`), as one DOT attribute list fragment.
pub(crate) fn kind_attributes(kind: EntityKind) -> String {
    let (shape, fill, border) = kind_style(kind);
    let style = match kind {
        EntityKind::Organization => "filled,rounded",
        EntityKind::Event => "filled,diagonals",
        _ => "filled",
    };
    format!("shape=\"{shape}\", style=\"{style}\", fillcolor=\"{fill}\", color=\"{border}\"")
}

/// The plural heading of a kind, for clusters.
pub(crate) fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::State => "States",
        EntityKind::Organization => "Organizations",
        EntityKind::Programme => "Programmes",
        EntityKind::Person => "People",
        EntityKind::Office => "Offices",
        EntityKind::Agreement => "Agreements",
        EntityKind::Event => "Events",
        EntityKind::Place => "Places",
    }
}

/// How an edge's dates look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum EdgeLook {
    /// One date, as the sources give it.
    Dated,
    /// Approximate (`~`) or uncertain (`?`): dashed.
    Qualified,
    /// Claims about one statement really disagree (`1991 ≠ 1992-01-27`, or concluded / not
    /// concluded): red. Dates that differ only in precision are not drawn so.
    Disputed,
    /// No date: grey.
    Undated,
    /// Under a time filter, only possibly holding then: dashed amber, `(possibly)`.
    Possible,
    /// A hop of a path that holds definitely at the time asked: solid.
    HopDefinite,
    /// A hop that possibly holds (imprecise, approximate or uncertain dates, an end not
    /// given): dashed.
    HopPossible,
    /// An undated hop: dotted.
    HopUndated,
}

impl EdgeLook {
    /// The look of an edge with these properties.
    pub fn of(dates: usize, qualified: bool, disputed: bool) -> EdgeLook {
        match dates {
            _ if disputed => EdgeLook::Disputed,
            0 => EdgeLook::Undated,
            _ if qualified => EdgeLook::Qualified,
            _ => EdgeLook::Dated,
        }
    }

    /// The look of a path's hop that passed the query's filter with `certainty`.
    pub fn of_hop(certainty: crate::Certainty) -> EdgeLook {
        match certainty {
            crate::Certainty::Definite => EdgeLook::HopDefinite,
            crate::Certainty::Possible => EdgeLook::HopPossible,
            crate::Certainty::Undated => EdgeLook::HopUndated,
        }
    }

    /// Edge attributes (after `label`).
    pub fn attributes(self) -> &'static str {
        match self {
            EdgeLook::Dated => "color=\"#444444\", fontcolor=\"#222222\"",
            EdgeLook::Qualified => "color=\"#444444\", fontcolor=\"#222222\", style=\"dashed\"",
            EdgeLook::Disputed => "color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth=\"1.6\"",
            EdgeLook::Undated => "color=\"#9a9a9a\", fontcolor=\"#6f6f6f\"",
            EdgeLook::Possible => "color=\"#b07d00\", fontcolor=\"#8a6100\", style=\"dashed\"",
            EdgeLook::HopDefinite => "color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", penwidth=\"3\"",
            EdgeLook::HopPossible => "color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", penwidth=\"3\", style=\"dashed\"",
            EdgeLook::HopUndated => "color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", penwidth=\"3\", style=\"dotted\"",
        }
    }

    /// The legend text.
    fn legend(self) -> &'static str {
        match self {
            EdgeLook::Dated => "dated · 1995, since 2011",
            EdgeLook::Qualified => "approximate or uncertain · ~2006, 2006?",
            EdgeLook::Disputed => "claims disagree · 1991 ≠ 1992-01-27",
            EdgeLook::Undated => "no date given",
            EdgeLook::Possible => "possibly holds at the time asked · (possibly)",
            EdgeLook::HopDefinite => "path · definite: its dates settle it",
            EdgeLook::HopPossible => "path · possible: its dates allow, not settle it",
            EdgeLook::HopUndated => "path · undated",
        }
    }

    fn key(self) -> &'static str {
        match self {
            EdgeLook::Dated => "dated",
            EdgeLook::Qualified => "qualified",
            EdgeLook::Disputed => "disputed",
            EdgeLook::Undated => "undated",
            EdgeLook::Possible => "possible",
            EdgeLook::HopDefinite => "hop-definite",
            EdgeLook::HopPossible => "hop-possible",
            EdgeLook::HopUndated => "hop-undated",
        }
    }
}

/// Writes the legend: a cluster with one sample node per kind shown and one sample edge per
/// edge look shown. Legend node ids contain `:`, which no entity id can, so they never clash.
pub(crate) fn write_legend(
    w: &mut dyn Write,
    kinds: &[EntityKind],
    looks: &[EdgeLook],
    rankdir: RankDir,
    indent: &str,
) -> io::Result<()> {
    if kinds.is_empty() && looks.is_empty() {
        return Ok(());
    }
    writeln!(w, "{indent}subgraph \"cluster_legend\" {{")?;
    writeln!(
        w,
        "{indent}  graph [label=\"Legend\", fontsize=\"12\", style=\"rounded\", color=\"#bbbbbb\", margin=\"10\"];"
    )?;
    // One rank holds the kind samples: a column when ranks run left to right, a row otherwise.
    if !kinds.is_empty() {
        writeln!(w, "{indent}  {{")?;
        writeln!(w, "{indent}    rank=\"same\";")?;
        for kind in kinds {
            writeln!(
                w,
                "{indent}    {} [label={}, {}];",
                quoted(&format!("legend:{}", kind.name())),
                quoted(kind.title()),
                kind_attributes(*kind)
            )?;
        }
        // Where a rank is a row, invisible edges keep the samples in kind order, left to right
        // (a column keeps the order it is written in; edges there would turn it upside down).
        if matches!(rankdir, RankDir::TopBottom | RankDir::BottomTop) {
            for pair in kinds.windows(2) {
                writeln!(
                    w,
                    "{indent}    {} -> {} [style=\"invis\"];",
                    quoted(&format!("legend:{}", pair[0].name())),
                    quoted(&format!("legend:{}", pair[1].name()))
                )?;
            }
        }
        writeln!(w, "{indent}  }}")?;
    }
    for look in looks {
        let a = format!("legend:{}:from", look.key());
        let b = format!("legend:{}:to", look.key());
        writeln!(
            w,
            "{indent}  {} [shape=\"point\", width=\"0.06\", color=\"#888888\"];",
            quoted(&a)
        )?;
        writeln!(
            w,
            "{indent}  {} [shape=\"point\", width=\"0.06\", color=\"#888888\"];",
            quoted(&b)
        )?;
        writeln!(
            w,
            "{indent}  {} -> {} [label={}, {}];",
            quoted(&a),
            quoted(&b),
            quoted(look.legend()),
            look.attributes()
        )?;
    }
    writeln!(w, "{indent}}}")
}

/// Writes the legend as one node with a table, for force layouts (which ignore clusters). The
/// table is an HTML-like label; it holds only the fixed text of this file, never user text.
pub(crate) fn write_legend_table(
    w: &mut dyn Write,
    kinds: &[EntityKind],
    looks: &[EdgeLook],
    indent: &str,
) -> io::Result<()> {
    if kinds.is_empty() && looks.is_empty() {
        return Ok(());
    }
    let mut rows = String::from("<tr><td><b>Legend</b></td></tr>");
    for kind in kinds {
        let (_, fill, border) = kind_style(*kind);
        rows.push_str(&format!(
            "<tr><td bgcolor=\"{fill}\" color=\"{border}\" border=\"1\">{}</td></tr>",
            kind.title()
        ));
    }
    for look in looks {
        let colour = match look {
            EdgeLook::Disputed => "#c0392b",
            EdgeLook::Undated => "#6f6f6f",
            EdgeLook::Possible => "#8a6100",
            EdgeLook::Dated | EdgeLook::Qualified => "#222222",
            EdgeLook::HopDefinite | EdgeLook::HopPossible | EdgeLook::HopUndated => "#1f5fbf",
        };
        let text = match look {
            EdgeLook::Dated => "— dated",
            EdgeLook::Qualified => "- - approximate or uncertain date",
            EdgeLook::Disputed => "— claims disagree (dates or did / did not)",
            EdgeLook::Undated => "— no date given",
            EdgeLook::Possible => "- - possibly holds at the time asked",
            EdgeLook::HopDefinite => "— path: definite",
            EdgeLook::HopPossible => "- - path: possible",
            EdgeLook::HopUndated => "··· path: undated",
        };
        rows.push_str(&format!("<tr><td><font color=\"{colour}\">{text}</font></td></tr>"));
    }
    writeln!(
        w,
        "{indent}\"legend:table\" [shape=\"plaintext\", margin=\"0\", label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"3\">{rows}</table>>];"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_look_different() {
        let mut seen = std::collections::HashSet::new();
        for kind in EntityKind::ALL {
            assert!(seen.insert(kind_attributes(kind)), "{kind} looks like another kind");
        }
    }

    #[test]
    fn looks_of_edges() {
        assert_eq!(EdgeLook::of(0, false, false), EdgeLook::Undated);
        assert_eq!(EdgeLook::of(1, false, false), EdgeLook::Dated);
        assert_eq!(EdgeLook::of(1, true, false), EdgeLook::Qualified);
        assert_eq!(EdgeLook::of(2, false, true), EdgeLook::Disputed);
        // Two compatible dates (since 1997, since 1997-07) are not a dispute.
        assert_eq!(EdgeLook::of(2, false, false), EdgeLook::Dated);
    }
}
