/* Accessible lightbox for .gallery-grid: a modal <dialog> (focus kept inside by the browser),
   arrows, Escape, swipe, caption and credit; focus goes back to the thumbnail on close.
   Without JavaScript each thumbnail stays a plain link to the large JPEG. */
(function () {
  "use strict";

  function build() {
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", "Visionneuse de photos");
    dialog.innerHTML =
      '<div class="lightbox__stage">' +
      '<img class="lightbox__image" alt="">' +
      '<div class="lightbox__caption"><p class="lightbox__position" aria-live="polite"></p>' +
      '<div class="lightbox__text"></div></div></div>' +
      '<button type="button" class="lightbox__button lightbox__prev" aria-label="Photo précédente">‹</button>' +
      '<button type="button" class="lightbox__button lightbox__next" aria-label="Photo suivante">›</button>' +
      '<button type="button" class="lightbox__button lightbox__close" aria-label="Fermer">×</button>';
    document.body.appendChild(dialog);
    return dialog;
  }

  function init() {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-gallery-item]"));
    if (!links.length || typeof HTMLDialogElement !== "function") {
      return; // no gallery, or an old browser: the links keep working
    }
    var dialog = build();
    var image = dialog.querySelector(".lightbox__image");
    var position = dialog.querySelector(".lightbox__position");
    var text = dialog.querySelector(".lightbox__text");
    var group = [];
    var index = 0;
    var opener = null;
    var touchX = null;

    function show(i) {
      index = (i + group.length) % group.length;
      var link = group[index];
      var thumb = link.querySelector("img");
      var source = link.querySelector("source");
      image.src = link.href;
      image.srcset = source ? source.srcset : thumb.srcset;
      image.sizes = "100vw";
      image.alt = thumb.alt;
      position.textContent = "Photo " + (index + 1) + " sur " + group.length;
      text.textContent = "";
      var caption = link.closest("figure").querySelector("figcaption");
      if (caption) {
        Array.prototype.forEach.call(caption.childNodes, function (node) {
          text.appendChild(node.cloneNode(true));
        });
      }
      var single = group.length < 2;
      dialog.querySelector(".lightbox__prev").hidden = single;
      dialog.querySelector(".lightbox__next").hidden = single;
    }

    function open(link) {
      var list = link.closest("[data-gallery]");
      group = links.filter(function (l) { return l.closest("[data-gallery]") === list; });
      opener = link;
      show(group.indexOf(link));
      dialog.showModal();
      dialog.querySelector(".lightbox__close").focus();
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
          return; // let people open the image in a new tab
        }
        event.preventDefault();
        open(link);
      });
    });

    dialog.querySelector(".lightbox__prev").addEventListener("click", function () { show(index - 1); });
    dialog.querySelector(".lightbox__next").addEventListener("click", function () { show(index + 1); });
    dialog.querySelector(".lightbox__close").addEventListener("click", function () { dialog.close(); });

    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(index - 1); event.preventDefault(); }
      if (event.key === "ArrowRight") { show(index + 1); event.preventDefault(); }
    });

    // Escape closes a modal dialog natively ("cancel" then "close").
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      image.removeAttribute("srcset");
      if (opener) { opener.focus(); }
    });

    // A click on the dark background (not on the photo or a button) closes.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target.classList.contains("lightbox__stage")) {
        dialog.close();
      }
    });

    dialog.addEventListener("touchstart", function (event) {
      touchX = event.changedTouches[0].clientX;
    }, { passive: true });
    dialog.addEventListener("touchend", function (event) {
      if (touchX === null) { return; }
      var dx = event.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(dx) > 50) { show(dx < 0 ? index + 1 : index - 1); }
    }, { passive: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
