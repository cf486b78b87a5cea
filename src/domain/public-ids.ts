import type { Db } from '../db/database.js';
import { readSetting } from '../db/settings.repository.js';
import { NotFoundError } from './errors.js';

const HALF_BITS = 26;
const HALF = 2 ** HALF_BITS;
const MASK = HALF - 1;
/** Public ids are below 2^52: exact as JSON numbers, and as many as internal ids can be. */
export const PUBLIC_ID_LIMIT = HALF * HALF;

type IdCode = 'CONNECTION_REQUEST_NOT_FOUND' | 'CONNECTION_NOT_FOUND' | 'NOTIFICATION_NOT_FOUND';

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

/**
 * Translates between the database's sequential ids and the ids clients see. Sequential ids
 * would let anyone count the whole service's activity (all tenants share the sequences) and
 * guess neighbouring ids; public ids are a keyed permutation of them (a four-round Feistel
 * network over 52 bits), so they are unique, stable and reveal neither. The key lives in the
 * database (see the migration that creates `gateway_settings`), so every instance agrees.
 */
export class PublicIds {
  readonly #roundKeys: number[];

  /** `key` must hold at least 16 bytes. */
  constructor(key: Uint8Array) {
    if (key.length < 16) throw new Error('The public id key must hold at least 16 bytes');
    const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
    this.#roundKeys = [0, 4, 8, 12].map((offset) => view.getUint32(offset));
  }

  #round(half: number, round: number): number {
    return mix(half ^ (this.#roundKeys[round] as number)) & MASK;
  }

  /** The public id of an internal id (which must be a non-negative integer below 2^52). */
  encode(internal: number): number {
    let left = Math.floor(internal / HALF);
    let right = internal % HALF;
    for (let round = 0; round < 4; round++) {
      [left, right] = [right, (left ^ this.#round(right, round)) >>> 0];
    }
    return left * HALF + right;
  }

  /** The internal id behind a public id; the inverse of `encode`. */
  decode(publicId: number): number {
    let left = Math.floor(publicId / HALF);
    let right = publicId % HALF;
    for (let round = 3; round >= 0; round--) {
      [left, right] = [(right ^ this.#round(left, round)) >>> 0, left];
    }
    return left * HALF + right;
  }

  /**
   * Reads a public id given by a client. Anything that is not one cannot name an existing
   * resource, so it is answered as not found rather than as a malformed request.
   */
  parse(code: IdCode, value: string): number {
    if (!/^(0|[1-9]\d{0,15})$/.test(value) || Number(value) >= PUBLIC_ID_LIMIT) throw new NotFoundError(code, value);
    return this.decode(Number(value));
  }
}

/** The codec of this database, from the key its migrations stored. */
export async function loadPublicIds(db: Db): Promise<PublicIds> {
  return new PublicIds(Buffer.from(await readSetting(db, 'public_id_key'), 'hex'));
}
