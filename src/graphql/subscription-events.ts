import {
  type ASTNode,
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isObjectType,
  Kind,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { type SubscriptionWatch, streamExpiry, subscriptionResults } from './subscription-lifetime.js';
import { type OperationCompiler, runCompiled } from './use-compiled-operations.js';

/**
 * The mark of a field whose value is the same whoever asks for it, given its parent: it reads
 * nothing of the caller (no viewer, no per-caller loader that filters). On a subscription
 * field, it says more: the stream hands every subscriber that receives an event the same
 * payload object, meaning the same to each of them. Put it on a field with
 * `extensions: SAME_FOR_EVERY_VIEWER`.
 */
export const SAME_FOR_EVERY_VIEWER = { sameForEveryViewer: true } as const;

const isMarked = (extensions: Readonly<{ sameForEveryViewer?: unknown }> | null | undefined) =>
  extensions?.sameForEveryViewer === true;

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** Whether every field the selection asks of `type`, to the leaves, is marked. */
function selectsOnlyShared(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  spreading: ReadonlySet<string>,
): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      const field = type.getFields()[selection.name.value];
      if (!field || !isMarked(field.extensions)) return false;
      if (!selection.selectionSet) continue;
      const named = getNamedType(field.type);
      // Interfaces and unions would need every possible type checked: none is shared today.
      if (!isObjectType(named) || !selectsOnlyShared(schema, named, selection.selectionSet, fragments, spreading))
        return false;
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) return false;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
      if (name !== undefined && spreading.has(name)) return false;
      const inner = name === undefined ? spreading : new Set([...spreading, name]);
      if (!selectsOnlyShared(schema, type, fragment.selectionSet, fragments, inner)) return false;
    }
  }
  return true;
}

/**
 * The variables an event's result can depend on: all those the operation uses except in the
 * subscription field's own arguments, which pick the stream (whose events are the same to
 * every subscriber given to them), not what is made of each event. A client that passes its
 * own user id, as most do, shares its results with everyone else who asked the same thing.
 */
function variablesBelowRoot(selectionSet: SelectionSetNode, fragments: Fragments): string[] {
  const names = new Set<string>();
  const spread = new Set<string>();
  const collect = (node: ASTNode) => {
    visit(node, {
      Variable: (variable) => void names.add(variable.name.value),
      FragmentSpread: (spreadNode) => {
        const fragment = fragments.get(spreadNode.name.value);
        if (!fragment || spread.has(spreadNode.name.value)) return;
        spread.add(spreadNode.name.value);
        collect(fragment);
      },
    });
  };
  const atRoot = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of set.selections) {
      for (const directive of selection.directives ?? []) collect(directive);
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) collect(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        atRoot(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(selection.name.value))
          atRoot(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  atRoot(selectionSet, new Set());
  return [...names].sort();
}

/** How an operation's event results are shared: null when they are not. */
interface SharingPlan {
  /** This document and operation, in the key of a result. */
  id: number;
  /** The variables that go into the key of a result, besides the payload and the plan. */
  variables: string[];
}

/** Whether the operation is a subscription of a marked field selecting only marked fields. */
function sharingPlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  id: number,
): SharingPlan | null {
  const operation = getOperationAST(document, operationName);
  const root = schema.getSubscriptionType();
  if (operation?.operation !== 'subscription' || !root) return null;
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  if (!selectsOnlyShared(schema, root, operation.selectionSet, fragments, new Set())) return null;
  return { id, variables: variablesBelowRoot(operation.selectionSet, fragments) };
}

type MaybePromise<T> = T | Promise<T>;

/** An event's result: the operation's selection executed over the event. */
type EventResult = (payload: unknown) => MaybePromise<ExecutionResult>;

/** A failure of the source as a GraphQL error located at the operation, as graphql-js's own `subscribe` makes it. */
function sourceErrorOf(args: ExecutionArgs): (error: unknown) => GraphQLError {
  return (error) => {
    if (error instanceof GraphQLError) return error;
    return new GraphQLError(error instanceof Error ? error.message : String(error), {
      nodes: getOperationAST(args.document, args.operationName) ?? null,
      originalError: error instanceof Error ? error : null,
    });
  };
}

export interface SubscriptionResultRules {
  /**
   * Every result a subscriber receives, its events' and its failures' alike, as every other
   * answer of the gateway is made (production's redaction, masking): envelop's hooks for them
   * never see a subscription (see the plugin).
   */
  finish: (result: ExecutionResult) => ExecutionResult;
  /** Told of each stream's start, results and end: the metrics, when they are on. */
  watch: SubscriptionWatch | undefined;
}

