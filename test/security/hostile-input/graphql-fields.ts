/**
 * Every query and mutation field of the schema with the arguments it declares, the rule its
 * answer follows and how the model keeps in step after a success; how GraphQL coerces
 * variables and literals of each argument type; generated argument values; and the checks of a
 * GraphQL answer's shape.
 */
import fc from 'fast-check';
import { hasLoneSurrogate, isPlainObject, type Outcome, violation } from './contract.js';
import {
  friendCodeValue,
  hostileIdValue,
  hostileText,
  joinInfoValue,
  searchText,
  wrongJsonType,
} from './generators.js';
import {
  INVITE_POLICIES,
  type IntParam,
  MAX_INT,
  notesAfter,
  PRESENCE_SHARING,
  PRESENCE_STATUSES,
  pagingVerdict,
  RECENT_PLAYERS_PER_PAGE,
  REQUEST_POLICIES,
  ruleActAsUser,
  ruleAnswer,
  ruleBlock,
  ruleCancel,
  ruleDeleteNotification,
  ruleGameNotification,
  ruleInviteAction,
  ruleList,
  ruleLookUpUser,
  ruleMutual,
  rulePresence,
  ruleRead,
  ruleRecordRecentPlayers,
  ruleRelationships,
  ruleRemove,
  ruleSearch,
  ruleSend,
  ruleSendInvite,
  ruleUnblock,
  ruleUpdateConnection,
  ruleUpdateSettings,
  ruleUpsert,
  SEARCH_PER_PAGE,
  type Verdict,
} from './rules.js';
import {
  type Actor,
  type Caller,
  type InviteVerb,
  namedUsers,
  recordBlock,
  recordInviteAnswer,
  recordInvitesSent,
  recordNotes,
  recordSuccess,
  subjectOf,
  type World,
} from './world.js';

export type ArgType =
  | 'ID'
  | 'ID!'
  | 'String'
  | 'String!'
  | 'Int'
  | 'Boolean'
  | 'ConnectionRequestStatusFilter'
  | 'RequestPolicy'
  | '[ID!]!'
  // Presence (beyond the documented API)
  | 'ConnectionPresenceFilter'
  | 'PresenceSharing'
  | 'PresenceStatus!'
  | 'JSONObject'
  // Invites (beyond the documented API)
  | 'JSONObject!'
  | 'InviteDirection'
  | 'InviteStatusFilter'
  | 'InvitePolicy'
  // Favourites (beyond the documented API)
  | 'ConnectionSort';

export interface FieldSpec {
  name: string;
  operation: 'query' | 'mutation';
  args: Record<string, ArgType>;
  /** The payload type of a success. */
  success: string;
  /** The expected answer for arguments that coerced; `undefined` marks an omitted argument. */
  rule: (caller: Caller, args: Record<string, unknown>) => Promise<Outcome>;
  /** Keeps the model in step after a success. */
  onSuccess?: (world: World, args: Record<string, unknown>, caller: Caller) => void;
  /** Arguments always tried first (with variables), so that rare outcomes are reached. */
  examples?: (world: World) => { who: Actor; values: Record<string, unknown> }[];
  /**
   * The user whose presence the call sets: presence is kept by the presence store, not in the
   * database, so a refusal is checked to leave it as it was (see expectPresenceUnchanged).
   */
  presenceOf?: (caller: Caller, args: Record<string, unknown>) => string;
}

const STATUS_FILTER = ['ALL', 'PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'];

/** The values of the enum types the fields take. */
const ENUM_VALUES: Record<string, string[]> = {
  ConnectionRequestStatusFilter: STATUS_FILTER,
  RequestPolicy: REQUEST_POLICIES.map((policy) => policy.toUpperCase()),
  ConnectionPresenceFilter: ['ONLINE'],
  PresenceSharing: PRESENCE_SHARING.map((sharing) => sharing.toUpperCase()),
  PresenceStatus: PRESENCE_STATUSES.map((status) => status.toUpperCase()),
  InviteDirection: ['RECEIVED', 'SENT'],
  InviteStatusFilter: STATUS_FILTER,
  InvitePolicy: INVITE_POLICIES.map((policy) => policy.toUpperCase()),
  ConnectionSort: ['NEWEST', 'FAVORITES'],
};

const asId = (value: unknown) => (value == null ? null : String(value));

/** Page arguments as GraphQL takes them (already coerced to 32-bit ints, or null). */
function graphqlPaging(args: Record<string, unknown>, defaultPerPage: number): Verdict {
  const { page, perPage, first, after } = args as Record<string, number | string | null | undefined>;
  // Cursor paging (first/after), and its mixing with page numbers, has rules of its own.
  if (first != null || after != null) {
    if (typeof first === 'number' && (first < 1 || first > 50)) return 'invalid';
    return 'either';
  }
  const int = (value: unknown): IntParam =>
    value == null ? { kind: 'absent' } : { kind: 'int', value: value as number };
  return pagingVerdict(int(page), int(perPage), defaultPerPage);
}

const pagingArgs = { page: 'Int', perPage: 'Int', first: 'Int', after: 'String' } as const;

/**
 * Page arguments of alice's list of connections, whose cursors hold to their order: with one of
 * the world's cursors the page arguments' own rules (no page number with a cursor, `perPage`
 * and `first` agreeing, 1 to 50), then a cursor of the other order is refused (unless the list
 * is of those online, a live view in an order of its own). Any other cursor: see graphqlPaging.
 */
function activeConnectionsPaging(world: World, args: Record<string, unknown>): Verdict {
  const { page, perPage, first, after, sort, presence } = args as Record<string, number | string | null | undefined>;
  const order = after === world.cursors.newest ? 'NEWEST' : after === world.cursors.favorites ? 'FAVORITES' : null;
  if (order === null) return graphqlPaging(args, 10);
  if (page != null) return 'invalid';
  if (perPage != null && first != null && perPage !== first) return 'invalid';
  const size = (first ?? perPage ?? 10) as number;
  if (size < 1 || size > 50) return 'invalid';
  return presence !== 'ONLINE' && (sort ?? 'NEWEST') !== order ? 'invalid' : 'valid';
}

