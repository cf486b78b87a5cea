/**
 * Hostile query parameters: the REST lists called with generated `page`, `per_page`, `status`,
 * `unread_only`, `presence` and `direction` values and junk in the query string, and the player
 * search with generated `query` and `user_id`. See harness.ts for what every answer must be and
 * how runs reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../../helpers/app.js';
import { codePoints, fail, violation } from './contract.js';
import {
  actor,
  booleanValue,
  hostileIdValue,
  hostileSegment,
  hostileText,
  pageValue,
  pathUser,
  type Segment,
  searchText,
  segmentOf,
  statusValue,
} from './generators.js';
import { params, RUNS, useHostileInput } from './harness.js';
import { type Call, describeCall, expectSearch } from './rest.js';
import {
  booleanVerdict,
  combine,
  directionVerdict,
  expectedInvites,
  expectedRecentPlayers,
  FUZZY_SEARCH_FROM,
  intParam,
  MAX_INT,
  pagingVerdict,
  presenceFilterVerdict,
  RECENT_PLAYERS_PER_PAGE,
  ruleList,
  ruleMutual,
  SEARCH_PER_PAGE,
  searchQueryValid,
  searchRank,
  searchRelationship,
  searchSpelling,
  sortVerdict,
  spelledByModel,
  statusVerdict,
} from './rules.js';
import { type Actor, namedUsers, notesIn, recordNotes, searchTextOf, seedPlayers, tokenOf } from './world.js';

const { server, createWorld, call, checkRest, snapshot, expectUnchanged } = useHostileInput();

describe('REST: hostile input on every route', () => {
  it('GET sent, received, active and notifications: hostile page, per_page, status, unread_only, presence, favorite and sort', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, erin } = world;
    // Three more of alice's connections, the second starred, so that orders and filters show.
    const more: { id: string; other: string }[] = [];
    for (const name of ['xena', 'yuri', 'zoe']) {
      const other = await world.tenant.user(name);
      more.push({ id: String(await world.tenant.connect(alice, other)), other: other.id });
    }
    const starred = { nickname: 'Y', note: null, favorite: true };
    const star = await server.rest('PATCH', `/v1/connections/${alice.id}/${more[1]!.id}`, {
      token: alice.token,
      body: { nickname: starred.nickname, favorite: starred.favorite },
    });
    expect(star.status).toBe(200);
    recordNotes(world, alice.id, more[1]!.id, starred);
    /** Each user's connections, newest first. */
    const connectionsOf: Record<string, { id: string; other: string }[]> = {
      [alice.id]: [...more].reverse().concat({ id: world.connection, other: carol.id }),
      [bob.id]: [{ id: world.connectionOther, other: erin.id }],
    };
    type List = 'sent' | 'received' | 'active' | 'notifications';
    // The filter of connections by presence (`online`, beyond the documented API): read by the
    // active list only, ignored by the others.
    const presenceValue = fc.oneof(
      fc.mixedCase(fc.constantFrom('online')),
      fc.constantFrom('', 'offline', 'away', 'busy', 'invisible', 'all', 'onlıne', 'online ', 'online\u0000', 'true'),
      hostileText.filter((s) => s.length < 200),
    );
    // The order of connections (`newest` or `favorites`, beyond the documented API): the same.
    const sortValue = fc.oneof(
      fc.mixedCase(fc.constantFrom('newest', 'favorites')),
      fc.constantFrom(
        '',
        'favourites',
        'favorite',
        'oldest',
        'newest ',
        'newest\u0000',
        'favorıtes',
        'FAVORITES,newest',
      ),
      hostileText.filter((s) => s.length < 200),
    );
    type Input = {
      list: List;
      who: Actor;
      user: Segment;
      page: string | undefined;
      perPage: string | undefined;
      status: string | undefined;
      unreadOnly: string | undefined;
      presence: string | undefined;
      favorite: string | undefined;
      sort: string | undefined;
      junk: string | undefined;
    };
    const input: fc.Arbitrary<Input> = fc.record({
      list: fc.constantFrom<List>('sent', 'received', 'active', 'active', 'notifications'),
      who: actor,
      user: pathUser(world),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      status: fc.option(statusValue, { nil: undefined }),
      unreadOnly: fc.option(booleanValue, { nil: undefined }),
      // Mostly left out, so that the active list is answered as well as refused.
      presence: fc.option(presenceValue, { nil: undefined, freq: 2 }),
      favorite: fc.option(booleanValue, { nil: undefined, freq: 2 }),
      sort: fc.option(sortValue, { nil: undefined, freq: 2 }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&page[]=1', '&per_page=abc', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(
        input,
        async ({ list, who, user, page, perPage, status, unreadOnly, presence, favorite, sort, junk }) => {
          const caller = { world, actor: who };
          const query = new URLSearchParams();
          if (page !== undefined) query.set('page', page);
          if (perPage !== undefined) query.set('per_page', perPage);
          if (status !== undefined) query.set('status', status);
          if (unreadOnly !== undefined) query.set('unread_only', unreadOnly);
          if (presence !== undefined) query.set('presence', presence);
          if (favorite !== undefined) query.set('favorite', favorite);
          if (sort !== undefined) query.set('sort', sort);
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
            list === 'active' ? booleanVerdict(seen.get('favorite')) : 'valid',
            list === 'active' ? sortVerdict(seen.get('sort')) : 'valid',
          );
          const expected =
            user.value === null
              ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
              : await ruleList(caller, user.value, verdict);
          const before = await snapshot(tenant);
          const reply = await call(request);
          const context = { request: describeCall(request), response: reply.text };
          if (checkRest(request, reply, expected) && verdict === 'valid') {
            const body = reply.json as Record<string, any>;
            const items = {
              sent: 'requests',
              received: 'requests',
              active: 'connections',
              notifications: 'notifications',
            }[list];
            const size = perPageParam.kind === 'int' ? perPageParam.value : defaultPerPage;
            const current = pageParam.kind === 'int' ? pageParam.value : 1;
            expect(body.pagination).toMatchObject({ current_page: current, per_page: size });
            expect(body[items].length).toBeLessThanOrEqual(size);
            if (list === 'active') {
              // Each connection with its presence; no one in this world has ever been online.
              for (const connection of body.connections) {
                expect(connection.presence).toEqual({
                  status: 'offline',
                  activity: null,
                  join_info: null,
                  last_seen_at: null,
                });
              }
              // Exactly the user's connections, newest first or favourites first, only those
              // starred or not, none when only those online: each with what the user keeps about it.
              const starredOnly = seen.get('favorite')?.toLowerCase();
              const filter = starredOnly ? ['true', '1'].includes(starredOnly) : null;
              const listed = (seen.get('presence') ?? '') === '' ? (connectionsOf[user.value!] ?? []) : [];
              let all = listed
                .map(({ id, other }) => ({ id, other, ...notesIn(world, user.value!, id) }))
                .filter((connection) => filter === null || connection.favorite === filter);
              if (seen.get('sort')?.toLowerCase() === 'favorites') {
                all = [...all.filter((c) => c.favorite), ...all.filter((c) => !c.favorite)];
              }
              expect(
                {
                  connections: body.connections.map((c: Record<string, any>) => ({
                    id: String(c.id),
                    other: c.connected_user.client_user_id,
                    nickname: c.nickname,
                    note: c.note,
                    favorite: c.favorite,
                  })),
                  total: body.pagination.total_items,
                },
                JSON.stringify(context),
              ).toEqual({ connections: all.slice((current - 1) * size, current * size), total: all.length });
            }
          }
          await expectUnchanged(tenant, before, context);
        },
      ),
      // Each order and filter of alice's list, a second page.
      params(
        RUNS + 30,
        (
          [
            { sort: 'favorites' },
            { sort: 'FAVORITES', perPage: '1', page: '2' },
            { favorite: 'true' },
            { favorite: '0', sort: 'Favorites' },
            { favorite: 'yes' },
            { sort: 'favourites' },
            { sort: 'newest', perPage: '2', page: '2' },
            { presence: 'online', sort: 'favorites', favorite: 'true' },
            { who: 'service', favorite: 'FALSE', sort: 'favorites', perPage: '2' },
            { who: 'service', user: segmentOf(bob.id), favorite: '1' },
            { who: 'service', user: segmentOf(bob.id), sort: 'NEWEST', favorite: 'false' },
          ] as const
        ).map((values): [Input] => [
          {
            list: 'active',
            who: 'user',
            user: segmentOf(alice.id),
            page: undefined,
            perPage: undefined,
            status: undefined,
            unreadOnly: undefined,
            presence: undefined,
            favorite: undefined,
            sort: undefined,
            junk: undefined,
            ...values,
          },
        ]),
      ),
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

describe('REST: hostile input on recent players', () => {
  it('GET /v1/users/{user_id}/recent-players: hostile ids, page and per_page; exactly the players met, blocks left out', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, frank, gina } = world;
    type Input = {
      who: Actor;
      user: Segment;
      page: string | undefined;
      perPage: string | undefined;
      junk: string | undefined;
    };
    const input: fc.Arbitrary<Input> = fc.record({
      who: actor,
      user: fc.oneof(
        { arbitrary: pathUser(world), weight: 4 },
        { arbitrary: fc.constantFrom(carol.id, dave.id, frank.id, gina.id, 'ghost').map(segmentOf), weight: 1 },
      ),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&page[]=1', '&first=1', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ who, user, page, perPage, junk }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        const path = `/v1/users/${user.raw}/recent-players?${query}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        const seen = new URL(`${server.url}${path}`).searchParams;
        const pageParam = intParam(seen.get('page'));
        const perPageParam = intParam(seen.get('per_page'));
        const verdict = pagingVerdict(pageParam, perPageParam, RECENT_PLAYERS_PER_PAGE);
        const expected =
          user.value === null
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : await ruleList(caller, user.value, verdict);
        const before = await snapshot(tenant);
        const reply = await call(request);
        const context = { request: describeCall(request), response: reply.text };
        if (checkRest(request, reply, expected) && verdict === 'valid') {
          const body = reply.json as { recent_players: Record<string, any>[]; pagination: Record<string, number> };
          const size = perPageParam.kind === 'int' ? perPageParam.value : RECENT_PLAYERS_PER_PAGE;
          const current = pageParam.kind === 'int' ? pageParam.value : 1;
          // The others of the world's one match, latest first, those with a block either way left
          // out, each with the match's context and how the user stands with them now.
          const all = await expectedRecentPlayers(world, user.value!);
          expect(
            {
              keys: Object.keys(body).sort(),
              players: body.recent_players.map(({ display_name, played_at, ...rest }) => ({
                ...rest,
                named: typeof display_name === 'string',
                played: !Number.isNaN(Date.parse(played_at)),
              })),
              pagination: body.pagination,
            },
            JSON.stringify(context),
          ).toEqual({
            keys: ['pagination', 'recent_players'],
            players: all
              .slice((current - 1) * size, current * size)
              .map((player) => ({ ...player, named: true, played: true })),
            pagination: {
              current_page: current,
              per_page: size,
              total_items: all.length,
              total_pages: Math.ceil(all.length / size),
            },
          });
        }
        await expectUnchanged(tenant, before, context);
      }),
      params(
        RUNS + 10,
        (
          [
            ['user', alice.id, {}],
            ['user', alice.id, { perPage: '1', page: '2' }],
            ['user', alice.id, { perPage: '51' }],
            ['user', bob.id, {}],
            ['service', bob.id, { perPage: '3' }],
            ['service', carol.id, {}],
            ['service', dave.id, {}],
            ['service', frank.id, {}],
            ['service', gina.id, { page: '0' }],
            ['service', 'ghost', {}],
          ] as const
        ).map(([who, user, values]): [Input] => [
          { who, user: segmentOf(user), page: undefined, perPage: undefined, junk: undefined, ...values },
        ]),
      ),
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

describe('REST: hostile input on player search', () => {
  /**
   * Players named to be found (or not) by hostile texts: accents and case, letters unaccent
   * spells out, LIKE's wildcards and escape, regular expression syntax, SQL, other scripts,
   * emoji, and the longest name; with the world's seven, 29 users: one page of 50 holds them all.
   */
  const PLAYER_NAMES = [
    'Émile Zola',
    'ÉMILIE du Châtelet',
    'Xx_Emil_xX',
    'Big Emilio',
    'Aemilia',
    'ShadowHunter',
    '100%_Real',
    'a_b%c',
    'axbyc',
    'Zoë (the 2nd)',
    '[regex].*+?^$|\\',
    "O'Brien; DROP TABLE users; --",
    'Ünïcödé Ñandú',
    'Großmann-Ærøskøbing',
    'Łukasz Żółć',
    'Σοφία Ωμέγα',
    '中文名字',
    '😀 Smile',
    'Renée-Noël',
    'Ä'.repeat(64),
    'alice',
    'Malice Alicia',
  ];

  /** The start of what a refusal's message must name (the first input found wrong), or null when not settled. */
  function namedInput(seen: URLSearchParams, forbidden: boolean): string[] | null {
    const query = seen.get('query');
    if (query === null || query === '') return ['query'];
    const page = intParam(seen.get('page'));
    const perPage = intParam(seen.get('per_page'));
    if (page.kind === 'ambiguous' || perPage.kind === 'ambiguous') return null;
    const unreadable = (param: typeof page) =>
      param.kind === 'invalid' || (param.kind === 'int' && Math.abs(param.value) > MAX_INT);
    if (unreadable(page)) return ['page'];
    if (unreadable(perPage)) return ['per_page'];
    if (forbidden) return null;
    if (!searchQueryValid(query)) return ['query'];
    // Deep pages may be refused as too large (see pagingVerdict).
    if (pagingVerdict(page, perPage, SEARCH_PER_PAGE) !== 'valid') return ['page', 'per_page'];
    // An id no user can have (the searcher) is the one input left.
    return ['userId', 'user_id'];
  }

  it('GET /v1/users: hostile query, user_id, page and per_page; exactly the players the world knows to match', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, erin, frank, gina } = world;
    const known = [...namedUsers(world), ...(await seedPlayers(world, PLAYER_NAMES))];
    const nameOf = new Map(known.map((user) => [user.id, user.name]));
    // Players of another tenant named alike (`outsider1`…): never found.
    const elsewhere = await createTenant(server);
    for (const [i, name] of [...PLAYER_NAMES, alice.displayName, gina.displayName].entries()) {
      const put = await server.rest('PUT', `/v1/users/outsider${i + 1}`, {
        token: elsewhere.serviceToken,
        body: { display_name: name },
      });
      expect(put.status).toBe(201);
    }
    // The model spells each name as the index does: lower case, without accents.
    for (const { name } of known) {
      expect({ name, spelled: await searchTextOf(world, name) }).toEqual({ name, spelled: searchSpelling(name) });
    }
    type Input = {
      who: Actor;
      query: string | undefined;
      userId: string | undefined;
      page: string | undefined;
      perPage: string | undefined;
      junk: string | undefined;
    };
    const input: fc.Arbitrary<Input> = fc.record({
      who: actor,
      query: fc.option(searchText(known.map((user) => user.name)), { nil: undefined, freq: 12 }),
      // The searcher: mostly none (a service token then searches as no one); alice, those she is
      // related to, those she blocks or who block her, a player, no one, or an id no one has.
      userId: fc.option(
        fc.oneof(
          {
            arbitrary: fc.constantFrom(alice.id, alice.id, bob.id, carol.id, dave.id, erin.id, frank.id, gina.id),
            weight: 4,
          },
          { arbitrary: fc.constantFrom('player1', 'ghost', '', ' '), weight: 1 },
          { arbitrary: hostileIdValue, weight: 1 },
        ),
        { nil: undefined, freq: 2 },
      ),
      page: fc.option(pageValue, { nil: undefined, freq: 2 }),
      perPage: fc.option(pageValue, { nil: undefined, freq: 2 }),
      junk: fc.option(
        fc.constantFrom('&query', '&query=zz', '&user_id=bob2', '&=&&', '&%zz=%zz', '&query[]=al', '#frag'),
        {
          nil: undefined,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ who, query, userId, page, perPage, junk }) => {
        const caller = { world, actor: who };
        const parameters = new URLSearchParams();
        if (query !== undefined) parameters.set('query', query);
        if (userId !== undefined) parameters.set('user_id', userId);
        if (page !== undefined) parameters.set('page', page);
        if (perPage !== undefined) parameters.set('per_page', perPage);
        const path = `/v1/users?${parameters}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        // What the server reads: the query as the URL parser leaves it.
        const seen = new URL(`${server.url}${path}`).searchParams;
        const { outcome, paging, searcher } = await expectSearch(caller, seen);
        const before = await snapshot(tenant);
        const reply = await call(request);
        const context = { request: describeCall(request), response: reply.text };
        if (!checkRest(request, reply, outcome)) {
          const refusal = reply.json as { code: string; message: string };
          const named = namedInput(seen, outcome.codes.includes('FORBIDDEN'));
          if (reply.status === 400 && named && !named.some((name) => refusal.message.startsWith(name))) {
            throw violation('the refusal names the wrong input', { ...context, named });
          }
        } else if (paging === 'valid') {
          const body = reply.json as { users: Record<string, any>[]; pagination: Record<string, number> };
          expect(Object.keys(body).sort()).toEqual(['pagination', 'users']);
          // The whole list, in one page: the tenant has fewer than 50 users.
          const text = await searchTextOf(world, seen.get('query')!.trim());
          const trimmed = seen.get('query')!.trim();
          if (spelledByModel(trimmed)) {
            expect({ query: trimmed, text }).toEqual({ query: trimmed, text: searchSpelling(trimmed) });
          }
          const whole = new URLSearchParams({ query: seen.get('query')!, per_page: '50' });
          if (seen.get('user_id')) whole.set('user_id', seen.get('user_id')!);
          const wholeRequest: Call = { method: 'GET', path: `/v1/users?${whole}`, token: tokenOf(caller) };
          const wholeReply = await call(wholeRequest);
          const all = (wholeReply.json as { users: Record<string, any>[] }).users;
          const listed = all.map((user) => user.client_user_id as string);
          const holding = known
            .filter((user) => searchSpelling(user.name).includes(text))
            .map((user) => user.id)
            .sort();
          const found = {
            query: trimmed,
            text,
            searcher,
            status: wholeReply.status,
            // Every user listed once, a user of the tenant, with its own name.
            users: all.map((user) => [user.client_user_id, user.display_name]),
            // The names holding the text (all of them, and no other below 4 characters: no typo then).
            holdingMissed: holding.filter((id) => !listed.includes(id)),
            others: codePoints(text) < FUZZY_SEARCH_FROM ? listed.filter((id) => !holding.includes(id)) : [],
            // Best match first: starting with it, a word starting with it, holding it, within a typo.
            ranks: all.map((user) => searchRank(searchSpelling(user.display_name), text)),
            // As the searcher stands with each; a user who blocks it reads `none`.
            relationships: all.map((user) => user.relationship),
            keys: [...new Set(all.map((user) => Object.keys(user).sort().join(',')))],
          };
          expect(found, JSON.stringify(context)).toEqual({
            query: trimmed,
            text,
            searcher,
            status: 200,
            users: [...new Set(listed)].map((id) => [id, nameOf.get(id)]),
            holdingMissed: [],
            others: [],
            ranks: [...found.ranks].sort((a, b) => a - b),
            relationships: all.map((user) => searchRelationship(world, searcher, user.client_user_id)),
            keys: all.length === 0 ? [] : ['client_user_id,display_name,relationship'],
          });
          // The page asked for is that part of the whole list.
          const pageParam = intParam(seen.get('page'));
          const perPageParam = intParam(seen.get('per_page'));
          const size = perPageParam.kind === 'int' ? perPageParam.value : SEARCH_PER_PAGE;
          const current = pageParam.kind === 'int' ? pageParam.value : 1;
          expect({ users: body.users, pagination: body.pagination }, JSON.stringify(context)).toEqual({
            users: all.slice((current - 1) * size, current * size),
            pagination: {
              current_page: current,
              per_page: size,
              total_items: all.length,
              total_pages: Math.ceil(all.length / size),
            },
          });
        }
        await expectUnchanged(tenant, before, context);
      }),
      // The searcher's relationships (each status, a block either way), the length limits, a
      // second page, wildcards, accents, and the order of the checks.
      params(
        RUNS + 40,
        (
          [
            ['user', { query: 'ali' }],
            ['user', { query: 'EMIL' }],
            ['user', { query: 'emil', perPage: '2', page: '2' }],
            ['user', { query: 'shadowhuntr' }],
            ['user', { query: 'a_b' }],
            ['user', { query: '%_' }],
            ['user', { query: '100%' }],
            ['user', { query: '.*+?^' }],
            ['user', { query: 'ñANDU' }],
            ['user', { query: 'grossmann-aeroskobing' }],
            ['user', { query: 'żó' }],
            ['user', { query: 'ΣΟΦ' }],
            ['user', { query: ` ${'a'.repeat(64)} ` }],
            ['user', { query: 'a'.repeat(65) }],
            ['user', { query: 'a' }],
            ['user', { query: '  ' }],
            ['user', { query: '' }],
            ['user', { query: 'al\u0000' }],
            ['user', { query: '\u0301\u0301' }],
            ['user', { query: 'in', userId: alice.id, perPage: '50' }],
            ['user', { query: 'in', userId: bob.id }],
            ['user', { query: 'in', userId: bob.id, page: 'abc' }],
            ['user', { query: 'a', userId: bob.id, page: '0' }],
            ['user', { query: 'a', page: '0' }],
            ['user', { query: 'al', page: '0' }],
            ['user', { query: 'al', perPage: '51' }],
            ['service', { query: 'a', userId: 'x'.repeat(129) }],
            ['service', { query: 'in' }],
            ['service', { query: 'ali', userId: frank.id }],
            ['service', { query: 'ali', userId: gina.id }],
            ['service', { query: 'in', userId: bob.id }],
            ['service', { query: 'in', userId: carol.id }],
            ['service', { query: 'in', userId: dave.id }],
            ['service', { query: 'in', userId: erin.id }],
            ['service', { query: 'in', userId: 'ghost' }],
            ['service', { query: 'in', userId: 'x'.repeat(129) }],
            ['service', { query: 'in', userId: '' }],
          ] as const
        ).map(([who, values]): [Input] => [
          { who, userId: undefined, page: undefined, perPage: undefined, junk: undefined, ...values },
        ]),
      ),
    );
  }, 120_000);
});