/**
 * Every subscription's events: its source stream from the field's `subscribe`, started by
 * graphql-js (`createSourceEventStream`), each event's result from the selection, in one plain
 * iterator per subscription that also holds the stream to its lifetime's rules
 * (subscription-lifetime.ts `subscriptionResults`) and finishes every result (`rules`). The
 * selection runs as code compiled by graphql-jit once the (document, operation) repeats, as
 * queries do (use-compiled-operations.ts): a thousand subscribers of one document share it.
 * Yoga's own subscribe (graphql-tools' executor) wraps each stream in two more iterators, one
 * to map and one to flatten results for `@defer`/`@stream`, which this schema does not serve,
 * and keeps both for as long as the subscriber stays connected.
 *
 * And the selection of an event runs once per instance for all its subscribers that asked the
 * same thing, instead of once per subscriber: a friend coming online is one event for fifty
 * watchers, and fifty executions of the same selection over the same payload gave fifty equal
 * results. It applies only where equality is certain: the subscription field shares its
 * payloads (SAME_FOR_EVERY_VIEWER) and the document selects nothing that depends on who asks;
 * results are keyed by the payload object itself, the document, the operation and the
 * variables, and go when the payload does. Each subscriber's copy is still finished (redaction,
 * masking) and counted on its own; no step modifies a result in place.
 */
export function useSubscriptionEvents(compiler: OperationCompiler, rules: SubscriptionResultRules): Plugin {
  const plans = new WeakMap<DocumentNode, Map<string, SharingPlan | null>>();
  const results = new WeakMap<object, Map<string, MaybePromise<ExecutionResult>>>();
  let nextPlanId = 0;

  const planOf = (args: ExecutionArgs) => {
    const byOperation = plans.get(args.document) ?? new Map<string, SharingPlan | null>();
    plans.set(args.document, byOperation);
    const name = args.operationName ?? '';
    let plan = byOperation.get(name);
    if (plan === undefined) {
      plan = sharingPlan(args.schema, args.document, args.operationName, nextPlanId++);
      byOperation.set(name, plan);
    }
    return plan;
  };

  /** Each event's result computed once for every subscriber with the same key. */
  const sharedResults = (args: ExecutionArgs, plan: SharingPlan, resultOf: EventResult): EventResult => {
    const values = plan.variables.map((name) => args.variableValues?.[name] ?? null);
    const key = `${plan.id}\u0000${JSON.stringify(values)}`;
    return (payload) => {
      if (typeof payload !== 'object' || payload === null) return resultOf(payload);
      let byKey = results.get(payload);
      if (!byKey) {
        byKey = new Map();
        results.set(payload, byKey);
      }
      let result = byKey.get(key);
      if (result === undefined) {
        result = resultOf(payload);
        byKey.set(key, result);
      }
      return result;
    };
  };

  const subscribe = (args: ExecutionArgs): MaybePromise<ExecutionResult | AsyncIterable<ExecutionResult>> => {
    const plan = planOf(args);
    const compiled = compiler.compiled(args);
    const resultOf: EventResult = compiled
      ? (payload) => runCompiled(compiled, args, payload)
      : (payload) => execute({ ...args, rootValue: payload });
    const resultOfShared = plan ? sharedResults(args, plan, resultOf) : resultOf;
    const options = {
      expiresAt: streamExpiry(args.contextValue as Parameters<typeof streamExpiry>[0]),
      sourceError: sourceErrorOf(args),
      ...rules,
    };
    const mapped = (source: AsyncIterable<unknown> | ExecutionResult) =>
      isAsyncIterable<unknown>(source) ? subscriptionResults(source, resultOfShared, options) : rules.finish(source);
    const source = createSourceEventStream(args);
    return source instanceof Promise ? source.then(mapped) : mapped(source);
  };

  return {
    // Setting the result stops envelop's onSubscribe hooks here, before Yoga's masking (added
    // after every plugin of ours): what masking and the other plugins' stream hooks would do in
    // an iterator each around every stream, `rules` does in this one. Hence this plugin is the
    // gateway's last; the hooks of those before it still run and see the stream.
    onSubscribe({ args, setResultAndStopExecution }) {
      setResultAndStopExecution(subscribe(args) as never);
    },
  };
}
