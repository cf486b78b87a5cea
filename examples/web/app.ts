/// <reference lib="dom" />
/**
 * The reference web client: plain TypeScript on the typed documents of `packages/client/src/`. Lists are
 * read over HTTP; a graphql-ws socket keeps them, the notification list, the unread bell and each
 * friend's presence live, and resumes after any disconnect without a gap or a duplicate
 * (`packages/client/src/live.ts`). The open socket is what makes the player online to its friends.
 * A player invites friends to its lobby; an invite shows live on the friend's page, counting down
 * to its expiry, and accepting it answers the lobby to join. A player finds others by typing part of
 * their name, sees how it stands with each, and adds the ones it is not connected to. A player
 * shares its friend code (or takes a new one) and adds others by theirs; gives friends nicknames,
 * notes and stars (starred friends first); and adds players it recently played with.
 */

import type {
  ActiveConnectionsQuery,
  ConnectionRequestFieldsFragment,
  ErrorFieldsFragment,
  InviteFieldsFragment,
  InviteStatus,
  PresenceFieldsFragment,
  PresenceStatus,
  RecentPlayersQuery,
  RelationshipStatus,
  SearchUsersQuery,
  UpdateConnectionMutationVariables,
  UserFieldsFragment,
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

/** A page of players found by name, and one of them with how the player stands with it. */
type FoundPage = Extract<SearchUsersQuery['searchUsers'], { __typename: 'FoundUserPage' }>;
type FoundPlayer = FoundPage['nodes'][number];

/** A player met in a recent match, with how the player stands with it now. */
type RecentPlayer = Extract<RecentPlayersQuery['recentPlayers'], { __typename: 'RecentPlayerPage' }>['nodes'][number];

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

// ---- invite documents ----------------------------------------------------------------------------

/** An invite as the page reads it (received or sent). */
type Invite = InviteFieldsFragment;

/** What a receiver needs to join: a JSON object the game defines (here `{ lobby }`). */
type JoinInfo = { [key: string]: unknown };

// ---- session -----------------------------------------------------------------------------------

interface Session {
  me: DemoUser;
  http: HttpClient;
  live: LiveClient;
  /** Per list, the newest read in flight: an older answer arriving late is dropped. */
  reads: Map<string, number>;
  notifications: LiveNotification[];
  /** The friends list as last read: starred friends first, newest first within each part. */
  friends: Friend[];
  /** Each friend's presence by clientUserId (null: hidden from the player), from reads and live events. */
  presence: Map<string, PresenceFieldsFragment | null>;
  /** Live presence events received, and per friend the number of the last one about it. */
  presenceEvents: number;
  lastPresenceEvent: Map<string, number>;
  /** Live unread counts received: a count read over HTTP while one arrived is not newer than it. */
  unreadEvents: number;
  /** Where this page's invites take friends: a lobby it makes up, as a game would name its own. */
  joinInfo: JoinInfo;
  /** The invites lists as last read, newest first (the countdown watches their expiries). */
  receivedInvites: Invite[];
  sentInvites: Invite[];
  /** The countdown's once-a-second timer, and when it last ran: an expiry since then is due. */
  ticker: ReturnType<typeof setInterval>;
  lastTick: number;
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
    unreadEvents: 0,
    joinInfo: { lobby: `lobby-${crypto.randomUUID().slice(0, 8)}` },
    receivedInvites: [],
    sentInvites: [],
    ticker: setInterval(() => tick(current), 1000),
    lastTick: Date.now(),
  };
  session = current;
  $('me').textContent = `${me.displayName} (${me.id})`;
  $('match-with').replaceChildren(
    ...demoPlayers
      .filter((player) => player.id !== me.id)
      .map((player) => h('option', { value: player.id }, player.displayName)),
  );
  $('my-lobby').textContent = `Invites take your friends to ${current.joinInfo.lobby}.`;
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
      // It carries no invite here (`NotificationFields` has none): the list says what it is.
      if (notification.type === 'GAME_INVITE') void refresh('received-invites');
      if (notification.type === 'INVITE_ACCEPTED' || notification.type === 'INVITE_DECLINED')
        void refresh('sent-invites');
    },
    onError: showError,
  });
  current.live.followConnectionEvents({
    onEvent: (event) => {
      switch (event.__typename) {
        case 'UnreadCountChangedEvent':
          current.unreadEvents += 1;
          setUnread(event.unreadCount);
          // All an invite's receiver hears when it is answered (elsewhere), withdrawn or replaced:
          // its GAME_INVITE notification is marked read, with no notification of its own.
          return void refresh('received-invites', 'notifications');
        case 'ConnectionCreatedEvent':
          return void refresh('friends', 'incoming', 'outgoing');
        case 'ConnectionRemovedEvent':
          // The pending invites between the two are withdrawn with the connection.
          return void refresh('friends', 'received-invites', 'sent-invites');
        case 'ConnectionRequestClosedEvent':
          return void refresh('incoming', 'outgoing');
        case 'BlockChangedEvent':
          // Blocked (or no longer) from another of the player's sessions: the players found say
          // so, and recent players with a block either way are no longer listed.
          return void refresh('search', 'recent');
      }
    },
    // Once registered, after each reconnect (events of the gap are not replayed), on a server resync.
    onResync: () => void refresh('friends', 'incoming', 'outgoing', 'received-invites', 'sent-invites'),
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
  await Promise.all([
    refresh('friends', 'incoming', 'outgoing', 'received-invites', 'sent-invites'),
    readMyPresence(current),
    readMyFriendCode(current),
  ]);
}

async function signOut(): Promise<void> {
  const previous = session;
  session = null;
  clearInterval(previous?.ticker);
  await previous?.live.close();
  $('signin').hidden = false;
  $('session').hidden = true;
  $('main').hidden = true;
  $('notifications-panel').hidden = true;
  $('bell').setAttribute('aria-expanded', 'false');
  $<HTMLFormElement>('presence').reset();
  $('my-presence').textContent = '';
  $('my-lobby').textContent = '';
  $('joined').textContent = '';
  clearTimeout(searchTimer);
  $<HTMLFormElement>('find').reset();
  renderList('search-results', []);
  $('search-note').textContent = '';
  $('my-code').textContent = '';
  $('my-code-note').textContent = '';
  $<HTMLFormElement>('add-by-code').reset();
  showCodeResult(null);
  clearTimeout(codeRetryTimer);
  codeBlockedUntil = 0;
  $<HTMLButtonElement>('add-by-code-submit').disabled = false;
  editing = null;
  $<HTMLDialogElement>('friend-editor').close();
  renderList('recent-players', []);
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

/**
 * The lists a read refreshes; `notifications` only the read marks and the count of those shown,
 * `search` the players found for what the search box says, `recent` the players recently played with.
 */
type ListName =
  | 'friends'
  | 'incoming'
  | 'outgoing'
  | 'received-invites'
  | 'sent-invites'
  | 'notifications'
  | 'search'
  | 'recent';

/** The lists of relationships: whatever changes one of them changes how the player stands with someone found or met. */
const relationshipLists: ListName[] = ['friends', 'incoming', 'outgoing'];
/** The lists that show how the player stands with each player in them. */
const showingRelationships: ListName[] = ['search', 'recent'];

async function refresh(...lists: ListName[]): Promise<void> {
  const current = session;
  if (!current) return;
  if (lists.some((list) => relationshipLists.includes(list))) {
    for (const list of showingRelationships) if (!lists.includes(list)) lists.push(list);
  }
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
    const page = ok((await http.request(ops.ActiveConnections, { sort: 'FAVORITES' })).activeConnections);
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
  if (list === 'received-invites' || list === 'sent-invites') {
    const direction = list === 'received-invites' ? 'RECEIVED' : 'SENT';
    const page = ok((await http.request(ops.Invites, { direction })).invites);
    return () => {
      if (direction === 'RECEIVED') current.receivedInvites = page.nodes;
      else current.sentInvites = page.nodes;
      renderInvites(current);
    };
  }
  if (list === 'notifications') return readNotificationMarks(current);
  if (list === 'search') return readSearch(current);
  if (list === 'recent') return readRecentPlayers(current);
  const page = ok((await http.request(ops.SentRequests)).sentConnectionRequests);
  return () => renderList(list, page.nodes.map(outgoingItem));
}

/**
 * A friend: its star, the nickname the player gave it (its display name next to it) or its
 * display name, its presence, the player's note; the buttons name it as the row shows it.
 */
function friendItem(connection: Friend, presence: PresenceFieldsFragment | null): HTMLElement {
  const { displayName, clientUserId } = connection.connectedUser;
  const { nickname, note, favorite } = connection;
  const name = nickname ?? displayName;
  const lastSeen =
    presence?.status === 'OFFLINE' && presence.lastSeenAt ? ` · last seen ${when(presence.lastSeenAt)}` : '';
  const star = button(favorite ? '★' : '☆', `Favourite ${name}`, () =>
    updateFriend(session!, connection, { favorite: !favorite }),
  );
  star.classList.add('star');
  star.setAttribute('aria-pressed', String(favorite));
  star.title = favorite ? 'Starred: shown first. Click to unstar.' : 'Star: show first';
  return h(
    'li',
    favorite ? { class: 'favorite' } : {},
    star,
    h(
      'span',
      { class: 'who' },
      ...(nickname
        ? [h('span', { class: 'nickname' }, nickname), ' ', h('span', { class: 'real-name' }, `(${displayName})`)]
        : [displayName]),
      ' ',
      ...presenceBadge(presence),
      ' ',
      h('small', {}, `${clientUserId} · since ${when(connection.connectedSince)}${lastSeen}`),
      ...(note ? [h('small', { class: 'note' }, note)] : []),
    ),
    button('Edit', `Nickname and note for ${name}`, async () => openFriendEditor(connection)),
    button('Invite', `Invite ${name}`, () => inviteFriend(session!, connection.connectedUser)),
    button('Remove', `Remove ${name}`, async () => {
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

// ---- finding players ----------------------------------------------------------------------------

/** The server refuses shorter queries: below this the page asks for nothing. */
const MIN_SEARCH_LENGTH = 2;
/** How long the search box waits for the player to stop typing: one read per pause, not per key. */
const SEARCH_DELAY_MS = 250;

/** The pending search of the box, replaced by each key typed. */
let searchTimer: ReturnType<typeof setTimeout> | undefined;

/** How the player stands with someone found, when there is something between them. */
const relationshipLabel: Record<Exclude<RelationshipStatus, 'NONE'>, string> = {
  CONNECTED: 'Friend',
  REQUEST_SENT: 'Request sent',
  REQUEST_RECEIVED: 'Wants to connect',
  BLOCKED: 'Blocked',
};

/** The players whose name matches what the search box says (trimmed, as the server counts it). */
async function readSearch(current: Session): Promise<() => void> {
  const query = $<HTMLInputElement>('find-query').value.trim();
  if ([...query].length < MIN_SEARCH_LENGTH) return () => renderSearch(current, query, null);
  const page = ok((await current.http.request(ops.SearchUsers, { query })).searchUsers);
  return () => renderSearch(current, query, page);
}

/** The players found, best match first, and what to type when there are none or too many. */
function renderSearch(current: Session, query: string, page: FoundPage | null): void {
  renderList('search-results', page?.nodes.map((found) => foundItem(current, found)) ?? []);
  $('search-note').textContent = !page
    ? query && `Type ${MIN_SEARCH_LENGTH} characters or more of a name.`
    : page.nodes.length === 0
      ? `No player’s name matches “${query}”.`
      : page.pageInfo.hasNextPage
        ? 'More players match: type more of the name.'
        : '';
}

/** A player found and how the player stands with it; "Add friend" when nothing is between them. */
function foundItem(current: Session, { user, relationship }: FoundPlayer): HTMLElement {
  const { displayName, clientUserId } = user;
  const who = h('span', { class: 'who' }, `${displayName} `, h('small', {}, clientUserId));
  // The player may find itself: there is nothing to ask of it.
  if (clientUserId === current.me.id) return h('li', {}, who, h('span', { class: 'relationship' }, 'You'));
  return h('li', {}, who, relationshipAction(current, user, relationship?.status ?? 'NONE'));
}

/** How the player stands with another, or (nothing between them) an "Add friend" button. */
function relationshipAction(current: Session, user: UserFieldsFragment, status: RelationshipStatus): HTMLElement {
  if (status === 'NONE') {
    return button('Add friend', `Add ${user.displayName} as a friend`, () => sendRequest(current, user.clientUserId));
  }
  return h('span', { class: 'relationship', 'data-status': status.toLowerCase() }, relationshipLabel[status]);
}

/**
 * Sends a connection request (to a player id typed, or to a player found). Its outgoing list, and
 * with it the players found (now "Request sent"), are read again once it is sent.
 */
async function sendRequest(current: Session, receiverId: string, message = ''): Promise<void> {
  const result = await current.http.request(ops.SendRequest, {
    receiverId,
    ...(message && { message }),
    // One key per click: a retry after a lost answer cannot send twice.
    idempotencyKey: crypto.randomUUID(),
  });
  ok(result.sendConnectionRequest);
  $('error').textContent = '';
  await refresh('outgoing');
}

// ---- friend codes --------------------------------------------------------------------------------

/** The player's own code, as others type it into "Add by code". */
async function readMyFriendCode(current: Session): Promise<void> {
  const code = ok((await current.http.request(ops.FriendCode)).friendCode);
  if (session === current) $('my-code').textContent = code.value;
}

/** A new code for the player: the one it shared so far names no one from now on. */
async function rotateMyFriendCode(current: Session): Promise<void> {
  const result = await current.http.request(ops.RotateFriendCode, { idempotencyKey: crypto.randomUUID() });
  const { friendCode } = ok(result.rotateFriendCode);
  if (session !== current) return;
  $('my-code').textContent = friendCode.value;
  $('my-code-note').textContent = 'New code: the one you shared before no longer works.';
}

/** `7kq4 m2xd` → `7KQ4-M2XD`, as the owner's page shows it (the server reads it in any such form). */
function formatTypedCode(typed: string): string {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : typed.trim();
}

/**
 * What went wrong with a request by code, in the player's words: the failures a code brings
 * (a code that names no one, too many of them, something that is no code) and the request's own.
 */
function friendCodeProblem(error: ErrorFieldsFragment, typed: string): string {
  switch (error.code) {
    case 'FRIEND_CODE_NOT_FOUND':
      return `No player has the friend code ${formatTypedCode(typed)}. Check it with them: a code stops working once its owner takes a new one.`;
    case 'RATE_LIMITED':
      return error.__typename === 'RateLimitedError'
        ? `Too many tries. Try again in ${error.retryAfterSeconds} s.`
        : error.message;
    case 'VALIDATION_FAILED':
      return error.__typename === 'ValidationError' && error.field === 'friendCode'
        ? `“${typed.trim()}” is not a friend code: one is 8 letters and digits, as in 7KQ4-M2XD.`
        : error.message;
    case 'CANNOT_CONNECT_TO_SELF':
      return 'That is your own friend code: share it with others for them to add you.';
    default:
      return error.message;
  }
}

/** Under the "Add by code" box: what was sent, or what went wrong (with its code for developers). */
function showCodeResult(result: { sentTo: string } | { error: ErrorFieldsFragment; typed: string } | null): void {
  const sent = $('code-sent');
  const problem = $('code-error');
  sent.textContent = result && 'sentTo' in result ? `Request sent to ${result.sentTo}.` : '';
  if (!result || 'sentTo' in result) {
    problem.replaceChildren();
    delete problem.dataset.code;
    return;
  }
  problem.dataset.code = result.error.code;
  problem.replaceChildren(
    h('span', {}, friendCodeProblem(result.error, result.typed)),
    ' ',
    h('small', {}, result.error.code),
  );
}

/**
 * Until when (`Date.now()`) the "Add by code" button waits out a RATE_LIMITED answer: a try
 * before then is refused anyway. Its timer enables the button again.
 */
let codeBlockedUntil = 0;
let codeRetryTimer: ReturnType<typeof setTimeout> | undefined;

function blockCodeRequests(seconds: number): void {
  const submit = $<HTMLButtonElement>('add-by-code-submit');
  codeBlockedUntil = Date.now() + seconds * 1000;
  submit.disabled = true;
  clearTimeout(codeRetryTimer);
  codeRetryTimer = setTimeout(() => {
    codeBlockedUntil = 0;
    submit.disabled = false;
  }, seconds * 1000);
}

const codeRequestsBlocked = () => Date.now() < codeBlockedUntil;

/** Sends a request to the player whose code was typed; a typed failure shows under the box. */
async function sendRequestByCode(current: Session, typed: string): Promise<void> {
  const { sendConnectionRequest: result } = await current.http.request(ops.SendRequestByCode, {
    friendCode: typed,
    // One key per click: a retry after a lost answer cannot send twice.
    idempotencyKey: crypto.randomUUID(),
  });
  if (session !== current) return;
  if (result.__typename !== 'SendConnectionRequestPayload') {
    showCodeResult({ error: result, typed });
    if (result.__typename === 'RateLimitedError') blockCodeRequests(result.retryAfterSeconds);
    return;
  }
  // The box empties as the confirmation shows, not once the list below has caught up.
  showCodeResult({ sentTo: result.request.receiver.displayName });
  $<HTMLInputElement>('friend-code').value = '';
  await refresh('outgoing');
}

// ---- nicknames, notes and stars ------------------------------------------------------------------

type FriendChange = Omit<UpdateConnectionMutationVariables, 'userId' | 'connectionId'>;

/** Changes what the player keeps about a friend (for its eyes only), then reads the list again: a star moves it. */
async function updateFriend(current: Session, friend: Friend, change: FriendChange): Promise<void> {
  const result = await current.http.request(ops.UpdateConnection, { connectionId: friend.id, ...change });
  ok(result.updateConnection);
  $('error').textContent = '';
  await refresh('friends');
}

/** The friend the editor is open for. */
let editing: Friend | null = null;

function openFriendEditor(friend: Friend): void {
  editing = friend;
  const { displayName, clientUserId } = friend.connectedUser;
  $('friend-editor-who').textContent = `${displayName} (${clientUserId})`;
  $<HTMLInputElement>('nickname').value = friend.nickname ?? '';
  $<HTMLTextAreaElement>('note').value = friend.note ?? '';
  $('friend-editor-error').textContent = '';
  $<HTMLDialogElement>('friend-editor').showModal();
}

/** Saves the editor's nickname and note (empty clears one); a refusal (too long, a line break) stays in the editor. */
async function saveFriendEditor(current: Session): Promise<void> {
  if (!editing) return;
  const result = await current.http.request(ops.UpdateConnection, {
    connectionId: editing.id,
    nickname: $<HTMLInputElement>('nickname').value,
    note: $<HTMLTextAreaElement>('note').value,
  });
  if (session !== current) return;
  if (result.updateConnection.__typename !== 'Connection') {
    $('friend-editor-error').textContent = result.updateConnection.message;
    return;
  }
  editing = null;
  $<HTMLDialogElement>('friend-editor').close();
  await refresh('friends');
}

// ---- recently played with ------------------------------------------------------------------------

/** The players met in recent matches: nothing announces a new one, so a game reads them after a match. */
async function readRecentPlayers(current: Session): Promise<() => void> {
  const page = ok((await current.http.request(ops.RecentPlayers)).recentPlayers);
  return () =>
    renderList(
      'recent-players',
      page.nodes.map((recent) => recentItem(current, recent)),
    );
}

/** A player met recently: the match and when, and how the two stand ("Add friend" when nothing is between them). */
function recentItem(current: Session, { user, context, playedAt, relationship }: RecentPlayer): HTMLElement {
  const match = [context, `played ${when(playedAt)}`].filter(Boolean).join(' · ');
  return h(
    'li',
    {},
    h('span', { class: 'who' }, `${user.displayName} `, h('small', {}, match)),
    relationshipAction(current, user, relationship.status),
  );
}

/**
 * What a game server does when a match ends, here for the example's demo players (POST
 * /demo/match, development only): the player and the one chosen played together.
 */
async function playDemoMatch(current: Session, otherId: string): Promise<void> {
  const response = await fetch('/demo/match', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ players: [current.me.id, otherId], context: `demo-${crypto.randomUUID().slice(0, 6)}` }),
  });
  if (!response.ok) {
    const { error } = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(`cannot record the demo match (${response.status}${error ? `: ${error}` : ''})`);
  }
  $('error').textContent = '';
  await refresh('recent');
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

/** Starred friends first, then by presence; the list's order (newest first) within each (the sort is stable). */
function renderFriends(current: Session): void {
  const rank = (friend: Friend) =>
    (friend.favorite ? 0 : 10) +
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

// ---- invites -------------------------------------------------------------------------------------

const inviteStatusLabel: Record<InviteStatus, string> = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  CANCELLED: 'Withdrawn',
  EXPIRED: 'Expired',
};

/**
 * Where an invite stands now: one read as pending expires on time without being read again (the
 * server has no event for it, and answers it EXPIRED from then on).
 */
function inviteStatus(invite: Invite): InviteStatus {
  return invite.status === 'PENDING' && Date.parse(invite.expiresAt) <= Date.now() ? 'EXPIRED' : invite.status;
}

/** Invites a friend to this page's lobby, with the message and the validity the invite options say. */
async function inviteFriend(current: Session, friend: UserFieldsFragment): Promise<void> {
  const message = $<HTMLInputElement>('invite-message').value.trim();
  const result = await current.http.request(ops.SendInvite, {
    receiverIds: [friend.clientUserId],
    joinInfo: current.joinInfo,
    ...(message && { message }),
    expiresInSeconds: Number($<HTMLSelectElement>('invite-expiry').value),
    // One key per click: a retry after a lost answer cannot invite twice.
    idempotencyKey: crypto.randomUUID(),
  });
  ok(result.sendInvite);
  $('error').textContent = '';
  await refresh('sent-invites');
}

/** Accepts an invite and shows the join info it answers: what a game would now join. */
async function acceptInvite(invite: Invite): Promise<void> {
  const current = session!;
  try {
    const { joinInfo } = ok((await current.http.request(ops.AcceptInvite, { inviteId: invite.id })).acceptInvite);
    if (session === current) $('joined').textContent = `Joined: ${JSON.stringify(joinInfo)}`;
  } finally {
    // Accepted, or no longer open (expired, withdrawn meanwhile): either way the list says so.
    await refresh('received-invites');
  }
}

async function declineInvite(invite: Invite): Promise<void> {
  try {
    ok((await session!.http.request(ops.DeclineInvite, { inviteId: invite.id })).declineInvite);
  } finally {
    await refresh('received-invites');
  }
}

async function cancelInvite(invite: Invite): Promise<void> {
  try {
    ok((await session!.http.request(ops.CancelInvite, { inviteId: invite.id })).cancelInvite);
  } finally {
    await refresh('sent-invites');
  }
}

function renderInvites(current: Session): void {
  renderList('received-invites', current.receivedInvites.map(receivedInviteItem));
  renderList('sent-invites', current.sentInvites.map(sentInviteItem));
}

function receivedInviteItem(invite: Invite): HTMLElement {
  const { displayName } = invite.sender;
  const answerable = inviteStatus(invite) === 'PENDING';
  return h(
    'li',
    {},
    h('span', { class: 'who' }, `${displayName} `, ...inviteDetails(invite)),
    ...(answerable
      ? [
          button('Accept', `Accept invite from ${displayName}`, () => acceptInvite(invite)),
          button('Decline', `Decline invite from ${displayName}`, () => declineInvite(invite)),
        ]
      : []),
  );
}

function sentInviteItem(invite: Invite): HTMLElement {
  const { displayName } = invite.receiver;
  const withdrawable = inviteStatus(invite) === 'PENDING';
  return h(
    'li',
    {},
    h('span', { class: 'who' }, `${displayName} `, ...inviteDetails(invite)),
    ...(withdrawable ? [button('Withdraw', `Withdraw invite to ${displayName}`, () => cancelInvite(invite))] : []),
  );
}

/** The invite's message, then its time left while pending (kept to the second by `tick`), else how it ended. */
function inviteDetails(invite: Invite): (Node | string)[] {
  const message = invite.message ? [h('small', {}, `“${invite.message}”`), ' '] : [];
  const status = inviteStatus(invite);
  if (status !== 'PENDING') {
    return [
      ...message,
      h('span', { class: 'invite-status', 'data-status': status.toLowerCase() }, inviteStatusLabel[status]),
    ];
  }
  const expiresAt = Date.parse(invite.expiresAt);
  const attributes = { role: 'timer', 'data-expires-at': String(expiresAt), title: `until ${when(invite.expiresAt)}` };
  return [...message, h('small', attributes, timeLeft(expiresAt - Date.now()))];
}

/** "expires in 4:05" (1:02:03 past an hour), rounded up to the second. */
function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const [hours, minutes] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60];
  return `expires in ${hours ? `${hours}:${pad(minutes)}` : minutes}:${pad(seconds % 60)}`;
}

/**
 * Once a second: the time left on each pending invite shown. An expiry changes the page with no
 * event at all (the invite can no longer be answered, its notification is no longer listed nor
 * counted), so when one has passed since the last tick the page shows that and re-reads the count.
 */
function tick(current: Session): void {
  if (session !== current) return;
  const now = Date.now();
  const due = expiries(current).some((at) => at > current.lastTick && at <= now);
  current.lastTick = now;
  if (due) {
    renderInvites(current);
    renderNotifications();
    void refresh('notifications');
  }
  for (const timer of document.querySelectorAll<HTMLElement>('[data-expires-at]')) {
    timer.textContent = timeLeft(Number(timer.dataset.expiresAt) - now);
  }
}

/** When the pending invites shown and the notifications that expire (an invite's) expire, as `Date.now()` counts. */
function expiries(current: Session): number[] {
  const invites = [...current.receivedInvites, ...current.sentInvites].filter((invite) => invite.status === 'PENDING');
  return [
    ...invites.map((invite) => invite.expiresAt),
    ...current.notifications.flatMap((notification) => notification.expiresAt ?? []),
  ].map((iso) => Date.parse(iso));
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

/** Shown as the server lists it: a notification past its expiry (an expired invite's) no longer is. */
const listed = (notification: LiveNotification, now: number) =>
  notification.expiresAt === null || Date.parse(notification.expiresAt) > now;

/**
 * Re-reads the read marks of the notifications shown and the unread count: the server marks one
 * read with no notification of its own (an answered or withdrawn invite's GAME_INVITE), and stops
 * counting one when it expires. Marks only go from unread to read, so an answer arriving late
 * cannot undo a "Mark read" clicked meanwhile.
 */
async function readNotificationMarks(current: Session): Promise<() => void> {
  const unreadEventsBefore = current.unreadEvents;
  const page = ok((await current.http.request(ops.Notifications, { first: 20 })).notifications);
  return () => {
    const read = new Set(page.nodes.filter((notification) => notification.read).map(({ id }) => id));
    for (const notification of current.notifications) if (read.has(notification.id)) notification.read = true;
    // A live count that came while this read was on its way may be newer than the count read.
    if (current.unreadEvents === unreadEventsBefore) setUnread(page.unreadCount);
    renderNotifications();
  };
}

/** What a notification says: a game's own notification its message, a request's who did what. */
function describeNotification(notification: LiveNotification): string {
  if (notification.type === 'GAME') return notification.message;
  return describeRequestNotification[notification.type](notification.otherUser?.displayName ?? 'Someone');
}

function renderNotifications(): void {
  const current = session;
  if (!current) return;
  const now = Date.now();
  const shown = current.notifications.filter((notification) => listed(notification, now));
  renderList(
    'notifications',
    shown.map((notification) =>
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

/** The example's demo players (the sign-in list), from /demo/users. */
let demoPlayers: DemoUser[] = [];

async function main(): Promise<void> {
  const { users } = (await (await fetch('/demo/users')).json()) as { users: DemoUser[] };
  demoPlayers = users;
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
    sendRequest(current, receiver.value.trim(), message.value.trim())
      .then(() => {
        receiver.value = '';
        message.value = '';
      })
      .catch(showError);
  });
  // Searches once the player pauses typing; an older answer arriving late is dropped (`refresh`).
  $('find-query').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void refresh('search'), SEARCH_DELAY_MS);
  });
  // Enter searches at once.
  $('find').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    void refresh('search');
  });
  $('rotate-code').addEventListener('click', () => {
    const current = session;
    if (current) rotateMyFriendCode(current).catch(showError);
  });
  $('add-by-code').addEventListener('submit', (event) => {
    event.preventDefault();
    const current = session;
    if (!current) return;
    const submit = $<HTMLButtonElement>('add-by-code-submit');
    submit.disabled = true;
    sendRequestByCode(current, $<HTMLInputElement>('friend-code').value)
      .catch(showError)
      .finally(() => {
        submit.disabled = codeRequestsBlocked();
      });
  });
  // A new code typed: what went wrong with the last one no longer applies (unless it is to wait).
  $('friend-code').addEventListener('input', () => {
    if (!codeRequestsBlocked()) showCodeResult(null);
  });
  $('friend-edit').addEventListener('submit', (event) => {
    event.preventDefault();
    const current = session;
    if (current)
      saveFriendEditor(current).catch((error: unknown) => {
        $('friend-editor-error').textContent = error instanceof Error ? error.message : String(error);
      });
  });
  $('friend-edit-cancel').addEventListener('click', () => {
    editing = null;
    $<HTMLDialogElement>('friend-editor').close();
  });
  $('recent-refresh').addEventListener('click', () => void refresh('recent'));
  $('demo-match').addEventListener('submit', (event) => {
    event.preventDefault();
    const current = session;
    if (current) playDemoMatch(current, $<HTMLSelectElement>('match-with').value).catch(showError);
  });
}

main().catch(showError);
