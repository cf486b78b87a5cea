import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationTypeNode,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import * as clientDocuments from '../../../packages/client/src/gql/graphql.js';
import * as restDocuments from '../../../src/gql/graphql.js';
import * as testDocuments from '../../gql/graphql.js';
import type { GraphQLRequest } from './rewrites.js';

/** A document of the corpus: one operation with its fragments, and where it comes from. */
export interface CorpusDocument {
  /** `rest:RestUser`, `client:Profile`, `test:TestUser`, `schema:Query.user`. */
  source: string;
  kind: OperationTypeNode;
  query: string;
}

function operationsIn(prefix: string, module: Record<string, unknown>): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  for (const value of Object.values(module)) {
    if (!(value instanceof String)) continue;
    const document = parse(String(value));
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      documents.push({
        source: `${prefix}:${definition.name?.value ?? 'anonymous'}`,
        kind: definition.operation,
        query: String(value),
      });
    }
  }
  return documents;
}

/** Every operation the repository itself sends: the REST shim's, the typed client's, the tests'. */
export function repositoryOperations(): CorpusDocument[] {
  return [
    ...operationsIn('rest', restDocuments),
    ...operationsIn('client', clientDocuments),
    ...operationsIn('test', testDocuments),
  ];
}

/** Levels of nested selections a generated document asks for below its root field. */
const GENERATED_DEPTH = 4;

/**
 * The selection a client asking for "everything" would write for `type`: its leaf fields, its
 * object fields down to `depth` levels, each member of a union or interface by an inline
 * fragment. Fields with required arguments are left out.
 */
function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isAbstractType(type)) {
    const members = schema
      .getPossibleTypes(type)
      .map((member) => `... on ${member.name} ${selectionFor(schema, member, depth)}`);
    return `{ __typename ${members.join(' ')} }`;
  }
  if (!isObjectType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown>>).flatMap((field) => {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return [];
    const fieldType = getNamedType(field.type);
    if (isLeafType(fieldType)) return [field.name];
    if (depth <= 0) return [];
    return [`${field.name} ${selectionFor(schema, fieldType, depth - 1)}`];
  });
  return `{ __typename ${fields.join(' ')} }`;
}

/**
 * One document per root field of the schema, asking for everything below it, every argument
 * the fixture can give passed as a variable named like it.
 */
export function schemaOperations(
  schema: GraphQLSchema,
  knows: (coordinate: string, argument: string) => boolean,
): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  for (const kind of ['query', 'mutation', 'subscription'] as OperationTypeNode[]) {
    const root = schema.getRootType(kind);
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const coordinate = `${root.name}.${field.name}`;
      const args = field.args.filter((arg) => knows(coordinate, arg.name));
      const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`);
      const selection = selectionFor(schema, getNamedType(field.type), GENERATED_DEPTH);
      const name = `Generated_${field.name}`;
      const query = `${kind} ${name}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${field.name}${
        passed.length ? `(${passed.join(', ')})` : ''
      } ${selection} }`;
      documents.push({ source: `schema:${coordinate}`, kind, query: print(parse(query)) });
    }
  }
  return documents;
}

/**
 * The variables a client would send with `document`: for each variable, the value the fixture
 * gives the argument it is passed to (`fixtureValue(coordinate, argument)`), or, for a variable
 * that is an item of a list argument (`players: [$a, $b]`), the fixture list's item at its place;
 * a variable the fixture has nothing for is left unset. Throws for a required one, naming it, so
 * that a new argument cannot silently drop out of the corpus.
 */
export function requestFor(
  document: CorpusDocument,
  schema: GraphQLSchema,
  fixtureValue: (coordinate: string, argument: string) => unknown,
): GraphQLRequest {
  const ast: DocumentNode = parse(document.query);
  const typeInfo = new TypeInfo(schema);
  const variables: Record<string, unknown> = {};
  const required = new Set<string>();
  visit(
    ast,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        if (node.type.kind === Kind.NON_NULL_TYPE && !node.defaultValue) required.add(node.variable.name.value);
      },
      Argument(node) {
        if (node.value.kind === Kind.LIST) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field) return;
          const list = fixtureValue(`${parent.name}.${field.name}`, node.name.value);
          if (!Array.isArray(list)) return;
          node.value.values.forEach((item, i) => {
            if (item.kind === Kind.VARIABLE && list[i] !== undefined) variables[item.name.value] = list[i];
          });
          return;
        }
        if (node.value.kind !== Kind.VARIABLE) return;
        // A directive's argument (`@include(if: $x)`): its coordinate is `@include`.
        const directive = typeInfo.getDirective();
        if (directive) {
          const value = fixtureValue(`@${directive.name}`, node.name.value);
          if (value !== undefined) variables[node.value.name.value] = value;
          return;
        }
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        const value = fixtureValue(`${parent.name}.${field.name}`, node.name.value);
        if (value !== undefined) variables[node.value.name.value] = value;
      },
    }),
  );
  for (const name of required) {
    if (!Object.hasOwn(variables, name)) throw new Error(`${document.source}: no fixture value for $${name}`);
  }
  return { query: document.query, variables };
}
