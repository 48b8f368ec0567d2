/* 衔接审核意见: table filters, sorting and the copy buttons. Inlined into the page; no libraries. */
(function () {
  "use strict";

  var NUMBER = /^-?\d+(?:\.\d+)?$/;

  function compareKeys(a, b) {
    if (NUMBER.test(a) && NUMBER.test(b)) {
      return Number(a) - Number(b);
    }
    return a.localeCompare(b, "zh-Hans-CN");
  }

  function sortKey(row, column) {
    var cell = row.cells[column];
    if (!cell) {
      return "";
    }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function initTable(wrap) {
    var table = wrap.querySelector("table.targets");
    var tbody = table && table.tBodies[0];
    if (!tbody) {
      return;
    }
    var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.target-row"));
    var empty = tbody.querySelector("tr.no-match");
    var filters = wrap.querySelector(".filters");
    var status = wrap.querySelector("select.filter-status");
    var domain = wrap.querySelector("select.filter-domain");
    var text = wrap.querySelector("input.filter-text");
    var counter = wrap.querySelector(".filter-count");

    function apply() {
      var wantStatus = status ? status.value : "";
      var wantDomain = domain ? domain.value : "";
      var query = text ? text.value.trim().toLowerCase() : "";
      var shown = 0;
      rows.forEach(function (row) {
        var visible =
          (!wantStatus || row.getAttribute("data-status") === wantStatus) &&
          (!wantDomain || row.getAttribute("data-domain") === wantDomain) &&
          (!query || row.textContent.toLowerCase().indexOf(query) !== -1);
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      if (counter) {
        counter.textContent = "显示 " + shown + " / " + rows.length + " 项";
      }
      if (empty) {
        empty.hidden = shown > 0;
      }
    }

    function sortBy(th, column) {
      var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
        cell.setAttribute("aria-sort", "none");
      });
      th.setAttribute("aria-sort", direction);
      var keyed = rows.map(function (row) {
        return { row: row, key: sortKey(row, column), index: Number(row.getAttribute("data-index")) };
      });
      keyed.sort(function (a, b) {
        var order = compareKeys(a.key, b.key);
        if (direction === "descending") {
          order = -order;
        }
        return order || a.index - b.index;
      });
      keyed.forEach(function (item) {
        tbody.appendChild(item.row);
      });
      if (empty) {
        tbody.appendChild(empty);
      }
    }

    [status, domain].forEach(function (control) {
      if (control) {
        control.addEventListener("change", apply);
      }
    });
    if (text) {
      text.addEventListener("input", apply);
    }
    Array.prototype.forEach.call(table.querySelectorAll("button.sort"), function (button) {
      button.addEventListener("click", function () {
        sortBy(button.closest("th"), Number(button.getAttribute("data-col")));
      });
    });
    if (filters) {
      filters.hidden = false;
    }
    apply();
  }

  function selectContents(node) {
    var selection = window.getSelection && window.getSelection();
    if (!selection || !node) {
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function initCopy(button) {
    var box = button.closest(".suggestion");
    var source = box && box.querySelector(".suggest-text");
    if (!source) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () {
        button.textContent = "已复制";
        window.setTimeout(function () {
          button.textContent = label;
        }, 1500);
      };
      // Clipboard access may be refused (permissions, insecure context): then select the text so
      // that Ctrl+C works, and say nothing.
      var fallback = function () {
        selectContents(source);
      };
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(source.textContent.trim()).then(done, fallback);
        } else {
          fallback();
        }
      } catch (error) {
        fallback();
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".target-table"), initTable);
    Array.prototype.forEach.call(document.querySelectorAll("button.copy"), initCopy);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
