// A classic script in the popup's <head>: it runs before the module graph is fetched and evaluated, so
// the benchmark's «our part» (this mark → first contentful paint) counts module evaluation too.
performance.mark('ep-doctor:script-start');
