import { Kind, parse } from 'graphql';
import * as clientDocuments from '../../packages/client/src/gql/graphql.js';
import * as restDocuments from '../gql/graphql.js';

let shipped: ReadonlySet<string> | undefined;

/**
 * The names of the operations the repository itself ships: the REST shim's (the modules' *.rest.ts)
 * and the typed client's (packages/client/src/operations.ts), read from their generated documents (the
 * exported `TypedDocumentString`s), so a new operation is known as soon as `npm run codegen` has
 * generated it. Read once per process. (Of the client package, only its generated documents come
 * into the server's build: the list of what it ships, not the client.)
 */
export function shippedOperationNames(): ReadonlySet<string> {
  if (shipped) return shipped;
  const names = new Set<string>();
  for (const value of [...Object.values(restDocuments), ...Object.values(clientDocuments)]) {
    // A generated document is a String; the modules also export enums and the class itself.
    if (!(value instanceof String)) continue;
    for (const definition of parse(String(value)).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  shipped = names;
  return names;
}
