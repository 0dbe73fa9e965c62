/**
 * Resolves once the browser reports the first contentful paint — presented, not just committed — or
 * after `limitMs` (a page that never paints text, an engine without paint timing). On a busy 2-core
 * computer the popup's later work (reading the 120 KB pack, the report panel) competes for the CPU
 * with the compositor still presenting that frame; started after it, it no longer delays it.
 */
export function afterFirstPaint(limitMs = 200): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName('first-contentful-paint').length > 0) {
      resolve();
      return;
    }
    let observer: PerformanceObserver | undefined;
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint' });
    } catch {
      // No paint timing here: the time limit alone decides.
    }
  });
}
