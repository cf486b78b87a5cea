import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import type { Context } from './context.js';

interface BuilderOptions {
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: { [key: string]: unknown }; Output: { [key: string]: unknown } };
    ID: { Input: string; Output: string | number };
  };
}

/** The builder's resolved type parameters, for helpers that take refs. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderOptions>;

export const builder = new SchemaBuilder<BuilderOptions>({
  plugins: [ErrorsPlugin],
  defaultFieldNullability: false,
  errors: {
    directResult: true,
  },
});
