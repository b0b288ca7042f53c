// The Goldthread phone page. Text from the room is only ever set with textContent (never parsed
// as markup), so a note holding markup shows as the characters typed. Nothing is fetched from
// anywhere but the room's own server.
"use strict";

const POLL_MS = 2000;
const $ = (id) => document.getElementById(id);
const store = window.sessionStorage;

let joinSecret = null; // {token} from the QR address or {code} typed
let phoneToken = store.getItem("goldthread-phone");
let lastState = "";
let editing = null; // the note id being edited: the list is not redrawn meanwhile
const dots = {}; // option id -> dots placed on this phone, for the open vote
let dotsVote = null;
const openNotes = new Set(); // options whose theme notes are shown
let pollTimer = null;

function show(id, visible) { $(id).hidden = !visible; }

function say(text, kind) {
  const status = $("status");
  status.textContent = text;
  status.className = kind || "";
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function randomId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// One call to the room. Retries network failures (flaky wifi) when `retry` is set: notes carry
// their own id, so a retry never makes a second note.
async function api(method, path, body, retry) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (phoneToken) headers["Authorization"] = "Bearer " + phoneToken;
  const attempts = retry ? 4 : 1;
  for (let i = 0; i < attempts; i++) {
    try {
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
      });
      let data = {};
      try { data = await response.json(); } catch (e) { data = {}; }
      return { status: response.status, ok: response.ok, data };
    } catch (e) {
      if (i + 1 < attempts) await new Promise((r) => setTimeout(r, 600 * (i + 1)));
    }
  }
  return { status: 0, ok: false, data: { error: "The room does not answer. Check you are on the room's wifi." } };
}

function fillSelect(select, values) {
  while (select.options.length > 1) select.remove(1);
  for (const value of values) {
    const option = el("option", value);
    option.value = value;
    select.appendChild(option);
  }
  select.disabled = values.length === 0;
}

async function welcome() {
  const r = await api("POST", "/api/welcome", joinSecret);
  if (!r.ok) {
    say(r.data.error || "That code did not work.", "problem");
    showJoinCode();
    return;
  }
  fillSelect($("area"), r.data.areas || []);
  fillSelect($("level"), r.data.levels || []);
  say("");
  show("join-code", false);
  show("join-me", true);
  $("name").focus();
}

function showJoinCode() {
  show("join-me", false);
  show("join-code", true);
}

async function join(event) {
  event.preventDefault();
  const body = Object.assign({}, joinSecret, {
    name: $("name").value,
    area: $("area").value,
    level: $("level").value,
  });
  $("join-button").disabled = true;
  const r = await api("POST", "/api/join", body);
  $("join-button").disabled = false;
  if (!r.ok) { say(r.data.error || "Could not join.", "problem"); return; }
  phoneToken = r.data.token;
  store.setItem("goldthread-phone", phoneToken);
  history.replaceState(null, "", "/");
  say("You are in the room.", "good");
  show("join-me", false);
  await refresh();
}

async function sendNote(event) {
  if (event) event.preventDefault();
  const box = $("note-text");
  const text = box.value.trim();
  if (!text) { say("Write something first.", "problem"); return; }
  $("send-note").disabled = true;
  const r = await api("POST", "/api/notes", { client_id: randomId(), text }, true);
  $("send-note").disabled = false;
  if (!r.ok) { say(r.data.error || "The note was not sent.", "problem"); return; }
  box.value = "";
  $("my-count").textContent = String(r.data.count);
  say("Note sent ✓ (" + r.data.count + " so far)", "good");
  box.focus();
  await refresh();
}

function noteItem(note, locked) {
  const item = el("li");
  item.appendChild(el("p", note.text, "note-text"));
  const row = el("div", undefined, "row");
  const edit = el("button", "Edit", "quiet");
  edit.type = "button";
  edit.disabled = locked;
  edit.setAttribute("aria-label", "Edit note: " + note.text.slice(0, 40));
  edit.addEventListener("click", () => startEdit(item, note));
  const remove = el("button", "Delete", "quiet");
  remove.type = "button";
  remove.disabled = locked;
  remove.setAttribute("aria-label", "Delete note: " + note.text.slice(0, 40));
  remove.addEventListener("click", () => deleteNote(note));
  row.append(edit, remove);
  item.appendChild(row);
  return item;
}

function startEdit(item, note) {
  editing = note.id;
  item.replaceChildren();
  const label = el("label", "Change your note");
  const field = el("textarea");
  field.id = "edit-" + note.id;
  label.htmlFor = field.id;
  field.value = note.text;
  field.maxLength = 500;
  const row = el("div", undefined, "row");
  const save = el("button", "Save");
  save.type = "button";
  save.addEventListener("click", async () => {
    const r = await api("PUT", "/api/notes/" + note.id, { text: field.value }, true);
    say(r.ok ? "Note changed ✓" : (r.data.error || "Not changed."), r.ok ? "good" : "problem");
    if (r.ok) { editing = null; lastState = ""; await refresh(); }
  });
  const cancel = el("button", "Cancel", "quiet");
  cancel.type = "button";
  cancel.addEventListener("click", () => { editing = null; lastState = ""; refresh(); });
  row.append(save, cancel);
  item.append(label, field, row);
  field.focus();
}

async function deleteNote(note) {
  const r = await api("DELETE", "/api/notes/" + note.id, undefined, true);
  say(r.ok ? "Note deleted." : (r.data.error || "Not deleted."), r.ok ? "good" : "problem");
  lastState = "";
  await refresh();
}

function renderNotes(state) {
  $("my-count").textContent = String(state.me.notes.length);
  if (editing !== null) return;
  const list = $("my-notes");
  list.replaceChildren(...state.me.notes.map((n) => noteItem(n, state.capture_locked)));
}

