/**
 * An enum declared once: each value as it is stored and as REST writes it (lower snake case),
 * with what it means. The faces derive their spelling from it: GraphQL's enum values are the
 * upper-case names (`friends_of_friends` is `FRIENDS_OF_FRIENDS`), REST lists the values as they
 * are, and the descriptions go to the schema and the OpenAPI document alike.
 */
export function declareEnum<const T extends Record<string, string>>(meanings: T): T {
  return meanings;
}

/** The values of a declared enum. */
export type EnumValue<T extends Record<string, string>> = keyof T & string;

/** The values of a declared enum, in declaration order. */
export function enumValues<T extends Record<string, string>>(declared: T): EnumValue<T>[] {
  return Object.keys(declared) as EnumValue<T>[];
}
