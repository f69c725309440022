import type { Locale } from '../sessions.ts';
import { wording } from './wording.ts';

/** What a template returns: the three parts of one email, ready for an `EmailSender`. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The pieces a template is made of; each renders both as plain text and as HTML. */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; code: string }
  /** Label (with its punctuation, which differs by language) and value, one per line. */
  | { kind: 'details'; rows: readonly (readonly [label: string, value: string])[] };

export interface EmailContent {
  locale: Locale;
  tenantName: string;
  subject: string;
  heading: string;
  blocks: readonly EmailBlock[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every interpolated value goes through this: tenant names and browser labels are outside input. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Plain text and HTML from the same blocks, so the two versions never say different things. */
export function renderEmail(content: EmailContent): RenderedEmail {
  const footer = wording[content.locale].footer(content.tenantName);
  // A line break from a tenant name would end the Subject header early in some clients.
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return {
    subject,
    text: renderText(content, footer),
    html: renderHtml(content, footer),
  };
}

function renderText(content: EmailContent, footer: string): string {
  const blocks = content.blocks.map(textOfBlock);
  return [content.heading, ...blocks, `-- \n${footer}`].join('\n\n');
}

function textOfBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'code':
      return `    ${block.code}`;
    case 'details':
      return block.rows.map(([label, value]) => `${label} ${value}`).join('\n');
  }
}

// Inline styles only: most mail clients drop <style> blocks. Greys keep at least 7:1 contrast.
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const MONO = "ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace";
const STYLE = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  article: `max-width:560px;margin:0 auto;padding:32px 24px;font-family:${FONT};font-size:16px;line-height:1.5;color:#1f2937;`,
  heading: 'margin:0 0 24px;font-size:22px;line-height:1.3;font-weight:700;color:#111827;',
  paragraph: 'margin:0 0 16px;',
  code: `display:inline-block;padding:8px 16px;font-family:${MONO};font-size:32px;font-weight:700;letter-spacing:6px;color:#111827;background-color:#f3f4f6;border:1px solid #d1d5db;border-radius:6px;`,
  footer:
    'margin:32px 0 0;padding-top:16px;border-top:1px solid #e5e7eb;font-size:13px;color:#4b5563;',
};

function renderHtml(content: EmailContent, footer: string): string {
  const lang = escapeHtml(content.locale);
  const dir = wording[content.locale].direction;
  const blocks = content.blocks.map(htmlOfBlock);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    // role="article" with a label is how screen readers in webmail find where the message starts.
    `<div role="article" aria-roledescription="email" aria-label="${escapeHtml(content.subject)}" lang="${lang}" dir="${dir}" style="${STYLE.article}">`,
    `<h1 style="${STYLE.heading}">${escapeHtml(content.heading)}</h1>`,
    ...blocks,
    `<p style="${STYLE.footer}">${escapeHtml(footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

function htmlOfBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLE.paragraph}">${escapeHtml(block.text)}</p>`;
    case 'code':
      return `<p style="${STYLE.paragraph}"><span style="${STYLE.code}">${escapeHtml(block.code)}</span></p>`;
    case 'details': {
      const rows = block.rows.map(
        ([label, value]) => `<strong>${escapeHtml(label)}</strong> ${escapeHtml(value)}`,
      );
      return `<p style="${STYLE.paragraph}">${rows.join('<br>')}</p>`;
    }
  }
}
