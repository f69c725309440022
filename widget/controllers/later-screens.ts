import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/catalogue.ts';
import type { LaterStrings } from '../i18n/en.ts';

export type LaterScreenModule = typeof import('../screens/later-screens.ts');

/**
 * The chunk of later screens (`screens/later-screens.ts`) and the messages they say in the page's
 * language, fetched once and shared.
 */
export class LaterScreens {
  module: LaterScreenModule | undefined;
  strings: Partial<LaterStrings> = {};
  private loading: Promise<LaterScreenModule> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => Locale,
  ) {}

  load(): Promise<LaterScreenModule> {
    this.loading ??= import('../screens/later-screens.ts').then(
      async (module) => {
        this.strings = await module.loadLaterStrings(this.locale());
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

  /** The later messages in a new language, once the screens are there. */
  async speak(locale: Locale) {
    if (this.module) this.strings = await this.module.loadLaterStrings(locale);
  }
}
