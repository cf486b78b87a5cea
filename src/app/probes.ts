import { DATABASE_RETRY_AFTER_SECONDS } from '../platform/db/availability.js';
import { pingDatabase } from '../platform/db/connect.js';
import type { Db } from '../platform/db/database.js';
import { Response } from '../platform/http/errors.js';
import type { Metrics } from '../platform/observability/metrics.js';

/*
 * What probes and scrapers call: liveness, readiness and metrics.
 */

/** Liveness: the process answers. A database outage is not a reason to restart it. */
export function health(): Response {
  return Response.json({ status: 'ok' });
}

/**
 * Readiness: whether this instance should be sent traffic now: its database answers and it is
 * not shutting down (load balancers take it out before it closes).
 */
export async function readiness(db: Db, stopping: boolean): Promise<Response> {
  const databaseUp = await pingDatabase(db);
  const ready = databaseUp && !stopping;
  return Response.json(
    { status: ready ? 'ready' : stopping ? 'stopping' : 'unavailable', database: databaseUp ? 'up' : 'down' },
    {
      status: ready ? 200 : 503,
      ...(!ready && { headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } }),
    },
  );
}

/** The Prometheus scrape (`GET /metrics`): this app's metrics and the process's. */
export async function scrape(metrics: Metrics): Promise<Response> {
  const { contentType, body } = await metrics.response();
  return new Response(body, { headers: { 'content-type': contentType } });
}
