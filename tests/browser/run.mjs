// Browser checks of the default theme, run by tests/browser.rs on a site
// bantin built with --base-url http://127.0.0.1:<port>/. Serves the site on
// 127.0.0.1, drives Debian's Chromium with playwright-core, runs axe-core in
// the page and the Nu HTML Checker (vnu.jar) on every page kind, and saves
// screenshots. Prints one line per check and exits non-zero if any failed.
//
//   node run.mjs --site DIR --port N --chromium /usr/bin/chromium --shots DIR
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { recordShifts } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const site = path.resolve(args.site);
const port = Number(args.port);
const shots = path.resolve(args.shots);
const origin = `http://127.0.0.1:${port}`;
const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

// A run that hangs (a browser that never answers) fails instead.
setTimeout(() => {
  console.log("browser tests: timed out after 8 minutes");
  process.exit(2);
}, 8 * 60 * 1000).unref();

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
}

// ---- a tiny static server, as any host would serve output/ ----
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8",
};
// Pages sent in two pieces (header x-cut-before) whose second piece waits,
// by the id of the page's context (header x-cut-id).
const waiting = new Map();
const server = http.createServer((req, res) => {
  const url = new URL(req.url, origin);
  if (url.pathname === "/__drawn") {
    // The page drew a frame with its first piece: send the second.
    waiting.get(url.searchParams.get("id"))?.();
    res.end();
    return;
  }
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.join(site, path.normalize(rel));
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(fs.readFileSync(path.join(site, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  const body = fs.readFileSync(file);
  // Asked for (header x-cut-before), a file arrives in two pieces, cut
  // before that text, as a slow network or a busy host sends it: the
  // second once the page says it drew a frame with the first (GET
  // /__drawn?id=…, see the checks), and at the latest after 10 s, so that
  // the frame is there however busy the host.
  const cut = req.headers["x-cut-before"] ? body.indexOf(req.headers["x-cut-before"]) : -1;
  if (cut > 0) {
    res.write(body.subarray(0, cut));
    const id = req.headers["x-cut-id"];
    const rest = () => {
      if (waiting.get(id) !== rest) return;
      waiting.delete(id);
      res.end(body.subarray(cut));
    };
    waiting.set(id, rest);
    setTimeout(rest, 10000);
    return;
  }
  res.end(body);
});
await new Promise((ok) => server.listen(port, "127.0.0.1", ok));

// ---- the page kinds, found from the site itself ----
const read = (p) => fs.readFileSync(path.join(site, p), "utf8");
const firstLink = (p, under) => {
  const m = read(p).match(new RegExp(`href="(/${under}[^"#?]*/)"`));
  if (!m) throw new Error(`no link under /${under} in ${p}`);
  return m[1];
};
const index = JSON.parse(read("tim-kiem/index.json"));
// The articles' search records, shard by shard (tim-kiem/bai/<n>.json).
index.articles = fs.readdirSync(path.join(site, "tim-kiem/bai")).sort((a, b) => parseInt(a) - parseInt(b))
  .flatMap((f) => JSON.parse(read(`tim-kiem/bai/${f}`)));
// An empty path is the category's path + the title folded (as search.js does).
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
for (const a of index.articles) {
  if (typeof a[1] != "string" || !a[1]) a[1] = index.categories[a[3]][1] + fold(a[0]).split(/[^a-z0-9]+/).filter(Boolean).join("-").slice(0, a[1] || undefined) + "/";
  if (!fs.existsSync(path.join(site, a[1], "index.html"))) throw new Error(`search index: no page at ${a[1]}`);
}
const danVan = index.articles.find((a) => a[0].includes("Dân vận"));
const ducGiang = index.articles.find((a) => read(`${a[1]}index.html`).includes("Đức Giang"));
const archiveYear = firstLink("luu-tru/index.html", "luu-tru/\\d{4}");
const kinds = {
  home: "/",
  article: `/${danVan[1]}`,
  category: "/cong-tac-dang/",
  "all-page-2": "/trang/2/",
  archive: "/luu-tru/",
  "archive-year": archiveYear,
  "archive-month": firstLink("luu-tru/index.html", "luu-tru/\\d{4}/\\d\\d"),
  authors: "/tac-gia/",
  author: firstLink("tac-gia/index.html", "tac-gia/"),
  tags: "/the/",
  tag: "/the/dan-van/",
  search: "/tim-kiem/",
  "not-found": "/khong-co-trang-nay/",
};
// Documents (issue 16): the register, a filtered register, a document.
const firstDoc = (index.documents || [])[0];
if (firstDoc) {
  kinds.register = "/van-ban/";
  kinds["register-type"] = firstLink("van-ban/index.html", "van-ban/loai/");
  kinds.document = `/${firstDoc[2]}`;
}

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: args.chromium,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
  ],
});
const requests = [];
const pageErrors = [];
async function open(url, size, context) {
  const ctx = context || (await browser.newContext({ viewport: size, locale: "vi-VN" }));
  ctx.on("request", (r) => requests.push(r.url()));
  // Nothing may leave 127.0.0.1: record it, then refuse it.
  await ctx.route(/.*/, (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1") return route.continue();
    return route.abort();
  });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${url}: ${e.message}`));
  const res = await page.goto(origin + url, { waitUntil: "load" });
  return { ctx, page, status: res.status() };
}
async function searchDone(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    return s && s.textContent && !s.textContent.startsWith("Đang tìm");
  }, null, { timeout: 15000 });
  // Snippets are filled from the article pages.
  await page.waitForFunction(() => [...document.querySelectorAll("#search-results .snippet")]
    .slice(0, 3).every((p) => p.textContent), null, { timeout: 15000 }).catch(() => {});
}

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
fs.mkdirSync(shots, { recursive: true });

try {
  // Every page kind at both sizes: loads, no horizontal scroll, landmarks,
  // lang, alt on every image, skip link; axe on each at phone size.
  for (const [kind, url] of Object.entries(kinds)) {
    for (const size of [{ width: 320, height: 640 }, ...SIZES]) {
      const q = kind === "search" ? "?q=dan%20van" : "";
      const { ctx, page, status } = await open(url + q, size);
      if (kind === "search") await searchDone(page);
      const tag = `${kind} ${size.width}×${size.height}`;
      check(`${tag}: status`, status === (kind === "not-found" ? 404 : 200), String(status));
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        lang: document.documentElement.lang,
        landmarks: ["header", "nav", "main", "footer"].filter((t) => !document.querySelector(t)),
        noAlt: [...document.images].filter((i) => !i.hasAttribute("alt")).map((i) => i.src),
        skip: (document.querySelector("a.skip") || {}).hash,
        h1: document.querySelectorAll("h1").length,
      }));
      check(`${tag}: no horizontal scroll`, m.scroll <= m.inner, `scrollWidth ${m.scroll}, window ${m.inner}`);
      if (size.width === 360) {
        check(`${tag}: lang="vi"`, m.lang === "vi");
        check(`${tag}: header, nav, main, footer`, m.landmarks.length === 0, m.landmarks.join(", "));
        check(`${tag}: alt on every image`, m.noAlt.length === 0, m.noAlt.join(", "));
        check(`${tag}: skip link to #noi-dung`, m.skip === "#noi-dung");
        check(`${tag}: one h1`, m.h1 === 1, String(m.h1));
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        }));
        const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        const minor = result.violations.filter((v) => !bad.includes(v));
        check(`${tag}: axe-core, no serious or critical violation (${result.passes.length} rules passed)`,
          bad.length === 0,
          bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")}`).join(" | "));
        for (const v of minor) console.log(`     note: axe ${v.id} (${v.impact}) on ${v.nodes.length} element(s)`);
      }
      if (kind === "home" || kind === "article" || kind === "search") {
        if (size.width !== 320) {
          await page.screenshot({ path: path.join(shots, `${kind}-${size.width}x${size.height}.png`), fullPage: true });
        }
      }
      await ctx.close();
    }
  }

  // Documents: the number as people type it finds the document, and the
  // result says it is a document.
  if (firstDoc) {
    const number = firstDoc[0];
    const typed = [number, number.toLowerCase(), fold(number).replace(/[^a-z0-9]+/g, " ")];
    for (const q of typed) {
      const { ctx, page } = await open(`/tim-kiem/?q=${encodeURIComponent(q)}`, SIZES[0]);
      await page.waitForSelector("#doc-results:not([hidden])", { timeout: 15000 }).catch(() => {});
      const hits = await page.evaluate(() => [...document.querySelectorAll("#doc-results li")].map((li) => ({
        title: li.querySelector("h3").textContent, href: li.querySelector("a").getAttribute("href"),
        meta: li.querySelector(".card-meta").textContent,
      })));
      const top = hits[0] || { title: "", href: "", meta: "" };
      check(`search ?q=${q}: finds document ${number} first`, top.title.includes(number) && top.href.endsWith(firstDoc[2]),
        hits.map((h) => h.title).join(" / "));
      check(`search ?q=${q}: the result says it is a document`, top.meta.startsWith("Văn bản"), top.meta);
      await ctx.close();
    }
    const words = firstDoc[1].split(" ").slice(-4).join(" ");
    const { ctx, page } = await open(`/tim-kiem/?q=${encodeURIComponent(fold(words))}`, SIZES[0]);
    await page.waitForSelector("#doc-results:not([hidden])", { timeout: 15000 }).catch(() => {});
    const titles = await page.evaluate(() => [...document.querySelectorAll("#doc-results h3")].map((h) => h.textContent));
    check(`search ?q=${fold(words)}: finds the document by words of its trích yếu`, titles.some((t) => t.includes(firstDoc[0])), titles.join(" / "));
    await ctx.close();
  }

  // Search: ?q= is read, accents and đ are folded, title hits come first,
  // each hit shows title, date, category and a snippet with the word marked.
  {
    const { ctx, page } = await open("/tim-kiem/?q=dan%20van", SIZES[0]);
    await searchDone(page);
    const r = await page.evaluate(() => ({
      value: document.getElementById("q").value,
      items: [...document.querySelectorAll("#search-results li")].map((li) => ({
        title: li.querySelector("h2").textContent,
        marked: [...li.querySelectorAll("h2 mark")].map((m) => m.textContent),
        meta: li.querySelector(".card-meta").textContent,
        snippetMarks: [...li.querySelectorAll(".snippet mark")].map((m) => m.textContent),
      })),
    }));
    check("search ?q=dan van: the query is in the box", r.value === "dan van", r.value);
    check("search ?q=dan van: finds the Dân vận article first", r.items.length > 0 && r.items[0].title === danVan[0],
      r.items.slice(0, 2).map((i) => i.title).join(" / "));
    const top = r.items[0] || { marked: [], meta: "", snippetMarks: [] };
    check("search ?q=dan van: the title hit is marked", top.marked.includes("Dân") && top.marked.includes("vận"), top.marked.join(","));
    check("search ?q=dan van: date and category shown", top.meta.includes(danVan[2]) && top.meta.includes("Công tác Đảng"), top.meta);
    check("search ?q=dan van: snippet with the hit marked", top.snippetMarks.some((m) => /^d[âa]n$/i.test(m)), top.snippetMarks.join(","));
    await ctx.close();
  }
  {
    const { ctx, page } = await open("/tim-kiem/?q=DUC%20GIANG", SIZES[1]);
    await searchDone(page);
    const r = await page.$$eval("#search-results li", (lis) => lis.map((li) => ({
      url: li.querySelector("h2 a").getAttribute("href"),
      snippet: li.querySelector(".snippet").innerHTML,
    })));
    // The phrase in a body ranks above "giảng" in a title and "đức" in a body.
    const hit = r.find((i) => i.url === `/${ducGiang[1]}`);
    check("search ?q=DUC GIANG: finds the article that mentions Đức Giang first", !!hit && r[0] === hit, r.map((i) => i.url).join(" "));
    await page.screenshot({ path: path.join(shots, "search-duc-giang-1280x800.png"), fullPage: true });
    await ctx.close();
  }
  {
    // The header's search box leads to the search page with ?q=.
    const { ctx, page } = await open("/", SIZES[1]);
    await page.fill("#tim-nhanh", "khánh thành");
    await Promise.all([page.waitForURL(/tim-kiem/), page.press("#tim-nhanh", "Enter")]);
    await searchDone(page);
    const first = await page.textContent("#search-results li h2");
    check("search from the header box: Khánh thành found", /Khánh thành/.test(first || ""), first);
    await ctx.close();
  }

  // Text size: A+ makes text bigger, remembered on the next page; A resets.
  {
    const { ctx, page } = await open("/", SIZES[0]);
    const size = (sel) => page.$eval(sel, (e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await size(".card-title");
    await page.click('[data-size="1"]');
    await page.click('[data-size="1"]');
    const after = await size(".card-title");
    check("text size: A+ A+ enlarges text", after >= before * 1.2, `${before}px → ${after}px`);
    await page.goto(origin + kinds.article);
    const bodyAfter = await size(".article-body");
    await page.click('[data-size="0"]');
    const bodyReset = await size(".article-body");
    check("text size: remembered on the next page", bodyAfter >= bodyReset * 1.2, `${bodyAfter}px, reset ${bodyReset}px`);
    await page.click('[data-size="-1"]');
    check("text size: A− makes text smaller", (await size(".article-body")) < bodyReset);
    await ctx.close();
  }

  // Phones: the menu opens from its button; every link is reachable.
  {
    const { ctx, page } = await open("/", SIZES[0]);
    const hiddenBefore = await page.$eval("#menu-list", (u) => getComputedStyle(u).display === "none");
    await page.click(".menu-toggle");
    const r = await page.evaluate(() => ({
      shown: getComputedStyle(document.getElementById("menu-list")).display !== "none",
      expanded: document.querySelector(".menu-toggle").getAttribute("aria-expanded"),
      scroll: document.documentElement.scrollWidth <= window.innerWidth,
    }));
    check("phone menu: closed at first, opens from its button", hiddenBefore && r.shown && r.expanded === "true");
    check("phone menu: open menu has no horizontal scroll", r.scroll);
    await ctx.close();
  }

  // Layout shift on a phone (issue 15): cumulative layout shift, summed from
  // PerformanceObserver "layout-shift" entries from the first paint on, at
  // most 0.05 on the home, an article and the search page with a query.
  // Scripts and the search index arrive 800 ms after the page (as on a slow
  // phone network), so the page is drawn before they run: whatever they
  // change in the layout then counts as a shift.
  for (const kind of ["home", "article", "search"]) {
    const ctx = await browser.newContext({
      viewport: SIZES[0], deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "vi-VN",
    });
    ctx.on("request", (r) => requests.push(r.url()));
    await ctx.route(/.*/, async (route) => {
      const u = new URL(route.request().url());
      if (u.hostname !== "127.0.0.1") return route.abort();
      if (/\.(js|json)$/.test(u.pathname)) await new Promise((ok) => setTimeout(ok, 800));
      return route.continue();
    });
    await ctx.addInitScript(recordShifts, false);
    const page = await ctx.newPage();
    page.on("pageerror", (e) => pageErrors.push(`${kinds[kind]}: ${e.message}`));
    await page.goto(origin + kinds[kind] + (kind === "search" ? "?q=dan%20van" : ""), { waitUntil: "load" });
    if (kind === "search") await searchDone(page);
    // Two frames after load, so the last shifts are reported.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
    const r = await page.evaluate(() => ({
      cls: window.__cls,
      shifts: window.__shifts,
      js: document.querySelector(".menu").classList.contains("js"),
    }));
    check(`${kind} 360×740 DPR 2: bantin.js ran`, r.js);
    check(`${kind} 360×740 DPR 2: cumulative layout shift ≤ 0.05`, r.cls <= 0.05,
      `CLS ${r.cls.toFixed(3)}${r.shifts.length ? `: ${r.shifts.join("; ")}` : ""}`);
    await ctx.close();
  }

  // Layout shift while the page itself arrives: the HTML comes in two
  // pieces, cut inside the header's search and text-size area, so the
  // browser draws the header half built (a frame is seen with what comes
  // before the cut and without what follows). The header keeps the
  // text-size group's room, and the area is shown only once whole: nothing
  // moves when the rest arrives (before the room was kept, a cut before the
  // group: 0.0043 on a phone, 0.0007 on a desktop; before the area waited
  // for its last button, a cut before the search button: 0.0014 on a
  // desktop), at the default text size and the largest.
  const cuts = [
    { at: '<div class="text-size"', after: ".text-size", before: ".header-search" },
    { at: '<button type="submit"', after: ".header-search button", before: "#tim-nhanh" },
    { at: '<button type="button" data-size="0"', after: '[data-size="0"]', before: '[data-size="-1"]' },
  ];
  let cutId = 0;
  for (const size of SIZES) for (const step of [null, "2"]) for (const cut of cuts) {
    const ctx = await browser.newContext({ viewport: size, locale: "vi-VN" });
    const id = String(++cutId);
    await ctx.setExtraHTTPHeaders({ "x-cut-before": cut.at, "x-cut-id": id });
    await ctx.addInitScript(recordShifts, false);
    // A frame with the first piece and not the second: once one is drawn
    // (the next animation frame comes after it), the server is told to
    // send the rest.
    await ctx.addInitScript(([step, cut, id]) => {
      if (step) localStorage.setItem("bantin-co-chu", step);
      window.__half = false;
      const frame = () => {
        if (document.querySelector(cut.after)) return;
        if (document.querySelector(cut.before)) {
          window.__half = true;
          requestAnimationFrame(() => fetch(`/__drawn?id=${id}`));
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, [step, cut, id]);
    const page = await ctx.newPage();
    page.on("pageerror", (e) => pageErrors.push(`${kinds.article}: ${e.message}`));
    await page.goto(origin + kinds.article, { waitUntil: "load" });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
    const r = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts, half: window.__half }));
    const name = `article ${size.width}×${size.height}${step ? `, text size +${step}` : ""}, cut before ${cut.after}`;
    check(`${name}: a frame drawn with the header half arrived`, r.half);
    check(`${name}: the header's second half arriving moves nothing`, r.cls <= 0.0001,
      `CLS ${r.cls.toFixed(4)}${r.shifts.length ? `: ${r.shifts.join("; ")}` : ""}`);
    await ctx.close();
  }

  // Keyboard: the skip link shows on Tab and moves to the content; focus
  // is visible.
  {
    const { ctx, page } = await open(kinds.article, SIZES[1]);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return { cls: a.className, visible: r.top >= 0 && r.height > 0 && r.left >= 0 };
    });
    check("keyboard: first Tab reaches the visible skip link", skip.cls === "skip" && skip.visible, JSON.stringify(skip));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => !!document.activeElement.closest("main"));
    check("keyboard: the skip link leads into <main>", inMain);
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    check("keyboard: focus is visible", !outline.startsWith("none") && parseFloat(outline.split(" ")[1]) >= 2, outline);
    await ctx.close();
  }

  // Print: the article alone, with its date line and signature.
  {
    const { ctx, page } = await open(kinds.article, SIZES[1]);
    await page.emulateMedia({ media: "print" });
    const r = await page.evaluate(() => {
      const shown = (sel) => {
        const e = document.querySelector(sel);
        return !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0;
      };
      return {
        hidden: [".menu", ".site-footer", ".breadcrumb", ".text-size", ".header-search", ".layout-side", ".tools"].filter(shown),
        kept: [".article-title", ".article-meta", ".article-body", ".signature"].filter((s) => !shown(s)),
      };
    });
    check("print: menus, sidebar, footer and tools hidden", r.hidden.length === 0, r.hidden.join(", "));
    check("print: title, date line, body and signature kept", r.kept.length === 0, r.kept.join(", "));
    await page.pdf({ path: path.join(shots, "article-print.pdf"), format: "A4" });
    await ctx.close();
  }

  // Sizes: an article page under 60 KB before images; CSS and JS under 30 KB.
  {
    const article = fs.statSync(path.join(site, kinds.article, "index.html")).size;
    check("size: article page under 60 KB", article < 60 * 1024, `${article} bytes`);
    const assets = fs.readdirSync(path.join(site, "assets")).filter((f) => /\.(css|js)$/.test(f));
    const total = assets.reduce((s, f) => s + fs.statSync(path.join(site, "assets", f)).size, 0);
    check("size: CSS and JS together under 30 KB", total < 30 * 1024, `${total} bytes in ${assets.join(", ")}`);
  }
} catch (e) {
  check("browser run", false, e.stack || String(e));
}

