// Listening for the elements' events where a page would: on the document.
import { expect } from '@open-wc/testing';
import type { TfaEventDetails, TfaEventName } from '../../../widget/events.ts';

const EVENTS: TfaEventName[] = [
  'tfa-enabled',
  'tfa-disabled',
  'tfa-phone-changed',
  'tfa-recovery-codes-regenerated',
  'tfa-verified',
  'tfa-error',
  'tfa-session-expired',
];

/** Every tfa-* event that reaches the document, so only bubbling, composed ones are counted. */
export function recordEvents() {
  const seen: { name: string; detail: unknown; composed: boolean }[] = [];
  const listeners = EVENTS.map((name) => {
    const listener = (event: Event) =>
      seen.push({ name, detail: (event as CustomEvent).detail, composed: event.composed });
    document.addEventListener(name, listener);
    return () => document.removeEventListener(name, listener);
  });
  return {
    seen,
    /** The details of `name`, once the element had time to fire it again by mistake. */
    async of<Name extends TfaEventName>(name: Name): Promise<TfaEventDetails[Name][]> {
      await new Promise((resolve) => setTimeout(resolve, 700));
      for (const event of seen) expect(event.composed, `${event.name} is composed`).to.equal(true);
      return seen.filter((event) => event.name === name).map((e) => e.detail as never);
    },
    stop: () => {
      for (const remove of listeners) remove();
    },
  };
}
