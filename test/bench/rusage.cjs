// Preloaded into a measured `shapelint check` process: on exit, prints its CPU time and peak
// resident memory to stderr as one JSON line, for the benchmark to read.
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeSync(2, `\nRUSAGE ${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })}\n`);
});
