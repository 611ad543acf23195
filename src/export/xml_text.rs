//! Text in XML 1.0 documents (GEXF, GraphML): escaped so that a parser reads back exactly what
//! was written, wherever XML can hold it.
//!
//! `&`, `<`, `>`, `"` and `'` become entity references. Tab, line feed and carriage return are
//! written as character references: inside an attribute a parser would otherwise turn them into
//! spaces (attribute-value normalisation), and a lone carriage return in text would become a line
//! feed. XML 1.0 cannot hold the other C0 control characters (U+0000–U+0008, U+000B, U+000C,
//! U+000E–U+001F) or U+FFFE/U+FFFF in any form, not even as character references; they become
//! U+FFFD, the replacement character, so the document stays well-formed.

use std::io::{self, Write};

/// Writes `text` escaped for XML element content or a double-quoted attribute value.
pub(crate) fn write_escaped(w: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let replacement: &str = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\t' => "&#9;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}",
            _ => continue,
        };
        w.write_all(&text.as_bytes()[plain..i])?;
        w.write_all(replacement.as_bytes())?;
        plain = i + c.len_utf8();
    }
    w.write_all(&text.as_bytes()[plain..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(text: &str) -> String {
        let mut out = Vec::new();
        write_escaped(&mut out, text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            xml(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
        assert_eq!(xml("]]>"), "]]&gt;");
    }

    #[test]
    fn whitespace_controls_survive_attributes() {
        assert_eq!(xml("a\tb\nc\r\nd"), "a&#9;b&#10;c&#13;&#10;d");
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(
            xml("a\u{0}b\u{1b}c\u{b}\u{fffe}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn everything_else_is_verbatim() {
        let text = "Лукашенко — «NATO» 🇧🇾 \u{2028} \u{85} \u{7f}";
        assert_eq!(xml(text), text);
    }
}
