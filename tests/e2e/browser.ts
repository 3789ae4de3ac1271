import { execFileSync } from 'child_process';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, found on PATH. Missing is a failure with the fix, never a skipped test. */
export function chromiumPath(): string {
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // reported below
  }
  throw new Error(
    'chromium was not found on PATH. The end-to-end tests need Debian\'s chromium: run `apt-get install -y chromium` as root ' +
      '(npm test does this through scripts/ensure-system-packages.sh).',
  );
}

/** Headless and offline: no first-run, update or background traffic. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
