import { formatMinutes } from '../minutes.ts';
import type { Locale } from '../sessions.ts';
import { type RenderedEmail, renderEmail } from './layout.ts';
import { wording } from './wording.ts';

export const codePurposes = ['sign-in', 'verify-email'] as const;
export type CodePurpose = (typeof codePurposes)[number];

export interface CodeEmailInput {
  locale: Locale;
  tenantName: string;
  code: string;
  ttlMinutes: number;
  purpose: CodePurpose;
}

/**
 * The email carrying a code, for a sign-in step or an address check. The subject never holds the
 * code: subjects show on lock screens and in notification previews.
 */
export function codeEmail(input: CodeEmailInput): RenderedEmail {
  const { locale, tenantName, code, ttlMinutes } = input;
  const words = wording[locale].code;
  const purpose = words.purposes[input.purpose];
  const duration = formatMinutes(locale, ttlMinutes);
  return renderEmail({
    locale,
    tenantName,
    subject: purpose.subject(tenantName),
    heading: purpose.heading,
    blocks: [
      { kind: 'paragraph', text: purpose.intro(tenantName) },
      { kind: 'code', code },
      { kind: 'paragraph', text: `${words.expires(duration)} ${words.doNotShare}` },
      { kind: 'paragraph', text: purpose.ifNotYou },
    ],
  });
}
