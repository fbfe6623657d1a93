// Check-in desk: live counts every 10 seconds, and camera scanning where the browser has
// BarcodeDetector. The page works fully without this script (scanner or typing, reload).
(function () {
  "use strict";

  var counts = document.getElementById("checkin-counts");
  if (counts && window.fetch) {
    var refresh = function () {
      fetch(counts.getAttribute("data-counts-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          counts.querySelectorAll("[data-count]").forEach(function (cell) {
            var value = data[cell.getAttribute("data-count")];
            if (typeof value === "number") { cell.textContent = String(value); }
          });
        })
        .catch(function () { /* offline for a moment: keep the last counts */ });
    };
    window.setInterval(refresh, 10000);
  }

  var form = document.getElementById("checkin-scan");
  var button = document.getElementById("checkin-camera");
  var video = document.getElementById("checkin-video");
  if (!form || !button || !video || !("BarcodeDetector" in window) ||
      !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var field = form.querySelector("input[name='code']");
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({formats: ["qr_code"]});
    navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false})
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        button.disabled = true;
        return video.play().then(function () {
          var look = function () {
            detector.detect(video).then(function (codes) {
              if (codes.length && codes[0].rawValue) {
                stream.getTracks().forEach(function (track) { track.stop(); });
                field.value = codes[0].rawValue;
                form.submit();
              } else {
                window.requestAnimationFrame(look);
              }
            }).catch(function () { window.requestAnimationFrame(look); });
          };
          look();
        });
      })
      .catch(function () { button.disabled = false; video.hidden = true; });
  });
}());
