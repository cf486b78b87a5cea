// usage: npx tsx bench/.prof/analyze.mts file.cpuprofile [requests] [topN]
import { readFileSync } from 'node:fs';

const [file, reqArg, topArg] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file!, 'utf8'));
const requests = Number(reqArg ?? 1);
const top = Number(topArg ?? 40);
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
const deltas: number[] = p.timeDeltas;
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (deltas[i] ?? 0));
const pkgOf = (url: string, fn: string) => {
  if (!url) return fn.startsWith('(') ? fn : '(native/builtin)';
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  if (url.includes('/dist/src/') || url.includes('/src/'))
    return 'src/' + (url.split(/\/src\//)[1] ?? '').split('/').slice(0, 2).join('/');
  return url;
};
const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
let total = 0;
for (const [id, t] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const pk = pkgOf(cf.url, cf.functionName);
  byPkg.set(pk, (byPkg.get(pk) ?? 0) + t);
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  total += t;
}
const fmt = (us: number) => (us / requests).toFixed(1).padStart(9);
console.log(`total ${fmt(total)} µs/req (${(total / 1e6).toFixed(2)} s)`);
const idle = [...byPkg].filter(([k]) => k === '(idle)' || k === '(program)');
console.log('--- by package');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(fmt(v), k);
console.log('--- by function');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(fmt(v), k);
void idle;
