// The server's log for a person at a terminal (`npm start`): pino-pretty lines, and each request
// as one line (`200 GET /v1/widget/session 12 ms`) instead of Fastify's two JSON objects.
import { Writable } from 'node:stream';
import { prettyFactory } from 'pino-pretty';

interface LogLine {
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** One request line from Fastify's pair: the method and URL come first, the status at the end. */
export function requestLines() {
  const started = new Map<string, string>();
  return (line: LogLine): LogLine | undefined => {
    if (line.msg === 'incoming request' && line.reqId) {
      started.set(line.reqId, `${line.req?.method} ${line.req?.url}`);
      return undefined;
    }
    if (line.msg === 'request completed' && line.reqId) {
      const request = started.get(line.reqId) ?? 'request';
      started.delete(line.reqId);
      const { req: _req, res, responseTime, reqId: _reqId, ...rest } = line;
      const ms = responseTime === undefined ? '' : ` ${Math.round(responseTime)} ms`;
      return { ...rest, msg: `${res?.statusCode} ${request}${ms}` };
    }
    return line;
  };
}

/** A destination for `buildApp({logStream})` that writes readable lines to `out`. */
export function devLogStream(out: NodeJS.WritableStream = process.stdout) {
  const pretty = prettyFactory({
    colorize: 'isTTY' in out && Boolean(out.isTTY),
    translateTime: 'HH:MM:ss',
    ignore: 'pid,hostname,reqId',
    singleLine: true,
  });
  const requests = requestLines();
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) {
        if (!text) continue;
        let line: LogLine;
        try {
          line = JSON.parse(text);
        } catch {
          out.write(`${text}\n`);
          continue;
        }
        const shown = requests(line);
        if (shown) out.write(pretty(shown));
      }
      done();
    },
  });
}
