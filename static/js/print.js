// The printed sheet's "Cetak" button (an inline handler would break the page's CSP).
(function () {
  "use strict";
  var b = document.getElementById("print-now");
  if (b) { b.addEventListener("click", function () { window.print(); }); }
})();
