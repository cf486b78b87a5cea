import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { errorResponse, Response } from '../platform/http/errors.js';
import { OPENAPI_PATH } from './openapi.js';

/*
 * GET /docs: the API reference page (Swagger UI) for /v1/openapi.json. Its scripts and styles
 * are swagger-ui-dist's files from node_modules, served by the app itself: no CDN, works
 * offline. The page and its start-up script are ours (no inline script), so a strict Content
 * Security Policy holds: only this origin's scripts run.
 */

export const DOCS_PATH = '/docs';

// Only its path: the package's main module would load the whole browser bundle into Node.
const swaggerUiDir: string = createRequire(import.meta.url)('swagger-ui-dist/absolute-path.js')();

/** The files of swagger-ui-dist the page uses, with their content types (nothing else is served). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
  'swagger-ui.css.map': 'application/json; charset=utf-8',
  'swagger-ui-bundle.js.map': 'application/json; charset=utf-8',
};

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>User Connections API reference</title>
    <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <noscript>The reference needs JavaScript; the document itself is at <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</noscript>
    <div id="swagger-ui"></div>
    <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/initializer.js"></script>
  </body>
</html>
`;

// validatorUrl: null keeps the page from calling swagger.io's validator (it works offline).
const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(OPENAPI_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/**
 * Same-origin only. Swagger UI sets inline styles (hence 'unsafe-inline' for styles only) and
 * draws icons from data: URLs; it fetches the document and "Try it out" calls from this origin.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'content-security-policy': DOCS_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Serves /docs (the page) and /docs/<asset>; anything else under /docs is a 404. */
export function createDocsHandler() {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();

  async function asset(name: string): Promise<Uint8Array<ArrayBuffer>> {
    let content = cache.get(name);
    if (!content) {
      content = new Uint8Array(await readFile(join(swaggerUiDir, name)));
      cache.set(name, content);
    }
    return content;
  }

  return async function docs(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method !== 'GET') {
      return errorResponse('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${pathname}`, { allow: 'GET' });
    }
    if (pathname === DOCS_PATH || pathname === `${DOCS_PATH}/`) {
      return new Response(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8', ...securityHeaders } });
    }
    const name = pathname.slice(DOCS_PATH.length + 1);
    if (name === 'initializer.js') {
      return new Response(INITIALIZER, {
        headers: { 'content-type': 'text/javascript; charset=utf-8', ...securityHeaders },
      });
    }
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!type) return errorResponse('ROUTE_NOT_FOUND', `No route for ${request.method} ${pathname}`);
    return new Response(await asset(name), {
      headers: { 'content-type': type, 'cache-control': 'public, max-age=86400', ...securityHeaders },
    });
  };
}
