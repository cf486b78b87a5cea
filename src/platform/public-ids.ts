import { createHash } from 'node:crypto';
import type { Db } from './db/database.js';
import { readSetting } from './db/gateway-settings.repository.js';
import { type DeclaredError, NotFoundError } from './errors.js';

/** The kinds of object clients name by id. Each has an id space of its own. */
export type IdKind = 'request' | 'connection' | 'notification' | 'invite';

/** The kinds that existed when ids of the earlier form were still issued. */
type LegacyKind = Exclude<IdKind, 'invite'>;

/**
 * What `encode` can hide: an object's id, or the row id inside a pagination cursor (the
 * tie-breaker of a list position, which names nothing and is never accepted as an id).
 */
export type EncodedKind = IdKind | 'cursor';

const HALF_BITS = 26;
const HALF = 2 ** HALF_BITS;
const MASK = HALF - 1;
/** The domain of the permutation: 52 bits, so that every id is exact as a JSON number. */
const DOMAIN = HALF * HALF;

/**
 * Ids are `2^52 + permute((offset + internal) * 4 + tag)`: the kind's tag and offset are part of
 * what is permuted, so an id decodes to exactly one kind, and one kind's id read as another's
 * fails the check. The tag count is fixed for good (changing it would change every id ever
 * issued), so kinds added after the first four share a tag: each takes a range of its own
 * (`SPACE`) of the tagged values, the first kind of a tag the lowest.
 */
const SPACES: Record<EncodedKind, { tag: number; offset: number }> = {
  request: { tag: 0, offset: 0 },
  connection: { tag: 1, offset: 0 },
  notification: { tag: 2, offset: 0 },
  cursor: { tag: 3, offset: 0 },
  invite: { tag: 3, offset: 2 ** 49 },
};
const TAG_COUNT = 4;
/** Internal ids of a kind are below this (tables stay far below it): two ranges per tag fit the domain. */
const SPACE = DOMAIN / TAG_COUNT / 2;
/** Ids are at least this; below it lies the form ids had before kinds were told apart. */
export const PUBLIC_ID_BASE = DOMAIN;
/** Ids are below this (2^53): 16-digit integers, exact as JSON numbers. */
export const PUBLIC_ID_LIMIT = 2 * DOMAIN;

/**
 * The highest row id of each kind when this id form was introduced (migration 0007 records
 * them). An id of the earlier form is accepted only up to its kind's watermark: those are the
 * objects clients can hold such ids for; above it, it would name an object no client was ever
 * given that id for.
 */
export type LegacyWatermarks = Readonly<Record<LegacyKind, number>>;

/** The settings (in `gateway_settings`) holding each kind's watermark. */
const WATERMARK_SETTINGS: Record<LegacyKind, string> = {
  request: 'legacy_public_id_max_request',
  connection: 'legacy_public_id_max_connection',
  notification: 'legacy_public_id_max_notification',
};

/** For a codec of a database that never issued ids of the earlier form. */
export const NO_LEGACY_IDS: LegacyWatermarks = { request: 0, connection: 0, notification: 0 };

