/**
 * Hostile paths: every REST route called with generated path ids (user, request, connection and
 * notification ids, ids of other users, ids no row can have, segments that are not valid URL
 * encoding), repeated calls, a body where none is read, every wrong method, and unknown and
 * mangled paths under /v1. See harness.ts for what every answer must be and how runs reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes as gatewayRoutes } from '../../../src/rest/routes.js';
import {
  ANY_BODY_LIMIT,
  asStored,
  declineBodyRefusal,
  fail,
  type Outcome,
  possibleUserId,
  REST_BODY_LIMIT,
  STATUS_OF_CODE,
  succeed,
  union,
} from './contract.js';
import { actor, hostileSegment, hostileText, junkBody, pathUser, type Segment, segmentOf } from './generators.js';
import { params, RUNS, useHostileInput } from './harness.js';
import { type Call, describeCall, expectInviteAction, ignoredBody, REST_ROUTES } from './rest.js';
import {
  ruleActAsUser,
  ruleAnswer,
  ruleBlock,
  ruleCancel,
  ruleDeleteNotification,
  ruleLookUpUser,
  ruleRead,
  ruleRemove,
  ruleUnblock,
} from './rules.js';
import {
  type Actor,
  blockExists,
  friendCodeOf,
  friendCodeOwner,
  type InviteVerb,
  recordBlock,
  recordInviteAnswer,
  recordSuccess,
  tokenOf,
  unreadCount,
} from './world.js';

const { server, createWorld, call, checkRest, snapshot, expectUnchanged } = useHostileInput();

describe('REST: hostile input on every route', () => {
  it('covers every route of the gateway', () => {
    const served = gatewayRoutes.map((route) => `${route.method} ${route.path}`).sort();
    expect(served).toEqual([...REST_ROUTES].sort());
  });

  it('GET /v1/users/{user_id}: hostile ids and query strings', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    await fc.assert(
      fc.asyncProperty(
        actor,
        pathUser(world),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined }),
        async (who, user, junkQuery) => {
          const caller = { world, actor: who };
          const query = junkQuery === undefined ? '' : `?${encodeURIComponent(junkQuery)}=${junkQuery.length}`;
          const request: Call = { method: 'GET', path: `/v1/users/${user.raw}${query}`, token: tokenOf(caller) };
          const expected =
            user.value === null
              ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
              : await ruleLookUpUser(caller, user.value);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            const body = reply.json as Record<string, unknown>;
            expect(Object.keys(body).sort()).toEqual(['client_user_id', 'created_at', 'display_name']);
            expect(body.client_user_id).toBe(user.value);
          }
          await expectUnchanged(tenant, before, { request: describeCall(request) });
        },
      ),
      params(),
    );
  }, 60_000);

  it('GET /v1/users/{user_id}/presence: hostile ids and query strings, each answered what the caller may see', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, frank } = world;
    // Carol (alice's connection), bob (a stranger to her) and frank (whom she blocks) are busy in
    // a match, as their game server says, for an hour; no one else has ever been online.
    const busy = { status: 'busy', activity: 'In a match', join_info: { match: 'm-8841' } };
    for (const user of [carol, bob, frank]) {
      const set = await server.rest('PUT', `/v1/users/${user.id}/presence`, {
        token: world.tenant.serviceToken,
        body: { ...busy, expires_in_seconds: 3600 },
      });
      expect(set.status).toBe(200);
    }
    const offline = { status: 'offline', activity: null, join_info: null, last_seen_at: null };
    /** A user's presence as the caller sees it: all of it (itself, a service token), a connection's, or null. */
    const presenceSeen = (who: Actor, userId: string) => {
      const own = [carol.id, bob.id, frank.id].includes(userId) ? { ...busy, last_seen_at: '<now>' } : offline;
      if (who === 'service' || userId === alice.id || userId === carol.id) return own;
      return null;
    };
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof(
          { arbitrary: pathUser(world), weight: 3 },
          { arbitrary: fc.constantFrom(carol.id, frank.id, world.gina.id, 'ghost').map(segmentOf), weight: 2 },
        ),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined }),
        async (who, user, junkQuery) => {
          const caller = { world, actor: who };
          const query = junkQuery === undefined ? '' : `?${encodeURIComponent(junkQuery)}=${junkQuery.length}`;
          const request: Call = {
            method: 'GET',
            path: `/v1/users/${user.raw}/presence${query}`,
            token: tokenOf(caller),
          };
          // A lookup: any user of the tenant may be asked about, by anyone of the tenant.
          const expected =
            user.value === null
              ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
              : await ruleLookUpUser(caller, user.value);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            const body = reply.json as { user_id: string; presence: Record<string, unknown> | null };
            expect(Object.keys(body).sort()).toEqual(['presence', 'user_id']);
            const seen = body.presence && {
              ...body.presence,
              last_seen_at:
                typeof body.presence.last_seen_at === 'string' &&
                Math.abs(Date.parse(body.presence.last_seen_at) - Date.now()) < 60_000
                  ? '<now>'
                  : body.presence.last_seen_at,
            };
            expect({ user: body.user_id, who, seen }).toEqual({
              user: user.value,
              who,
              seen: presenceSeen(who, user.value!),
            });
          }
          await expectUnchanged(tenant, before, { request: describeCall(request) });
        },
      ),
      params(RUNS + 10),
    );
  }, 60_000);

  it('accept, decline, read and DELETE: hostile path ids, ids of other users, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type Kind = 'accept' | 'decline' | 'read' | 'remove';
    const known: Record<Kind, string[]> = {
      accept: [world.requestIn, world.requestOut],
      decline: [world.requestIn, world.requestOut],
      read: [world.notification, world.notificationOther],
      remove: [world.connection, world.connectionOther],
    };
    const idSegment = (kind: Kind) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...known[kind]).map(segmentOf), weight: 3 },
        { arbitrary: fc.maxSafeNat().map((n) => segmentOf(String(n))), weight: 1 },
        { arbitrary: hostileSegment, weight: 4 },
      );
    const input = fc.constantFrom<Kind>('accept', 'decline', 'read', 'remove').chain((kind) =>
      fc.record({
        kind: fc.constant(kind),
        who: actor,
        user: pathUser(world),
        id: idSegment(kind),
        // Accept, read and DELETE read no body: one sent anyway is ignored (unless it is too large).
        // The decline reads an optional one, `{"silent": true}` (see declineBodyRefusal).
        body: fc.option(
          fc.oneof(
            fc.constantFrom(
              '{',
              '{"receiver_id":"x"}',
              'null',
              '{"silent":true}',
              '{"silent":false}',
              '{"silent":"yes"}',
            ),
            hostileText,
          ),
          { nil: undefined },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, who, user, id, body }) => {
        const caller = { world, actor: who };
        const path = {
          accept: `/v1/connections/${user.raw}/accept/${id.raw}`,
          decline: `/v1/connections/${user.raw}/decline/${id.raw}`,
          read: `/v1/connections/${user.raw}/notifications/${id.raw}/read`,
          remove: `/v1/connections/${user.raw}/${id.raw}`,
        }[kind];
        const request: Call = { method: kind === 'remove' ? 'DELETE' : 'POST', path, token: tokenOf(caller), body };
        let expected: Outcome;
        if (body !== undefined && Buffer.byteLength(body) > ANY_BODY_LIMIT) expected = fail('PAYLOAD_TOO_LARGE');
        else if (user.value === null || id.value === null) expected = fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
        else {
          const rule = { accept: ruleAnswer, decline: ruleAnswer, read: ruleRead, remove: ruleRemove }[kind];
          expected = await rule(caller, user.value, id.value);
          // A forbidden caller is refused before anything else is read.
          if (
            body !== undefined &&
            Buffer.byteLength(body) > REST_BODY_LIMIT &&
            !expected.codes.includes('FORBIDDEN')
          ) {
            expected = union(expected, fail('PAYLOAD_TOO_LARGE'));
          } else if (kind === 'decline' && !expected.codes.includes('FORBIDDEN')) {
            // The body is read before the request is looked up.
            const refusal = declineBodyRefusal(body);
            if (refusal) expected = fail(refusal);
          }
        }
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const message = {
            accept: 'Connection request accepted successfully',
            decline: 'Connection request declined successfully',
            read: 'Notification marked as read',
            remove: 'Connection removed successfully',
          }[kind];
          expect(reply.json).toEqual({ message });
          recordSuccess(world, kind, id.value!);
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 20),
    );
  }, 60_000);

  it('answers a wrong method on every route with 405 and its Allow header, and changes nothing', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const paths = [
      `/v1/users/${world.alice.id}`,
      `/v1/connections/${world.alice.id}/request`,
      `/v1/connections/${world.alice.id}/accept/${world.requestIn}`,
      `/v1/connections/${world.alice.id}/decline/${world.requestIn}`,
      `/v1/connections/${world.alice.id}/sent`,
      `/v1/connections/${world.alice.id}/received`,
      `/v1/connections/${world.alice.id}/active`,
      `/v1/connections/${world.alice.id}/notifications`,
      `/v1/connections/${world.alice.id}/notifications/${world.notification}/read`,
      `/v1/connections/${world.alice.id}/${world.connection}`,
      // Beyond the documented API
      `/v1/connections/${world.alice.id}/cancel/${world.requestOut}`,
      `/v1/connections/${world.alice.id}/notifications/read`,
      `/v1/connections/${world.alice.id}/notifications/${world.notification}`,
      `/v1/users/${world.alice.id}/settings`,
      `/v1/users/${world.alice.id}/blocked`,
      `/v1/users/${world.alice.id}/blocked/${world.frank.id}`,
      `/v1/connections/${world.alice.id}/status`,
      `/v1/connections/${world.alice.id}/mutual/${world.carol.id}`,
      `/v1/connections/${world.alice.id}/suggestions`,
      `/v1/users/${world.alice.id}/presence`,
      `/v1/connections/${world.alice.id}/invites`,
      `/v1/connections/${world.alice.id}/invites/${world.inviteIn}/accept`,
      `/v1/connections/${world.alice.id}/invites/${world.inviteIn}/decline`,
      `/v1/connections/${world.alice.id}/invites/${world.inviteOut}/cancel`,
      `/v1/users?query=${encodeURIComponent(world.bob.displayName)}`,
      `/v1/users/${world.alice.id}/friend-code`,
      `/v1/users/${world.alice.id}/friend-code/rotate`,
      `/v1/recent-players`,
      `/v1/users/${world.alice.id}/recent-players`,
    ];
    // The methods each path serves, from the route table.
    const allowed = (path: string) =>
      gatewayRoutes
        .filter((route) => {
          const pattern = route.path.split('/');
          // The search's path carries its query string.
          const parts = path.split('?')[0]!.split('/');
          return pattern.length === parts.length && pattern.every((p, i) => p.startsWith(':') || p === parts[i]);
        })
        .map((route) => route.method as string);
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
        if (allowed(path).includes(method)) continue;
        const request: Call = {
          method,
          path,
          token: world.alice.token,
          ...(['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && { body: '{"display_name":"X"}' }),
        };
        const before = await snapshot(tenant);
        const reply = await call(request);
        checkRest(request, reply, fail('METHOD_NOT_ALLOWED'));
        expect({ method, path, allow: reply.headers.get('allow')?.split(/,\s*/).sort() }).toEqual({
          method,
          path,
          allow: [...new Set(allowed(path))].sort(),
        });
        await expectUnchanged(tenant, before, { request: describeCall(request) });
      }
    }
  }, 60_000);

  it('unknown and mangled paths under /v1: a documented error or a success, never a 5xx', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const segment = fc.oneof(
      fc.constantFrom('v1', 'users', 'connections', 'request', 'accept', 'decline', 'sent', 'received', 'active'),
      fc.constantFrom('notifications', 'read', world.alice.id, world.requestIn, world.connection, '', '.', '..'),
      fc.constantFrom('cancel', 'status', 'settings', 'blocked', 'mutual', 'suggestions', 'presence', world.bob.id),
      fc.constantFrom('invites', world.inviteIn, world.inviteOut),
      fc.constantFrom('friend-code', 'rotate', 'recent-players', world.connectionOther),
      hostileSegment.map((s) => s.raw),
    );
    const input = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      segments: fc.array(segment, { maxLength: 7 }),
      body: fc.option(fc.constantFrom('{}', '{', '{"display_name":"Y","receiver_id":"bob2"}'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ method, segments, body }) => {
        const request: Call = {
          method,
          path: `/v1/${segments.join('/')}`,
          token: world.alice.token,
          ...(method !== 'GET' && body !== undefined && { body }),
        };
        const before = await snapshot(tenant);
        const reply = await call(request);
        const anything = union(succeed(200, 201), fail(...Object.keys(STATUS_OF_CODE)));
        if (!checkRest(request, reply, anything)) {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(),
    );
  }, 60_000);
});

