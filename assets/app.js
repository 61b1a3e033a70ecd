// caatsa-screen's web page: plain JavaScript over the same /v1 API a client uses.
//
// Every value that comes from a manifest or the knowledge base is put into the page with
// textContent (never parsed as markup), and only http(s) URLs become links, so a supplier named
// `<img src=x onerror=alert(1)>` shows as text. The API key, when the server needs one, is kept
// in this tab's sessionStorage and sent as `Authorization: Bearer ...`.
'use strict';

(() => {
  const KEY = 'caatsa-screen.key';
  const VERDICTS = ['prohibited', 'presumption', 'high_risk', 'review', 'clear'];
  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** A link for an http(s) URL; any other URL is shown as text. */
  function link(url, text) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      return el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text || url);
    }
    return el('span', {}, text || url || '');
  }

  const words = (verdict) => String(verdict || '').replace(/_/g, ' ');
  const badge = (verdict) => el('span', { class: `badge v-${verdict}` }, words(verdict));

  function setStatus(text) {
    const status = $('status');
    if (status) status.textContent = text;
  }

  // ---- API key -------------------------------------------------------------------------------

  const storedKey = () => sessionStorage.getItem(KEY);
  let keyWaiters = [];

  function askKey(message) {
    const panel = $('key-panel');
    panel.hidden = false;
    const error = $('key-error');
    error.hidden = !message;
    error.textContent = message || '';
    $('key-input').focus();
    return new Promise((resolve) => keyWaiters.push(resolve));
  }

  function setupKey() {
    const form = $('key-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = $('key-input').value.trim();
      if (!value) return;
      sessionStorage.setItem(KEY, value);
      $('key-input').value = '';
      $('key-panel').hidden = true;
      $('forget-key').hidden = false;
      const waiting = keyWaiters;
      keyWaiters = [];
      waiting.forEach((resolve) => resolve());
    });
    const forget = $('forget-key');
    forget.hidden = !storedKey();
    forget.addEventListener('click', () => {
      sessionStorage.removeItem(KEY);
      forget.hidden = true;
    });
  }

  function authHeaders(extra) {
    const headers = Object.assign({}, extra || {});
    const key = storedKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    return headers;
  }

  /** The error object of a failed answer ({code, message, details}). */
  async function errorOf(response) {
    try {
      const body = await response.json();
      if (body && body.error) return body.error;
    } catch (_) { /* not JSON */ }
    return { code: `http_${response.status}`, message: response.statusText || 'request failed', details: [] };
  }

  /** fetch with the key; a 401 asks for a key and tries again. */
  async function api(path, options) {
    for (;;) {
      const response = await fetch(path, Object.assign({}, options, {
        headers: authHeaders((options || {}).headers),
      }));
      if (response.status !== 401) return response;
      const error = await errorOf(response);
      sessionStorage.removeItem(KEY);
      await askKey(error.message);
    }
  }

  function showError(box, error) {
    box.hidden = false;
    const details = (error.details || []).slice(0, 20).map((detail) => el('li', {},
      Object.entries(detail).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ')));
    box.replaceChildren(
      el('p', {}, el('strong', {}, error.code), ': ', error.message),
      details.length ? el('ul', {}, details) : null,
    );
  }

  function saveBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function download(path, filename, box) {
    const response = await api(path);
    if (!response.ok) return showError(box, await errorOf(response));
    saveBlob(await response.blob(), filename);
  }

  // ---- screen page ---------------------------------------------------------------------------

  const state = { screening: null, id: null, line: null };

  function upload(files, part, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/v1/screenings');
      const key = storedKey();
      if (key) xhr.setRequestHeader('Authorization', `Bearer ${key}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
      xhr.addEventListener('load', () => resolve(xhr));
      xhr.addEventListener('error', () => reject(new Error('the server could not be reached')));
      const form = new FormData();
      files.forEach((file) => form.append(part, file, file.name));
      xhr.send(form);
    });
  }

  /** Screens one manifest file (part `file`) or the tables of an AMS release (parts `ams`). */
  async function screenFiles(files, part) {
    const file = files.length === 1 ? files[0] : { name: `${files.length} AMS tables`, size: files.reduce((n, f) => n + f.size, 0) };
    const box = $('upload-error');
    box.hidden = true;
    const progress = $('upload-progress');
    progress.hidden = false;
    progress.value = 0;
    setStatus(`Uploading ${file.name} (${Math.ceil(file.size / 1024)} KiB)...`);
    for (;;) {
      let xhr;
      try {
        xhr = await upload(files, part, (share) => {
          progress.value = Math.round(share * 100);
          if (share >= 1) setStatus(`Screening ${file.name}...`);
        });
      } catch (error) {
        progress.hidden = true;
        setStatus('');
        return showError(box, { code: 'network', message: error.message, details: [] });
      }
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (_) { /* not JSON */ }
      if (xhr.status === 401) {
        sessionStorage.removeItem(KEY);
        await askKey(body && body.error ? body.error.message : 'an API key is needed');
        continue;
      }
      progress.hidden = true;
      if (xhr.status !== 200 || !body || body.error) {
        setStatus('');
        return showError(box, (body && body.error) || { code: `http_${xhr.status}`, message: 'the screening failed', details: [] });
      }
      setStatus(`Screened ${body.summary.lines} lines of ${file.name}.`);
      history.replaceState(null, '', `/?screening=${encodeURIComponent(body.screening_id)}`);
      return showScreening(body);
    }
  }

  function party(line) {
    const input = line.input || {};
    return [input.supplier_name, input.manufacturer_name].filter(Boolean).join(' / ');
  }

  function origin(line) {
    const input = line.input || {};
    return input.country_of_origin || input.supplier_country || input.manufacturer_country || '';
  }

  function showScreening(screening) {
    state.screening = screening;
    state.id = screening.screening_id;
    $('results').hidden = false;
    $('detail').hidden = true;
    $('screening-meta').textContent =
      `Screening ${screening.screening_id}, ${screening.created_at}, knowledge base ${screening.indicators_version}`;
    const summary = screening.summary;
    $('counts').replaceChildren(
      ...VERDICTS.map((v) => el('li', {}, badge(v), ' ', el('span', { class: 'count', 'data-verdict': v }, summary[v]))),
      el('li', {}, el('span', { class: 'badge v-error' }, 'row errors'), ' ', el('span', { class: 'count', 'data-verdict': 'errors' }, summary.errors)),
    );
    $('warnings').replaceChildren(...(screening.warnings || []).map((w) =>
      el('p', { class: 'banner warning' }, el('strong', {}, w.code), ': ', w.message)));
    const verdictSelect = $('filter-verdict');
    verdictSelect.replaceChildren(el('option', { value: '' }, 'All verdicts'),
      ...VERDICTS.map((v) => el('option', { value: v }, words(v))));
    const codes = [...new Set(screening.results.flatMap((r) => r.flags.map((f) => f.code)))].sort();
    $('filter-flag').replaceChildren(el('option', { value: '' }, 'All flags'),
      ...codes.map((c) => el('option', { value: c }, c)));
    $('filter-text').value = '';
    renderRows();
    const errors = screening.errors || [];
    $('row-errors').replaceChildren(errors.length ? el('section', { 'aria-label': 'Rows that could not be read' },
      el('h3', {}, `Rows that could not be read (${errors.length})`),
      el('ul', {}, errors.map((e) => el('li', {}, `line ${e.line ?? '?'}${e.column ? `, ${e.column}` : ''}: ${e.message}`)))) : '');
  }

  function renderRows() {
    const verdict = $('filter-verdict').value;
    const flag = $('filter-flag').value;
    const text = $('filter-text').value.trim().toLowerCase();
    const rows = [];
    state.screening.results.forEach((line, index) => {
      if (verdict && line.verdict !== verdict) return;
      if (flag && !line.flags.some((f) => f.code === flag)) return;
      const input = line.input || {};
      const haystack = [line.shipment_id, input.supplier_name, input.manufacturer_name, input.hts_code,
        input.description].filter(Boolean).join(' ').toLowerCase();
      if (text && !haystack.includes(text)) return;
      const open = el('button', { type: 'button', class: 'open', 'aria-label': `Evidence for ${line.shipment_id} line ${line.line}` }, 'Evidence');
      open.addEventListener('click', () => openLine(index));
      rows.push(el('tr', { 'data-verdict': line.verdict },
        el('td', {}, index + 1), el('td', {}, line.shipment_id), el('td', {}, line.line),
        el('td', {}, party(line)), el('td', {}, origin(line)), el('td', {}, input.hts_code || ''),
        el('td', {}, badge(line.verdict)), el('td', {}, line.flags.map((f) => f.code).join(', ')),
        el('td', {}, open)));
    });
    $('lines').tBodies[0].replaceChildren(...rows);
    $('shown').textContent = `${rows.length} of ${state.screening.results.length} lines shown`;
  }

  function evidenceTable(flag) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'evidence' },
      el('caption', { class: 'visually-hidden' }, `Evidence for ${flag.code}`),
      el('thead', {}, el('tr', {}, ['Field', 'Input', 'Matched', 'Score', 'Tier', 'Source'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, flag.evidence.map((e) => el('tr', {},
        el('td', {}, e.field), el('td', {}, e.input), el('td', {}, e.matched),
        el('td', {}, Number(e.score).toFixed(2)), el('td', {}, e.tier),
        el('td', {}, sourceLink(sourceOf(e.source)),
          e.note ? el('div', { class: 'muted small' }, noteOf(e.note)) : null))))));
  }

  function identityOf(identity) {
    if (!identity) return null;
    const corroborated = (identity.corroborated_by || []).map((c) => `${c.attribute}: ${c.detail}`);
    return el('p', {}, el('strong', {}, 'Identity: '), words(identity.strength),
      corroborated.length ? `; corroborated by ${corroborated.join('; ')}` : '; not corroborated by any other attribute',
      (identity.to_confirm || []).length ? el('span', { class: 'muted' }, ` To confirm: ${identity.to_confirm.join('; ')}`) : null);
  }

  // A result names each law, legal text, source and note by id and gives them once, in its
  // `laws`, `legal_texts`, `sources` and `notes` tables; results stored before a table existed
  // carry its entries inline.
  function tableEntry(table, ref) {
    return ((state.screening && state.screening[table]) || {})[ref];
  }

  function sourceOf(ref) {
    if (ref && typeof ref === 'object') return ref;
    return tableEntry('sources', ref) || { title: `source ${ref} (not in the result)`, date: '?', url: '' };
  }

  function lawEntry(ref) {
    if (ref && typeof ref === 'object') return ref;
    return tableEntry('laws', ref) || { regime: 'unknown', consequence: `law ${ref} (not in the result)`, legal_basis: [], guidance: '' };
  }

  function noteOf(ref) {
    if (!/^note-[0-9a-f]{16}$/.test(ref)) return ref;
    return tableEntry('notes', ref) || `note ${ref} (not in the result)`;
  }

  function quoteOf(citation) {
    if (citation.text) return citation;
    return ((state.screening && state.screening.legal_texts) || {})[citation.id] || { text: '(text not in the result)', source: { title: '', date: '?', url: '' } };
  }

  function sourceLink(source) {
    return [link(source.url, source.title), ` (${source.date})`];
  }

  function lawOf(ref) {
    const law = lawEntry(ref);
    return el('section', { class: 'law' },
      el('h4', {}, `Regime: ${words(law.regime)}`),
      el('p', {}, law.consequence),
      el('ul', {}, law.legal_basis.map((c) => {
        const quote = quoteOf(c);
        return el('li', {}, el('strong', {}, c.citation), ': ', el('q', {}, quote.text), ' ', ...sourceLink(quote.source));
      })),
      el('p', {}, el('strong', {}, 'Guidance: '), law.guidance));
  }

  function openLine(index) {
    const line = state.screening.results[index];
    state.line = index + 1;
    const detail = $('detail');
    detail.hidden = false;
    $('detail-title').textContent = `Line ${index + 1}: ${line.shipment_id} line ${line.line}, ${party(line) || 'no party'}`;
    $('detail-explanation').replaceChildren(badge(line.verdict), ' ', line.explanation);
    $('detail-flags').replaceChildren(...line.flags.map((flag) => el('article', { class: 'flag' },
      el('h3', {}, `${flag.title} `, el('code', {}, flag.code)),
      el('p', {}, badge(flag.severity), ' ', flag.summary),
      identityOf(flag.identity),
      evidenceTable(flag),
      (flag.prior_decisions || []).length ? el('div', { class: 'prior' }, el('h4', {}, 'Earlier decisions about this subject'),
        el('ul', {}, flag.prior_decisions.map((d) => el('li', {}, d.text)))) : null,
      ...flag.law.map(lawOf))));
    $('decision-flag').replaceChildren(...line.flags.map((f) => el('option', { value: f.code }, f.code)));
    const hasFlags = line.flags.length > 0;
    $('decision-form').hidden = !hasFlags;
    $('tip-line').disabled = !hasFlags;
    $('tip-supplier').disabled = !hasFlags || !party(line);
    $('decision-status').textContent = hasFlags ? '' : 'This line carries no flag: there is nothing to decide or to allege.';
    loadDecisions();
    detail.focus();
  }

  async function loadDecisions() {
    const list = $('decision-history');
    list.replaceChildren();
    if (!state.id || !state.line) return;
    const response = await api(`/v1/screenings/${encodeURIComponent(state.id)}/lines/${state.line}/decisions`);
    if (!response.ok) {
      const error = await errorOf(response);
      list.replaceChildren(el('li', { class: 'error' }, `${error.code}: ${error.message}`));
      return;
    }
    const body = await response.json();
    list.replaceChildren(...body.decisions.map((d) => el('li', {},
      el('strong', {}, words(d.decision)), ` (${d.flag}) by ${d.decided_by} at ${d.decided_at}`,
      d.note ? `: ${d.note}` : '')));
    if (!body.decisions.length) list.append(el('li', { class: 'muted' }, 'No decision recorded yet.'));
  }

  async function recordDecision(event) {
    event.preventDefault();
    const status = $('decision-status');
    const response = await api(`/v1/screenings/${encodeURIComponent(state.id)}/lines/${state.line}/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ flag: $('decision-flag').value, decision: $('decision-kind').value, note: $('decision-note').value }),
    });
    if (!response.ok) {
      const error = await errorOf(response);
      status.textContent = `${error.code}: ${error.message}`;
      return;
    }
    const recorded = await response.json();
    status.textContent = `Recorded: ${words(recorded.decision)} by ${recorded.decided_by}.`;
    $('decision-note').value = '';
    loadDecisions();
  }

  async function draftTip(request) {
    // Opened now, while the click still counts as the person's action; filled when the draft
    // arrives.
    const tab = window.open('', '_blank');
    const response = await api('/v1/tips?format=html', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/html' },
      body: JSON.stringify(Object.assign({ screening: state.screening }, request)),
    });
    if (!response.ok) {
      if (tab) tab.close();
      const error = await errorOf(response);
      $('decision-status').textContent = `No draft: ${error.code}: ${error.message}`;
      return;
    }
    const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' }));
    if (tab) tab.location.href = url;
    else saveBlob(new Blob([await response.text()], { type: 'text/html' }), 'allegation-draft.html');
  }

  async function loadStored(id) {
    setStatus('Loading the stored screening...');
    const response = await api(`/v1/screenings/${encodeURIComponent(id)}`);
    if (!response.ok) {
      setStatus('');
      return showError($('upload-error'), await errorOf(response));
    }
    const body = await response.json();
    setStatus(`Stored screening of ${body.created_at} (${body.input_format}, ${body.input_bytes} bytes).`);
    showScreening(body.screening);
  }

  function setupScreen() {
    const input = $('file-input');
    $('upload-form').addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.files.length) screenFiles([input.files[0]], 'file');
    });
    $('ams-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const tables = [...$('ams-input').files];
      if (tables.length) screenFiles(tables, 'ams');
    });
    const zone = $('drop-zone');
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const dropped = [...event.dataTransfer.files];
      if (dropped.length === 1) screenFiles(dropped, 'file');
      else if (dropped.length > 1) screenFiles(dropped, 'ams');
    });
    ['filter-verdict', 'filter-flag'].forEach((id) => $(id).addEventListener('change', renderRows));
    $('filter-text').addEventListener('input', renderRows);
    $('filters').addEventListener('submit', (event) => event.preventDefault());
    $('decision-form').addEventListener('submit', recordDecision);
    $('tip-line').addEventListener('click', () => {
      const line = state.screening.results[state.line - 1];
      draftTip({ shipment_id: line.shipment_id, line: line.line });
    });
    $('tip-supplier').addEventListener('click', () => {
      const input = state.screening.results[state.line - 1].input || {};
      draftTip({ supplier: input.supplier_name || input.manufacturer_name });
    });
    $('download-csv').addEventListener('click', () =>
      download(`/v1/screenings/${encodeURIComponent(state.id)}/results.csv`, `screening-${state.id}.csv`, $('upload-error')));
    $('download-json').addEventListener('click', () =>
      saveBlob(new Blob([JSON.stringify(state.screening, null, 2)], { type: 'application/json' }), `screening-${state.id}.json`));
    const id = new URLSearchParams(location.search).get('screening');
    if (id) loadStored(id);
  }

  // ---- history page --------------------------------------------------------------------------

  const pages = { cursor: null };

  async function loadHistory(cursor) {
    const box = $('history-error');
    box.hidden = true;
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const verdict = $('history-verdict').value;
    if (verdict) query.set('verdict', verdict);
    setStatus('Loading...');
    const response = await api(`/v1/screenings?${query}`);
    if (!response.ok) {
      setStatus('');
      return showError(box, await errorOf(response));
    }
    const body = await response.json();
    pages.cursor = body.next_cursor;
    $('history-next').disabled = !body.next_cursor;
    $('history').tBodies[0].replaceChildren(...body.screenings.map((s) => {
      const csv = el('button', { type: 'button', 'aria-label': `CSV of screening ${s.screening_id}` }, 'CSV');
      csv.addEventListener('click', () => download(`/v1/screenings/${encodeURIComponent(s.screening_id)}/results.csv`, `screening-${s.screening_id}.csv`, box));
      const json = el('button', { type: 'button', 'aria-label': `JSON of screening ${s.screening_id}` }, 'JSON');
      json.addEventListener('click', async () => {
        const answer = await api(`/v1/screenings/${encodeURIComponent(s.screening_id)}`);
        if (!answer.ok) return showError(box, await errorOf(answer));
        const stored = await answer.json();
        saveBlob(new Blob([JSON.stringify(stored.screening, null, 2)], { type: 'application/json' }), `screening-${s.screening_id}.json`);
      });
      return el('tr', {},
        el('td', {}, s.created_at.replace('T', ' ').slice(0, 19)),
        el('td', {}, el('a', { href: `/?screening=${encodeURIComponent(s.screening_id)}` }, s.screening_id)),
        el('td', {}, s.summary.lines),
        ...['prohibited', 'presumption', 'high_risk', 'review', 'clear', 'errors'].map((k) => el('td', {}, s.summary[k])),
        el('td', {}, s.indicators_version),
        el('td', {}, csv, ' ', json));
    }));
    setStatus(body.screenings.length ? `${body.screenings.length} screenings shown.` : 'No screening stored yet.');
  }

  function setupHistory() {
    $('history-verdict').replaceChildren(el('option', { value: '' }, 'any verdict'),
      ...VERDICTS.map((v) => el('option', { value: v }, words(v))));
    $('history-verdict').addEventListener('change', () => loadHistory(null));
    $('history-first').addEventListener('click', () => loadHistory(null));
    $('history-next').addEventListener('click', () => loadHistory(pages.cursor));
    loadHistory(null);
  }

  // ---- knowledge-base page -------------------------------------------------------------------

  function setupKnowledgeBase() {
    const form = $('search-form');
    if (!form) return;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const box = $('search-error');
      box.hidden = true;
      const query = new URLSearchParams({ q: $('search-q').value, limit: '10' });
      const response = await api(`/v1/indicators/search?${query}`);
      if (!response.ok) return showError(box, await errorOf(response));
      const body = await response.json();
      setStatus(`${body.hits.length} hits for "${body.query}".`);
      $('search-results').replaceChildren(...body.hits.map((hit) => el('li', {},
        el('strong', {}, hit.entity.name), ` (${hit.entity.entity_type}, ${hit.entity.list}, ${hit.entity.programs.join(', ') || 'no program'}) `,
        `matched "${hit.matched_name}" at ${Number(hit.score).toFixed(2)}${hit.weak_alias ? ', a weak alias' : ''}; `,
        link(hit.entity.source.url, hit.entity.source.title), ` (${hit.entity.source.date})`)));
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    setupKey();
    const page = document.body.dataset.page;
    if (page === 'screen') setupScreen();
    else if (page === 'history') setupHistory();
    else if (page === 'knowledge-base') setupKnowledgeBase();
  });
})();
