// Polls the newest claims of the conflict shown and adds them to the top of the list.
// Text only (textContent), links only when http(s): everything here came from strangers' feeds.
"use strict";
(function () {
  var section = document.getElementById("newest");
  if (!section) return;
  var list = document.getElementById("newest-claims");
  var status = document.getElementById("live-status");
  var conflict = section.dataset.conflict;
  var after = section.dataset.after;
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

  function poll() {
    var url = "/situation/claims.json?conflict=" + encodeURIComponent(conflict);
    if (after) url += "&after=" + encodeURIComponent(after);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (body) {
        var claims = body.data || [];
        for (var i = claims.length - 1; i >= 0; i--) {
          if (!list.querySelector('[data-claim-id="' + CSS.escape(claims[i].claim_id) + '"]')) {
            list.insertBefore(item(claims[i]), list.firstChild);
          }
        }
        if (claims.length) after = claims[0].first_observed_at;
        while (list.children.length > LIMIT) list.removeChild(list.lastChild);
        status.textContent = "live · checked " + new Date().toLocaleTimeString();
      })
      .catch(function (error) { status.textContent = "not updating (" + error.message + ")"; });
  }

  var interval = Number(section.dataset.pollSeconds || 5) * 1000;
  setInterval(poll, interval);
  poll();
})();
