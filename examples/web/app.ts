/// <reference lib="dom" />
/**
 * The reference web client: plain TypeScript on the typed documents of `packages/client/src/`. Lists are
 * read over HTTP; a graphql-ws socket keeps them, the notification list, the unread bell and each
 * friend's presence live, and resumes after any disconnect without a gap or a duplicate
 * (`packages/client/src/live.ts`). The open socket is what makes the player online to its friends.
 */

import type {
  ActiveConnectionsQuery,
  ConnectionRequestFieldsFragment,
  ErrorFieldsFragment,
  PresenceFieldsFragment,
  PresenceStatus,
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

type Friend = Extract<ActiveConnectionsQuery['activeConnections'], { __typename: 'ConnectionPage' }>['nodes'][number];

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
  /** The friends list as last read, newest first. */
  friends: Friend[];
  /** Each friend's presence by clientUserId (null: hidden from the player), from reads and live events. */
  presence: Map<string, PresenceFieldsFragment | null>;
  /** Live presence events received, and per friend the number of the last one about it. */
  presenceEvents: number;
  lastPresenceEvent: Map<string, number>;
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
    friends: [],
    presence: new Map(),
    presenceEvents: 0,
    lastPresenceEvent: new Map(),
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
  // Friends not offline first, then each change. A friend who went offline while the socket was
  // down is not named again: the friends list that connectionEvents' resync re-reads says so.
  current.live.followFriendPresence({
    onPresence: ({ user, presence }) => {
      if (session !== current) return;
      current.presenceEvents += 1;
      current.lastPresenceEvent.set(user.clientUserId, current.presenceEvents);
      current.presence.set(user.clientUserId, presence);
      renderFriends(current);
    },
    onError: showError,
  });
  await Promise.all([refresh('friends', 'incoming', 'outgoing'), readMyPresence(current)]);
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
  $<HTMLFormElement>('presence').reset();
  $('my-presence').textContent = '';
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
      const show = await readList(current, list);
      if (session === current && current.reads.get(list) === read) show();
    }),
  ).catch(showError);
}

/** Reads a list; what it returns shows it (called only if it is still the newest read of that list). */
async function readList(current: Session, list: ListName): Promise<() => void> {
  const { http } = current;
  if (list === 'friends') {
    const eventsBefore = current.presenceEvents;
    const page = ok((await http.request(ops.ActiveConnections)).activeConnections);
    return () => {
      current.friends = page.nodes;
      for (const { connectedUser } of page.nodes) {
        // A live event that came while this read was on its way wins: the stream delivers every
        // change after it anyway, while the read may have been answered before that change.
        if ((current.lastPresenceEvent.get(connectedUser.clientUserId) ?? 0) > eventsBefore) continue;
        current.presence.set(connectedUser.clientUserId, connectedUser.presence);
      }
      renderFriends(current);
    };
  }
  if (list === 'incoming') {
    const page = ok((await http.request(ops.ReceivedRequests)).receivedConnectionRequests);
    return () => renderList(list, page.nodes.map(incomingItem));
  }
  const page = ok((await http.request(ops.SentRequests)).sentConnectionRequests);
  return () => renderList(list, page.nodes.map(outgoingItem));
}