export const FIELDS: FieldSpec[] = [
  {
    name: 'user',
    operation: 'query',
    args: { userId: 'ID' },
    success: 'User',
    rule: (caller, args) => ruleLookUpUser(caller, asId(args.userId)),
  },
  {
    name: 'sentConnectionRequests',
    operation: 'query',
    args: { userId: 'ID', status: 'ConnectionRequestStatusFilter', ...pagingArgs },
    success: 'ConnectionRequestPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'receivedConnectionRequests',
    operation: 'query',
    args: { userId: 'ID', status: 'ConnectionRequestStatusFilter', ...pagingArgs },
    success: 'ConnectionRequestPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'activeConnections',
    operation: 'query',
    // `presence: ONLINE` and `favorite` filter the list, `sort` orders it: valid or not as their
    // types say, and then a list like any other, whose cursors hold to their order.
    args: {
      userId: 'ID',
      presence: 'ConnectionPresenceFilter',
      favorite: 'Boolean',
      sort: 'ConnectionSort',
      ...pagingArgs,
    },
    success: 'ConnectionPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), activeConnectionsPaging(caller.world, args)),
    examples: (world) => [
      { who: 'user', values: { first: 1, after: world.cursors.newest } },
      { who: 'user', values: { first: 1, after: world.cursors.newest, sort: 'FAVORITES' } },
      { who: 'user', values: { after: world.cursors.favorites, sort: 'FAVORITES' } },
      { who: 'user', values: { after: world.cursors.favorites } },
      { who: 'user', values: { after: world.cursors.favorites, sort: 'NEWEST', presence: 'ONLINE' } },
      { who: 'user', values: { after: world.cursors.newest, page: 1 } },
      { who: 'user', values: { after: world.cursors.newest, perPage: 2, first: 3 } },
      { who: 'user', values: { after: world.cursors.newest, perPage: 51 } },
      { who: 'user', values: { favorite: true, sort: 'FAVORITES', perPage: 50 } },
      { who: 'user', values: { sort: 'favorites' } },
      { who: 'service', values: { userId: world.bob.id, after: world.cursors.favorites, favorite: false } },
      { who: 'service', values: { userId: 'ghost', after: world.cursors.favorites, sort: 'FAVORITES' } },
    ],
  },
  {
    name: 'notifications',
    operation: 'query',
    args: { userId: 'ID', unreadOnly: 'Boolean', ...pagingArgs },
    success: 'NotificationPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 50)),
  },
  {
    name: 'upsertUser',
    operation: 'mutation',
    args: { userId: 'ID', displayName: 'String!' },
    success: 'UpsertUserPayload',
    rule: (caller, args) => ruleUpsert(caller, asId(args.userId), args.displayName as string),
  },
  {
    name: 'sendConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', receiverId: 'ID', friendCode: 'String', message: 'String' },
    success: 'SendConnectionRequestPayload',
    rule: (caller, args) =>
      ruleSend(caller, asId(args.userId), {
        receiverId: asId(args.receiverId),
        friendCode: (args.friendCode as string | null | undefined) ?? null,
        message: (args.message as string | null | undefined) ?? null,
      }),
    // Requests by friend code: to each of the world's users (typed as players type them), a user
    // made for the run, codes of no one and no code at all; both an id and a code, neither.
    examples: (world) => {
      const code = (user: { id: string }) => world.friendCodes[user.id]!;
      return [
        { who: 'user', values: { friendCode: code(world.erin).toLowerCase(), message: ' Good game! ' } },
        { who: 'user', values: { friendCode: ` ${code(world.bob).replace('-', '')} ` } },
        { who: 'user', values: { friendCode: code(world.carol).replace('-', ' - ') } },
        { who: 'user', values: { friendCode: code(world.alice) } },
        { who: 'user', values: { friendCode: code(world.frank) } },
        { who: 'user', values: { friendCode: code(world.gina) } },
        { who: 'user', values: { friendCode: 'fresh-code' } },
        { who: 'user', values: { friendCode: '2345-6789' } },
        { who: 'user', values: { friendCode: 'O0I1-L234' } },
        { who: 'user', values: { friendCode: `${code(world.dave)}2` } },
        { who: 'user', values: { friendCode: code(world.dave), message: 'x'.repeat(501) } },
        { who: 'user', values: { receiverId: world.dave.id, friendCode: code(world.dave) } },
        { who: 'user', values: { message: 'hi' } },
        { who: 'user', values: { receiverId: null, friendCode: null } },
        { who: 'user', values: { userId: world.bob.id, friendCode: code(world.dave) } },
        { who: 'service', values: { userId: world.bob.id, friendCode: code(world.carol) } },
        { who: 'service', values: { userId: world.bob.id, friendCode: code(world.bob) } },
        { who: 'service', values: { userId: 'ghost', friendCode: code(world.bob) } },
        { who: 'service', values: { userId: 'ghost', friendCode: '2222-2222' } },
        { who: 'service', values: { userId: 'ghost', friendCode: '2222-222' } },
      ];
    },
  },
  {
    name: 'acceptConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', requestId: 'ID!' },
    success: 'AcceptConnectionRequestPayload',
    rule: (caller, args) => ruleAnswer(caller, asId(args.userId), String(args.requestId)),
    onSuccess: (world, args) => recordSuccess(world, 'accept', String(args.requestId)),
  },
  {
    name: 'declineConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', requestId: 'ID!' },
    success: 'DeclineConnectionRequestPayload',
    rule: (caller, args) => ruleAnswer(caller, asId(args.userId), String(args.requestId)),
    onSuccess: (world, args) => recordSuccess(world, 'decline', String(args.requestId)),
  },
  {
    name: 'markNotificationRead',
    operation: 'mutation',
    args: { userId: 'ID', notificationId: 'ID!' },
    success: 'MarkNotificationReadPayload',
    rule: (caller, args) => ruleRead(caller, asId(args.userId), String(args.notificationId)),
  },
  {
    name: 'removeConnection',
    operation: 'mutation',
    args: { userId: 'ID', connectionId: 'ID!' },
    success: 'RemoveConnectionPayload',
    rule: (caller, args) => ruleRemove(caller, asId(args.userId), String(args.connectionId)),
    onSuccess: (world, args) => recordSuccess(world, 'remove', String(args.connectionId)),
  },
  // Mutual connections and suggestions (beyond the documented API)
  {
    name: 'mutualConnections',
    operation: 'query',
    args: { userId: 'ID', otherUserId: 'ID!', ...pagingArgs },
    success: 'MutualConnectionPage',
    rule: (caller, args) => ruleMutual(caller, asId(args.userId), String(args.otherUserId), graphqlPaging(args, 10)),
  },
  {
    name: 'connectionSuggestions',
    operation: 'query',
    args: { userId: 'ID', page: 'Int', perPage: 'Int' },
    success: 'ConnectionSuggestionPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  // Cancel, mark all read, delete a notification (beyond the documented API)
  {
    name: 'cancelConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', requestId: 'ID!' },
    success: 'CancelConnectionRequestPayload',
    rule: (caller, args) => ruleCancel(caller, asId(args.userId), String(args.requestId)),
    onSuccess: (world, args) => recordSuccess(world, 'cancel', String(args.requestId)),
    examples: (world) => [
      { who: 'user', values: { requestId: world.requestIn } },
      { who: 'user', values: { requestId: world.requestOut } },
      { who: 'user', values: { requestId: Number(world.requestOut) } },
      { who: 'service', values: { userId: world.bob.id, requestId: world.requestIn } },
    ],
  },
  {
    name: 'markAllNotificationsRead',
    operation: 'mutation',
    args: { userId: 'ID' },
    success: 'MarkAllNotificationsReadPayload',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
  },
  {
    name: 'deleteNotification',
    operation: 'mutation',
    args: { userId: 'ID', notificationId: 'ID!' },
    success: 'DeleteNotificationPayload',
    rule: (caller, args) => ruleDeleteNotification(caller, asId(args.userId), String(args.notificationId)),
    onSuccess: (world, args) => recordSuccess(world, 'deleteNotification', String(args.notificationId)),
    examples: (world) => [
      { who: 'user', values: { notificationId: world.notificationOther } },
      { who: 'service', values: { userId: world.alice.id, notificationId: world.notification } },
      { who: 'user', values: { notificationId: world.notification } },
    ],
  },
  // Blocks, settings and batch status (beyond the documented API)
  {
    name: 'settings',
    operation: 'query',
    args: { userId: 'ID' },
    success: 'Settings',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
  },
  {
    name: 'updateSettings',
    operation: 'mutation',
    args: {
      userId: 'ID',
      acceptRequestsFrom: 'RequestPolicy',
      sharePresence: 'PresenceSharing',
      acceptInvitesFrom: 'InvitePolicy',
    },
    success: 'Settings',
    rule: (caller, args) =>
      ruleUpdateSettings(caller, asId(args.userId), {
        acceptRequestsFrom: args.acceptRequestsFrom,
        sharePresence: args.sharePresence,
        acceptInvitesFrom: args.acceptInvitesFrom,
      }),
    examples: (world) => [
      { who: 'user', values: { acceptRequestsFrom: 'NOBODY' } },
      { who: 'user', values: { acceptRequestsFrom: 'nobody' } },
      { who: 'user', values: {} },
      { who: 'user', values: { acceptRequestsFrom: null, sharePresence: null } },
      { who: 'user', values: { sharePresence: 'NOBODY' } },
      {
        who: 'service',
        values: { userId: world.bob.id, acceptRequestsFrom: 'EVERYONE', sharePresence: 'CONNECTIONS' },
      },
      { who: 'user', values: { userId: world.bob.id, sharePresence: 'NOBODY' } },
      { who: 'user', values: { acceptInvitesFrom: 'NOBODY' } },
      { who: 'user', values: { acceptInvitesFrom: 'nobody' } },
      { who: 'user', values: { acceptRequestsFrom: null, sharePresence: null, acceptInvitesFrom: null } },
      { who: 'service', values: { userId: world.erin.id, acceptInvitesFrom: 'CONNECTIONS' } },
    ],
  },
  {
    name: 'blockedUsers',
    operation: 'query',
    args: { userId: 'ID', ...pagingArgs },
    success: 'BlockedUserPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'blockUser',
    operation: 'mutation',
    args: { userId: 'ID', otherUserId: 'ID!' },
    success: 'BlockUserPayload',
    rule: (caller, args) => ruleBlock(caller, asId(args.userId), String(args.otherUserId)),
    onSuccess: (world, args, caller) =>
      recordBlock(world, asId(args.userId) ?? subjectOf(caller), String(args.otherUserId)),
    examples: (world) => [
      { who: 'user', values: { otherUserId: world.alice.id } },
      { who: 'user', values: { otherUserId: world.carol.id } },
      { who: 'user', values: { otherUserId: world.carol.id } },
      { who: 'service', values: { userId: world.gina.id, otherUserId: world.alice.id } },
    ],
  },
  {
    name: 'unblockUser',
    operation: 'mutation',
    args: { userId: 'ID', otherUserId: 'ID!' },
    success: 'UnblockUserPayload',
    rule: (caller, args) => ruleUnblock(caller, asId(args.userId), String(args.otherUserId)),
    examples: (world) => [
      { who: 'user', values: { otherUserId: world.alice.id } },
      { who: 'service', values: { userId: world.alice.id, otherUserId: world.frank.id } },
      { who: 'user', values: { otherUserId: world.frank.id } },
      { who: 'user', values: { otherUserId: world.gina.id } },
    ],
  },
  // Presence (beyond the documented API)
  {
    name: 'setPresence',
    operation: 'mutation',
    args: {
      userId: 'ID',
      status: 'PresenceStatus!',
      activity: 'String',
      joinInfo: 'JSONObject',
      expiresInSeconds: 'Int',
    },
    success: 'SetPresencePayload',
    rule: (caller, args) =>
      rulePresence(caller, asId(args.userId), {
        activity: args.activity,
        joinInfo: args.joinInfo,
        expiresInSeconds: args.expiresInSeconds,
      }),
    presenceOf: (caller, args) => asId(args.userId) ?? subjectOf(caller),
    examples: (world) => [
      {
        who: 'user',
        values: {
          status: 'BUSY',
          activity: '😀'.repeat(128),
          joinInfo: { x: 'a'.repeat(1016) },
          expiresInSeconds: 86_400,
        },
      },
      { who: 'user', values: { status: 'BUSY', activity: '😀'.repeat(129) } },
      { who: 'user', values: { status: 'AWAY', joinInfo: { x: 'é'.repeat(509) } } },
      { who: 'user', values: { status: 'ONLINE', joinInfo: ['lobby'] } },
      { who: 'user', values: { status: 'ONLINE', activity: 'a\u0000b' } },
      { who: 'service', values: { userId: world.bob.id, status: 'INVISIBLE', expiresInSeconds: 0 } },
      { who: 'service', values: { userId: world.bob.id, status: 'INVISIBLE', expiresInSeconds: 86_401 } },
      { who: 'user', values: { userId: world.bob.id, status: 'ONLINE' } },
      { who: 'user', values: { status: 'OFFLINE' } },
      { who: 'service', values: { userId: 'ghost', status: 'ONLINE', expiresInSeconds: 60 } },
    ],
  },
  {
    name: 'sendGameNotification',
    operation: 'mutation',
    args: {
      userIds: '[ID!]!',
      type: 'String!',
      message: 'String!',
      payload: 'JSONObject',
      expiresInSeconds: 'Int',
    },
    success: 'SendGameNotificationPayload',
    rule: (caller, args) =>
      ruleGameNotification(caller, {
        userIds: args.userIds as string[],
        type: args.type,
        message: args.message,
        payload: args.payload,
        expiresInSeconds: args.expiresInSeconds,
      }),
    examples: (world) => [
      {
        who: 'service',
        values: {
          userIds: [world.alice.id, world.bob.id],
          type: 'game.match_found',
          message: 'Your match is ready',
          payload: { match: 'm-8841', slots: [1, 2] },
          expiresInSeconds: 600,
        },
      },
      { who: 'user', values: { userIds: [world.alice.id], type: 'game.match_found', message: 'Ready' } },
      { who: 'service', values: { userIds: [world.alice.id, 'ghost'], type: 'game.x', message: 'Ready' } },
      { who: 'service', values: { userIds: [world.alice.id, world.alice.id], type: 'game.x', message: 'Ready' } },
      { who: 'service', values: { userIds: [world.alice.id], type: 'match_found', message: 'Ready' } },
      { who: 'service', values: { userIds: [world.alice.id], type: `game.${'a'.repeat(65)}`, message: 'Ready' } },
      { who: 'service', values: { userIds: [world.alice.id], type: 'game.x', message: '   ' } },
      { who: 'service', values: { userIds: [world.alice.id], type: 'game.x', message: 'x'.repeat(501) } },
      {
        who: 'service',
        values: { userIds: [world.alice.id], type: 'game.x', message: 'a', payload: { x: 'a\u0000' } },
      },
      {
        who: 'service',
        values: { userIds: [world.alice.id], type: 'game.x', message: 'a', payload: { x: 'a'.repeat(4089) } },
      },
      {
        who: 'service',
        values: { userIds: [world.alice.id], type: 'game.x', message: 'a', payload: { x: 'a'.repeat(4090) } },
      },
      { who: 'service', values: { userIds: [world.alice.id], type: 'game.x', message: 'a', expiresInSeconds: 9 } },
      {
        who: 'service',
        values: { userIds: Array.from({ length: 1001 }, (_, i) => `u${i}`), type: 'game.x', message: 'a' },
      },
    ],
  },
  // Invites (beyond the documented API)
  {
    name: 'invites',
    operation: 'query',
    args: { userId: 'ID', direction: 'InviteDirection', status: 'InviteStatusFilter', ...pagingArgs },
    success: 'InvitePage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
    examples: (world) => [
      { who: 'user', values: {} },
      { who: 'user', values: { direction: 'SENT', status: 'PENDING', page: 1, perPage: 50 } },
      { who: 'user', values: { status: 'EXPIRED', first: 1 } },
      { who: 'user', values: { direction: 'sent' } },
      { who: 'service', values: { userId: world.erin.id, direction: 'RECEIVED', status: 'ALL', perPage: 51 } },
      { who: 'user', values: { direction: null, status: null } },
    ],
  },
  {
    name: 'sendInvite',
    operation: 'mutation',
    args: {
      userId: 'ID',
      receiverIds: '[ID!]!',
      message: 'String',
      joinInfo: 'JSONObject!',
      expiresInSeconds: 'Int',
    },
    success: 'SendInvitePayload',
    rule: (caller, args) =>
      ruleSendInvite(caller, asId(args.userId), {
        receiverIds: args.receiverIds as string[],
        message: args.message,
        joinInfo: args.joinInfo,
        expiresInSeconds: args.expiresInSeconds,
      }),
    onSuccess: (world, args, caller) =>
      recordInvitesSent(world, asId(args.userId) ?? subjectOf(caller), args.receiverIds as string[]),
    examples: (world) => {
      const lobby = { lobby: 'eu-7f3a' };
      return [
        { who: 'user', values: { receiverIds: [world.carol.id], message: ' Ranked? ', joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.carol.id, world.bob.id], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.carol.id, world.alice.id], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.carol.id, world.carol.id], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: Array.from({ length: 21 }, (_, i) => `u${i}`), joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.carol.id, 'ghost'], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.frank.id], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.gina.id], joinInfo: lobby } },
        { who: 'user', values: { receiverIds: [world.carol.id] } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: null } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: ['lobby'] } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: { x: 'a'.repeat(1016) } } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: { x: 'a'.repeat(1017) } } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: { x: 'a\u0000' } } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: lobby, message: 'x'.repeat(501) } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: lobby, expiresInSeconds: 9 } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: lobby, expiresInSeconds: 86_401 } },
        { who: 'user', values: { receiverIds: [world.carol.id], joinInfo: lobby, expiresInSeconds: 86_400 } },
        { who: 'user', values: { userId: world.bob.id, receiverIds: [world.erin.id], joinInfo: lobby } },
        { who: 'service', values: { userId: world.bob.id, receiverIds: [world.erin.id], joinInfo: lobby } },
        { who: 'service', values: { userId: world.carol.id, receiverIds: [world.alice.id], joinInfo: lobby } },
        { who: 'service', values: { userId: 'ghost', receiverIds: [world.carol.id], joinInfo: lobby } },
      ];
    },
  },
  ...(['accept', 'decline', 'cancel'] as const).map(
    (verb): FieldSpec => ({
      name: `${verb}Invite`,
      operation: 'mutation',
      args: { userId: 'ID', inviteId: 'ID!', ...(verb === 'decline' && { silent: 'Boolean' as const }) },
      success: `${verb[0]!.toUpperCase()}${verb.slice(1)}InvitePayload`,
      rule: (caller, args) => ruleInviteAction(caller, asId(args.userId), String(args.inviteId), verb),
      onSuccess: (world, args) => recordInviteAnswer(world, verb, String(args.inviteId)),
      examples: (world) => inviteExamples(world, verb),
    }),
  ),
  {
    name: 'relationships',
    operation: 'query',
    args: { userId: 'ID', userIds: '[ID!]!' },
    success: 'RelationshipList',
    rule: (caller, args) => ruleRelationships(caller, asId(args.userId), args.userIds as string[]),
    examples: (world) => [
      { who: 'user', values: { userIds: [world.carol.id, world.bob.id, world.frank.id, world.gina.id, 'ghost'] } },
      { who: 'service', values: { userId: world.bob.id, userIds: world.alice.id } },
      { who: 'user', values: { userIds: [] } },
      { who: 'user', values: { userIds: Array.from({ length: 101 }, () => world.bob.id) } },
    ],
  },
  // Player search (beyond the documented API)
  {
    name: 'searchUsers',
    operation: 'query',
    args: { query: 'String!', userId: 'ID', ...pagingArgs },
    success: 'FoundUserPage',
    rule: (caller, args) =>
      ruleSearch(caller, asId(args.userId), args.query as string, graphqlPaging(args, SEARCH_PER_PAGE)),
    examples: (world) => [
      { who: 'user', values: { query: 'ALI' } },
      { who: 'user', values: { query: ' gina ', perPage: 50 } },
      { who: 'user', values: { query: 'a' } },
      { who: 'user', values: { query: '  a  ' } },
      { who: 'user', values: { query: 'x'.repeat(64) } },
      { who: 'user', values: { query: 'x'.repeat(65) } },
      { who: 'user', values: { query: '😀'.repeat(64) } },
      { who: 'user', values: { query: '😀'.repeat(65) } },
      { who: 'user', values: { query: 'al\u0000' } },
      { who: 'user', values: { query: '\ud800ab' } },
      { who: 'user', values: { query: '%_' } },
      { who: 'user', values: { query: '(^|.*' } },
      { who: 'user', values: { query: '\u0301\u0301' } },
      { who: 'user', values: { query: 'erin', first: 1 } },
      { who: 'user', values: { query: 'erin', first: 1, page: 1 } },
      { who: 'user', values: { query: 'a', perPage: 0 } },
      { who: 'user', values: { query: 'al', perPage: 51 } },
      { who: 'user', values: { query: 'al', userId: world.bob.id } },
      { who: 'user', values: { query: 'a', userId: world.bob.id, perPage: 0 } },
      { who: 'user', values: { query: 'al', userId: world.alice.id } },
      { who: 'service', values: { query: 'al' } },
      { who: 'service', values: { query: 'ali', userId: world.gina.id } },
      { who: 'service', values: { query: 'ali', userId: world.frank.id } },
      { who: 'service', values: { query: 'al', userId: 'ghost' } },
      { who: 'service', values: { query: 'a', userId: 'ghost' } },
      { who: 'service', values: { query: 'al', userId: '' } },
      { who: 'service', values: { query: 'al', userId: 'x'.repeat(129) } },
    ],
  },
  // Friend codes (beyond the documented API)
  {
    name: 'friendCode',
    operation: 'query',
    args: { userId: 'ID' },
    success: 'FriendCode',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
    examples: (world) => [
      { who: 'user', values: {} },
      { who: 'user', values: { userId: world.bob.id } },
      { who: 'service', values: { userId: world.bob.id } },
      { who: 'service', values: { userId: 'fresh' } },
      { who: 'service', values: { userId: 'ghost' } },
      { who: 'service', values: { userId: '' } },
    ],
  },
  {
    name: 'rotateFriendCode',
    operation: 'mutation',
    args: { userId: 'ID' },
    success: 'RotateFriendCodePayload',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
    examples: (world) => [
      { who: 'user', values: {} },
      { who: 'user', values: { userId: world.bob.id } },
      { who: 'service', values: { userId: world.bob.id } },
      { who: 'service', values: { userId: 'fresh' } },
      { who: 'service', values: { userId: 'ghost' } },
    ],
  },
  // Nicknames, notes and favourites (beyond the documented API)
  {
    name: 'updateConnection',
    operation: 'mutation',
    args: { userId: 'ID', connectionId: 'ID!', nickname: 'String', note: 'String', favorite: 'Boolean' },
    success: 'Connection',
    rule: (caller, args) =>
      ruleUpdateConnection(caller, asId(args.userId), String(args.connectionId), {
        nickname: args.nickname as string | null | undefined,
        note: args.note as string | null | undefined,
        favorite: args.favorite as boolean | null | undefined,
      }),
    onSuccess: (world, args, caller) => {
      const userId = asId(args.userId) ?? subjectOf(caller);
      const id = String(args.connectionId);
      recordNotes(world, userId, id, notesAfter(world, userId, id, args));
    },
    examples: (world) => {
      const mine = world.connection;
      return [
        { who: 'user', values: { connectionId: mine, nickname: ' Carol the Great ', note: 'Duo\nqueue' } },
        { who: 'user', values: { connectionId: mine, nickname: 'x'.repeat(32), note: 'é'.repeat(256) } },
        { who: 'user', values: { connectionId: mine, nickname: 'x'.repeat(33) } },
        { who: 'user', values: { connectionId: mine, nickname: '😀'.repeat(32) } },
        { who: 'user', values: { connectionId: mine, note: 'x'.repeat(257) } },
        { who: 'user', values: { connectionId: mine, nickname: 'a\tb' } },
        { who: 'user', values: { connectionId: mine, nickname: 'a\u0000b' } },
        { who: 'user', values: { connectionId: mine, nickname: null, note: '' } },
        { who: 'user', values: { connectionId: mine } },
        { who: 'user', values: { connectionId: mine, favorite: null } },
        { who: 'user', values: { connectionId: mine, favorite: false } },
        { who: 'user', values: { connectionId: Number(mine), favorite: true } },
        { who: 'user', values: { connectionId: world.connectionOther, favorite: true } },
        { who: 'user', values: { connectionId: world.requestIn, favorite: true } },
        { who: 'user', values: { connectionId: 'abc', nickname: 'x'.repeat(33) } },
        { who: 'user', values: { connectionId: '9007199254740993', nickname: 'x'.repeat(33) } },
        { who: 'user', values: { userId: world.bob.id, connectionId: world.connectionOther, favorite: true } },
        { who: 'service', values: { userId: world.bob.id, connectionId: world.connectionOther, nickname: 'E' } },
        { who: 'service', values: { userId: world.carol.id, connectionId: mine, note: 'Hers, not alice’s' } },
        { who: 'service', values: { userId: 'ghost', connectionId: mine, favorite: true } },
      ];
    },
  },
  // Recent players (beyond the documented API)
  {
    name: 'recordRecentPlayers',
    operation: 'mutation',
    args: { players: '[ID!]!', context: 'String' },
    success: 'RecordRecentPlayersPayload',
    rule: (caller, args) =>
      ruleRecordRecentPlayers(caller, { players: args.players as string[], context: args.context }),
    examples: (world) => {
      const { alice, bob, carol, dave, erin, frank, gina } = world;
      const roster = Array.from({ length: 100 }, (_, i) => `u${i}`);
      return [
        { who: 'service', values: { players: [alice.id, bob.id], context: 'match-1' } },
        {
          who: 'service',
          values: { players: [alice.id, bob.id, carol.id, dave.id, erin.id, frank.id, gina.id], context: ' duo ' },
        },
        { who: 'user', values: { players: [alice.id, bob.id] } },
        { who: 'service', values: { players: [alice.id] } },
        { who: 'service', values: { players: alice.id } },
        { who: 'service', values: { players: [] } },
        { who: 'service', values: { players: [alice.id, alice.id] } },
        { who: 'service', values: { players: [alice.id, 'ghost'] } },
        { who: 'service', values: { players: ['', alice.id, alice.id] } },
        { who: 'service', values: { players: [alice.id, alice.id, ''] } },
        { who: 'service', values: { players: [alice.id, 'x\u0000'] } },
        { who: 'service', values: { players: [alice.id, 'x'.repeat(129)] } },
        { who: 'service', values: { players: roster } },
        { who: 'service', values: { players: [...roster, 'u100'] } },
        { who: 'service', values: { players: [alice.id, bob.id], context: '😀'.repeat(128) } },
        { who: 'service', values: { players: [alice.id, bob.id], context: 'x'.repeat(129) } },
        { who: 'service', values: { players: [alice.id, bob.id], context: 'a\u0000' } },
        { who: 'service', values: { players: [alice.id, bob.id], context: '   ' } },
        { who: 'user', values: { players: [alice.id], context: 'x'.repeat(129) } },
      ];
    },
  },
  {
    name: 'recentPlayers',
    operation: 'query',
    args: { userId: 'ID', ...pagingArgs },
    success: 'RecentPlayerPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, RECENT_PLAYERS_PER_PAGE)),
    examples: (world) => [
      { who: 'user', values: {} },
      { who: 'user', values: { perPage: 50, page: 1 } },
      { who: 'user', values: { first: 1 } },
      { who: 'user', values: { first: 1, page: 1 } },
      { who: 'user', values: { perPage: 0 } },
      { who: 'user', values: { userId: world.bob.id } },
      { who: 'service', values: { userId: world.gina.id, perPage: 51 } },
      { who: 'service', values: { userId: 'ghost' } },
    ],
  },
];

