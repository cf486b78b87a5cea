import type { EnumValue } from '../platform/enums.js';

/*
 * The one spelling rule between the faces: a declared enum value (platform/enums.ts) is written
 * as it is declared by REST and stored so (lower snake case), and its GraphQL name is the same
 * upper-cased (`friends_of_friends` is `FRIENDS_OF_FRIENDS`). Nothing else flips the case.
 */

/** The GraphQL name of a declared enum value: its upper-case spelling. */
export function graphqlEnumName<const V extends string>(value: V): Uppercase<V> {
  return value.toUpperCase() as Uppercase<V>;
}

/**
 * The declared value a GraphQL enum name stands for: its lower-case spelling (what REST writes).
 * Also how REST compares an enum given in any case (see `parseInput`).
 */
export function declaredEnumValue<const N extends string>(name: N): Lowercase<N> {
  return name.toLowerCase() as Lowercase<N>;
}

/**
 * A declared enum as Pothos enum values: each value's GraphQL name is `graphqlEnumName` of it,
 * its internal value the declared one, its description the declared meaning.
 */
export function graphqlEnumValues<T extends Record<string, string>>(
  declared: T,
): Record<Uppercase<EnumValue<T>>, { value: EnumValue<T>; description: string }> {
  return Object.fromEntries(
    Object.entries(declared).map(([value, description]) => [graphqlEnumName(value), { value, description }]),
  ) as Record<Uppercase<EnumValue<T>>, { value: EnumValue<T>; description: string }>;
}
