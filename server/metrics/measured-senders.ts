import type { EmailSender } from '../providers/email/email-sender.ts';
import {
  DeliveryError,
  type DeliveryFailure,
  type SmsSender,
} from '../providers/sms/sms-sender.ts';
import { bounded } from './bounded.ts';
import type { Metrics } from './metrics.ts';

const FAILURE_KINDS: readonly DeliveryFailure['kind'][] = [
  'rejected',
  'provider_error',
  'timeout',
  'network',
  'invalid_response',
];

type Sender = SmsSender | EmailSender;

/** `sender` timed and its failures counted; itself when metrics are off. */
export function measuredSender<S extends Sender>(
  metrics: Metrics | undefined,
  channel: 'sms' | 'email',
  sender: S,
): S {
  if (!metrics) return sender;
  const labels = { channel, provider: sender.kind };
  const send = async (message: Parameters<S['send']>[0]) => {
    const stop = metrics.providerDuration.startTimer(labels);
    try {
      const sent = await sender.send(message as never);
      stop({ outcome: 'ok' });
      return sent;
    } catch (error) {
      stop({ outcome: 'error' });
      const kind = error instanceof DeliveryError ? error.reason.kind : 'other';
      metrics.providerErrors.inc({ ...labels, kind: bounded(kind, FAILURE_KINDS) });
      throw error;
    }
  };
  return { kind: sender.kind, send } as S;
}
