// Offline search: loads the static index and matches accent-insensitively
// (đ → d), title hits ranked above summary hits. Reads the query from ?q=.
(function () {
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("q");
  if (!list || !input) return;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  // Mark the first hit in `text` for the folded term.
  function mark(text, term) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    }
    var at = folded.indexOf(term);
    if (at < 0 || !term) return esc(text);
    var s = map[at], e = map[at + term.length - 1] + 1;
    return esc(text.slice(0, s)) + "<mark>" + esc(text.slice(s, e)) + "</mark>" + esc(text.slice(e));
  }
  var params = new URLSearchParams(location.search);
  var q = (params.get("q") || "").trim();
  input.value = q;
  if (!q) return;
  status.textContent = "Đang tìm…";
  fetch(list.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (items) {
    var terms = fold(q).split(/\s+/).filter(Boolean);
    var phrase = terms.join(" ");
    var hits = [];
    items.forEach(function (it) {
      var t = fold(it[0]), body = fold(it[3] + " " + it[4] + " " + it[5]);
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        if (t.indexOf(terms[i]) >= 0) score += 10;
        else if (body.indexOf(terms[i]) >= 0) score += 1;
        else return;
      }
      if (t.indexOf(phrase) >= 0) score += 20;
      hits.push({ it: it, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length ? "Tìm thấy " + hits.length + " bài cho “" + q + "”." : "Không tìm thấy bài nào cho “" + q + "”.";
    list.innerHTML = hits.slice(0, 100).map(function (h) {
      var it = h.it;
      return '<li><a href="' + esc(it[1]) + '">' + mark(it[0], phrase) + "</a><br><span class=\"card-meta\">" +
        esc(it[3]) + " · " + esc(it[2]) + "</span><br>" + mark(it[4], terms[0]) + "</li>";
    }).join("");
  }).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
})();
