// Search bytes and speed in headless Chromium (issue 17, item 3).
//
//   node scripts/bench_search.mjs --site OUT [--q "dang uy"] [--runs 5]
//        [--pagefind] [--pagefind-results 20] [--chromium /usr/bin/chromium]
//
// Serves OUT (a `bantin build` output) on 127.0.0.1, opens
// /tim-kiem/?q=<q> in a fresh browser context per run (empty cache) and
// counts, at the server, the bytes of every response after the search page
// itself, uncompressed, split into the query's data (the .json files and
// any page fetched for snippets) and the theme's assets (CSS, scripts,
// fonts, images). It reads the page's own marks: `bantin-search-data` when
// the last data a result list needs has arrived, and the paint time of the
// first result's title (Element Timing, `elementtiming="search-result"`;
// else `bantin-search-painted`, set in the task after the frame that shows
// the results), and reports the time between them, the time from
// navigation to results painted, the largest contentful paint and the
// cumulative layout shift. Prints each run and the medians.
//
// With --pagefind, Pagefind (npm `pagefind`, found in PATH or in
// $PAGEFIND_DIR/node_modules/.bin) indexes OUT into OUT/pagefind once
// (timed, with its peak memory from /usr/bin/time) and the same query is
// run through Pagefind's JS API on a bare page the server makes up
// (/__pagefind__/), loading the data of the first --pagefind-results
// results (20, as many as bantin's page shows; Pagefind's own UI shows 5)
// and painting them the same way, marks included.
//
// Needs Node.js and playwright-core (tests/browser: npm ci --ignore-scripts).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const args = { q: "dang uy", runs: "5", chromium: "/usr/bin/chromium", "pagefind-results": "20" };
process.argv.slice(2).forEach((a, i, all) => {
  if (!a.startsWith("--")) return;
  const next = all[i + 1];
  args[a.slice(2)] = next === undefined || next.startsWith("--") ? true : next;
});
if (!args.site) {
  console.error("usage: node scripts/bench_search.mjs --site OUT [--q 'dang uy'] [--runs 5] [--pagefind]");
  process.exit(2);
}
const site = path.resolve(args.site);
const runs = Number(args.runs);

