import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Prints the SDL of the Pothos schema to `schema/schema.graphql` (checked in, so schema changes
 * show up in review) and generates typed documents for every `graphql(...)` operation of the
 * REST shim and the tests into `src/gql/`.
 */
const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  require: ['tsx/esm'],
  documents: ['src/rest/**/*.ts', 'test/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true },
    },
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
        strictScalars: true,
      },
    },
  },
};

export default config;
