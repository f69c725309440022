// Browser tests of the elements (`npm test` runs them through scripts/test.js, under tsx so this
// config can start the real two-factor server from its TypeScript source).
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countingReporter } from './tests/widget/harness/counting-reporter.ts';
import {
  harnessMiddleware,
  startTwoFactorServer,
  stopTwoFactorServer,
} from './tests/widget/harness/two-factor-server.ts';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(
    `Chromium not found at ${chromePath}. Install it with: apt-get install -y chromium ` +
      '(or set CHROME_PATH).',
  );
  process.exit(1);
}

/** A port free right now, so two runs (or another project's) never collide on a fixed one. */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// The tenants' allowed origin is the test page's, so the port is chosen before the runner starts.
const port = await freePort();

export default {
  files: process.env.WIDGET_TESTS?.split(',') ?? ['tests/widget/**/*.test.ts'],
  port,
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time: with two, Chromium can stall the page it treats as in the background
  // (modernweb-dev/web#2403), and a stalled page cannot even time its own tests out.
  concurrency: 1,
  testFramework: { config: { timeout: 20_000 } },
  // Failures that name DOM nodes are made reportable before any test file loads.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><body>
      <script type="module" src="/tests/widget/harness/readable-failures.ts"></script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  testsFinishTimeout: 300_000,
  middleware: [harnessMiddleware],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    {
      name: 'two-factor-server',
      serverStart: () => startTwoFactorServer(`http://localhost:${port}`),
      serverStop: () => stopTwoFactorServer(),
    },
  ],
  reporters: [defaultReporter(), countingReporter('tests/.cache/results/widget.json')],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
