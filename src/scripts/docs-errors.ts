import { readFileSync, writeFileSync } from 'node:fs';
import { withErrorTable } from '../rest/error-table.js';

/** `npm run docs:errors`: rewrites the error table of docs/ERRORS.md from the declarations. */
const path = new URL('../../docs/ERRORS.md', import.meta.url);
writeFileSync(path, withErrorTable(readFileSync(path, 'utf8')));
