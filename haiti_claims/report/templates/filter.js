(function () {
  "use strict";
  var form = document.getElementById("claim-filter");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#claim-table tbody tr"));
  var count = document.getElementById("claim-count");
  var params = new URLSearchParams(window.location.search);
  function apply() {
    var doc = form.elements.doc.value, kind = form.elements.kind.value, shown = 0;
    rows.forEach(function (row) {
      var show = (!doc || row.dataset.doc === doc) && (!kind || row.dataset.kind === kind);
      row.hidden = !show;
      shown += show ? 1 : 0;
    });
    count.textContent = shown + " of " + rows.length + " claims shown";
  }
  form.elements.doc.value = params.get("doc") || "";
  form.elements.kind.value = params.get("kind") || "";
  if (form.elements.doc.selectedIndex < 0) { form.elements.doc.value = ""; }
  if (form.elements.kind.selectedIndex < 0) { form.elements.kind.value = ""; }
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
})();
