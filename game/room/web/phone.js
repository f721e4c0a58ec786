// The phone page of a gutskin classroom game: join with a name, answer
// each question, see the reveal with its explanation and sources. The
// game on the teacher's computer serves this page and decides everything;
// the page only shows its view (GET /api/events) and posts answers.
"use strict";
(function () {
  var params = new URLSearchParams(location.search);
  var code = (params.get("code") || "").trim().toUpperCase();
  var app = document.getElementById("app");
  var live = document.getElementById("live");
  var msg = document.getElementById("msg");
  var who = document.getElementById("who");
  var conn = document.getElementById("conn");
  var view = null;     // the last view from the game
  var shown = "";      // what is on screen: screen + question, to keep a half-made answer
  var draft = null;    // the answer being made
  var stream = null;
  var timer = null;
  var deadline = 0;
  var pending = false; // an answer is on its way

  function tokenKey() { return "gutskin-token-" + code; }
  function token() { try { return localStorage.getItem(tokenKey()) || ""; } catch (e) { return ""; } }
  function setToken(t) { try { localStorage.setItem(tokenKey(), t); } catch (e) { /* private mode: this tab only */ } }

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "on") e.addEventListener("click", attrs[k]);
      else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 30); }
  function error(text) { msg.textContent = text || ""; }

  function api(path, body) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) { j.status = r.status; return j; });
      });
  }

  // Joining.
  function askCode() {
    app.replaceChildren(
      el("h1", { text: "Join the class quiz" }),
      el("label", { for: "code", text: "Room code (on the projector)" }),
      el("input", { id: "code", autocomplete: "off", autocapitalize: "characters", maxlength: "8", inputmode: "text" }),
      el("button", { id: "go", class: "primary", type: "button", on: function () {
        var c = document.getElementById("code").value.trim().toUpperCase();
        if (c) { location.search = "?code=" + encodeURIComponent(c); }
      }, text: "Next" }));
  }

  function askName(v) {
    var kids = [
      el("h1", { text: "Join the class quiz" }),
      el("label", { for: "name", text: "Your name" }),
      el("input", { id: "name", autocomplete: "nickname", maxlength: "24", enterkeyhint: "go" })];
    if (v.teams && v.teams.length) {
      var sel = el("select", { id: "team" }, [el("option", { value: "-1", text: "Any team" })]);
      v.teams.forEach(function (t, i) { sel.appendChild(el("option", { value: String(i), text: t })); });
      kids.push(el("label", { for: "team", text: "Your team" }), sel);
    }
    if (v.closed) kids.push(el("p", { class: "muted", text: "The room is closed to new players." }));
    kids.push(el("button", { id: "join", class: "primary", type: "button", on: join, text: "Join" }));
    app.replaceChildren.apply(app, kids);
    document.getElementById("name").addEventListener("keydown", function (e) { if (e.key === "Enter") join(); });
    document.getElementById("name").focus();
  }

  function join() {
    var name = document.getElementById("name").value;
    var t = document.getElementById("team");
    var body = { code: code, name: name };
    if (t) body.team = parseInt(t.value, 10);
    api("/api/join", body).then(function (r) {
      if (r.status !== 200) { error(r.error || "Could not join"); return; }
      error("");
      setToken(r.token);
      connect();
    }, function () { error("No connection to the game: is this phone on the classroom's Wi-Fi?"); });
  }

  // The live view.
  function connect() {
    if (stream) stream.close();
    stream = new EventSource("/api/events?code=" + encodeURIComponent(code) + "&token=" + encodeURIComponent(token()));
    stream.onmessage = function (e) { conn.hidden = true; render(JSON.parse(e.data)); };
    stream.onerror = function () { conn.hidden = false; };
  }

  function render(v) {
    view = v;
    who.textContent = v.name ? v.name + (v.team ? " · " + v.team : "") : "";
    var key = v.screen + "/" + (v.number || 0) + "/" + (v.feedback ? v.feedback.index : "");
    var again = key === shown;
    shown = key;
    if (v.screen === "question") {
      if (!again) { error(""); draft = startDraft(v.question, v.yours); renderQuestion(v); say("Question " + v.number + " of " + v.total + ": " + v.question.prompt); }
      else {
        if (!v.yours && draft.sent && !pending) draft.sent = false; // the game has no answer from this phone (it restarted)
        updateQuestion(v);
      }
      return;
    }
    stopTimer();
    if (again && v.screen === "lobby") { updateLobby(v); return; }
    if (again) return;
    switch (v.screen) {
      case "lobby":
        if (!v.name) { askName(v); return; }
        app.replaceChildren(el("h1", { text: "You're in, " + v.name + "!" }),
          el("p", { text: "Look at the projector: the quiz starts when your teacher is ready." }),
          el("p", { id: "count", class: "muted" }));
        updateLobby(v);
        say("Joined as " + v.name);
        break;
      case "locked":
        app.replaceChildren(el("h1", { text: "Answers are locked" }), el("p", { class: "muted", text: "Look at the projector." }));
        say("Answers are locked");
        break;
      case "reveal":
      case "board":
        renderFeedback(v);
        break;
      case "results":
        renderResults(v);
        break;
      case "removed":
        try { localStorage.removeItem(tokenKey()); } catch (e) { /* nothing kept */ }
        if (stream) stream.close();
        app.replaceChildren(el("h1", { text: "You were removed from this game" }), el("p", { text: "Ask your teacher if this is a mistake." }));
        say("You were removed from this game");
        break;
    }
    app.focus();
  }

  function updateLobby(v) {
    var c = document.getElementById("count");
    if (c) c.textContent = v.of + (v.of === 1 ? " player" : " players") + " in the room";
  }

  // Questions.
  function startDraft(q, yours) {
    var d = { choices: [], order: [], match: [], value: null, confidence: 0, sent: !!yours };
    if (yours && yours.index === q.index) {
      d.choices = (yours.choices || []).slice();
      d.order = (yours.order || []).slice();
      d.match = (yours.match || []).slice();
      if (yours.has_value) d.value = yours.value;
      d.confidence = yours.confidence || 0;
    }
    if (q.type === "match" && !d.match.length) d.match = q.lefts.map(function () { return -1; });
    return d;
  }

  function complete(q) {
    switch (q.type) {
      case "single": case "truefalse": return draft.choices.length === 1;
      case "multi": return draft.choices.length > 0;
      case "order": return draft.order.length === q.steps.length;
      case "match": return draft.match.some(function (m) { return m >= 0; });
      case "estimate": return draft.value !== null && isFinite(draft.value);
    }
    return false;
  }

  function send() {
    var q = view.question;
    if (!complete(q)) { error("Finish your answer first"); return; }
    if (q.confidence && !draft.confidence) { error("Say how sure you are"); return; }
    var a = { index: q.index };
    if (q.type === "single" || q.type === "truefalse" || q.type === "multi") a.choices = draft.choices;
    if (q.type === "order") a.order = draft.order;
    if (q.type === "match") a.match = draft.match;
    if (q.type === "estimate") { a.value = draft.value; a.has_value = true; }
    if (q.confidence) a.confidence = draft.confidence;
    pending = true;
    api("/api/answer", { code: code, token: token(), answer: a }).then(function (r) {
      pending = false;
      if (r.status === 200) { error(""); draft.sent = true; updateQuestion(view); say("Answer sent. You can change it until the answers lock."); }
      else { error(r.error || "The answer was not taken"); say(r.error || "The answer was not taken"); }
    }, function () { pending = false; error("Not sent: no connection to the game"); });
  }

  function choiceButton(c, pressed, onTap) {
    return el("button", { type: "button", class: "choice", "data-index": c.index, "aria-pressed": pressed ? "true" : "false", on: onTap },
      [el("span", { class: "badge", "aria-hidden": "true", text: c.letter || "" }), el("span", { text: (c.letter ? c.letter + ". " : "") + c.text })]);
  }

  function renderQuestion(v) {
    var q = v.question;
    var kids = [
      el("p", { class: "muted" }, ["Question " + v.number + " of " + v.total + " ", el("span", { id: "timer", class: "timer" })]),
      el("h1", { id: "prompt", text: q.prompt }),
      el("div", { id: "answer" }),
      el("div", { id: "confidence" }),
      el("button", { id: "send", class: "primary", type: "button", on: send, text: "Send answer" }),
      el("p", { id: "state", class: "muted" })];
    app.replaceChildren.apply(app, kids);
    drawAnswer(q);
    updateQuestion(v);
  }

  function drawAnswer(q) {
    var box = document.getElementById("answer");
    var parts = [];
    if (q.type === "single" || q.type === "truefalse" || q.type === "multi") {
      if (q.type === "multi") parts.push(el("p", { class: "muted", text: "Tick all that apply." }));
      q.choices.forEach(function (c) {
        var on = draft.choices.indexOf(c.index) >= 0;
        parts.push(choiceButton(c, on, function () {
          if (q.type === "multi") {
            var i = draft.choices.indexOf(c.index);
            if (i >= 0) draft.choices.splice(i, 1); else draft.choices.push(c.index);
          } else draft.choices = [c.index];
          draft.sent = false;
          drawAnswer(q);
          if (q.type !== "multi" && !q.confidence) send();
        }));
      });
    } else if (q.type === "order") {
      parts.push(el("p", { class: "muted", text: "Tap the steps from first to last. Tap a placed step to take it back." }));
      var placed = el("ol", { class: "placed", "aria-label": "Your order" });
      draft.order.forEach(function (si, k) {
        var s = q.steps.filter(function (x) { return x.index === si; })[0];
        placed.appendChild(el("li", {}, [el("button", { type: "button", class: "placed-step", "data-index": si, on: function () {
          draft.order.splice(k, 1); draft.sent = false; drawAnswer(q);
        } }, [el("span", { class: "badge", "aria-hidden": "true", text: String(k + 1) }), el("span", { text: (k + 1) + ". " + s.text })])]));
      });
      parts.push(placed);
      var left = q.steps.filter(function (s) { return draft.order.indexOf(s.index) < 0; });
      if (left.length) parts.push(el("h2", { text: "Steps to place" }));
      left.forEach(function (s) {
        parts.push(el("button", { type: "button", class: "step", "data-index": s.index, on: function () {
          draft.order.push(s.index); draft.sent = false; drawAnswer(q);
        } }, [el("span", { class: "badge", "aria-hidden": "true", text: "+" }), el("span", { text: s.text })]));
      });
    } else if (q.type === "match") {
      q.lefts.forEach(function (l, i) {
        var sel = el("select", { id: "match-" + i, "data-left": i }, [el("option", { value: "-1", text: "Choose…" })]);
        q.rights.forEach(function (r) {
          sel.appendChild(el("option", { value: String(r.index), text: r.letter + ". " + r.text, selected: draft.match[i] === r.index }));
        });
        sel.addEventListener("change", function () { draft.match[i] = parseInt(sel.value, 10); draft.sent = false; updateQuestion(view); });
        parts.push(el("label", { for: "match-" + i, text: l }), sel);
      });
    } else if (q.type === "estimate") {
      var e = q.estimate;
      var toSlider = function (x) { return e.log ? Math.log10(x) : x; };
      var fromSlider = function (s) { return e.log ? Math.pow(10, s) : s; };
      var lo = toSlider(e.min), hi = toSlider(e.max);
      var start = draft.value !== null ? draft.value : fromSlider((lo + hi) / 2);
      var range = el("input", { id: "slider", type: "range", min: String(lo), max: String(hi),
        step: e.log ? String((hi - lo) / 1000) : String(e.step || (hi - lo) / 1000), value: String(toSlider(start)),
        "aria-label": "Your estimate on a slider" + (e.log ? " (each step multiplies)" : "") });
      var num = el("input", { id: "value", type: "text", inputmode: "decimal", value: draft.value !== null ? fmt(draft.value) : "" });
      range.addEventListener("input", function () {
        draft.value = round(fromSlider(parseFloat(range.value)), e);
        num.value = fmt(draft.value); draft.sent = false; updateQuestion(view);
      });
      num.addEventListener("input", function () {
        var x = parseFloat(num.value.replace(/[\s,]/g, "").replace(/×10\^?/, "e"));
        draft.value = isFinite(x) && x >= e.min && x <= e.max ? x : null;
        if (draft.value !== null) range.value = String(toSlider(draft.value));
        draft.sent = false; updateQuestion(view);
      });
      parts.push(el("label", { for: "value", text: "Your estimate" + (e.unit ? " (" + e.unit + ")" : "") }), num,
        el("p", { class: "muted", text: "From " + fmt(e.min) + " to " + fmt(e.max) + (e.log ? ", each notch of the slider multiplies" : "") }),
        range);
    }
    box.replaceChildren.apply(box, parts);
    drawConfidence(q);
    updateQuestion(view);
  }

  function round(x, e) {
    if (!e.log && e.step) return Math.round(x / e.step) * e.step;
    var p = Math.pow(10, Math.floor(Math.log10(Math.abs(x) || 1)) - 2);
    return Math.round(x / p) * p;
  }
  function fmt(x) {
    if (Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-3 && x !== 0)) return x.toExponential(2).replace("e+", "e");
    return String(Math.round(x * 1000) / 1000);
  }

  function drawConfidence(q) {
    var box = document.getElementById("confidence");
    if (!q.confidence) { box.replaceChildren(); return; }
    var levels = [[1, "Unsure"], [2, "Fairly sure"], [3, "Sure"]];
    var row = el("div", { class: "row", role: "group", "aria-label": "How sure are you?" });
    levels.forEach(function (l) {
      row.appendChild(el("button", { type: "button", class: "confidence", "data-level": l[0], "aria-pressed": draft.confidence === l[0] ? "true" : "false",
        on: function () { draft.confidence = l[0]; draft.sent = false; drawConfidence(q); updateQuestion(view); } }, [l[1]]));
    });
    box.replaceChildren(el("h2", { text: "How sure are you?" }), row,
      el("p", { class: "muted", text: "Sure: +300 if right, −600 if wrong. Fairly sure: +200 or −200. Unsure: +100 or 0." }));
  }

  function updateQuestion(v) {
    var q = v.question;
    var b = document.getElementById("send");
    var st = document.getElementById("state");
    if (!b || !st) return;
    b.disabled = !complete(q) || (q.confidence && !draft.confidence);
    b.textContent = draft.sent ? "Change answer" : "Send answer";
    st.textContent = (draft.sent ? "Answer sent: you can change it until the lock. " : "") + v.answered + " of " + v.of + " answered" +
      (v.paused ? " · paused" : "");
    st.className = draft.sent ? "sent" : "muted";
    if (q.limit_ms) startTimer(q.running, q.left_ms); else stopTimer();
  }

  function startTimer(running, left) {
    deadline = Date.now() + left;
    var t = document.getElementById("timer");
    var tick = function () {
      if (!t) return;
      var s = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      t.textContent = running ? "· " + s + " s left" : "· " + s + " s";
    };
    tick();
    if (timer) clearInterval(timer);
    timer = running ? setInterval(tick, 250) : null;
  }
  function stopTimer() { if (timer) clearInterval(timer); timer = null; }

  // After the reveal.
  function feedbackCard(f, heading) {
    var verdict = !f.answered ? ["No answer", "wrong"] : f.correct ? ["Right!", "right"] : f.partly ? ["Partly right", "partly"] : ["Not this time", "wrong"];
    var kids = [];
    if (heading) kids.push(el("h2", { text: heading }));
    kids.push(el("p", { class: "verdict " + verdict[1], text: verdict[0] }),
      el("p", { text: (f.points > 0 ? "+" : "") + f.points + " points" }));
    if (f.yours) kids.push(el("p", {}, ["Your answer: ", el("strong", { text: f.yours })]));
    kids.push(el("p", {}, ["Right answer: ", el("strong", { class: "right-answer", text: f.right })]),
      el("p", { class: "explanation", text: f.explanation }),
      el("p", {}, ["Evidence: ", el("span", { class: "evidence", text: f.evidence })]));
    if (f.sources && f.sources.length) {
      var ul = el("ul", { class: "sources", "aria-label": "Sources" });
      f.sources.forEach(function (s) {
        var li = el("li", {}, [el("span", { text: s.citation })]);
        if (s.summary) li.appendChild(el("div", { class: "muted summary", text: s.summary }));
        if (s.link) li.appendChild(el("div", {}, [el("a", { href: s.link, rel: "noreferrer", target: "_blank", text: s.link })]));
        ul.appendChild(li);
      });
      kids.push(el("h2", { text: "Source" }), ul);
    }
    return el("section", { class: "card feedback" }, kids);
  }

  function renderFeedback(v) {
    var f = v.feedback;
    var kids = [el("p", { class: "muted", text: "Question " + v.number + " of " + v.total }), el("h1", { text: f ? f.prompt : "" })];
    if (f) kids.push(feedbackCard(f));
    if (v.screen === "board") kids.push(el("p", { class: "big", text: "You are number " + v.rank + " of " + v.of }));
    kids.push(el("p", { class: "muted", text: v.points + " points so far" }));
    app.replaceChildren.apply(app, kids);
    if (f) say((f.correct ? "Right. " : f.partly ? "Partly right. " : "Not right. ") + f.points + " points. The right answer: " + f.right);
  }

  function renderResults(v) {
    var kids = [el("h1", { text: "The end" }),
      el("p", { class: "big", id: "rank", text: "Number " + v.rank + " of " + v.of }),
      el("p", { text: v.points + " points" })];
    if (v.missed && v.missed.length) {
      kids.push(el("h2", { text: "Questions to look at again" }));
      v.missed.forEach(function (f) { kids.push(feedbackCard(f, f.prompt)); });
    } else kids.push(el("p", { text: "You missed no question." }));
    app.replaceChildren.apply(app, kids);
    say("The end. You are number " + v.rank + " of " + v.of + " with " + v.points + " points.");
  }

  // Start: without a code ask for it; without a token, ask for a name.
  if (!code) { askCode(); return; }
  if (token()) { connect(); return; }
  fetch("/api/state?code=" + encodeURIComponent(code)).then(function (r) {
    if (r.status === 403) { error("Wrong room code: check the projector"); askCode(); return null; }
    return r.json();
  }).then(function (v) { if (v) askName(v); }, function () { error("No connection to the game: is this phone on the classroom's Wi-Fi?"); });
})();
