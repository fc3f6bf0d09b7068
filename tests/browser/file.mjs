// The site built with `bantin build --relative`, opened from the disk
// (file://, as from a USB stick) in headless Chromium, run by tests/browser.rs:
// the stylesheet is applied, every link, stylesheet, script and image on the
// pages leads to a file that exists, images load, a link clicked opens its
// page, and the search page says it needs the site on the web. Prints one
// line per check and exits non-zero if any failed.
//
//   node file.mjs --site DIR --article REL/index.html --chromium /usr/bin/chromium
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { checker, deadline, options } from "./lib.mjs";

const args = options();
const site = path.resolve(args.site);
const url = (rel) => pathToFileURL(path.join(site, rel)).href;
deadline("file:// tests", 3);
const { check, done } = checker();

// The file a file:// URL names (query and fragment dropped), or why not.
function fileOf(href) {
  const u = new URL(href);
  if (u.protocol !== "file:") return { why: `not a file:// URL` };
  u.search = "";
  u.hash = "";
  const p = fileURLToPath(u);
  if (!p.startsWith(site + path.sep)) return { why: "outside the site" };
  if (!fs.existsSync(p)) return { why: "no such file" };
  if (fs.statSync(p).isDirectory()) return { why: "a folder, not a page" };
  return { path: p };
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions"],
});
const errors = [];
async function open(rel) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(`${rel}: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${rel}: console: ${m.text()}`); });
  await page.goto(url(rel), { waitUntil: "load" });
  return { ctx, page };
}

// What a page links to and loads, and whether its stylesheet is applied.
async function survey(page) {
  return page.evaluate(() => ({
    // The menu bar's red comes from the theme's style.css only.
    menu: getComputedStyle(document.querySelector("nav.menu")).backgroundColor,
    links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    loads: [...document.querySelectorAll("link[rel=stylesheet], link[rel=icon], link[rel=alternate], script[src], img[src], form[action]")]
      .map((e) => e.href || e.src || e.action),
    images: [...document.images].map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })),
    canonical: (document.querySelector("link[rel=canonical]") || {}).href,
  }));
}

try {
  const pages = {
    home: "index.html",
    article: args.article,
    category: "cong-tac-dang/index.html",
    "all, page 2": "trang/2/index.html",
    archive: "luu-tru/index.html",
    tag: "the/dan-van/index.html",
    search: "tim-kiem/index.html",
  };
  for (const [kind, rel] of Object.entries(pages)) {
    const { ctx, page } = await open(rel);
    const s = await survey(page);
    check(`${kind}: the stylesheet is applied (menu bar ${s.menu})`, s.menu === "rgb(163, 20, 28)", s.menu);
    const bad = [...s.links, ...s.loads]
      .filter((h) => !h.startsWith("mailto:") && !h.startsWith("tel:"))
      .map((h) => [h, fileOf(h)])
      .filter(([, f]) => !f.path)
      .map(([h, f]) => `${h} (${f.why})`);
    check(`${kind}: all ${s.links.length} links and ${s.loads.length} files lead to files that exist`, bad.length === 0,
      [...new Set(bad)].slice(0, 5).join("; "));
    const broken = s.images.filter((i) => !i.ok).map((i) => i.src);
    check(`${kind}: ${s.images.length} image(s) load`, s.images.length > 0 && broken.length === 0, broken.join(", "));
    check(`${kind}: the canonical link stays absolute`, /^https?:\/\//.test(s.canonical || ""), s.canonical);
    await ctx.close();
  }

  // A click on the home page's first article card opens the article.
  {
    const { ctx, page } = await open("index.html");
    const link = page.locator("main a[href$='/index.html']:not([href^='index'])").first();
    const href = await link.evaluate((a) => a.href);
    await Promise.all([page.waitForEvent("load"), link.click()]);
    const title = await page.title();
    check("a link clicked from the home page opens its page", page.url() === href && !/không tìm thấy/i.test(title),
      `${page.url()} (${title})`);
    await ctx.close();
  }

  // The header's search box leads to the search page, which says plainly
  // that search needs the site on the web.
  {
    const { ctx, page } = await open(pages.article);
    await page.fill("#tim-nhanh", "dân vận");
    await Promise.all([page.waitForEvent("load"), page.press("#tim-nhanh", "Enter")]);
    const u = new URL(page.url());
    check("the header's search box opens the search page from the disk",
      u.protocol === "file:" && u.pathname.endsWith("/tim-kiem/index.html") && u.searchParams.get("q") === "dân vận", page.url());
    const status = await page.locator("#search-status").textContent();
    check("search on file:// says it needs the site on the web", /chỉ dùng được khi bản tin được mở qua mạng/.test(status), status);
    await ctx.close();
  }
  check("no JavaScript error on any page", errors.length === 0, errors.join(" | "));
} catch (e) {
  check("the file:// run", false, e.stack);
} finally {
  await browser.close();
}
done("file:// tests");
