//! Input renders as text: a manifest whose every free-text field is hostile (markup, script,
//! Markdown links and headings) yields drafts in which none of it becomes markup or a link.

use super::*;

/// A line flagged by its place (Donggang, seafood) whose every free-text field is hostile.
fn hostile_line() -> ManifestLine {
    let attack = "<script>alert(1)</script> ](javascript:alert(2)) <img src=x onerror=alert(3)>";
    ManifestLine {
        importer: Some(format!("Importer {attack}")),
        supplier_name: Some(format!("[click me](javascript:alert(4)) {attack}")),
        supplier_address: Some(format!("| a | b |\n# heading\n{attack}")),
        supplier_city: Some("Donggang".into()),
        supplier_country: Some("CN".into()),
        country_of_origin: Some("CN".into()),
        hts_code: Some("0307.43".into()),
        description: Some(format!("FROZEN SQUID {attack} **bold** `code`")),
        quantity: Some(format!("1 CTN {attack}")),
        ..line("EVIL-1", 1)
    }
}

#[test]
fn hostile_input_renders_as_text_in_html() {
    let screening = screen(&[hostile_line()]);
    let d = tip::draft(kb(), &screening, "EVIL-1", None, DATE).expect("flagged by its place");
    let html = tip::render(&d, TipFormat::Html);
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "<img",
        "javascript:alert(1)</",
        "href=\"javascript",
    ] {
        assert!(!lower.contains(forbidden), "HTML contains {forbidden:?}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(3)&gt;"));
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with("http"),
            "a link to {}",
            &href[..href.len().min(40)]
        );
    }
}

#[test]
fn hostile_input_renders_as_text_in_markdown() {
    let screening = screen(&[hostile_line()]);
    let d = tip::draft(kb(), &screening, "EVIL-1", None, DATE).expect("flagged by its place");
    let md = tip::render(&d, TipFormat::Md);
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    options.insert(pulldown_cmark::Options::ENABLE_TASKLISTS);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&md, options));
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "<img",
        "href=\"javascript",
        "<strong>bold",
        "<code>code",
    ] {
        assert!(
            !lower.contains(forbidden),
            "rendered Markdown contains {forbidden:?}"
        );
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("[click me](javascript:alert(4))"));
    assert!(
        !html.contains("<h1>heading"),
        "an input line became a heading"
    );
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with("http"),
            "a link to {}",
            &href[..href.len().min(40)]
        );
    }
}
