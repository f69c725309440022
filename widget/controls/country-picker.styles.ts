import { css } from 'lit';

/**
 * The country picker's own layout: the input with its flag and dial code, and the popup below it,
 * both from the start edge (the right in Arabic); `+33` keeps its sign before the digits in any
 * direction.
 */
export const countryPickerStyles = css`
  .field {
    position: relative;
  }

  .selected-flag {
    position: absolute;
    inset-inline-start: 0.75rem;
    top: 50%;
    transform: translateY(-50%);
    line-height: 1;
    pointer-events: none;
  }

  /* The dial code sits inside the input's end, where the name cannot run over it. */
  .selected-dial-code {
    position: absolute;
    inset-inline-end: 0.75rem;
    top: 50%;
    transform: translateY(-50%);
    white-space: nowrap;
    pointer-events: none;
  }

  [part~='input'] {
    text-overflow: ellipsis;
  }

  .field.has-selected [part~='input'] {
    padding-inline-start: 2.5rem;
    /* Room for the longest code, +358. */
    padding-inline-end: calc(1.25rem + 4ch);
  }

  [part~='input']:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [part~='listbox'],
  .no-match:not(:empty) {
    position: absolute;
    z-index: 10;
    top: calc(100% + 0.25rem);
    inset-inline-start: 0;
    min-width: min(100%, 20rem);
    width: max-content;
    max-width: min(24rem, 90vw);
    margin: 0;
    background: var(--tfa-color-background);
    color: var(--tfa-color-text);
    border: 1px solid var(--tfa-color-border);
    border-radius: var(--tfa-radius);
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.2);
  }

  [part~='listbox'] {
    max-height: 16rem;
    overflow-y: auto;
    padding: 0.25rem 0;
    list-style: none;
  }

  [part~='listbox'][hidden] {
    display: none;
  }

  .no-match {
    margin: 0;
  }

  .no-match:not(:empty) {
    padding: 0.5rem 0.75rem;
    color: var(--tfa-color-muted);
  }

  [part~='option'] {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }

  [part~='option']:hover {
    background: var(--tfa-color-surface);
  }

  [part~='option'][data-current] .name {
    font-weight: 600;
  }

  [part~='option'][aria-selected='true'] {
    background: var(--tfa-color-primary);
    color: var(--tfa-color-on-primary);
  }

  .name {
    flex: 1;
  }

  /* Its digits keep '+' first through dir="ltr" on the text itself: a direction here would turn
     the closed field's inset-inline-end around in Arabic. */
  [part~='dial-code'] {
    color: var(--tfa-color-muted);
    font-variant-numeric: tabular-nums;
  }

  [part~='option'][aria-selected='true'] [part~='dial-code'] {
    color: inherit;
  }

  @media (forced-colors: active) {
    [part~='option'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
