import {
  type DocumentNode,
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

/**
 * Holds every operation to what it will really cost, once its variables are known (a page
 * size counts however it is given: a literal, a variable of any name, a default): an operation
 * over `maxCost` is refused (400 MAX_COST_EXCEEDED), and so is one that takes the operations of
 * one HTTP request (a batch) past it together. A user's queries then draw on the user's read
 * budget (429 RATE_LIMITED past it, with `retryAfterSeconds`). Subscriptions are held to the cost
 * limit per event and draw on the subscribe budget instead; service tokens (a game's backend)
 * have no read budget.
 */
export function useReadCost(options: { maxCost: number; budget: ReadBudget }): Plugin<{
  request?: Request;
  viewer?: Viewer | null;
}> {
  const spentByRequest = new WeakMap<Request, number>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const cost = costOf(args, operation);
      if (cost === null) return;
      const { request, viewer } = args.contextValue;
      const spent = (request ? (spentByRequest.get(request) ?? 0) : 0) + cost;
      if (spent > options.maxCost) {
        setResultAndStopExecution({ errors: [tooCostly(cost, spent, options.maxCost)] });
        return;
      }
      if (request) spentByRequest.set(request, spent);
      if (operation.operation !== 'query' || !viewer || viewer.role !== 'user') return;
      try {
        options.budget.charge(viewer.tenant, viewer.subject, cost);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        setResultAndStopExecution({ errors: [rateLimited(error)] });
      }
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const cost = costOf(args, operation);
      if (cost !== null && cost > options.maxCost) {
        setResultAndStopExecution({ errors: [tooCostly(cost, cost, options.maxCost)] });
      }
    },
  };
}
