// From an origin the widget was not told about: every message must be ignored (no reply, no effect).
(() => {
  const lab = new URL(new URLSearchParams(location.search).get('lab')).origin;
  const target = window.parent.frames[0];
  target.postMessage({ psyncLab: 1, id: 'evil-1', method: 'pause' }, lab);
  target.postMessage({ psyncLab: 1, id: 'evil-2', method: 'seek', args: { t: 0 } }, lab);
  target.postMessage({ psyncLab: 1, id: 'evil-3', method: 'nope' }, lab);
  document.title = 'sent';
})();
