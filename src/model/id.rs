//! Identifiers of sources, predicates and entities.

use std::fmt;

/// A validated identifier: a lowercase ASCII slug — a letter, then letters, digits, `-` or `_`.
///
/// Ids name sources, predicates and entities. They are stable and never reused, and they are
/// safe to use in IRIs, DOT ids and file names without escaping.
///
/// ```
/// use diplograph::Id;
/// assert!(Id::new("partnership-for-peace").is_ok());
/// assert!(Id::new("member_of").is_ok());
/// assert!(Id::new("Belarus").is_err());
/// assert!(Id::new("9-lives").is_err());
/// ```
#[derive(Debug, Clone, Eq)]
pub struct Id(std::sync::Arc<str>);

/// Why a text is not a valid [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The text is empty.
    #[error("the id is empty")]
    Empty,
    /// The text has leading or trailing white space.
    #[error("the id '{0}' has leading or trailing spaces")]
    Spaces(String),
    /// The first character is not a lowercase ASCII letter.
    #[error("the id '{0}' must start with a lowercase ASCII letter")]
    BadStart(String),
    /// A character other than `a-z`, `0-9`, `-`, `_`.
    #[error("the id '{id}' contains {ch:?}; ids use only a-z, 0-9, '-' and '_'")]
    BadChar {
        /// The offending id.
        id: String,
        /// The first character that is not allowed.
        ch: char,
    },
}

impl Id {
    /// Reads the id's reference count, which brings its shared text into the cache before a
    /// clone needs it (the binary image reads the ids relations point to in this way, ahead).
    pub(crate) fn warm(&self) -> usize {
        std::sync::Arc::strong_count(&self.0)
    }

    /// Validates `text` as an id.
    pub fn new(text: &str) -> Result<Self, IdError> {
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if text.trim() != text {
            return Err(IdError::Spaces(text.to_owned()));
        }
        let mut chars = text.chars();
        if !chars.next().is_some_and(|c| c.is_ascii_lowercase()) {
            return Err(IdError::BadStart(text.to_owned()));
        }
        if let Some(ch) = chars.find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')) {
            return Err(IdError::BadChar {
                id: text.to_owned(),
                ch,
            });
        }
        Ok(Self(text.into()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Ids of a loaded graph are shared: equal ids are usually the same allocation, which compares
// without reading the text (sorting millions of claims by their ids relies on it).
impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

// Consistent with `PartialEq`: equal ids have equal text, and the text is what is hashed.
impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if std::sync::Arc::ptr_eq(&self.0, &other.0) {
            std::cmp::Ordering::Equal
        } else {
            self.0.cmp(&other.0)
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_slugs() {
        for ok in ["a", "belarus", "member_of", "x-1", "nato2"] {
            assert_eq!(Id::new(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn rejects_bad_ids() {
        assert_eq!(Id::new(""), Err(IdError::Empty));
        assert!(matches!(Id::new(" belarus"), Err(IdError::Spaces(_))));
        assert!(matches!(Id::new("Belarus"), Err(IdError::BadStart(_))));
        assert!(matches!(Id::new("-x"), Err(IdError::BadStart(_))));
        assert_eq!(
            Id::new("bel arus"),
            Err(IdError::BadChar {
                id: "bel arus".into(),
                ch: ' '
            })
        );
        assert!(matches!(Id::new("belarús"), Err(IdError::BadChar { ch: 'ú', .. })));
        assert!(matches!(Id::new("a/b"), Err(IdError::BadChar { ch: '/', .. })));
    }
}