/**
 * The calls on invites the model must get right whatever is generated: the receiver answering,
 * then again; the sender answering; the receiver withdrawing; the sender withdrawing, then again;
 * an expired invite; someone else's; an id of another kind; a user that does not exist.
 */
function inviteExamples(world: World, verb: InviteVerb): { who: Actor; values: Record<string, unknown> }[] {
  const mine = verb === 'cancel' ? world.inviteOut : world.inviteIn;
  const notMine = verb === 'cancel' ? world.inviteIn : world.inviteOut;
  return [
    { who: 'user', values: { inviteId: notMine } },
    { who: 'user', values: { inviteId: mine, ...(verb === 'decline' && { silent: true }) } },
    { who: 'user', values: { inviteId: Number(mine) } },
    { who: 'user', values: { inviteId: world.inviteExpired } },
    { who: 'service', values: { userId: world.carol.id, inviteId: world.inviteExpired } },
    { who: 'user', values: { inviteId: world.inviteOther } },
    { who: 'service', values: { userId: world.bob.id, inviteId: world.inviteOther } },
    { who: 'service', values: { userId: world.erin.id, inviteId: world.inviteOther } },
    { who: 'user', values: { inviteId: world.requestIn } },
    { who: 'user', values: { userId: world.carol.id, inviteId: world.inviteIn } },
    { who: 'service', values: { userId: 'ghost', inviteId: world.inviteIn } },
    { who: 'service', values: { userId: 'ghost', inviteId: 'x' } },
  ];
}

