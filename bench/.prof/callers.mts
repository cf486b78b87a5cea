// usage: npx tsx bench/.prof/callers.mts file.cpuprofile 'regex' [requests] [depth]
import { readFileSync } from 'node:fs';

const [file, re, reqArg, depthArg] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file!, 'utf8'));
const requests = Number(reqArg ?? 1);
const depth = Number(depthArg ?? 8);
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++)
  self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const rx = new RegExp(re!);
const chains = new Map<string, number>();
const name = (n: any) =>
  `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
for (const [id, t] of self) {
  const n = byId.get(id);
  if (!rx.test(n.callFrame.functionName)) continue;
  const chain: string[] = [];
  let cur = parent.get(id);
  while (cur !== undefined && chain.length < depth) {
    chain.push(name(byId.get(cur)));
    cur = parent.get(cur);
  }
  const k = chain.join(' < ');
  chains.set(k, (chains.get(k) ?? 0) + t);
}
for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log((v / requests).toFixed(1).padStart(8), k);
