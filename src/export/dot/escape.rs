//! Quoting text for DOT so that Graphviz shows it exactly as written.
//!
//! Graphviz reads a label in three passes, and each can change user text: the DOT lexer (where
//! `\"` ends nothing and a backslash before a newline joins lines), the escape-string pass (`\N`,
//! `\G`, `\E`, `\T`, `\H`, `\L` name objects; `\n`, `\l`, `\r` break lines; `\\` is a backslash),
//! and an HTML-entity pass on plain labels (`&amp;` shows as `&`). The SVG it writes must also
//! be well-formed XML, which forbids most control characters. [`quoted`] undoes all of that.
//! Every label is a quoted string — never `<...>`, so never an HTML label — and no user text is
//! ever put in a record shape, so `{`, `|`, `<` and `>` are plain characters.

/// The longest quoted string [`quoted`] writes, in bytes, quotes included: half of Graphviz's
/// 16 KiB limit, so that a label and its line breaks (`wrap`) stay far from it.
pub(crate) const MAX_QUOTED_BYTES: usize = 8 * 1024;

/// Room kept for the truncation marker and the last escaped character.
const TRUNCATION_ROOM: usize = 64;

/// The DOT quoted string (with its quotes) that Graphviz displays as `text`:
///
/// - `"` and `\` are escaped (`\"`, `\\`), so a trailing backslash cannot swallow the closing
///   quote and `\N`, `\G`, `\l` ... show as written;
/// - `&` becomes `&amp;`, so an entity-like text (`&amp;`, `&#65;`) shows as written;
/// - a line break (LF, CRLF or a lone CR) becomes `\n`, a centred line break;
/// - any other control character (and the non-characters U+FFFE, U+FFFF) becomes its visible
///   Unicode control picture (`U+0000` → `␀`, `U+007F` → `␡`), or `U+FFFD` for the C1 controls
///   U+0080..U+009F, which have none, since SVG cannot hold them (or, for C1, should not).
///
/// ```text
/// assert_eq!(quoted(r#"x" color="red"#), r#""x\" color=\"red""#);
/// ```
///
/// A text longer than Graphviz accepts in one quoted string (its lexer refuses strings over
/// 16 KiB) is cut at a character boundary so that the quoted string stays within
/// [`MAX_QUOTED_BYTES`], and ends with a visible `… [N more characters]`: every graph the loader
/// accepts (cells up to 64 KiB) gives a DOT file Graphviz renders.
pub(crate) fn quoted(text: &str) -> String {
    let whole = quoted_up_to(text, usize::MAX);
    if whole.len() <= MAX_QUOTED_BYTES {
        return whole;
    }
    quoted_up_to(text, MAX_QUOTED_BYTES - TRUNCATION_ROOM)
}

/// [`quoted`], cut with a marker once the quoted string passes `cut` bytes.
fn quoted_up_to(text: &str, cut: usize) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_QUOTED_BYTES) + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() > cut {
            let more = 1 + chars.count();
            out.push_str(&format!(" … [{more} more characters]"));
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c @ '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            // C1 controls (NEL, CSI ...) have no control pictures; XML discourages them.
            '\u{80}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Breaks `text` into lines of at most `width` characters at spaces (a longer word keeps its
/// own line). Existing line breaks are kept. `width == 0` leaves the text alone.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    if width == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut len = 0;
        for (j, word) in line.split(' ').enumerate() {
            let n = word.chars().count();
            if j > 0 {
                if len > 0 && len + 1 + n > width {
                    out.push('\n');
                    len = 0;
                } else {
                    out.push(' ');
                    len += 1;
                }
            }
            out.push_str(word);
            len += n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_with_a_marker() {
        for piece in ["a", "\"", "\\", "&", "名", "🦀", "\r\n"] {
            for len in [MAX_QUOTED_BYTES / 8, MAX_QUOTED_BYTES, 64 * 1024] {
                let text = piece.repeat(len / piece.len());
                let q = quoted(&text);
                assert!(q.len() <= MAX_QUOTED_BYTES, "{piece:?} x {len}: {}", q.len());
                assert!(q.starts_with('"') && q.ends_with('"'));
                if quoted_len_uncut(&text) > MAX_QUOTED_BYTES {
                    assert!(q.ends_with(" more characters]\""), "{piece:?} x {len}");
                } else {
                    assert!(!q.contains("more characters]"));
                }
            }
        }
    }

    fn quoted_len_uncut(text: &str) -> usize {
        text.chars()
            .map(|c| match c {
                '"' | '\\' | '\n' | '\r' => 2,
                '&' => 5,
                c => c.len_utf8(),
            })
            .sum::<usize>()
            + 2
    }

    #[test]
    fn quotes_and_backslashes() {
        assert_eq!(quoted("plain"), r#""plain""#);
        assert_eq!(quoted(r#"x" color="red"#), r#""x\" color=\"red""#);
        assert_eq!(quoted("ends in \\"), r#""ends in \\""#);
        assert_eq!(quoted(r"\N \G \l"), r#""\\N \\G \\l""#);
        assert_eq!(quoted("AT&amp;T"), r#""AT&amp;amp;T""#);
    }

    #[test]
    fn line_breaks_and_controls() {
        assert_eq!(quoted("a\nb\r\nc\rd"), r#""a\nb\nc\nd""#);
        assert_eq!(quoted("nul\0bell\u{7}del\u{7f}"), "\"nul␀bell␇del␡\"");
        assert_eq!(quoted("\u{fffe}"), "\"\u{fffd}\"");
        assert_eq!(quoted("nel\u{85}csi\u{9b}"), "\"nel\u{fffd}csi\u{fffd}\"");
    }

    #[test]
    fn html_and_record_characters_stay_plain() {
        assert_eq!(quoted("<b>{a|b}</b>"), r#""<b>{a|b}</b>""#);
        assert_eq!(quoted("Беларусь"), "\"Беларусь\"");
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("Euro-Atlantic Partnership Council", 16),
            "Euro-Atlantic\nPartnership\nCouncil"
        );
        assert_eq!(wrap("a b c", 3), "a b\nc");
        assert_eq!(wrap("Supercalifragilistic x", 5), "Supercalifragilistic\nx");
        assert_eq!(wrap("one\ntwo three", 4), "one\ntwo\nthree");
        assert_eq!(wrap("keep me", 0), "keep me");
    }
}