/** Whether a JSON variable value coerces to the argument's type (GraphQL input coercion). */
export function coercesTo(type: ArgType, value: unknown): boolean {
  if (value === undefined) return !type.endsWith('!');
  if (value === null) return !type.endsWith('!');
  if (type === '[ID!]!') {
    // A single value stands for a list of one (input coercion of lists).
    return (Array.isArray(value) ? value : [value]).every((item) => coercesTo('ID!', item));
  }
  switch (type.replace('!', '')) {
    case 'ID':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
    case 'String':
      return typeof value === 'string';
    case 'Int':
      return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value <= MAX_INT;
    case 'Boolean':
      return typeof value === 'boolean';
    case 'JSONObject':
      // Any JSON object: not null (an absent value), not a list.
      return isPlainObject(value);
    default:
      return typeof value === 'string' && ENUM_VALUES[type.replace('!', '')]!.includes(value);
  }
}

/** The value as the resolver sees it after coercion (IDs are strings, lists are lists). */
export function coerced(type: ArgType, value: unknown): unknown {
  if (type === '[ID!]!') return (Array.isArray(value) ? value : [value]).map((item) => coerced('ID!', item));
  return type.startsWith('ID') && typeof value === 'number' ? String(value) : value;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A JSON value written as an untyped GraphQL literal (how a scalar of JSON reads it back), or
 * null when GraphQL cannot write it: a key that is no GraphQL name, a string with a lone
 * surrogate (GraphQL refuses its escape).
 */
function jsonLiteral(value: unknown): string | null {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return hasLoneSurrogate(value) ? null : JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = value.map(jsonLiteral);
    return items.every((item) => item !== null) ? `[${items.join(', ')}]` : null;
  }
  const fields = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
    const text = jsonLiteral(item);
    return GRAPHQL_NAME.test(key) && text !== null ? `${key}: ${text}` : null;
  });
  return fields.every((field) => field !== null) ? `{ ${fields.join(', ')} }` : null;
}