describe('REST: hostile input on the routes beyond the documented API', () => {
  it('PUT and DELETE /v1/users/{user_id}/blocked/{other_id}: hostile ids, oneself, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, frank, gina } = world;
    const other = fc.oneof(
      {
        arbitrary: fc.constantFrom(alice.id, bob.id, carol.id, dave.id, frank.id, gina.id, 'fresh').map(segmentOf),
        weight: 5,
      },
      { arbitrary: hostileSegment, weight: 3 },
    );
    const input = fc.record({
      method: fc.constantFrom('PUT', 'DELETE'),
      who: actor,
      user: pathUser(world),
      other,
      body: junkBody,
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ method, who, user, other: named, body }) => {
        const caller = { world, actor: who };
        // "fresh" names a user created for this run, so that new blocks can be made.
        const other = named.value === 'fresh' ? segmentOf((await world.tenant.user('fresh')).id) : named;
        const request: Call = {
          method,
          path: `/v1/users/${user.raw}/blocked/${other.raw}`,
          token: tokenOf(caller),
          body,
        };
        const expected = await ignoredBody(body, [user, other], () =>
          method === 'PUT'
            ? ruleBlock(caller, user.value, other.value!)
            : ruleUnblock(caller, user.value, other.value!),
        );
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          if (method === 'PUT') {
            expect(reply.json).toEqual({
              message: 'User blocked',
              blocked: {
                client_user_id: other.value,
                display_name: expect.any(String),
                blocked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
              },
            });
            recordBlock(world, user.value!, other.value!);
          } else {
            expect(reply.json).toEqual({ message: 'User unblocked' });
          }
          expect(await blockExists(world, user.value!, other.value!)).toBe(method === 'PUT');
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 10),
    );
  }, 60_000);

  it('cancel, mark all read and DELETE notification: hostile path ids, ids of other users, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type Kind = 'cancel' | 'readAll' | 'deleteNotification';
    type Input = { kind: Kind; who: Actor; user: Segment; id: Segment; body: string | undefined };
    const known = {
      cancel: [world.requestIn, world.requestOut],
      deleteNotification: [world.notification, world.notificationOther],
    };
    const idSegment = (kind: Kind): fc.Arbitrary<Segment> =>
      kind === 'readAll'
        ? fc.constant(segmentOf('unused'))
        : fc.oneof(
            { arbitrary: fc.constantFrom(...known[kind]).map(segmentOf), weight: 4 },
            { arbitrary: fc.maxSafeNat().map((n) => segmentOf(String(n))), weight: 1 },
            { arbitrary: hostileSegment, weight: 3 },
          );
    const input = fc
      .constantFrom<Kind>('cancel', 'readAll', 'deleteNotification')
      .chain((kind) =>
        fc.record({ kind: fc.constant(kind), who: actor, user: pathUser(world), id: idSegment(kind), body: junkBody }),
      );
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, who, user, id, body }) => {
        const caller = { world, actor: who };
        const path = {
          cancel: `/v1/connections/${user.raw}/cancel/${id.raw}`,
          readAll: `/v1/connections/${user.raw}/notifications/read`,
          deleteNotification: `/v1/connections/${user.raw}/notifications/${id.raw}`,
        }[kind];
        const request: Call = {
          method: kind === 'deleteNotification' ? 'DELETE' : 'POST',
          path,
          token: tokenOf(caller),
          body,
        };
        const expected = await ignoredBody(body, kind === 'readAll' ? [user] : [user, id], () => {
          if (kind === 'cancel') return ruleCancel(caller, user.value, id.value!);
          if (kind === 'readAll') return ruleActAsUser(caller, user.value);
          return ruleDeleteNotification(caller, user.value, id.value!);
        });
        const unread = user.value !== null && possibleUserId(user.value) ? await unreadCount(world, user.value) : 0;
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const answer = {
            cancel: { message: 'Connection request cancelled successfully' },
            readAll: { message: 'All notifications marked as read', marked: unread },
            deleteNotification: { message: 'Notification deleted' },
          }[kind];
          expect(reply.json).toEqual(answer);
          if (kind === 'readAll') expect(await unreadCount(world, user.value!)).toBe(0);
          else recordSuccess(world, kind, id.value!);
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      // The runs the model must get right whatever is generated: the receiver withdrawing (not the
      // sender), the sender withdrawing twice, the user deleting its notification twice.
      params(
        RUNS + 20,
        (
          [
            ['cancel', 'user', world.alice.id, world.requestIn],
            ['cancel', 'service', world.alice.id, world.requestIn],
            ['cancel', 'service', world.bob.id, world.requestOut],
            ['cancel', 'user', world.alice.id, world.requestOut],
            ['cancel', 'service', world.alice.id, world.requestOut],
            ['cancel', 'service', world.bob.id, world.requestIn],
            ['deleteNotification', 'service', world.bob.id, world.notification],
            ['deleteNotification', 'user', world.alice.id, world.notificationOther],
            ['deleteNotification', 'user', world.alice.id, world.notification],
            ['deleteNotification', 'user', world.alice.id, world.notification],
            ['readAll', 'user', world.alice.id, 'unused'],
          ] as const
        ).map(([kind, who, user, id]): [Input] => [
          { kind, who, user: segmentOf(user), id: segmentOf(id), body: undefined },
        ]),
      ),
    );
  }, 60_000);
});

