/**
 * The id a row had before ids had kinds: the four-round Feistel permutation (26-bit halves,
 * murmur3's finaliser as round function) of the row id under the database's key, the same for
 * every kind. Restated here rather than taken from the server, so that a change to how the
 * server reads these ids cannot go unnoticed.
 */
export function legacyPublicId(key: Uint8Array, rowId: number): number {
  const half = 2 ** 26;
  const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
  const roundKeys = [0, 4, 8, 12].map((offset) => view.getUint32(offset));
  const round = (value: number, r: number) => {
    let h = (value ^ (roundKeys[r] as number)) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) & (half - 1);
  };
  let left = Math.floor(rowId / half);
  let right = rowId % half;
  for (let r = 0; r < 4; r++) [left, right] = [right, (left ^ round(right, r)) >>> 0];
  return left * half + right;
}
