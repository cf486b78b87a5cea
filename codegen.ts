import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Prints the SDL of the Pothos schema to `schema/schema.graphql` (checked in, so schema changes
 * show up in review) and generates typed documents for the `graphql(...)` operations of the
 * REST shim (`src/gql/`), of the typed client (`packages/client/src/gql/`) and of the tests (`test/gql/`).
 */
const clientConfig = {
  documentMode: 'string',
  emitLegacyCommonJSImports: false,
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { DateTime: 'string', ID: 'string', JSONObject: '{ [key: string]: unknown }' },
  strictScalars: true,
} as const;

const config: CodegenConfig = {
  schema: './src/graphql/schema.ts',
  require: ['tsx/esm'],
  ignoreNoDocuments: false,
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true },
    },
    // The REST shim's operations ship with the server; the tests' stay with the tests.
    'src/gql/': {
      documents: ['src/rest/**/*.ts', 'src/modules/**/*.rest.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: clientConfig,
    },
    // The typed client for game UIs (packages/client/src/), generated from its own documents only.
    'packages/client/src/gql/': {
      documents: ['packages/client/src/**/*.ts', '!packages/client/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: clientConfig,
    },
    'test/gql/': {
      documents: ['test/**/*.test.ts', 'test/**/*.documents.ts'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: clientConfig,
    },
  },
};

export default config;
