import { html } from '../html.ts';

/** A message at the top of a form; demo.js moves focus to it so it is read out first. */
export function formError(message: string | undefined) {
  return message
    ? html`<div class="alert alert-error" role="alert" id="form-error" tabindex="-1" data-focus-on-load>${message}</div>`
    : '';
}

export function notice(message: string | undefined) {
  return message ? html`<div class="alert alert-info" role="status">${message}</div>` : '';
}

export interface FieldInput {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete: string;
  hint?: string;
  /** Marks the field invalid and points it at the form's error. */
  invalid?: boolean;
  minlength?: number;
  maxlength?: number;
}

/** A labelled input with its hint tied to it through aria-describedby. */
export function textField(input: FieldInput) {
  const id = `field-${input.name}`;
  const hintId = input.hint ? `${id}-hint` : '';
  const describedBy = [hintId, input.invalid ? 'form-error' : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="${id}">${input.label}</label>
    ${input.hint ? html`<p class="hint" id="${hintId}">${input.hint}</p>` : ''}
    <input id="${id}" name="${input.name}" type="${input.type ?? 'text'}" value="${input.value ?? ''}"
      autocomplete="${input.autocomplete}" required
      ${input.minlength ? html`minlength="${input.minlength}"` : ''}
      maxlength="${input.maxlength ?? 254}"
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      ${input.invalid ? html`aria-invalid="true"` : ''}>
  </div>`;
}
