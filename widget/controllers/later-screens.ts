import type { ReactiveControllerHost } from 'lit';

export type LaterScreenModule = typeof import('../screens/later-screens.ts');

/** The chunk of later screens (`screens/later-screens.ts`), fetched once and shared. */
export class LaterScreens {
  module: LaterScreenModule | undefined;
  private loading: Promise<LaterScreenModule> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  load(): Promise<LaterScreenModule> {
    this.loading ??= import('../screens/later-screens.ts').then(
      (module) => {
        this.module = module;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        // A failed fetch may pass on the next try (the network came back).
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}
