// Live run page: follows the run's server-sent events and swaps in the server-rendered case table.
(function () {
  var root = document.querySelector('[data-live]');
  if (!root) return;
  var url = root.getAttribute('data-live');
  var source = new EventSource(url + '/events');
  var busy = false;
  function refresh() {
    if (busy) return;
    busy = true;
    fetch(url + '/fragment', { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (text) { root.innerHTML = text; if (root.querySelector('[data-done]')) source.close(); })
      .finally(function () { busy = false; });
  }
  source.addEventListener('run', refresh);
})();
