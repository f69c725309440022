/** The emails the server sends: pure functions from data to `{subject, text, html}`, in every language of the sessions. */
export { type CodeEmailInput, type CodePurpose, codeEmail, codePurposes } from './code-email.ts';
export { escapeHtml, type RenderedEmail } from './layout.ts';
export {
  formatEventTime,
  type NotificationEmailInput,
  type NotificationType,
  notificationEmail,
  notificationTypes,
} from './notification-email.ts';
