// Registers the service worker (src/offline/sw.ts) of the hosted build, once the page has loaded
// so its precache does not compete with the first render. Not in dev (Vite serves modules, there
// is no sw.js) and not in the single-file build (file:// has no service workers). A refusal (a
// private window, a browser without service workers) costs only offline use, so it stays quiet.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single') return;
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  const go = () => void navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch(() => {});
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
