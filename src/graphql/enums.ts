import type { EnumValue } from '../platform/enums.js';

/**
 * A declared enum (platform/enums.ts) as Pothos enum values: each value's GraphQL name is its
 * upper-case spelling, its internal value the declared one, its description the declared meaning.
 */
export function graphqlEnumValues<T extends Record<string, string>>(
  declared: T,
): Record<Uppercase<EnumValue<T>>, { value: EnumValue<T>; description: string }> {
  return Object.fromEntries(
    Object.entries(declared).map(([value, description]) => [value.toUpperCase(), { value, description }]),
  ) as Record<Uppercase<EnumValue<T>>, { value: EnumValue<T>; description: string }>;
}
