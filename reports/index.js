/* 规划衔接审核汇总: sort any table by a column, filter every table by level and verdict. No libraries. */
(function () {
  "use strict";

  var NUMBER = /^-?\d+(?:\.\d+)?$/;

  function key(row, column) {
    var cell = row.cells[column];
    if (!cell) {
      return "";
    }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    if (NUMBER.test(a) && NUMBER.test(b)) {
      return Number(a) - Number(b);
    }
    return a.localeCompare(b, "zh-Hans-CN");
  }

  function sortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, column) {
      th.tabIndex = 0;
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = key(x, column), b = key(y, column);
          if (a === "" || b === "") {
            return (a === "") - (b === "");  // cells without a value last, whichever the direction
          }
          return ascending ? compare(a, b) : -compare(a, b);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sort();
        }
      });
    });
  }

  function filters() {
    var level = document.querySelector("select.filter-level");
    var verdict = document.querySelector("select.filter-verdict");
    var counter = document.querySelector(".filter-count");
    var overview = document.querySelectorAll("table.overview tr.plan-row");
    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(document.querySelectorAll("tr.plan-row"), function (row) {
        var ok = (!level.value || row.getAttribute("data-level") === level.value) &&
          (!verdict.value || row.getAttribute("data-verdict") === verdict.value);
        row.hidden = !ok;
      });
      Array.prototype.forEach.call(overview, function (row) { shown += row.hidden ? 0 : 1; });
      counter.textContent = "显示 " + shown + " / " + overview.length + " 个规划";
    }
    level.addEventListener("change", apply);
    verdict.addEventListener("change", apply);
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
  filters();
})();
