// End-to-end check of the web page in headless Chromium, run by scripts/web_check.sh:
// asks for the API key, uploads the demo manifest, checks the verdict counts against the API's,
// filters to one verdict, opens a flagged line's evidence, records a decision, downloads the
// CSV, opens an allegation draft, reads the history and the knowledge base, and uploads a
// manifest whose supplier names are HTML, checking they show as text and no dialog opens.
// Screenshots go to the output folder for a person to look at.
//
// Usage: node web.cjs BASE_URL API_KEY DEMO.csv HOSTILE.csv OUT_DIR
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, key, demo, hostile, out] = process.argv.slice(2);
const VERDICTS = ['prohibited', 'presumption', 'high_risk', 'review', 'clear', 'errors'];

function check(condition, message) {
  if (!condition) throw new Error(`web check failed: ${message}`);
  console.log(`ok: ${message}`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

async function apiSummary(file) {
  const response = await fetch(`${base}/v1/screenings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/csv' },
    body: fs.readFileSync(file),
  });
  check(response.status === 200, `the API screens ${path.basename(file)}`);
  return (await response.json()).summary;
}

/** Waits until a tab opened for a draft has navigated to the draft's blob: URL and loaded. */
async function openedDraft(tab) {
  await tab.waitForURL(/^blob:/, { timeout: 60000 });
  await tab.waitForLoadState('load');
}

async function upload(page, file) {
  await page.setInputFiles('#file-input', file);
  await page.click('#upload-form button[type=submit]');
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  const problems = [];
  const watch = (page) => {
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('pageerror', (error) => problems.push(String(error)));
  };
  context.on('page', watch);
  const page = await context.newPage();

  const expected = await apiSummary(demo);

  await page.goto(`${base}/`);
  const csp = (await page.request.get(`${base}/`)).headers()['content-security-policy'] || '';
  check(csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'), 'the page has a strict Content-Security-Policy');
  await upload(page, demo);
  await page.waitForSelector('#key-panel:not([hidden])');
  await shot(page, '01-key');
  check(true, 'the page asks for the API key');
  await page.fill('#key-input', key);
  await page.press('#key-input', 'Enter');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60000 });
  for (const verdict of VERDICTS) {
    const shown = await page.textContent(`#counts [data-verdict="${verdict}"]`);
    check(Number(shown) === expected[verdict], `${verdict}: the page shows ${shown}, the API says ${expected[verdict]}`);
  }
  await shot(page, '02-results');

  await page.selectOption('#filter-verdict', 'prohibited');
  const rows = await page.$$eval('#lines tbody tr', (trs) => trs.map((tr) => tr.dataset.verdict));
  check(rows.length === expected.prohibited && rows.every((v) => v === 'prohibited'),
    `filtering to prohibited shows ${rows.length} prohibited lines`);
  await shot(page, '03-filtered');

  // From the keyboard: focus the first line's button and press Enter.
  await page.focus('#lines tbody tr:first-child button.open');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#detail:not([hidden])');
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === 'detail'),
    'Enter on a line opens its evidence and moves the focus there');
  const detail = await page.textContent('#detail');
  check(/Identity:/.test(detail) && /Guidance:/.test(detail) && /Regime:/.test(detail),
    'the evidence view shows identity, regime and guidance');
  check(!/not in the result/.test(detail) && !/(law|note|src)-[0-9a-f]{16}/.test(detail) && /Guidance: \S/.test(detail),
    'laws, notes and sources are shown from the result\'s tables, never as bare ids');
  const sources = await page.$$eval('#detail-flags table.evidence a', (links) => links.map((a) => a.href));
  check(sources.length > 0 && sources.every((href) => /^https?:/.test(href)), 'evidence sources are links');

  await page.selectOption('#decision-kind', 'false_positive');
  await page.fill('#decision-note', 'different company: checked the registration number');
  await page.click('#decision-form button[type=submit]');
  await page.waitForSelector('#decision-history li:has-text("by e2e-analyst")');
  check(true, 'the decision is recorded with the key\'s name');
  await shot(page, '04-evidence-and-decision');

  // 200% zoom on a 1280-pixel screen is a 640-pixel-wide viewport: nothing may need sideways
  // scrolling of the page itself (wide tables scroll inside their own box).
  await page.setViewportSize({ width: 640, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.closest('.table-wrap')))
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`).join(', '));
  check(overflow <= 1, `readable at 200% zoom: the page is no wider than the window (${overflow} px over: ${wide})`);
  await shot(page, '04b-zoom-200');
  await page.setViewportSize({ width: 1280, height: 900 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  check(csv.startsWith('shipment_id,line,'), `the CSV download has the result columns (${csv.split('\n').length - 1} rows)`);

  const [draft] = await Promise.all([context.waitForEvent('page'), page.click('#tip-line')]);
  await openedDraft(draft);
  check((await draft.textContent('body')).includes('Customs and Border Protection'), 'the draft is addressed to CBP');
  const styled = await draft.evaluate(() => document.styleSheets.length > 0 && getComputedStyle(document.body).fontFamily !== '');
  check(styled, 'the allegation draft opens, styled, in a new tab');
  await shot(draft, '05-tip-draft');
  await draft.close();

  // The tables of an AMS release, several files in one upload.
  const amsDir = path.join(path.dirname(demo), 'ams2020_jackyho112');
  const tables = fs.readdirSync(amsDir).filter((f) => f.endsWith('.csv')).map((f) => path.join(amsDir, f));
  await page.setInputFiles('#ams-input', tables);
  await page.click('#ams-form button[type=submit]');
  // Wait for the final status: "Uploading 12 AMS tables" also names the tables.
  await page.waitForFunction(() => /^Screened .* AMS tables/.test(document.getElementById('status').textContent), null, { timeout: 60000 });
  const amsLines = await page.$$eval('#lines tbody tr', (trs) => trs.length);
  const amsErrors = await page.textContent('#counts [data-verdict="errors"]');
  check(amsLines === 7 && Number(amsErrors) === 50, `an AMS release of ${tables.length} tables gives 7 lines and 50 row errors (${amsLines}, ${amsErrors})`);
  await shot(page, '05b-ams');

  await page.goto(`${base}/history`);
  await page.waitForSelector('#history tbody tr');
  const listed = await page.$$eval('#history tbody tr', (trs) => trs.length);
  check(listed >= 3, `the history lists the stored screenings (${listed})`);
  await shot(page, '06-history');

  await page.goto(`${base}/knowledge-base`);
  await page.fill('#search-q', 'Ryonbong');
  await page.click('#search-form button');
  await page.waitForSelector('#search-results li');
  check((await page.textContent('#search-results')).includes('RYONBONG'), 'the watchlist search finds Ryonbong');
  await shot(page, '07-knowledge-base');

  await page.goto(`${base}/`);
  await upload(page, hostile);
  await page.waitForSelector('#results:not([hidden])', { timeout: 60000 });
  const table = await page.textContent('#lines');
  check(table.includes('<img src=x onerror=alert(1)>') && table.includes('"><script>alert(2)</script>'),
    'HTML in supplier names shows as text');
  check((await page.$$('#lines img, #lines script')).length === 0, 'no element was made from a supplier name');
  await page.click('#lines tbody tr:first-child button.open');
  await page.waitForSelector('#detail:not([hidden])');
  check((await page.$$('#detail img, #detail script')).length === 0, 'the evidence view makes no element from input');
  const [hostileDraft] = await Promise.all([context.waitForEvent('page'), page.click('#tip-line')]);
  await openedDraft(hostileDraft);
  check((await hostileDraft.textContent('body')).includes('onerror=alert(1)'), 'the draft names the supplier as text');
  check((await hostileDraft.$$('img, body script')).length === 0, 'the draft shows the names as text');
  await shot(hostileDraft, '09-hostile-draft');
  await hostileDraft.close();
  await page.goto(`${base}/history`);
  await page.waitForSelector('#history tbody tr');
  await shot(page, '08-hostile-history');
  check(dialogs.length === 0, `no dialog opened (${dialogs.join(', ')})`);
  const cspViolations = problems.filter((p) => /Content Security Policy/i.test(p));
  check(cspViolations.length === 0, `no Content-Security-Policy violation (${cspViolations.join(' | ')})`);
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
