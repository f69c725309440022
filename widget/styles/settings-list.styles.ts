import { css } from 'lit';

/**
 * The settings list of the manage screen: each row a label with its value at the start and its
 * actions at the end, wrapping under them where the element is narrow; sub-headings in the
 * heading's font, smaller; the danger zone quiet at the bottom. Adopted by the element when
 * the screen first shows (see `adopt-styles.ts`), so that it loads with the screen, not first.
 */
export const settingsListStyles = css`
  [part~='heading'][part~='subheading'] {
    margin: var(--tfa-spacing) 0 0.25rem;
    font-size: 1em;
  }

  [part~='settings'] {
    list-style: none;
    margin: 0 0 calc(var(--tfa-spacing) / 2);
    padding: 0;
  }

  [part~='setting'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--tfa-spacing);
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--tfa-color-border);
  }

  [part~='setting-text'] {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  [part~='setting-label'] {
    font-weight: 600;
  }

  [part~='setting-value'] {
    color: var(--tfa-color-muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  [part~='masked-phone'] {
    white-space: nowrap;
  }

  [part~='setting-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--tfa-spacing);
    margin-inline-start: auto;
  }

  [part~='setting-actions'] [part~='link-button'] {
    min-height: 2.75rem;
  }

  [part~='danger-zone'] {
    margin-top: var(--tfa-spacing);
  }

  [part~='danger-zone'] [part~='danger-button'] {
    background: transparent;
    color: var(--tfa-color-danger);
    border-color: var(--tfa-color-danger);
    font-weight: 400;
  }

  [part~='danger-zone'] [part~='danger-button']:hover {
    background: var(--tfa-color-danger);
    color: var(--tfa-color-background);
  }
`;
