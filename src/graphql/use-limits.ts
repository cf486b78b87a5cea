import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { type ASTVisitor, type ExecutionResult, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { GraphQLLimits } from '../platform/config.js';
import type { GraphQLRefusalCode } from './refusals.js';

/** The code (refusals.ts) of a document refused for each limit. */
export const LIMIT_CODES = {
  depth: 'MAX_DEPTH_EXCEEDED',
  aliases: 'MAX_ALIASES_EXCEEDED',
  tokens: 'MAX_TOKENS_EXCEEDED',
  directives: 'MAX_DIRECTIVES_EXCEEDED',
  cost: 'MAX_COST_EXCEEDED',
} as const satisfies Record<string, GraphQLRefusalCode>;

export type LimitName = keyof typeof LIMIT_CODES;

/**
 * A refused document: 400 whatever the client accepts. Yoga answers ordinary validation errors
 * to `Accept: application/json` with 200 (the GraphQL-over-HTTP spec's legacy rule, `spec: true`);
 * a limit is a refusal of the request itself, so it opts out of that.
 */
export function limitError(limit: LimitName, max: number, armorMessage: string): GraphQLError {
  // graphql-armor prefixes every message with "Syntax Error: ", which these are not.
  const message = armorMessage.replace(/^Syntax Error:\s*/, '');
  return new GraphQLError(message, {
    extensions: { code: LIMIT_CODES[limit], limit, max, http: { status: 400, spec: false } },
  });
}

/**
 * graphql-armor reports a rejection by throwing from inside graphql-js's `validate`, which
 * escapes as an unexpected error (200 over HTTP, a broken socket over graphql-ws). Reported on
 * the validation context instead, it comes back as an ordinary validation error on every
 * transport, and the document is never executed.
 */
function reportOn(limit: LimitName, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(limit, max, error.message)),
    ],
  };
}

/**
 * The limits every GraphQL document is held to before it runs, on every transport (HTTP GET
 * and POST, SSE, graphql-ws, the REST shim): all of them go through the gateway's envelop
 * `parse` and `validate`. Tokens are counted while parsing, so an oversized document is never
 * fully parsed; depth, aliases, directives and cost are validation rules.
 */
export function useGraphQLLimits(limits: GraphQLLimits): Plugin {
  const armor = new EnvelopArmor<YogaInitialContext>({
    maxTokens: {
      n: limits.maxTokens,
      propagateOnRejection: false,
      // The parser has no validation context to report on: throw to stop it where it is.
      onReject: [
        (_context, error) => {
          throw limitError('tokens', limits.maxTokens, error.message);
        },
      ],
    },
    // Depth and cost follow the shape of the response: `... on T` adds no level to it.
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      // Armor leaves `__schema` and all below it out by default, yet introspection is the one
      // part of the schema that nests without end (`fields { type { fields { … } } }`): it is
      // counted like any field. graphql-js's own introspection query is 15 deep, which the
      // default limit allows (config.ts).
      ignoreIntrospection: false,
      ...reportOn('depth', limits.maxDepth),
    },
    // Armor's default allow-list leaves every `x: __typename` uncounted: thousands of them
    // make a document that is cheap to send and costly to validate, execute and serialize, and
    // that reaches no resolver (so no rate limit). Every alias counts.
    maxAliases: { n: limits.maxAliases, allowList: [], ...reportOn('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...reportOn('directives', limits.maxDirectives) },
    // Cost is not a validation rule: it depends on the variables (a page size given as one),
    // so it is checked once they are known (read-cost.ts). Armor's own is on unless turned off.
    costLimit: { enabled: false },
    // Off: armor masks only the field form of "Did you mean ...?" and only in validation.
    // useProductionErrors (production-errors.ts) removes every form, on every path.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins } = armor.protect();
  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of plugins) addPlugin(plugin);
    },
    onExecutionResult({ result, setResult }) {
      if (Array.isArray(result) || !result || !('errors' in result)) return;
      const answered = withLimitStatus(result as ExecutionResult);
      if (answered !== result) setResult(answered);
    },
  };
}

const LIMIT_CODE_SET = new Set<unknown>(Object.values(LIMIT_CODES));

/**
 * A result refused for a limit, answered 400. Yoga marks every parse error (the token limit is
 * one) as a spec error, which it answers with 200 to `Accept: application/json`; the status of
 * the whole result says 400 instead.
 */
export function withLimitStatus(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((error) => LIMIT_CODE_SET.has(error.extensions?.code))) return result;
  return { ...result, extensions: { ...result.extensions, http: { status: 400 } } };
}

/**
 * Refuses `__schema` and `__type` in every document (`__typename` stays: clients need it). A
 * validation rule of our own rather than Yoga's disable-introspection plugin, which decides per
 * HTTP request and so would leave introspection open over graphql-ws, where there is none.
 */
export function useNoIntrospection(): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return;
      context.reportError(
        new GraphQLError(`Introspection is disabled: the query asks for ${node.name.value}.`, {
          nodes: [node],
          extensions: {
            code: 'INTROSPECTION_DISABLED' satisfies GraphQLRefusalCode,
            http: { status: 400, spec: false },
          },
        }),
      );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
