import { css } from 'lit';

/**
 * The phone field's layout: the country picker and the number side by side, wrapping when narrow;
 * the picker comes first in the reading order (on the right in Arabic), the number reads left to
 * right in every language.
 */
export const phoneFieldStyles = css`
  [part~='phone-field'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--tfa-spacing) * 0.75);
    align-items: flex-end;
  }

  .country {
    flex: 1 1 12rem;
    min-width: 0;
  }

  .number {
    flex: 2 1 12rem;
    min-width: 0;
  }

  [part~='input']:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [part~='error'] {
    flex-basis: 100%;
  }

  [part~='phone-input'] {
    direction: ltr;
  }
`;
