import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/app.js';

/** The players of a graph, by `client_user_id`; their display names are capitalised. */
const PLAYERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina'] as const;
export type Player = (typeof PLAYERS)[number];

/**
 * A small social graph around alice, the same in every tenant it is built in: bob is her
 * connection (and carol's), carol and dave have a request pending with her (to her, from her),
 * she declined gina's, she blocks erin, frank is a stranger. Her notifications tell of it. Bob is
 * busy in a match, as his game server said (for an hour, so nothing lapses during a run), with
 * what his connections need to join him. Alice starred bob, named him and noted something; bob
 * named her too (each side's own). Alice, bob, erin and frank played a match together, as the
 * game's backend reported it. Frank has a friend code.
 */
export interface Graph {
  tenant: string;
  /** Tokens: each player's own, and the tenant's service token (a game backend). */
  tokens: Record<Player | 'service', string>;
  /** Public ids of what the graph holds. */
  ids: {
    connectionWithBob: string;
    requestFromCarol: string;
    requestToDave: string;
    requestFromGina: string;
    /** An invite bob sent alice, and one alice sent bob: pending. */
    inviteFromBob: string;
    inviteToBob: string;
    /** Alice's notifications, oldest first. */
    notifications: string[];
    /** Frank's friend code (drawn at random: twins hold different codes). */
    friendCodeOfFrank: string;
  };
}

/** Runs `query` with the tenant's service token; throws unless every root field succeeded. */
async function asService(server: TestServer, token: string, query: string): Promise<Record<string, any>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
  const failed = Object.entries(body.data ?? {}).filter(([, value]) => /Error$/.test(value?.__typename ?? ''));
  if (body.errors || !body.data || failed.length > 0)
    throw new Error(`building a graph failed: ${JSON.stringify(body)}`);
  return body.data;
}

/**
 * Builds the graph in a tenant of its own as a game backend would, with its service token. The
 * root fields of a mutation run one after another, in order, so that two graphs built alike
 * hold the same rows in the same order (only ids, times and friend codes differ), in five round
 * trips.
 */
export async function buildGraph(server: TestServer): Promise<Graph> {
  const tenant = `diff-${randomUUID()}`;
  const tokens = Object.fromEntries(
    await Promise.all([
      ...PLAYERS.map(async (player) => [player, await server.token(player, { tenant })] as const),
      (async () => ['service', await server.token('backend', { tenant, role: 'service' })] as const)(),
    ]),
  ) as Graph['tokens'];
  const send = (alias: string, from: Player, to: Player, message?: string) =>
    `${alias}: sendConnectionRequest(userId: "${from}", receiverId: "${to}"${message ? `, message: "${message}"` : ''}) {
      __typename ... on SendConnectionRequestPayload { request { id } } }`;
  const sent = await asService(
    server,
    tokens.service,
    `mutation {
      ${PLAYERS.map((p) => `${p}: upsertUser(userId: "${p}", displayName: "${p[0]?.toUpperCase()}${p.slice(1)}") { __typename }`).join(' ')}
      ${send('aliceToBob', 'alice', 'bob', 'Duo tonight?')}
      ${send('bobToCarol', 'bob', 'carol')}
      ${send('ginaToAlice', 'gina', 'alice')}
      ${send('carolToAlice', 'carol', 'alice', 'Saw you in ranked')}
      ${send('aliceToDave', 'alice', 'dave')}
    }`,
  );
  const requestId = (alias: string) => String(sent[alias].request.id);
  await asService(
    server,
    tokens.service,
    `mutation {
      bob: acceptConnectionRequest(userId: "bob", requestId: "${requestId('aliceToBob')}") { __typename }
      carol: acceptConnectionRequest(userId: "carol", requestId: "${requestId('bobToCarol')}") { __typename }
      gina: declineConnectionRequest(userId: "alice", requestId: "${requestId('ginaToAlice')}") { __typename }
      erin: blockUser(userId: "alice", otherUserId: "erin") { __typename }
    }`,
  );
  const invited = await asService(
    server,
    tokens.service,
    `mutation {
      bob: setPresence(userId: "bob", status: BUSY, activity: "Ranked — 3rd round",
        joinInfo: { lobby: "eu-7f3a", slots: 2, ranked: true, mode: null, tags: ["duo", "eu"] }, expiresInSeconds: 3600) {
        __typename
      }
      fromBob: sendInvite(userId: "bob", receiverIds: ["alice"], message: "Duo queue?",
        joinInfo: { lobby: "eu-7f3a", slots: 2 }, expiresInSeconds: 3600) {
        __typename ... on SendInvitePayload { invites { id } }
      }
      toBob: sendInvite(userId: "alice", receiverIds: ["bob"], joinInfo: { lobby: "eu-1c2d" }) {
        __typename ... on SendInvitePayload { invites { id } }
      }
      match: recordRecentPlayers(players: ["alice", "bob", "erin", "frank"], context: "match-8841") { __typename }
    }`,
  );
  const read = await asService(
    server,
    tokens.service,
    `{
      activeConnections(userId: "alice") { __typename ... on ConnectionPage { nodes { id } } }
      notifications(userId: "alice") { __typename ... on NotificationPage { nodes { id } } }
      friendCode(userId: "frank") { __typename ... on FriendCode { value } }
    }`,
  );
  const connectionWithBob = String(read.activeConnections.nodes[0].id);
  await asService(
    server,
    tokens.service,
    `mutation {
      alice: updateConnection(userId: "alice", connectionId: "${connectionWithBob}", nickname: "Bobby",
        note: "Plays support — EU evenings", favorite: true) { __typename }
      bob: updateConnection(userId: "bob", connectionId: "${connectionWithBob}", nickname: "Al") { __typename }
    }`,
  );
  return {
    tenant,
    tokens,
    ids: {
      connectionWithBob,
      requestFromCarol: requestId('carolToAlice'),
      requestToDave: requestId('aliceToDave'),
      requestFromGina: requestId('ginaToAlice'),
      inviteFromBob: String(invited.fromBob.invites[0].id),
      inviteToBob: String(invited.toBob.invites[0].id),
      notifications: (read.notifications.nodes as { id: string }[]).map((n) => String(n.id)).reverse(),
      friendCodeOfFrank: String(read.friendCode.value),
    },
  };
}

