import type { Db } from '../db/database.js';
import type { PublicIds } from './public-ids.js';

/** What the domain's operations work with: the database, and the codec of the ids clients see. */
export interface Deps {
  db: Db;
  ids: PublicIds;
}
