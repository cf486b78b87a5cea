import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isScalarType,
  type Source,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { coercedVariables } from './coerced-variables.js';

/*
 * Queries and mutations that clients repeat run as code compiled for them by graphql-jit, as
 * Mercurius runs every operation: the selection's walk, its argument reads and its leaf
 * serialisation are planned once instead of on every request (bench/CHANGES.md).
 *
 * What graphql-jit got wrong here before (graphql-jit issue 183 and our own findings) decides the
 * shape of this plugin:
 * - A subscription's `subscribe` is never run by graphql-jit: it hands those resolvers the
 *   variables instead of their arguments. graphql-js starts every subscription; only the
 *   execution of each of its events, a query over the event (as graphql-jit's own subscribe runs
 *   it), may be compiled (subscription-events.ts).
 * - A compiled operation belongs to one document *and* one operation name: a document with
 *   several operations runs the one `operationName` asks for, never the first one compiled.
 * - Variables are checked by graphql-js first; a request whose variables do not hold runs on
 *   graphql-js, which answers with its own, documented messages.
 * - An operation graphql-jit cannot compile runs on graphql-js, every time, and so does one that
 *   writes a literal of a scalar that reads variables inside its literals (`JSONObject`:
 *   `joinInfo: {lobby: $lobby}`): graphql-jit parses such literals without the variables.
 * - graphql-jit's errors carry their `locations` but not the nodes or source positions that
 *   graphql-js (and Yoga, which rebuilds every error it answers) derive them from: they are
 *   rebuilt as graphql-js errors here, locations included, and an error of its own (a null in a
 *   non-null field) gets a plain Error as its cause, as in graphql-js, so masking treats it alike.
 *
 * Only what repeats is compiled: a (document, operation) is compiled at its `compileAfter`th use
 * (2 by default). Compiling costs more than one execution, so a client sending a new document on
 * every request (an explorer, or someone trying to make the server work) only ever gets graphql-js.
 * Compiled code lives as long as its document in Yoga's parse cache (an LRU), so it is bounded
 * as that cache is.
 */

interface Entry {
  uses: number;
  /** The compiled operation; null once compiling failed (never tried again). */
  compiled?: CompiledQuery | null;
}

/** The offset in `body` of a 1-based line and column, as graphql-js counts lines. */
function offsetOf(body: string, line: number, column: number): number {
  const lineBreaks = /\r\n|[\n\r]/g;
  let lineStart = 0;
  for (let current = 1; current < line; current++) {
    const found = lineBreaks.exec(body);
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return lineStart + column - 1;
}

/** graphql-jit's error as graphql-js would have made it. */
function asGraphQLJsError(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source && error.locations?.map(({ line, column }) => offsetOf(source.body, line, column));
  return new GraphQLError(error.message, {
    ...(positions && positions.length > 0 && { source, positions }),
    path: error.path,
    originalError: error.originalError ?? new Error(error.message),
    extensions: error.extensions,
  });
}

function withGraphQLJsErrors(result: ExecutionResult, source: Source | undefined): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => asGraphQLJsError(error, source)) };
}

/**
 * Whether graphql-jit compiles `document` as graphql-js would run it: no literal of a scalar whose
 * `parseLiteral` takes the variables (graphql-jit hands it none).
 */
function compilable(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let holds = true;
  const literal = () => {
    const type = typeInfo.getInputType();
    const named = type && getNamedType(type);
    if (named && isScalarType(named) && named.parseLiteral.length > 1) holds = false;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      ObjectValue: literal,
      ListValue: literal,
      StringValue: literal,
      IntValue: literal,
      FloatValue: literal,
      BooleanValue: literal,
      NullValue: literal,
      EnumValue: literal,
    }),
  );
  return holds;
}

/**
 * Compiled operations per (document, operation name), shared by the plugin below (queries and
 * mutations) and the subscription events (subscription-events.ts).
 */
export class OperationCompiler {
  // Per parsed document (Yoga's parse cache hands the same object for the same text), per name.
  readonly #entries = new WeakMap<DocumentNode, Map<string | undefined, Entry>>();

  constructor(private readonly compileAfter: number) {}

  /**
   * The operation of `args` compiled, if it has reached its `compileAfter`th use (this call
   * counted) and compiles, and its variables hold (else graphql-js runs it and says why not).
   */
  compiled(args: ExecutionArgs): CompiledQuery | null {
    if (this.compileAfter <= 0) return null;
    const operationName = args.operationName ?? undefined;
    const operation = getOperationAST(args.document, operationName);
    if (!operation) return null;
    let byName = this.#entries.get(args.document);
    if (!byName) {
      byName = new Map();
      this.#entries.set(args.document, byName);
    }
    let entry = byName.get(operationName);
    if (!entry) {
      entry = { uses: 0 };
      byName.set(operationName, entry);
    }
    if (entry.compiled === undefined) {
      entry.uses += 1;
      if (entry.uses < this.compileAfter) return null;
      const compiled = compilable(args.schema, args.document)
        ? compileQuery(args.schema, args.document, operationName)
        : undefined;
      entry.compiled = compiled && isCompiledQuery(compiled) ? compiled : null;
    }
    const { compiled } = entry;
    if (!compiled || coercedVariables(args, operation).errors) return null;
    return compiled;
  }

  /** Whether the operation `operationName` of `document` has been compiled (no use counted). */
  has(document: DocumentNode, operationName: string | null | undefined): boolean {
    return !!this.#entries.get(document)?.get(operationName ?? undefined)?.compiled;
  }
}

/**
 * Runs `compiled` over `rootValue` (a subscription's event, or the operation's root) with the
 * context and variables of `args`; its errors as graphql-js makes them.
 */
export async function runCompiled(
  compiled: CompiledQuery,
  args: Pick<ExecutionArgs, 'document' | 'contextValue' | 'variableValues'>,
  rootValue: unknown,
): Promise<ExecutionResult> {
  const result = await compiled.query(rootValue, args.contextValue, args.variableValues);
  return withGraphQLJsErrors(result, args.document.loc?.source);
}

export function useCompiledOperations(compiler: OperationCompiler): Plugin {
  return {
    onExecute({ args, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation || operation.operation === 'subscription') return;
      const compiled = compiler.compiled(args);
      if (!compiled) return;
      setExecuteFn((executionArgs) => runCompiled(compiled, executionArgs, executionArgs.rootValue));
    },
  };
}
