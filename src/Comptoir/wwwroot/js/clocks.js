// Live service-level clocks: every element with data-due counts down each second.
(function () {
  "use strict";
  function render(el) {
    var due = Date.parse(el.getAttribute("data-due"));
    if (isNaN(due)) { return; }
    if (el.getAttribute("data-paused") === "true") { return; }
    var left = due - Date.now();
    var abs = Math.abs(left);
    var hours = Math.floor(abs / 3600000);
    var minutes = Math.floor((abs % 3600000) / 60000);
    var seconds = Math.floor((abs % 60000) / 1000);
    var text = (left < 0 ? "-" : "") + hours + " h " + String(minutes).padStart(2, "0") + " min " + String(seconds).padStart(2, "0") + " s";
    el.textContent = text;
    var warning = parseInt(el.getAttribute("data-warning") || "0", 10) * 60000;
    el.classList.toggle("breached", left < 0);
    el.classList.toggle("warning", left >= 0 && left <= warning);
  }
  function tick() {
    document.querySelectorAll("[data-due]").forEach(render);
  }
  tick();
  setInterval(tick, 1000);
})();
