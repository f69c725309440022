import { after, afterEach, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshContext, launchChromium } from './browser.ts';
import { type E2eStack, startE2eStack } from './e2e-stack.ts';

/**
 * The demo clinic and a Chromium for the journeys of one `describe`: started before them, closed
 * after. Where each journey ended is kept for whoever reads a failure:
 * tests/.cache/e2e/<journey>.png.
 */
export function demoClinicJourneys() {
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  before(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchChromium()]);
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(async (t) => {
    const page = contexts.at(-1)?.pages().at(-1);
    const name = t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await page?.screenshot({ path: `tests/.cache/e2e/${name}.png` }).catch(() => {});
    await contexts.at(-1)?.close();
  });

  return {
    get urls() {
      if (!stack) throw new Error('The demo clinic has not started.');
      return { demoUrl: stack.demoUrl, serverUrl: stack.serverUrl };
    },
    /** A page in a browser context of its own: no cookie from an earlier journey. */
    async freshPage(): Promise<Page> {
      if (!browser) throw new Error('Chromium has not started.');
      const context = await freshContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}
