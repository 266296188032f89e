// A word cloud (or the projector's pinned answers) fits its box on every screen: it shrinks as a
// whole (--fit, from 1 down) until nothing overflows the width and height it may take; a word
// never breaks.

export function fitCloud(cloud) {
  if (!cloud.isConnected || !cloud.clientWidth) return;
  let fit = 1;
  cloud.style.setProperty('--fit', '1');
  const overflows = () => cloud.scrollWidth > cloud.clientWidth + 1 || cloud.scrollHeight > cloud.clientHeight + 1;
  while (overflows() && fit > 0.2) {
    fit -= 0.05;
    cloud.style.setProperty('--fit', fit.toFixed(2));
  }
}

/** Fit `el` again after every resize, once the page (the projector's stage) has its new size. */
export function refitOnResize(el) {
  window.addEventListener('resize', () => requestAnimationFrame(() => fitCloud(el)));
}
