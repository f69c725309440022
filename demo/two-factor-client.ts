/**
 * The demo's only line to the two-factor server: its documented partner API, called with the
 * tenant's secret key from this backend (never from a browser), and the dev outbox.
 */

export type Purpose = 'setup' | 'sign-in' | 'verify-email';

export interface RedeemedResult {
  userId: string;
  purpose: string;
  email?: string;
  steps: string[];
  via: 'code' | 'recovery-code' | 'trusted-browser';
  verifiedAt: string;
}

export interface UserStatus {
  userId: string;
  twoFactor: {
    enabled: boolean;
    phone: { masked: string; country: string } | null;
    /** An authenticator app, when the user added one. */
    totp?: { addedAt: string } | null;
    enabledAt: string | null;
  };
  recoveryCodesRemaining: number;
  trustedBrowsers: number;
}

export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  createdAt: string;
}

/** The two-factor server did not answer, or answered what the partner API never should. */
export class TwoFactorUnavailableError extends Error {
  override name = 'TwoFactorUnavailableError';
}

const TIMEOUT_MS = 10_000;

export class TwoFactorClient {
  readonly #baseUrl: string;
  readonly #secretKey: string;

  constructor(baseUrl: string, secretKey: string) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#secretKey = secretKey;
  }

  async #call(method: string, path: string, body?: object) {
    try {
      const response = await fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.#secretKey}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
    } catch (error) {
      throw new TwoFactorUnavailableError(`${method} ${path}: ${(error as Error).message}`);
    }
  }

  #unexpected(method: string, path: string, status: number, json: unknown): never {
    const code = (json as { error?: { code?: string } } | undefined)?.error?.code ?? 'no code';
    throw new TwoFactorUnavailableError(`${method} ${path} answered ${status} (${code})`);
  }

  /** `POST /v1/sessions`: a widget session token for the element. */
  async mintSession(input: { userId: string; purpose: Purpose; email?: string; locale?: string }) {
    const { status, json } = await this.#call('POST', '/v1/sessions', input);
    if (status !== 201) this.#unexpected('POST', '/v1/sessions', status, json);
    return json as { token: string; expiresAt: string };
  }

  /** `POST /v1/results/redeem`: the result, or null when it is unknown, used or expired. */
  async redeem(resultToken: string): Promise<RedeemedResult | null> {
    const { status, json } = await this.#call('POST', '/v1/results/redeem', { resultToken });
    if (status === 404 || status === 400) return null;
    if (status !== 200) this.#unexpected('POST', '/v1/results/redeem', status, json);
    return json as RedeemedResult;
  }

  /** `GET /v1/users/:userId`: whether two-factor is on, and the rest of the user's state. */
  async userStatus(userId: string): Promise<UserStatus> {
    const path = `/v1/users/${encodeURIComponent(userId)}`;
    const { status, json } = await this.#call('GET', path);
    if (status !== 200) this.#unexpected('GET', path, status, json);
    return json as UserStatus;
  }

  /** `DELETE /v1/users/:userId/trusted-browsers`: the next sign-in asks for a code again. */
  async revokeTrustedBrowsers(userId: string): Promise<void> {
    const path = `/v1/users/${encodeURIComponent(userId)}/trusted-browsers`;
    const { status, json } = await this.#call('DELETE', path);
    if (status !== 204) this.#unexpected('DELETE', path, status, json);
  }

  /** `GET /dev/outbox` as JSON, or null when the server keeps no outbox (production, providers). */
  async outbox(): Promise<OutboxMessage[] | null> {
    try {
      const response = await fetch(`${this.#baseUrl}/dev/outbox`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status !== 200) return null;
      const body = (await response.json()) as { messages?: unknown };
      return Array.isArray(body.messages) ? (body.messages as OutboxMessage[]) : null;
    } catch {
      return null;
    }
  }
}
