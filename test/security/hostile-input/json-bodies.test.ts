/**
 * Hostile JSON bodies: the REST routes that read one, sent generated fields (texts of every kind,
 * wrong JSON types, extra and repeated keys, `__proto__`), malformed JSON, JSON that is not an
 * object, wrong content types and bodies past the REST limit; and ids that are not well-formed
 * Unicode, which only JSON can carry. See harness.ts for what every answer must be and how runs
 * reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asStored, canonicalJson, fail, type Outcome, TEN_MB } from './contract.js';
import {
  actor,
  bodyOf,
  type ContentType,
  contentType,
  friendCodeValue,
  hostileIdValue,
  hostileSegment,
  hostileText,
  joinInfoValue,
  pathUser,
  type Segment,
  segmentOf,
  wrongJsonType,
} from './generators.js';
import { params, RUNS, useHostileInput } from './harness.js';
import {
  type Call,
  describeCall,
  expectConnectionPatch,
  expectGameNotificationPost,
  expectInvitePost,
  expectPresencePut,
  expectPut,
  expectRecentPlayersPost,
  expectSend,
  expectSettingsPut,
  expectStatus,
} from './rest.js';
import {
  DEFAULT_INVITE_EXPIRY_SECONDS,
  expectedRelationships,
  INVITE_POLICIES,
  notesAfter,
  PRESENCE_SHARING,
  PRESENCE_STATUSES,
  parseFriendCode,
  presenceAnswered,
  REQUEST_POLICIES,
  ruleActAsUser,
} from './rules.js';
import {
  type Actor,
  expectPresenceUnchanged,
  freshFriendCode,
  friendCodeOwner,
  invitePolicyOf,
  matchRows,
  notesIn,
  policyOf,
  presenceRecordOf,
  recordInvitesSent,
  recordNotes,
  sharingOf,
  storedNotes,
  tokenOf,
} from './world.js';

const { server, createWorld, call, checkRest, postGraphQL, snapshot, expectUnchanged } = useHostileInput();

describe('REST: hostile input on every route', () => {
  it('PUT /v1/users/{user_id}: hostile ids, names, JSON, types, content types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const displayName = fc.oneof(
      { arbitrary: hostileText, weight: 6 },
      { arbitrary: wrongJsonType, weight: 2 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record(
      {
        display_name: displayName,
        extra: fc.oneof(hostileText, wrongJsonType),
        client_user_id: fc.constantFrom('bob2', 'x'),
      },
      { requiredKeys: ['display_name'] },
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof({ arbitrary: pathUser(world), weight: 4 }, { arbitrary: hostileSegment, weight: 1 }),
        bodyOf(fields),
        contentType,
        async (who, user, body, type) => {
          const caller = { world, actor: who };
          const request: Call = {
            method: 'PUT',
            path: `/v1/users/${user.raw}`,
            token: tokenOf(caller),
            body,
            contentType: type,
          };
          const expected = await expectPut(caller, user, body, type);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            const parsed = JSON.parse(body) as { display_name: string };
            expect(reply.json).toEqual({
              client_user_id: user.value,
              display_name: asStored(parsed.display_name.trim()),
              created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            });
          } else {
            await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
          }
        },
      ),
      params(RUNS + 10, [
        ['user', segmentOf(world.alice.id), JSON.stringify({ display_name: TEN_MB }), 'application/json'] as [
          Actor,
          Segment,
          string,
          ContentType,
        ],
      ]),
    );
  }, 60_000);

  it('POST /v1/connections/{user_id}/request: hostile receivers, friend codes, messages, JSON, types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, erin, frank, gina } = world;
    const receiver = fc.oneof(
      {
        arbitrary: fc.constantFrom('fresh', 'fresh', alice.id, bob.id, carol.id, dave.id),
        weight: 5,
      },
      { arbitrary: hostileIdValue, weight: 3 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    // A friend code instead (beyond the documented API): as players type them, or not.
    const friendCode = fc.oneof(
      { arbitrary: friendCodeValue(world), weight: 8 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const message = fc.oneof(
      { arbitrary: hostileText, weight: 6 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    // Mostly one of `receiver_id` and `friend_code`; sometimes both, or neither.
    const target = fc.oneof(
      { arbitrary: fc.record({ receiver_id: receiver }), weight: 5 },
      { arbitrary: fc.record({ friend_code: friendCode }), weight: 4 },
      { arbitrary: fc.record({ receiver_id: receiver, friend_code: friendCode }), weight: 1 },
      { arbitrary: fc.constant({}), weight: 1 },
    );
    const fields = fc
      .tuple(target, fc.record({ message, friendCode: fc.constant(erin.id) }, { requiredKeys: [] }))
      .map(([to, rest]) => ({ ...to, ...rest }));
    type Input = [Actor, Segment, string, ContentType];
    const example = (who: Actor, sender: string, body: Record<string, unknown>): Input => [
      who,
      segmentOf(sender),
      JSON.stringify(body),
      'application/json',
    ];
    const code = (user: { id: string }) => world.friendCodes[user.id]!;
    await fc.assert(
      fc.asyncProperty(actor, pathUser(world), bodyOf(fields), contentType, async (who, user, rawBody, type) => {
        const caller = { world, actor: who };
        // "fresh" names a user created for this run, so that valid requests can succeed, and
        // "fresh-code" its friend code.
        let body = rawBody;
        if (body.includes('"fresh"')) {
          const fresh = await world.tenant.user('fresh');
          body = body.replaceAll('"fresh"', JSON.stringify(fresh.id));
        }
        if (body.includes('"fresh-code"')) {
          body = body.replaceAll('"fresh-code"', JSON.stringify((await freshFriendCode(world)).toLowerCase()));
        }
        const request: Call = {
          method: 'POST',
          path: `/v1/connections/${user.raw}/request`,
          token: tokenOf(caller),
          body,
          contentType: type,
        };
        const expected = await expectSend(caller, user, body, type);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const sent = reply.json as { message: string; id: number };
          expect(Object.keys(sent).sort()).toEqual(['id', 'message']);
          expect(sent.message).toBe('Connection request sent successfully');
          expect(Number.isSafeInteger(sent.id)).toBe(true);
          // What was stored is what was sent, trimmed (a blank message is no message), to the
          // user named by id or by code.
          const fields = JSON.parse(asStored(body)) as {
            message?: unknown;
            receiver_id?: unknown;
            friend_code?: unknown;
          };
          const stored = await server.rest(
            'GET',
            `/v1/connections/${encodeURIComponent(user.value!)}/sent?per_page=1`,
            {
              token: world.tenant.serviceToken,
            },
          );
          const text = typeof fields.message === 'string' ? fields.message.trim() : '';
          const receiver =
            typeof fields.friend_code === 'string'
              ? await friendCodeOwner(world, parseFriendCode(fields.friend_code)!)
              : String(fields.receiver_id);
          expect(stored.body.requests[0]).toMatchObject({
            id: sent.id,
            user: { client_user_id: receiver },
            status: 'pending',
            message: text ? text : null,
          });
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 20, [
        example('user', alice.id, { receiver_id: bob.id, message: TEN_MB }),
        // By friend code: each of the world's users (typed as players type them), a user made
        // for the run, codes of no one, and what cannot be a code; both, neither.
        example('user', alice.id, { friend_code: code(erin).toLowerCase(), message: ' Good game! ' }),
        example('user', alice.id, { friend_code: ` ${code(bob).replace('-', '')}\n` }),
        example('user', alice.id, { friend_code: code(carol).replace('-', ' - ') }),
        example('user', alice.id, { friend_code: code(alice) }),
        example('user', alice.id, { friend_code: code(frank) }),
        example('user', alice.id, { friend_code: code(gina) }),
        example('user', alice.id, { friend_code: 'fresh-code' }),
        example('user', alice.id, { friend_code: '2345-6789' }),
        example('user', alice.id, { friend_code: 'O0I1-L234' }),
        example('user', alice.id, { friend_code: `${code(dave)}2` }),
        example('user', alice.id, { friend_code: code(dave), message: 'x'.repeat(501) }),
        example('user', alice.id, { friend_code: 12_345_678 }),
        example('user', alice.id, { receiver_id: dave.id, friend_code: code(dave) }),
        example('user', alice.id, { receiver_id: true, friend_code: code(dave) }),
        example('user', alice.id, { receiver_id: null, friend_code: null }),
        example('user', alice.id, { message: 'hi' }),
        example('user', bob.id, { friend_code: code(dave) }),
        example('service', bob.id, { friend_code: code(carol) }),
        example('service', bob.id, { friend_code: code(bob) }),
        example('service', 'ghost', { friend_code: code(bob) }),
        example('service', 'ghost', { friend_code: '2222-2222' }),
        example('user', alice.id, { friend_code: TEN_MB }),
      ]),
    );
  }, 120_000);
});

describe('REST: hostile input on the routes beyond the documented API', () => {
  it('GET and PUT /v1/users/{user_id}/settings: hostile ids, policies, JSON, types, content types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const policy = fc.oneof(
      { arbitrary: fc.constantFrom(...REQUEST_POLICIES), weight: 5 },
      { arbitrary: fc.mixedCase(fc.constantFrom(...REQUEST_POLICIES)), weight: 2 },
      {
        arbitrary: fc.constantFrom(
          'EVERYONE',
          'FRIENDS_OF_FRIENDS',
          'friends-of-friends',
          ' everyone',
          'nobody ',
          'nobody\u0000',
          'all',
          'none',
          'friends',
          '',
        ),
        weight: 2,
      },
      { arbitrary: hostileText, weight: 2 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constantFrom(['everyone'], { everyone: true }), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    // Who sees the user's presence: either setting may be left out, not both.
    const sharing = fc.oneof(
      { arbitrary: fc.constantFrom(...PRESENCE_SHARING), weight: 4 },
      { arbitrary: fc.mixedCase(fc.constantFrom(...PRESENCE_SHARING)), weight: 1 },
      {
        arbitrary: fc.constantFrom('CONNECTIONS', 'everyone', 'friends', 'none', ' nobody', 'nobody\u0000', ''),
        weight: 2,
      },
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 4 },
    );
    // Who may invite the user to play: left out too, mostly.
    const invitePolicy = fc.oneof(
      { arbitrary: fc.constantFrom(...INVITE_POLICIES), weight: 4 },
      { arbitrary: fc.mixedCase(fc.constantFrom(...INVITE_POLICIES)), weight: 1 },
      {
        arbitrary: fc.constantFrom('NOBODY', 'everyone', 'friends', 'none', 'connections ', 'nobody\u0000', ''),
        weight: 2,
      },
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 4 },
    );
    const fields = fc.record(
      {
        accept_requests_from: policy,
        share_presence: sharing,
        accept_invites_from: invitePolicy,
        acceptRequestsFrom: fc.constantFrom('NOBODY', 'nobody'),
        sharePresence: fc.constantFrom('NOBODY', 'nobody'),
        acceptInvitesFrom: fc.constantFrom('NOBODY', 'nobody'),
        extra: fc.oneof(hostileText, wrongJsonType),
      },
      { requiredKeys: ['accept_requests_from'] },
    );
    const input = fc.tuple(
      fc.constantFrom<'GET' | 'PUT'>('GET', 'PUT', 'PUT', 'PUT'),
      actor,
      fc.oneof({ arbitrary: pathUser(world), weight: 4 }, { arbitrary: hostileSegment, weight: 1 }),
      bodyOf(fields),
      contentType,
    );
    await fc.assert(
      fc.asyncProperty(input, async ([method, who, user, body, type]) => {
        const caller = { world, actor: who };
        const path = `/v1/users/${user.raw}/settings`;
        const request: Call =
          method === 'GET'
            ? { method, path, token: tokenOf(caller) }
            : { method, path, token: tokenOf(caller), body, contentType: type };
        let expected: Outcome;
        if (method === 'PUT') expected = await expectSettingsPut(caller, user, body, type);
        else if (user.value === null) expected = fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
        else expected = await ruleActAsUser(caller, user.value);
        const before = await snapshot(tenant);
        const reply = await call(request);
        const succeeded = checkRest(request, reply, expected);
        if (succeeded) {
          const stored = {
            policy: await policyOf(world, user.value!),
            sharing: await sharingOf(world, user.value!),
            invites: await invitePolicyOf(world, user.value!),
          };
          expect(reply.json).toEqual({
            accept_requests_from: stored.policy,
            share_presence: stored.sharing,
            accept_invites_from: stored.invites,
          });
          if (method === 'PUT') {
            // What was given is stored; what was left out (or null) is as it was.
            const sent = JSON.parse(asStored(body)) as Record<string, string | null | undefined>;
            if (sent.accept_requests_from != null) expect(stored.policy).toBe(sent.accept_requests_from);
            if (sent.share_presence != null) expect(stored.sharing).toBe(sent.share_presence);
            if (sent.accept_invites_from != null) expect(stored.invites).toBe(sent.accept_invites_from);
          }
        }
        // A read changes nothing, and a refused write neither.
        if (method === 'GET' || !succeeded) {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 10, [
        [
          [
            'PUT',
            'user',
            segmentOf(world.alice.id),
            JSON.stringify({ accept_requests_from: TEN_MB }),
            'application/json',
          ] as ['GET' | 'PUT', Actor, Segment, string, ContentType],
        ],
        [
          [
            'PUT',
            'service',
            segmentOf(world.bob.id),
            JSON.stringify({ accept_requests_from: 'friends_of_friends' }),
            'application/json',
          ] as ['GET' | 'PUT', Actor, Segment, string, ContentType],
        ],
        ...[
          { share_presence: 'nobody' },
          {},
          { accept_requests_from: null, share_presence: null },
          { accept_invites_from: 'nobody' },
          { accept_invites_from: 'NOBODY' },
          { accept_requests_from: null, share_presence: null, accept_invites_from: null },
        ].map((fields): [['GET' | 'PUT', Actor, Segment, string, ContentType]] => [
          ['PUT', 'user', segmentOf(world.alice.id), JSON.stringify(fields), 'application/json'],
        ]),
        [
          [
            'PUT',
            'service',
            segmentOf(world.bob.id),
            JSON.stringify({ accept_requests_from: 'everyone', share_presence: 'connections' }),
            'application/json',
          ] as ['GET' | 'PUT', Actor, Segment, string, ContentType],
        ],
        [
          [
            'PUT',
            'service',
            segmentOf(world.erin.id),
            JSON.stringify({ accept_invites_from: 'connections', share_presence: 'nobody' }),
            'application/json',
          ] as ['GET' | 'PUT', Actor, Segment, string, ContentType],
        ],
        [
          ['GET', 'service', segmentOf(world.erin.id), '', 'application/json'] as [
            'GET' | 'PUT',
            Actor,
            Segment,
            string,
            ContentType,
          ],
        ],
      ]),
    );
  }, 60_000);

  it('PUT /v1/users/{user_id}/presence: hostile ids, statuses, activities, join info, times to live, JSON types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const status = fc.oneof(
      { arbitrary: fc.constantFrom(...PRESENCE_STATUSES), weight: 6 },
      { arbitrary: fc.mixedCase(fc.constantFrom(...PRESENCE_STATUSES)), weight: 1 },
      {
        arbitrary: fc.constantFrom(
          'ONLINE',
          'Away',
          'idle',
          'dnd',
          'offline ',
          ' online',
          'online\u0000',
          'invısible',
          '',
        ),
        weight: 2,
      },
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const activity = fc.oneof(
      { arbitrary: hostileText, weight: 5 },
      {
        arbitrary: fc.constantFrom(
          'Ranked — 3rd round',
          'x'.repeat(128),
          'x'.repeat(129),
          '😀'.repeat(128),
          '😀'.repeat(129),
        ),
        weight: 2,
      },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 2 },
    );
    const ttl = fc.oneof(
      { arbitrary: fc.constantFrom(1, 60, 3600, 86_399, 86_400), weight: 3 },
      { arbitrary: fc.integer({ min: -2, max: 0 }), weight: 1 },
      {
        arbitrary: fc.constantFrom(86_401, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -(2 ** 31), -(2 ** 31) - 1, 1.5, -0, 1e21),
        weight: 2,
      },
      { arbitrary: fc.constantFrom('60', 'soon', '1e3', true), weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 3 },
    );
    const fields = fc.record(
      {
        status,
        activity,
        join_info: joinInfoValue,
        expires_in_seconds: ttl,
        joinInfo: fc.constant({ lobby: 'camelCase is not read' }),
        extra: fc.oneof(hostileText, wrongJsonType),
      },
      { requiredKeys: ['status'] },
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof({ arbitrary: pathUser(world), weight: 4 }, { arbitrary: hostileSegment, weight: 1 }),
        bodyOf(fields),
        contentType,
        async (who, user, body, type) => {
          const caller = { world, actor: who };
          const request: Call = {
            method: 'PUT',
            path: `/v1/users/${user.raw}/presence`,
            token: tokenOf(caller),
            body,
            contentType: type,
          };
          const expected = await expectPresencePut(caller, user, body, type);
          const presenceBefore = user.value === null ? undefined : await presenceRecordOf(world, user.value);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            // As the user itself sees it: what was set (all of it dropped by `offline`), seen now.
            const sent = JSON.parse(asStored(body)) as Record<string, any>;
            const answer = reply.json as { user_id: string; presence: Record<string, unknown> };
            const seen = answer.presence.last_seen_at;
            if (sent.status === 'offline') expect(seen === null || typeof seen === 'string').toBe(true);
            else expect(seen).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
            // Compared as JSON text: join info may hold a `__proto__` key of its own.
            expect(JSON.stringify({ ...answer, presence: { ...answer.presence, last_seen_at: '<time>' } })).toBe(
              JSON.stringify({
                user_id: user.value,
                presence: {
                  ...presenceAnswered({ status: sent.status, activity: sent.activity, joinInfo: sent.join_info }),
                  last_seen_at: '<time>',
                },
              }),
            );
            // And kept so: a record of what was set (none for a user offline without a socket).
            const stored = (await presenceRecordOf(world, user.value!)).record;
            expect(stored?.status ?? 'offline').toBe(sent.status === 'offline' ? 'offline' : sent.status);
          } else {
            await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
            if (presenceBefore !== undefined) {
              await expectPresenceUnchanged(world, user.value!, presenceBefore, {
                request: describeCall(request),
                response: reply.text,
              });
            }
          }
        },
      ),
      params(RUNS + 20, [
        [
          'user',
          segmentOf(world.alice.id),
          JSON.stringify({ status: 'busy', activity: TEN_MB }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'user',
          segmentOf(world.alice.id),
          JSON.stringify({
            status: 'busy',
            activity: '😀'.repeat(128),
            join_info: { x: 'a'.repeat(1016) },
            expires_in_seconds: 86_400,
          }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'user',
          segmentOf(world.alice.id),
          JSON.stringify({ status: 'away', join_info: { x: 'é'.repeat(509) } }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        ['user', segmentOf(world.bob.id), JSON.stringify({ status: 'online' }), 'application/json'] as [
          Actor,
          Segment,
          string,
          ContentType,
        ],
        [
          'service',
          segmentOf(world.bob.id),
          JSON.stringify({ status: 'invisible', join_info: ['lobby'] }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'service',
          segmentOf('ghost'),
          JSON.stringify({ status: 'online', expires_in_seconds: 60 }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        ['user', segmentOf(world.alice.id), JSON.stringify({ status: 'offline' }), 'application/json'] as [
          Actor,
          Segment,
          string,
          ContentType,
        ],
      ]),
    );
  }, 60_000);

  it('POST /v1/connections/{user_id}/status: hostile user_ids (types, counts, sizes), JSON and content types', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, erin, frank, gina } = world;
    const knownIds = [alice.id, bob.id, carol.id, dave.id, erin.id, frank.id, gina.id, 'ghost'];
    const notAString = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom({}, [], [alice.id], { user_id: alice.id }),
    );
    const element = fc.oneof(
      { arbitrary: fc.constantFrom(...knownIds), weight: 6 },
      { arbitrary: hostileIdValue, weight: 3 },
      { arbitrary: notAString, weight: 1 },
    );
    const userIds = fc.oneof(
      { arbitrary: fc.array(element, { minLength: 1, maxLength: 6 }), weight: 6 },
      { arbitrary: fc.array(fc.constantFrom(...knownIds), { minLength: 1, maxLength: 6 }), weight: 4 },
      { arbitrary: fc.constant([]), weight: 1 },
      {
        arbitrary: fc
          .integer({ min: 98, max: 102 })
          .chain((n) => fc.array(fc.constantFrom(...knownIds), { minLength: n, maxLength: n })),
        weight: 2,
      },
      { arbitrary: fc.constantFrom(1000, 5000).map((n) => Array.from({ length: n }, (_, i) => `u${i}`)), weight: 1 },
      { arbitrary: fc.constantFrom(...knownIds), weight: 1 },
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record(
      { user_ids: userIds, userIds: fc.constant([alice.id]), extra: fc.oneof(hostileText, wrongJsonType) },
      { requiredKeys: ['user_ids'] },
    );
    await fc.assert(
      fc.asyncProperty(actor, pathUser(world), bodyOf(fields), contentType, async (who, user, body, type) => {
        const caller = { world, actor: who };
        const request: Call = {
          method: 'POST',
          path: `/v1/connections/${user.raw}/status`,
          token: tokenOf(caller),
          body,
          contentType: type,
        };
        const expected = await expectStatus(caller, user, body, type);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          // In the order asked, a repeated id answered each time, ids echoed as the server read them.
          const asked = (JSON.parse(asStored(body)) as { user_ids: string[] }).user_ids;
          expect(reply.json).toEqual({ relationships: expectedRelationships(world, user.value!, asked) });
        }
        // A status read changes nothing, answered or refused.
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      params(RUNS + 10, [
        ['user', segmentOf(alice.id), JSON.stringify({ user_ids: [TEN_MB] }), 'application/json'] as [
          Actor,
          Segment,
          string,
          ContentType,
        ],
        [
          'user',
          segmentOf(alice.id),
          JSON.stringify({ user_ids: [...knownIds, alice.id, carol.id, 'x\ud800', 'ghost\u0000'] }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'service',
          segmentOf(bob.id),
          JSON.stringify({ user_ids: Array.from({ length: 100 }, (_, i) => knownIds[i % knownIds.length]) }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'service',
          segmentOf(bob.id),
          JSON.stringify({ user_ids: Array.from({ length: 101 }, () => alice.id) }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
      ]),
    );
  }, 60_000);
});

describe('ids that are not well-formed Unicode', () => {
  // PostgreSQL text cannot hold a lone surrogate: the driver writes U+FFFD in its place, so
  // "eve\ud800", "eve\udfff" and "eve\ufffd" would all name one user. An id with a lone
  // surrogate must be refused or name nobody, never another user.
  it('do not alias the user whose id has U+FFFD in their place', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const real = `eve\ufffd${world.alice.id}`;
    const created = await server.rest('PUT', `/v1/users/${encodeURIComponent(real)}`, {
      token: world.tenant.serviceToken,
      body: { display_name: 'The real one' },
    });
    expect(created.status).toBe(201);
    const before = await snapshot(tenant);
    for (const alias of [real.replace('\ufffd', '\ud800'), real.replace('\ufffd', '\udfff')]) {
      const read = await postGraphQL(
        world.tenant.serviceToken,
        JSON.stringify({
          query: 'query($u: ID) { user(userId: $u) { __typename ... on User { clientUserId } ... on Error { code } } }',
          variables: { u: alias },
        }),
      );
      const sent = await postGraphQL(
        world.alice.token,
        JSON.stringify({
          query: 'mutation($to: ID!) { sendConnectionRequest(receiverId: $to) { __typename ... on Error { code } } }',
          variables: { to: alias },
        }),
      );
      const rest = await call({
        method: 'POST',
        path: `/v1/connections/${world.alice.id}/request`,
        token: world.alice.token,
        body: JSON.stringify({ receiver_id: alias }),
      });
      const found = [read, sent].map((reply) => Object.values((reply.json as any)?.data ?? {})[0] as any);
      expect({
        alias: JSON.stringify(alias),
        user: found[0]?.__typename,
        send: found[1]?.__typename,
        rest: rest.status,
      }).toEqual({
        alias: JSON.stringify(alias),
        user: expect.stringMatching(/^(NotFoundError|ValidationError)$/),
        send: expect.stringMatching(/^(NotFoundError|ValidationError)$/),
        rest: expect.toBeOneOf([400, 404]),
      });
      await expectUnchanged(tenant, before, { alias: JSON.stringify(alias) });
    }
  });
});

describe("REST: hostile input on the game's own notifications", () => {
  it('POST /v1/users/{user_id}/notifications and POST /v1/notifications: hostile recipients, types, messages, payloads, expiries, JSON types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const known = [world.alice.id, world.bob.id, world.carol.id, world.dave.id];
    const gameType = fc.oneof(
      { arbitrary: fc.constantFrom('game.match_found', 'game.season-3.started', `game.${'a'.repeat(64)}`), weight: 5 },
      {
        arbitrary: fc.constantFrom(
          'match_found',
          'game.',
          'game.Match',
          `game.${'a'.repeat(65)}`,
          'new_request',
          ' game.x',
          'game.x\u0000',
          'game.é',
          '',
        ),
        weight: 3,
      },
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const message = fc.oneof(
      { arbitrary: hostileText, weight: 4 },
      { arbitrary: fc.constantFrom('Your match is ready', '  ', 'x'.repeat(500), 'x'.repeat(501)), weight: 3 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const expiry = fc.oneof(
      { arbitrary: fc.constantFrom(10, 60, 2_592_000), weight: 3 },
      { arbitrary: fc.constantFrom(9, 0, -1, 2_592_001, 2 ** 31, 1.5, '60'), weight: 2 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 4 },
    );
    const recipients = fc.oneof(
      { arbitrary: fc.uniqueArray(fc.constantFrom(...known), { minLength: 1, maxLength: 4 }), weight: 5 },
      {
        arbitrary: fc.array(fc.oneof(fc.constantFrom(...known, 'ghost'), hostileIdValue), { maxLength: 4 }),
        weight: 3,
      },
      { arbitrary: fc.constant(Array.from({ length: 1001 }, (_, i) => `u${i}`)), weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record(
      {
        user_ids: recipients,
        type: gameType,
        message,
        payload: joinInfoValue,
        expires_in_seconds: expiry,
        extra: fc.oneof(hostileText, wrongJsonType),
      },
      { requiredKeys: ['type', 'message'] },
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof(
          { arbitrary: fc.constant(null), weight: 3 },
          { arbitrary: pathUser(world), weight: 3 },
          { arbitrary: hostileSegment, weight: 1 },
        ),
        bodyOf(fields),
        contentType,
        async (who, recipient, body, type) => {
          const caller = { world, actor: who };
          const request: Call = {
            method: 'POST',
            path: recipient === null ? '/v1/notifications' : `/v1/users/${recipient.raw}/notifications`,
            token: tokenOf(caller),
            body,
            contentType: type,
          };
          const expected = await expectGameNotificationPost(caller, recipient, body, type);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            const sent = JSON.parse(asStored(body)) as Record<string, any>;
            if (recipient === null) {
              expect(reply.json).toMatchObject({ sent: sent.user_ids.length });
            } else {
              expect(reply.json).toMatchObject({
                type: sent.type,
                message: sent.message.trim(),
                connection_request_id: null,
                other_user: null,
                read: false,
              });
            }
          } else {
            await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
          }
        },
      ),
      params(RUNS + 20, [
        [
          'service',
          null,
          JSON.stringify({ user_ids: [world.alice.id], type: 'game.x', message: TEN_MB }),
          'application/json',
        ] as [Actor, Segment | null, string, ContentType],
      ]),
    );
  }, 120_000);
});

describe('REST: hostile input on invites', () => {
  it('POST /v1/connections/{user_id}/invites: hostile receivers, messages, join info, expiries, JSON types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, erin, frank, gina } = world;
    // carol is alice's connection, erin bob's (who takes no invites); the others are not.
    const known = [carol.id, carol.id, carol.id, alice.id, bob.id, dave.id, erin.id, frank.id, gina.id, 'ghost'];
    const receivers = fc.oneof(
      { arbitrary: fc.constant([carol.id]), weight: 4 },
      { arbitrary: fc.array(fc.constantFrom(...known), { minLength: 1, maxLength: 4 }), weight: 4 },
      {
        arbitrary: fc.array(fc.oneof(fc.constantFrom(...known), hostileIdValue), { minLength: 1, maxLength: 4 }),
        weight: 2,
      },
      { arbitrary: fc.constantFrom(20, 21).map((n) => Array.from({ length: n }, (_, i) => `u${i}`)), weight: 1 },
      { arbitrary: fc.constant([]), weight: 1 },
      { arbitrary: fc.constantFrom(carol.id, [carol.id, 1], [null], [[carol.id]]), weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const message = fc.oneof(
      { arbitrary: hostileText, weight: 4 },
      {
        arbitrary: fc.constantFrom('Ranked?', '  ', ' Duo? ', 'x'.repeat(500), '😀'.repeat(500), 'x'.repeat(501)),
        weight: 3,
      },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 3 },
    );
    const expiry = fc.oneof(
      { arbitrary: fc.constantFrom(10, 60, 86_400), weight: 3 },
      { arbitrary: fc.constantFrom(9, 0, -1, 86_401, 2 ** 31, 1.5, -0, '60'), weight: 2 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 4 },
    );
    const fields = fc.record(
      {
        receiver_ids: receivers,
        message,
        join_info: joinInfoValue,
        expires_in_seconds: expiry,
        receiverIds: fc.constant([carol.id]),
        joinInfo: fc.constant({ lobby: 'camelCase is not read' }),
        extra: fc.oneof(hostileText, wrongJsonType),
      },
      { requiredKeys: ['receiver_ids', 'join_info'] },
    );
    type Input = [Actor, Segment, string, ContentType];
    const example = (who: Actor, sender: string, body: Record<string, unknown>): [...Input] => [
      who,
      segmentOf(sender),
      JSON.stringify(body),
      'application/json',
    ];
    const lobby = { lobby: 'eu-7f3a' };
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof({ arbitrary: pathUser(world), weight: 4 }, { arbitrary: hostileSegment, weight: 1 }),
        bodyOf(fields),
        contentType,
        async (who, user, body, type) => {
          const caller = { world, actor: who };
          const request: Call = {
            method: 'POST',
            path: `/v1/connections/${user.raw}/invites`,
            token: tokenOf(caller),
            body,
            contentType: type,
          };
          const expected = await expectInvitePost(caller, user, body, type);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            // One invite per receiver, in the order given, each as sent: the message trimmed (a
            // blank one is none), the join info as given, pending until its expiry.
            const sent = JSON.parse(asStored(body)) as Record<string, any>;
            const answer = reply.json as { message: string; invites: Record<string, any>[] };
            const count = sent.receiver_ids.length;
            expect(answer.message).toBe(`Invite sent to ${count} user${count === 1 ? '' : 's'}`);
            const text = typeof sent.message === 'string' ? sent.message.trim() : '';
            expect(
              answer.invites.map((invite) => ({
                sender: invite.sender.client_user_id,
                receiver: invite.receiver.client_user_id,
                status: invite.status,
                message: invite.message,
                responded_at: invite.responded_at,
                lasts: Date.parse(invite.expires_at) - Date.parse(invite.created_at),
              })),
            ).toEqual(
              sent.receiver_ids.map((receiver: string) => ({
                sender: user.value,
                receiver,
                status: 'pending',
                message: text || null,
                responded_at: null,
                lasts: (sent.expires_in_seconds ?? DEFAULT_INVITE_EXPIRY_SECONDS) * 1000,
              })),
            );
            // Compared as JSON text, keys in order: jsonb keeps none, and join info may hold a
            // `__proto__` key of its own.
            for (const invite of answer.invites) {
              expect(canonicalJson(invite.join_info)).toBe(canonicalJson(sent.join_info));
            }
            expect(new Set(answer.invites.map((invite) => invite.id)).size).toBe(count);
            recordInvitesSent(world, user.value!, sent.receiver_ids);
          } else {
            await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
          }
        },
      ),
      params(RUNS + 20, [
        example('user', alice.id, { receiver_ids: [carol.id], message: TEN_MB, join_info: lobby }),
        example('user', alice.id, { receiver_ids: [carol.id], message: ' Ranked? ', join_info: lobby }),
        example('user', alice.id, { receiver_ids: [carol.id, bob.id], join_info: lobby }),
        example('user', alice.id, { receiver_ids: [carol.id, alice.id], join_info: lobby }),
        example('user', alice.id, { receiver_ids: [carol.id, carol.id], join_info: lobby }),
        example('user', alice.id, { receiver_ids: [carol.id, 'ghost'], join_info: lobby }),
        example('user', alice.id, { receiver_ids: [frank.id], join_info: lobby }),
        example('user', alice.id, { receiver_ids: [gina.id], join_info: lobby }),
        example('user', alice.id, { receiver_ids: [carol.id] }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: ['lobby'] }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: { x: 'a'.repeat(1016) } }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: { x: 'a'.repeat(1017) } }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: { x: 'é'.repeat(508) } }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: { x: 'a\u0000' } }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: lobby, expires_in_seconds: 9 }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: lobby, expires_in_seconds: 86_400 }),
        example('user', alice.id, { receiver_ids: [carol.id], join_info: lobby, expires_in_seconds: '60' }),
        example('user', bob.id, { receiver_ids: [erin.id], join_info: lobby }),
        example('service', bob.id, { receiver_ids: [erin.id], join_info: lobby }),
        example('service', carol.id, { receiver_ids: [alice.id], join_info: lobby }),
        example('service', 'ghost', { receiver_ids: [carol.id], join_info: lobby }),
        example('user', alice.id, { receiver_ids: Array.from({ length: 21 }, (_, i) => `u${i}`), join_info: lobby }),
      ]),
    );
  }, 120_000);
});

describe('REST: hostile input on nicknames, notes and favourites', () => {
  it('PATCH /v1/connections/{user_id}/{connection_id}: hostile ids, nicknames, notes, stars, JSON types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, erin } = world;
    /** Around its limit (32 characters for a nickname, 256 for a note), blank, cleared, over one line. */
    const text = (limit: number) =>
      fc.oneof(
        { arbitrary: hostileText, weight: 4 },
        {
          arbitrary: fc.constantFrom(
            'Caz',
            ' Carol the Great ',
            '',
            '  ',
            'a\nb',
            'a\tb',
            'a\u0085b',
            'x'.repeat(limit),
            'x'.repeat(limit + 1),
            '😀'.repeat(limit),
            '😀'.repeat(limit + 1),
            ` ${'é'.repeat(limit)} `,
          ),
          weight: 3,
        },
        { arbitrary: wrongJsonType, weight: 1 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 3 },
      );
    const favorite = fc.oneof(
      { arbitrary: fc.boolean(), weight: 4 },
      { arbitrary: fc.constantFrom('true', 'false', 1, 0, 'yes'), weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 3 },
    );
    const fields = fc.record(
      {
        nickname: text(32),
        note: text(256),
        favorite,
        favourite: fc.constant(true),
        extra: fc.oneof(hostileText, wrongJsonType),
      },
      { requiredKeys: [] },
    );
    // alice's connection (with carol) mostly; bob's (with erin); ids of other kinds, of no row, hostile.
    const id = fc.oneof(
      {
        arbitrary: fc.constantFrom(world.connection, world.connection, world.connectionOther).map(segmentOf),
        weight: 5,
      },
      { arbitrary: fc.constantFrom(world.requestIn, world.notification, world.inviteIn).map(segmentOf), weight: 1 },
      { arbitrary: fc.maxSafeNat().map((n) => segmentOf(String(n))), weight: 1 },
      { arbitrary: hostileSegment, weight: 2 },
    );
    const user = fc.oneof(
      { arbitrary: pathUser(world), weight: 4 },
      { arbitrary: fc.constantFrom(carol.id, erin.id).map(segmentOf), weight: 1 },
    );
    /** The other side of one of the world's connections. */
    const otherSide = (userId: string, connectionId: string) =>
      ({ [alice.id]: carol.id, [carol.id]: alice.id, [bob.id]: erin.id, [erin.id]: bob.id })[userId] ??
      `(no side of ${connectionId})`;
    type Input = [Actor, Segment, Segment, string, ContentType];
    const example = (
      who: Actor,
      userId: string,
      connectionId: string,
      body: Record<string, unknown> | string,
    ): Input => [
      who,
      segmentOf(userId),
      segmentOf(connectionId),
      typeof body === 'string' ? body : JSON.stringify(body),
      'application/json',
    ];
    await fc.assert(
      fc.asyncProperty(actor, user, id, bodyOf(fields), contentType, async (who, user, id, body, type) => {
        const caller = { world, actor: who };
        const request: Call = {
          method: 'PATCH',
          path: `/v1/connections/${user.raw}/${id.raw}`,
          token: tokenOf(caller),
          body,
          contentType: type,
        };
        const expected = await expectConnectionPatch(caller, user, id, body, type);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          // The connection as this side now sees it: what was given, trimmed (null or "" clears
          // a nickname or note), what was left out as it was; the other side's as it was.
          const sent = JSON.parse(asStored(body)) as Record<string, unknown>;
          const given = (value: unknown) => (value === undefined ? undefined : ((value as string | null) ?? ''));
          const userId = user.value!;
          const connectionId = id.value!;
          const notes = notesAfter(world, userId, connectionId, {
            nickname: given(sent.nickname),
            note: given(sent.note),
            favorite: sent.favorite as boolean | null | undefined,
          });
          const answer = reply.json as Record<string, any>;
          expect({
            keys: Object.keys(answer).sort(),
            id: answer.id,
            other: answer.connected_user?.client_user_id,
            nickname: answer.nickname,
            note: answer.note,
            favorite: answer.favorite,
          }).toEqual({
            keys: ['connected_since', 'connected_user', 'favorite', 'id', 'nickname', 'note', 'presence'],
            id: Number(connectionId),
            other: otherSide(userId, connectionId),
            ...notes,
          });
          recordNotes(world, userId, connectionId, notes);
          const other = otherSide(userId, connectionId);
          expect({
            mine: await storedNotes(world, userId, connectionId),
            theirs: await storedNotes(world, other, connectionId),
          }).toEqual({ mine: notes, theirs: notesIn(world, other, connectionId) });
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 20, [
        example('user', alice.id, world.connection, { nickname: TEN_MB }),
        example('user', alice.id, world.connection, {
          nickname: ' Carol the Great ',
          note: 'Duo\nqueue',
          favorite: false,
        }),
        example('user', alice.id, world.connection, { nickname: null }),
        example('user', alice.id, world.connection, { note: '', favorite: true }),
        example('user', alice.id, world.connection, {}),
        example('user', alice.id, world.connection, ''),
        example('user', alice.id, world.connection, { favorite: null }),
        example('user', alice.id, world.connection, { favorite: 'true' }),
        example('user', alice.id, world.connection, { nickname: 'x'.repeat(32), note: '😀'.repeat(256) }),
        example('user', alice.id, world.connection, { nickname: 'x'.repeat(33) }),
        example('user', alice.id, world.connection, { note: 'x'.repeat(257) }),
        example('user', alice.id, world.connection, { nickname: 'a\nb' }),
        example('user', alice.id, world.connection, { nickname: 'a\u0000b' }),
        example('user', alice.id, world.connection, { nickname: 7 }),
        example('user', alice.id, world.connectionOther, { favorite: true }),
        example('user', alice.id, world.requestIn, { favorite: true }),
        example('user', alice.id, 'abc', { nickname: 'x'.repeat(33) }),
        example('user', bob.id, world.connectionOther, { favorite: true }),
        example('service', bob.id, world.connectionOther, { nickname: 'Erin', favorite: true }),
        example('service', carol.id, world.connection, { note: 'Hers, not alice’s' }),
        example('service', 'ghost', world.connection, { favorite: true }),
      ]),
    );
  }, 120_000);
});

