import { html, type SafeHtml } from '../html.ts';
import { THEMES, type ThemeId } from '../themes.ts';

export interface LayoutInput {
  title: string;
  main: SafeHtml;
  theme: ThemeId;
  /** The signed-in patient's name, for the header. */
  userName: string | undefined;
  /** Whether to link the dev inbox (the two-factor server keeps its outbox). */
  devInbox: boolean;
  /** The page's own path: the theme switch comes back to it, the nav marks it. */
  path: string;
  /** The two-factor server, when the page holds an element: its script is loaded from there. */
  elementsFrom?: string | undefined;
}

function navLink(path: string, href: string, label: string) {
  return html`<li><a href="${href}" ${path === href ? html`aria-current="page"` : ''}>${label}</a></li>`;
}

function navigation(input: LayoutInput) {
  const links = input.userName
    ? html`${navLink(input.path, '/', 'Home')}${navLink(input.path, '/settings/security', 'Security')}
        <li>
          <form method="post" action="/sign-out" class="inline-form">
            <button type="submit" class="button-link">Sign out</button>
          </form>
        </li>`
    : html`${navLink(input.path, '/sign-in', 'Sign in')}${navLink(input.path, '/sign-up', 'Create account')}`;
  return html`<nav aria-label="Main">
    <ul class="nav-list">
      ${links}${input.devInbox ? navLink(input.path, '/dev-inbox', 'Dev inbox') : ''}
    </ul>
  </nav>`;
}

function themeSwitch(input: LayoutInput) {
  return html`<form method="post" action="/theme" class="theme-switch" aria-labelledby="theme-label">
    <input type="hidden" name="returnTo" value="${input.path}">
    <span id="theme-label">Theme</span>
    ${THEMES.map(
      (theme) =>
        html`<button type="submit" name="theme" value="${theme.id}" aria-pressed="${theme.id === input.theme ? 'true' : 'false'}">${theme.label}</button>`,
    )}
  </form>`;
}

/** Every page's frame: header with navigation and theme switch, main landmark, footer. */
export function layout(input: LayoutInput): SafeHtml {
  return html`<!doctype html>
<html lang="en" data-theme="${input.theme}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${input.title} · Demo clinic</title>
  <link rel="stylesheet" href="/assets/demo.css">
  ${input.elementsFrom ? html`<script type="module" src="${input.elementsFrom}/widget/two-factor.js"></script>` : ''}
  <script type="module" src="/assets/demo.js"></script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <div class="wrap header-row">
      <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">+</span> Demo clinic</a>
      ${navigation(input)}
      ${themeSwitch(input)}
    </div>
  </header>
  <main id="main" tabindex="-1">
    <div class="wrap">
      ${input.main}
    </div>
  </main>
  <footer class="site-footer">
    <div class="wrap">
      <p>The demo clinic is a demonstration of two-factor-kit. It is not a real clinic and gives no medical advice.</p>
      <p><a href="/privacy">Privacy policy</a></p>
    </div>
  </footer>
</body>
</html>`;
}
