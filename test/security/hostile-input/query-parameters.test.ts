/**
 * Hostile query parameters: the REST lists called with generated `page`, `per_page`, `status`,
 * `unread_only`, `presence` and `direction` values and junk in the query string. See harness.ts for what every answer
 * must be and how runs reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fail } from './contract.js';
import {
  actor,
  booleanValue,
  hostileSegment,
  hostileText,
  pageValue,
  pathUser,
  type Segment,
  segmentOf,
  statusValue,
} from './generators.js';
import { params, RUNS, useHostileInput } from './harness.js';
import { type Call, describeCall } from './rest.js';
import {
  booleanVerdict,
  combine,
  directionVerdict,
  expectedInvites,
  intParam,
  pagingVerdict,
  presenceFilterVerdict,
  ruleList,
  ruleMutual,
  statusVerdict,
} from './rules.js';
import { type Actor, tokenOf } from './world.js';

const { server, createWorld, call, checkRest, snapshot, expectUnchanged } = useHostileInput();

describe('REST: hostile input on every route', () => {
  it('GET sent, received, active and notifications: hostile page, per_page, status, unread_only and presence', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type List = 'sent' | 'received' | 'active' | 'notifications';
    // The filter of connections by presence (`online`, beyond the documented API): read by the
    // active list only, ignored by the others.
    const presenceValue = fc.oneof(
      fc.mixedCase(fc.constantFrom('online')),
      fc.constantFrom('', 'offline', 'away', 'busy', 'invisible', 'all', 'onlıne', 'online ', 'online\u0000', 'true'),
      hostileText.filter((s) => s.length < 200),
    );
    const input = fc.record({
      list: fc.constantFrom<List>('sent', 'received', 'active', 'notifications'),
      who: actor,
      user: pathUser(world),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      status: fc.option(statusValue, { nil: undefined }),
      unreadOnly: fc.option(booleanValue, { nil: undefined }),
      presence: fc.option(presenceValue, { nil: undefined }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&page[]=1', '&per_page=abc', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ list, who, user, page, perPage, status, unreadOnly, presence, junk }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        if (status !== undefined) query.set('status', status);
        if (unreadOnly !== undefined) query.set('unread_only', unreadOnly);
        if (presence !== undefined) query.set('presence', presence);
        const path = `/v1/connections/${user.raw}/${list}?${query}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        // What the server reads: the query as the URL parser leaves it.
        const seen = new URL(`${server.url}${path}`).searchParams;
        const defaultPerPage = list === 'notifications' ? 50 : 10;
        const pageParam = intParam(seen.get('page'));
        const perPageParam = intParam(seen.get('per_page'));
        const verdict = combine(
          pagingVerdict(pageParam, perPageParam, defaultPerPage),
          list === 'sent' || list === 'received' ? statusVerdict(seen.get('status')) : 'valid',
          list === 'notifications' ? booleanVerdict(seen.get('unread_only')) : 'valid',
          list === 'active' ? presenceFilterVerdict(seen.get('presence')) : 'valid',
        );
        const expected =
          user.value === null
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : await ruleList(caller, user.value, verdict);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && verdict === 'valid') {
          const body = reply.json as Record<string, any>;
          const items = {
            sent: 'requests',
            received: 'requests',
            active: 'connections',
            notifications: 'notifications',
          }[list];
          const size = perPageParam.kind === 'int' ? perPageParam.value : defaultPerPage;
          expect(body.pagination).toMatchObject({
            current_page: pageParam.kind === 'int' ? pageParam.value : 1,
            per_page: size,
          });
          expect(body[items].length).toBeLessThanOrEqual(size);
          if (list === 'active') {
            // Each connection with its presence; no one in this world has ever been online.
            const filtered = (seen.get('presence') ?? '') !== '';
            for (const connection of body.connections) {
              expect(connection.presence).toEqual({
                status: 'offline',
                activity: null,
                join_info: null,
                last_seen_at: null,
              });
            }
            if (filtered)
              expect({ connections: body.connections, total: body.pagination.total_items }).toEqual({
                connections: [],
                total: 0,
              });
          }
        }
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      params(RUNS + 20),
    );
  }, 60_000);
});

describe('REST: hostile input on mutual connections and suggestions', () => {
  it('GET mutual/{other_id} and suggestions: hostile ids, page and per_page', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const input = fc.record({
      route: fc.constantFrom('mutual' as const, 'suggestions' as const),
      who: actor,
      user: pathUser(world),
      other: fc.oneof(
        { arbitrary: fc.constantFrom(world.alice.id, world.bob.id, world.carol.id).map(segmentOf), weight: 3 },
        { arbitrary: hostileSegment, weight: 2 },
      ),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ route, who, user, other, page, perPage }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        const path = `/v1/connections/${user.raw}/${route === 'mutual' ? `mutual/${other.raw}` : route}?${query}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        // What the server reads: the query as the URL parser leaves it.
        const seen = new URL(`${server.url}${path}`).searchParams;
        const perPageParam = intParam(seen.get('per_page'));
        const paging = pagingVerdict(intParam(seen.get('page')), perPageParam, 10);
        const expected =
          user.value === null || (route === 'mutual' && other.value === null)
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : route === 'mutual'
              ? await ruleMutual(caller, user.value, other.value!, paging)
              : await ruleList(caller, user.value, paging);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && paging === 'valid') {
          const body = reply.json as Record<string, any>;
          const size = perPageParam.kind === 'int' ? perPageParam.value : 10;
          expect(body.pagination).toMatchObject({ per_page: size });
          expect(body[route === 'mutual' ? 'mutual_connections' : 'suggestions'].length).toBeLessThanOrEqual(size);
        }
        await expectUnchanged(tenant, before, { request: describeCall(request) });
      }),
      params(RUNS + 20),
    );
  }, 60_000);
});

describe('REST: hostile input on the routes beyond the documented API', () => {
  it('GET /v1/users/{user_id}/blocked: hostile ids, page and per_page', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const input = fc.record({
      who: actor,
      user: pathUser(world),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&page[]=1', '&per_page=abc', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ who, user, page, perPage, junk }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        const path = `/v1/users/${user.raw}/blocked?${query}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        const seen = new URL(`${server.url}${path}`).searchParams;
        const pageParam = intParam(seen.get('page'));
        const perPageParam = intParam(seen.get('per_page'));
        const verdict = pagingVerdict(pageParam, perPageParam, 10);
        const expected =
          user.value === null
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : await ruleList(caller, user.value, verdict);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && verdict === 'valid') {
          const body = reply.json as { blocked: Record<string, unknown>[]; pagination: Record<string, number> };
          const size = perPageParam.kind === 'int' ? perPageParam.value : 10;
          const current = pageParam.kind === 'int' ? pageParam.value : 1;
          expect(body.pagination).toMatchObject({ current_page: current, per_page: size });
          // alice blocks frank; bob blocks no one.
          const all = user.value === world.alice.id ? [world.frank.id] : [];
          expect(body.pagination.total_items).toBe(all.length);
          expect(body.blocked.map((b) => b.client_user_id)).toEqual(all.slice((current - 1) * size, current * size));
          for (const blocked of body.blocked) {
            expect(Object.keys(blocked).sort()).toEqual(['blocked_at', 'client_user_id', 'display_name']);
          }
        }
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      params(RUNS),
    );
  }, 60_000);
});

describe('REST: hostile input on invites', () => {
  it('GET /v1/connections/{user_id}/invites: hostile direction, status, page and per_page', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const directionValue = fc.oneof(
      fc.mixedCase(fc.constantFrom('received', 'sent')),
      fc.constantFrom('', 'recieved', 'sent ', ' sent', 'sent\u0000', 'both', 'all', 'ſent', 'outgoing', 'null'),
      hostileText.filter((s) => s.length < 200),
    );
    type Input = {
      who: Actor;
      user: Segment;
      direction: string | undefined;
      status: string | undefined;
      page: string | undefined;
      perPage: string | undefined;
      junk: string | undefined;
    };
    const input: fc.Arbitrary<Input> = fc.record({
      who: actor,
      user: fc.oneof(
        { arbitrary: pathUser(world), weight: 4 },
        { arbitrary: fc.constantFrom(world.carol.id, world.erin.id).map(segmentOf), weight: 1 },
      ),
      direction: fc.option(directionValue, { nil: undefined }),
      status: fc.option(statusValue, { nil: undefined }),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&direction[]=sent', '&status=', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ who, user, direction, status, page, perPage, junk }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (direction !== undefined) query.set('direction', direction);
        if (status !== undefined) query.set('status', status);
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        const path = `/v1/connections/${user.raw}/invites?${query}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        // What the server reads: the query as the URL parser leaves it.
        const seen = new URL(`${server.url}${path}`).searchParams;
        const pageParam = intParam(seen.get('page'));
        const perPageParam = intParam(seen.get('per_page'));
        const verdict = combine(
          pagingVerdict(pageParam, perPageParam, 10),
          statusVerdict(seen.get('status')),
          directionVerdict(seen.get('direction')),
        );
        const expected =
          user.value === null
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : await ruleList(caller, user.value, verdict);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && verdict === 'valid') {
          const body = reply.json as { invites: Record<string, any>[]; pagination: Record<string, number> };
          const size = perPageParam.kind === 'int' ? perPageParam.value : 10;
          const current = pageParam.kind === 'int' ? pageParam.value : 1;
          expect(body.pagination).toMatchObject({ current_page: current, per_page: size });
          // Exactly the world's invites of that side and status (nothing here writes).
          const side = (seen.get('direction') || 'received').toLowerCase();
          const filter = (seen.get('status') || 'all').toLowerCase();
          const all = expectedInvites(world, user.value!, side, filter);
          expect(body.pagination.total_items).toBe(all.length);
          expect(body.invites.length).toBe(Math.max(0, Math.min(size, all.length - (current - 1) * size)));
          for (const invite of body.invites) {
            const known = all.find((i) => String(invite.id) === i.id);
            expect({
              id: invite.id,
              sender: invite.sender.client_user_id,
              receiver: invite.receiver.client_user_id,
              status: invite.status,
              join_info: invite.join_info,
            }).toEqual({
              id: Number(known?.id),
              sender: known?.sender,
              receiver: known?.receiver,
              status: known?.status,
              join_info: known?.joinInfo,
            });
          }
        }
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      // Each side and status of the world's invites, and a second page.
      params(
        RUNS + 20,
        (
          [
            ['user', world.alice.id, {}],
            ['user', world.alice.id, { direction: 'sent' }],
            ['user', world.alice.id, { status: 'expired' }],
            ['user', world.alice.id, { direction: 'Received', status: 'PENDING' }],
            ['user', world.alice.id, { page: '2', perPage: '1' }],
            ['service', world.bob.id, { direction: 'SENT', status: 'all' }],
            ['service', world.erin.id, { status: 'pending' }],
            ['service', world.carol.id, { direction: 'sent', status: 'Pending', perPage: '50' }],
            ['service', world.carol.id, { direction: 'sent', status: 'declined' }],
          ] as const
        ).map(([who, user, query]): [Input] => [
          {
            who,
            user: segmentOf(user),
            direction: undefined,
            status: undefined,
            page: undefined,
            perPage: undefined,
            junk: undefined,
            ...query,
          },
        ]),
      ),
    );
  }, 60_000);
});
