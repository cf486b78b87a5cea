import { type IncomingMessage, request } from 'node:http';

/** One `next` event of a GraphQL-over-SSE stream. */
export interface SseResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL subscription over SSE (`Accept: text/event-stream`), read with node:http. */
export interface SseStream {
  status: number;
  results: SseResult[];
  /** Resolves once `count` results arrived; rejects after `timeoutMs`. */
  take(count: number, timeoutMs?: number): Promise<SseResult[]>;
  /** Resolves when the server ends the stream: with `complete` when it sent one, else how the connection ended. */
  ended: Promise<'complete' | 'closed'>;
  /** Stops reading (the server's writes back up into the socket buffers) and resumes. */
  pause(): void;
  resume(): void;
  /** Hangs up. */
  close(): void;
}

/**
 * Starts a subscription over SSE and resolves once the response headers arrived. The body
 * is parsed as the server sends it: `event: next` / `event: complete` with `data:` lines.
 */
export function sseSubscribe(
  baseUrl: string,
  token: string | null,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const results: SseResult[] = [];
    const waiters = new Set<() => void>();
    let complete = false;
    let response: IncomingMessage | undefined;
    let endedWith: (how: 'complete' | 'closed') => void = () => {};
    const ended = new Promise<'complete' | 'closed'>((done) => {
      endedWith = done;
    });
    const req = request(`${baseUrl}/graphql`, {
      // A connection of its own, as a stream holds one: the close of the connection below is the
      // stream's, and no kept-alive socket collects a listener per stream.
      agent: false,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(token !== null && { authorization: `Bearer ${token}` }),
      },
    });
    req.on('error', (error) => (response ? endedWith('closed') : reject(error)));
    req.on('response', (res) => {
      response = res;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (\w+)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (event === 'next' && data) results.push(JSON.parse(data));
          if (event === 'complete') complete = true;
        }
        for (const waiter of [...waiters]) waiter();
      });
      const finish = () => endedWith(complete ? 'complete' : 'closed');
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      // A paused response reports nothing until read; the connection itself tells at once.
      res.socket.once('close', finish);
      resolve({
        status: res.statusCode ?? 0,
        results,
        ended,
        take: (count, timeoutMs = 10_000) =>
          new Promise((done, fail) => {
            const check = () => {
              if (results.length < count) return;
              clearTimeout(timer);
              waiters.delete(check);
              done(results.slice(0, count));
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out waiting for ${count} SSE results; got ${JSON.stringify(results)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        pause: () => res.pause(),
        resume: () => res.resume(),
        close: () => req.destroy(),
      });
    });
    req.end(JSON.stringify(body));
  });
}