describe('REST: hostile input on recent players', () => {
  it('POST /v1/recent-players: hostile players, contexts, JSON types and sizes; a service token only', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, erin, frank, gina } = world;
    const known = [alice.id, bob.id, carol.id, dave.id, erin.id, frank.id, gina.id];
    const players = fc.oneof(
      { arbitrary: fc.uniqueArray(fc.constantFrom(...known), { minLength: 2, maxLength: 5 }), weight: 5 },
      {
        arbitrary: fc.array(fc.oneof(fc.constantFrom(...known, 'ghost'), hostileIdValue), { maxLength: 5 }),
        weight: 3,
      },
      {
        arbitrary: fc.constantFrom(100, 101).map((n) => Array.from({ length: n }, (_, i) => `u${i}`)),
        weight: 1,
      },
      {
        arbitrary: fc.constantFrom(alice.id, [alice.id], [alice.id, 1], [null, alice.id], [[alice.id], bob.id]),
        weight: 1,
      },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const context = fc.oneof(
      { arbitrary: hostileText, weight: 4 },
      {
        arbitrary: fc.constantFrom('match-8841', '  ', ' duo ', 'x'.repeat(128), 'x'.repeat(129), '😀'.repeat(128)),
        weight: 3,
      },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 3 },
    );
    const fields = fc.record(
      { players, context, user_ids: fc.constant([alice.id, bob.id]), extra: fc.oneof(hostileText, wrongJsonType) },
      { requiredKeys: ['players'] },
    );
    type Input = [Actor, string, ContentType];
    const example = (who: Actor, body: Record<string, unknown>): Input => [
      who,
      JSON.stringify(body),
      'application/json',
    ];
    await fc.assert(
      fc.asyncProperty(actor, bodyOf(fields), contentType, async (who, body, type) => {
        const caller = { world, actor: who };
        const request: Call = {
          method: 'POST',
          path: '/v1/recent-players',
          token: tokenOf(caller),
          body,
          contentType: type,
        };
        const expected = await expectRecentPlayersPost(caller, body, type);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          // Each of the players now lists each other one, with this match's context (trimmed, a
          // blank one none), played now.
          const sent = JSON.parse(asStored(body)) as { players: string[]; context?: unknown };
          const count = sent.players.length;
          expect(reply.json).toEqual({ message: 'Recent players recorded', players: count });
          const text = typeof sent.context === 'string' ? sent.context.trim() : '';
          expect(await matchRows(world, sent.players)).toEqual({
            pairs: count * (count - 1),
            contexts: [text || null],
          });
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 20, [
        example('service', { players: [alice.id, bob.id], context: TEN_MB }),
        example('service', { players: [alice.id, bob.id], context: ' duo ' }),
        example('service', { players: known, context: '😀'.repeat(128) }),
        example('user', { players: [alice.id, bob.id] }),
        example('user', { players: 'x' }),
        example('user', { players: [alice.id], context: 'x'.repeat(129) }),
        example('service', { players: [alice.id] }),
        example('service', { players: [] }),
        example('service', { players: [alice.id, alice.id] }),
        example('service', { players: [alice.id, 'ghost'] }),
        example('service', { players: ['', alice.id, alice.id] }),
        example('service', { players: [alice.id, alice.id, ''] }),
        example('service', { players: [alice.id, 'x\ud800'] }),
        example('service', { players: [alice.id, 1] }),
        example('service', { players: Array.from({ length: 100 }, (_, i) => `u${i}`) }),
        example('service', { players: Array.from({ length: 101 }, (_, i) => `u${i}`) }),
        example('service', { players: [alice.id, bob.id], context: 'x'.repeat(129) }),
        example('service', { players: [alice.id, bob.id], context: 'a\u0000' }),
        example('service', { players: [alice.id, bob.id], context: 7 }),
        example('service', { players: [alice.id, bob.id], context: '   ' }),
      ]),
    );
  }, 120_000);
});