function spent() { return Object.values(dots).reduce((a, b) => a + b, 0); }

function optionItem(option, vote, done) {
  const item = el("li");
  item.appendChild(el("p", option.label, "option-label"));
  const row = el("div", undefined, "dots");
  const minus = el("button", "−");
  const count = el("span", String(dots[option.id] || 0), "dot-count");
  const plus = el("button", "+");
  minus.type = plus.type = "button";
  minus.setAttribute("aria-label", "Take a dot from " + option.label);
  plus.setAttribute("aria-label", "Add a dot to " + option.label);
  count.setAttribute("aria-label", "Dots on " + option.label);
  minus.disabled = done || !dots[option.id];
  plus.disabled = done || (dots[option.id] || 0) >= vote.cap || spent() >= vote.budget;
  minus.addEventListener("click", () => { dots[option.id] = Math.max(0, (dots[option.id] || 0) - 1); renderVote(vote); });
  plus.addEventListener("click", () => { dots[option.id] = (dots[option.id] || 0) + 1; renderVote(vote); });
  row.append(minus, count, plus);
  item.appendChild(row);
  if (option.notes.length > 0) {
    const more = el("details");
    more.open = openNotes.has(option.id);
    more.addEventListener("toggle", () => { if (more.open) openNotes.add(option.id); else openNotes.delete(option.id); });
    more.appendChild(el("summary", "Its notes (" + option.notes.length + ")"));
    const list = el("ul", undefined, "theme-notes");
    for (const text of option.notes) list.appendChild(el("li", text));
    more.appendChild(list);
    item.appendChild(more);
  }
  return item;
}

function renderVote(vote) {
  if (dotsVote !== vote.id) {
    for (const key of Object.keys(dots)) delete dots[key];
    dotsVote = vote.id;
  }
  const done = vote.my_ballot !== null;
  if (done) {
    for (const key of Object.keys(dots)) delete dots[key];
    for (const line of vote.my_ballot) dots[line.option] = line.dots;
  }
  $("vote-question").textContent = vote.question;
  const left = vote.budget - spent();
  $("vote-budget").textContent = done
    ? "Your dots are in."
    : left + " of " + vote.budget + " dots left (at most " + vote.cap + " on one option).";
  $("options").replaceChildren(...vote.options.map((o) => optionItem(o, vote, done)));
  $("confirm-vote").disabled = done || spent() === 0;
  show("confirm-vote", !done);
  show("vote-done", done);
  $("vote").dataset.vote = String(vote.id);
  $("vote").currentVote = vote;
}

async function confirmVote() {
  const vote = $("vote").currentVote;
  if (!vote) return;
  const lines = Object.entries(dots).filter(([, d]) => d > 0).map(([o, d]) => ({ option: Number(o), dots: d }));
  $("confirm-vote").disabled = true;
  const r = await api("POST", "/api/ballot", { vote: vote.id, dots: lines });
  if (r.ok || r.data.code === "ballot_already_in") {
    say("Your ballot is in ✓", "good");
  } else {
    say(r.data.error || "The ballot was not taken.", "problem");
    $("confirm-vote").disabled = false;
  }
  lastState = "";
  await refresh();
}

function renderRanking(ranking) {
  $("ranking-question").textContent = ranking.question;
  $("ranking-list").replaceChildren(
    ...ranking.rows.map((row) => el("li", row.label + ": " + row.dots + (row.dots === 1 ? " dot" : " dots")))
  );
}

function render(state) {
  $("phase").textContent = state.phase;
  $("question").textContent = state.question || "Add your notes";
  $("me-name").textContent = state.me.name;
  show("me", true);
  show("capture", true);
  show("note-form", !state.capture_locked);
  show("locked", state.capture_locked);
  renderNotes(state);
  show("vote", state.vote !== null);
  if (state.vote !== null) renderVote(state.vote);
  show("ranking", state.ranking !== null);
  if (state.ranking !== null) renderRanking(state.ranking);
}

function leftRoom(message) {
  phoneToken = null;
  store.removeItem("goldthread-phone");
  for (const id of ["capture", "vote", "ranking", "me"]) show(id, false);
  say(message, "problem");
  if (joinSecret) welcome(); else showJoinCode();
}

async function refresh() {
  clearTimeout(pollTimer);
  if (!phoneToken) return;
  const r = await api("GET", "/api/state");
  if (r.ok) {
    if ($("status").textContent === "Reconnecting…") say("");
    const text = JSON.stringify(r.data);
    if (text !== lastState) { lastState = text; render(r.data); }
  } else if (r.status === 401 || r.status === 403) {
    leftRoom(r.data.error || "You are no longer in the room.");
    return;
  } else if (r.status === 0) {
    say("Reconnecting…", "problem");
  }
  // Clear again: a refresh that started meanwhile must not leave a second polling chain.
  clearTimeout(pollTimer);
  pollTimer = setTimeout(refresh, POLL_MS);
}

async function leave() {
  await api("POST", "/api/leave", {});
  leftRoom("You left the room. Scan the code to join again.");
}

function start() {
  const match = /(?:^#|&)join=([0-9a-f]{32})/.exec(location.hash);
  if (match) joinSecret = { token: match[1] };
  $("code-form").addEventListener("submit", (event) => {
    event.preventDefault();
    joinSecret = { code: $("code").value };
    welcome();
  });
  $("join-form").addEventListener("submit", join);
  $("note-form").addEventListener("submit", sendNote);
  $("note-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); sendNote(); }
  });
  $("confirm-vote").addEventListener("click", confirmVote);
  $("leave").addEventListener("click", leave);
  if (phoneToken) refresh();
  else if (joinSecret) welcome();
  else showJoinCode();
}

document.addEventListener("DOMContentLoaded", start);
