/**
 * Hostile GraphQL: every query and mutation field called with generated arguments as variables,
 * as literals and with variables declared of a wrong type; request bodies that are malformed
 * JSON, of wrong JSON types or of wrong content types; a mutation sent with GET. See harness.ts
 * for what every answer must be and how runs reproduce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/graphql/schema.js';
import { ANY_BODY_LIMIT, type Outcome, parseJson, TYPENAME_OF_CODE, violation } from './contract.js';
import { actor, hostileText, MALFORMED_JSON, NON_OBJECT_JSON, wrongJsonType } from './generators.js';
import {
  argumentValue,
  checkGraphQLShape,
  coerced,
  coercesTo,
  FIELDS,
  literal,
  refusedByLimit,
  WRONG_DECLARATION,
} from './graphql-fields.js';
import { params, RUNS, useHostileInput } from './harness.js';
import { type Actor, expectPresenceUnchanged, freshFriendCode, presenceRecordOf, tokenOf } from './world.js';

const { server, createWorld, postGraphQL, snapshot, expectUnchanged, tally } = useHostileInput();

describe('GraphQL: hostile arguments on every query and mutation field', () => {
  it('covers every query and mutation field of the schema, with the arguments it declares', () => {
    const served = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ field: f, operation: 'query' })),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ field: f, operation: 'mutation' })),
    ];
    expect(served.map(({ field, operation }) => `${operation} ${field.name}`).sort()).toEqual(
      FIELDS.map((f) => `${f.operation} ${f.name}`).sort(),
    );
    for (const spec of FIELDS) {
      const field = served.find(({ field }) => field.name === spec.name)!.field;
      const declared = Object.fromEntries(field.args.map((arg) => [arg.name, String(arg.type)]));
      for (const [name, type] of Object.entries(spec.args)) {
        expect({ field: spec.name, name, type: declared[name] }).toEqual({ field: spec.name, name, type });
      }
      // Arguments this table does not drive must be optional, so that leaving them out is valid.
      const undriven = field.args.filter((arg) => !(arg.name in spec.args) && String(arg.type).endsWith('!'));
      expect({ field: spec.name, requiredButUndriven: undriven.map((arg) => arg.name) }).toEqual({
        field: spec.name,
        requiredButUndriven: [],
      });
    }
  });

  for (const field of FIELDS) {
    it(`${field.operation} ${field.name}: hostile variables, literals and declarations`, async () => {
      const world = await createWorld();
      const tenant = world.tenant.name;
      const argNames = Object.keys(field.args);
      const input = fc.record({
        who: actor,
        mode: fc.oneof(
          { arbitrary: fc.constant('variables' as const), weight: 6 },
          { arbitrary: fc.constant('inline' as const), weight: 2 },
          { arbitrary: fc.constant('wrong-declaration' as const), weight: 1 },
        ),
        values: fc.record(
          Object.fromEntries(argNames.map((name) => [name, argumentValue(field.args[name]!, world, name)])),
        ) as fc.Arbitrary<Record<string, unknown>>,
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ who, mode, values: generated }) => {
          const caller = { world, actor: who };
          const values = { ...generated };
          for (const [name, value] of Object.entries(values)) {
            if (value === 'fresh') values[name] = (await world.tenant.user('fresh')).id;
            // The friend code of a user made for this run, who a request can reach.
            if (value === 'fresh-code') values[name] = await freshFriendCode(world);
          }
          // JSON has no undefined, NaN or -0: what the server receives is the JSON round trip.
          const provided = Object.entries(values).filter(([, value]) => value !== undefined);
          const sent: Record<string, unknown> = JSON.parse(JSON.stringify(Object.fromEntries(provided)));
          const selection = `{ __typename ... on Error { code message } }`;
          let document: string;
          let variables: Record<string, unknown> | undefined;
          let valid: boolean;
          if (mode === 'inline') {
            const literals = Object.entries(sent).map(
              ([name, value]) => [name, literal(field.args[name]!, value)] as const,
            );
            const args = literals.map(([name, l]) => `${name}: ${l.text}`).join(', ');
            document = `${field.operation} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
            valid =
              literals.every(([, l]) => l.valid) &&
              Object.entries(field.args).every(([name, type]) => !type.endsWith('!') || name in sent);
          } else {
            const names = Object.keys(sent);
            const wrongOne = mode === 'wrong-declaration' ? names[0] : undefined;
            const declarations = names
              .map((name) => {
                const type = field.args[name]!;
                const declared = name === wrongOne ? WRONG_DECLARATION[type.replace('!', '')]! : type;
                return `$${name}: ${declared}`;
              })
              .join(', ');
            const args = names.map((name) => `${name}: $${name}`).join(', ');
            document = `${field.operation}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
            variables = sent;
            valid =
              wrongOne === undefined && Object.entries(field.args).every(([name, type]) => coercesTo(type, sent[name]));
          }
          const body = JSON.stringify({ query: document, ...(variables && { variables }) });
          const args = Object.fromEntries(
            Object.entries(field.args).map(([name, type]) => [
              name,
              name in sent ? coerced(type, sent[name]) : undefined,
            ]),
          );
          let expected: Outcome | 'errors' = valid ? await field.rule(caller, args) : 'errors';
          if (Buffer.byteLength(body) > ANY_BODY_LIMIT) expected = 'errors';
          const context = { field: field.name, who, mode, document, variables, expected };
          const target = field.presenceOf?.(caller, args);
          const presenceBefore = target === undefined ? undefined : await presenceRecordOf(world, target);
          const before = await snapshot(tenant);
          const reply = await postGraphQL(tokenOf(caller), body);
          const { errors, data } = checkGraphQLShape(reply, context);
          let succeeded = false;
          if (expected === 'errors') {
            tally(`graphql ${field.name} errors`);
            if (!errors || (data != null && data[field.name] != null)) {
              throw violation('invalid arguments were not refused with errors', { ...context, response: reply.text });
            }
          } else if (errors) {
            // Valid arguments may still make a document that a limit refuses (a huge `first`
            // weighs too much): refused before it runs, as a whole.
            if (!refusedByLimit(errors) || data?.[field.name] != null) {
              throw violation('errors for valid arguments', { ...context, response: reply.text });
            }
            tally(`graphql ${field.name} refused by a limit`);
          } else {
            const result = data?.[field.name];
            if (!result || typeof result.__typename !== 'string')
              throw violation('no result', { ...context, response: reply.text });
            tally(`graphql ${field.name} ${result.code ?? result.__typename}`);
            if (result.__typename === field.success) {
              if (expected.success.length === 0)
                throw violation('unexpected success', { ...context, response: reply.text });
              succeeded = true;
              field.onSuccess?.(world, args, caller);
            } else if (
              typeof result.code !== 'string' ||
              typeof result.message !== 'string' ||
              TYPENAME_OF_CODE[result.code] !== result.__typename ||
              !expected.codes.includes(result.code)
            ) {
              throw violation('unexpected result', { ...context, response: reply.text });
            }
          }
          if (!succeeded) {
            await expectUnchanged(tenant, before, { ...context, response: reply.text });
            if (target !== undefined && presenceBefore !== undefined) {
              await expectPresenceUnchanged(world, target, presenceBefore, { ...context, response: reply.text });
            }
          }
        }),
        params(
          RUNS,
          (field.examples?.(world) ?? []).map(
            ({
              who,
              values,
            }): [
              { who: Actor; mode: 'variables' | 'inline' | 'wrong-declaration'; values: Record<string, unknown> },
            ] => [{ who, mode: 'variables', values: { ...values } }],
          ),
        ),
      );
    }, 60_000);
  }

  it('malformed JSON, wrong JSON types and wrong content types: well-formed refusals, nothing changed', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const mutation = `mutation { sendConnectionRequest(receiverId: ${JSON.stringify(world.erin.id)}, message: "hi") { __typename } }`;
    const body = fc.oneof(
      fc.constantFrom(...MALFORMED_JSON, ...NON_OBJECT_JSON, '', '{}'),
      fc
        .record(
          {
            query: fc.oneof(fc.constant(mutation), hostileText, wrongJsonType),
            variables: fc.oneof(wrongJsonType, fc.constant({ x: 1 })),
            operationName: fc.oneof(fc.constant('Nope'), wrongJsonType),
            extensions: wrongJsonType,
          },
          { requiredKeys: ['query'] },
        )
        .map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 60 }).map((text) => JSON.stringify({ query: text })),
      fc.constantFrom(`query=${encodeURIComponent(mutation)}`, 'query=%7B', `${mutation}`),
    );
    const type = fc.constantFrom(
      'application/json',
      'application/graphql+json',
      'application/graphql-response+json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'text/plain',
      'application/graphql',
      'text/html',
      null,
    );
    await fc.assert(
      fc.asyncProperty(body, type, async (text, contentType) => {
        const context = { body: text, contentType };
        const before = await snapshot(tenant);
        const reply = await postGraphQL(world.alice.token, text, contentType);
        // An unsupported media type may be refused with 415 and no body (GraphQL over HTTP).
        if (reply.status === 415 && reply.text === '') return;
        const batch = text.trimStart().startsWith('[');
        const { errors, data } = checkGraphQLShape(reply, context, batch);
        // An empty batch has no results.
        if (batch && Array.isArray(reply.json) && reply.json.length === 0) return;
        // The one valid request here (the first send to erin) may change the database; a
        // repeated one is a typed conflict, and everything else is refused.
        if (data?.sendConnectionRequest?.__typename === 'SendConnectionRequestPayload') return;
        if (!errors && data?.sendConnectionRequest === undefined) throw violation('no result and no errors', context);
        await expectUnchanged(tenant, before, { ...context, response: reply.text });
      }),
      params(RUNS + 20),
    );
  }, 60_000);

  it('a mutation sent with GET is refused and not run', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const before = await snapshot(tenant);
    const query = `mutation { upsertUser(displayName: "Renamed by GET") { __typename } }`;
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${world.alice.token}`, accept: 'application/json' },
    });
    const reply = { status: response.status, text: await response.text(), json: undefined as unknown };
    reply.json = parseJson(reply.text).ok ? JSON.parse(reply.text) : undefined;
    expect(reply.status).toBeGreaterThanOrEqual(400);
    const { errors } = checkGraphQLShape(reply, { query });
    expect(errors?.length).toBeGreaterThan(0);
    await expectUnchanged(tenant, before, { query });
  });
});
