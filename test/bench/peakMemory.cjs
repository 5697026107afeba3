// Preloaded by test/bench/hostile.ts: prints the process's peak resident memory on exit.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
