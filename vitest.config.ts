import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for graphql-yoga; without this vite would hand our
    // code the ESM build, and yoga would not recognise our GraphQLErrors as its own class.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Test files of one worker share its database (an embedded PGlite takes seconds to start);
    // each test works in a tenant of its own, so files stay independent.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
