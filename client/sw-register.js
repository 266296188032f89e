// Registers the service worker (client/sw.js; docs/decisions.md, decision 75) once the page has
// loaded and the browser is idle: never on the way to a usable page. Where there is no service
// worker (an old browser, or plain http to another machine than this one) nothing happens.
//
// A new client version (a new worker took this page over) reloads the page only while the person
// has not touched it yet; otherwise the next page they open is of the new version.

export function registerWorker() {
  const workers = navigator.serviceWorker;
  if (!workers) return;
  const hadWorker = !!workers.controller; // the first worker taking this page over is no new version
  let touched = false;
  for (const type of ['pointerdown', 'keydown']) {
    addEventListener(type, () => { touched = true; }, { capture: true, passive: true, once: true });
  }
  workers.addEventListener('controllerchange', () => {
    if (hadWorker && !touched) location.reload();
  });
  const register = () => workers.register('/sw.js', { scope: '/' }).catch(() => {});
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(register, { timeout: 2000 }) : setTimeout(register, 500));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