// ---- the server: counts the bytes of every response ----
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
  ".wasm": "application/wasm", ".woff2": "font/woff2",
};
const PF_RESULTS = Number(args["pagefind-results"]);
const PAGEFIND_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Pagefind</title>
<ol id="r"></ol><script type="module">
const pf = await import("/pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const s = await pf.search(q);
const data = await Promise.all(s.results.slice(0, ${PF_RESULTS}).map((r) => r.data()));
performance.mark("bantin-search-data");
document.getElementById("r").innerHTML = data.map((d) =>
  '<li><h2 elementtiming="search-result"><a href="' + d.url + '">' + d.meta.title + '</a></h2><p>' + d.excerpt + '</p></li>').join("");
window.__hits = s.results.length;
requestAnimationFrame(() => setTimeout(() => performance.mark("bantin-search-painted"), 0));
</script></html>`;
let log = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let body;
  let type;
  if (url.pathname === "/__pagefind__/") {
    body = Buffer.from(PAGEFIND_PAGE);
    type = TYPES[".html"];
  } else {
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(site, path.normalize(rel));
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      log.push({ path: url.pathname, bytes: 0 });
      return;
    }
    body = fs.readFileSync(file);
    type = TYPES[path.extname(file)] || "application/octet-stream";
  }
  log.push({ path: url.pathname, bytes: body.length });
  res.writeHead(200, { "content-type": type, "content-length": body.length, "cache-control": "no-store" });
  res.end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-extensions"],
});

const isData = (p) => /\.json$/.test(p) || /\/pagefind\//.test(p) || (/(\/|\.html)$/.test(p) && !p.startsWith("/__"));

// One query in a fresh context: bytes and times.
async function once(pagePath) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, locale: "vi-VN" });
  await ctx.addInitScript(() => {
    window.__cls = 0;
    window.__lcp = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; }))
      .observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__lcp = e.startTime; }))
      .observe({ type: "largest-contentful-paint", buffered: true });
    // The first result's title painted (Element Timing: elementtiming="search-result").
    new PerformanceObserver((l) => l.getEntries().forEach((e) => {
      if (e.identifier === "search-result" && !window.__paint) window.__paint = e.renderTime || e.loadTime;
    })).observe({ type: "element", buffered: true });
    // A page without the marks (bantin before issue 17): done when the
    // status is set and the first snippets are filled, seen frame by frame.
    const poll = () => {
      const s = document.getElementById("search-status");
      const snippets = [...document.querySelectorAll("#search-results .snippet")].slice(0, 3);
      if (s && s.textContent && !s.textContent.startsWith("Đang tìm") && snippets.every((p) => p.textContent)) {
        window.__done = performance.now();
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const page = await ctx.newPage();
  log = [];
  await page.goto(origin + pagePath, { waitUntil: "load" });
  await page.waitForFunction(() => performance.getEntriesByName("bantin-search-painted").length > 0 || window.__done,
    null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const m = await page.evaluate(() => {
    const mark = (n) => (performance.getEntriesByName(n)[0] || {}).startTime;
    // Without marks: the data arrived with the last JSON or page fetched.
    const fetched = performance.getEntriesByType("resource").filter((e) => /\.json$|\/$|\.html$/.test(new URL(e.name).pathname));
    const lastData = Math.max(...fetched.filter((e) => e.responseEnd <= window.__done).map((e) => e.responseEnd));
    return {
      data: mark("bantin-search-data") ?? lastData, painted: window.__paint || mark("bantin-search-painted") || window.__done,
      buckets: mark("bantin-search-buckets"), ranked: mark("bantin-search-ranked"), shown: mark("bantin-search-shown"),
      cls: window.__cls, lcp: window.__lcp,
      // What else the first frame with results may wait for.
      fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime,
      css: Math.max(...performance.getEntriesByType("resource").filter((e) => /\.css$/.test(e.name)).map((e) => e.responseEnd)),
      dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventStart,
      count: document.querySelectorAll("#search-results li, #r li").length,
      hits: window.__hits || (document.getElementById("search-status") || {}).textContent,
    };
  });
  await ctx.close();
  const after = log.slice(1);
  const sum = (xs) => xs.reduce((s, r) => s + r.bytes, 0);
  return {
    ...m,
    requests: after,
    dataBytes: sum(after.filter((r) => isData(r.path))),
    assetBytes: sum(after.filter((r) => !isData(r.path))),
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;

async function measure(name, pagePath) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await once(pagePath));
  const r = all[all.length - 1];
  console.log(`\n${name}: ${pagePath}`);
  console.log(`  last run's requests after the page (${r.requests.length}):`);
  for (const q of r.requests) console.log(`    ${String(q.bytes).padStart(9)}  ${q.path}`);
  console.log(`  results shown: ${r.count}; ${typeof r.hits === "number" ? `${r.hits} hits` : r.hits}`);
  const row = {
    data: median(all.map((x) => x.dataBytes)), assets: median(all.map((x) => x.assetBytes)),
    requests: median(all.map((x) => x.requests.length)),
    toPaint: median(all.map((x) => x.painted - x.data)), painted: median(all.map((x) => x.painted)),
    lcp: median(all.map((x) => x.lcp)), cls: median(all.map((x) => x.cls)),
    rank: median(all.map((x) => x.ranked - x.buckets)), dom: median(all.map((x) => x.shown - x.data)),
  };
  console.log(`  median of ${runs}: data ${kb(row.data)} + assets ${kb(row.assets)} = ${kb(row.data + row.assets)} in ${row.requests} requests; ` +
    `data arrived → results painted ${row.toPaint.toFixed(1)} ms (each: ${all.map((x) => (x.painted - x.data).toFixed(1)).join(", ")}); ` +
    `navigation → painted ${row.painted.toFixed(0)} ms; LCP ${row.lcp.toFixed(0)} ms; CLS ${row.cls.toFixed(3)}`);
  console.log(`  each run, ms after navigation (data arrived / stylesheet arrived / DOM ready / results in the DOM / first paint / results painted): ` +
    all.map((x) => [x.data, x.css, x.dcl, x.shown, x.fcp, x.painted].map((t) => (t === undefined ? "-" : t.toFixed(0))).join(" / ")).join("; "));
  if (!Number.isNaN(row.rank)) {
    console.log(`  of which: buckets arrived → ranked ${row.rank.toFixed(1)} ms (before the shards are asked for); ` +
      `records arrived → results in the DOM ${row.dom.toFixed(1)} ms, then the frame`);
  }
  return row;
}

const q = encodeURIComponent(args.q);
const ours = await measure("bantin", `/tim-kiem/?q=${q}`);
if (args.pagefind) {
  const bin = process.env.PAGEFIND_DIR ? path.join(process.env.PAGEFIND_DIR, "node_modules/.bin/pagefind") : "pagefind";
  if (!fs.existsSync(path.join(site, "pagefind/pagefind.js"))) {
    const t0 = Date.now();
    const run = spawnSync("/usr/bin/time", ["-f", "peak memory %M KB", bin, "--site", site], { encoding: "utf8" });
    const said = (run.stdout + run.stderr).split("\n").filter((l) => /Indexed \d+ pages|Finished|peak memory/.test(l));
    console.log(`\npagefind indexing: ${((Date.now() - t0) / 1000).toFixed(1)} s wall; ${said.map((l) => l.trim()).join("; ")}`);
  }
  const pf = await measure("pagefind", `/__pagefind__/?q=${q}`);
  const ratio = (a, b) => (b ? (a / b).toFixed(2) : "-");
  console.log(`\nbantin / pagefind: data bytes ${ratio(ours.data, pf.data)}×, data → painted ${ratio(ours.toPaint, pf.toPaint)}×, ` +
    `navigation → painted ${ratio(ours.painted, pf.painted)}×`);
}
await browser.close();
server.close();
