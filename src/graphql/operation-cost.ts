import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
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

/** The size a paged or id-list field gives the lists below it, or undefined when it gives none. */
function sizeGiven(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  const cost = costOf(field);
  if (cost.sizeArgument !== undefined) {
    const list = args[cost.sizeArgument];
    const length = Array.isArray(list) ? list.length : 0;
    return Math.min(length, cost.maxSize ?? length);
  }
  if (cost.defaultPageSize === undefined) return undefined;
  const asked = [args.first, args.perPage].find((value): value is number => typeof value === 'number');
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
  const args = getArgumentValues(field, node, walk.variables);
  const named = getNamedType(field.type);
  const base = costOf(field).base ?? (isLeafType(named) ? 0 : 1);
  const size = sizeGiven(field, args) ?? listSize;
  const children =
    node.selectionSet && isCompositeType(named) ? selectionCost(walk, named, node.selectionSet, size) : 0;
  // A list field resolves its selection once per item: as many as the enclosing page holds.
  const times = isListType(getNullableType(field.type)) ? listSize : 1;
  return times * (base + children);
}

/**
 * What running `operation` costs, in the units fields declare (`FieldCost`), with the request's
 * variables: a page size counts however the client gives it (a literal, a variable of any name,
 * a default), skipped fields cost nothing, aliases each cost their own. Variables must be valid
 * for the operation (the executor's own coercion): call it once execution may begin.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables }, root, operation.selectionSet, 1);
}