function friendItem(connection: Friend, presence: PresenceFieldsFragment | null): HTMLElement {
  const { displayName, clientUserId } = connection.connectedUser;
  const lastSeen =
    presence?.status === 'OFFLINE' && presence.lastSeenAt ? ` · last seen ${when(presence.lastSeenAt)}` : '';
  return h(
    'li',
    {},
    h(
      'span',
      { class: 'who' },
      `${displayName} `,
      ...presenceBadge(presence),
      ' ',
      h('small', {}, `${clientUserId} · since ${when(connection.connectedSince)}${lastSeen}`),
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

// ---- presence ------------------------------------------------------------------------------------

const presenceLabel: Record<PresenceStatus, string> = {
  ONLINE: 'Online',
  AWAY: 'Away',
  BUSY: 'Busy',
  INVISIBLE: 'Invisible',
  OFFLINE: 'Offline',
};

/** Online friends first, then busy, then away, then offline (or hidden), as `presence: ONLINE` lists them; newest first within each. */
const presenceRank: Record<PresenceStatus, number> = { ONLINE: 0, BUSY: 1, AWAY: 2, INVISIBLE: 3, OFFLINE: 3 };

function renderFriends(current: Session): void {
  const rank = (friend: Friend) =>
    presenceRank[current.presence.get(friend.connectedUser.clientUserId)?.status ?? 'OFFLINE'];
  const friends = [...current.friends].sort((a, b) => rank(a) - rank(b));
  renderList(
    'friends',
    friends.map((friend) => friendItem(friend, current.presence.get(friend.connectedUser.clientUserId) ?? null)),
  );
}

/** A status dot and its label, and what the friend is doing (nothing when it hides its presence). */
function presenceBadge(presence: PresenceFieldsFragment | null): (Node | string)[] {
  if (!presence) return [];
  const status = h(
    'span',
    { class: 'presence', 'data-status': presence.status.toLowerCase() },
    presenceLabel[presence.status],
  );
  return presence.activity ? [status, ' ', h('span', { class: 'activity' }, presence.activity)] : [status];
}

/** The player's own presence, as set (or as the server kept it from an earlier page). */
async function readMyPresence(current: Session): Promise<void> {
  const profile = ok((await current.http.request(ops.Profile)).user);
  if (session === current && profile.presence) showMyPresence(profile.presence);
}

function showMyPresence(presence: PresenceFieldsFragment): void {
  // Offline is no choice: it is what the player is until its socket is open (as this page's is).
  const status = presence.status === 'OFFLINE' ? 'ONLINE' : presence.status;
  $<HTMLSelectElement>('my-status').value = status;
  $<HTMLInputElement>('activity').value = presence.activity ?? '';
  $('my-presence').textContent =
    status === 'INVISIBLE'
      ? 'Your friends see you as offline.'
      : `Your friends see you as ${presenceLabel[status].toLowerCase()}${presence.activity ? `: ${presence.activity}` : ''}.`;
}

// ---- notifications -------------------------------------------------------------------------------

const describeRequestNotification: Record<Exclude<LiveNotification['type'], 'GAME'>, (name: string) => string> = {
  NEW_REQUEST: (name) => `${name} sent you a connection request`,
  REQUEST_ACCEPTED: (name) => `${name} accepted your request`,
  REQUEST_DECLINED: (name) => `${name} declined your request`,
  REQUEST_CANCELLED: (name) => `${name} withdrew their request`,
  REQUEST_EXPIRED: (name) => `Your request to ${name} expired`,
  GAME_INVITE: (name) => `${name} invites you to play`,
  INVITE_ACCEPTED: (name) => `${name} accepted your invite`,
  INVITE_DECLINED: (name) => `${name} declined your invite`,
};

/** What a notification says: a game's own notification its message, a request's who did what. */
function describeNotification(notification: LiveNotification): string {
  if (notification.type === 'GAME') return notification.message;
  return describeRequestNotification[notification.type](notification.otherUser?.displayName ?? 'Someone');
}

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
          describeNotification(notification),
          ' ',
          h('small', {}, when(notification.timestamp)),
        ),
        ...(notification.read
          ? []
          : [
              button('Mark read', `Mark read: ${describeNotification(notification)}`, async () => {
                const result = ok(
                  (await current.http.request(ops.MarkNotificationRead, { notificationId: notification.id }))
                    .markNotificationRead,
                );
                notification.read = result.notification.read;
                renderNotifications();
              }),
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
  $('presence').addEventListener('submit', (event) => {
    event.preventDefault();
    const current = session;
    if (!current) return;
    const activity = $<HTMLInputElement>('activity').value.trim();
    current.http
      .request(ops.SetPresence, {
        status: $<HTMLSelectElement>('my-status').value as PresenceStatus,
        activity: activity || null,
      })
      .then(({ setPresence }) => {
        const { presence } = ok(setPresence);
        if (session === current) showMyPresence(presence);
        $('error').textContent = '';
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
