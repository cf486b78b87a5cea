/**
 * GET /docs: the API reference page, served with swagger-ui-dist's files by the app itself.
 * It must reference only same-origin assets (no CDN: it works offline), each of which answers
 * 200 with its content type, and it must point at /v1/openapi.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/app.js';

const server = useTestServer();

const swaggerUiDir: string = createRequire(import.meta.url)('swagger-ui-dist/absolute-path.js')();

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** The URLs of a page's `src` and `href` attributes. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
}

const expectedType = (url: string) =>
  url.endsWith('.css')
    ? /^text\/css/
    : url.endsWith('.js')
      ? /^(text|application)\/javascript/
      : url.endsWith('.png')
        ? /^image\/png$/
        : /^application\/json/;

describe('GET /docs', () => {
  it('should serve an HTML page that references only same-origin assets, each answering 200', async () => {
    const { response, body } = await get('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = body.toString('utf8');
    expect(html).toContain('id="swagger-ui"');
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    // No inline script: every <script> loads a file.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    for (const url of urls) {
      const resolved = new URL(url, `${server.url}/docs`);
      expect(resolved.origin, url).toBe(new URL(server.url).origin);
      const asset = await get(`${resolved.pathname}${resolved.search}`);
      expect(asset.response.status, url).toBe(200);
      if (resolved.pathname !== '/v1/openapi.json') {
        expect(asset.response.headers.get('content-type'), url).toMatch(expectedType(resolved.pathname));
      }
      expect(asset.body.length, url).toBeGreaterThan(0);
    }
    expect(urls).toEqual(expect.arrayContaining(['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']));
  });

  it("should serve swagger-ui-dist's own files, byte for byte", async () => {
    for (const name of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      const { response, body } = await get(`/docs/${name}`);
      expect(response.status).toBe(200);
      expect(body.equals(readFileSync(join(swaggerUiDir, name)))).toBe(true);
    }
  });

  it('should start Swagger UI on /v1/openapi.json, without calling any other site', async () => {
    const { response, body } = await get('/docs/initializer.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const script = body.toString('utf8');
    expect(script).toContain('"/v1/openapi.json"');
    expect(script).toContain('validatorUrl: null');
    expect(script).not.toMatch(/https?:\/\//);
  });

  it('should answer with a same-origin Content Security Policy', async () => {
    const { response } = await get('/docs/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).not.toMatch(/https?:/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('should serve nothing else from the package, and no path outside it', async () => {
    for (const path of [
      '/docs/package.json',
      '/docs/index.js',
      '/docs/..%2Fpackage.json',
      '/docs/%2e%2e/package.json',
    ]) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(404);
      expect(JSON.parse(body.toString('utf8')).code).toBe('ROUTE_NOT_FOUND');
    }
    const post = await fetch(`${server.url}/docs`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('should answer browsers from other origins as every other path does (one CORS policy)', async () => {
    const origin = { origin: 'https://elsewhere.example' };
    const docs = await get('/docs', origin);
    const health = await get('/healthz', origin);
    expect(docs.response.status).toBe(200);
    for (const header of ['access-control-allow-origin', 'access-control-expose-headers', 'vary']) {
      expect(docs.response.headers.get(header), header).toBe(health.response.headers.get(header));
    }
  });
});
