// Goods rows: the search box narrows every category choice to the categories whose code, HS code, Korean or
// English name contains what is typed (a line's current choice always stays). Without this script the box stays
// hidden and the choices are the whole list, grouped by status.
(function () {
  'use strict';
  var box = document.getElementById('goods-category-search');
  if (!box) {
    return;
  }
  box.hidden = false;
  box.parentElement.hidden = false;

  box.addEventListener('input', function () {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll('select.app-goods-category').forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        var text = (option.getAttribute('data-search') || '').toLowerCase();
        option.hidden = option.value !== '' && !option.selected
            && !words.every(function (word) { return text.indexOf(word) >= 0; });
      });
    });
  });
}());
