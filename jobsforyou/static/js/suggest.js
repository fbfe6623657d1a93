// Occupation suggestions while typing: fills the shared <datalist>; the form works without it.
(function () {
  "use strict";
  var list = document.getElementById("occupation-suggestions");
  if (!list || !window.fetch) { return; }
  var lang = document.documentElement.lang || "de";
  var timer = null;
  function update(text) {
    fetch("/api/occupations?lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(text))
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) {
        list.textContent = "";
        (data.suggestions || []).forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.label;
          list.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are a convenience only */ });
  }
  document.querySelectorAll("input[data-suggest='occupation']").forEach(function (input) {
    input.addEventListener("input", function () {
      var text = input.value.trim();
      clearTimeout(timer);
      if (text.length < 2) { return; }
      timer = setTimeout(function () { update(text); }, 200);
    });
  });
})();
