import type { FastifyPluginAsync } from 'fastify';
import type { DemoRouteOptions } from '../context.ts';
import { devInboxMissing, devInboxPage } from '../pages/dev-inbox-page.ts';
import { sendPage } from '../render-page.ts';

/** `/dev-inbox`: the two-factor server's outbox, read server-side, for copying codes by hand. */
export const devInboxRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  app.get('/dev-inbox', async (request, reply) => {
    const messages = await demo.twoFactor.outbox();
    if (!messages) {
      return sendPage(demo, request, reply, {
        title: 'No dev inbox',
        status: 404,
        main: devInboxMissing(),
      });
    }
    const newestFirst = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return sendPage(demo, request, reply, {
      title: 'Dev inbox',
      main: devInboxPage({ messages: newestFirst }),
    });
  });
};
