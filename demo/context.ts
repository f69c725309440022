import type { DevInboxProbe } from './dev-inbox-probe.ts';
import type { TwoFactorClient } from './two-factor-client.ts';
import type { DemoDb } from './users.ts';

/** What every demo route needs, handed to each route plugin as its options. */
export interface DemoContext {
  db: DemoDb;
  twoFactor: TwoFactorClient;
  /** The two-factor server as the browser reaches it: element `server` attribute and script. */
  twoFactorUrl: string;
  /** Cookies get `Secure` when the demo is served over https. */
  secureCookies: boolean;
  devInbox: DevInboxProbe;
}

export interface DemoRouteOptions {
  demo: DemoContext;
}
