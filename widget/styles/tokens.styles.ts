import { css } from 'lit';

/**
 * Every `--tfa-*` custom property with its default, on `:host`: a page overrides them with a rule
 * on the element itself (`two-factor-setup { --tfa-color-primary: … }`), which wins over `:host`.
 * Dark defaults follow the page's colour scheme. Controls inside inherit these, never redeclare them.
 */
export const tokenStyles = css`
  :host {
    --tfa-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --tfa-font-size: 1rem;
    --tfa-color-text: #1b1f24;
    --tfa-color-muted: #57606a;
    --tfa-color-background: #ffffff;
    --tfa-color-surface: #f6f8fa;
    --tfa-color-border: #8c959f;
    --tfa-color-primary: #0b5cad;
    --tfa-color-on-primary: #ffffff;
    --tfa-color-danger: #b42318;
    --tfa-color-success: #1a7f37;
    --tfa-color-focus: #0b5cad;
    --tfa-radius: 0.5rem;
    --tfa-spacing: 1rem;
    --tfa-max-width: 28rem;
    --tfa-transition-duration: 150ms;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --tfa-color-text: #e6edf3;
      --tfa-color-muted: #9da7b3;
      --tfa-color-background: #0d1117;
      --tfa-color-surface: #161b22;
      --tfa-color-border: #6e7681;
      --tfa-color-primary: #58a6ff;
      --tfa-color-on-primary: #0d1117;
      --tfa-color-danger: #ff7b72;
      --tfa-color-success: #3fb950;
      --tfa-color-focus: #58a6ff;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --tfa-transition-duration: 0ms;
    }
  }
`;
