// Preloaded (node -r) into a command run by measure.ts: at exit, writes to $CHITIEU_PEAK_RSS_FILE
// the process's peak resident memory in KiB, and on a second line its CPU time (user + system, µs).
// The peak is VmHWM from /proc/self/status: the high-water mark of this process's own memory since
// it started (worker threads share it, so they are in it). process.resourceUsage().maxRSS is no
// substitute: Linux carries the forking parent's peak across exec into it, so a command started by
// a 200 MB jest reports at least 200 MB. A process killed before exit writes nothing.
process.on('exit', () => {
  const file = process.env.CHITIEU_PEAK_RSS_FILE;
  if (!file) return;
  const fs = require('node:fs');
  let kib;
  try {
    kib = Number(/^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    // No /proc (not Linux): the rusage figure, right when the parent is small.
    kib = process.resourceUsage().maxRSS;
  }
  const cpu = process.resourceUsage();
  fs.writeFileSync(file, `${kib}\n${cpu.userCPUTime + cpu.systemCPUTime}`);
});
