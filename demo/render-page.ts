import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DemoContext } from './context.ts';
import type { SafeHtml } from './html.ts';
import { errorPage } from './pages/error-page.ts';
import { layout } from './pages/layout.ts';
import { themeOf } from './themes.ts';
import { visitor } from './visitor.ts';

export interface PageInput {
  title: string;
  main: SafeHtml;
  status?: number;
  /** The page holds a two-factor element: load its script from the server. */
  elements?: boolean;
  /** Where the theme switch comes back to, when not this request's path (a POST-only route). */
  path?: string;
}

/** Sends `main` inside the site's layout, as the visitor sees it (theme, name, dev inbox). */
export async function sendPage(
  demo: DemoContext,
  request: FastifyRequest,
  reply: FastifyReply,
  page: PageInput,
) {
  const [{ user }, devInbox] = await Promise.all([
    visitor(demo, request),
    demo.devInbox.available(),
  ]);
  const body = layout({
    title: page.title,
    main: page.main,
    theme: themeOf(request),
    userName: user?.name,
    devInbox,
    path: page.path ?? request.url.split('?')[0] ?? '/',
    elementsFrom: page.elements ? demo.twoFactorUrl : undefined,
  });
  return reply
    .code(page.status ?? 200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body.text);
}

/** A page that explains what went wrong, with the given status. */
export function sendError(
  demo: DemoContext,
  request: FastifyRequest,
  reply: FastifyReply,
  error: { status: number; title: string; message: string; back?: { href: string; label: string } },
) {
  return sendPage(demo, request, reply, {
    title: error.title,
    status: error.status,
    main: errorPage(error),
  });
}
