import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/*
 * What the app's handlers read of a Fetch `Request` (method, url, headers, a signal, the body as
 * text), over node's own request, and the writing of their answer with `writeHead`/`end`: the
 * requests served straight from node:http (app/graphql-post.ts, app/rest-direct.ts) get no Fetch
 * Request, Headers or Response object per call, which cost a measurable share of a request's
 * CPU (bench/CHANGES.md). The handlers key their per-request records on the view, as on a Request.
 */

/** A request's headers read as the Fetch API reads them (repeated fields joined with ", "). */
export class HeadersView {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.headers[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.headers)) {
      const value = this.get(name);
      if (value !== null) callback(value, name);
    }
  }
}

/** The parts of a Fetch Request the handlers read, over node's request and the body the listener read. */
export class RequestView {
  readonly method: string;
  readonly headers: HeadersView;

  constructor(
    private readonly incoming: IncomingMessage,
    private readonly body: Buffer | undefined,
  ) {
    this.method = incoming.method ?? 'GET';
    this.headers = new HeadersView(incoming.headers);
  }

  get url(): string {
    return `http://${this.incoming.headers.host ?? 'localhost'}${this.incoming.url ?? '/'}`;
  }

  /** Aborted when the client has hung up by the time it is asked for (the failure answer asks). */
  get signal(): AbortSignal {
    const controller = new AbortController();
    if (this.incoming.socket?.destroyed) controller.abort();
    return controller.signal;
  }

  async text(): Promise<string> {
    return this.body?.toString('utf8') ?? '';
  }

  /** As a Fetch Request, for the handlers' signatures: they read only what is above. */
  asRequest(): Request {
    return this as unknown as Request;
  }
}

/** Writes an answer, headers as the Fetch path writes them. */
export function writeAnswer(response: ServerResponse, status: number, headers: Headers, body: string | null): void {
  const head: Record<string, string> = {};
  headers.forEach((value, name) => {
    head[name] = value;
  });
  if (body !== null) head['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(status, head);
  response.end(body ?? undefined);
}
