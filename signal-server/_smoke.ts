import { startServer } from '/work/main/signal-server/server.ts';
import { parseConfig } from '/work/main/signal-server/config.ts';
import { consoleLogger } from '/work/main/signal-server/log.ts';
const s = await startServer(parseConfig({ PORT: '4510' }), { siteDist: '/work/main/site/dist', sandboxDist: '/work/main/sandbox/dist' }, consoleLogger('server'));
console.log(s.siteUrl, s.sandboxUrl);
const r = await fetch('http://localhost:4510/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files: { 'index.html': '<!doctype html><html><head><title>x</title></head><body><script src="main.js"></script></body></html>', 'main.js': 'console.log("</script>")' } }) });
const j = await r.json(); console.log(r.status, j);
const f = await fetch(`http://127.0.0.1:4511${j.path}index.html`); console.log(f.status, [...f.headers]); console.log(await f.text());
for (const u of ['http://localhost:4510/healthz', 'http://localhost:4510/api/config', 'http://localhost:4510/', 'http://127.0.0.1:4511/runtime.js', 'http://localhost:4510/peerjs', 'http://localhost:4510/peerjs/peerjs/id']) { const x = await fetch(u); console.log(u, x.status, (await x.text()).slice(0, 100)); }
await s.close(); console.log('closed');