/** A GraphQL literal for a value, and whether that literal is valid for the type. */
export function literal(type: ArgType, value: unknown): { text: string; valid: boolean } {
  const base = type.replace('!', '');
  if (value === null) return { text: 'null', valid: !type.endsWith('!') };
  if (base === 'JSONObject') {
    // An object literal is a JSON object; any other literal is not. One GraphQL cannot write is
    // sent as a string (not an object either).
    const text = jsonLiteral(value);
    if (text === null) return { text: JSON.stringify(JSON.stringify(value)), valid: false };
    return { text, valid: isPlainObject(value) };
  }
  if (type === '[ID!]!') {
    if (!Array.isArray(value)) return literal('ID!', value);
    const items = value.map((item) => literal('ID!', item));
    return { text: `[${items.map((item) => item.text).join(', ')}]`, valid: items.every((item) => item.valid) };
  }
  if (typeof value === 'string') {
    if (base in ENUM_VALUES && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) {
      if (['true', 'false', 'null'].includes(value)) return { text: JSON.stringify(value), valid: false };
      return { text: value, valid: ENUM_VALUES[base]!.includes(value) };
    }
    // A JSON string is a GraphQL string, except that GraphQL refuses escaped lone surrogates.
    return { text: JSON.stringify(value), valid: (base === 'ID' || base === 'String') && !hasLoneSurrogate(value) };
  }
  if (typeof value === 'number') {
    const text = String(value);
    const isInt = /^-?\d+$/.test(text);
    const valid = isInt && (base === 'ID' || (base === 'Int' && value >= -(2 ** 31) && value <= MAX_INT));
    return { text: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? text : '"not-a-number"', valid: valid && isInt };
  }
  if (typeof value === 'boolean') return { text: String(value), valid: base === 'Boolean' };
  // Lists and objects are never valid for these scalar arguments.
  return { text: Array.isArray(value) ? '[1, "x"]' : '{ a: 1 }', valid: false };
}

