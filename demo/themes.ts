import type { FastifyRequest } from 'fastify';

export const THEMES = [
  { id: 'clinic', label: 'Clinic' },
  { id: 'night', label: 'Night' },
] as const;

export type ThemeId = (typeof THEMES)[number]['id'];

export const THEME_COOKIE = 'demo_theme';
export const DEFAULT_THEME: ThemeId = 'clinic';

export function isTheme(value: string): value is ThemeId {
  return THEMES.some((theme) => theme.id === value);
}

/** The visitor's theme from its cookie; the default for a missing or unknown value. */
export function themeOf(request: FastifyRequest): ThemeId {
  const value = request.cookies[THEME_COOKIE] ?? '';
  return isTheme(value) ? value : DEFAULT_THEME;
}
