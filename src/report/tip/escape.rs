//! Escaping for the text renderers. Every value a renderer prints goes through here: input from
//! the manifest (a supplier named `<script>` or `](javascript:…)`), and knowledge-base text too,
//! since notes contain backticks and asterisks.
//!
//! Markdown escaping backslash-escapes the ASCII punctuation CommonMark and GFM give a meaning
//! to inside a line (emphasis, code, links, raw HTML, entities, tables, strikethrough), the `:`
//! of `http://` and the `.` of `www.` (GFM autolinks), and a leading list or heading marker; it
//! flattens line breaks so a value can never open a block. Trade-off: hyphens, full stops and
//! parentheses elsewhere stay unescaped so the raw Markdown stays readable; that is safe only
//! because renderers never start a line with a value except through [`md`], which escapes a
//! leading marker. Links are only ever made from knowledge-base URLs that start with `http://`
//! or `https://`; input never becomes a link.

/// ASCII punctuation that Markdown (CommonMark + GFM tables, strikethrough) gives a meaning to
/// anywhere inside a line.
const MARKDOWN_SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '&', '~', '!', '$',
];

/// Text for HTML element content and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for one line of Markdown (a paragraph, list item, heading or table cell).
pub fn md(text: &str) -> String {
    let flat: Vec<char> = flatten(text.trim()).chars().collect();
    let mut out = String::with_capacity(flat.len() + flat.len() / 8);
    let leading_number = flat.iter().take_while(|c| c.is_ascii_digit()).count();
    for (at, &c) in flat.iter().enumerate() {
        let escape = MARKDOWN_SPECIAL.contains(&c)
            || (at == 0 && matches!(c, '-' | '+' | '='))
            || (at == leading_number
                && at > 0
                && matches!(c, '.' | ')')
                && flat.get(at + 1).is_none_or(|n| n.is_whitespace()))
            || (c == ':' && flat.get(at + 1..at + 3) == Some(&['/', '/']))
            || (c == '.'
                && at >= 3
                && flat[at - 3..at]
                    .iter()
                    .collect::<String>()
                    .eq_ignore_ascii_case("www"));
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Line breaks and tabs as single spaces.
fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        let space = matches!(c, '\n' | '\r' | '\t');
        if space && last_space {
            continue;
        }
        out.push(if space { ' ' } else { c });
        last_space = space || c == ' ';
    }
    out
}

/// A URL fit for a link target, or `None`: only `http(s)://` addresses with no whitespace or
/// control characters.
pub fn safe_url(url: &str) -> Option<&str> {
    let ok_scheme = url.starts_with("https://") || url.starts_with("http://");
    let ok_chars = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (ok_scheme && ok_chars).then_some(url)
}

/// A URL inside a Markdown link's `(…)`: parentheses and angle brackets percent-encoded.
pub fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<script>alert('x')</script> & "q""#),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn markdown_escapes_link_syntax_and_flattens_lines() {
        assert_eq!(
            md("[a](javascript:alert(1))\n# h"),
            r"\[a\](javascript:alert(1)) \# h"
        );
        assert_eq!(md("a\r\n\r\nb"), "a b");
    }

    #[test]
    fn markdown_defuses_autolinks_and_leading_block_markers() {
        assert_eq!(
            md("see https://x.org or www.y.org"),
            r"see https\://x.org or www\.y.org"
        );
        assert_eq!(md("- item"), r"\- item");
        assert_eq!(md("12. item"), r"12\. item");
        assert_eq!(md("0307.43"), "0307.43");
        assert_eq!(md("Co. Ltd. 2024-05-03"), "Co. Ltd. 2024-05-03");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(safe_url("https://www.cbp.gov/x").is_some());
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url("https://a b").is_none());
        assert_eq!(md_url("https://x.org/a_(b)"), "https://x.org/a_%28b%29");
    }
}