/** A variable type that no argument of this type accepts. */
export const WRONG_DECLARATION: Record<string, string> = {
  ID: 'Int',
  String: 'Int',
  Int: 'String',
  Boolean: 'String',
  ConnectionRequestStatusFilter: 'String',
  RequestPolicy: 'String!',
  ConnectionPresenceFilter: 'String',
  PresenceSharing: 'String',
  PresenceStatus: 'String!',
  // A string is no JSON object, even one that holds JSON.
  JSONObject: 'String',
  InviteDirection: 'String',
  InviteStatusFilter: 'String',
  InvitePolicy: 'String',
  ConnectionSort: 'String',
  // `[ID!]!` with its first `!` dropped: a single ID is not a list (variables are not coerced).
  '[ID]!': 'ID!',
};

export function argumentValue(type: ArgType, world: World, field: string): fc.Arbitrary<unknown> {
  const base = type.replace('!', '');
  const wrong = { arbitrary: wrongJsonType, weight: 1 };
  const omitted = (weight: number) => ({ arbitrary: fc.constant(undefined), weight });
  if (type === '[ID!]!') {
    // Invites go to alice's connection (carol), to erin who takes none, to those she blocks or
    // who block her: up to 20 of them.
    const invited = field === 'receiverIds';
    const userIds = [
      world.alice.id,
      world.bob.id,
      world.carol.id,
      world.dave.id,
      world.frank.id,
      'ghost',
      ...(invited ? [world.carol.id, world.carol.id, world.erin.id, world.gina.id] : []),
    ];
    const [fewest, most] = invited ? [19, 21] : [99, 101];
    const item = fc.oneof(
      { arbitrary: fc.constantFrom(...userIds), weight: 6 },
      { arbitrary: fc.constantFrom(...userIds).map((id) => (/^\d+$/.test(id) ? Number(id) : id)), weight: 1 },
      { arbitrary: hostileIdValue, weight: 2 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: fc.constantFrom(null, true, 1.5, {}, [world.alice.id]), weight: 1 },
    );
    return fc.oneof(
      { arbitrary: fc.array(item, { minLength: 1, maxLength: 5 }), weight: 6 },
      { arbitrary: fc.array(fc.constantFrom(...userIds), { minLength: 1, maxLength: 5 }), weight: 3 },
      { arbitrary: fc.constant([]), weight: 1 },
      {
        arbitrary: fc
          .integer({ min: fewest, max: most })
          .chain((n) => fc.array(fc.constantFrom(...userIds), { minLength: n, maxLength: n })),
        weight: 1,
      },
      // A single ID stands for a list of one.
      { arbitrary: fc.constantFrom(...userIds), weight: 1 },
      wrong,
      omitted(1),
    );
  }
  if (base === 'ID') {
    const known =
      field === 'userId' || field === 'receiverId'
        ? [world.alice.id, world.alice.id, world.bob.id, world.carol.id, world.dave.id, 'fresh']
        : field === 'otherUserId'
          ? [world.alice.id, world.bob.id, world.carol.id, world.dave.id, world.frank.id, world.gina.id, 'fresh']
          : field === 'inviteId'
            ? [world.inviteIn, world.inviteOut, world.inviteOther, world.inviteExpired, world.requestIn]
            : [world.requestIn, world.requestOut, world.connection, world.connectionOther, world.notification];
    return fc.oneof(
      { arbitrary: fc.constantFrom(...known), weight: 4 },
      { arbitrary: fc.constantFrom(...known).map((id) => (/^\d+$/.test(id) ? Number(id) : id)), weight: 1 },
      { arbitrary: hostileIdValue, weight: 3 },
      wrong,
      // An omitted userId acts as the token's subject; an omitted receiverId leaves room for a friend code.
      omitted(field === 'userId' ? 3 : field === 'receiverId' ? 5 : 1),
    );
  }
  if (field === 'after') {
    // Cursors: mostly none; else garbage, or base64url of "time:id" with hostile numbers.
    const forged = fc
      .tuple(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constant(8.64e15 + 1)), fc.oneof(fc.nat(), fc.maxSafeNat()))
      .map(([time, id]) => Buffer.from(`${time}:${id}`).toString('base64url'));
    // And the world's cursors of alice's list of connections, one of each order.
    const real = fc.constantFrom(world.cursors.newest, world.cursors.favorites);
    return fc.oneof(
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: forged, weight: 1 },
      { arbitrary: real, weight: 2 },
      wrong,
      omitted(8),
    );
  }
  if (field === 'friendCode') {
    // Mostly none (a receiverId is given instead), else as players type codes, or not.
    return fc.oneof({ arbitrary: friendCodeValue(world), weight: 8 }, wrong, omitted(8));
  }
  if (field === 'nickname' || field === 'note' || field === 'context') {
    // Around their limits (32, 256 and 128 characters), blank, and what one line cannot show.
    const limit = { nickname: 32, note: 256, context: 128 }[field];
    return fc.oneof(
      { arbitrary: hostileText, weight: 4 },
      {
        arbitrary: fc.constantFrom(
          'Caz',
          ' Carol ',
          '',
          '  ',
          'a\nb',
          'a\tb',
          'x'.repeat(limit),
          'x'.repeat(limit + 1),
          '😀'.repeat(limit),
          '😀'.repeat(limit + 1),
        ),
        weight: 3,
      },
      wrong,
      omitted(3),
    );
  }
  if (base === 'JSONObject') return joinInfoValue;
  if (field === 'query') {
    // A search: part of a name of the world as typed, the edge cases of its length and form, or hostile text.
    const names = namedUsers(world).map((user) => user.name);
    return fc.oneof({ arbitrary: searchText(names), weight: 8 }, wrong, omitted(1));
  }
  if (field === 'activity') {
    // What a game words: around its 128 characters too (hostileText has 128 and 129 of a kind).
    return fc.oneof(
      { arbitrary: hostileText, weight: 6 },
      { arbitrary: fc.constantFrom('Ranked — 3rd round', '', 'x'.repeat(128), '😀'.repeat(129)), weight: 2 },
      wrong,
      omitted(2),
    );
  }
  if (base === 'String') return fc.oneof({ arbitrary: hostileText, weight: 6 }, wrong, omitted(1));
  if (base === 'Int') {
    return fc.oneof(
      // A time to live: 1 to 86,400 seconds (an invite's: 10 to 86,400).
      ...(field === 'expiresInSeconds'
        ? [{ arbitrary: fc.constantFrom(0, 1, 9, 10, 60, 3600, 86_399, 86_400, 86_401), weight: 4 }]
        : []),
      { arbitrary: fc.integer({ min: -2, max: 55 }), weight: 5 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, -0, 1e21, '1', 'abc'), weight: 1 },
      wrong,
      omitted(field === 'first' ? 12 : 6),
    );
  }
  if (base === 'Boolean')
    return fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, fc.constantFrom('true', 0, 1), wrong, omitted(2));
  const values = ENUM_VALUES[base]!;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...values), weight: 4 },
    fc.constantFrom(...values.map((value) => value.toLowerCase()), 'Pending', 'REJECTED', 'true', ''),
    hostileText.filter((text) => text.length < 200),
    wrong,
    omitted(type.endsWith('!') ? 1 : 2),
  );
}

