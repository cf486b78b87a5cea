import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../platform/auth/viewer.js';
import { RateLimitedError } from '../platform/errors.js';
import type { ReadBudget } from '../platform/reads/read-budget.js';
import { coercedVariables } from './coerced-variables.js';
import { operationCost } from './operation-cost.js';
import { LIMIT_CODES } from './use-limits.js';

const fragmentsOf = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();

function fragments(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let found = fragmentsOf.get(document);
  if (!found) {
    found = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) found[definition.name.value] = definition;
    }
    fragmentsOf.set(document, found);
  }
  return found;
}

function tooCostly(cost: number, spent: number, max: number): GraphQLError {
  const message =
    spent > cost
      ? `Query Cost limit of ${max} exceeded by the operations of this request together, found ${spent}.`
      : `Query Cost limit of ${max} exceeded, found ${cost}.`;
  return new GraphQLError(message, {
    extensions: { code: LIMIT_CODES.cost, limit: 'cost', max, cost, http: { status: 400, spec: false } },
  });
}

function rateLimited(error: RateLimitedError): GraphQLError {
  const { retryAfterSeconds } = error;
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      retryAfterSeconds,
      http: { status: 429, spec: false, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}

/**
 * The cost of an operation, with its variables, or null when they are not valid for it (the
 * executor refuses those itself).
 */
function costOf(
  args: { schema: Parameters<typeof operationCost>[0]; document: DocumentNode; variableValues?: unknown },
  operation: OperationDefinitionNode,
): number | null {
  const variables = coercedVariables(args, operation);
  if (variables.errors) return null;
  return operationCost(args.schema, operation, fragments(args.document), variables.coerced);
}

/** What the read cost needs of an execution: its operation's parts and the request's viewer. */
interface CostedExecution {
  schema: Parameters<typeof operationCost>[0];
  document: DocumentNode;
  operationName?: string | null | undefined;
  variableValues?: unknown;
  contextValue: { request?: Request; viewer?: Viewer | null };
}

/**
 * Holds every operation to what it will really cost, once its variables are known (a page
 * size counts however it is given: a literal, a variable of any name, a default): an operation
 * over `maxCost` is refused (400 MAX_COST_EXCEEDED), and so is one that takes the operations of
 * one HTTP request (a batch) past it together. A user's queries then draw on the user's read
 * budget (429 RATE_LIMITED past it, with `retryAfterSeconds`). Subscriptions are held to the cost
 * limit per event and draw on the subscribe budget instead; service tokens (a game's backend)
 * have no read budget.
 *
 * One rule for both ways a query runs: the envelop plugin below and prepared queries
 * (prepared-queries.ts).
 */
export class ReadCost {
  readonly #spentByRequest = new WeakMap<Request, number>();

  constructor(private readonly options: { maxCost: number; budget: ReadBudget }) {}

  /**
   * Prices a query or mutation and charges a user's query to the budget: the result that
   * refuses it instead of running it, or undefined when it may run (and was charged).
   */
  admit(args: CostedExecution): ExecutionResult | undefined {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return undefined;
    const cost = costOf(args, operation);
    if (cost === null) return undefined;
    const { request, viewer } = args.contextValue;
    const { maxCost, budget } = this.options;
    const spent = (request ? (this.#spentByRequest.get(request) ?? 0) : 0) + cost;
    if (spent > maxCost) return { errors: [tooCostly(cost, spent, maxCost)] };
    if (request) this.#spentByRequest.set(request, spent);
    if (operation.operation !== 'query' || !viewer || viewer.role !== 'user') return undefined;
    try {
      budget.charge(viewer.tenant, viewer.subject, cost);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return { errors: [rateLimited(error)] };
    }
    return undefined;
  }

  /** A subscription's refusal for costing more per event than `maxCost`, or undefined. */
  subscriptionRefusal(args: Omit<CostedExecution, 'contextValue'>): ExecutionResult | undefined {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return undefined;
    const cost = costOf(args, operation);
    if (cost !== null && cost > this.options.maxCost) {
      return { errors: [tooCostly(cost, cost, this.options.maxCost)] };
    }
    return undefined;
  }
}

export function useReadCost(readCost: ReadCost): Plugin<{ request?: Request; viewer?: Viewer | null }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = readCost.admit(args);
      if (refusal) setResultAndStopExecution(refusal);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = readCost.subscriptionRefusal(args);
      if (refusal) setResultAndStopExecution(refusal);
    },
  };
}
