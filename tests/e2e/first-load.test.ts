// What a patient's browser fetches before each element's first screen shows, on a page with
// nothing but the bundle's script tag and the element, from the real server (its brotli files).
// Bytes on the wire, as Chromium received them; timings only decide which fetches came first.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { updateTenant } from '../../server/services/tenants.ts';
import { freshContext, launchChromium } from './support/browser.ts';
import { type E2eStack, startE2eStack } from './support/e2e-stack.ts';

const FIRST_LOAD_BUDGET_BYTES = 20 * 1024;

interface Fetched {
  url: string;
  bodyBytes: number;
  encoding: string;
}

/** A page holding only the script and the element of `?element=`, on a loopback origin of its own. */
async function startPageServer(serverUrl: string) {
  const server = createServer((request, response) => {
    const element = new URL(request.url ?? '/', 'http://localhost').searchParams.get('element');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>First load</title>
<script type="module" src="${serverUrl}/widget/two-factor.js"></script></head>
<body>${element ?? ''}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, close: () => server.close() };
}

let pageServer: Awaited<ReturnType<typeof startPageServer>> | undefined;

async function mint(stack: E2eStack, body: Record<string, string>) {
  const response = await fetch(`${stack.serverUrl}/v1/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${stack.tenant.secretKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { token: string }).token;
}

/**
 * Loads `element` alone and returns the widget's files it asked for before moving to its first
 * screen (`screen`), with their body bytes as received.
 */
async function firstLoad(page: Page, stack: E2eStack, element: string, screen: string) {
  const pages = pageServer;
  assert.ok(pages, 'the page server is up');
  const responses: Promise<Fetched>[] = [];
  page.on('requestfinished', (request) => {
    if (!request.url().startsWith(`${stack.serverUrl}/widget/`)) return;
    responses.push(
      Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => ({
        url: request.url(),
        bodyBytes: sizes.responseBodySize,
        encoding: response?.headers()['content-encoding'] ?? '',
      })),
    );
  });
  const pageUrl = `${pages.origin}/?element=${encodeURIComponent(element)}`;
  // The moment the element moves to its first screen, in the page's clock: what it fetches
  // after that (the next screens, ahead of need) is not what the patient waited for.
  await page.addInitScript((name: string) => {
    document.addEventListener('tfa-step-change', (event) => {
      const marks = window as unknown as { firstScreenAt?: number };
      if ((event as CustomEvent<{ to: string }>).detail.to === name)
        marks.firstScreenAt ??= performance.now();
    });
  }, screen);
  await page.goto(pageUrl);
  await page.waitForFunction(
    (name: string) => {
      const root = document.querySelector('two-factor-setup, two-factor-challenge')?.shadowRoot;
      const shown = root?.querySelector(`[part~="${name}-screen"]`);
      return shown && !root?.querySelector('[aria-busy="true"]');
    },
    screen,
    { polling: 'raf', timeout: 20_000 },
  );
  const shownAt = await page.evaluate(
    () => (window as unknown as { firstScreenAt?: number }).firstScreenAt,
  );
  assert.ok(shownAt, 'tfa-step-change announced the first screen');
  // Which of the widget's files were asked for by then (Resource Timing: no sizes across
  // origins without Timing-Allow-Origin, but the times are there).
  const arrived = await page.evaluate(
    ({ server, before }) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.startsWith(`${server}/widget/`))
        .filter((entry) => entry.startTime <= before)
        .map((entry) => entry.name),
    { server: stack.serverUrl, before: shownAt },
  );
  const fetched = await Promise.all(responses);
  return arrived.map((url) => {
    const found = fetched.find((entry) => entry.url === url);
    assert.ok(found, `${url} was recorded`);
    return found;
  });
}

function report(name: string, files: Fetched[]) {
  const total = files.reduce((sum, file) => sum + file.bodyBytes, 0);
  console.log(`${name}: ${total} B brotli before the first screen, in ${files.length} files`);
  for (const file of files)
    console.log(`  ${file.url.replace(/^.*\/widget\//, '')}: ${file.bodyBytes} B`);
  for (const file of files) assert.equal(file.encoding, 'br', `${file.url} is sent brotli`);
  return total;
}

describe('first load, in Chromium', { timeout: 120_000 }, () => {
  let stack: E2eStack;
  let browser: Browser;

  before(async () => {
    [stack, browser] = await Promise.all([startE2eStack(), launchChromium()]);
    pageServer = await startPageServer(stack.serverUrl);
    await updateTenant(stack.database.db, stack.tenant.tenantId, {
      origins: [stack.demoUrl, pageServer.origin],
    });
  });

  after(async () => {
    await browser?.close();
    pageServer?.close();
    await stack?.close();
  });

  test('<two-factor-setup>: within 20 KB brotli before its first screen', async () => {
    const token = await mint(stack, { userId: 'first-load-setup', purpose: 'setup' });
    const context = await freshContext(browser);
    try {
      const files = await firstLoad(
        await context.newPage(),
        stack,
        `<two-factor-setup server="${stack.serverUrl}" token="${token}"></two-factor-setup>`,
        'intro',
      );
      assert.ok(files.some((file) => file.url.endsWith('/widget/two-factor.js')));
      const total = report('<two-factor-setup>', files);
      assert.ok(total <= FIRST_LOAD_BUDGET_BYTES, `${total} B of ${FIRST_LOAD_BUDGET_BYTES} B`);
    } finally {
      await context.close();
    }
  });

  test('<two-factor-challenge>: within 20 KB brotli before its first code screen', async () => {
    const token = await mint(stack, {
      userId: 'first-load-challenge',
      purpose: 'verify-email',
      email: 'first-load@mail.example',
    });
    const context = await freshContext(browser);
    try {
      const files = await firstLoad(
        await context.newPage(),
        stack,
        `<two-factor-challenge server="${stack.serverUrl}" token="${token}"></two-factor-challenge>`,
        'email-code',
      );
      const total = report('<two-factor-challenge>', files);
      assert.ok(total <= FIRST_LOAD_BUDGET_BYTES, `${total} B of ${FIRST_LOAD_BUDGET_BYTES} B`);
    } finally {
      await context.close();
    }
  });
});