describe('REST: hostile input on invites', () => {
  it('accept, decline and cancel an invite: hostile path ids, ids of other users and kinds, expired, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type Input = { verb: InviteVerb; who: Actor; user: Segment; id: Segment; body: string | undefined };
    const known = [world.inviteIn, world.inviteOut, world.inviteOther, world.inviteExpired];
    const idSegment = fc.oneof(
      { arbitrary: fc.constantFrom(...known).map(segmentOf), weight: 4 },
      // Ids of another kind, and ids of no invite.
      { arbitrary: fc.constantFrom(world.requestIn, world.connection, world.notification).map(segmentOf), weight: 1 },
      { arbitrary: fc.maxSafeNat().map((n) => segmentOf(String(n))), weight: 1 },
      { arbitrary: hostileSegment, weight: 3 },
    );
    const user = fc.oneof(
      { arbitrary: pathUser(world), weight: 4 },
      { arbitrary: fc.constantFrom(world.carol.id, world.erin.id).map(segmentOf), weight: 1 },
    );
    const input = fc.record({
      verb: fc.constantFrom<InviteVerb>('accept', 'decline', 'cancel'),
      who: actor,
      user,
      id: idSegment,
      // Accept and cancel read no body: one sent anyway is ignored (unless it is too large). The
      // decline reads an optional one, `{"silent": true}` (see declineBodyRefusal).
      body: fc.option(
        fc.oneof(
          fc.constantFrom(
            '{',
            '{"receiver_id":"x"}',
            'null',
            '{"silent":true}',
            '{"silent":false}',
            '{"silent":"yes"}',
          ),
          hostileText,
        ),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ verb, who, user, id, body }) => {
        const caller = { world, actor: who };
        const request: Call = {
          method: 'POST',
          path: `/v1/connections/${user.raw}/invites/${id.raw}/${verb}`,
          token: tokenOf(caller),
          body,
        };
        const expected = await expectInviteAction(caller, verb, user, id, body);
        const invite = id.value === null ? undefined : world.state.invites.get(id.value);
        const senderUnread = invite ? await unreadCount(world, invite.sender) : 0;
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const answer = {
            accept: { message: 'Invite accepted', invite_id: Number(id.value), join_info: invite?.joinInfo },
            decline: { message: 'Invite declined' },
            cancel: { message: 'Invite withdrawn' },
          }[verb];
          expect(reply.json).toEqual(answer);
          // The sender hears of an answer (unless declined silently), not of its own withdrawal.
          const silent =
            verb === 'decline' &&
            body !== undefined &&
            body.trim() !== '' &&
            JSON.parse(asStored(body)).silent === true;
          const told = verb !== 'cancel' && !silent ? 1 : 0;
          expect(await unreadCount(world, invite!.sender)).toBe(senderUnread + told);
          recordInviteAnswer(world, verb, id.value!);
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      // The runs the model must get right whatever is generated (in this order): the sender
      // answering; the receiver accepting, then again; the receiver withdrawing; the sender
      // withdrawing, then again; an expired invite, answered and withdrawn; someone else's;
      // the receiver declining silently; an id of another kind; a user that does not exist.
      params(
        RUNS + 30,
        (
          [
            ['accept', 'user', world.alice.id, world.inviteOut, undefined],
            ['accept', 'user', world.alice.id, world.inviteIn, undefined],
            ['decline', 'user', world.alice.id, world.inviteIn, undefined],
            ['cancel', 'user', world.alice.id, world.inviteIn, undefined],
            ['cancel', 'service', world.alice.id, world.inviteOut, undefined],
            ['cancel', 'user', world.alice.id, world.inviteOut, undefined],
            ['accept', 'user', world.alice.id, world.inviteExpired, undefined],
            ['decline', 'service', world.alice.id, world.inviteExpired, '{"silent":true}'],
            ['cancel', 'service', world.carol.id, world.inviteExpired, undefined],
            ['accept', 'user', world.alice.id, world.inviteOther, undefined],
            ['decline', 'user', world.alice.id, world.inviteOther, undefined],
            ['decline', 'service', world.bob.id, world.inviteOther, undefined],
            ['decline', 'service', world.erin.id, world.inviteOther, '{"silent":"yes"}'],
            ['decline', 'service', world.erin.id, world.inviteOther, ' {"silent":true} '],
            ['accept', 'user', world.alice.id, world.requestIn, undefined],
            ['accept', 'service', 'ghost', world.inviteIn, undefined],
            ['cancel', 'service', 'ghost', 'x', undefined],
          ] as const
        ).map(([verb, who, user, id, body]): [Input] => [
          { verb, who, user: segmentOf(user), id: segmentOf(id), body },
        ]),
      ),
    );
  }, 60_000);
});

