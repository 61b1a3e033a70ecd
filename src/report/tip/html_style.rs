//! The style sheet of the HTML draft, inlined into the page: system fonts only, no external
//! assets, and `@media print` rules so an NGO can print the page to PDF from any browser. Kept
//! apart from the markup so the layout can be reviewed on its own.

/// The page's CSS.
pub const CSS: &str = r#"
:root { --ink: #1b1b1b; --muted: #555; --rule: #c8c8c8; --warn: #8a1c00; --warn-bg: #fff1ec;
  --note-bg: #f5f5f2; --accent: #1d3f6e; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #fff;
  font-family: "Georgia", "Times New Roman", "Liberation Serif", serif; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
.banner { background: var(--warn); color: #fff; text-align: center; padding: .5rem 1rem;
  font: bold .95rem/1.3 "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  letter-spacing: .04em; text-transform: uppercase; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  color: var(--accent); line-height: 1.25; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .4rem; color: var(--ink); }
p { margin: .4rem 0; }
a { color: var(--accent); overflow-wrap: anywhere; }
.notices { margin: 0 0 1rem; }
.notice { border-left: 5px solid var(--warn); background: var(--warn-bg); padding: .6rem .8rem;
  margin: .5rem 0; font-weight: bold; }
.strength { border: 1px solid var(--rule); padding: .6rem .8rem; margin: .75rem 0; }
.strength-weak { border: 3px solid var(--warn); color: var(--warn); font-weight: bold; }
.notice.strength-weak { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--note-bg); width: 30%; font-weight: 600; }
.quote { margin: .5rem 0 1rem; }
blockquote { margin: .4rem 0; padding: .5rem .9rem; border-left: 4px solid var(--accent);
  background: var(--note-bg); }
.source, .note, .cite { font-size: .88rem; color: var(--muted); }
.citation { font-style: italic; color: var(--muted); margin-top: -.2rem; }
ol.reasons > li { margin: .6rem 0; }
ol.reasons .title { font-weight: bold; }
ul.sources { margin: .2rem 0 .2rem 1rem; padding-left: 1rem; }
.tier { font-variant: small-caps; }
.checklist { list-style: none; padding-left: 0; }
.checklist > li { border: 1px solid var(--rule); padding: .4rem .6rem; margin: .35rem 0; }
.box { font-size: 1.1rem; margin-right: .35rem; }
.named { border-color: var(--warn); }
.blank { display: inline-block; min-width: 22rem; border-bottom: 1px solid var(--ink);
  height: 1.1rem; vertical-align: bottom; }
.fill { min-height: 2.2rem; border-bottom: 1px dotted var(--muted); margin-top: .2rem; }
.attachments li { margin: .2rem 0; }
.url { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: .78rem;
  color: var(--muted); overflow-wrap: anywhere; }
.url::before { content: "<"; }
.url::after { content: ">"; }
.missing { color: var(--muted); font-style: italic; }
thead th { width: auto; }
.wide { overflow-x: auto; max-width: 100%; }
table.shipments, table.totals { font-size: .8rem; }
table.shipments td, table.shipments th { padding: .2rem .3rem; }
.guidance .sources { font-size: .88rem; color: var(--muted); }
@page { margin: 16mm 14mm; }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .banner { background: none; color: var(--warn); border: 2px solid var(--warn); }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, li, blockquote, .notice, .strength { break-inside: avoid; page-break-inside: avoid; }
  .notice { background: none; }
  .wide { overflow: visible; }
  blockquote { background: none; }
}
"#;
