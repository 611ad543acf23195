//! A text fragment: the directives after `#:~:` that open a page at a passage.

use std::fmt;
use std::str::FromStr;

use crate::model::text_directive::TextDirective;

/// The text directives that open a source at one quote: one per fragment of the quote
/// (`text=…&text=…`), as a link writes them after `#:~:`.
///
/// `Display` writes the fragment directive (`text=joined,1995.&text=the%20IPP`); `FromStr` reads
/// it back, each directive by the specification's parsing rules. Finding the shortest unique
/// directives for a quote is `verify`'s ([`TextFragment::for_quote`](crate::verify::TextFragment::for_quote)).
///
/// ```
/// use diplograph::model::TextFragment;
/// let fragment: TextFragment = "text=joined,1995.&text=the%20IPP".parse().unwrap();
/// assert_eq!(fragment.directives().len(), 2);
/// assert_eq!(fragment.link("https://example.org/p"), "https://example.org/p#:~:text=joined,1995.&text=the%20IPP");
/// assert!("joined,1995.".parse::<TextFragment>().is_err()); // no `text=`
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextFragment {
    directives: Vec<TextDirective>,
}

/// Why a cell does not read as a text fragment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a text fragment (text=[prefix-,]start[,end][,-suffix], joined by &): {0:?}")]
pub struct FragmentSyntaxError(pub String);

impl TextFragment {
    /// The fragment of `directives`; `None` when there are none.
    pub fn new(directives: Vec<TextDirective>) -> Option<TextFragment> {
        (!directives.is_empty()).then_some(TextFragment { directives })
    }

    /// The directives, one per fragment of the quote.
    pub fn directives(&self) -> &[TextDirective] {
        &self.directives
    }

    /// The link: `url` with the fragment directive appended (after `#`, or after the URL's own
    /// fragment).
    ///
    /// ```
    /// use diplograph::model::TextFragment;
    /// let fragment: TextFragment = "text=joined%20the%20PfP".parse().unwrap();
    /// assert_eq!(fragment.link("https://example.org/page"), "https://example.org/page#:~:text=joined%20the%20PfP");
    /// assert_eq!(fragment.link("https://example.org/page#history"), "https://example.org/page#history:~:text=joined%20the%20PfP");
    /// ```
    pub fn link(&self, url: &str) -> String {
        let separator = if url.contains('#') { ":~:" } else { "#:~:" };
        format!("{url}{separator}{self}")
    }
}

impl fmt::Display for TextFragment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.directives.iter().enumerate() {
            if i > 0 {
                f.write_str("&")?;
            }
            write!(f, "text={d}")?;
        }
        Ok(())
    }
}

impl FromStr for TextFragment {
    type Err = FragmentSyntaxError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || FragmentSyntaxError(s.to_owned());
        let directives = s
            .split('&')
            .map(|part| {
                part.strip_prefix("text=")
                    .and_then(TextDirective::parse)
                    .ok_or_else(bad)
            })
            .collect::<Result<Vec<_>, _>>()?;
        TextFragment::new(directives).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes_and_refuses_the_rest() {
        for cell in ["text=a", "text=a-,b,c,-d", "text=x&text=y%2Cz"] {
            assert_eq!(cell.parse::<TextFragment>().unwrap().to_string(), cell);
        }
        for bad in ["", "text=", "a", "text=a&", "text=a&b", "text=a,b,c", "text=é"] {
            assert!(bad.parse::<TextFragment>().is_err(), "{bad}");
        }
    }
}