check("no script errors in any page", pageErrors.length === 0, pageErrors.slice(0, 5).join(" | "));
const away = requests.filter((u) => {
  const p = new URL(u);
  return !(p.protocol === "data:" || p.protocol === "blob:" || p.hostname === "127.0.0.1");
});
check(`no request leaves 127.0.0.1 (${requests.length} requests)`, away.length === 0, [...new Set(away)].slice(0, 5).join(" "));
await browser.close();
server.close();

// ---- the Nu HTML Checker on every page kind ----
try {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-vnu-"));
  const files = Object.entries(kinds).map(([kind, url]) => {
    const src = kind === "not-found" ? "404.html" : path.join(url, "index.html");
    const dest = path.join(tmp, `${kind}.html`);
    fs.copyFileSync(path.join(site, src), dest);
    return dest;
  });
  const jar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");
  let out;
  try {
    out = execFileSync("java", ["-jar", jar, "--errors-only", "--format", "json", "--stdout", ...files], { encoding: "utf8" });
  } catch (e) {
    out = e.stdout || "";
    if (!out) throw e;
  }
  const messages = JSON.parse(out).messages.filter((m) => m.type === "error" || m.subType === "fatal");
  for (const f of files) {
    const mine = messages.filter((m) => m.url && m.url.endsWith("/" + path.basename(f)));
    check(`vnu: ${path.basename(f, ".html")} has no HTML errors`, mine.length === 0,
      mine.slice(0, 3).map((m) => `${m.lastLine}: ${m.message}`).join(" | "));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
} catch (e) {
  check("vnu: the Nu HTML Checker ran", false, String(e.message || e));
}

console.log(`screenshots in ${shots}`);
console.log(`browser tests: ${passed} checks passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