describe('REST: hostile input on friend codes', () => {
  it('GET /v1/users/{user_id}/friend-code and POST …/friend-code/rotate: hostile ids, junk bodies, each user its own code', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol } = world;
    type Input = { rotate: boolean; who: Actor; user: Segment; body: string | undefined };
    const input: fc.Arbitrary<Input> = fc.record({
      rotate: fc.boolean(),
      who: actor,
      user: fc.oneof(
        { arbitrary: pathUser(world), weight: 4 },
        // A user made for the run, who has no code until one is asked for.
        { arbitrary: fc.constantFrom(carol.id, 'fresh', 'ghost').map(segmentOf), weight: 1 },
      ),
      body: junkBody,
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ rotate, who, user: named, body }) => {
        const caller = { world, actor: who };
        const user = named.value === 'fresh' ? segmentOf((await world.tenant.user('fresh')).id) : named;
        const path = `/v1/users/${user.raw}/friend-code${rotate ? '/rotate' : ''}`;
        // A GET reads no body: none is sent with one.
        const request: Call = {
          method: rotate ? 'POST' : 'GET',
          path,
          token: tokenOf(caller),
          body: rotate ? body : undefined,
        };
        const expected = await ignoredBody(request.body, [user], () => ruleActAsUser(caller, user.value));
        const had = user.value === null ? null : await friendCodeOf(world, user.value);
        const before = await snapshot(tenant);
        const reply = await call(request);
        const context = { request: describeCall(request), response: reply.text };
        if (checkRest(request, reply, expected)) {
          // The user's code as users write it: the one it had (made now if it had none), or a new one.
          const answer = reply.json as Record<string, string>;
          const code = await friendCodeOf(world, user.value!);
          const time = Number.isNaN(Date.parse(answer.created_at ?? '')) ? answer.created_at : '<time>';
          expect({ ...answer, created_at: time }, JSON.stringify(context)).toEqual({
            ...(rotate && { message: 'Friend code replaced' }),
            friend_code: code,
            created_at: '<time>',
          });
          expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
          if (rotate) {
            expect(code).not.toBe(had);
            // The old code names no one from now on.
            if (had !== null) expect(await friendCodeOwner(world, had.replace('-', ''))).toBeNull();
          } else if (had !== null) {
            expect(code).toBe(had);
            // Reading a code that exists changes nothing.
            await expectUnchanged(tenant, before, context);
          }
          expect(await friendCodeOwner(world, code!.replace('-', ''))).toBe(user.value);
        } else {
          await expectUnchanged(tenant, before, context);
        }
      }),
      params(
        RUNS + 20,
        (
          [
            [false, 'user', alice.id],
            [true, 'user', alice.id],
            [false, 'user', alice.id],
            [true, 'user', bob.id],
            [false, 'user', bob.id],
            [false, 'service', bob.id],
            [true, 'service', bob.id],
            [true, 'service', 'fresh'],
            [false, 'service', 'fresh'],
            [false, 'service', 'ghost'],
            [true, 'service', 'ghost'],
            [true, 'service', 'x'.repeat(129)],
          ] as const
        ).map(([rotate, who, user]): [Input] => [{ rotate, who, user: segmentOf(user), body: undefined }]),
      ),
    );
  }, 60_000);
});
