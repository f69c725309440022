import { Value } from 'typebox/value';
import { TenantSettingsSchema } from '../services/tenant-settings.ts';

type SettingName = keyof typeof TenantSettingsSchema.properties;

const kebab = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/([a-z])(\d)/g, '$1-$2');

/** One CLI flag per tenant setting, named after it: `signInSteps` → `--sign-in-steps`. */
export const settingFlags = Object.fromEntries(
  Object.keys(TenantSettingsSchema.properties).map((name) => [kebab(name), name as SettingName]),
) as Record<string, SettingName>;

/** Flag values as settings: comma lists for arrays, `none` for null, numbers and booleans converted. */
export function settingsFromFlags(values: Record<string, unknown>): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  for (const [flag, name] of Object.entries(settingFlags)) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    const schema = TenantSettingsSchema.properties[name] as {
      type?: string;
      anyOf?: { type?: string }[];
    };
    const isList =
      schema.type === 'array' || schema.anyOf?.some((option) => option.type === 'array');
    if (value === 'none' || value === 'null') change[name] = isList ? [] : null;
    else if (isList)
      change[name] = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    else change[name] = value;
  }
  return Value.Convert(TenantSettingsSchema, change) as Record<string, unknown>;
}

export function settingsHelp(): string {
  return Object.entries(settingFlags)
    .map(([flag, name]) => {
      const schema = TenantSettingsSchema.properties[name] as {
        description?: string;
        default?: unknown;
      };
      return `  --${flag.padEnd(31)} ${schema.description ?? ''} (default: ${JSON.stringify(schema.default)})`;
    })
    .join('\n');
}
