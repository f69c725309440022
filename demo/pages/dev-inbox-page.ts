import { html } from '../html.ts';
import type { OutboxMessage } from '../two-factor-client.ts';

function message(m: OutboxMessage) {
  return html`<tr>
    <td><time datetime="${m.createdAt}">${m.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time></td>
    <td>${m.channel === 'sms' ? 'SMS' : 'Email'}</td>
    <td>${m.to}</td>
    <td>${m.subject ?? ''}</td>
    <td><pre>${m.body}</pre></td>
  </tr>`;
}

export function devInboxPage(input: { messages: OutboxMessage[] }) {
  return html`<h1 id="page-title">Dev inbox</h1>
  <p>The SMS and emails the two-factor server would have sent, newest first. It keeps them in
    memory because no SMS or email provider is configured; copy a code from here by hand.</p>
  <p><a class="button button-secondary" href="/dev-inbox">Refresh</a></p>
  <div class="table-wrap">
    <table>
      <caption>Messages (${input.messages.length})</caption>
      <thead><tr><th scope="col">Time</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Message</th></tr></thead>
      <tbody>
        ${input.messages.length > 0 ? input.messages.map(message) : html`<tr><td colspan="5">No messages yet.</td></tr>`}
      </tbody>
    </table>
  </div>`;
}

export function devInboxMissing() {
  return html`<h1 id="page-title">No dev inbox</h1>
  <p>The two-factor server keeps no outbox: it sends real messages (Plivo and Postmark are
    configured) or runs in production. Codes arrive by SMS and email.</p>`;
}
