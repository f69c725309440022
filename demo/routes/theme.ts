import type { FastifyPluginAsync } from 'fastify';
import type { DemoRouteOptions } from '../context.ts';
import { field } from '../form-body.ts';
import { sendError } from '../render-page.ts';
import { isTheme, THEME_COOKIE } from '../themes.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** A local path to come back to; anything else (`//evil.example`, `https:…`) goes home. */
function localPath(value: string): string {
  return /^\/(?![/\\])[^\s]{0,200}$/.test(value) ? value : '/';
}

/** The theme switch: remembers the choice in a cookie and goes back to the page. */
export const themeRoutes: FastifyPluginAsync<DemoRouteOptions> = async (app, { demo }) => {
  app.post('/theme', async (request, reply) => {
    const theme = field(request.body, 'theme');
    if (!isTheme(theme)) {
      return sendError(demo, request, reply, {
        status: 400,
        title: 'Unknown theme',
        message: 'Choose the Clinic or the Night theme.',
      });
    }
    reply.setCookie(THEME_COOKIE, theme, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: demo.secureCookies,
      maxAge: ONE_YEAR_SECONDS,
    });
    return reply.redirect(localPath(field(request.body, 'returnTo')), 303);
  });
};
