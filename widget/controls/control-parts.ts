/** Every part the country picker exposes, for a parent's `exportparts`. */
export const COUNTRY_PICKER_PARTS = [
  'label',
  'country-label',
  'input',
  'country-input',
  'listbox',
  'country-listbox',
  'option',
  'country-option',
  'flag',
  'country-flag',
  'dial-code',
  'country-dial-code',
  'hint',
  'country-no-match',
] as const;

/** Every part the phone field exposes, its own and its country picker's, for `exportparts`. */
export const PHONE_FIELD_PARTS = [
  ...new Set([
    'phone-field',
    'label',
    'phone-label',
    'input',
    'phone-input',
    'error',
    'phone-error',
    ...COUNTRY_PICKER_PARTS,
  ]),
];
