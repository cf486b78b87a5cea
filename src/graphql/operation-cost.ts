import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isLeafType,
  isListType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  typeFromAST,
  valueFromAST,
} from 'graphql';

/**
 * What resolving a field costs, declared on the field itself (`extensions: { cost: { … } }` in
 * its Pothos definition), so that the price of each piece of work lives beside the code that
 * does it. A field without a declaration costs 1 when it resolves to an object (a loader hop, a
 * row set) and nothing when it is a leaf read off its parent.
 */
export interface FieldCost {
  /** Units for resolving the field once. */
  base?: number;
  /**
   * For a paged list (arguments `first` / `perPage`): its page size when the client gives none;
   * the lists below it are priced at the page size, however the client gave it.
   */
  defaultPageSize?: number;
  /** For a list sized by an argument (a list of ids): that argument. */
  sizeArgument?: string;
  /**
   * The most items that argument may hold: a longer one is refused by the field itself (with its
   * own, more telling error), so it is priced at this size.
   */
  maxSize?: number;
}

/** Pages hold at most this many items (pagination.ts refuses more): a larger ask costs this. */
const MAX_PAGE_SIZE = 50;

function costOf(field: GraphQLField<unknown, unknown>): FieldCost {
  return (field.extensions as { cost?: FieldCost } | undefined)?.cost ?? {};
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(walk: Walk, node: SelectionNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, walk.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, walk.variables);
  return include?.if !== false;
}

/**
 * The value of one argument of a field as the executor takes it (given, from a variable, or
 * its default), read alone: a price reads only the arguments that size a list, so that the
 * variables it depends on are only those (see `operationCost`'s cache).
 */
function argumentValue(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode, name: string): unknown {
  const definition: GraphQLArgument | undefined = field.args.find((argument) => argument.name === name);
  if (!definition) return undefined;
  const given = node.arguments?.find((argument) => argument.name.value === name);
  if (!given) return definition.defaultValue;
  if (given.value.kind === Kind.VARIABLE) {
    const variable = given.value.name.value;
    return Object.hasOwn(walk.variables, variable) ? walk.variables[variable] : definition.defaultValue;
  }
  return valueFromAST(given.value, definition.type, walk.variables);
}

/** The size a paged or id-list field gives the lists below it, or undefined when it gives none. */
function sizeGiven(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
  const cost = costOf(field);
  if (cost.sizeArgument !== undefined) {
    const list = argumentValue(walk, field, node, cost.sizeArgument);
    const length = Array.isArray(list) ? list.length : 0;
    return Math.min(length, cost.maxSize ?? length);
  }
  if (cost.defaultPageSize === undefined) return undefined;
  const asked = [argumentValue(walk, field, node, 'first'), argumentValue(walk, field, node, 'perPage')].find(
    (value): value is number => typeof value === 'number',
  );
  return Math.min(MAX_PAGE_SIZE, Math.max(0, asked ?? cost.defaultPageSize));
}

function selectionCost(
  walk: Walk,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  listSize: number,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? typeFromAST(walk.schema, selection.typeCondition) : parent;
      if (type && isCompositeType(type)) total += selectionCost(walk, type, selection.selectionSet, listSize);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      const type = fragment && typeFromAST(walk.schema, fragment.typeCondition);
      if (fragment && type && isCompositeType(type))
        total += selectionCost(walk, type, fragment.selectionSet, listSize);
      continue;
    }
    total += fieldCost(walk, parent, selection, listSize);
  }
  return total;
}

function fieldCost(walk: Walk, parent: GraphQLCompositeType, node: FieldNode, listSize: number): number {
  // Introspection and `__typename` read no data; the depth and alias limits bound them.
  if (node.name.value.startsWith('__') || isUnionType(parent)) return 0;
  const field = parent.getFields()[node.name.value];
  return field ? priced(walk, field, node, listSize) : 0;
}

function priced(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode, listSize: number): number {
  const named = getNamedType(field.type);
  const base = costOf(field).base ?? (isLeafType(named) ? 0 : 1);
  const size = sizeGiven(walk, field, node) ?? listSize;
  const children =
    node.selectionSet && isCompositeType(named) ? selectionCost(walk, named, node.selectionSet, size) : 0;
  // A list field resolves its selection once per item: as many as the enclosing page holds.
  const times = isListType(getNullableType(field.type)) ? listSize : 1;
  return times * (base + children);
}

/**
 * The costs of one operation already priced, by the values of the variables its pricing read
 * (page sizes, the lengths of id lists, `@skip`/`@include` conditions: never a user id), so that
 * the clients sending one document again and again with their own ids price it once. A pricing
 * that reads a variable not among `names` widens them and forgets the costs keyed without it.
 */
interface PricedOperation {
  names: string[];
  costs: Map<string, number>;
}

/** Costs kept per operation, and the longest key kept (a long id list is priced each time). */
const MAX_COSTS_PER_OPERATION = 64;
const MAX_KEY_LENGTH = 256;

const pricedOperations = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, PricedOperation>>();

/** The key of these variables' values: absent and null apart; undefined when they are not JSON. */
function keyOf(names: readonly string[], variables: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(names.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])));
  } catch {
    return undefined;
  }
}

/** `variables`, noting the name of each declared variable read through it. */
function noting(variables: Record<string, unknown>, declared: ReadonlySet<string>, read: Set<string>) {
  const note = (name: string | symbol) => {
    if (typeof name === 'string' && declared.has(name)) read.add(name);
  };
  return new Proxy(variables, {
    get(target, name) {
      note(name);
      return Reflect.get(target, name);
    },
    has(target, name) {
      note(name);
      return Reflect.has(target, name);
    },
    getOwnPropertyDescriptor(target, name) {
      note(name);
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
  });
}

/**
 * What running `operation` costs, in the units fields declare (`FieldCost`), with the request's
 * variables: a page size counts however the client gives it (a literal, a variable of any name,
 * a default), skipped fields cost nothing, aliases each cost their own. Variables must be valid
 * for the operation (the executor's own coercion): call it once execution may begin.
 *
 * Pricing is a function of the document and of the variables it reads, so a price is kept for
 * those variables' values: a request that gives them the same values reads the same ones the
 * same way, and costs the same (a test compares every kept price with a fresh one).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  let bySchema = pricedOperations.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    pricedOperations.set(schema, bySchema);
  }
  let known = bySchema.get(operation);
  const kept = known && keyOf(known.names, variables);
  const found = kept === undefined ? undefined : known?.costs.get(kept);
  if (found !== undefined) return found;

  const declared = new Set(operation.variableDefinitions?.map((definition) => definition.variable.name.value));
  const read = new Set<string>();
  const cost = freshOperationCost(schema, operation, fragments, noting(variables, declared, read));
  if (!known || [...read].some((name) => !known?.names.includes(name))) {
    known = { names: [...new Set([...(known?.names ?? []), ...read])].sort(), costs: new Map() };
    bySchema.set(operation, known);
  }
  const key = keyOf(known.names, variables);
  if (key !== undefined && key.length <= MAX_KEY_LENGTH) {
    if (known.costs.size >= MAX_COSTS_PER_OPERATION) known.costs.clear();
    known.costs.set(key, cost);
  }
  return cost;
}

/** `operationCost` without the kept prices: what a kept price must equal (tests). */
export function freshOperationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables }, root, operation.selectionSet, 1);
}
