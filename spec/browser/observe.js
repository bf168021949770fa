// observe.js: opens a generated sinorus site in Debian's chromium (headless,
// through puppeteer-core, which downloads no browser) and reports what the
// page shows as JSON on stdout; spec/html_browser_spec.lua compares that
// with the knowledge base.
//
//   node observe.js SITE_DIR PLAN.json OUT_DIR
//
// PLAN: {records: ["claim=id", ...], search: ["Сhina", ...]}. OUT_DIR gets
// a screenshot of each view. Exit status 0 when the browser ran (the spec
// judges the observations), 1 when it could not.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer-core");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

// Sets the page's address to #hash and waits until the page has drawn it
// (location.hash changes at once; the page draws on the hashchange event).
async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => document.body.dataset.route === "#" + h, {}, hash);
}

async function main() {
  const [siteDir, planFile, outDir] = process.argv.slice(2);
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: install Debian's chromium (tools/deps.sh)`);
  }
  const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sinorus-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage"],
  });
  const obs = { console: [], failed: [], requests: [] };
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on("console", (m) => { if (m.type() === "error") obs.console.push(m.text()); });
    page.on("pageerror", (e) => obs.console.push(String(e)));
    page.on("requestfailed", (r) => obs.failed.push(r.url()));
    page.on("request", (r) => obs.requests.push(r.url()));
    // the first frame that shows the reader's text
    await page.evaluateOnNewDocument(() => {
      const tick = () => {
        if (document.querySelector(".seg")) {
          requestAnimationFrame(() => { window.__firstPaint = performance.now(); });
        } else {
          requestAnimationFrame(tick);
        }
      };
      requestAnimationFrame(tick);
    });
    const url = "file://" + path.resolve(siteDir, "index.html");
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => window.__firstPaint !== undefined);
    obs.first_paint = await page.evaluate(() => window.__firstPaint);
    obs.segments = await page.$$eval("#view-reader [data-seg]", (es) => es.map((e) => +e.dataset.seg));
    obs.views = await page.$$eval("nav button[data-view]", (es) => es.map((e) => e.dataset.view));

    // records: the highlighted evidence of each
    obs.highlights = {};
    for (const h of plan.records) {
      await go(page, h);
      obs.highlights[h] = await page.$$eval(".ev", (es) => es.map((e) => +e.dataset.seg).sort((a, b) => a - b));
    }
    // a sentence: the records listed for it
    if (plan.segment) {
      await page.click(`#s-${plan.segment}`);
      await page.waitForFunction((x) => document.body.dataset.route === "#segment=" + x, {}, plan.segment);
      obs.segment_records = await page.$$eval("#detail li a", (es) => es.map((e) => e.getAttribute("href")));
    }
    // ACH cells
    obs.cells = await page.$$eval("#view-ach td.cell", (es) => es.map((e) => ({
      item: e.dataset.item, hypothesis: e.dataset.hypothesis,
      cls: Array.from(e.classList).filter((c) => c.startsWith("r-")) })));
    // sorting the matrix by the first hypothesis keeps its cells
    const sortButton = await page.$('#view-ach button[data-sort="2"]');
    if (sortButton) {
      await go(page, "view=ach");
      await sortButton.click();
      obs.sorted_cells = await page.$$eval("#view-ach td.cell", (es) => es.length);
      // the last column (diagnosticity), ascending then descending
      const last = await page.$$("#view-ach table.ach:first-of-type thead button");
      const column = () => page.$$eval("#view-ach table.ach", (ts) =>
        Array.from(ts[0].tBodies[0].rows).map((r) => +r.cells[r.cells.length - 1].dataset.v));
      await last[last.length - 1].click();
      obs.sorted_up = await column();
      await last[last.length - 1].click();
      obs.sorted_down = await column();
    }
    // networks
    await go(page, "view=networks");
    obs.networks = await page.$$eval("#view-networks svg.network", (ss) => ss.map((s) => ({
      // pairs of node labels whose rendered boxes overlap
      overlaps: (() => {
        const bs = Array.from(s.querySelectorAll("g.node text")).map((t) => t.getBBox());
        let n = 0;
        for (let i = 0; i < bs.length; i++) {
          for (let j = i + 1; j < bs.length; j++) {
            const a = bs[i], c = bs[j];
            if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height &&
                c.y < a.y + a.height) n++;
          }
        }
        return n;
      })(),
      title: s.getAttribute("aria-label"),
      nodes: Array.from(s.querySelectorAll("g.node")).map((n) => n.dataset.id),
      edges: Array.from(s.querySelectorAll(".edge")).map((e) => [e.dataset.from, e.dataset.to]),
      legend: s.querySelectorAll(".legend").length })));
    // forecasts: a row per forecast with its outcome class, the calibration marks
    obs.forecasts = await page.$$eval("#view-forecasts tr.forecast", (rs) => rs.map((r) => ({
      id: r.dataset.forecast,
      cls: Array.from(r.classList).filter((c) => c.startsWith("outcome-")) })));
    obs.calibration = await page.$$eval("#view-forecasts svg.calibration .mark", (ms) =>
      ms.map((m) => m.dataset.band));
    obs.ach_timelines = await page.$$eval("#view-forecasts svg.ach-timeline", (ss) =>
      ss.map((s) => s.querySelectorAll(".line").length));
    // search
    obs.search = {};
    for (const q of plan.search) {
      await page.evaluate(() => { const i = document.getElementById("q"); i.value = ""; });
      await page.focus("#q");
      await page.keyboard.type(q);
      await page.waitForFunction(() => !document.getElementById("results").hidden);
      obs.search[q] = await page.$$eval("#results [data-hit]", (es) => es.map((e) => +e.dataset.hit));
      obs.search_rank = obs.search_rank || {};
      obs.search_rank[q] = await page.$$eval("#results [data-hit]", (es) => es.map((e) => +e.dataset.rank));
      obs.search_count = obs.search_count || {};
      obs.search_count[q] = await page.$eval("#results", (e) => +e.dataset.count);
    }
    await page.evaluate(() => { const i = document.getElementById("q"); i.value = "";
      i.dispatchEvent(new Event("input")); });

    // keyboard: from the top of each view, Tab reaches every visible control
    obs.keyboard = {};
    for (const v of obs.views) {
      await go(page, "view=" + v);
      const controls = await page.evaluate(() => {
        const sel = "a[href], button, input, summary, [tabindex='0']";
        let n = 0;
        document.querySelectorAll(sel).forEach((e) => {
          if (e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && e.tabIndex >= 0) {
            e.dataset.kbd = String(n++);
          } else {
            delete e.dataset.kbd;
          }
        });
        return n;
      });
      await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
      const seen = new Set();
      let visible = true;
      // one round through the page, and a second if a key press was lost
      for (let i = 0; i < 2 * controls + 10 && seen.size < controls; i++) {
        await page.keyboard.press("Tab");
        const r = await page.evaluate(() => {
          const a = document.activeElement;
          if (!a || a === document.body) return null;
          const st = getComputedStyle(a);
          const focusShown = st.outlineStyle !== "none" && parseFloat(st.outlineWidth) > 0;
          return { k: a.dataset ? a.dataset.kbd : undefined, shown: focusShown || a.tagName === "g" };
        });
        if (r && r.k !== undefined) { seen.add(r.k); if (!r.shown) visible = false; }
      }
      obs.keyboard[v] = { controls, reached: seen.size, focus_visible: visible };
    }
    // Arrow keys move between sentences
    await go(page, "view=reader");
    await page.focus(".seg[tabindex='0']");
    const before = await page.evaluate(() => document.activeElement.dataset.seg);
    await page.keyboard.press("ArrowDown");
    const after = await page.evaluate(() => document.activeElement.dataset.seg);
    obs.arrow = [+before, +after];

    // 200 % zoom: a 640 px wide window at twice the pixel density; the
    // reader reflows without a horizontal scroll bar
    await go(page, "view=reader");
    await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 });
    obs.zoom = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth,
      width: window.innerWidth }));
    await page.setViewport({ width: 1280, height: 900 });
    // print: every view shown, the navigation hidden
    await page.emulateMediaType("print");
    obs.print = await page.evaluate(() => ({
      views: Array.from(document.querySelectorAll(".view")).filter((v) => v.checkVisibility()).length,
      nav: document.querySelector("nav").checkVisibility() }));
    await page.emulateMediaType(null);
    // screenshots: each view, with the share of non-background pixels
    obs.screenshots = {};
    const shots = {};
    for (const v of obs.views) {
      await go(page, "view=" + v);
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = path.join(outDir, `${v}.png`);
      shots[v] = await page.screenshot({ encoding: "base64" });
      fs.writeFileSync(file, Buffer.from(shots[v], "base64"));
    }
    const probe = await browser.newPage();
    for (const v of obs.views) {
      const b64 = shots[v];
      const file = path.join(outDir, `${v}.png`);
      obs.screenshots[v] = await probe.evaluate(async (src) => {
        const img = new Image();
        img.src = "data:image/png;base64," + src;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width; c.height = img.height;
        const g = c.getContext("2d");
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let ink = 0; const colours = new Set();
        for (let i = 0; i < d.length; i += 16) {
          if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
          colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        }
        return { file: null, ink: ink / (d.length / 16), colours: colours.size };
      }, b64);
      obs.screenshots[v].file = file;
    }
    await probe.close();
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(obs) + "\n");
}

main().catch((e) => {
  process.stderr.write(`observe.js: ${e && e.stack || e}\n`);
  process.exit(1);
});
