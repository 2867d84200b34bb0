/* "Salin tautan": a copy-link button added to the share list of an article.
   Progressive enhancement: without JavaScript or without the Clipboard API
   the plain share links stay as they are and no button appears.
   The result is announced in an aria-live region for screen readers. */
(function () {
  "use strict";
  var list = document.querySelector(".share__list");
  var ready = list && navigator.clipboard && window.isSecureContext;
  if (!ready || list.querySelector(".share__copy")) {
    return;
  }
  var canonical = document.querySelector('link[rel="canonical"]');
  var url = canonical && /^https?:/.test(canonical.href) ? canonical.href : window.location.href;

  var item = document.createElement("li");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "share__copy";
  button.textContent = "Salin tautan";
  item.appendChild(button);
  list.appendChild(item);

  var status = document.createElement("p");
  status.className = "share__status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  list.parentNode.appendChild(status);

  button.addEventListener("click", function () {
    navigator.clipboard.writeText(url).then(
      function () {
        status.textContent = "Tautan disalin";
      },
      function () {
        status.textContent = "Tautan tidak dapat disalin; salin dari bilah alamat.";
      }
    );
  });
})();