/**
 * What a client would pass for argument `argument` of field `coordinate` (`Type.field`) when
 * acting in `graph` as `actingUser`; undefined when the argument is better left out.
 */
export function argumentValue(graph: Graph, coordinate: string, argument: string, actingUser: string): unknown {
  const byCoordinate: Record<string, unknown> = {
    'Mutation.sendConnectionRequest.receiverId': 'frank',
    // A document that passes receiverId too is refused (one or the other); TestSendByCode sends by code alone.
    'Mutation.sendConnectionRequest.friendCode': graph.ids.friendCodeOfFrank.toLowerCase(),
    'Mutation.acceptConnectionRequest.requestId': graph.ids.requestFromCarol,
    'Mutation.declineConnectionRequest.requestId': graph.ids.requestFromCarol,
    'Mutation.cancelConnectionRequest.requestId': graph.ids.requestToDave,
    'Mutation.removeConnection.connectionId': graph.ids.connectionWithBob,
    'Mutation.markNotificationRead.notificationId': graph.ids.notifications[0],
    'Mutation.deleteNotification.notificationId': graph.ids.notifications[1],
    'Mutation.blockUser.otherUserId': 'frank',
    'Mutation.unblockUser.otherUserId': 'erin',
    'Mutation.updateSettings.acceptRequestsFrom': 'FRIENDS_OF_FRIENDS',
    'Mutation.updateSettings.sharePresence': 'NOBODY',
    'Mutation.setPresence.status': 'AWAY',
    'Mutation.setPresence.activity': 'In the lobby — back in 5',
    'Mutation.setPresence.joinInfo': { lobby: 'na-2b', server: { host: 'na-2.example', port: 7777 }, open: true },
    'Mutation.setPresence.expiresInSeconds': 3600,
    // Only connections not offline: bob, busy.
    'Query.activeConnections.presence': 'ONLINE',
    // Her favourites (bob), first.
    'Query.activeConnections.favorite': true,
    'Query.activeConnections.sort': 'FAVORITES',
    'Mutation.updateConnection.connectionId': graph.ids.connectionWithBob,
    'Mutation.updateConnection.nickname': 'Bob the Tank',
    'Mutation.updateConnection.note': 'Duo partner, plays support',
    'Mutation.updateConnection.favorite': false,
    // The backend only: a user token is refused.
    'Mutation.recordRecentPlayers.players': ['alice', 'carol', 'gina'],
    'Mutation.recordRecentPlayers.context': 'match-9120',
    'Mutation.upsertUser.displayName': 'Alice the Bold',
    'Mutation.sendConnectionRequest.message': 'gg, add me?',
    'Mutation.sendGameNotification.userIds': ['bob', 'carol'],
    'Mutation.sendGameNotification.type': 'game.match_found',
    'Mutation.sendGameNotification.message': 'Your match is ready',
    'Mutation.sendGameNotification.payload': { match: 'm-8841', slots: [1, 2], ranked: true },
    'Mutation.sendGameNotification.expiresInSeconds': 600,
    'Query.notifications.types': ['NEW_REQUEST', 'game.match_found'],
    'Query.searchUsers.query': 'in',
    'Mutation.sendInvite.receiverIds': ['bob'],
    'Mutation.sendInvite.message': 'Ranked — one more?',
    'Mutation.sendInvite.joinInfo': { lobby: 'eu-9e1f', server: { host: 'eu-9.example', port: 7777 } },
    'Mutation.sendInvite.expiresInSeconds': 600,
    'Mutation.acceptInvite.inviteId': graph.ids.inviteFromBob,
    'Mutation.declineInvite.inviteId': graph.ids.inviteFromBob,
    'Mutation.cancelInvite.inviteId': graph.ids.inviteToBob,
    'Mutation.updateSettings.acceptInvitesFrom': 'NOBODY',
    'Query.invites.direction': 'SENT',
    'Query.mutualConnections.otherUserId': 'carol',
    'Query.relationships.userIds': ['bob', 'carol', 'dave', 'erin', 'frank', 'gina', 'nobody'],
    'User.mutualConnectionCount.withUserId': 'carol',
    // Replays every notification after her first one.
    'Subscription.notificationAdded.after': graph.ids.notifications[0],
    // What the selection keeps: everything.
    '@include.if': true,
    '@skip.if': false,
  };
  const byName: Record<string, unknown> = {
    userId: actingUser,
    first: 2,
    perPage: 2,
    page: 1,
    status: 'ALL',
    unreadOnly: false,
  };
  const key = `${coordinate}.${argument}`;
  if (Object.hasOwn(byCoordinate, key)) return byCoordinate[key];
  return Object.hasOwn(byName, argument) ? byName[argument] : undefined;
}
