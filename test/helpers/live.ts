import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentString } from '../gql/graphql.js';

/** What a subscription has delivered so far, and a way to wait for more. */
export interface Feed<T> {
  items: T[];
  errors: unknown[];
  /** Resolves with the first `count` items once that many have arrived; rejects after `timeoutMs`. */
  take(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the subscription has ended with an error; rejects after `timeoutMs`. */
  failure(timeoutMs?: number): Promise<unknown>;
  /** Waits `ms` and returns everything delivered meanwhile (to show that nothing more came). */
  settle(ms?: number): Promise<T[]>;
  unsubscribe(): void;
}

export interface LiveClient {
  client: Client;
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V): Feed<R>;
  close(): Promise<void>;
}

/**
 * A graphql-ws client on the server's `/graphql`, authenticated in `connection_init` with
 * `token`, or with `connectionParams` as given.
 */
export function liveClient(
  baseUrl: string,
  token: string | null,
  connectionParams: Record<string, unknown> = token === null ? {} : { authorization: `Bearer ${token}` },
): LiveClient {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  return {
    client,
    subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V): Feed<R> {
      const items: R[] = [];
      const errors: unknown[] = [];
      const waiters = new Set<() => void>();
      const notify = () => {
        for (const waiter of [...waiters]) waiter();
      };
      const unsubscribe = client.subscribe<R>(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (value) => {
            if (value.errors) errors.push(value.errors);
            if (value.data) items.push(value.data as R);
            notify();
          },
          error: (error) => {
            errors.push(error);
            notify();
          },
          complete: notify,
        },
      );
      const waitFor = <T>(ready: () => T | undefined, timeoutMs: number, what: string) =>
        new Promise<T>((resolve, reject) => {
          const check = () => {
            const value = ready();
            if (value === undefined) return;
            clearTimeout(timer);
            waiters.delete(check);
            resolve(value);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify({ items, errors })}`));
          }, timeoutMs);
          waiters.add(check);
          check();
        });
      return {
        items,
        errors,
        take: (count, timeoutMs = 10_000) =>
          waitFor(() => (items.length >= count ? items.slice(0, count) : undefined), timeoutMs, `${count} items`),
        failure: (timeoutMs = 10_000) => waitFor(() => errors[0], timeoutMs, 'an error'),
        settle: async (ms = 300) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return [...items];
        },
        unsubscribe,
      };
    },
    close: () => client.dispose() as Promise<void>,
  };
}

/** Opens a raw socket, sends `connection_init` with `payload`, and resolves with the close code. */
export function closeCodeFor(
  baseUrl: string,
  payload: Record<string, unknown>,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const timer = setTimeout(() => reject(new Error('socket was not closed')), 10_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    socket.on('error', () => {});
  });
}

/** A message of graphql-transport-ws as a raw socket receives it. */
export interface RawMessage {
  id?: string;
  type: string;
  payload?: unknown;
}

/** A raw graphql-transport-ws socket, acknowledged, for tests that need to misbehave or to see every message. */
export async function rawSocket(baseUrl: string, token: string, options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', options);
  const messages: RawMessage[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', function acked() {
      if (messages.some((m) => m.type === 'connection_ack')) {
        socket.off('message', acked);
        resolve();
      }
    });
  });
  return { socket, messages, closed };
}
