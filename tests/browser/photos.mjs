// Photos in a real browser (issue 15), run by tests/browser.rs on a site whose
// article ARTICLE shows five photos published at 480, 960 and 1600 px: for
// each viewport (phone 360×740 and desktop 1280×800, DPR 1 and 2) the image
// Chromium chooses from the srcset (currentSrc) is the smallest candidate at
// least as wide as the slot the theme gives it (`sizes`) times the DPR; every
// photo keeps its width/height ratio on screen (portrait stays portrait); the
// page has no layout shift while the lazy photos load as it is scrolled; the
// first photo loads eagerly and the others lazily. Prints one line per check
// and exits non-zero if any failed.
//
//   node photos.mjs --site DIR --article REL/ --chromium /usr/bin/chromium
import path from "node:path";
import { chromium } from "playwright-core";
import { checker, deadline, options, recordShifts, serve } from "./lib.mjs";

const args = options();
const site = path.resolve(args.site);
deadline("photo tests", 3);
const { check, done } = checker();
const server = await serve(site);
const origin = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions"],
});

// The candidate a browser should take: the smallest one at least as wide as
// the slot times the DPR (the largest when none is), as Chromium does when
// the candidates are this far apart.
function expected(srcset, slot, dpr) {
  const c = srcset.split(",").map((s) => s.trim().split(/\s+/)).map(([u, w]) => ({ u, w: parseInt(w, 10) }))
    .sort((a, b) => a.w - b.w);
  return (c.find((x) => x.w >= slot * dpr) || c[c.length - 1]).w;
}

const VIEWS = [
  { name: "phone 360×740 DPR 1", viewport: { width: 360, height: 740 }, dpr: 1, mobile: true },
  { name: "phone 360×740 DPR 2", viewport: { width: 360, height: 740 }, dpr: 2, mobile: true },
  { name: "desktop 1280×800 DPR 1", viewport: { width: 1280, height: 800 }, dpr: 1, mobile: false },
  { name: "desktop 1280×800 DPR 2", viewport: { width: 1280, height: 800 }, dpr: 2, mobile: false },
];
const widths = {};
for (const v of VIEWS) {
  // A new context per view: nothing chosen earlier is in its cache.
  const ctx = await browser.newContext({
    viewport: v.viewport, deviceScaleFactor: v.dpr, isMobile: v.mobile, hasTouch: v.mobile, locale: "vi-VN",
  });
  await ctx.addInitScript(recordShifts, true);
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(origin + args.article, { waitUntil: "load" });
  const imgs = page.locator(".article-body img[srcset]");
  const count = await imgs.count();
  for (let i = 0; i < count; i++) {
    await imgs.nth(i).scrollIntoViewIfNeeded();
    await imgs.nth(i).evaluate((img) => img.complete && img.naturalWidth > 0
      ? null : new Promise((ok) => { img.onload = ok; img.onerror = ok; }));
  }
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 200)))));
  const seen = await imgs.evaluateAll((list) => list.map((img) => ({
    srcset: img.getAttribute("srcset"), current: img.currentSrc, slot: img.getBoundingClientRect().width,
    shown: img.getBoundingClientRect(), attrW: +img.getAttribute("width"), attrH: +img.getAttribute("height"),
    natural: [img.naturalWidth, img.naturalHeight], loading: img.getAttribute("loading"),
  })));
  check(`${v.name}: the article shows 5 photos with a srcset`, seen.length === 5, `${seen.length}`);
  for (const [i, s] of seen.entries()) {
    const got = (s.srcset.split(",").map((x) => x.trim().split(/\s+/))
      .find(([u]) => new URL(u, origin + args.article).href === s.current) || [])[1];
    const want = `${expected(s.srcset, s.slot, v.dpr)}w`;
    check(`${v.name}: photo ${i + 1} (slot ${Math.round(s.slot)} px) loads the ${want} candidate`, got === want,
      `currentSrc ${s.current} (${got ?? "not in the srcset"})`);
    const ratio = s.attrW / s.attrH;
    const shown = s.shown.width / s.shown.height;
    check(`${v.name}: photo ${i + 1} keeps its shape (${s.attrW}×${s.attrH})`,
      Math.abs(shown - ratio) / ratio < 0.02 && Math.abs(s.natural[0] / s.natural[1] - ratio) / ratio < 0.02,
      `shown ${s.shown.width.toFixed(0)}×${s.shown.height.toFixed(0)}, file ${s.natural.join("×")}`);
    widths[v.name] = (widths[v.name] || []).concat(got);
  }
  check(`${v.name}: first photo eager, the others lazy`,
    seen.length > 1 && seen[0].loading !== "lazy" && seen.slice(1).every((s) => s.loading === "lazy"),
    seen.map((s) => s.loading).join(", "));
  const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  check(`${v.name}: no layout shift while the photos load`, cls <= 0.001,
    `CLS ${cls.toFixed(4)}: ${shifts.join("; ")}`);
  check(`${v.name}: no script error`, errors.length === 0, errors.join("; "));
  await ctx.close();
}
const phone = widths[VIEWS[0].name] || [];
const desk = widths[VIEWS[3].name] || [];
check("a phone downloads smaller photos than a wide screen",
  phone.length > 0 && phone.every((w, i) => parseInt(w, 10) < parseInt(desk[i], 10)),
  `phone ${phone.join(" ")}, desktop ${desk.join(" ")}`);

await browser.close();
server.close();
done("photo tests");
