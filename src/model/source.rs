//! A cited document.

use crate::model::edtf::Edtf;
use crate::model::id::Id;

/// One document that claims cite: a web page, statement or article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Source {
    /// Stable id; the source's text lives in `../shared/sources/<id>.txt`.
    pub id: Id,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where it can be read, if known.
    pub url: Option<String>,
    /// When it was published or last updated, if known.
    #[serde(serialize_with = "crate::model::serialize_opt_display")]
    pub published: Option<Edtf>,
}
