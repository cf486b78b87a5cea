import type { Db } from '../db/database.js';
import type { EventPublisher } from './events.js';
import type { PublicIds } from './public-ids.js';

/** What the domain's operations work with: the database, the codec of the ids clients see, and where to publish what changed. */
export interface Deps {
  db: Db;
  ids: PublicIds;
  events: EventPublisher;
}
