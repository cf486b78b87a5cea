import { describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../packages/client/src/http.js';
import {
  ActiveConnections,
  FriendCode,
  RecentPlayers,
  RecordRecentPlayers,
  RotateFriendCode,
  SendRequestByCode,
  UpdateConnection,
} from '../../packages/client/src/operations.js';
import { createTenant, type SeededUser, useTestServer } from '../helpers/app.js';

/**
 * The typed client's documents for friend codes, nicknames and stars, and recent players, run as
 * a game UI runs them (`createHttpClient`): what each answers, payload or typed error.
 */
const server = useTestServer();

const clientOf = (token: string): HttpClient => createHttpClient({ url: `${server.url}/graphql`, token });
const as = (user: SeededUser) => clientOf(user.token);

/** The field's payload, failing the test with the typed error when it is one. */
function payload<T extends { __typename: string }, N extends T['__typename']>(
  result: T,
  typename: N,
): Extract<T, { __typename: N }> {
  if (result.__typename !== typename) throw new Error(`expected ${typename}, got ${JSON.stringify(result)}`);
  return result as Extract<T, { __typename: N }>;
}

describe('FriendCode, RotateFriendCode, SendRequestByCode', () => {
  it('should send a request to the owner of a code typed in lower case without its dash, and answer a code that names no one, or none at all, as typed errors', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const first = payload((await as(alice).request(FriendCode)).friendCode, 'FriendCode');
    expect(first.value).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const rotated = payload((await as(alice).request(RotateFriendCode)).rotateFriendCode, 'RotateFriendCodePayload');
    expect(rotated.friendCode.value).not.toBe(first.value);

    const old = (await as(bob).request(SendRequestByCode, { friendCode: first.value })).sendConnectionRequest;
    expect(old).toMatchObject({ __typename: 'NotFoundError', code: 'FRIEND_CODE_NOT_FOUND' });
    const notACode = (await as(bob).request(SendRequestByCode, { friendCode: 'hello' })).sendConnectionRequest;
    expect(notACode).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: 'friendCode' });

    const typed = rotated.friendCode.value.replace('-', '').toLowerCase();
    const sent = payload(
      (await as(bob).request(SendRequestByCode, { friendCode: typed, message: 'GG' })).sendConnectionRequest,
      'SendConnectionRequestPayload',
    );
    expect(sent.request).toMatchObject({
      status: 'PENDING',
      message: 'GG',
      sender: { clientUserId: bob.id },
      receiver: { clientUserId: alice.id, displayName: alice.displayName },
    });
  });
});

describe('UpdateConnection, ActiveConnections(sort: FAVORITES)', () => {
  it('should keep a nickname, a note and a star for the player alone, and list starred friends first', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(alice, bob);
    await tenant.connect(alice, carol); // the newest: first unless bob is starred
    const newest = payload((await as(alice).request(ActiveConnections)).activeConnections, 'ConnectionPage');
    expect(newest.nodes.map((node) => node.connectedUser.clientUserId)).toEqual([carol.id, bob.id]);
    const withBob = newest.nodes[1]!;

    const updated = payload(
      (
        await as(alice).request(UpdateConnection, {
          connectionId: withBob.id,
          nickname: '  Bobby  ',
          note: 'Tank main',
          favorite: true,
        })
      ).updateConnection,
      'Connection',
    );
    expect(updated).toMatchObject({ id: withBob.id, nickname: 'Bobby', note: 'Tank main', favorite: true });

    const starred = payload(
      (await as(alice).request(ActiveConnections, { sort: 'FAVORITES' })).activeConnections,
      'ConnectionPage',
    );
    expect(starred.nodes.map((node) => [node.connectedUser.clientUserId, node.nickname, node.favorite])).toEqual([
      [bob.id, 'Bobby', true],
      [carol.id, null, false],
    ]);
    // Only the variables given change: an empty nickname clears it and keeps the note and the star.
    const cleared = payload(
      (await as(alice).request(UpdateConnection, { connectionId: withBob.id, nickname: '' })).updateConnection,
      'Connection',
    );
    expect(cleared).toMatchObject({ nickname: null, note: 'Tank main', favorite: true });
    // Bob's side of the connection carries none of it.
    const bobs = payload((await as(bob).request(ActiveConnections)).activeConnections, 'ConnectionPage');
    expect(bobs.nodes).toMatchObject([
      { connectedUser: { clientUserId: alice.id }, nickname: null, note: null, favorite: false },
    ]);

    const tooLong = (await as(alice).request(UpdateConnection, { connectionId: withBob.id, nickname: 'x'.repeat(33) }))
      .updateConnection;
    expect(tooLong).toMatchObject({ __typename: 'ValidationError', field: 'nickname' });
    const notMine = (await as(carol).request(UpdateConnection, { connectionId: withBob.id, favorite: true }))
      .updateConnection;
    expect(notMine).toMatchObject({ __typename: 'NotFoundError', code: 'CONNECTION_NOT_FOUND' });
  });
});

describe('RecordRecentPlayers, RecentPlayers', () => {
  it('should list the players a service token recorded together, each with how the player stands with it', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(alice, carol);
    const backend = clientOf(tenant.serviceToken);
    const recorded = payload(
      (await backend.request(RecordRecentPlayers, { players: [alice.id, bob.id, carol.id], context: 'match-1' }))
        .recordRecentPlayers,
      'RecordRecentPlayersPayload',
    );
    expect(recorded.players).toBe(3);

    const page = payload((await as(alice).request(RecentPlayers)).recentPlayers, 'RecentPlayerPage');
    const seen = page.nodes.map(({ user, context, relationship }) => [user.clientUserId, context, relationship.status]);
    expect(seen.sort()).toEqual([
      [bob.id, 'match-1', 'NONE'],
      [carol.id, 'match-1', 'CONNECTED'],
    ]);

    // A player cannot say whom it played with: only the game's backend knows.
    const byPlayer = (await as(alice).request(RecordRecentPlayers, { players: [alice.id, bob.id] }))
      .recordRecentPlayers;
    expect(byPlayer).toMatchObject({ __typename: 'ForbiddenError', code: 'MATCH_RECORDING_SERVICE_ONLY' });
  });
});
