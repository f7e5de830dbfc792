// Follows the newest claims of the conflict shown over Server-Sent Events and adds them to the top of
// the list. The stream starts after the log position the page was rendered at; EventSource resumes
// with Last-Event-ID when the connection drops. Same origin: the HttpOnly cookie goes along.
// Text only (textContent), links only when http(s): everything here came from strangers' feeds.
"use strict";
(function () {
  var section = document.getElementById("newest");
  if (!section) return;
  var list = document.getElementById("newest-claims");
  var status = document.getElementById("live-status");
  var conflict = section.dataset.conflict;
  var after = section.dataset.after || "0";
  var LIMIT = 50;

  function text(tag, value, className) {
    var node = document.createElement(tag);
    node.textContent = value == null ? "" : String(value);
    if (className) node.className = className;
    return node;
  }

  function item(claim) {
    var li = document.createElement("li");
    li.dataset.claimId = claim.claim_id;
    li.className = "arrived";
    var time = text("time", claim.first_observed_at.slice(0, 16).replace("T", " "));
    time.setAttribute("datetime", claim.first_observed_at);
    li.appendChild(time);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(text("strong", claim.claimant_party || claim.claimant || "?"));
    var what = claim.kind === "casualty"
      ? " → " + (claim.side || "?") + ": " + claim.category + " " + claim.figure + " " + (claim.subject || "")
      : " ceasefire " + claim.category.replace("_", " ");
    li.appendChild(document.createTextNode(what + " "));
    li.appendChild(text("span", claim.novelty, "novelty"));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(text("q", claim.sentence));
    if (claim.url && /^https?:\/\//i.test(claim.url)) {
      var link = text("a", claim.title || "source");
      link.href = claim.url;
      link.rel = "noopener noreferrer nofollow";
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
    }
    return li;
  }

  function add(claim) {
    if (list.querySelector('[data-claim-id="' + CSS.escape(claim.claim_id) + '"]')) return;
    list.insertBefore(item(claim), list.firstChild);
    while (list.children.length > LIMIT) list.removeChild(list.lastChild);
  }

  var url = "/situation/stream?conflict=" + encodeURIComponent(conflict) + "&after=" + encodeURIComponent(after);
  var source = new EventSource(url);
  source.onopen = function () { status.textContent = "live · since " + new Date().toLocaleTimeString(); };
  source.addEventListener("claim", function (event) {
    add(JSON.parse(event.data));
    status.textContent = "live · last claim " + new Date().toLocaleTimeString();
  });
  source.onerror = function () {
    // EventSource retries by itself while the state is CONNECTING; CLOSED means it gave up (e.g. 401).
    status.textContent = source.readyState === EventSource.CLOSED ? "not updating (reload the page)" : "reconnecting…";
  };
})();
