import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LabelledHistogram } from '../../src/platform/observability/histogram.js';

/*
 * The request, operation and statement histograms are the gateway's own (histogram.ts): a
 * dashboard built on the scrape must read them exactly as it read prom-client's.
 */

const BUCKETS = [0.0005, 0.005, 0.05, 0.5, 5];
const LABELS = ['method', 'route', 'status'] as const;

function pair() {
  const ours = new Registry();
  const theirs = new Registry();
  const options = { name: 'request_seconds', help: 'Requests', buckets: BUCKETS };
  return {
    ours,
    theirs,
    lean: new LabelledHistogram({ ...options, labelNames: LABELS, registers: [ours] }),
    reference: new Histogram({ ...options, labelNames: LABELS, registers: [theirs] }),
  };
}

describe('LabelledHistogram', () => {
  it('scrapes as prom-client’s histogram does for the same observations', async () => {
    const { ours, theirs, lean, reference } = pair();
    const series = [
      { method: 'GET', route: '/v1/connections/:userId/active', status: '200' },
      { method: 'POST', route: '/graphql', status: '200' },
      { method: 'POST', route: '/graphql', status: '400' },
      { method: 'GET', route: 'a "quoted"\\route\nwith a line break', status: '500' },
    ];
    // Values on the bounds, between them, below the first and above the last.
    const values = [0, 0.0005, 0.0004, 0.003, 0.005, 0.049, 0.5, 0.7, 5, 12.5];
    series.forEach((labels, i) => {
      for (const value of values.slice(i)) {
        lean.observe(labels, value);
        reference.observe(labels, value);
      }
    });
    const scraped = await ours.metrics();
    expect(scraped).toBe(await theirs.metrics());
    expect(scraped).toContain('request_seconds_bucket{le="0.005",method="POST",route="/graphql",status="200"} 4');
    // prom-client's JSON also carries `exemplar: null` per value (exemplars are off): left out.
    const withoutExemplars = (metrics: Awaited<ReturnType<Registry['getMetricsAsJSON']>>) =>
      metrics.map((metric) => ({
        ...metric,
        values: metric.values.map((value) => {
          const { exemplar: _, ...rest } = value as typeof value & { exemplar?: unknown };
          return rest;
        }),
      }));
    expect(await ours.getMetricsAsJSON()).toEqual(withoutExemplars(await theirs.getMetricsAsJSON()));
  });

  it('scrapes the same when merged with another registry, and nothing once reset', async () => {
    const { ours, theirs, lean, reference } = pair();
    for (const histogram of [lean, reference])
      histogram.observe({ method: 'GET', route: '/healthz', status: '200' }, 0.01);
    const other = new Registry();
    expect(await Registry.merge([ours, other]).metrics()).toBe(await Registry.merge([theirs, other]).metrics());
    lean.reset();
    reference.reset();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('times from startTimer to its stop, under the labels it was started with', async () => {
    const { ours, lean } = pair();
    const stop = lean.startTimer({ method: 'GET', route: '/slow', status: '200' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    const scraped = await ours.metrics();
    expect(scraped).toContain('request_seconds_count{method="GET",route="/slow",status="200"} 1');
    expect(scraped).toContain('request_seconds_bucket{le="0.005",method="GET",route="/slow",status="200"} 0');
    expect(scraped).toContain('request_seconds_bucket{le="0.05",method="GET",route="/slow",status="200"} 1');
  });
});
