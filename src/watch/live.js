// bantin watch: reload the page after every rebuild. Served only by
// `bantin watch`; published pages never include it.
(function () {
  var seen = null;
  function connect() {
    var es = new EventSource("/__bantin/events");
    es.addEventListener("build", function (e) {
      if (seen !== null && e.data !== seen) {
        location.reload();
      }
      seen = e.data;
    });
    es.onerror = function () {
      // The server restarted or went away: try again shortly. A new server
      // sends a new generation, so the page reloads once it is back.
      es.close();
      setTimeout(connect, 1000);
    };
  }
  connect();
})();
