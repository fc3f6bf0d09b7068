// Text size (A− A A+), remembered across pages, and the print button.
(function () {
  var KEY = "bantin-co-chu";
  var root = document.documentElement;
  function apply(step) {
    step = Math.max(-2, Math.min(4, step | 0));
    root.style.setProperty("--step", String(step));
    try { localStorage.setItem(KEY, String(step)); } catch (e) {}
    return step;
  }
  var current = 0;
  try { current = parseInt(localStorage.getItem(KEY) || "0", 10) || 0; } catch (e) {}
  current = apply(current);
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("button") : null;
    if (!b) return;
    if (b.hasAttribute("data-print")) { window.print(); return; }
    var d = b.getAttribute("data-size");
    if (d === null) return;
    current = apply(d === "0" ? 0 : current + parseInt(d, 10));
  });
})();
