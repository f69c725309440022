import type { FastifyPluginAsync } from 'fastify';
import type { DemoRouteOptions } from '../context.ts';
import { signedInHome, signedOutHome } from '../pages/home-page.ts';
import { privacyPage } from '../pages/privacy-page.ts';
import { sendPage } from '../render-page.ts';
import { TwoFactorUnavailableError } from '../two-factor-client.ts';
import { visitor } from '../visitor.ts';

/** The plain pages: home and privacy policy. */
export const pageRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  app.get('/', async (request, reply) => {
    const { user } = await visitor(demo, request);
    if (!user) return sendPage(demo, request, reply, { title: 'Home', main: signedOutHome() });
    // The home page still shows when the two-factor server is down; only its status is missing.
    const twoFactorEnabled = await demo.twoFactor.userStatus(user.id).then(
      (status) => status.twoFactor.enabled,
      (error: unknown) => {
        if (!(error instanceof TwoFactorUnavailableError)) throw error;
        request.log.warn({ err: error }, 'two-factor status unavailable');
        return undefined;
      },
    );
    return sendPage(demo, request, reply, {
      title: 'Home',
      main: signedInHome({ name: user.name, twoFactorEnabled }),
    });
  });

  app.get('/privacy', async (request, reply) =>
    sendPage(demo, request, reply, { title: 'Privacy policy', main: privacyPage() }),
  );
};
