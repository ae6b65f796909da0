/*
 * Drives cd4ml-tables.js in a real browser on docs/samples/ml-report.html (see check-report-tables.sh):
 * sorts the gates table by a number column both ways, sorts the checks table by name, filters it,
 * and writes what it saw as JSON into <pre id="cd4ml-browser-check"> (textContent only).
 */
(function () {
  "use strict";

  function column(table, index) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return (row.cells[index].textContent || "").trim();
    });
  }

  function visible(table) {
    return Array.prototype.filter.call(table.tBodies[0].rows, function (row) { return !row.hidden; });
  }

  function header(table, name) {
    return Array.prototype.filter.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim() === name;
    })[0];
  }

  function sorted(values, numeric, ascending) {
    var copy = values.slice();
    copy.sort(function (a, b) {
      var x = numeric ? parseFloat(a) : a.toLowerCase();
      var y = numeric ? parseFloat(b) : b.toLowerCase();
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    return JSON.stringify(copy) === JSON.stringify(values);
  }

  function run() {
    var result = { checks: [] };
    function check(name, ok, detail) {
      result.checks.push({ name: name, ok: ok, detail: detail });
    }
    var gates = document.querySelector("table[id$='-gates']");
    var candidate = header(gates, "Candidate");
    candidate.click();
    var up = column(gates, candidate.cellIndex);
    check("gates sorted by Candidate ascending", sorted(up, true, true) && candidate.getAttribute("aria-sort") === "ascending", up);
    candidate.click();
    var down = column(gates, candidate.cellIndex);
    check("gates sorted by Candidate descending", sorted(down, true, false) && candidate.getAttribute("aria-sort") === "descending", down);

    var checks = document.querySelector("table[id$='-checks']");
    var name = header(checks, "Check");
    name.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    var names = column(checks, name.cellIndex);
    check("checks sorted by Check (keyboard)", sorted(names, false, true), names);

    var input = document.querySelector("input[data-cd4ml-filter='" + checks.id + "']");
    var total = checks.tBodies[0].rows.length;
    var word = names[0].split(/[^A-Za-z0-9_]+/)[0];
    input.value = word;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    var shown = visible(checks);
    var allMatch = shown.every(function (row) { return row.textContent.toLowerCase().indexOf(word.toLowerCase()) >= 0; });
    check("filter '" + word + "' keeps only matching rows", shown.length > 0 && shown.length < total && allMatch,
      shown.length + " of " + total);
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    check("clearing the filter shows every row", visible(checks).length === total, visible(checks).length + " of " + total);

    result.passed = result.checks.every(function (c) { return c.ok; });
    var out = document.createElement("pre");
    out.id = "cd4ml-browser-check";
    out.textContent = "CD4ML-BROWSER-CHECK " + JSON.stringify(result);
    document.body.appendChild(out);
  }

  document.addEventListener("DOMContentLoaded", function () {
    try {
      run();
    } catch (e) {
      var out = document.createElement("pre");
      out.id = "cd4ml-browser-check";
      out.textContent = "CD4ML-BROWSER-CHECK " + JSON.stringify({ passed: false, error: String(e) });
      document.body.appendChild(out);
    }
  });
})();
