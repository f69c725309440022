import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import packageJson from '../package.json' with { type: 'json' };
import type { Config } from './config.ts';
import { deriveKeys, loadMasterKey, previousMasterKeys, type ServerKeys } from './crypto/keys.ts';
import type { DatabaseHandle } from './db/connect.ts';
import type { Database } from './db/types.ts';
import type { Deps } from './deps.ts';
import { loggerOptions } from './logger.ts';
import { measuredSender } from './metrics/measured-senders.ts';
import { closingPlugin } from './plugins/closing.ts';
import {
  clientErrorHandler,
  errorHandlerPlugin,
  frameworkErrorHandler,
} from './plugins/error-handler.ts';
import { lazySchemaCompilers } from './plugins/lazy-schema-compilers.ts';
import { maintenancePlugin } from './plugins/maintenance.ts';
import { noStorePlugin } from './plugins/no-store.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { partnerAuth } from './plugins/partner-auth.ts';
import { type HttpLimits, rateLimitPlugin } from './plugins/rate-limits.ts';
import { redisPlugin, sharedLimitsAvailable } from './plugins/redis.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { strictNumbersPlugin } from './plugins/strict-numbers.ts';
import { widgetAuth } from './plugins/widget-auth.ts';
import { createEmailSender } from './providers/email/create-email-sender.ts';
import type { EmailSender } from './providers/email/email-sender.ts';
import { Outbox } from './providers/outbox.ts';
import { createSmsSender } from './providers/sms/create-sms-sender.ts';
import type { SmsSender } from './providers/sms/sms-sender.ts';
import { devOutboxRoutes } from './routes/dev-outbox.ts';
import { healthRoutes } from './routes/health.ts';
import { refusalRoutes } from './routes/partner/refusals.ts';
import { resultRoutes } from './routes/partner/results.ts';
import { sessionRoutes } from './routes/partner/sessions.ts';
import { userRoutes } from './routes/partner/users.ts';
import { challengeRoutes } from './routes/widget/challenge.ts';
import { manageRoutes } from './routes/widget/manage.ts';
import { methodRoutes } from './routes/widget/methods.ts';
import { phoneRoutes } from './routes/widget/phone.ts';
import { widgetSessionRoutes } from './routes/widget/session.ts';
import { stepUpRoutes } from './routes/widget/step-up.ts';
import { totpRoutes } from './routes/widget/totp.ts';
import { trustedBrowserRoutes } from './routes/widget/trusted-browsers.ts';
import { widgetBundleRoutes } from './routes/widget-bundle.ts';
import { BODY_LIMIT_BYTES } from './security-constants.ts';
import { NoticeWorker } from './services/notice-queue.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Kysely<Database>;
    keys: ServerKeys;
    smsSender: SmsSender;
    emailSender: EmailSender;
    outbox: Outbox;
    /** What the services work with; routes hand it to them. */
    deps: Deps;
    /** Sends queued security notices after the answer; `drain()` waits for the due ones. */
    notices: NoticeWorker;
  }
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Derived from `ENCRYPTION_KEY` (or the development key file) when not given. */
  keys?: ServerKeys;
  /** Plivo or the outbox, from the configuration, when not given. */
  smsSender?: SmsSender;
  /** Postmark or the outbox, from the configuration, when not given. */
  emailSender?: EmailSender;
  /** Prefix of the rate-limit keys in Redis; instances that share limits share it. */
  rateLimitNamespace?: string;
  /** Per-address HTTP limits other than the defaults (browser test runs from one address). */
  httpLimits?: Partial<HttpLimits>;
  /** The built elements; `dist/widget/` when not given. */
  widgetDir?: string;
  /** Where logs go; stdout when not given. Tests capture them here. */
  logStream?: DestinationStream;
}

