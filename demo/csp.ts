/**
 * The demo's Content-Security-Policy: its own scripts and styles, plus the two-factor server's
 * origin for the element bundle (script-src) and the widget API (connect-src). No inline script.
 */
export function contentSecurityPolicy(twoFactorUrl: string): Record<string, string[]> {
  const twoFactor = new URL(twoFactorUrl).origin;
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", twoFactor],
    'connect-src': ["'self'", twoFactor],
    // Lit adopts constructed stylesheets, which style-src does not govern; no inline style is used.
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
  };
}
