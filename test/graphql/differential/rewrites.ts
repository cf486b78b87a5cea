import {
  type ArgumentNode,
  astFromValue,
  coerceInputValue,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  type InlineFragmentNode,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionNode,
  type SelectionSetNode,
  typeFromAST,
  type ValueNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';

/** A GraphQL request as a client sends it. */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** One way of writing the same request, named for the test's report. */
export interface Variant {
  name: string;
  request: GraphQLRequest;
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new Error('a corpus document holds exactly one operation');
  return operations[0] as OperationDefinitionNode;
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function field(fieldName: string, directives: FieldNode['directives'] = []): FieldNode {
  return { kind: Kind.FIELD, name: name(fieldName), directives };
}

function selectionSet(selections: readonly SelectionNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections };
}

function inline(selectionSet: SelectionSetNode, directives: InlineFragmentNode['directives'] = []): InlineFragmentNode {
  return { kind: Kind.INLINE_FRAGMENT, selectionSet, directives };
}

function booleanDirective(directive: 'include' | 'skip', value: ValueNode) {
  return {
    kind: Kind.DIRECTIVE,
    name: name(directive),
    arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value } as ArgumentNode],
  } as const;
}

/** Every variable `$x` renamed by `rename`, in the document and in the variables. */
function renameVariables(request: GraphQLRequest, rename: (variable: string) => string): GraphQLRequest {
  const document = visit(parse(request.query), {
    Variable: (node) => ({ ...node, name: name(rename(node.name.value)) }),
  });
  const variables = Object.fromEntries(Object.entries(request.variables).map(([key, value]) => [rename(key), value]));
  return { ...request, query: print(document), variables };
}

/**
 * Variables renamed in a ring: each takes the name of the next one, so that `$userId` may hold
 * the value of `after` — a client owes no one its variable names.
 */
function rotateVariables(request: GraphQLRequest): GraphQLRequest | null {
  const names = (operationOf(parse(request.query)).variableDefinitions ?? []).map((d) => d.variable.name.value);
  if (names.length < 2) return null;
  const next = new Map(names.map((value, i) => [value, names[(i + 1) % names.length] as string]));
  // Through temporary names, so no two variables share a name halfway.
  const temporary = renameVariables(request, (value) => `tmp__${value}`);
  return renameVariables(temporary, (value) => next.get(value.replace(/^tmp__/, '')) ?? value);
}

/**
 * A JSON value written as a GraphQL literal, as a scalar of the schema's own that takes any JSON
 * (`JSONObject`) reads it back (`valueFromASTUntyped`): objects and lists as such, numbers as
 * ints or floats. `astFromValue` cannot write these: it writes what the scalar serializes, which
 * must be a string, a number or a boolean.
 */
function astFromJson(value: unknown): ValueNode {
  if (value === null) return { kind: Kind.NULL };
  if (Array.isArray(value)) return { kind: Kind.LIST, values: value.map(astFromJson) };
  switch (typeof value) {
    case 'boolean':
      return { kind: Kind.BOOLEAN, value };
    case 'number':
      return { kind: Number.isInteger(value) ? Kind.INT : Kind.FLOAT, value: String(value) };
    case 'string':
      return { kind: Kind.STRING, value };
    case 'object':
      return {
        kind: Kind.OBJECT,
        fields: Object.entries(value as Record<string, unknown>).map(([key, item]) => ({
          kind: Kind.OBJECT_FIELD,
          name: name(key),
          value: astFromJson(item),
        })),
      };
  }
  throw new Error(`no literal for ${String(value)}`);
}

/**
 * Every variable replaced by its value written as a literal in the document (a variable the
 * request leaves unset takes its default, or, without one, its argument is left out, which is
 * what an unset variable means).
 */
function inlineLiterals(request: GraphQLRequest, schema: GraphQLSchema): GraphQLRequest {
  const document = parse(request.query);
  const definitions = new Map<string, VariableDefinitionNode>();
  for (const definition of operationOf(document).variableDefinitions ?? []) {
    definitions.set(definition.variable.name.value, definition);
  }
  const literal = (variable: string): ValueNode | null => {
    const definition = definitions.get(variable);
    if (!definition) throw new Error(`undefined variable $${variable}`);
    if (Object.hasOwn(request.variables, variable)) {
      const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
      if (!type) throw new Error(`unknown type of $${variable}`);
      // astFromValue writes internal values: the variable's JSON value is coerced to one first
      // (which also refuses a value the type does not take).
      const internal = coerceInputValue(request.variables[variable], type);
      const named = getNamedType(type);
      // A JSON object for a scalar of the schema's own is written as an object literal.
      const json =
        isScalarType(named) &&
        !isSpecifiedScalarType(named) &&
        typeof internal === 'object' &&
        internal !== null &&
        !(internal instanceof Date);
      const value = json ? astFromJson(request.variables[variable]) : astFromValue(internal, type);
      if (!value) throw new Error(`no literal for $${variable}`);
      return value;
    }
    return definition.defaultValue ?? null;
  };
  const rewritten = visit(document, {
    OperationDefinition: (node) => ({ ...node, variableDefinitions: [] }),
    Argument: (node) => {
      if (node.value.kind !== Kind.VARIABLE) return undefined;
      const value = literal(node.value.name.value);
      return value ? { ...node, value } : null;
    },
    Variable: (node) => literal(node.name.value) ?? { kind: Kind.NULL },
  });
  return { ...request, query: print(rewritten), variables: {} };
}

/**
 * Every field under an alias of its own (`__typename` included), consistently by field name;
 * a query asks for each root field twice, under two aliases.
 */
