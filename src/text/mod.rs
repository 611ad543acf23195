//! Text at the bottom of every layer: folding names for matching (and transliterating them), and
//! "did you mean" hints.

pub(crate) mod fold;
pub(crate) mod latin;
pub(crate) mod suggest;

pub use fold::fold;
pub use latin::latin_key;
