// Loaded before every test file (web-test-runner.config.mjs). A failed assertion whose actual or
// expected value is a DOM node stalls @web/test-runner: the page cannot send the node in its
// report, so the whole file hangs until the run's timeout with no word of which test failed.
// Such a value is named by its markup instead; the assertion's message already shows it so.
// The chai that @open-wc/testing re-exports, imported directly: importing @open-wc/testing before
// mocha has started would skip its fixture clean-up hook.
import { Assertion, AssertionError } from '@esm-bundle/chai';

function readable(value: unknown): unknown {
  if (value instanceof Node) return nodeText(value);
  if (Array.isArray(value) || value instanceof NodeList || value instanceof HTMLCollection) {
    return [...value].map(readable);
  }
  return value;
}

function nodeText(node: Node) {
  return node instanceof Element ? node.outerHTML.slice(0, 500) : node.nodeName;
}

const prototype = (Assertion as unknown as { prototype: { assert(...args: unknown[]): void } })
  .prototype;
const assert = prototype.assert;
prototype.assert = function (this: unknown, ...args: unknown[]) {
  try {
    assert.apply(this, args);
  } catch (error) {
    if (error instanceof AssertionError) {
      const failure = error as Error & { actual?: unknown; expected?: unknown };
      failure.actual = readable(failure.actual);
      failure.expected = readable(failure.expected);
    }
    throw error;
  }
};
