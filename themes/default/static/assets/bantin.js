// Text size (A− A A+, remembered across pages), the print button and the
// menu button on narrow screens. The saved size is applied by a one-line
// script in <head> before the page is drawn, and the phone menu is folded
// behind its button by a one-line script right after </nav> (so the page does
// not jump when this deferred file arrives); this file handles the clicks.
(function () {
  var KEY = "bantin-co-chu";
  var root = document.documentElement;
  function saved() {
    try { return parseInt(localStorage.getItem(KEY) || "0", 10) || 0; } catch (e) { return 0; }
  }
  function apply(step) {
    step = Math.max(-2, Math.min(4, step | 0));
    root.style.setProperty("--step", String(step));
    try {
      if (step) localStorage.setItem(KEY, String(step));
      else localStorage.removeItem(KEY);
    } catch (e) {}
    return step;
  }
  var current = apply(saved());

  var nav = document.querySelector(".menu");
  var toggle = nav && nav.querySelector(".menu-toggle");
  if (toggle) {
    nav.classList.add("js");
    toggle.hidden = false;
  }
  var printButton = document.querySelector("[data-print]");
  if (printButton && window.print) printButton.hidden = false;

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("button") : null;
    if (!b) return;
    if (b === toggle) {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      return;
    }
    if (b.hasAttribute("data-print")) { window.print(); return; }
    var d = b.getAttribute("data-size");
    if (d === null) return;
    current = apply(d === "0" ? 0 : current + parseInt(d, 10));
  });
})();
