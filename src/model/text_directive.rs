//! A text directive `text=[prefix-,]start[,end][,-suffix]`: parsed, and written percent-encoded.
//!
//! The syntax of the Text Fragments specification (<https://wicg.github.io/scroll-to-text-fragment/#syntax>);
//! finding a directive in a text is `verify`'s.

use std::fmt;

/// One text directive: the passage's `start` (and `end`), with optional context.
///
/// `Display` writes the percent-encoded value (without `text=`): every character other than
/// ASCII letters, digits and ``!$'()*+./:;=?@_~`` is percent-encoded as UTF-8, so `-`, `,` and
/// `&` in the text never read as syntax.
///
/// ```
/// use diplograph::model::TextDirective;
/// let d = TextDirective { prefix: Some("NATO-Belarus".into()), start: "1, 2 & 3".into(), end: None, suffix: None };
/// assert_eq!(d.to_string(), "NATO%2DBelarus-,1%2C%202%20%26%203");
/// assert_eq!(TextDirective::parse(&d.to_string()), Some(d));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextDirective {
    /// Text that must come just before the passage.
    pub prefix: Option<String>,
    /// The passage, or its beginning when `end` is given.
    pub start: String,
    /// The end of the passage.
    pub end: Option<String>,
    /// Text that must come just after the passage.
    pub suffix: Option<String>,
}

impl TextDirective {
    /// Parses a directive's value (what follows `text=`) by the specification's *parse a text
    /// directive* steps; `None` when it is not valid.
    pub fn parse(value: &str) -> Option<TextDirective> {
        if !value.is_ascii() || value.contains('&') {
            return None;
        }
        let mut tokens: Vec<&str> = value.split(',').collect();
        if tokens.is_empty() || tokens.len() > 4 {
            return None;
        }
        let valid = |t: &str| !t.is_empty() && !t.contains('-');
        let mut prefix = None;
        if let Some(p) = tokens[0].strip_suffix('-') {
            if !valid(p) || tokens.len() == 1 {
                return None;
            }
            prefix = Some(p);
            tokens.remove(0);
        }
        let mut suffix = None;
        if let Some(s) = tokens.last().and_then(|t| t.strip_prefix('-')) {
            if !valid(s) || tokens.len() == 1 {
                return None;
            }
            suffix = Some(s);
            tokens.pop();
        }
        if tokens.len() > 2 || !tokens.iter().all(|t| valid(t)) {
            return None;
        }
        let optional = |term: Option<&str>| match term {
            None => Some(None),
            Some(t) => decode(t).map(Some),
        };
        Some(TextDirective {
            prefix: optional(prefix)?,
            start: decode(tokens[0])?,
            end: optional(tokens.get(1).copied())?,
            suffix: optional(suffix)?,
        })
    }
}

impl fmt::Display for TextDirective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(prefix) = &self.prefix {
            write!(f, "{}-,", Encoded(prefix))?;
        }
        write!(f, "{}", Encoded(&self.start))?;
        if let Some(end) = &self.end {
            write!(f, ",{}", Encoded(end))?;
        }
        if let Some(suffix) = &self.suffix {
            write!(f, ",-{}", Encoded(suffix))?;
        }
        Ok(())
    }
}

struct Encoded<'a>(&'a str);

impl fmt::Display for Encoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0.bytes() {
            if byte.is_ascii_alphanumeric() || b"!$'()*+./:;=?@_~".contains(&byte) {
                write!(f, "{}", char::from(byte))?;
            } else {
                write!(f, "%{byte:02X}")?;
            }
        }
        Ok(())
    }
}

fn decode(term: &str) -> Option<String> {
    let b = term.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
