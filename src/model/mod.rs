//! The graph's data types.

pub(crate) mod csr;
pub(crate) mod edtf;
pub(crate) mod entity;
pub(crate) mod graph;
pub(crate) mod handle;
pub(crate) mod id;
pub(crate) mod iri;
pub(crate) mod iso3166;
pub(crate) mod kind;
pub(crate) mod minted;
pub(crate) mod names;
pub(crate) mod predicate;
pub(crate) mod problem;
pub(crate) mod quote_anchor;
pub(crate) mod rank_dir;
pub(crate) mod relation;
pub(crate) mod relation_table;
pub(crate) mod source;
pub(crate) mod statement;
pub(crate) mod text_directive;
pub(crate) mod text_fragment;
pub(crate) mod text_quote_selector;
pub(crate) mod view;

pub(crate) fn serialize_opt_display<T: std::fmt::Display, S: serde::Serializer>(
    value: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

pub(crate) fn serialize_display<T: std::fmt::Display, S: serde::Serializer>(
    value: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

pub use edtf::{Bound, DatePoint, Day, Edtf, EdtfError, Precision};
pub use entity::{Entity, EntityDate};
pub use graph::{Graph, Incident, ResolveError, Stats};
pub use handle::{EdgeId, NodeId};
pub use id::{Id, IdError};
pub use iso3166::{Iso3166, Iso3166Error};
pub use kind::{EntityKind, UnknownKind};
pub use predicate::{Predicate, Temporal};
pub use problem::{Problem, Problems, Severity};
pub use quote_anchor::{AnchorError, QuoteAnchor};
pub use rank_dir::RankDir;
pub use relation::{Evidence, Relation, RelationId, Span};
pub use source::Source;
pub use text_directive::TextDirective;
pub use text_fragment::{FragmentSyntaxError, TextFragment};
pub use text_quote_selector::TextQuoteSelector;
pub use view::{NamedView, Reach, ViewLayout};
