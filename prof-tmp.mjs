import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
const srv = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const now = Date.now() / 1000;
  const metric = (i) => { const v = labels[i % labels.length]; return { agent: v, instance: v, error_type: v, operation: v, gen_ai_request_model: v, tool: v, status: 'error' }; };
  let body;
  if (url.pathname.endsWith('/query_range')) {
    const result = labels.map((_, i) => ({ metric: metric(i), values: Array.from({ length: 40 }, (_, k) => [now - (40 - k) * 60, String((i + 1) * (k % 7))]) }));
    body = { status: 'success', data: { resultType: 'matrix', result } };
  } else if (url.pathname.endsWith('/query')) {
    body = { status: 'success', data: { resultType: 'vector', result: labels.map((_, i) => ({ metric: metric(i), value: [now, String(i + 1)] })) } };
  } else body = { status: 'success', data: [] };
  reqs++;
  res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' });
  res.end(JSON.stringify(body));
});
await new Promise(r => srv.listen(0, '127.0.0.1', r));
const PROM = `http://127.0.0.1:${srv.address().port}`;
const REAL = true;
const H = {
  script: '<script>window.__pwned = "script"</script>',
  img: '<img src=x onerror="window.__pwned = \'img\'">',
  jsUrl: 'javascript:window.__pwned="href"',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  rtl: '\u202Eevil\u202C مرحبا שלום',
  emoji: '🔥💥 agent 🤖‍🧠',
  long: `long-${'x'.repeat(Number(process.env.LONG ?? 1_000_000))}`,
};
const labels = Object.values(H);
const path = process.argv[2] ?? '/health';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.route('**/config.json', r => r.fulfill({ json: { datasources: { prometheus: { url: PROM } }, defaults: { refresh: 'off' } } }));
let reqs = 0;
if (!REAL) await page.route(`${PROM}/**`, (route) => {
  reqs++;
  const url = new URL(route.request().url());
  const now = Date.now() / 1000;
  const metric = (i) => { const v = labels[i % labels.length]; return { agent: v, instance: v, error_type: v, operation: v, gen_ai_request_model: v, tool: v, status: 'error' }; };
  if (url.pathname.endsWith('/query_range')) {
    const result = labels.map((_, i) => ({ metric: metric(i), values: Array.from({ length: 40 }, (_, k) => [now - (40 - k) * 60, String((i + 1) * (k % 7))]) }));
    return route.fulfill({ json: { status: 'success', data: { resultType: 'matrix', result } } });
  }
  if (url.pathname.endsWith('/query')) {
    const result = labels.map((_, i) => ({ metric: metric(i), value: [now, String(i + 1)] }));
    return route.fulfill({ json: { status: 'success', data: { resultType: 'vector', result } } });
  }
  return route.fulfill({ json: { status: 'success', data: [] } });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(`http://127.0.0.1:4173${path}?from=now-1h&to=now`);
await page.locator('[data-panel]').first().waitFor();
let last = -1;
for (let i = 0; i < 120; i++) {
  const n = await page.locator('[aria-label="Loading"]').count();
  const panels = await page.locator('[data-panel]').count();
  if (n !== last) { console.log(`${Date.now() - t0} ms: loading ${n} of ${panels} panels, requests ${reqs}`); last = n; }
  if (n === 0) break;
  await page.waitForTimeout(250);
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof/profile.cpuprofile', JSON.stringify(profile));
// self time per function
const self = new Map();
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; 
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName||'(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>`${(v/1000).toFixed(0)} ms ${k}`).join('\n'));
await browser.close(); srv.close();
