import pg from 'pg';

/*
 * `timestamptz` values as PostgreSQL sends them in text (`2026-12-04 12:00:35.123+00`), read
 * into a Date without regular expressions. pg's own parser (postgres-date) runs three regular
 * expressions and a split per value; a page of 20 connections with their users carries 40 to
 * 60 timestamps, and that parsing was a measurable share of a read's CPU (bench/CHANGES.md).
 * Anything not of the usual shape (infinity, BC, years below 1000 or above 9999, another
 * DateStyle) goes to pg's parser, which answers as it always did.
 */

export const TIMESTAMPTZ_OID = 1184;

/** pg's own parser of `timestamptz` text: what every value of another shape goes to. */
const fallback = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;

const ZERO = 48;
const HYPHEN = 45;
const PLUS = 43;
const COLON = 58;
const SPACE = 32;
const DOT = 46;

/** The number the `length` digits from `at` spell, or NaN if one is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A `timestamptz` in PostgreSQL's ISO output (`YYYY-MM-DD HH:MM:SS[.f…]±HH[:MM[:SS]]`), with the
 * same Date pg's own parser makes of it: fractions of a millisecond dropped.
 */
export function parseTimestamptz(text: string): Date {
  const length = text.length;
  if (
    length < 22 ||
    text.charCodeAt(4) !== HYPHEN ||
    text.charCodeAt(7) !== HYPHEN ||
    text.charCodeAt(10) !== SPACE ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON
  ) {
    return fallback(text);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let at = 19;
  let millisecond = 0;
  if (text.charCodeAt(at) === DOT) {
    at += 1;
    const start = at;
    while (at < length) {
      const digit = text.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) break;
      if (at - start < 3) millisecond = millisecond * 10 + digit;
      at += 1;
    }
    if (at === start) return fallback(text);
    for (let place = at - start; place < 3; place++) millisecond *= 10;
  }
  const sign = text.charCodeAt(at);
  if (sign !== PLUS && sign !== HYPHEN) return fallback(text);
  // ±HH, ±HH:MM or ±HH:MM:SS, and nothing after it (" BC" goes to pg's parser).
  const zone = length - at - 1;
  if (zone !== 2 && zone !== 5 && zone !== 8) return fallback(text);
  let offsetSeconds = digits(text, at + 1, 2) * 3600;
  if (zone >= 5) {
    if (text.charCodeAt(at + 3) !== COLON) return fallback(text);
    offsetSeconds += digits(text, at + 4, 2) * 60;
  }
  if (zone === 8) {
    if (text.charCodeAt(at + 6) !== COLON) return fallback(text);
    offsetSeconds += digits(text, at + 7, 2);
  }
  // Date.UTC reads years 0-99 as 1900-1999; a NaN above means a non-digit somewhere.
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (year < 1000 || Number.isNaN(utc) || Number.isNaN(offsetSeconds)) return fallback(text);
  return new Date(sign === PLUS ? utc - offsetSeconds * 1000 : utc + offsetSeconds * 1000);
}
