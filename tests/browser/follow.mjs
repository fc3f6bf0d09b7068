// `bantin watch` takes an open tab along when its article's address changes,
// run by tests/browser.rs: opens the article served by watch in headless
// Chromium, edits its title in the file (as an editor does), and waits for
// the tab to reload onto the new address. Prints one line per check and
// exits non-zero if any failed.
//
//   node follow.mjs --url URL --file F --from TEXT --to TEXT --expect URL --chromium PATH
import fs from "node:fs";
import { chromium } from "playwright-core";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
setTimeout(() => {
  console.log("follow: timed out after 2 minutes");
  process.exit(2);
}, 2 * 60 * 1000).unref();

let failed = 0;
function check(name, ok, detail = "") {
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-extensions"],
});
try {
  const page = await browser.newPage();
  // The live-reload stream is open (its first event tells the page which
  // build it shows) before the file changes.
  const stream = page.waitForResponse((r) => r.url().includes("/__bantin/events"));
  const res = await page.goto(args.url, { waitUntil: "load" });
  check("the article opens", res.status() === 200, String(res.status()));
  await stream;
  await page.waitForTimeout(300);
  const text = fs.readFileSync(args.file, "utf8");
  fs.writeFileSync(args.file, text.replace(args.from, args.to));
  let moved = true;
  await page.waitForURL(args.expect, { timeout: 20000 }).catch(() => { moved = false; });
  check("the open tab went to the new address", moved, page.url());
  await page.waitForLoadState("load");
  const h1 = await page.locator("h1").first().textContent();
  check("it shows the article with its new title", h1.includes(args.to), h1);
} catch (e) {
  check("the follow run", false, e.stack);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