function mix(value: number): number {
  // murmur3's 32-bit finaliser: every input bit affects every output bit.
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A keyed permutation of [0, 2^52): a four-round Feistel network over two 26-bit halves. */
class Feistel52 {
  readonly #roundKeys: number[];

  /** Four round keys, from the first 16 bytes of `key`. */
  constructor(key: Uint8Array) {
    const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
    this.#roundKeys = [0, 4, 8, 12].map((offset) => view.getUint32(offset));
  }

  #round(half: number, round: number): number {
    return mix(half ^ (this.#roundKeys[round] as number)) & MASK;
  }

  forward(value: number): number {
    let left = Math.floor(value / HALF);
    let right = value % HALF;
    for (let round = 0; round < 4; round++) {
      [left, right] = [right, (left ^ this.#round(right, round)) >>> 0];
    }
    return left * HALF + right;
  }

  backward(value: number): number {
    let left = Math.floor(value / HALF);
    let right = value % HALF;
    for (let round = 3; round >= 0; round--) {
      [left, right] = [(right ^ this.#round(left, round)) >>> 0, left];
    }
    return left * HALF + right;
  }
}

/**
 * Translates between the database's sequential ids and the ids clients see. Sequential ids
 * would let anyone count the whole service's activity (all tenants share the sequences) and
 * guess neighbouring ids; public ids are a keyed permutation of them, so they are unique,
 * stable and reveal neither. The key lives in the database (see the migration that creates
 * `gateway_settings`), so every instance agrees.
 *
 * Ids of different kinds never coincide: the kind is permuted along with the row id (see
 * `SPACES`). Ids issued before that (`permute(internal)` with the key's own round keys, all below
 * 2^52) are still read, for the rows that existed then (`LegacyWatermarks`), but never written.
 */
export class PublicIds {
  /** The current form, with round keys of its own so that it is unrelated to the earlier one. */
  readonly #kinded: Feistel52;
  readonly #legacy: Feistel52;
  readonly #legacyWatermarks: Readonly<Record<EncodedKind, number>>;

  /** `key` must hold at least 16 bytes. */
  constructor(key: Uint8Array, legacyWatermarks: LegacyWatermarks = NO_LEGACY_IDS) {
    if (key.length < 16) throw new Error('The public id key must hold at least 16 bytes');
    // Were both forms one permutation, every new id minus 2^52 would be the old id of another row.
    this.#kinded = new Feistel52(createHash('sha256').update('public ids with kinds').update(key).digest());
    this.#legacy = new Feistel52(key);
    // An old cursor's position names nothing (it only says where a list resumes): all keep working.
    // Invites came after ids of the earlier form: no id of that form names one.
    this.#legacyWatermarks = { ...legacyWatermarks, cursor: Number.POSITIVE_INFINITY, invite: -1 };
  }

  /**
   * The public id of an internal id of the given kind. Throws a RangeError for an internal id
   * that is not a non-negative integer below 2^49 (no table comes near it).
   */
  encode(kind: EncodedKind, internal: number): number {
    if (!Number.isSafeInteger(internal) || internal < 0 || internal >= SPACE) {
      throw new RangeError(`Internal id ${internal} cannot be encoded`);
    }
    const { tag, offset } = SPACES[kind];
    return PUBLIC_ID_BASE + this.#kinded.forward((offset + internal) * TAG_COUNT + tag);
  }

  /**
   * The internal id behind a public id of the given kind (the inverse of `encode`), or null
   * when the number is no id of that kind: out of range, of another kind, or of the earlier
   * form above the kind's watermark.
   */
  decode(kind: EncodedKind, publicId: number): number | null {
    if (!Number.isSafeInteger(publicId) || publicId < 0 || publicId >= PUBLIC_ID_LIMIT) return null;
    if (publicId < PUBLIC_ID_BASE) {
      const internal = this.#legacy.backward(publicId);
      return internal <= this.#legacyWatermarks[kind] ? internal : null;
    }
    const tagged = this.#kinded.backward(publicId - PUBLIC_ID_BASE);
    const { tag, offset } = SPACES[kind];
    if (tagged % TAG_COUNT !== tag) return null;
    const internal = Math.floor(tagged / TAG_COUNT) - offset;
    return internal >= 0 && internal < SPACE ? internal : null;
  }

  /**
   * Reads an id of the given kind as a client gave it. Anything that is not one cannot name an
   * existing object of that kind, so it is answered as that kind's not-found (`NotFoundError`)
   * rather than as a malformed request (`notFound`, the kind's own code); so is an id of another kind.
   */
  parse(kind: IdKind, value: string, notFound: DeclaredError<string, 'NotFoundError'>): number {
    const internal = /^(0|[1-9]\d{0,15})$/.test(value) ? this.decode(kind, Number(value)) : null;
    if (internal === null) throw new NotFoundError(notFound, value);
    return internal;
  }
}

/** The codec of this database, from the key and watermarks its migrations stored. */
export async function loadPublicIds(db: Db): Promise<PublicIds> {
  const key = Buffer.from(await readSetting(db, 'public_id_key'), 'hex');
  const watermark = async (kind: LegacyKind) => Number(await readSetting(db, WATERMARK_SETTINGS[kind]));
  return new PublicIds(key, {
    request: await watermark('request'),
    connection: await watermark('connection'),
    notification: await watermark('notification'),
  });
}
