/**
 * What a hostile client sends, as fast-check generators: texts (unicode, emoji, control
 * characters and NUL, SQL and JSON injection, over-long and 64 KiB strings), ids, path segments
 * that are not valid URL encoding, content types, malformed JSON and JSON that is not an object,
 * page and filter values.
 */
import fc from 'fast-check';
import { hasLoneSurrogate } from './contract.js';
import { FRIEND_CODE_ALPHABET } from './rules.js';
import type { Actor, World } from './world.js';

const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '1; select pg_sleep(5)--',
  "alice1' --",
  "') OR ('a'='a",
  '$$; delete from notifications; $$',
  "\\'; truncate connections cascade; --",
  "' UNION SELECT tenant, client_user_id, display_name FROM users --",
  "%' or tenant like '%",
  "1' AND (SELECT count(*) FROM connection_requests) > 0 --",
  '\\x00\\x27',
];

const JSON_INJECTION = [
  '","receiver_id":"alice1',
  '"}',
  '{"$ne": null}',
  '\\u0000',
  '{"__proto__": {"role": "service"}}',
  '"\\"',
  ']}]}',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  '{"display_name": "x"}',
];

const CONTROL_AND_ODD = [
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '\u0001\u0002\u001f',
  '\r\n',
  '\t',
  '\u007f',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  '\ud800',
  'a\udfffb',
  '\uffff',
  '\u{10ffff}',
  '\u0085',
  '\u2028\u2029',
  '   ',
  '',
];

const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'Z̷̨̛a̶l̵g̴o̷', '中文名字', 'العربية', 'Ελληνικά'];

/** Strings a hostile client might send in any text field. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: fc.constantFrom(...SQL_INJECTION, ...JSON_INJECTION, ...CONTROL_AND_ODD, ...EMOJI), weight: 4 },
  {
    // Around the documented limits (64 for names, 500 for messages), with whitespace to trim.
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'é', '😀', '中', '\u0000', ' '),
        fc.constantFrom(1, 63, 64, 65, 128, 129, 499, 500, 501, 1000),
        fc.constantFrom('', ' ', '\n\t'),
      )
      .map(([unit, count, pad]) => `${pad}${unit.repeat(count)}${pad}`),
    weight: 2,
  },
  {
    // Over the REST body limit (64 KiB) and the request limit (256 KiB).
    arbitrary: fc.constantFrom('a'.repeat(70_000), '😀'.repeat(70_000), 'é'.repeat(40_000)),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...SQL_INJECTION, ...CONTROL_AND_ODD), fc.string())
      .map((parts) => parts.join('')),
    weight: 2,
  },
);

/** JSON values of every type but string, for fields that want a string. */
export const wrongJsonType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/** Names as GraphQL writes an object literal's keys (join info sent as a literal). */
const graphqlName = fc.stringMatching(/^[_A-Za-z][_0-9A-Za-z]{0,11}$/);

/** A JSON value as a game might put one in its join info: text, numbers, flags, lists, nothing. */
const joinInfoLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

