// Before/after comparisons (templates/includes/compare.html): the two images side by side become one
// laid over the other, with a range input that reveals the "after" image from the left. The range is
// a native control, so it works by keyboard (arrows, Home, End) and says its value to screen readers.
(function () {
  "use strict";

  function enhance(figure) {
    var pair = figure.querySelector(".compare__pair");
    if (!pair || pair.children.length !== 2) return;
    var range = document.createElement("input");
    range.type = "range";
    range.min = "0";
    range.max = "100";
    range.value = "50";
    range.className = "compare__range";
    range.setAttribute("aria-label", figure.dataset.sliderLabel || "");
    function update() {
      // The share of the "before" image still shown: "after" is clipped from the left up to here.
      figure.style.setProperty("--compare", range.value + "%");
      range.setAttribute("aria-valuetext", range.value + "%");
    }
    range.addEventListener("input", update);
    figure.classList.add("compare--slider");
    pair.insertAdjacentElement("afterend", range);
    update();
  }

  document.querySelectorAll("figure.compare").forEach(enhance);
})();
