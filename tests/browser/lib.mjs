// What the browser checks run by tests/*.rs share: their command-line
// options, a deadline after which a hung run fails, one printed line per
// check, a static server for a built site as any host would serve it, and
// a recorder of layout shifts.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

// `--name value` pairs as an object.
export function options() {
  return Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
}

// A run still going after `minutes` (a browser that never answers) fails.
export function deadline(label, minutes) {
  setTimeout(() => {
    console.log(`${label}: timed out after ${minutes} minutes`);
    process.exit(2);
  }, minutes * 60 * 1000).unref();
}

// `check(name, ok, detail)` prints one line; `done(label)` prints the count
// and exits non-zero if any check failed.
export function checker() {
  let passed = 0;
  let failed = 0;
  return {
    check(name, ok, detail = "") {
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
    },
    done(label) {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".webp": "image/webp", ".jpg": "image/jpeg", ".png": "image/png", ".svg": "image/svg+xml", ".xml": "application/xml",
};

// Serve `site` on 127.0.0.1:`port` (0: any free port); resolves to the server.
export async function serve(site, port = 0) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.join(site, path.normalize(rel));
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return server;
}

// An init script (`ctx.addInitScript(recordShifts, rects)`), run in a page
// before its own scripts: sums the layout shifts from the first paint on
// into window.__cls, each described in window.__shifts by the nodes that
// moved, with (`rects`) when it happened and each node's boxes before and
// after.
export function recordShifts(rects) {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls += e.value;
      window.__shifts.push(rects
        ? `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms (${e.sources.map((s) =>
          s.node ? `${s.node.nodeName}.${s.node.className || ""} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}` : "?").join(", ")})`
        : `${e.value.toFixed(4)} (${e.sources.map((s) => s.node && (s.node.id || s.node.className || s.node.nodeName)).join(", ")})`);
    }
  }).observe({ type: "layout-shift", buffered: true });
}
