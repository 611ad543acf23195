//! Text at the bottom of every layer: folding names for matching, and "did you mean" hints.

pub(crate) mod fold;
pub(crate) mod suggest;

pub use fold::fold;