export interface GraphQLReply {
  status: number;
  text: string;
  json: unknown;
}

export type GraphQLResult = {
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
  data: any;
};

/** Checks one GraphQL result: `data` and/or `errors`, no masked unexpected error. */
function checkGraphQLResult(result: unknown, status: number, details: Record<string, unknown>): GraphQLResult {
  if (!isPlainObject(result)) throw violation('GraphQL answer is not a JSON object', details);
  const unknownKeys = Object.keys(result).filter((key) => !['data', 'errors', 'extensions'].includes(key));
  if (unknownKeys.length > 0 || (!('data' in result) && !('errors' in result))) {
    throw violation('GraphQL answer is not {data, errors}', details);
  }
  const errors = result.errors as GraphQLResult['errors'];
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) throw violation('errors is not a non-empty list', details);
    for (const error of errors) {
      if (!isPlainObject(error) || typeof error.message !== 'string') throw violation('malformed error', details);
      if (error.message === 'Unexpected error.') throw violation('masked unexpected error (a server failure)', details);
    }
  }
  if (status !== 200 && errors === undefined) throw violation('non-200 answer without errors', details);
  return { errors, data: result.data };
}

/**
 * Checks that a GraphQL answer is well-formed: no 5xx, a JSON object with `data` and/or
 * `errors` (or the documented 413 body; or, for a batch sent as a JSON array, an array of such
 * results). Returns its errors and data (of every result of a batch).
 */
export function checkGraphQLShape(reply: GraphQLReply, context: Record<string, unknown>, batch = false): GraphQLResult {
  const details = { ...context, status: reply.status, response: reply.text };
  if (reply.status >= 500) throw violation('5xx answer', details);
  const body = reply.json;
  if (reply.status === 413) {
    if (!isPlainObject(body) || body.code !== 'PAYLOAD_TOO_LARGE' || body.error !== 'Payload Too Large') {
      throw violation('413 without the documented body', details);
    }
    return { errors: [{ message: String(body.message) }], data: undefined };
  }
  if (batch && Array.isArray(body)) {
    const results = body.map((result) => checkGraphQLResult(result, reply.status, details));
    const errors = results.flatMap((result) => result.errors ?? []);
    return { errors: errors.length > 0 ? errors : undefined, data: Object.assign({}, ...results.map((r) => r.data)) };
  }
  return checkGraphQLResult(body, reply.status, details);
}

/** A document refused by a limit of the gateway (depth, cost, tokens…) before it ran. */
export const refusedByLimit = (errors: GraphQLResult['errors']) =>
  errors?.every((error) => typeof error.extensions?.code === 'string' && /_EXCEEDED$/.test(error.extensions.code)) ??
  false;
