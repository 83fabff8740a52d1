// The live page: one snapshot of the window the server read from the topics, then server-sent
// events from /live/events. Plain JavaScript: no framework, no build, nothing fetched from anywhere
// but this server.
"use strict";

const TITLE = "market-milestones · live";
const MAX_ALERTS = 500;
const KINDS = ["milestone", "record"];
const DAY_MS = 86400000;

const state = {
  loaded: false,
  window: null,
  alerts: [],            // newest first
  indices: {},           // index -> { step, milestones, points, keys, headline }
  articles: {},          // article_id -> { source, title, url }
  fresh: new Set(),      // ids of alerts that arrived while the page was open, not yet seen
};

// ---- small helpers ------------------------------------------------------------------------------

const fmt = (v) => (v === null || v === undefined ? "" :
  Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 }));
const pad = (n) => String(n).padStart(2, "0");
const day = (ms) => { const d = new Date(ms); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
// A moment in local time: "14:05" today, "2025-10-27 14:05" on another day.
function stamp(ms) {
  const d = new Date(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return day(ms) === day(Date.now()) ? `today ${time}` : `${day(ms)} ${time}`;
}

// When something was published, or when it arrived if its article gives no date.
function whenText(item) {
  if (item.dated) return item.published_at.length <= 10 ? item.published_at : stamp(item.at);
  return `undated · arrived ${stamp(item.arrived_at)}`;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// An SVG shape with a tooltip (the browser shows its <title> on hover).
function titled(node, text) {
  node.append(svg("title", {}, text));
  return node;
}

function setStatus(text, cls) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = cls || "";
}

// ---- the filter, kept in the URL so a desk can bookmark its view --------------------------------

const filter = readFilter();

function readFilter() {
  const query = new URLSearchParams(location.search);
  const list = (name) => new Set(query.getAll(name).flatMap((v) => v.split(","))
    .map((v) => v.trim()).filter(Boolean));
  return { indices: list("index"), kinds: list("kind") };
}

function writeFilter() {
  const parts = [];
  if (filter.indices.size) parts.push(`index=${[...filter.indices].sort().map(encodeURIComponent).join(",")}`);
  if (filter.kinds.size) parts.push(`kind=${[...filter.kinds].sort().join(",")}`);
  history.replaceState(null, "", parts.length ? `?${parts.join("&")}` : location.pathname);
}

const showsIndex = (index) => !filter.indices.size || filter.indices.has(index);
const showsKind = (kind) => !filter.kinds.size || filter.kinds.has(kind);
const showsAlert = (a) => showsIndex(a.index) && showsKind(a.kind);

function chip(label, pressed, onClick, cls) {
  const button = el("button", { type: "button", "aria-pressed": String(pressed), "data-value": label }, label);
  if (cls) button.className = cls;
  button.addEventListener("click", onClick);
  return button;
}

function toggle(set, value) {
  if (set.has(value)) set.delete(value); else set.add(value);
  writeFilter();
  renderAll();
}

function renderChips() {
  const indices = [...new Set([...Object.keys(state.indices), ...filter.indices])].sort();
  document.getElementById("index-chips").replaceChildren(
    chip("all", !filter.indices.size, () => { filter.indices.clear(); writeFilter(); renderAll(); }, "all"),
    ...indices.map((i) => chip(i, filter.indices.has(i), () => toggle(filter.indices, i))));
  document.getElementById("kind-chips").replaceChildren(
    chip("all", !filter.kinds.size, () => { filter.kinds.clear(); writeFilter(); renderAll(); }, "all"),
    ...KINDS.map((k) => chip(k, filter.kinds.has(k), () => toggle(filter.kinds, k))));
}

// ---- sound and browser notifications: the desk's choice, remembered in this browser -------------

const prefs = { sound: loadPref("sound"), notify: loadPref("notify") };
let audio = null;

function loadPref(name) {
  try { return localStorage.getItem(`milestones.${name}`) === "on"; } catch (e) { return false; }
}

function savePref(name, on) {
  prefs[name] = on;
  try { localStorage.setItem(`milestones.${name}`, on ? "on" : "off"); } catch (e) { /* private mode */ }
}

// Browsers let a page play sound only after the person has interacted with it: a page reopened
// with sound on plays once the desk has clicked anywhere on it.
function unlockAudio() {
  if (!prefs.sound) return;
  if (!audio) audio = new AudioContext();
  if (audio.state === "suspended") audio.resume();
}

function beep() {
  unlockAudio();
  if (!audio) audio = new AudioContext();
  const t = audio.currentTime;
  [880, 1320].forEach((hz, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.12, t + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, t + i * 0.18 + 0.16);
    osc.connect(gain).connect(audio.destination);
    osc.start(t + i * 0.18);
    osc.stop(t + i * 0.18 + 0.17);
  });
}

function alertTitle(a) {
  const arrow = a.direction === "down" ? "▼" : "▲";
  return a.kind === "milestone" ? `${arrow} milestone ${fmt(a.milestone)}` : `${arrow} record`;
}

function announce(a) {
  if (!showsAlert(a)) return;
  if (prefs.sound) beep();
  if (prefs.notify && "Notification" in window && Notification.permission === "granted") {
    new Notification(`${a.index} ${alertTitle(a)}`, { body: a.sentence, tag: a.alert_id });
  }
}

function setUpPreferences() {
  const sound = document.getElementById("pref-sound");
  const notify = document.getElementById("pref-notify");
  sound.checked = prefs.sound;
  notify.checked = prefs.notify && "Notification" in window && Notification.permission === "granted";
  sound.addEventListener("change", () => {
    savePref("sound", sound.checked);
    if (sound.checked) beep();  // a click is what lets a page play sound: play one now, as a sample
  });
  notify.addEventListener("change", async () => {
    if (!notify.checked) { savePref("notify", false); return; }
    // Already allowed: remember the choice at once, so a reload straight after the click keeps it
    // (the permission request below resolves a moment later, after a reload may have begun).
    if ("Notification" in window && Notification.permission === "granted") { savePref("notify", true); return; }
    const answer = "Notification" in window ? await Notification.requestPermission() : "unsupported";
    notify.checked = answer === "granted";
    savePref("notify", notify.checked);
  });
}

// ---- alerts table -------------------------------------------------------------------------------

function alertRow(a) {
  const fresh = state.fresh.has(a.alert_id);
  const kind = el("td", {}, el("span", { class: `kind ${a.kind}` }, alertTitle(a)));
  if (a.first_time) kind.append(el("span", { class: "tag first" }, "first time"));
  if (fresh) kind.append(el("span", { class: "tag new" }, "new"));
  const source = a.source === undefined ? "source …" : (a.source || "source unknown");
  const meta = el("div", { class: "meta" }, source);
  if (a.title) {  // a link only to a web address: an article's url is text from the news, not ours
    const web = /^https?:\/\//i.test(a.url || "");
    meta.append(" · ", web ? el("a", { href: a.url, rel: "noreferrer", target: "_blank" }, a.title) : a.title);
  }
  const published = el("td", { class: "num" }, a.dated ? whenText(a) : "undated");
  if (!a.dated) published.append(el("div", { class: "meta" }, `arrived ${stamp(a.arrived_at)}`));
  const row = el("tr", { "data-alert-id": a.alert_id, "data-index": a.index, "data-kind": a.kind },
    published, el("td", {}, el("b", {}, a.index)), kind, el("td", { class: "num" }, fmt(a.level)),
    el("td", {}, el("div", { class: "evidence" }, `“${a.sentence}”`), meta));
  if (fresh) {
    row.className = "new";
    row.title = "new: click to mark it seen";
    row.addEventListener("click", () => { state.fresh.delete(a.alert_id); renderAlerts(); });
  }
  return row;
}

function renderAlerts() {
  const rows = state.alerts.filter(showsAlert).map(alertRow);
  document.querySelector("#alerts tbody").replaceChildren(...rows);
  document.getElementById("no-alerts").hidden = rows.length > 0;
  const unseen = state.alerts.filter((a) => state.fresh.has(a.alert_id) && showsAlert(a)).length;
  document.getElementById("mark-seen").hidden = unseen === 0;
  document.title = unseen ? `(${unseen}) ${TITLE}` : TITLE;
}

// ---- charts: levels on a time axis --------------------------------------------------------------

function milestoneLines(info, lo, hi, alerts) {
  const lines = new Set();
  if (info.step) {
    let k = 1;
    while ((Math.floor(hi / (info.step * k)) - Math.ceil(lo / (info.step * k)) + 1) > 6) k += 1;
    const s = info.step * k;
    for (let m = Math.ceil(lo / s) * s; m <= hi; m += s) lines.add(m);
  }
  for (const m of info.milestones || []) if (m >= lo && m <= hi) lines.add(m);
  for (const a of alerts) if (a.milestone !== null && a.milestone >= lo && a.milestone <= hi) lines.add(a.milestone);
  return [...lines].sort((x, y) => x - y);
}

function valueRange(values, info) {
  let lo = Math.min(...values), hi = Math.max(...values);
  const room = Math.max((hi - lo) * 0.12, Math.abs(hi) * 0.004, 1);
  lo -= room; hi += room;
  const candidates = [...(info.milestones || [])];
  if (info.step) candidates.push(Math.floor(lo / info.step) * info.step, Math.ceil(hi / info.step) * info.step);
  if (candidates.length && !candidates.some((m) => m >= lo && m <= hi)) {  // show the nearest milestone
    const gap = (m) => Math.min(Math.abs(m - lo), Math.abs(m - hi));
    const near = candidates.reduce((best, m) => (gap(m) < gap(best) ? m : best));
    const extra = Math.max((hi - lo) * 0.06, 1);
    if (near < lo) lo = near - extra; else hi = near + extra;
  }
  return [lo, hi];
}

// Where an alert stands on the time axis: at the point of the move that raised it, else its own date.
function alertTime(a, points) {
  const own = points.filter((p) => p.article_id === a.article_id);
  const counted = own.filter((p) => p.counted);
  const pick = (counted.length ? counted : own)[0];
  return pick ? pick.at : a.at;
}

function pointTitle(p) {
  const what = p.shape === "milestone" ? `crossed ${fmt(p.value)} (no level given)` : fmt(p.value);
  const notes = [whenText(p)];
  if (p.intraday) notes.push("intraday");
  if (!p.counted) notes.push(`not counted: ${p.why}`);
  return `${what} · ${notes.join(" · ")}\n“${p.sentence}”`;
}

function drawChart(index) {
  const info = state.indices[index];
  const points = info.points;
  const alerts = state.alerts.filter((a) => a.index === index && showsKind(a.kind));
  const W = 400, H = 190, L = 58, R = 12, T = 12, B = 30;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `${index} levels` });
  const marks = alerts.map((a) => ({ a, at: alertTime(a, points), v: a.milestone ?? a.level }));
  const values = points.map((p) => p.value).concat(marks.map((m) => m.v));
  if (info.headline) values.push(info.headline.value);
  if (!values.length) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis" }, "no level in the window yet"));
    return root;
  }
  const [lo, hi] = valueRange(values, info);
  const times = points.map((p) => p.at).concat(marks.map((m) => m.at));
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (t1 - t0 < 60000) { t0 -= DAY_MS / 2; t1 += DAY_MS / 2; }
  const x = (t) => L + ((t - t0) * (W - L - R)) / (t1 - t0);
  const y = (v) => T + ((hi - v) * (H - T - B)) / (hi - lo || 1);
  const text = (attrs, words) => svg("text", attrs, words);

  root.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "grid" }));
  const label = t1 - t0 > 3 * DAY_MS ? day : (t) => `${day(t)} ${stamp(t).slice(-5)}`;
  root.append(text({ x: L, y: H - B + 13, "text-anchor": "start", class: "axis" }, label(t0)));
  root.append(text({ x: W - R, y: H - B + 13, "text-anchor": "end", class: "axis" }, label(t1)));
  root.append(text({ x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle", class: "axis" }, "publication date →"));
  for (const v of [lo, hi]) {
    root.append(text({ x: L - 6, y: y(v) + 3, "text-anchor": "end", class: "axis" }, fmt(Math.round(v))));
  }
  for (const m of milestoneLines(info, lo, hi, alerts)) {
    root.append(svg("line", { x1: L, x2: W - R, y1: y(m), y2: y(m), class: "mline" }));
    root.append(text({ x: L + 3, y: y(m) - 3, class: "mlabel" }, fmt(m)));
  }
  // One line through the counted levels by date; undated ones are joined only among themselves
  // (dashed): an arrival time is not a publication date.
  for (const dated of [true, false]) {
    const line = points.filter((p) => p.counted && p.dated === dated).sort((p, q) => p.at - q.at);
    if (line.length < 2) continue;
    root.append(svg("path", { class: dated ? "path" : "path undated",
      d: line.map((p, i) => `${i ? "L" : "M"}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ") }));
  }
  const head = info.headline;
  for (const p of points) {
    const cls = ["pt", p.dated ? "" : "undated", p.counted ? "" : "stale",
      head && head.article_id === p.article_id && head.value === p.value ? "headline" : ""].filter(Boolean).join(" ");
    const cx = x(p.at), cy = y(p.value);
    const shape = p.shape === "milestone"
      ? svg("rect", { x: cx - 3.5, y: cy - 3.5, width: 7, height: 7, transform: `rotate(45 ${cx} ${cy})` })
      : svg("circle", { cx, cy, r: 3.6 });
    shape.setAttribute("class", cls);
    shape.setAttribute("data-key", p.key);
    root.append(titled(shape, pointTitle(p)));
  }
  for (const { a, at, v } of marks) {
    const cx = x(at), cy = y(v);
    const d = a.direction === "down" ? `M${cx},${cy + 13} l6,-9 l-12,0 z` : `M${cx},${cy - 13} l6,9 l-12,0 z`;
    const mark = svg("path", { d, class: `mark ${a.kind}`, "data-alert-id": a.alert_id });
    root.append(titled(mark, `${alertTitle(a)} · ${whenText(a)}\n“${a.sentence}”`));
  }
  return root;
}

// The index's figure as the alert rules hold it, and when it was published (or arrived).
function headline(h) {
  if (!h) return [el("div", { class: "headline" }, "—"), el("div", { class: "when" }, "no level counted yet")];
  const figure = h.relation === "at" ? fmt(h.value) : `${h.relation} ${fmt(h.value)}`;
  const when = whenText(h) + (h.intraday ? " · intraday" : "");
  return [el("div", { class: "headline", "data-value": h.value, "data-relation": h.relation, title: `“${h.sentence}”` },
    figure), el("div", { class: "when" }, when)];
}

function chartCard(index) {
  const info = state.indices[index];
  const alerts = state.alerts.filter((a) => a.index === index && showsKind(a.kind)).length;
  const sub = [info.step ? `step ${fmt(info.step)}` : "no step",
    `${info.points.length} level${info.points.length === 1 ? "" : "s"}`,
    `${alerts} alert${alerts === 1 ? "" : "s"}`];
  if (info.milestones && info.milestones.length) sub.splice(1, 0, `milestones ${info.milestones.map(fmt).join(", ")}`);
  const [figure, when] = headline(info.headline);
  return el("div", { class: "card chart", "data-index": index },
    el("div", { class: "head" }, el("h3", {}, index), figure, el("div", { class: "sub" }, sub.join(" · ")), when),
    drawChart(index));
}

const dirty = new Set();
let scheduled = false;

function redraw(index) {
  dirty.add(index);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    const box = document.getElementById("charts");
    for (const index of [...dirty].sort()) {
      const old = box.querySelector(`[data-index="${CSS.escape(index)}"]`);
      if (!showsIndex(index)) { if (old) old.remove(); continue; }
      const card = chartCard(index);
      if (old) old.replaceWith(card);
      else box.insertBefore(card, [...box.children].find((c) => c.dataset.index > index) || null);
    }
    dirty.clear();
    document.getElementById("no-levels").hidden = box.children.length > 0;
  });
}

// ---- everything on screen -----------------------------------------------------------------------

function renderBar() {
  const w = state.window;
  const shown = Object.keys(state.indices).filter(showsIndex).length;
  const total = Object.keys(state.indices).length;
  const moves = Object.values(state.indices).reduce((n, i) => n + i.points.length, 0);
  document.getElementById("window").replaceChildren(
    `the last ${w ? w.days : "?"} days: `, el("b", { id: "c-alerts" }, state.alerts.length), " alerts · ",
    el("b", { id: "c-levels" }, moves), " levels · ",
    el("b", { id: "c-indices" }, shown === total ? total : `${shown} of ${total}`), " indices");
}

function renderAll() {
  renderChips();
  renderBar();
  renderAlerts();
  document.getElementById("charts").replaceChildren();
  for (const index of Object.keys(state.indices)) redraw(index);
}

function ensureIndex(index, info) {
  if (!state.indices[index]) {
    state.indices[index] = { step: null, milestones: [], points: [], keys: new Set(), headline: null };
  }
  if (info) Object.assign(state.indices[index], { step: info.step, milestones: info.milestones });
  return state.indices[index];
}

// ---- the stream ---------------------------------------------------------------------------------

function onSnapshot(s) {
  const before = state.loaded ? new Set(state.alerts.map((a) => a.alert_id)) : null;
  state.window = s.window;
  state.alerts = s.alerts;
  state.indices = {};
  for (const [index, info] of Object.entries(s.indices)) {
    const entry = ensureIndex(index, info);
    entry.points = info.points;
    entry.keys = new Set(info.points.map((p) => p.key));
    entry.headline = info.headline;
  }
  const ids = new Set(state.alerts.map((a) => a.alert_id));
  state.fresh = new Set([...state.fresh].filter((id) => ids.has(id)));
  if (before) {  // a reconnect: alerts raised while this page was away are new to this desk
    for (const a of state.alerts) if (!before.has(a.alert_id)) { state.fresh.add(a.alert_id); announce(a); }
  }
  state.loaded = true;
  renderAll();
}

function onAlert(d) {
  const a = d.alert;
  if (state.alerts.some((x) => x.alert_id === a.alert_id)) return;
  Object.assign(a, state.articles[a.article_id] || {});
  ensureIndex(a.index, d.info);
  state.alerts.unshift(a);
  if (state.alerts.length > MAX_ALERTS) state.alerts.pop();
  state.fresh.add(a.alert_id);
  announce(a);
  renderChips();
  renderBar();
  renderAlerts();
  redraw(a.index);
}

function onMove(d) {
  const info = ensureIndex(d.index, d.info);
  if (d.point && !info.keys.has(d.point.key)) {
    info.keys.add(d.point.key);
    info.points.push(d.point);
    const cap = state.window ? state.window.levels_per_index : 500;
    if (info.points.length > cap) info.keys.delete(info.points.shift().key);
  }
  info.headline = d.headline;
  renderChips();
  renderBar();
  redraw(d.index);
}

function onArticle(d) {
  const { article_id, ...about } = d;
  state.articles[article_id] = about;
  for (const a of state.alerts) if (a.article_id === article_id) Object.assign(a, about);
  renderAlerts();
}

function connect() {
  const source = new EventSource("/live/events");
  source.addEventListener("status", (e) => setStatus(JSON.parse(e.data).status, "down"));
  source.addEventListener("snapshot", (e) => { onSnapshot(JSON.parse(e.data)); setStatus("live", "live"); });
  source.addEventListener("alert", (e) => onAlert(JSON.parse(e.data)));
  source.addEventListener("move", (e) => onMove(JSON.parse(e.data)));
  source.addEventListener("article", (e) => onArticle(JSON.parse(e.data)));
  source.addEventListener("error", () => setStatus("reconnecting…", "down"));
}

document.getElementById("mark-seen").addEventListener("click", () => { state.fresh.clear(); renderAlerts(); });
document.addEventListener("pointerdown", unlockAudio);
setUpPreferences();
renderChips();
connect();
