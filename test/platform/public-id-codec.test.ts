import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestErrors } from '../../src/modules/connection-requests/connection-requests.errors.js';
import { connectionErrors } from '../../src/modules/connections/connections.errors.js';
import { notificationErrors } from '../../src/modules/notifications/notifications.errors.js';
import { type EncodedKind, type IdKind, PublicIds } from '../../src/platform/public-ids.js';
import { legacyPublicId } from '../helpers/legacy-public-ids.js';

/*
 * The codec behind every id clients see, on its own: the properties the API's ids rest on,
 * over many keys and row ids rather than the few rows an API test makes.
 */

const LEGACY_KINDS = ['request', 'connection', 'notification'] as const;
const KINDS: IdKind[] = [...LEGACY_KINDS, 'invite'];
const ENCODED: EncodedKind[] = [...KINDS, 'cursor'];
const key = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes));
// Mostly small row ids, as tables have them, some up to the largest that can be tagged.
const rowId = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 2 ** 49 - 1 }));
const kind = fc.constantFrom(...ENCODED);

describe('PublicIds', () => {
  it('should give every kind its own ids, integers from 2^52 up to 2^53, that decode back', () => {
    fc.assert(
      fc.property(key, rowId, kind, (bytes, id, of) => {
        const ids = new PublicIds(bytes);
        const encoded = ids.encode(of, id);
        expect(Number.isSafeInteger(encoded) && encoded >= 2 ** 52 && encoded < 2 ** 53).toBe(true);
        for (const other of ENCODED) expect(ids.decode(other, encoded)).toBe(other === of ? id : null);
      }),
    );
  });

  it('should answer an id of another kind as that kind’s not found', () => {
    fc.assert(
      fc.property(key, rowId, (bytes, id) => {
        const ids = new PublicIds(bytes);
        const requestId = String(ids.encode('request', id));
        expect(() => ids.parse('notification', requestId, notificationErrors.NOTIFICATION_NOT_FOUND)).toThrow(
          expect.objectContaining({ code: 'NOTIFICATION_NOT_FOUND' }),
        );
        expect(() => ids.parse('connection', requestId, connectionErrors.CONNECTION_NOT_FOUND)).toThrow(
          expect.objectContaining({ code: 'CONNECTION_NOT_FOUND' }),
        );
        expect(ids.parse('request', requestId, requestErrors.CONNECTION_REQUEST_NOT_FOUND)).toBe(id);
      }),
    );
  });

  it('should read an id of the earlier form, for each kind, only up to the kind’s watermark', () => {
    const watermark = fc.integer({ min: 0, max: 2 ** 40 });
    fc.assert(
      fc.property(key, rowId, watermark, watermark, watermark, (bytes, id, request, connection, notification) => {
        const watermarks = { request, connection, notification };
        const ids = new PublicIds(bytes, watermarks);
        const earlier = legacyPublicId(bytes, id);
        for (const of of LEGACY_KINDS) expect(ids.decode(of, earlier)).toBe(id <= watermarks[of] ? id : null);
        // Invites came later: no id of the earlier form names one.
        expect(ids.decode('invite', earlier)).toBeNull();
        // A cursor's position names nothing: every earlier cursor still reads.
        expect(ids.decode('cursor', earlier)).toBe(id);
      }),
    );
  });

  it('should refuse what is no id as not found', () => {
    const ids = new PublicIds(Buffer.alloc(16, 1));
    for (const value of [
      '',
      '-1',
      '01',
      '1e3',
      '1.0',
      ' 1',
      String(2 ** 53),
      '9007199254740993',
      '99999999999999999',
    ]) {
      expect(() => ids.parse('request', value, requestErrors.CONNECTION_REQUEST_NOT_FOUND)).toThrow(
        expect.objectContaining({ code: 'CONNECTION_REQUEST_NOT_FOUND' }),
      );
    }
  });

  it('should refuse to encode a row id it cannot tag', () => {
    const ids = new PublicIds(Buffer.alloc(16, 1));
    expect(() => ids.encode('request', 2 ** 49)).toThrow(RangeError);
    expect(() => ids.encode('invite', 2 ** 49)).toThrow(RangeError);
    expect(() => ids.encode('request', -1)).toThrow(RangeError);
  });
});