function aliasEverything(request: GraphQLRequest): GraphQLRequest {
  const document = parse(request.query);
  const operation = operationOf(document);
  const aliased = visit(document, {
    Field: (node) => (node.alias ? undefined : { ...node, alias: name(`${node.name.value}_`) }),
  });
  if (operation.operation !== 'query') return { ...request, query: print(aliased) };
  const doubled = visit(aliased, {
    OperationDefinition: (node) => ({
      ...node,
      selectionSet: {
        ...node.selectionSet,
        selections: node.selectionSet.selections.flatMap((selection): SelectionNode[] =>
          selection.kind === Kind.FIELD
            ? [selection, { ...selection, alias: name(`again_${selection.alias?.value ?? selection.name.value}`) }]
            : [selection],
        ),
      },
    }),
  });
  return { ...request, query: print(doubled) };
}

/**
 * The operation's root selection moved into a named fragment, and every nested selection set
 * wrapped in an inline fragment without a type condition.
 */
function throughFragments(request: GraphQLRequest, schema: GraphQLSchema): GraphQLRequest {
  const document = parse(request.query);
  const operation = operationOf(document);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new Error(`no ${operation.operation} type`);
  const wrapped = visit(operation.selectionSet, {
    Field: (node) =>
      node.selectionSet ? { ...node, selectionSet: selectionSet([inline(node.selectionSet)]) } : undefined,
  });
  const fragment: FragmentDefinitionNode = {
    kind: Kind.FRAGMENT_DEFINITION,
    name: name('RootOfTheOperation'),
    typeCondition: { kind: Kind.NAMED_TYPE, name: name(rootType.name) },
    selectionSet: wrapped,
  };
  const spread: SelectionNode = { kind: Kind.FRAGMENT_SPREAD, name: name('RootOfTheOperation') };
  const definitions = document.definitions.map(
    (definition): DefinitionNode =>
      definition === operation ? { ...operation, selectionSet: selectionSet([spread]) } : definition,
  );
  return { ...request, query: print({ ...document, definitions: [...definitions, fragment] }) };
}

/**
 * `@include` and `@skip` with literals and with a variable of the client's: fields that must be
 * left out (`@skip(if: true)`, `@include(if: false)`), and every selection below the root kept
 * by `@include(if: $shown)`.
 */
function withDirectives(request: GraphQLRequest): GraphQLRequest {
  const document = parse(request.query);
  const operation = operationOf(document);
  const shown = { kind: Kind.VARIABLE, name: name('shown') } as const;
  const withShown = visit(operation.selectionSet, {
    Field: (node) =>
      node.selectionSet
        ? {
            ...node,
            selectionSet: selectionSet([
              inline(node.selectionSet, [booleanDirective('include', shown)]),
              field('__typename', [booleanDirective('skip', { kind: Kind.BOOLEAN, value: true })]),
            ]),
          }
        : undefined,
  });
  const hidden = field('__typename', [booleanDirective('include', { kind: Kind.BOOLEAN, value: false })]);
  // A subscription selects exactly one root field: nothing is added beside it.
  const selections = operation.operation === 'subscription' ? withShown.selections : [...withShown.selections, hidden];
  const shownDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: shown,
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('Boolean') } },
  };
  const definitions = document.definitions.map(
    (definition): DefinitionNode =>
      definition === operation
        ? {
            ...operation,
            variableDefinitions: [...(operation.variableDefinitions ?? []), shownDefinition],
            selectionSet: selectionSet(selections),
          }
        : definition,
  );
  return {
    ...request,
    query: print({ ...document, definitions }),
    variables: { ...request.variables, shown: true },
  };
}

/** Operations that share a document with the one under test, as GraphiQL sends a whole tab. */
const NEIGHBOURS = `
query NeighbourQuery { __typename neighbour: user { __typename } }
mutation NeighbourMutation { markAllNotificationsRead { __typename } }
`;

/** The operation, named, in a document with other operations; `operationName` picks it. */
function amongOthers(request: GraphQLRequest): GraphQLRequest {
  const document = parse(request.query);
  const operation = operationOf(document);
  const operationName = operation.name?.value ?? 'TheOperation';
  const named = visit(document, {
    OperationDefinition: (node) => (node.name ? undefined : { ...node, name: name(operationName) }),
  });
  return { query: `${NEIGHBOURS}\n${print(named)}`, variables: request.variables, operationName };
}

/**
 * The ways a client may write `request` (one operation, with its fragments): as given, with
 * variables of other names, with literals, aliases, fragments, directives, among other
 * operations, and all of these at once.
 */
export function variantsOf(request: GraphQLRequest, schema: GraphQLSchema): Variant[] {
  const variants: Variant[] = [{ name: 'as written', request }];
  variants.push({
    name: 'variables renamed',
    request: renameVariables(request, (v) => `my${v[0]?.toUpperCase()}${v.slice(1)}`),
  });
  const rotated = rotateVariables(request);
  if (rotated) variants.push({ name: 'variables rotated', request: rotated });
  variants.push({ name: 'literals', request: inlineLiterals(request, schema) });
  variants.push({ name: 'aliases', request: aliasEverything(request) });
  variants.push({ name: 'fragments', request: throughFragments(request, schema) });
  variants.push({ name: '@include/@skip', request: withDirectives(request) });
  variants.push({ name: 'among other operations', request: amongOthers(request) });
  variants.push({
    name: 'all at once',
    request: amongOthers(throughFragments(withDirectives(aliasEverything(inlineLiterals(request, schema))), schema)),
  });
  return variants;
}

/** The neighbouring query of `amongOthers`, run by name from the same document. */
export function neighbourOf(request: GraphQLRequest): GraphQLRequest {
  return { ...amongOthers(request), operationName: 'NeighbourQuery' };
}
