// A sample course page (not part of the lab): embeds two PSYNC Lab widgets, each locked to one
// scenario, sizes them from their `height` events, logs what they report, and offers
// `window.course.call(widget, method, args)` for its own buttons (and the e2e test) to drive them.
// The lab's address comes from ?lab= (default: the lab served next to this page).
(() => {
  const q = new URLSearchParams(location.search);
  const lab = new URL(q.get('lab') || new URL('../', location.href).href);
  const widgets = {
    a: { scenario: 'b_short_drop_partial', controls: 'min', events: [] },
    b: { scenario: 'c_backlog_overflow_full', controls: 'full', events: [] },
  };
  const pending = new Map();
  let nextId = 1;

  for (const [name, w] of Object.entries(widgets)) {
    w.frame = document.getElementById(`lab-${name}`);
    const src = new URL(lab);
    src.search = new URLSearchParams({
      embed: '1',
      scenario: w.scenario,
      controls: w.controls,
      lang: 'en',
      parent: location.origin,
    }).toString();
    w.frame.src = src.href;
  }

  const log = (text) => {
    const li = document.createElement('li');
    li.textContent = text;
    document.getElementById('log').append(li);
  };

  window.addEventListener('message', (ev) => {
    // Only the lab's origin, and only our own frames.
    if (ev.origin !== lab.origin) return;
    const name = Object.keys(widgets).find((k) => widgets[k].frame.contentWindow === ev.source);
    const m = ev.data;
    if (!name || !m || m.psyncLab !== 1) return;
    widgets[name].events.push(m);
    if (m.event === 'height') {
      widgets[name].frame.style.height = `${m.height}px`;
      return;
    }
    if ((m.event === 'reply' || m.event === 'error') && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
    if (m.event === 'milestone') log(`${name}: milestone ${m.kind} ${m.node} at ${m.at} µs`);
    else if (m.event === 'psync') log(`${name}: PSYNC from ${m.replica} → +${m.outcome} (${m.reason})`);
    else if (m.event === 'statement')
      log(`${name}: statement ${m.statement.verb.display['en-US']} ${m.statement.object.id} → LMS`);
    else if (m.event === 'error') log(`${name}: error ${m.message}`);
    else if (m.event === 'ready') log(`${name}: ready (API ${m.version})`);
  });

  /** Send one call; resolves with its reply or error (matched by id). */
  function call(name, method, args) {
    const id = `c${nextId++}`;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      widgets[name].frame.contentWindow.postMessage({ psyncLab: 1, id, method, args }, lab.origin);
    });
  }

  /** Post anything (the test sends malformed messages this way). */
  function raw(name, data) {
    widgets[name].frame.contentWindow.postMessage(data, lab.origin);
  }

  window.course = { call, raw, events: (name) => widgets[name].events };
})();
