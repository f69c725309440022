// Every screen the journeys meet, saved under stable names: into docs/screenshots/ only when
// asked (`npm run screenshots`), otherwise into the ignored tests/.cache/ so a test run leaves the
// tree clean.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DIR = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS === '1'
      ? '../../../docs/screenshots/'
      : '../../.cache/screenshots/',
    import.meta.url,
  ),
);
mkdirSync(DIR, { recursive: true });

/** The whole page, 1000 px wide, unless `fullPage` is false (a long list: the first screenful). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  // No blinking caret or running transition in the picture.
  await page.screenshot({
    path: `${DIR}${name}.png`,
    fullPage,
    caret: 'hide',
    animations: 'disabled',
  });
}
