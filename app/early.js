// A tap on one of the page's buttons before the app runs it is kept, and replayed by the
// app once it does (start.rs): the server's page shows at once, and a quick "Salva" is not
// lost. Links and the filter form work without the app and are left alone.
window.sitoEarlyTaps = [];
document.addEventListener("click", function (event) {
  if (document.documentElement.dataset.app) return;
  var button = event.target.closest && event.target.closest("button");
  if (!button || button.form && button.form.getAttribute("method") === "get") return;
  event.preventDefault();
  window.sitoEarlyTaps.push(button);
}, true);
// The first time the service worker is active, everything is precached (Workbox installs it
// only then): the page marks it, once per phone, for the app to say so.
if ("serviceWorker" in navigator) {
  addEventListener("load", function () {
    var told = true;
    try { told = !!navigator.serviceWorker.controller || !!localStorage.getItem("sito-offline"); } catch (e) {}
    navigator.serviceWorker.register("/sw.js");
    if (told) return;
    navigator.serviceWorker.ready.then(function () {
      try { localStorage.setItem("sito-offline", "pronta"); } catch (e) {}
      document.documentElement.setAttribute("data-offline", "pronta");
      dispatchEvent(new Event("sito-offline-pronta"));
    });
  });
}
