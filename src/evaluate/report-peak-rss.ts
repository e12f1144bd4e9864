/**
 * Preloaded (`node --import tsx --import ./src/evaluate/report-peak-rss.ts …`) by the bad-input test and
 * bench: prints the process's peak resident memory, all threads included, as the last line of stderr.
 */
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`);
});
