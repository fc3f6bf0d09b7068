// Offline search over bantin's static index (tim-kiem/index.json: the
// articles; tim-kiem/tu/<n>.json: buckets of a word index). Words are folded
// as bantin folds them (no accents, đ → d, lower case). ?q= is the query.
(function () {
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("q");
  var more = document.getElementById("search-more");
  if (!list || !input) return;
  // Opened from a disk or a USB stick (file://), the browser does not let
  // a page read the index files: say so, rather than fail silently.
  if (location.protocol === "file:") {
    status.textContent = "Tìm kiếm chỉ dùng được khi bản tin được mở qua mạng (trên trang web của phường). " +
      "Khi mở từ ổ đĩa hoặc USB, hãy tìm tin theo chuyên mục trên thanh menu hoặc ở trang Lưu trữ.";
    status.className += " search-offline";
    return;
  }
  if (!window.fetch) return;
  var PAGE = 20;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
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
  // "0,3,1" → [0, 3, 4]
  function ids(gaps) {
    var out = [], last = 0;
    if (!gaps) return out;
    gaps.split(",").forEach(function (g) { last += parseInt(g, 36); out.push(last); });
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

  // `text` with every whole-word occurrence of a term wrapped in <mark>
  // (a term found only as the start of a word is marked there).
  function mark(text, terms) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
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

  // About 220 characters of `text` around the first term found.
  function excerpt(text, terms) {
    text = text.replace(/\s+/g, " ").trim();
    var f = fold(text), first = -1;
    terms.forEach(function (t) {
      var at = f.indexOf(t);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first > 80 ? text.lastIndexOf(" ", first - 60) + 1 : 0;
    var end = Math.min(text.length, start + 220);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), first + 1);
    return (start > 0 ? "… " : "") + mark(text.slice(start, end), terms) + (end < text.length ? " …" : "");
  }

  function snippet(url, terms, into) {
    fetch(url).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var blocks = doc.querySelectorAll(".article-body p, .article-body li, .article-body td");
      var best = null, bestScore = 0;
      for (var i = 0; i < blocks.length; i++) {
        var f = fold(blocks[i].textContent), score = 0;
        terms.forEach(function (t) { if (f.indexOf(t) >= 0) score++; });
        if (score > bestScore) { best = blocks[i].textContent; bestScore = score; }
      }
      if (!best) {
        var d = doc.querySelector('meta[name="description"]');
        best = d ? d.getAttribute("content") : "";
      }
      if (best) into.innerHTML = excerpt(best, terms);
    }).catch(function () {});
  }

  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim();
  input.value = q;
  if (!q) return;
  document.title = q + " - " + document.title;
  var terms = words(q).filter(function (w, i, all) { return all.indexOf(w) === i; });
  if (!terms.length) { status.textContent = "Hãy gõ một từ khóa có chữ hoặc số."; return; }
  var phrase = terms.join(" ");
  status.textContent = "Đang tìm…";
  var base = list.getAttribute("data-index").replace(/index\.json$/, "");

  getJSON(base + "index.json").then(function (index) {
    var n = index.buckets || 1, wanted = {};
    terms.forEach(function (t) { wanted[bucketOf(t, n)] = true; });
    return Promise.all(Object.keys(wanted).map(function (b) {
      return getJSON(base + "tu/" + b + ".json").then(function (words) { return [b, words]; });
    })).then(function (buckets) {
      var found = {};
      buckets.forEach(function (b) { found[b[0]] = b[1]; });
      return rank(index, terms.map(function (t) {
        var entry = found[bucketOf(t, n)][t] || "|";
        var parts = entry.split("|");
        return { title: ids(parts[0]), any: ids(parts[1]) };
      }));
    }).then(function (hits) { show(index, hits); });
  }).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại sau."; });

  // Articles holding every term; title hits (and the whole phrase in the
  // title) above body hits, then newest first.
  function rank(index, postings) {
    var score = {};
    var count = {};
    postings.forEach(function (p) {
      var inTitle = {};
      p.title.forEach(function (id) { inTitle[id] = true; });
      p.any.forEach(function (id) {
        count[id] = (count[id] || 0) + 1;
        score[id] = (score[id] || 0) + (inTitle[id] ? 10 : 1);
      });
    });
    var hits = [];
    Object.keys(count).forEach(function (id) {
      if (count[id] === postings.length) hits.push(+id);
    });
    // Part of a word in a title ("dan va", "giang" in "Đức Giang") also counts.
    var seen = {};
    hits.forEach(function (id) { seen[id] = true; });
    index.articles.forEach(function (a, id) {
      if (!seen[id] && fold(a[0]).indexOf(phrase) >= 0) { hits.push(id); score[id] = 5 * terms.length; }
    });
    hits.forEach(function (id) {
      if (terms.length > 1 && fold(index.articles[id][0]).indexOf(phrase) >= 0) score[id] += 30;
    });
    hits.sort(function (a, b) { return score[b] - score[a] || a - b; });
    return hits;
  }

  function show(index, hits) {
    status.textContent = hits.length
      ? "Tìm thấy " + hits.length + " bài cho “" + q + "”."
      : "Không tìm thấy bài nào cho “" + q + "”. Hãy thử từ khóa khác, có dấu hoặc không dấu.";
    var shown = 0;
    function next() {
      hits.slice(shown, shown + PAGE).forEach(function (id) {
        var a = index.articles[id], cat = index.categories[a[3]] || ["", ""];
        var url = index.base + (typeof a[1] == "string" && a[1] ? a[1] : cat[1] + fold(a[0]).split(/[^a-z0-9]+/).filter(Boolean).join("-").slice(0, a[1] || undefined) + "/");
        var li = document.createElement("li");
        li.innerHTML = '<h2><a href="' + esc(url) + '">' + mark(a[0], terms) + "</a></h2>" +
          '<p class="card-meta"><a href="' + esc(index.base + cat[1]) + '">' + esc(cat[0]) +
          '</a> <span aria-hidden="true">·</span> <span class="date">' + esc(a[2]) + "</span></p>" +
          '<p class="snippet"></p>';
        list.appendChild(li);
        snippet(url, terms, li.querySelector(".snippet"));
      });
      shown = Math.min(hits.length, shown + PAGE);
      if (more) more.hidden = shown >= hits.length;
    }
    if (more) more.addEventListener("click", function () {
      var first = shown;
      next();
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
    next();
  }
})();