/** `{"a":{"a":…{}}}`, `depth` objects deep. */
const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`) as object;

/**
 * Join info (a JSON object the game defines, at most 1 KB as JSON), and what a hostile client
 * sends instead: objects around the size limit (in bytes, multi-byte characters included), deep
 * nesting, keys no GraphQL literal can write, `__proto__` as a key, and JSON that is no object.
 */
export const joinInfoValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.dictionary(graphqlName, joinInfoLeaf, { maxKeys: 4 }), weight: 4 },
  {
    arbitrary: fc.dictionary(graphqlName, fc.dictionary(graphqlName, joinInfoLeaf, { maxKeys: 3 }), { maxKeys: 2 }),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      {},
      { lobby: 'eu-7f3a', slots: 2, ranked: true, mode: null, tags: ['duo', 'eu'] },
      { server: { host: 'eu-7.example', port: 7777 } },
    ),
    weight: 2,
  },
  // `{"x":"…"}` is 8 bytes besides its text: 1016 ASCII characters make 1 KB exactly.
  { arbitrary: fc.constantFrom(1015, 1016, 1017, 2000, 70_000).map((n) => ({ x: 'a'.repeat(n) })), weight: 2 },
  // Two bytes a character, and four: 508 of é and 254 of 😀 make 1 KB.
  {
    arbitrary: fc
      .constantFrom(['é', 507], ['é', 508], ['é', 509], ['😀', 254], ['😀', 255], ['\u0000', 100])
      .map(([unit, n]) => ({ x: (unit as string).repeat(n as number) })),
    weight: 2,
  },
  // Nested `depth` deep, `{"a":` a level: 6 × depth + 2 bytes, 170 deep the deepest within 1 KB.
  { arbitrary: fc.constantFrom(10, 170, 171, 1000).map(nested), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      JSON.parse('{"__proto__": {"role": "service"}}'),
      JSON.parse('{"constructor": {"prototype": {"role": "service"}}}'),
      { 'not a name': 1, é: 2, '': 3 },
    ),
    weight: 1,
  },
  {
    arbitrary: fc.dictionary(
      hostileText.filter((key) => key.length < 50),
      hostileText,
      { maxKeys: 2 },
    ),
    weight: 1,
  },
  {
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.constantFrom([], ['lobby'], [{ lobby: 'eu-7f3a' }]),
      hostileText.filter((text) => text.length < 200),
    ),
    weight: 2,
  },
  { arbitrary: fc.constant(undefined), weight: 3 },
);

/** Path segment values that are ids to a human: well-formed strings (encodeURIComponent needs that). */
export const hostileIdValue: fc.Arbitrary<string> = fc
  .oneof(
    hostileText,
    fc.nat().map(String),
    fc.integer().map(String),
    fc.maxSafeNat().map(String),
    fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
    fc.double().map(String),
    fc.constantFrom(
      '0',
      '00',
      '01',
      '+1',
      '-1',
      '-0',
      '1e3',
      '0x10',
      ' 1',
      '1 ',
      '1.0',
      '4503599627370495',
      '4503599627370496',
      '9007199254740993',
      '١٢٣',
      '１２３',
      'null',
      'undefined',
      'NaN',
    ),
  )
  .filter(
    (value) => value.length > 0 && value.length < 3000 && !hasLoneSurrogate(value) && value !== '.' && value !== '..',
  );

/** A path segment: a hostile value URL-encoded, or a raw segment that is not valid URL encoding. */
export interface Segment {
  raw: string;
  /** The value the segment decodes to; null when it does not decode. */
  value: string | null;
}

export const segmentOf = (value: string): Segment => ({ raw: encodeURIComponent(value), value });

const invalidSegment: fc.Arbitrary<Segment> = fc
  .constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', 'a%', '%%', '%G0')
  .map((raw) => ({ raw, value: null }));

export const hostileSegment: fc.Arbitrary<Segment> = fc.oneof(
  { arbitrary: hostileIdValue.map(segmentOf), weight: 6 },
  { arbitrary: invalidSegment, weight: 1 },
  // Valid encodings of surprising values: an encoded slash, NUL, a double-encoded slash.
  {
    arbitrary: fc
      .constantFrom('%2F', 'a%2Fb', '%00', '%252F', '%2e%2e%2fusers', '%20')
      .map((raw) => ({ raw, value: decodeURIComponent(raw) })),
    weight: 1,
  },
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=utf-16',
  '*/*',
  'garbage',
  null,
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export const contentType: fc.Arbitrary<ContentType> = fc.oneof(
  { arbitrary: fc.constant<ContentType>('application/json'), weight: 5 },
  { arbitrary: fc.constantFrom<ContentType>(...CONTENT_TYPES), weight: 2 },
);
export const isJsonContentType = (type: ContentType) => type !== null && /^application\/json\s*(;|$)/.test(type);

export const MALFORMED_JSON = [
  '{',
  '}',
  '{"display_name": "x",}',
  "{display_name: 'x'}",
  '{"receiver_id": "bob2"',
  '{"a":1}{"b":2}',
  'NaN',
  'undefined',
  "'x'",
  '{"x": 01}',
  '{"x": .5}',
  '[1,2,',
  '"unterminated',
  '{"x":"\\u12"}',
  '{"x": "\u0000"}',
  '\u0000',
  'nul',
  `${'['.repeat(30_000)}`,
];

export const NON_OBJECT_JSON = [
  '[]',
  '[{"display_name":"x"}]',
  '"x"',
  '42',
  'true',
  'null',
  '1e400',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
];

/** A request body: JSON built from fields, or malformed, or JSON that is not an object. */
export function bodyOf(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fields.map((value) => JSON.stringify(value)), weight: 8 },
    { arbitrary: fc.constantFrom(...MALFORMED_JSON, ...NON_OBJECT_JSON, '', '   ', '\n'), weight: 2 },
    // Fields repeated (the last wins in JSON.parse) and a __proto__ key (an own property).
    {
      arbitrary: fields.map((value) => {
        const json = JSON.stringify(value);
        return `{"__proto__": ${json}, ${json.slice(1)}`.replace(/, }$/, '}');
      }),
      weight: 1,
    },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).filter((text) => !text.startsWith('\ufeff')),
      weight: 1,
    },
  );
}

export const pageValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 60 }).map(String), weight: 5 },
  { arbitrary: fc.integer().map(String), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-0',
      '1.5',
      '1.0',
      '1e3',
      '0x10',
      '+1',
      ' 1',
      '1 ',
      '01',
      'abc',
      'NaN',
      'Infinity',
      '2147483647',
      '2147483648',
      '9999999999',
      '99999999999',
      '50',
      '51',
      '١',
      '1,2',
      "1' or '1'='1",
    ),
    weight: 3,
  },
  { arbitrary: hostileText.filter((s) => s.length < 200), weight: 1 },
);

export const statusValue: fc.Arbitrary<string> = fc.oneof(
  fc.mixedCase(fc.constantFrom('pending', 'accepted', 'declined', 'cancelled', 'expired', 'all')),
  fc.constantFrom(
    '',
    'PENDING ',
    'pend',
    'pendıng',
    'rejected',
    'canceled',
    'expıred',
    'null',
    "pending' or '1'='1",
    'pending\u0000',
  ),
  hostileText.filter((s) => s.length < 200),
);

export const booleanValue: fc.Arbitrary<string> = fc.oneof(
  fc.mixedCase(fc.constantFrom('true', 'false')),
  fc.constantFrom('', '1', '0', 'yes', 'no', 'on', '2', 'tru', 'null'),
  hostileText.filter((s) => s.length < 200),
);

/** A body sent to a route that reads none. */
export const junkBody = fc.option(fc.oneof(fc.constantFrom('{', '{"receiver_id":"x"}', 'null'), hostileText), {
  nil: undefined,
});

/** A path user: alice (mostly), bob, or a hostile segment. */
export function pathUser(world: World): fc.Arbitrary<Segment> {
  return fc.oneof(
    { arbitrary: fc.constant(segmentOf(world.alice.id)), weight: 6 },
    { arbitrary: fc.constant(segmentOf(world.bob.id)), weight: 1 },
    { arbitrary: hostileSegment, weight: 3 },
  );
}

export const actor: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.constant<Actor>('user'), weight: 3 },
  { arbitrary: fc.constant<Actor>('service'), weight: 2 },
);

// Player search (beyond the documented API)

/**
 * Search texts a hostile client sends: around the length limits (2 to 64 characters once
 * trimmed, counted in code points), blank, NUL, unpaired surrogates, LIKE's wildcards and escape,
 * regular expression syntax (PostgreSQL's included), SQL, combining marks alone (nothing once
 * accents are dropped), and characters that unaccent spells out.
 */
export const SEARCH_EDGE_TEXTS = [
  '',
  'a',
  ' a ',
  'é',
  '😀',
  'ab',
  '  ',
  ' \t\n ',
  '\u00a0\u3000',
  'a'.repeat(63),
  'a'.repeat(64),
  'a'.repeat(65),
  ` ${'A'.repeat(64)}\n`,
  'é'.repeat(64),
  'é'.repeat(65),
  '😀'.repeat(32),
  '😀'.repeat(64),
  '😀'.repeat(65),
  'e\u0301'.repeat(32),
  'e\u0301'.repeat(33),
  'x'.repeat(1000),
  '\u0000',
  '\u0000\u0000',
  'al\u0000',
  '\u0000ic',
  '\ud800ab',
  'ab\udfff',
  '\udfff\ud800',
  '\ud83d\ude00\ud83d',
  '%',
  '%%',
  '_',
  '__',
  '%_',
  '_%_',
  'a%',
  '%e',
  '_e',
  'a_b',
  '100%',
  '100%_',
  '\\',
  '\\\\',
  '\\%',
  '\\_',
  'e\\',
  '.*',
  '.+',
  '(^|',
  '[[:alnum:]]',
  '[a-z]',
  '[^a]',
  '\\d+',
  '\\y',
  'a|b',
  '^a',
  'e$',
  '(?i)al',
  '***:al',
  '***=al',
  '{2}',
  'e{1,}',
  '(a)\\1',
  ')(',
  '].*+?^$|{}()[\\',
  "' OR '1'='1",
  "%' or tenant like '%",
  "'; drop table users; --",
  '$$; select 1; $$',
  '\u0301\u0301',
  '\u0301a',
  '\u200b\u200b',
  'ﬁn',
  'ǅe',
  '½½',
  'ẞe',
  'ΣΟΦ',
  'straße',
  'ÆSIR',
  'Ø',
  'l%b',
];

/** Accented spellings of letters (what unaccent drops), for texts typed with accents a name lacks. */
const ACCENTED: Record<string, string[]> = {
  a: ['á', 'à', 'ä', 'â', 'å', 'ã'],
  c: ['ç', 'č'],
  e: ['é', 'è', 'ë', 'ê'],
  i: ['í', 'ï', 'î'],
  n: ['ñ'],
  o: ['ó', 'ö', 'ô', 'õ'],
  s: ['š'],
  u: ['ú', 'ü', 'û'],
  y: ['ý', 'ÿ'],
  z: ['ž'],
};

/**
 * Part of a name as a player types it: a slice of it, each character upper-cased, lower-cased,
 * stripped of its accents, given one, or left as it is, with white space around it or not.
 */
export function typedPartOf(names: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({
      name: fc.constantFrom(...names),
      start: fc.nat(),
      length: fc.integer({ min: 1, max: 12 }),
      spellings: fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }),
      pad: fc.constantFrom('', '', ' ', '\t'),
    })
    .map(({ name, start, length, spellings, pad }) => {
      const chars = [...name];
      const from = start % chars.length;
      const typed = chars.slice(from, from + length).map((c, i) => {
        const bare = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        const accented = ACCENTED[bare.toLowerCase()];
        switch (spellings[i]) {
          case 0:
            return c.toUpperCase();
          case 1:
            return c.toLowerCase();
          case 2:
            return bare;
          case 3:
            return accented ? accented[(from + i) % accented.length]! : c;
          default:
            return c;
        }
      });
      return `${pad}${typed.join('')}${pad}`;
    });
}

/** A search text: part of a known name as typed, an edge case, or anything hostile. */
export function searchText(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: typedPartOf(names), weight: 5 },
    { arbitrary: fc.constantFrom(...SEARCH_EDGE_TEXTS), weight: 3 },
    { arbitrary: hostileText, weight: 2 },
  );
}

// Friend codes (beyond the documented API)

/**
 * Friend codes as players type them, and not: the world's users' codes (and `fresh-code`, which
 * the property replaces with the code of a user made for the run) in any case, with the dash or
 * none, with white space around and within, and letters whose upper case is one of the code's
 * (`ſ`, `ﬀ`); codes of no one; and what cannot be a code: a character short or over, the
 * look-alikes 0, O, 1, I and L, other dashes and separators, NUL, or anything hostile.
 */
export function friendCodeValue(world: World): fc.Arbitrary<string> {
  const codes = Object.values(world.friendCodes);
  const alphabet = [...FRIEND_CODE_ALPHABET];
  const typed = fc
    .record({
      code: fc.constantFrom(...codes),
      lower: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      separator: fc.constantFrom('-', '-', '', ' ', '--', ' - ', '\t'),
      pad: fc.constantFrom('', '', ' ', '\n', '\u00a0', '\u3000\ufeff'),
    })
    .map(({ code, lower, separator, pad }) => {
      const chars = [...code.replace('-', '')].map((c, i) => (lower[i] ? c.toLowerCase() : c));
      return `${pad}${chars.slice(0, 4).join('')}${separator}${chars.slice(4).join('')}${pad}`;
    });
  const unknown = fc
    .tuple(fc.array(fc.constantFrom(...alphabet), { minLength: 8, maxLength: 8 }), fc.boolean())
    .map(([chars, dash]) => `${chars.slice(0, 4).join('')}${dash ? '-' : ''}${chars.slice(4).join('')}`);
  const malformed = fc
    .tuple(
      fc.constantFrom(...codes),
      fc.constantFrom('short', 'long', '0', 'O', '1', 'I', 'L', '_', '.', '\u2013', '\u200b', '\u0000', '/'),
    )
    .map(([code, how]) => {
      if (how === 'short') return code.slice(0, -1);
      if (how === 'long') return `${code}2`;
      if (how.length === 1 && /[0O1IL]/.test(how)) return `${how}${code.slice(1)}`;
      return code.replace('-', how);
    });
  return fc.oneof(
    { arbitrary: typed, weight: 6 },
    { arbitrary: fc.constant('fresh-code'), weight: 2 },
    { arbitrary: unknown, weight: 2 },
    { arbitrary: malformed, weight: 3 },
    {
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '-',
        '--------',
        'ſſſſ-ſſſſ',
        'ﬀﬀ-ﬀﬀ',
        '\u212a\u212a\u212a\u212a-2222',
        '7KQ4-M2XD',
      ),
      weight: 1,
    },
    { arbitrary: hostileText.filter((text) => text.length < 200), weight: 1 },
  );
}
