import { css } from 'lit';

/** Digits read left to right in every language. */
export const codeFieldStyles = css`
  [part~='code-input'] {
    max-width: 14rem;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 1.5em;
    letter-spacing: 0.5em;
    text-align: center;
    direction: ltr;
  }
`;
