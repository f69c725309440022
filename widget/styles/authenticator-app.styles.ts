import { css } from 'lit';

/**
 * The method choice and the authenticator app's screen: the choices as large buttons with a
 * line each, the QR code at a size phones read from a screen, the key in groups that never wrap
 * inside one. Adopted by the element when
 * the screens first show (see `adopt-styles.ts`), so that it loads with them.
 */
export const authenticatorAppStyles = css`
  [part~='methods-choice'] {
    display: grid;
    gap: calc(var(--tfa-spacing) / 2);
    margin: 0 0 var(--tfa-spacing);
  }

  [part~='method-button'] {
    display: grid;
    text-align: start;
  }

  [part~='method-button'] [part~='method-hint'] {
    margin: 0;
    font-weight: 400;
  }

  [part~='qr-code'] {
    display: block;
    width: 11rem;
    height: 11rem;
    margin: 0 0 var(--tfa-spacing);
  }

  [part~='app-key'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--tfa-spacing) / 2);
    margin: 0 0 var(--tfa-spacing);
  }

  [part~='totp-key'] {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.05em;
    direction: ltr;
    unicode-bidi: isolate;
  }

  [part~='key-group'] {
    white-space: nowrap;
  }

  [part~='open-app-link'] {
    display: inline-block;
    margin: 0 0 var(--tfa-spacing);
    color: var(--tfa-color-primary);
  }
`;
