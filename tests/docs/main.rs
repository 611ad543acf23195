//! What the documentation shows is what the tool does: the CLI sessions in the docs, the
//! committed `exports/`, and the library examples in `examples/`.

#[path = "../support/mod.rs"]
mod support;

mod examples;
mod exports_current;
mod sessions;
