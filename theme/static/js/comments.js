/* Comments: click-to-load (comments plugin, partials/comments.html).
 *
 * Only pages whose build has a comment provider load this file. Nothing is
 * requested from the comment server until the reader presses "Tampilkan
 * komentar" (UU 27/2022), unless the reader ticked "Ingat pilihan saya"
 * earlier (stored in this browser's localStorage only). If the provider's
 * script fails to load, or the server sends nothing for timeout_ms (each step
 * that arrives, such as the script or the thread's settings, starts the wait
 * anew: a slow line is not a silent server), the box shows a readable message
 * and a retry button instead of staying empty. A thread that still arrives
 * after that message is shown.
 *
 * Providers: one `mounts` entry each, matching PROVIDERS in
 * plugins/comments/providers.py. A mount creates the provider's element and
 * script, and returns {ready(): has the thread appeared, progress(): how many
 * steps of loading have arrived}.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "warta.comments.autoload";
  var POLL_MS = 200;
  var TEXT = {
    loading: "Memuat komentar…",
    loaded: "Komentar dimuat.",
    retry: "Coba lagi",
    failed:
      "Komentar tidak dapat dimuat saat ini: server komentar tidak menjawab. " +
      "Silakan coba lagi nanti, atau sampaikan tanggapan melalui ",
    contact: "halaman Kontak",
    commentBox: "Komentar Anda",
  };

  function loadScript(src, attributes) {
    var script = document.createElement("script");
    Object.keys(attributes || {}).forEach(function (name) {
      script.setAttribute(name, attributes[name]);
    });
    script.src = src;
    script.async = true;
    return script;
  }

  // A stylesheet first, then `next` (also when it fails: an unstyled thread
  // beats none). Inserted once per page, in <head> like the site's own.
  function loadStylesheet(href, next) {
    if (!href || document.getElementById("isso-style")) {
      next();
      return;
    }
    var link = document.createElement("link");
    link.id = "isso-style"; // Isso adds none of its own when this exists
    link.rel = "stylesheet";
    link.href = href;
    link.addEventListener("load", next);
    link.addEventListener("error", next);
    document.head.appendChild(link);
  }

  // Isso's thread requests under way. A retry cancels them before asking
  // again: two answers would each insert every comment (Isso's own code then
  // throws on the repeated ids). Isso uses XMLHttpRequest; only GET requests
  // for the comment server's thread list are counted.
  var threadRequests = [];
  function trackThreadRequests(server) {
    if (trackThreadRequests.server) {
      return;
    }
    trackThreadRequests.server = server;
    var open = window.XMLHttpRequest.prototype.open;
    window.XMLHttpRequest.prototype.open = function (method, url) {
      if (String(method).toUpperCase() === "GET" && String(url).indexOf(server + "/?") === 0) {
        var request = this;
        threadRequests.push(request);
        request.addEventListener("loadend", function () {
          threadRequests = threadRequests.filter(function (other) {
            return other !== request;
          });
        });
      }
      return open.apply(this, arguments);
    };
  }

  // Isso's comment boxes have only a placeholder; give every one (the main
  // box and those opened by "Balas") a lasting accessible name. Reply forms
  // repeat the main form's ids (isso-postbox-author…), so their labels would
  // name the main form's fields: make their ids unique.
  // A closed thread (section data-comment-state="closed") shows its comments
  // only: Isso has no closed threads and draws its form and "Balas" links
  // anyway, which CSS alone hid (a page whose stylesheet did not load, or
  // any reader's own style, still posted through them). They are taken out.
  var replyForms = 0;
  function labelIssoForms(holder, closed) {
    function label() {
      if (closed) {
        Array.prototype.forEach.call(
          holder.querySelectorAll(".isso-postbox, a.isso-reply"),
          function (element) {
            element.remove();
          }
        );
      }
      // Isso's count heading is an <h4> right below the section's <h2>: one
      // level down for assistive technology (axe: heading-order).
      Array.prototype.forEach.call(holder.querySelectorAll("h4.isso-thread-heading"), function (h) {
        h.setAttribute("aria-level", "3");
      });
      Array.prototype.forEach.call(holder.querySelectorAll("textarea:not([aria-label])"), function (box) {
        box.setAttribute("aria-label", TEXT.commentBox);
      });
      Array.prototype.forEach.call(
        holder.querySelectorAll("#isso-root .isso-postbox:not([data-comment-ids])"),
        function (form) {
          replyForms += 1;
          form.setAttribute("data-comment-ids", "");
          Array.prototype.forEach.call(form.querySelectorAll("label[for]"), function (labelElement) {
            var field = form.querySelector("#" + labelElement.htmlFor);
            if (field) {
              field.id = labelElement.htmlFor + "-balas-" + replyForms;
              labelElement.htmlFor = field.id;
            }
          });
        }
      );
    }
    label();
    if (window.MutationObserver && !holder.getAttribute("data-comment-labelled")) {
      holder.setAttribute("data-comment-labelled", "");
      new MutationObserver(label).observe(holder, { childList: true, subtree: true });
    }
  }

  var mounts = {
    isso: function (mount, provider, thread) {
      var holder = mount.querySelector("#isso-thread");
      var sheetDone = Boolean(window.Isso);
      if (holder && window.Isso) {
        // The script already ran (a retry): ask it to fetch the thread again.
        // Isso's init() makes a new count heading but inserts it only where
        // there is none, and writes the count into the new one: call it only
        // when the server's settings never arrived (no heading yet).
        if (!holder.querySelector(".isso-thread-heading")) {
          window.Isso.init();
        }
        threadRequests.slice().forEach(function (request) {
          request.abort(); // Isso reads it as a failed request and logs it
        });
        window.Isso.fetchComments();
      } else {
        trackThreadRequests(provider.server);
        mount.textContent = "";
        holder = document.createElement("div");
        holder.id = "isso-thread";
        holder.setAttribute("data-isso-id", thread.id);
        // Isso stores the title with a new thread (else it fetches the page itself).
        holder.setAttribute("data-title", thread.title);
        mount.appendChild(holder);
        loadStylesheet(provider.stylesheet, function () {
          sheetDone = true;
          if (holder.parentNode === mount) {
            mount.appendChild(loadScript(provider.script, provider.attributes));
          }
        });
      }
      labelIssoForms(holder, thread.closed);
      function ready() {
        var heading = holder.querySelector(".isso-thread-heading");
        return Boolean(heading && heading.textContent.trim());
      }
      return {
        ready: ready,
        progress: function () {
          // The stylesheet, the script, the server's settings (Isso inserts
          // the heading), then the thread.
          return [sheetDone, window.Isso, holder.querySelector(".isso-thread-heading"), ready()]
            .filter(Boolean).length;
        },
      };
    },

    // Sketch, not tested against a Remark42 server.
    remark42: function (mount, provider, thread) {
      mount.textContent = "";
      var holder = document.createElement("div");
      holder.id = "remark42";
      mount.appendChild(holder);
      var config = {};
      Object.keys(provider.options).forEach(function (key) {
        config[key] = provider.options[key];
      });
      config.url = thread.id; // Remark42's thread key
      config.page_title = thread.title;
      window.remark_config = config;
      mount.appendChild(loadScript(provider.script, {}));
      function ready() {
        return Boolean(holder.querySelector("iframe"));
      }
      return {
        ready: ready,
        progress: function () {
          return ready() ? 1 : 0;
        },
      };
    },
  };

  function remembered() {
    try {
      return window.localStorage.getItem(STORAGE_KEY) === "1";
    } catch (error) {
      return false; // storage blocked: simply ask every time
    }
  }

  function remember(yes) {
    try {
      if (yes) {
        window.localStorage.setItem(STORAGE_KEY, "1");
      } else {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      /* storage blocked: the choice lasts for this page only */
    }
  }

  function setup(section) {
    var provider;
    try {
      provider = JSON.parse(section.getAttribute("data-comment-provider"));
    } catch (error) {
      return;
    }
    var mountProvider = provider && mounts[provider.name];
    var controls = section.querySelector("[data-comment-controls]");
    var button = section.querySelector("[data-comment-load]");
    var checkbox = section.querySelector("[data-comment-remember]");
    var status = section.querySelector("[data-comment-status]");
    var mount = section.querySelector("[data-comment-mount]");
    if (!mountProvider || !controls || !button || !status || !mount) {
      return;
    }
    var thread = {
      id: section.getAttribute("data-comment-thread"),
      title: section.getAttribute("data-comment-title") || document.title,
      closed: section.getAttribute("data-comment-state") === "closed",
    };
    var attempt = 0;

    function showStatus(text) {
      status.textContent = text;
    }

    function fail(current) {
      if (current !== attempt) {
        return; // a newer attempt is under way
      }
      section.classList.remove("comments--loading");
      section.classList.add("comments--failed");
      mount.hidden = true;
      status.textContent = TEXT.failed;
      var link = document.createElement("a");
      link.href = section.getAttribute("data-comment-contact");
      link.textContent = TEXT.contact;
      status.appendChild(link);
      status.appendChild(document.createTextNode("."));
      button.textContent = TEXT.retry;
      button.removeAttribute("aria-disabled");
      button.hidden = false;
    }

    function load() {
      if (button.getAttribute("aria-disabled") === "true") {
        return; // under way
      }
      attempt += 1;
      var current = attempt;
      // aria-disabled, not disabled: a disabled button drops the keyboard
      // focus to the top of the page.
      button.setAttribute("aria-disabled", "true");
      section.classList.remove("comments--failed");
      section.classList.add("comments--loading");
      mount.hidden = false;
      showStatus(TEXT.loading);
      var scriptFailed = false;
      // The provider's script may be inserted later (after its stylesheet):
      // listen on the mount (error events do not bubble, but are captured).
      function scriptError(event) {
        if (event.target.tagName === "SCRIPT" && current === attempt) {
          event.target.remove();
          scriptFailed = true;
          fail(current);
        }
      }
      mount.addEventListener("error", scriptError, true);
      var watch = mountProvider(mount, provider, thread);
      var budget = provider.timeout_ms || 15000;
      var steps = watch.progress();
      var quietSince = Date.now();
      var timedOut = false;
      var timer = window.setInterval(function () {
        if (current !== attempt || scriptFailed) {
          window.clearInterval(timer);
          mount.removeEventListener("error", scriptError, true);
        } else if (watch.ready()) {
          window.clearInterval(timer);
          mount.removeEventListener("error", scriptError, true);
          loaded();
        } else if (watch.progress() !== steps) {
          steps = watch.progress();
          quietSince = Date.now();
        } else if (!timedOut && Date.now() - quietSince > budget) {
          // Say so, but keep watching: a slow server may still send the thread.
          timedOut = true;
          fail(current);
        }
      }, POLL_MS);
    }

    function loaded() {
      section.classList.remove("comments--loading", "comments--failed");
      section.classList.add("comments--loaded");
      mount.hidden = false;
      var hadFocus = document.activeElement === button;
      // Gone, but its room kept (CSS: visibility), so nothing below moves up.
      button.removeAttribute("aria-disabled");
      showStatus(TEXT.loaded);
      if (hadFocus) {
        // The button is gone: the reader goes on where the thread begins.
        mount.setAttribute("tabindex", "-1");
        mount.focus();
      }
    }

    controls.hidden = false;
    if (checkbox) {
      checkbox.checked = remembered();
      checkbox.addEventListener("change", function () {
        remember(checkbox.checked);
      });
    }
    button.addEventListener("click", function () {
      if (checkbox) {
        remember(checkbox.checked);
      }
      load();
    });
    if (remembered()) {
      load();
    }
  }

  Array.prototype.forEach.call(
    document.querySelectorAll("section[data-comment-thread][data-comment-provider]"),
    setup
  );
})();
