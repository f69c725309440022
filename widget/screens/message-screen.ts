import { nothing } from 'lit';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

export interface MessageScreenOptions {
  name: string;
  heading: string;
  text?: string;
  action?: { name: string; label: string; onClick: () => void };
}

/** A heading, a sentence and at most one action: done, disabled, expired, locked, signed in… */
export function renderMessageScreen(context: ScreenContext, options: MessageScreenOptions) {
  return screen(context, options.name, options.heading, [
    options.text ? paragraph(options.text) : nothing,
    alertRegion(context),
    options.action
      ? button(
          context,
          'primary',
          options.action.name,
          options.action.label,
          options.action.onClick,
        )
      : nothing,
  ]);
}
