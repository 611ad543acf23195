//! JSON strings safe to embed in an HTML `<script>` element.
//!
//! The explorer page carries its data as JSON inside `<script type="application/json">`. Inside
//! a script element the HTML parser ends the element at the first `</script` whatever the JSON
//! means, and an HTML comment opener `<!--` changes how it looks for that end; so every `<`, `>`
//! and `&` is written as a `\u` escape and can never start markup. U+2028 and U+2029 are valid in
//! JSON strings but were line terminators in JavaScript source before ES2019, so they are escaped
//! too, like every control character. What `JSON.parse` reads back is exactly the original text.
//!
//! The library writes this small amount of JSON itself rather than depend on a JSON crate.

use std::io::{self, Write};

/// Writes `text` as a JSON string literal (with its quotes) that is also safe inside an HTML
/// `<script>` element: `"`, `\` and control characters are escaped as JSON requires, and `<`,
/// `>`, `&`, U+2028 and U+2029 as `\u` escapes.
///
/// ```text
/// write_str(&mut out, "a</script>\u{2028}")  writes  "a\u003c/script\u003e\u2028"
/// ```
pub(crate) fn write_str(w: &mut dyn Write, text: &str) -> io::Result<()> {
    w.write_all(b"\"")?;
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let escape: Option<&[u8]> = match c {
            '"' => Some(b"\\\""),
            '\\' => Some(b"\\\\"),
            '\n' => Some(b"\\n"),
            '\r' => Some(b"\\r"),
            '\t' => Some(b"\\t"),
            _ => None,
        };
        let unicode = matches!(
            c,
            '\u{0}'..='\u{1f}' | '\u{7f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}'
        );
        if escape.is_none() && !unicode {
            continue;
        }
        w.write_all(&text.as_bytes()[plain..i])?;
        match escape {
            Some(bytes) => w.write_all(bytes)?,
            None => write!(w, "\\u{:04x}", c as u32)?,
        }
        plain = i + c.len_utf8();
    }
    w.write_all(&text.as_bytes()[plain..])?;
    w.write_all(b"\"")
}

/// Writes `Some(text)` as a JSON string, `None` as `null`.
pub(crate) fn write_opt_str(w: &mut dyn Write, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(t) => write_str(w, t),
        None => w.write_all(b"null"),
    }
}

/// Writes a JSON array of strings.
pub(crate) fn write_str_array<'a>(w: &mut dyn Write, items: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        write_str(w, item)?;
    }
    w.write_all(b"]")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_text_is_quoted_as_is() {
        assert_eq!(json("Belarus–NATO relations"), "\"Belarus–NATO relations\"");
        assert_eq!(json(""), "\"\"");
    }

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(json(r#"say "hi" \o/"#), r#""say \"hi\" \\o/""#);
    }

    #[test]
    fn script_end_and_comment_cannot_appear() {
        let out = json("x</script><script>alert(1)</script><!-- & -->");
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'), "{out}");
        assert_eq!(json("</script>"), r#""\u003c/script\u003e""#);
        assert_eq!(json("a & b"), r#""a \u0026 b""#);
    }

    #[test]
    fn line_and_paragraph_separators_are_escaped() {
        assert_eq!(json("a\u{2028}b\u{2029}c"), r#""a\u2028b\u2029c""#);
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(json("a\nb\r\tc"), r#""a\nb\r\tc""#);
        assert_eq!(json("\u{0}\u{1f}\u{7f}"), r#""\u0000\u001f\u007f""#);
        let all: String = (0u32..0x20).filter_map(char::from_u32).collect();
        let out = json(&all);
        assert!(out.chars().all(|c| !c.is_control()), "{out}");
    }

    #[test]
    fn non_ascii_is_kept_verbatim() {
        assert_eq!(json("Лукашенко 🇧🇾"), "\"Лукашенко 🇧🇾\"");
    }

    #[test]
    fn options_and_arrays() {
        let mut out = Vec::new();
        write_opt_str(&mut out, None).unwrap();
        write_str_array(&mut out, ["a", "<b>"]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), r#"null["a","\u003cb\u003e"]"#);
    }
}