/** The whole server as a plugin tree; `main.ts` only listens. */
export async function buildApp(options: AppOptions) {
  const { config, database, keys, smsSender, emailSender, logStream } = options;
  const app = Fastify({
    schemaController: lazySchemaCompilers,
    logger: loggerOptions(config, logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    // A user id may be 255 characters, up to three times that once URL-encoded.
    routerOptions: { maxParamLength: 800 },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    trustProxy: config.trustProxy,
    // During shutdown, late requests get the documented error shape (plugins/closing.ts).
    return503OnClosing: false,
    // Unknown fields must fail validation, not be silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.removeContentTypeParser('text/plain');
  app.decorate('config', config);
  app.decorate('db', database.db);
  app.decorate(
    'keys',
    keys ??
      deriveKeys(await loadMasterKey(config, app.log), previousMasterKeys(config), {
        readsUnbound: config.ENCRYPTION_READ_UNBOUND,
      }),
  );
  const outbox = new Outbox();
  app.decorate('outbox', outbox);
  // prom-client and the metrics routes load only when metrics are on.
  const metrics = config.METRICS_TOKEN
    ? (await import('./metrics/metrics.ts')).createMetrics()
    : undefined;
  const sms = smsSender ?? (await createSmsSender(config, { outbox, log: app.log }));
  const email = emailSender ?? (await createEmailSender(config, { outbox, log: app.log }));
  app.decorate('smsSender', measuredSender(metrics, 'sms', sms));
  app.decorate('emailSender', measuredSender(metrics, 'email', email));

  await app.register(securityHeadersPlugin, {
    // The widget API is called, and the bundle loaded, from partner origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(noStorePlugin);
  await app.register(redisPlugin, {
    url: config.REDIS_URL,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
  });
  const notices = new NoticeWorker({ db: app.db, emailSender: app.emailSender, log: app.log });
  app.addHook('onReady', async () => notices.start());
  app.addHook('onClose', async () => notices.close());
  app.decorate('notices', notices);
  app.decorate('deps', {
    db: app.db,
    keys: app.keys,
    smsSender: app.smsSender,
    emailSender: app.emailSender,
    log: app.log,
    notices,
    limits: { sharedAvailable: () => sharedLimitsAvailable(app) },
  } satisfies Deps);
  await app.register(rateLimitPlugin, {
    nameSpace: options.rateLimitNamespace ?? 'tfa-rate-limit:',
    limits: options.httpLimits,
  });
  await app.register(errorHandlerPlugin);
  if (metrics && config.METRICS_TOKEN) {
    const { metricsPlugin } = await import('./metrics/metrics-plugin.ts');
    await app.register(metricsPlugin, { metrics, token: config.METRICS_TOKEN });
  }
  await app.register(closingPlugin);
  await app.register(strictNumbersPlugin);
  await app.register(cookie);
  await app.register(openApiPlugin, { publicUrl: config.publicUrl, version: packageJson.version });
  await app.register(maintenancePlugin);
  await app.register(healthRoutes);
  await app.register(widgetBundleRoutes, { dir: options.widgetDir });
  const outboxInUse = app.smsSender.kind === 'outbox' || app.emailSender.kind === 'outbox';
  if (config.DEV_OUTBOX && config.NODE_ENV !== 'production' && outboxInUse)
    await app.register(devOutboxRoutes);

  await app.register(
    async (partner) => {
      await partnerAuth(partner);
      await partner.register(sessionRoutes);
      await partner.register(userRoutes);
      await partner.register(resultRoutes);
      await partner.register(refusalRoutes);
    },
    { prefix: '/v1' },
  );

  await app.register(
    async (widget) => {
      await widgetAuth(widget);
      await widget.register(widgetSessionRoutes);
      await widget.register(phoneRoutes);
      await widget.register(stepUpRoutes);
      await widget.register(manageRoutes);
      await widget.register(challengeRoutes);
      await widget.register(trustedBrowserRoutes);
      await widget.register(totpRoutes);
      await widget.register(methodRoutes);
    },
    { prefix: '/v1/widget' },
  );

  return app;
}
