// What a phone downloads for one page (issue 15), for scripts/page_weight.py:
// opens URL in Chromium at 360×740, DPR 2 (a mobile viewport), scrolls to the
// end so lazy images load, waits for the network to settle, and prints JSON:
// the bytes of every response by type, and each image's URL and size.
//
//   node scripts/page_weight.mjs --url http://127.0.0.1:PORT/a/b/ --chromium /usr/bin/chromium
// playwright-core comes from tests/browser/node_modules (npm ci there).
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "tests", "browser", "package.json"));
const { chromium } = require("playwright-core");
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-extensions"],
});
const ctx = await browser.newContext({
  viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "vi-VN",
});
const page = await ctx.newPage();
const responses = [];
page.on("response", (r) => responses.push(r));
await page.goto(args.url, { waitUntil: "load" });
// Scroll down a screen at a time so that every lazy image is fetched.
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0; y <= height; y += 600) {
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.waitForTimeout(150);
}
await page.waitForLoadState("networkidle");
const chosen = await page.$$eval(".article-body img, article img", (imgs) =>
  imgs.map((i) => ({ src: i.currentSrc || i.src, width: i.width, natural: i.naturalWidth })));
const out = { url: args.url, byType: {}, total: 0, images: [], chosen };
for (const r of responses) {
  let bytes = 0;
  try { bytes = (await r.body()).length; } catch { continue; }
  const type = r.request().resourceType();
  out.byType[type] = (out.byType[type] || 0) + bytes;
  out.total += bytes;
  if (type === "image") out.images.push({ url: r.url(), bytes });
}
console.log(JSON.stringify(out));
await browser.close();
