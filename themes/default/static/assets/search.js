// Offline search. Index: tim-kiem/tu/<n>.json, word buckets (words and
// pairs of adjacent words); tim-kiem/bai/<n>.json, article records in
// shards, fetched only for the results shown. Words are folded as bantin
// folds them (no accents, đ → d, lower case). ?q= is the query. Async in
// the head: the fetches start while the stylesheet loads.
(function () {
  var me = document.currentScript;
  if (!me || !window.fetch) return;
  var PAGE = 20;
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = new Uint8Array(128);
  for (var d = 0; d < 64; d++) VALUE[DIGITS.charCodeAt(d)] = d;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var folds = {};
  function foldChar(c) {
    var f = folds[c];
    if (f === undefined) f = folds[c] = fold(c);
    return f;
  }
  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(function (w) { return w && w.length <= 24; });
  }
  // FNV-1a, as in bantin's src/render/search.rs.
  function bucketOf(w, n) {
    var h = 0x811c9dc5;
    for (var i = 0; i < w.length; i++) {
      h ^= w.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % n;
  }
  // A list as bantin's src/render/gaps.rs writes it: "~" and a bitmap of
  // six numbers a digit, or gaps in 5-bit groups (32 added while more follow).
  function ids(s) {
    var out = [], i, v;
    if (!s) return out;
    if (s[0] === "~") {
      for (i = 1; i < s.length; i++) {
        v = VALUE[s.charCodeAt(i)];
        for (var k = 0; k < 6; k++) if (v & (1 << k)) out.push((i - 1) * 6 + k);
      }
      return out;
    }
    var last = 0, gap = 0, shift = 1;
    for (i = 0; i < s.length; i++) {
      v = VALUE[s.charCodeAt(i)];
      gap += (v & 31) * shift;
      shift *= 32;
      if (v < 32) { last += gap; out.push(last); gap = 0; shift = 1; }
    }
    return out;
  }
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  // `text` with every whole-word occurrence of a term wrapped in <mark>
  // (a term found only as the start of a word is marked there).
  function marked(text, terms) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = foldChar(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    }
    map.push(text.length);
    var spans = [];
    function find(t, whole) {
      var at = 0, found = false;
      while ((at = folded.indexOf(t, at)) >= 0) {
        var end = at + t.length;
        if ((at === 0 || !/[a-z0-9]/.test(folded[at - 1])) && (!whole || !/[a-z0-9]/.test(folded[end] || ""))) {
          spans.push([map[at], map[end - 1] + 1]);
          found = true;
        }
        at = end;
      }
      return found;
    }
    terms.forEach(function (t) { if (!find(t, true)) find(t, false); });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = "", pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) return;
      out += esc(text.slice(pos, s[0])) + "<mark>" + esc(text.slice(s[0], s[1])) + "</mark>";
      pos = s[1];
    });
    return out + esc(text.slice(pos));
  }

  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim();
  var terms = words(q).filter(function (w, i, all) { return all.indexOf(w) === i; });
  // Adjacent words of the query, as the index keeps pairs: "duc_giang"
  // (not those with a number, which it leaves out).
  var pairs = [];
  var typed = words(q);
  for (var p = 1; p < typed.length; p++) {
    if (!/^[0-9]+$/.test(typed[p - 1]) && !/^[0-9]+$/.test(typed[p])) pairs.push(typed[p - 1] + "_" + typed[p]);
  }
  var dir = me.getAttribute("data-index").replace(/index\.json$/, "");
  var n = +me.getAttribute("data-buckets") || 1;
  var shard = +me.getAttribute("data-shard") || 16;
  // From a disk or USB stick (file://) the index cannot be read.
  var offline = location.protocol === "file:";

  // Each shard fetched once.
  var shards = {};
  function records(s) {
    return shards[s] || (shards[s] = getJSON(dir + "bai/" + s + ".json"));
  }
  // The ranked hits; the first page's shards asked for at once.
  var ranked = null;
  if (q && terms.length && !offline) {
    var keys = terms.concat(pairs), wanted = {};
    keys.forEach(function (t) { wanted[bucketOf(t, n)] = true; });
    ranked = Promise.all(Object.keys(wanted).map(function (b) {
      return getJSON(dir + "tu/" + b + ".json").then(function (words) { return [b, words]; });
    })).then(function (buckets) {
      mark("bantin-search-buckets");
      var found = {};
      buckets.forEach(function (b) { found[b[0]] = b[1]; });
      function lists(t) {
        var parts = (found[bucketOf(t, n)][t] || "|").split("|");
        return { title: ids(parts[0]), any: ids(parts[1]) };
      }
      var hits = rank(terms.map(lists), pairs.map(lists));
      mark("bantin-search-ranked");
      hits.slice(0, PAGE).forEach(function (id) { records(Math.floor(id / shard)).catch(function () {}); });
      return hits;
    });
    ranked.catch(function () {});
  }

  var list, status, more, base, cats = [];
  function start() {
    list = document.getElementById("search-results");
    status = document.getElementById("search-status");
    more = document.getElementById("search-more");
    var input = document.getElementById("q");
    if (!list || !input) return;
    if (offline) {
      status.textContent = "Tìm kiếm chỉ dùng được khi bản tin được mở qua mạng (trên trang web của phường). " +
        "Khi mở từ ổ đĩa hoặc USB, hãy tìm tin theo chuyên mục trên thanh menu hoặc ở trang Lưu trữ.";
      status.className += " search-offline";
      return;
    }
    input.value = q;
    if (!q) return;
    document.title = q + " - " + document.title;
    if (!terms.length) { status.textContent = "Hãy gõ một từ khóa có chữ hoặc số."; return; }
    status.textContent = "Đang tìm…";
    base = list.getAttribute("data-base") || "/";
    var lines = (list.getAttribute("data-categories") || "").split("\n");
    for (var c = 0; c + 1 < lines.length; c += 2) cats.push([lines[c], lines[c + 1]]);
    ranked.then(show).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại sau."; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  // Articles with every term: one in the title counts 10, elsewhere 1; a
  // pair of the query's words side by side adds 20, in the title 30 more
  // ("Đức Giang" in a body ranks above "giảng" in a title); newest first.
  function rank(postings, phrases) {
    var size = 0;
    postings.concat(phrases).forEach(function (p) {
      if (p.any.length) size = Math.max(size, p.any[p.any.length - 1] + 1);
    });
    var count = new Uint16Array(size), score = new Int32Array(size);
    function add(p, title, any, counted) {
      var i, id;
      for (i = 0; i < p.any.length; i++) {
        id = p.any[i];
        score[id] += any;
        if (counted) count[id]++;
      }
      for (i = 0; i < p.title.length; i++) score[p.title[i]] += title - any;
    }
    postings.forEach(function (p) { add(p, 10, 1, true); });
    phrases.forEach(function (p) { add(p, 50, 20, false); });
    // Sorted as numbers, (best score first, then lowest id) in one key.
    var top = 10 * postings.length + 50 * phrases.length + 1, keys = [], id;
    for (id = 0; id < size; id++) if (count[id] === postings.length) keys.push((top - score[id]) * size + id);
    keys = Float64Array.from(keys).sort();
    var hits = new Array(keys.length);
    for (var i = 0; i < keys.length; i++) hits[i] = keys[i] % size;
    return hits;
  }

  function url(a) {
    if (typeof a[1] == "string" && a[1]) return base + a[1];
    var cat = cats[a[3]] || ["", base];
    return cat[1] + fold(a[0]).split(/[^a-z0-9]+/).filter(Boolean).join("-").slice(0, a[1] || undefined) + "/";
  }
  function item(a) {
    var cat = cats[a[3]] || ["", base];
    return '<li><h2 elementtiming="search-result"><a href="' + esc(url(a)) + '">' + marked(a[0], terms) + "</a></h2>" +
      '<p class="card-meta"><a href="' + esc(cat[1]) + '">' + esc(cat[0]) +
      '</a> <span aria-hidden="true">·</span> <span class="date">' + esc(a[2]) + "</span></p>" +
      '<p class="snippet">' + marked(a[4] || "", terms) + "</p></li>";
  }

  function show(hits) {
    var shown = 0, got = {};
    // The records of hits[from, to), their shards fetched all at once.
    function load(from, to) {
      var need = {};
      hits.slice(from, to).forEach(function (id) { need[Math.floor(id / shard)] = true; });
      return Promise.all(Object.keys(need).map(function (s) {
        return records(s).then(function (r) { got[s] = r; });
      }));
    }
    function next() {
      var from = shown, to = Math.min(hits.length, shown + PAGE);
      return load(from, to).then(function () {
        mark("bantin-search-data");
        var html = "";
        hits.slice(from, to).forEach(function (id) { html += item(got[Math.floor(id / shard)][id % shard]); });
        list.insertAdjacentHTML("beforeend", html);
        shown = to;
        if (more) more.hidden = shown >= hits.length;
        mark("bantin-search-shown");
        // Painted: now lay out what that frame left out (style.css).
        requestAnimationFrame(function () { setTimeout(function () { mark("bantin-search-painted"); list.className += " whole"; }, 0); });
      });
    }
    if (more) more.addEventListener("click", function () {
      var first = shown;
      next().then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    return next().then(function () {
      status.textContent = hits.length
        ? "Tìm thấy " + hits.length + " bài cho “" + q + "”."
        : "Không tìm thấy bài nào cho “" + q + "”. Hãy thử từ khóa khác, có dấu hoặc không dấu.";
    });
  }
})();
