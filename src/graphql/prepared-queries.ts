import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  getOperationAST,
} from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Viewer } from '../platform/auth/viewer.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import type { Context } from './context.js';
import { type OperationCompiler, runCompiled } from './use-compiled-operations.js';
import { withLimitStatus } from './use-limits.js';
import { noteViewer, observeExecution } from './use-observability.js';
import type { ReadCost } from './use-read-cost.js';

/*
 * Queries that clients repeat, run straight from their compiled code. Yoga and envelop serve
 * every request through a chain of hooks (parameters, parse and validation caches, context,
 * execution, result) that a repeated, already validated query gets nothing from; run side by
 * side, that chain cost about an eighth of such a request's CPU (bench/CHANGES.md).
 *
 * A query becomes prepared once Yoga's path has run it and graphql-jit compiled it: by then its
 * document passed parsing and validation under every limit (depth, aliases, tokens, directives,
 * introspection), which depend on the document alone. A prepared query's request then does here
 * what each of the gateway's plugins does to it, with the same functions: the context (the
 * token's verification, loaders), the viewer on the request's log line, the read cost and budget
 * (`ReadCost`), the operation's timing and failure logs (`observeExecution`), production's
 * redaction and masking (`finish`, as for subscription events), the limits' status. Yoga's
 * result processing (content negotiation, status, request ids in errors) is the caller's, as for
 * every JSON POST (json-post.ts).
 *
 * Anything else is left to Yoga's path, decided before anything is spent: a document not seen
 * whole before, a mutation or subscription, an operation name the document does not have,
 * variables that do not hold, a token that does not verify (Yoga answers those with its own
 * errors).
 */

/** What a prepared query is run with: the gateway's own parts (yoga.ts). */
export interface PreparedQueryParts {
  schema: GraphQLSchema;
  compiler: OperationCompiler;
  readCost: ReadCost;
  /** The gateway's per-request context, from what Yoga's context starts with. */
  contextFor(initial: { request: Request; params: GraphQLParams; verifiedViewer?: Viewer }): Promise<Context>;
  /** Where timings and failures go (use-observability.ts). */
  observability: { metrics: Metrics | undefined; logger: Logger };
  /** Production's redaction and the gateway's masking of a result's errors. */
  finish(result: ExecutionResult): ExecutionResult;
}

/** How many documents are kept prepared: as many as Yoga's parse cache keeps parsed. */
const MAX_PREPARED = 1_024;

export class PreparedQueries {
  // By the text clients send; the oldest prepared is dropped first.
  readonly #documents = new Map<string, DocumentNode>();

  constructor(private readonly parts: PreparedQueryParts) {}

  /** Notes a query that Yoga's path is executing (after validation) once it is compiled. */
  noteExecuted(args: Pick<ExecutionArgs, 'document' | 'operationName'>): void {
    const source = args.document.loc?.source.body;
    if (source === undefined || this.#documents.get(source) === args.document) return;
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'query' || !this.parts.compiler.has(args.document, args.operationName)) return;
    this.#documents.delete(source);
    this.#documents.set(source, args.document);
    if (this.#documents.size > MAX_PREPARED) this.#documents.delete(this.#documents.keys().next().value as string);
  }

  /**
   * The result of `params` when they name a prepared query, else undefined (nothing was run
   * or spent: Yoga's path serves the request).
   */
  async run(request: Request, params: GraphQLParams): Promise<ExecutionResult | undefined> {
    const document = this.#documents.get(params.query as string);
    if (!document) return undefined;
    return this.runValidated(document, request, params);
  }

  /**
   * Runs `document`, which the caller has had validated by the gateway (the REST shim's route
   * operations), as a prepared query once its operation is compiled; undefined as `run`.
   */
  async runValidated(
    document: DocumentNode,
    request: Request,
    params: GraphQLParams,
    initial: { verifiedViewer?: Viewer } = {},
  ): Promise<ExecutionResult | undefined> {
    const operation = getOperationAST(document, params.operationName);
    if (operation?.operation !== 'query' || !this.parts.compiler.has(document, params.operationName)) return undefined;
    const { parts } = this;
    let contextValue: Context & { request: Request; params: GraphQLParams };
    try {
      contextValue = { request, params, ...(await parts.contextFor({ ...initial, request, params })) };
    } catch {
      // A token that does not verify: Yoga's path answers it (401).
      return undefined;
    }
    noteViewer(request, contextValue.viewer);
    const args = {
      schema: parts.schema,
      document,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    };
    // Variables checked here, before anything is charged: ones that do not hold go to Yoga.
    const compiled = parts.compiler.compiled(args);
    if (!compiled) return undefined;
    // A refusal stops the operation before it is observed, masked or run, as the plugin's does.
    const refusal = parts.readCost.admit(args);
    if (refusal) return withLimitStatus(refusal);
    const done = observeExecution(parts.observability, args);
    const result = await runCompiled(compiled, args, undefined);
    done(result);
    return withLimitStatus(parts.finish(result));
  }
}

/** Prepares the queries Yoga's path runs; after `useCompiledOperations`, which compiles them. */
export function usePreparedQueries(prepared: PreparedQueries): Plugin {
  return {
    onExecute({ args }) {
      prepared.noteExecuted(args);
    },
  };
}
