// The editor's own script, loaded before Decap CMS (decap-cms.js).
// It reads and writes the « Champ: valeur » header our content files use (the same text an author
// writes by hand), checks what Decap cannot (an image without its description, an end before the
// start), then starts Decap with the configuration generated from the schema (editor.json).
window.CMS_MANUAL_INIT = true;

(function () {
  "use strict";

  // The same lines as plugins/event/header.py reads: « Champ : valeur », values carried on over lines
  // indented by four spaces or a tab, an optional « --- » fence, the body after the first other line.
  var TIME = /^(\d{1,2})\s*(?:[hH]\s*(\d{2})?|[:.]\s*(\d{2}))$/;
  var FIELD = /^ {0,3}(\p{L}[\p{L}\p{N}_-]*)[ \t\u00a0\u202f\u2007]*:[ \t\u00a0\u202f]*(.*?)\s*$/u;
  var CONTINUATION = /^(?: {4,}|\t)\s*(\S.*?)\s*$/;
  var FENCE = /^(?:-{3}|\.{3})\s*$/;

  function fold(name) {
    return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/-/g, "_").trim();
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function readValue(field, text) {
    if (field.multiple) {
      return text.split(",").map(function (item) { return item.trim(); }).filter(Boolean);
    }
    if (field.widget === "boolean") {
      return ["yes", "oui", "true", "1"].indexOf(text.toLowerCase()) >= 0;
    }
    if (field.widget === "number") {
      return /^-?\d+$/.test(text) ? parseInt(text, 10) : text;
    }
    if (field.widget === "select") {
      // « Ateliers » or « atelier » (the label shown, singular or plural) stands for its value « workshop ».
      var wanted = fold(text);
      var found = field.options.filter(function (option) {
        return [fold(option[0]), fold(option[1]), fold(option[1]).replace(/s$/, "")].indexOf(wanted) >= 0;
      })[0];
      return found ? found[0] : text;
    }
    if (field.widget === "time") {
      var match = TIME.exec(text);
      return match ? pad(parseInt(match[1], 10)) + ":" + (match[2] || match[3] || "00") : text;
    }
    return text;
  }

  function writeValue(field, value) {
    if (Array.isArray(value)) {
      return value.join(", ");
    }
    if (field && field.widget === "boolean") {
      return value ? "yes" : "no";
    }
    return String(value).replace(/\s*\n\s*/g, " ").trim();
  }

  function isEmpty(value) {
    return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
  }

  function headerFormat(fields) {
    var bySpelling = {};
    fields.forEach(function (field) {
      field.spellings.forEach(function (spelling) { bySpelling[fold(spelling)] = field; });
    });
    return {
      fromFile: function (text) {
        var lines = String(text).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
        var data = {}, raw = [], index = lines.length && FENCE.test(lines[0]) ? 1 : 0;
        for (; index < lines.length; index += 1) {
          var continued = raw.length ? CONTINUATION.exec(lines[index]) : null;
          var match = FIELD.exec(lines[index]);
          if (continued) {
            raw[raw.length - 1][1] = (raw[raw.length - 1][1] + " " + continued[1]).trim();
          } else if (match) {
            raw.push([match[1], match[2]]);
          } else {
            if (FENCE.test(lines[index]) || !lines[index].trim()) { index += 1; }
            break;
          }
        }
        raw.forEach(function (pair) {
          var field = bySpelling[fold(pair[0])];
          var key = field ? field.key : pair[0];
          if (!(key in data)) { data[key] = field ? readValue(field, pair[1]) : pair[1]; }
        });
        data.body = lines.slice(index).join("\n");
        return data;
      },
      toFile: function (entry) {
        var data = entry && typeof entry.toJS === "function" ? entry.toJS() : entry;
        var known = {}, lines = [];
        fields.forEach(function (field) {
          known[field.key] = true;
          if (!isEmpty(data[field.key])) { lines.push(field.name + ": " + writeValue(field, data[field.key])); }
        });
        Object.keys(data).forEach(function (key) {
          if (!known[key] && key !== "body" && !isEmpty(data[key]) && typeof data[key] !== "object") {
            lines.push(key + ": " + writeValue(null, data[key]));
          }
        });
        var body = String(data.body || "").replace(/^\n+/, "");
        return lines.join("\n") + "\n\n" + body + (body.endsWith("\n") ? "" : "\n");
      },
    };
  }

  // What Decap cannot check by itself; the full content check still runs on every build.
  function problems(fields, data) {
    var found = [];
    fields.forEach(function (field) {
      if (field.describes && !isEmpty(data.get(field.describes)) && isEmpty(data.get(field.key))) {
        found.push("« " + field.label + " » : décrivez l'image pour qui ne la voit pas (obligatoire avec une image).");
      }
    });
    var start = data.get("start"), end = data.get("end");
    if (!isEmpty(start) && !isEmpty(end) && String(end) <= String(start)) {
      found.push("« Fin » : l'heure de fin doit être après l'heure de début.");
    }
    return found;
  }

  // For the tests: the header format, without Decap.
  window.EventsiteHeader = { headerFormat: headerFormat };

  function merged(base, changes) {
    var result = Object.assign({}, base);
    Object.keys(changes).forEach(function (key) {
      result[key] = typeof changes[key] === "object" ? merged(base[key] || {}, changes[key]) : changes[key];
    });
    return result;
  }

  function start(settings) {
    var formats = settings.formats;
    if (Object.keys(settings.phrases).length) {
      window.CMS.registerLocale("fr", merged(window.CMS.getLocale("fr"), settings.phrases));
    }
    Object.keys(formats).forEach(function (name) {
      window.CMS.registerCustomFormat(name, "md", headerFormat(formats[name]));
    });
    var formatOf = {};
    settings.config.collections.forEach(function (collection) { formatOf[collection.name] = collection.format; });
    window.CMS.registerEventListener({
      name: "preSave",
      handler: function (event) {
        var entry = event.entry;
        var found = problems(formats[formatOf[entry.get("collection")]] || [], entry.get("data"));
        if (found.length) { throw new Error(found.join(" ")); }
        return entry.get("data");
      },
    });
    window.CMS.init({ config: settings.config });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fetch("editor.json", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(start)
      .catch(function (error) {
        document.body.textContent = "L'éditeur n'a pas pu démarrer : " + error + ". Relancez « invoke edit ».";
      });
  });
})();
