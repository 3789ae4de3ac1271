// Preloaded (node -r) by bench-merge.ts when /usr/bin/time is missing: writes the process's peak
// resident memory (KiB; worker threads included, they share the process) to $CHITIEU_RSS_FILE.
process.on('exit', () => {
  const file = process.env.CHITIEU_RSS_FILE;
  if (file) require('fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
});
