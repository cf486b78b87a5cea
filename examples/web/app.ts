/// <reference lib="dom" />
/**
 * The reference web client: plain TypeScript on the typed documents of `packages/client/src/`. Lists are
 * read over HTTP; a graphql-ws socket keeps them, the notification list and the unread bell live,
 * and resumes after any disconnect without a gap or a duplicate (`packages/client/src/live.ts`).
 */

import type {
  ConnectionFieldsFragment,
  ConnectionRequestFieldsFragment,
  ErrorFieldsFragment,
} from '../../packages/client/src/gql/graphql.js';
import { createHttpClient, type HttpClient } from '../../packages/client/src/http.js';
import {
  createLiveClient,
  type LiveClient,
  type LiveNotification,
  type LiveStatus,
} from '../../packages/client/src/live.js';
import * as ops from '../../packages/client/src/operations.js';

interface DemoUser {
  id: string;
  displayName: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Creates an element with text or children; text is always set as text (names are user input). */
function h(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function button(label: string, ariaLabel: string, onClick: () => Promise<unknown>): HTMLElement {
  const element = h('button', { type: 'button', 'aria-label': ariaLabel }, label) as HTMLButtonElement;
  element.addEventListener('click', () => {
    element.disabled = true;
    onClick()
      .catch(showError)
      .finally(() => {
        element.disabled = false;
      });
  });
  return element;
}

function showError(error: unknown): void {
  $('error').textContent = error instanceof Error ? error.message : String(error);
}

/** A field's typed failure (`... on Error`) becomes an exception with its human-readable message. */
function ok<T extends { __typename: string }>(result: T): Exclude<T, ErrorFieldsFragment> {
  if ('code' in result && 'message' in result && result.__typename.endsWith('Error')) {
    throw new Error(String(result.message));
  }
  return result as Exclude<T, ErrorFieldsFragment>;
}

function renderList(id: string, items: HTMLElement[]): void {
  $(id).replaceChildren(...items);
  const empty = document.querySelector<HTMLElement>(`[data-empty-for="${id}"]`);
  if (empty) empty.hidden = items.length > 0;
}

const when = (iso: string) => new Date(iso).toLocaleString();

// ---- session -----------------------------------------------------------------------------------

interface Session {
  me: DemoUser;
  http: HttpClient;
  live: LiveClient;
  /** Per list, the newest read in flight: an older answer arriving late is dropped. */
  reads: Map<string, number>;
  notifications: LiveNotification[];
}

let session: Session | null = null;

async function demoToken(userId: string): Promise<string> {
  const response = await fetch(`/demo/token?user=${encodeURIComponent(userId)}`);
  if (!response.ok) throw new Error(`cannot get a demo token (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

async function signIn(me: DemoUser): Promise<void> {
  await signOut();
  const token = await demoToken(me.id);
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const current: Session = {
    me,
    http: createHttpClient({ url: '/graphql', token }),
    // A fresh token on every (re)connect: a socket is closed (4401) when its token expires.
    live: createLiveClient({ url: wsUrl, token: () => demoToken(me.id), onStatus: showStatus }),
    reads: new Map(),
    notifications: [],
  };
  session = current;
  $('me').textContent = `${me.displayName} (${me.id})`;
  $('signin').hidden = true;
  $('session').hidden = false;
  $('main').hidden = false;
  $('error').textContent = '';

  // The notifications page first: its liveCursor is where the live stream continues.
  const page = ok((await current.http.request(ops.Notifications, { first: 20 })).notifications);
  current.notifications = [...page.nodes];
  setUnread(page.unreadCount);
  renderNotifications();
  current.live.followNotifications({
    after: page.liveCursor,
    onNotification: (notification) => {
      if (current.notifications.some((n) => n.id === notification.id)) return;
      current.notifications.unshift(notification);
      renderNotifications();
      // What the notification changes on the panel.
      if (notification.type === 'NEW_REQUEST' || notification.type === 'REQUEST_CANCELLED') void refresh('incoming');
      if (notification.type === 'REQUEST_ACCEPTED') void refresh('friends', 'outgoing');
      if (notification.type === 'REQUEST_DECLINED' || notification.type === 'REQUEST_EXPIRED') void refresh('outgoing');
    },
    onError: showError,
  });
  current.live.followConnectionEvents({
    onEvent: (event) => {
      switch (event.__typename) {
        case 'UnreadCountChangedEvent':
          return setUnread(event.unreadCount);
        case 'ConnectionCreatedEvent':
          return void refresh('friends', 'incoming', 'outgoing');
        case 'ConnectionRemovedEvent':
          return void refresh('friends');
        case 'ConnectionRequestClosedEvent':
          return void refresh('incoming', 'outgoing');
      }
    },
    // Once registered, after each reconnect (events of the gap are not replayed), on a server resync.
    onResync: () => void refresh('friends', 'incoming', 'outgoing'),
    onError: showError,
  });
  await refresh('friends', 'incoming', 'outgoing');
}

async function signOut(): Promise<void> {
  const previous = session;
  session = null;
  await previous?.live.close();
  $('signin').hidden = false;
  $('session').hidden = true;
  $('main').hidden = true;
  $('notifications-panel').hidden = true;
  $('bell').setAttribute('aria-expanded', 'false');
}

function showStatus(status: LiveStatus): void {
  const text = { connecting: 'Connecting…', connected: '● Live', disconnected: 'Reconnecting…', closed: '' }[status];
  $('live-status').textContent = text;
}

function setUnread(count: number): void {
  $('unread').textContent = String(count);
  $('unread').dataset.count = String(count);
  $('bell').setAttribute('aria-label', `Notifications, ${count} unread`);
}

// ---- lists ---------------------------------------------------------------------------------------

type ListName = 'friends' | 'incoming' | 'outgoing';

async function refresh(...lists: ListName[]): Promise<void> {
  const current = session;
  if (!current) return;
  await Promise.all(
    lists.map(async (list) => {
      const read = (current.reads.get(list) ?? 0) + 1;
      current.reads.set(list, read);
      const items = await readList(current, list);
      if (session === current && current.reads.get(list) === read) renderList(list, items);
    }),
  ).catch(showError);
}

async function readList(current: Session, list: ListName): Promise<HTMLElement[]> {
  const { http } = current;
  if (list === 'friends') {
    const page = ok((await http.request(ops.ActiveConnections)).activeConnections);
    return page.nodes.map((connection) => friendItem(connection));
  }
  if (list === 'incoming') {
    const page = ok((await http.request(ops.ReceivedRequests)).receivedConnectionRequests);
    return page.nodes.map((request) => incomingItem(request));
  }
  const page = ok((await http.request(ops.SentRequests)).sentConnectionRequests);
  return page.nodes.map((request) => outgoingItem(request));
}

function friendItem(connection: ConnectionFieldsFragment): HTMLElement {
  const { displayName, clientUserId } = connection.connectedUser;
  return h(
    'li',
    {},
    h(
      'span',
      { class: 'who' },
      `${displayName} `,
      h('small', {}, `${clientUserId} · since ${when(connection.connectedSince)}`),
    ),
    button('Remove', `Remove ${displayName}`, async () => {
      ok((await session!.http.request(ops.RemoveConnection, { connectionId: connection.id })).removeConnection);
      await refresh('friends');
    }),
  );
}

function incomingItem(request: ConnectionRequestFieldsFragment): HTMLElement {
  const { displayName } = request.sender;
  return h(
    'li',
    {},
    h('span', { class: 'who' }, `${displayName} `, h('small', {}, request.message ? `“${request.message}”` : '')),
    button('Accept', `Accept request from ${displayName}`, async () => {
      ok((await session!.http.request(ops.AcceptRequest, { requestId: request.id })).acceptConnectionRequest);
      await refresh('incoming', 'friends');
    }),
    button('Decline', `Decline request from ${displayName}`, async () => {
      ok((await session!.http.request(ops.DeclineRequest, { requestId: request.id })).declineConnectionRequest);
      await refresh('incoming');
    }),
  );
}

function outgoingItem(request: ConnectionRequestFieldsFragment): HTMLElement {
  const { displayName } = request.receiver;
  return h(
    'li',
    {},
    h('span', { class: 'who' }, `${displayName} `, h('small', {}, `sent ${when(request.createdAt)}`)),
    button('Cancel', `Cancel request to ${displayName}`, async () => {
      ok((await session!.http.request(ops.CancelRequest, { requestId: request.id })).cancelConnectionRequest);
      await refresh('outgoing');
    }),
  );
}

// ---- notifications -------------------------------------------------------------------------------

const describeNotification: Record<LiveNotification['type'], (name: string) => string> = {
  NEW_REQUEST: (name) => `${name} sent you a connection request`,
  REQUEST_ACCEPTED: (name) => `${name} accepted your request`,
  REQUEST_DECLINED: (name) => `${name} declined your request`,
  REQUEST_CANCELLED: (name) => `${name} withdrew their request`,
  REQUEST_EXPIRED: (name) => `Your request to ${name} expired`,
};

function renderNotifications(): void {
  const current = session;
  if (!current) return;
  renderList(
    'notifications',
    current.notifications.map((notification) =>
      h(
        'li',
        { class: notification.read ? 'read' : 'unread' },
        h(
          'span',
          { class: 'who' },
          describeNotification[notification.type](notification.otherUser.displayName),
          ' ',
          h('small', {}, when(notification.timestamp)),
        ),
        ...(notification.read
          ? []
          : [
              button(
                'Mark read',
                `Mark read: ${describeNotification[notification.type](notification.otherUser.displayName)}`,
                async () => {
                  const result = ok(
                    (await current.http.request(ops.MarkNotificationRead, { notificationId: notification.id }))
                      .markNotificationRead,
                  );
                  notification.read = result.notification.read;
                  renderNotifications();
                },
              ),
            ]),
      ),
    ),
  );
}

// ---- wiring --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { users } = (await (await fetch('/demo/users')).json()) as { users: DemoUser[] };
  $('player').replaceChildren(
    ...users.map((user) => h('option', { value: user.id }, `${user.displayName} (${user.id})`)),
  );
  $('players').replaceChildren(...users.map((user) => h('option', { value: user.id }, user.displayName)));

  $('signin').addEventListener('submit', (event) => {
    event.preventDefault();
    const user = users.find((candidate) => candidate.id === $<HTMLSelectElement>('player').value);
    if (user) signIn(user).catch(showError);
  });
  $('signout').addEventListener('click', () => void signOut());
  $('drop').addEventListener('click', () => session?.live.reconnect());
  $('bell').addEventListener('click', () => {
    const panel = $('notifications-panel');
    panel.hidden = !panel.hidden;
    $('bell').setAttribute('aria-expanded', String(!panel.hidden));
  });
  $('mark-all').addEventListener('click', () => {
    const current = session;
    if (!current) return;
    current.http
      .request(ops.MarkAllNotificationsRead)
      .then(({ markAllNotificationsRead }) => {
        ok(markAllNotificationsRead);
        for (const notification of current.notifications) notification.read = true;
        renderNotifications();
      })
      .catch(showError);
  });
  $('send').addEventListener('submit', (event) => {
    event.preventDefault();
    const current = session;
    if (!current) return;
    const receiver = $<HTMLInputElement>('receiver');
    const message = $<HTMLInputElement>('message');
    current.http
      .request(ops.SendRequest, {
        receiverId: receiver.value.trim(),
        ...(message.value.trim() && { message: message.value.trim() }),
        idempotencyKey: crypto.randomUUID(),
      })
      .then(async ({ sendConnectionRequest }) => {
        ok(sendConnectionRequest);
        receiver.value = '';
        message.value = '';
        $('error').textContent = '';
        await refresh('outgoing');
      })
      .catch(showError);
  });
}

main().catch(showError);
