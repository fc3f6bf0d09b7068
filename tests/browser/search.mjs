// The search page in headless Chromium, run by tests/search_browser.rs on
// its made-up site of 40 articles (see write_site there). Prints one line
// per check and exits non-zero if any failed.
//
//   node search.mjs --site DIR --port N --chromium /usr/bin/chromium
import path from "node:path";
import { chromium } from "playwright-core";
import { checker, deadline, options, serve } from "./lib.mjs";

const args = options();
const site = path.resolve(args.site);
const origin = `http://127.0.0.1:${args.port}`;
deadline("search tests", 3);
const { check, done } = checker();
const server = await serve(site, Number(args.port));

const browser = await chromium.launch({ executablePath: args.chromium, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });

// The page for ?q=, once its results are shown: the results, and the
// paths fetched after the page itself.
async function search(q) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
  const fetched = [];
  ctx.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const page = await ctx.newPage();
  await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(q)}`, { waitUntil: "load" });
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status");
    return s && s.textContent && !s.textContent.startsWith("Đang tìm");
  }, null, { timeout: 15000 });
  const results = () => page.$$eval("#search-results li", (lis) => lis.map((li) => ({
    title: li.querySelector("h2").textContent,
    href: li.querySelector("h2 a").getAttribute("href"),
    snippet: li.querySelector(".snippet").innerHTML,
  })));
  return { ctx, page, fetched, results, status: await page.textContent("#search-status") };
}

// "DUC GIANG": the phrase in a body above "giảng" in a title + "Đức" as author.
{
  const { ctx, results, fetched } = await search("DUC GIANG");
  const r = await results();
  check("DUC GIANG: the article saying Đức Giang comes first", r[0] && r[0].title === "Hội nghị các phường lân cận",
    r.map((x) => x.title).join(" / "));
  check("DUC GIANG: the one with giảng in its title comes after", r.length === 2 && r[1].title === "Khai giảng năm học mới",
    r.map((x) => x.title).join(" / "));
  const data = fetched.filter((p) => !/^\/assets\//.test(p)).slice(1);
  check("DUC GIANG: fetches only word buckets and record shards", data.length > 0 && data.every((p) => /^\/tim-kiem\/(tu|bai)\/\d+\.json$/.test(p)),
    data.join(" "));
  check("DUC GIANG: fetches the shards of its results only", data.filter((p) => p.includes("/bai/")).sort().join(" ") === "/tim-kiem/bai/0.json /tim-kiem/bai/1.json",
    data.join(" "));
  const res = await Promise.all(r.map((x) => fetch(origin + x.href)));
  check("DUC GIANG: every result links to its page", res.every((x) => x.status === 200), r.map((x) => x.href).join(" "));
  await ctx.close();
}

// đ folds to d: "duc" finds the article whose author is Phạm Minh Đức
// and the one saying Đức Giang.
{
  const { ctx, results } = await search("duc");
  const titles = (await results()).map((x) => x.title).sort();
  check("duc: finds Đức", titles.join(" / ") === "Hội nghị các phường lân cận / Khai giảng năm học mới", titles.join(" / "));
  await ctx.close();
}

// 25 hits: 20 shown with their snippets marked, the rest on "Xem thêm".
{
  const { ctx, page, results, status, fetched } = await search("dân vận");
  let r = await results();
  check("dân vận: 25 found", /25 bài/.test(status), status);
  check("dân vận: 20 shown first, newest first", r.length === 20 && r[0].title === "Tin số 0 của phường", `${r.length}: ${r[0] && r[0].title}`);
  check("dân vận: the snippet is the summary with the words marked",
    r[0] && r[0].snippet === "Tóm tắt bài số 0: <mark>dân</mark> <mark>vận</mark> và đời sống.", r[0] && r[0].snippet);
  const more = await page.isVisible("#search-more");
  check("dân vận: a button shows more", more);
  const before = fetched.length;
  await page.click("#search-more");
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 25, null, { timeout: 5000 }).catch(() => {});
  r = await results();
  check("dân vận: the button shows the other 5", r.length === 25 && r[24].title === "Tin số 24 của phường", `${r.length}`);
  // Articles 16–31 share shard 1, fetched for the first page already.
  check("dân vận: the rest fetched nothing more", fetched.length === before, fetched.slice(before).join(" "));
  check("dân vận: focus on the first new result", await page.evaluate(() => document.activeElement.textContent) === "Tin số 20 của phường");
  check("dân vận: no more button", !(await page.isVisible("#search-more")));
  await ctx.close();
}

// A word nowhere: says so.
{
  const { ctx, results, status } = await search("khongcotu");
  check("a word nowhere: nothing found, and says so", (await results()).length === 0 && /Không tìm thấy/.test(status), status);
  await ctx.close();
}

await browser.close();
server.close();
done("search tests");
