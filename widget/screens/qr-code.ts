import { html, svg } from 'lit';

/** The modules of a QR code as one SVG path (a run of dark modules per `h`), and its width. */
export interface QrDrawing {
  size: number;
  path: string;
}

/** Modules of light margin around the code, as ISO/IEC 18004 asks for (the quiet zone). */
const QUIET_ZONE = 4;

/** Draws `text` as a QR code, with the QR library fetched only now (it is the app screen's alone). */
export async function drawQrCode(text: string): Promise<QrDrawing> {
  const { generate } = await import('lean-qr/nano');
  const code = generate(text);
  let path = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; ) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < code.size && code.get(x, y)) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { size: code.size, path };
}

/**
 * The code as an image drawn in the page, dark on light whatever the theme (readers need the
 * contrast), with its name for screen readers.
 */
export function renderQrCode({ size, path }: QrDrawing, label: string) {
  const box = size + QUIET_ZONE * 2;
  return html`<svg
    part="qr-code"
    role="img"
    aria-label=${label}
    viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}"
    shape-rendering="crispEdges"
  >
    ${svg`<rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${box} height=${box} fill="#fff"></rect>
      <path d=${path} fill="#000"></path>`}
  </svg>`;
}
