// paint.js: time to the first frame that shows a page's text, in
// Debian's chromium (headless); bench/html.lua runs it.
//
//   node paint.js RUNS FILE.html [FILE.html ...]
//
// Prints one line per file: the median over RUNS fresh loads of the time
// (ms, from navigation start) to the first animation frame after the body
// holds text, and the page load's wall time.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");

async function main() {
  const [runs, ...files] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sinorus-paint-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage"],
  });
  try {
    for (const f of files) {
      const paint = [], load = [];
      for (let i = 0; i < +runs; i++) {
        const page = await browser.newPage();
        await page.evaluateOnNewDocument(() => {
          const tick = () => {
            if (document.body && document.body.textContent.trim()) {
              requestAnimationFrame(() => { window.__firstPaint = performance.now(); });
            } else {
              requestAnimationFrame(tick);
            }
          };
          requestAnimationFrame(tick);
        });
        const t0 = Date.now();
        await page.goto("file://" + path.resolve(f), { waitUntil: "load" });
        load.push(Date.now() - t0);
        await page.waitForFunction(() => window.__firstPaint !== undefined);
        paint.push(await page.evaluate(() => window.__firstPaint));
        await page.close();
      }
      const med = (a) => { a.sort((x, y) => x - y); return a[a.length >> 1]; };
      process.stdout.write(`${f} ${med(paint).toFixed(1)} ${med(load)}\n`);
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => { process.stderr.write(`paint.js: ${e && e.stack || e}\n`); process.exit(1); });
