/**
 * A small method-and-path router: `:name` segments capture URL-decoded parameters. A path
 * that matches some route but not with this method is reported as such (for a 405), apart
 * from one that matches no route at all (a 404).
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: Method;
  path: string;
}

interface CompiledRoute<R extends RouteSpec> {
  route: R;
  /** Each segment: a literal to equal, or `{ param }` to capture. */
  segments: (string | { param: string })[];
  /** Literal segments count more, so `/x/sent` wins over `/x/:id` for the same method. */
  specificity: number;
}

/** The route's parameters if `parts` is its path, else null (no object made for a miss). */
function paramsIfMatched(
  segments: CompiledRoute<RouteSpec>['segments'],
  parts: string[],
): Record<string, string> | null {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (typeof segment === 'string' && segment !== parts[i]) return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (typeof segment === 'object') params[segment.param] = parts[i] as string;
  }
  return params;
}

export type RouteMatch<R> =
  | { kind: 'found'; route: R; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: Method[] }
  | { kind: 'not-found' }
  | { kind: 'bad-path' };

export function createRouter<R extends RouteSpec>(routes: readonly R[]) {
  const compiled: CompiledRoute<R>[] = routes.map((route) => {
    const segments = route.path
      .split('/')
      .filter(Boolean)
      .map((segment) => (segment.startsWith(':') ? { param: segment.slice(1) } : segment));
    return { route, segments, specificity: segments.filter((s) => typeof s === 'string').length };
  });

  return function match(method: string, pathname: string): RouteMatch<R> {
    let parts: string[];
    try {
      parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return { kind: 'bad-path' };
    }
    const candidates: { route: R; params: Record<string, string>; specificity: number }[] = [];
    for (const { route, segments, specificity } of compiled) {
      if (segments.length !== parts.length) continue;
      const params = paramsIfMatched(segments, parts);
      if (params) candidates.push({ route, params, specificity });
    }
    if (candidates.length === 0) return { kind: 'not-found' };
    const forMethod = candidates
      .filter((c) => c.route.method === method)
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (forMethod) return { kind: 'found', route: forMethod.route, params: forMethod.params };
    return { kind: 'method-not-allowed', allow: [...new Set(candidates.map((c) => c.route.method))] };
  };
}
