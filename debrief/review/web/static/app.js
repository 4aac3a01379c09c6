// The little script the pages need: evidence plays the memo from its time,
// and the correction form offers the values the chosen field takes.
(function () {
  "use strict";
  var audio = document.getElementById("memo-audio");

  function playFrom(el) {
    if (!audio) return;
    var start = parseFloat(el.getAttribute("data-start"));
    if (isNaN(start)) return;
    document.querySelectorAll(".playing").forEach(function (m) { m.classList.remove("playing"); });
    el.classList.add("playing");
    var seek = function () {
      audio.currentTime = start;
      var played = audio.play();
      if (played && played.catch) played.catch(function () { /* no sound device: the position still moves */ });
    };
    if (audio.readyState >= 1) seek(); else audio.addEventListener("loadedmetadata", seek, { once: true });
    if (audio.readyState < 1) audio.load();
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-start]");
    if (el) { event.preventDefault(); playFrom(el); }
  });
  document.addEventListener("keydown", function (event) {
    var el = event.target.closest && event.target.closest("mark[data-start]");
    if (el && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); playFrom(el); }
  });

  var field = document.getElementById("correct-field");
  var list = document.getElementById("correct-values");
  if (field && list) {
    var update = function () {
      var values = JSON.parse(field.selectedOptions[0].getAttribute("data-values") || "[]");
      list.innerHTML = "";
      values.forEach(function (v) { var o = document.createElement("option"); o.value = v; list.appendChild(o); });
    };
    field.addEventListener("change", update);
    update();
  }
})();
