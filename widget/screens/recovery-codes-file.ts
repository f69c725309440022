import type { Translate } from '../i18n/catalogue.ts';

/** The codes as a text file: a title, one code per line, the one rule to remember. */
export function recoveryCodesText(t: Translate, site: string, codes: string[]) {
  return `${t('recoveryFileTitle', { site })}\n\n${codes.join('\n')}\n\n${t('recoveryFileNote')}\n`;
}

export function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Prints only the codes, from a hidden frame, not the partner's whole page. */
export function printText(text: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;visibility:hidden';
  frame.setAttribute('aria-hidden', 'true');
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc) return frame.remove();
  const pre = doc.createElement('pre');
  pre.style.font = '14pt ui-monospace, monospace';
  pre.textContent = text;
  doc.body.append(pre);
  frame.contentWindow?.addEventListener('afterprint', () => frame.remove());
  frame.contentWindow?.print();
}
