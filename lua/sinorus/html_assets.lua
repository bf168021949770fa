-- sinorus.html_assets: the style sheet and the script of the HTML reader
-- (sinorus.html inlines both into the page; the library embeds this module
-- like every other, so a static build needs no files).

local A = {}

A.css = [==[
:root { --fg: #111; --bg: #fff; --muted: #555; --focus: #000; --sel: #fff3b0; --ev: #ffe08a;
  font-family: system-ui, sans-serif; line-height: 1.5; color: var(--fg); background: var(--bg); }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center;
  padding: .5rem 1rem; border-bottom: 2px solid #333; position: sticky; top: 0;
  background: var(--bg); z-index: 2; }
header h1 { font-size: 1.1rem; margin: 0; flex: 1 1 20rem; }
nav button, .ach button { font: inherit; padding: .25rem .6rem; border: 1px solid #333;
  background: #f4f4f4; cursor: pointer; }
nav button[aria-selected="true"] { background: #0072B2; color: #fff; }
:focus-visible, a:focus, button:focus, input:focus, [tabindex]:focus {
  outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.search input { font: inherit; padding: .2rem .4rem; width: 16rem; max-width: 60vw; }
.results { padding: .5rem 1rem; border-bottom: 1px solid #999; max-height: 40vh;
  overflow: auto; }
.layout { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0 1rem; }
.records-pane { flex: 0 1 16rem; font-size: .9rem; max-height: 85vh; overflow: auto; }
.records-pane ul, .detail ul { padding-left: 1.1rem; }
main { flex: 1 1 30rem; min-width: 0; }
#view-reader { max-width: 48rem; }
.detail { flex: 0 1 18rem; font-size: .9rem; }
.view[hidden] { display: none; }
.seg { overflow-wrap: anywhere; }
.seg.sentence { border-radius: 3px; }
.seg.sel { background: var(--sel); outline: 2px dashed #333; }
.seg.ev { background: var(--ev); box-shadow: inset 3px 0 0 #E69F00; }
.seg.heading.ev, p.seg.ev { padding-left: .3rem; }
.byline { color: var(--muted); }
.m { border-bottom: 3px solid; }
.ent-0 { border-color: #0072B2; } .ent-1 { border-color: #E69F00; }
.ent-2 { border-color: #009E73; } .ent-3 { border-color: #CC79A7; }
.ent-4 { border-color: #56B4E9; } .ent-5 { border-color: #D55E00; }
.ent-6 { border-color: #000; border-bottom-style: dotted; } .ent-7 { border-color: #999; }
.quote { font-style: italic; background: #eaf4fb; }
.hedge { text-decoration: underline wavy #CC79A7; }
.badge { font-size: .7rem; vertical-align: super; margin-left: .2rem; padding: 0 .25rem;
  border: 1px solid #333; border-radius: .6rem; text-decoration: none; color: #000; }
.band-almost-certain, .band-very-likely { background: #0072B2; color: #fff; }
.band-likely, .band-probable { background: #56B4E9; }
.band-roughly-even-chance, .band-even-chance { background: #F0E442; }
.band-unlikely, .band-improbable { background: #E69F00; }
.band-very-unlikely, .band-almost-no-chance, .band-remote { background: #D55E00; color: #fff; }
.band-flat { background: #eee; }
table.ach { border-collapse: collapse; font-size: .85rem; }
table.ach td, table.ach th { border: 1px solid #ccc; padding: .2rem .35rem; }
table.ach td.item { min-width: 14rem; }
tr.pivotal td.item { font-weight: bold; }
.cell { text-align: center; font-weight: bold; }
.r-CC { background: #0072B2; color: #fff; } .r-C { background: #8EC3E6; }
.r-N { background: #eee; } .r-I { background: #F2B38A; }
.r-II { background: #D55E00; color: #fff; } .r-NA { background: #fff; color: #555; }
.scroll { overflow-x: auto; }
table.forecasts { border-collapse: collapse; font-size: .85rem; }
table.forecasts td, table.forecasts th { border: 1px solid #ccc; padding: .2rem .35rem;
  vertical-align: top; }
.outcome-yes .outcome { background: #0072B2; color: #fff; }
.outcome-no .outcome { background: #D55E00; color: #fff; }
.outcome-partly .outcome { background: #F0E442; }
.outcome-not_yet .outcome, .outcome-unresolvable .outcome { background: #eee; }
.scorecard dl { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; }
.scorecard dd { margin: 0; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
svg .node:focus circle, svg .node:hover circle { stroke-width: 3; fill: #F0E442; }
svg .node:focus { outline: none; }
.print-only { display: none; }
@media print {
  header nav, .search, .records-pane, .detail, .results, .legend { display: none !important; }
  header { position: static; }
  .view, .view[hidden] { display: block !important; page-break-before: always; }
  .print-only { display: block; }
  main { max-width: none; }
  a { color: #000; text-decoration: none; }
  .seg.ev, .seg.sel { background: none; box-shadow: none; outline: none; }
}
]==]

A.js = [==[
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var detail = document.getElementById("detail");
  var results = document.getElementById("results");
  var byType = {};
  data.types.forEach(function (t) {
    var m = {};
    data.records[t.name].forEach(function (r) { m[String(r.id)] = r; });
    byType[t.name] = m;
  });
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function clear(cls) {
    Array.prototype.forEach.call(document.querySelectorAll("." + cls), function (e) {
      e.classList.remove(cls);
    });
  }
  function segText(id) {
    var e = document.getElementById("s-" + id);
    return e ? e.textContent : "";
  }
  // views
  var tabs = Array.prototype.slice.call(document.querySelectorAll("nav button[data-view]"));
  function show(view) {
    tabs.forEach(function (b) {
      var on = b.getAttribute("data-view") === view;
      b.setAttribute("aria-selected", on ? "true" : "false");
      document.getElementById("view-" + b.getAttribute("data-view")).hidden = !on;
    });
  }
  tabs.forEach(function (b) {
    b.addEventListener("click", function () { location.hash = "view=" + b.getAttribute("data-view"); });
  });
  // selecting a record or a sentence
  function selectRecord(type, id) {
    var r = byType[type] && byType[type][id];
    clear("ev"); clear("sel");
    if (!r) { detail.innerHTML = "<p>No " + esc(type) + " " + esc(id) + " here.</p>"; return; }
    show("reader");
    var first = null;
    r.ev.forEach(function (s) {
      var e = document.getElementById("s-" + s);
      if (e) { e.classList.add("ev"); first = first || e; }
    });
    var h = "<h2>" + esc(type) + " " + esc(id) + "</h2><p>" + esc(r.label) + "</p><p>Rests on " +
      r.ev.length + " segment(s):</p><ul>";
    r.ev.forEach(function (s) {
      h += '<li><a href="#segment=' + s + '">§' + s + "</a> " + esc(segText(s).slice(0, 90)) + "</li>";
    });
    detail.innerHTML = h + "</ul>";
    if (first) first.scrollIntoView({ block: "center" });
  }
  function selectSegment(id) {
    clear("ev"); clear("sel");
    show("reader");
    var e = document.getElementById("s-" + id);
    if (!e) { detail.innerHTML = "<p>No segment " + esc(id) + ".</p>"; return; }
    e.classList.add("sel");
    var recs = data.byseg[String(id)] || [];
    var h = "<h2>Segment §" + esc(id) + "</h2><p>" + recs.length + " record(s) rest on it:</p><ul>";
    recs.forEach(function (p) {
      var r = byType[p[0]][String(p[1])];
      h += '<li><a href="#' + p[0] + "=" + encodeURIComponent(p[1]) + '">' + esc(p[0]) + " " +
        esc(p[1]) + "</a>: " + esc(r ? r.label : "") + "</li>";
    });
    detail.innerHTML = h + "</ul>";
    e.scrollIntoView({ block: "center" });
  }
  // the page's state follows the address; body's data-route names the
  // address last drawn (what a test waits for after changing it)
  function route() {
    var m = /^#([a-z_]+)=(.*)$/.exec(location.hash);
    if (!m) { show(data.views[0]); }
    else {
      var key = m[1], val = decodeURIComponent(m[2]);
      if (key === "view") { show(val); }
      else if (key === "segment") { selectSegment(val); }
      else { selectRecord(key, val); }
    }
    document.body.setAttribute("data-route", location.hash);
  }
  window.addEventListener("hashchange", route);
  // sentences: click, or arrow keys and Enter (one tab stop for the text)
  var leaves = Array.prototype.slice.call(document.querySelectorAll(".seg[tabindex]"));
  if (leaves.length) leaves[0].tabIndex = 0;
  var reader = document.getElementById("view-reader");
  reader.addEventListener("click", function (ev) {
    if (ev.target.closest("a")) return;
    var s = ev.target.closest(".seg[tabindex]");
    if (s) location.hash = "segment=" + s.getAttribute("data-seg");
  });
  reader.addEventListener("keydown", function (ev) {
    var s = ev.target.closest && ev.target.closest(".seg[tabindex]");
    if (!s) return;
    var i = leaves.indexOf(s), j = i;
    if (ev.key === "ArrowDown" || ev.key === "ArrowRight") j = Math.min(i + 1, leaves.length - 1);
    else if (ev.key === "ArrowUp" || ev.key === "ArrowLeft") j = Math.max(i - 1, 0);
    else if (ev.key === "Home") j = 0;
    else if (ev.key === "End") j = leaves.length - 1;
    else if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault(); location.hash = "segment=" + s.getAttribute("data-seg"); return;
    } else return;
    ev.preventDefault();
    s.tabIndex = -1; leaves[j].tabIndex = 0; leaves[j].focus();
  });
  // search: the query folded by the library's folding (data.fold, from
  // core.fold) and translated as sn_query.c translates it for the KB's
  // tokenizer (sn_fts.c): a bare word is looked up by its stem, words
  // joined by - . ' / _ make a phrase, "quoted words" are a phrase of the
  // words as written, word* a prefix of written words; a run of CJK
  // characters is the phrase of its bigrams and its last character. It
  // runs over the tokens of the KB's full-text index (data.index: each
  // segment as its positions, each position the numbers in data.terms of
  // the terms FTS5 holds there). Hits are ranked as kb:search ranks them,
  // by SQLite FTS5's BM25 (k1 = 1.2, b = 0.75) with the index's own row
  // count and token total (data.fts); repeated passages (flagged 1) count
  // in the statistics but are not listed; ties by segment id.
  function fold(s) {
    var out = "";
    for (var c of s) {
      var f = data.fold[c];
      out += f !== undefined ? f : c.toLowerCase();
    }
    return out;
  }
  var WORD = /[\p{L}\p{N}]+/uy, CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
  var MARK = "\u0001", JOINERS = "-./'_", STEMMED = /^[\p{sc=Latin}\p{sc=Cyrillic}]+$/u;
  var SET = Array.isArray(data.search) ? data.search : [], HAS_CJK = SET.indexOf("cjk") >= 0;
  var STEMS = SET.indexOf("english") >= 0 || SET.indexOf("russian") >= 0;
  var K1 = 1.2, B = 0.75;
  var rows = null, stemOf = null, stemSet = null;
  // rows: [{id, dup, pos: [[term, ...], ...]}]; stemOf: a written word's
  // marked stem; stemSet: every stem (marked ones, and words that are
  // their own stems)
  function load() {
    var T = data.terms || [];
    stemOf = Object.create(null); stemSet = Object.create(null);
    rows = (Array.isArray(data.index) ? data.index : []).map(function (e) {
      var pos = (Array.isArray(e[2]) ? e[2] : []).map(function (x) {
        var ts = (Array.isArray(x) ? x : [x]).map(function (n) { return T[n]; });
        var stem = null;
        ts.forEach(function (t) { if (t[0] === MARK) stem = t.slice(1); });
        ts.forEach(function (t) {
          if (t[0] === MARK) stemSet[t.slice(1)] = true;
          else if (stem !== null) stemOf[t] = stem;
          else if (!CJK.test(t)) stemSet[t] = true;
        });
        return ts;
      });
      return { id: e[0], dup: e[1], pos: pos };
    });
  }
  // the terms a stemmed query word w is looked up by: its marked stem, or
  // the word that is its own stem. The page has no stemmer: a word the
  // index holds gives its stem from the index; another word is taken as
  // its own stem if it is one in the index, else the longest stem of the
  // index that begins it (doc/reader.md, "Search")
  function stemTerms(w) {
    if (!STEMS) return [w];
    var s = stemOf[w];
    if (s === undefined && !stemSet[w] && STEMMED.test(w)) {
      for (var k = w.length - 1; k > 0 && s === undefined; k--) {
        if (stemSet[w.slice(0, k)]) s = w.slice(0, k);
      }
    }
    if (s === undefined) s = w;
    return [MARK + s, s];
  }
  // the query tokens of the folded word w: [[alternative terms], ...]
  function wordTokens(w, stem) {
    var out = [], chars = Array.from(w), plain = "";
    function flush() {
      if (plain) out.push(stem ? stemTerms(plain) : [plain]);
      plain = "";
    }
    for (var i = 0; i < chars.length; i++) {
      if (!HAS_CJK || !CJK.test(chars[i])) { plain += chars[i]; continue; }
      flush();
      var next = i + 1 < chars.length && CJK.test(chars[i + 1]);
      out.push([next ? chars[i] + chars[i + 1] : chars[i]]);
    }
    flush();
    return out;
  }
  // the phrases of the query q: [{toks: [[alternatives], ...], prefix}]
  function parse(q) {
    var f = fold(q), phrases = [], i = 0, quoted = null;
    function word(at) {
      WORD.lastIndex = at;
      var m = WORD.exec(f);
      return m && m[0];
    }
    while (i < f.length) {
      var w = word(i);
      if (!w) {
        if (f[i] === '"') {
          if (quoted && quoted.toks.length) phrases.push(quoted);
          quoted = quoted ? null : { toks: [], prefix: false };
        }
        i++;
        continue;
      }
      i += w.length;
      if (quoted) { quoted.toks = quoted.toks.concat(wordTokens(w, false)); continue; }
      var words = [w], e = i, x;
      while (JOINERS.indexOf(f[e]) >= 0 && (x = word(e + 1))) { words.push(x); e += 1 + x.length; }
      var prefix = f[e] === "*", toks = [];
      words.forEach(function (y) { toks = toks.concat(wordTokens(y, !prefix)); });
      phrases.push({ toks: toks, prefix: prefix });
      i = e;
    }
    if (quoted && quoted.toks.length) phrases.push(quoted);
    return phrases;
  }
  // the number of positions of pos where phrase p starts
  function occurrences(pos, p) {
    var n = 0, L = p.toks.length;
    for (var i = 0; i + L <= pos.length; i++) {
      var ok = true;
      for (var k = 0; k < L && ok; k++) {
        var alts = p.toks[k], prefix = p.prefix && k === L - 1;
        ok = pos[i + k].some(function (t) {
          return alts.indexOf(t) >= 0 || (prefix && t[0] !== MARK && t.indexOf(alts[0]) === 0);
        });
      }
      if (ok) n++;
    }
    return n;
  }
  // [{id, rank}], best first
  function search(q) {
    if (!rows) load();
    var phrases = parse(q), n = data.fts[0], avgdl = data.fts[1] / Math.max(n, 1), hits = [];
    if (!phrases.length) return hits;
    var freq = phrases.map(function (p) {
      return rows.map(function (r) { return occurrences(r.pos, p); });
    });
    var idf = freq.map(function (f) {
      var docs = 0;
      f.forEach(function (x) { if (x > 0) docs++; });
      var v = Math.log((n - docs + 0.5) / (docs + 0.5));
      return v > 0 ? v : 1e-6;
    });
    rows.forEach(function (r, i) {
      if (r.dup) return;
      var score = 0;
      for (var k = 0; k < phrases.length; k++) {
        var f = freq[k][i];
        if (!f) return;
        score += idf[k] * f * (K1 + 1) / (f + K1 * (1 - B + B * r.pos.length / avgdl));
      }
      hits.push({ id: r.id, rank: score });
    });
    hits.sort(function (a, b) { return b.rank - a.rank || a.id - b.id; });
    return hits;
  }
  var q = document.getElementById("q");
  q.addEventListener("input", function () {
    var v = q.value.trim();
    if (!v) { results.hidden = true; results.innerHTML = ""; return; }
    var hits = search(v);
    var h = "<p>" + hits.length + " segment(s) match, most relevant first.</p><ol>";
    hits.slice(0, 200).forEach(function (x) {
      h += '<li><a data-hit="' + x.id + '" data-rank="' + x.rank + '" href="#segment=' + x.id +
        '">§' + x.id + "</a> " + esc(segText(x.id).slice(0, 140)) + "</li>";
    });
    results.innerHTML = h + "</ol>" + (hits.length > 200 ? "<p>The first 200 are listed.</p>" : "");
    results.setAttribute("data-count", String(hits.length));
    results.hidden = false;
  });
  // sortable tables
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (t) {
    var dir = {};
    t.querySelectorAll("button[data-sort]").forEach(function (b) {
      b.addEventListener("click", function () {
        var col = +b.getAttribute("data-sort");
        dir[col] = -(dir[col] || -1);
        var body = t.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b2) {
          var x = a.cells[col].getAttribute("data-v"), y = b2.cells[col].getAttribute("data-v");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (isNaN(nx) || isNaN(ny)) ? x.localeCompare(y) : nx - ny;
          return c * dir[col];
        });
        rows.forEach(function (r) { body.appendChild(r); });
        t.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
        b.parentNode.setAttribute("aria-sort", dir[col] > 0 ? "ascending" : "descending");
      });
    });
  });
  route();
})();
]==]

return A
