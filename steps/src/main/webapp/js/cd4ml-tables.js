/*
 * Sorting and filtering for cd4ml report tables. Loaded as a static file (no inline script, CSP-safe).
 * A table opts in with class "cd4ml-table"; header cells with data-sort="text|number" sort on click;
 * an <input data-cd4ml-filter="TABLE_ID"> hides rows whose text does not contain the typed words.
 * Cell text is only read and compared (textContent), never written as HTML.
 */
(function () {
  "use strict";

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var text = cell ? (cell.getAttribute("data-value") || cell.textContent || "").trim() : "";
    if (type === "number") {
      var number = parseFloat(text.replace(/[^0-9eE+\-.]/g, ""));
      return isNaN(number) ? Number.NEGATIVE_INFINITY : number;
    }
    return text.toLowerCase();
  }

  function sortBy(table, header) {
    var index = header.cellIndex;
    var type = header.getAttribute("data-sort");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var headers = table.querySelectorAll("th[data-sort]");
    for (var i = 0; i < headers.length; i++) {
      headers[i].removeAttribute("aria-sort");
    }
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, type);
      var y = cellValue(b, index, type);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function filter(table, query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = (row.textContent || "").toLowerCase();
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  }

  function init() {
    document.querySelectorAll("table.cd4ml-table th[data-sort]").forEach(function (header) {
      header.setAttribute("tabindex", "0");
      var table = header.closest("table");
      header.addEventListener("click", function () { sortBy(table, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(table, header);
        }
      });
    });
    document.querySelectorAll("input[data-cd4ml-filter]").forEach(function (input) {
      var table = document.getElementById(input.getAttribute("data-cd4ml-filter"));
      if (table) {
        input.addEventListener("input", function () { filter(table, input.value); });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
