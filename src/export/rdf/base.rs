//! The base IRI under which the export mints every IRI of its own.

use std::fmt;
use std::str::FromStr;

use oxrdf::NamedNode;

use super::error::RdfError;

/// The namespace every exported resource lives under: entities at `<base>entity/<id>`,
/// statements at `<base>relation/<relation id>`, the vocabulary at `<base>vocab/`, and so on.
///
/// It must be an absolute IRI ending in `/` or `#`, so that appending a path gives a valid IRI.
///
/// ```
/// use diplograph::export::rdf::BaseIri;
/// assert_eq!(BaseIri::default().as_str(), "https://diplograph.example/");
/// assert!("http://example.org/data#".parse::<BaseIri>().is_ok());
/// let err = "http://example.org/data".parse::<BaseIri>().unwrap_err();
/// assert!(err.to_string().contains("must end in '/' or '#'"));
/// assert!("data/".parse::<BaseIri>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseIri(String);

impl BaseIri {
    /// The default base: `https://diplograph.example/`. The `.example` top-level domain is
    /// reserved (RFC 2606), so the default can never be mistaken for a resolvable address;
    /// a publisher passes their own with `--base-iri`.
    pub const DEFAULT: &'static str = "https://diplograph.example/";

    /// Validates `text` as a base IRI.
    pub fn new(text: &str) -> Result<BaseIri, RdfError> {
        let bad = |reason: &str| RdfError::BadBase {
            iri: text.to_owned(),
            reason: reason.to_owned(),
        };
        if let Some(e) = crate::model::iri::iri_problem(text) {
            return Err(bad(&format!("{e}; give one such as {}", Self::DEFAULT)));
        }
        if !(text.ends_with('/') || text.ends_with('#')) {
            return Err(bad(&format!("it must end in '/' or '#', such as {}", Self::DEFAULT)));
        }
        // A fragment cannot hold another '#', so a base with one already cannot take "vocab/".
        if NamedNode::new(format!("{text}vocab/x")).is_err() {
            return Err(bad("appending a path to it does not give a valid IRI"));
        }
        Ok(BaseIri(text.to_owned()))
    }

    /// The IRI as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BaseIri {
    fn default() -> Self {
        BaseIri(Self::DEFAULT.to_owned())
    }
}

impl FromStr for BaseIri {
    type Err = RdfError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BaseIri::new(s)
    }
}

impl fmt::Display for BaseIri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_slash_and_hash() {
        for ok in [
            "https://diplograph.example/",
            "http://example.org/kg#",
            "urn:x-diplograph:",
        ] {
            // A URN ending in ':' is an absolute IRI but ends in neither '/' nor '#'.
            let r = BaseIri::new(ok);
            assert_eq!(r.is_ok(), ok.ends_with('/') || ok.ends_with('#'), "{ok}");
        }
    }

    #[test]
    fn rejects_bad_bases() {
        for bad in [
            "",
            "diplograph/",
            "https://diplograph.example",
            "http://exa mple.org/",
            "http://example.org/a#b#",
        ] {
            let err = BaseIri::new(bad).unwrap_err().to_string();
            assert!(err.contains("bad base IRI"), "{bad}: {err}");
        }
    }
}
