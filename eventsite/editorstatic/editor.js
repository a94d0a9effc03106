// The editor's own script, loaded before Decap CMS (decap-cms.js).
// It reads and writes the « Champ: valeur » header our content files use (the same text an author
// writes by hand), checks what Decap cannot (an image without its description, an end before the
// start), then starts Decap with the configuration generated from the schema (editor.json).
window.CMS_MANUAL_INIT = true;

(function () {
  "use strict";

  var TIME = /^(\d{1,2})\s*(?:[hH]\s*(\d{2})?|[:.]\s*(\d{2}))$/;
  var HEADER_LINE = /^([^\s:][^:]*?)\s*:\s?(.*)$/;

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
        var data = {}, raw = [], index = 0;
        for (; index < lines.length; index += 1) {
          var line = lines[index];
          if (!line.trim()) { index += 1; break; }
          if (/^\s/.test(line) && raw.length) { raw[raw.length - 1][1] += " " + line.trim(); continue; }
          var match = HEADER_LINE.exec(line);
          if (!match) { break; }
          raw.push([match[1], match[2].trim()]);
        }
        raw.forEach(function (pair) {
          var field = bySpelling[fold(pair[0])];
          data[field ? field.key : pair[0]] = field ? readValue(field, pair[1]) : pair[1];
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

  function start(settings) {
    var formats = settings.formats;
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
