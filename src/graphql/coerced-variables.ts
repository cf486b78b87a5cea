import { type GraphQLSchema, getVariableValues, type OperationDefinitionNode } from 'graphql';

/** What graphql-js makes of an operation's variables: their values, or why they do not hold. */
export type CoercedVariables = ReturnType<typeof getVariableValues>;

interface ExecutionArgsLike {
  schema: GraphQLSchema;
  variableValues?: unknown;
}

// Keyed by the execution's arguments, which envelop hands every plugin's onExecute as one object.
const byExecution = new WeakMap<object, CoercedVariables>();

/**
 * An operation's variables coerced by graphql-js, once per execution however many plugins ask
 * (the read cost prices them, the compiled path checks them before running).
 */
export function coercedVariables(args: ExecutionArgsLike, operation: OperationDefinitionNode): CoercedVariables {
  let coerced = byExecution.get(args);
  if (!coerced) {
    coerced = getVariableValues(
      args.schema,
      operation.variableDefinitions ?? [],
      (args.variableValues ?? {}) as Record<string, unknown>,
    );
    byExecution.set(args, coerced);
  }
  return coerced;
}
