// Sorts a figure table by the column whose header is clicked: numbers by value (thousands separators, per cent and
// signs understood), text in the page's language order; a second click reverses. Applies to every table.data-table
// with a one-row header. Total rows (in tfoot, or tbody rows marked fw-bold) and "no data" rows stay where they are.
(function () {
  'use strict';

  function number(text) {
    var t = text.replace(/[,\s%‰元万]/g, '').replace(/^\+/, '');
    if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) {
      return null;
    }
    return parseFloat(t);
  }

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : '';
  }

  function fixed(row) {
    return row.classList.contains('fw-bold') || (row.cells.length === 1 && row.cells[0].colSpan > 1);
  }

  function sort(table, th, index) {
    var body = table.tBodies[0];
    if (!body) {
      return;
    }
    var descending = th.getAttribute('aria-sort') === 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    var movable = rows.filter(function (r) { return !fixed(r); });
    var after = rows.filter(fixed);
    var lang = document.documentElement.lang || 'zh';
    movable.sort(function (a, b) {
      var x = cellText(a, index);
      var y = cellText(b, index);
      var nx = number(x);
      var ny = number(y);
      var c;
      if (nx !== null && ny !== null) {
        c = nx - ny;
      } else if (nx !== null || ny !== null) {
        // blanks and dashes after the figures, whichever the direction
        return nx !== null ? -1 : 1;
      } else {
        c = x.localeCompare(y, lang);
      }
      return descending ? -c : c;
    });
    movable.concat(after).forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  function prepare(table) {
    if (!table.tHead || table.tHead.rows.length !== 1 || table.dataset.sortable === 'off'
        || table.dataset.sortableReady) {
      return;
    }
    table.dataset.sortableReady = 'yes';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      if (th.colSpan > 1) {
        return;
      }
      th.classList.add('sortable');
      th.setAttribute('tabindex', '0');
      th.addEventListener('click', function () { sort(table, th, index); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sort(table, th, index);
        }
      });
    });
  }

  function init(root) {
    Array.prototype.forEach.call(root.querySelectorAll('table.data-table'), prepare);
  }

  // for tables that arrive later (htmx swaps)
  window.sortableTables = { init: init };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
})();
