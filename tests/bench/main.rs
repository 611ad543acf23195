//! The benchmark's synthetic generator, at a smoke size.

#[path = "../support/mod.rs"]
mod support;

mod smoke;
