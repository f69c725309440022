import { css } from 'lit';

/**
 * Layout, text, buttons, fields and messages shared by every screen and control. Recovery codes
 * take two columns where the element is wide enough; a trusted browser has its name and last use
 * at the start of its row and "Stop trusting" at the end. (No comments inside the CSS: they would
 * ship in the first load.)
 */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--tfa-font-family);
    font-size: var(--tfa-font-size);
    line-height: 1.5;
    color: var(--tfa-color-text);
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  [part~='base'] {
    max-width: var(--tfa-max-width);
    padding: var(--tfa-spacing);
    background: var(--tfa-color-background);
    border-radius: var(--tfa-radius);
  }

  [part~='heading'] {
    margin: 0 0 calc(var(--tfa-spacing) / 2);
    font-size: 1.25em;
    line-height: 1.3;
  }

  [part~='heading']:focus {
    outline: none;
  }

  [part~='text'],
  [part~='hint'] {
    margin: 0 0 var(--tfa-spacing);
  }

  [part~='hint'] {
    color: var(--tfa-color-muted);
    font-size: 0.875em;
  }

  form,
  [part~='section'] {
    display: grid;
    gap: calc(var(--tfa-spacing) * 0.75);
    margin: 0 0 var(--tfa-spacing);
  }

  [part~='label'] {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }

  [part~='input'] {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--tfa-color-text);
    background: var(--tfa-color-background);
    border: 1px solid var(--tfa-color-border);
    border-radius: var(--tfa-radius);
  }

  [part~='input'][aria-invalid='true'] {
    border-color: var(--tfa-color-danger);
  }

  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--tfa-spacing) / 2);
    align-items: center;
  }

  [part~='button'] {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--tfa-radius);
    border: 1px solid transparent;
    cursor: pointer;
    transition: background-color var(--tfa-transition-duration);
  }

  [part~='button']:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [part~='primary-button'] {
    background: var(--tfa-color-primary);
    color: var(--tfa-color-on-primary);
  }

  [part~='secondary-button'] {
    background: var(--tfa-color-surface);
    color: var(--tfa-color-text);
    border-color: var(--tfa-color-border);
  }

  [part~='danger-button'] {
    background: var(--tfa-color-danger);
    color: var(--tfa-color-background);
  }

  [part~='link-button'] {
    min-height: 2.75rem;
    padding: 0.5rem 0;
    background: none;
    color: var(--tfa-color-primary);
    text-decoration: underline;
    font-weight: 400;
  }

  :focus-visible {
    outline: 3px solid var(--tfa-color-focus);
    outline-offset: 2px;
  }

  [part~='error'] {
    color: var(--tfa-color-danger);
    font-weight: 600;
    margin: 0;
  }

  [part~='error']:empty,
  [part~='status']:empty {
    display: none;
  }

  [part~='status'] {
    color: var(--tfa-color-success);
    margin: 0;
  }

  [part~='checkbox-label'] {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }

  [part~='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--tfa-color-primary);
  }

  [part~='list'] {
    list-style: none;
    margin: 0 0 var(--tfa-spacing);
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }

  [part~='list-item'] {
    padding: 0.75rem;
    border: 1px solid var(--tfa-color-border);
    border-radius: var(--tfa-radius);
    background: var(--tfa-color-surface);
  }

  [part~='recovery-codes'] {
    grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
    gap: 0.375rem;
  }

  [part~='recovery-code'],
  [part~='recovery-code-input'] {
    direction: ltr;
  }

  [part~='recovery-code'] {
    padding: 0.375rem 0.625rem;
    white-space: nowrap;
  }

  [part~='browser'] {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.25rem var(--tfa-spacing);
  }

  [part~='revoke-button'] {
    grid-column: 2;
    grid-row: 1 / span 2;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
