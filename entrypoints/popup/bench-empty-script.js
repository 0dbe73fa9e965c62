// @ts-check
// The bench's second floor (test builds only; wxt.config.ts makes its page from bench-empty.html): an
// empty popup page with one tiny module, to tell what an extension page pays for its first script from
// what our own modules cost.
performance.mark('ep-doctor:modules-ready');
