/** An answer of the two-factor server that is not a success, or no answer at all. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the network failed. */
    readonly status: number,
    /** The API error code (`invalid_code`, `rate_limited`…), or `network_error`. */
    readonly code: string,
    message: string,
    /** Extra fields of the error: `attemptsRemaining`, `retryAfter`, `lockedUntil`… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Seconds until a retry may work, from `retryAfter` or `Retry-After`. */
  get retryAfterSeconds(): number | undefined {
    const value = this.details.retryAfter;
    return typeof value === 'number' ? value : undefined;
  }
}

/** Whether `error` is the end of a request its caller aborted: nothing to tell the user. */
export function isAborted(error: unknown) {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface ApiClientOptions {
  server: string;
  token: string;
  fetch?: typeof fetch;
  /** Aborts every request that names no signal of its own. */
  signal?: AbortSignal;
}

/** The widget API (`/v1/widget/*`) with the session token, cookies included for trusted browsers. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get<T>(path: string, signal?: AbortSignal) {
    return this.request<T>('GET', path, undefined, signal);
  }

  post<T>(path: string, body?: unknown, signal?: AbortSignal) {
    return this.request<T>('POST', path, body, signal);
  }

  delete(path: string, signal?: AbortSignal) {
    return this.request<void>('DELETE', path, undefined, signal);
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    signal = this.options.signal,
  ): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(
        `${this.options.server.replace(/\/+$/, '')}/v1/widget${path}`,
        {
          method,
          headers,
          credentials: 'include',
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        },
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'The two-factor server could not be reached.');
    }
    if (response.status === 204) return undefined as T;
    const payload = await response.json().catch(() => null);
    // An abort while the body streams in: the caller no longer wants the answer.
    signal?.throwIfAborted();
    if (response.ok && payload !== null) return payload as T;
    const error = payload?.error ?? {};
    const { code = 'unavailable', message = response.statusText, ...details } = error;
    const retryHeader = Number(response.headers.get('retry-after'));
    if (details.retryAfter === undefined && retryHeader > 0) details.retryAfter = retryHeader;
    throw new ApiError(response.status, code, message, details);
  }
}
