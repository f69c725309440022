// Debian's Chromium through playwright-core; the run never downloads a browser.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const VIEWPORT = { width: 1000, height: 800 };

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with: apt-get install -y chromium ` +
        '(or set CHROME_PATH).',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh context: no cookies, English, the screenshot size. */
export function freshContext(browser: Browser) {
  return browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'UTC' });
}
