import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Seconds; a code send waits on the provider, whose own timeouts are about 10 s. */
const PROVIDER_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/**
 * Every instrument of one app, on a registry of its own (never prom-client's global one), so that
 * apps built side by side do not share counts.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'tfa_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'tfa_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern.',
      labelNames: ['method', 'route'] as const,
      registers,
    }),
    codesSent: new Counter({
      name: 'tfa_codes_sent_total',
      help: 'Codes handed to a provider, by channel, purpose and (SMS) country.',
      labelNames: ['channel', 'purpose', 'country'] as const,
      registers,
    }),
    deliveryFailures: new Counter({
      name: 'tfa_code_delivery_failures_total',
      help: 'Codes the provider did not take (the patient got delivery_failed), by channel and purpose.',
      labelNames: ['channel', 'purpose'] as const,
      registers,
    }),
    sendsRefused: new Counter({
      name: 'tfa_sends_refused_total',
      help: 'Sends refused before any provider call, by the limit that refused them.',
      labelNames: ['limit'] as const,
      registers,
    }),
    codeFailures: new Counter({
      name: 'tfa_code_failures_total',
      help: 'Wrong codes and recovery codes, each counting towards the lockout.',
      registers,
    }),
    lockouts: new Counter({
      name: 'tfa_lockouts_total',
      help: 'Users locked out after too many wrong codes in a row.',
      registers,
    }),
    stepUps: new Counter({
      name: 'tfa_step_ups_total',
      help: 'Step-ups passed, by what proved them: an SMS code or a recovery code.',
      labelNames: ['via'] as const,
      registers,
    }),
    accountEvents: new Counter({
      name: 'tfa_account_events_total',
      help: 'Changes to two-factor accounts, by audit event type.',
      labelNames: ['event'] as const,
      registers,
    }),
    providerDuration: new Histogram({
      name: 'tfa_provider_request_duration_seconds',
      help: 'Time a provider took to take a message, by channel, provider and outcome.',
      labelNames: ['channel', 'provider', 'outcome'] as const,
      buckets: PROVIDER_BUCKETS_SECONDS,
      registers,
    }),
    providerErrors: new Counter({
      name: 'tfa_provider_errors_total',
      help: 'Messages a provider failed to take, by channel, provider and kind of failure.',
      labelNames: ['channel', 'provider', 'kind'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
