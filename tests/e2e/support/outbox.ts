// Codes as a patient reads them: from the messages the server's dev outbox holds.
interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  createdAt: string;
}

export async function outboxMessages(serverUrl: string): Promise<OutboxMessage[]> {
  const response = await fetch(`${serverUrl}/dev/outbox`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`dev outbox: HTTP ${response.status}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** How many messages there are now: a later `codeFor` only reads messages sent after this. */
export async function outboxMark(serverUrl: string): Promise<number> {
  return (await outboxMessages(serverUrl)).length;
}

/** The code in the newest message to `to` sent after `mark`, waiting for it to arrive. */
export async function codeFor(
  serverUrl: string,
  to: string,
  mark: number,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await outboxMessages(serverUrl);
    const fresh = messages.slice(0, Math.max(0, messages.length - mark));
    for (const message of fresh) {
      const code = message.to === to ? message.body.match(/\b(\d{6})\b/)?.[1] : undefined;
      if (code) return code;
    }
    if (Date.now() > deadline) throw new Error(`no code for ${to} in the outbox`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
