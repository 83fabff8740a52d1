// The live page: a snapshot, then server-sent events from /live/events. No framework, no build.
"use strict";

const MAX_ALERTS = 500;
const state = { alerts: [], ids: new Set(), indices: {} };
const fmt = (v) => (v === null || v === undefined ? "" :
  Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 }));
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};
const SVG = "http://www.w3.org/2000/svg";
const svg = (tag, attrs = {}, text) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

function setStatus(text, cls) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = cls || "";
}

function setCounts(c) {
  if (!c) return;
  document.getElementById("c-articles").textContent = c.articles_processed;
  document.getElementById("c-moves").textContent = c.moves;
  document.getElementById("c-quotes").textContent = c.quotes;
  document.getElementById("c-alerts").textContent = c.alerts;
  document.getElementById("c-dead").textContent = c.dead_lettered;
}

function ensureIndex(index, info) {
  if (!state.indices[index]) state.indices[index] = { step: null, milestones: [], levels: [] };
  if (info) Object.assign(state.indices[index], { step: info.step, milestones: info.milestones });
  return state.indices[index];
}

// ---- alerts table -------------------------------------------------------------------------------

function alertRow(a, fresh) {
  const arrow = a.direction === "down" ? "▼" : "▲";
  const what = a.kind === "milestone" ? `${arrow} milestone ${fmt(a.milestone)}` : `${arrow} record`;
  const kind = el("td", {}, el("span", { class: `kind ${a.kind} ${a.direction}` }, what));
  if (a.first_time) kind.append(el("span", { class: "badge" }, "first time"));
  const when = new Date(a.received_at * 1000).toLocaleTimeString("en-GB");
  const meta = [a.source || "source unknown", a.published_at ? `published ${a.published_at}` : "date unknown"];
  if (a.title) meta.push(a.title);
  const evidence = el("td", {}, el("div", { class: "evidence" }, `“${a.sentence}”`),
    el("div", { class: "meta" }, meta.join(" · ")));
  const row = el("tr", { "data-alert-id": a.alert_id, class: fresh ? "fresh" : "" },
    el("td", { class: "num" }, when), el("td", {}, el("b", {}, a.index)), kind,
    el("td", { class: "num" }, fmt(a.level)), evidence);
  return row;
}

function addAlert(a, fresh) {
  if (state.ids.has(a.alert_id)) return false;
  state.ids.add(a.alert_id);
  state.alerts.unshift(a);
  const body = document.querySelector("#alerts tbody");
  body.prepend(alertRow(a, fresh));
  while (state.alerts.length > MAX_ALERTS) {
    const old = state.alerts.pop();
    state.ids.delete(old.alert_id);
    body.lastElementChild && body.lastElementChild.remove();
  }
  document.getElementById("no-alerts").hidden = state.alerts.length > 0;
  return true;
}

// ---- charts -------------------------------------------------------------------------------------

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

function yRange(values, info) {
  let lo = Math.min(...values), hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.12, Math.abs(hi) * 0.004, 1);
  lo -= pad; hi += pad;
  const candidates = [...(info.milestones || [])];
  if (info.step) candidates.push(Math.floor(lo / info.step) * info.step, Math.ceil(hi / info.step) * info.step);
  const inside = candidates.some((m) => m >= lo && m <= hi);
  if (!inside && candidates.length) {  // show at least the nearest milestone
    const near = candidates.reduce((b, m) => (Math.min(Math.abs(m - lo), Math.abs(m - hi)) <
      Math.min(Math.abs(b - lo), Math.abs(b - hi)) ? m : b));
    const extra = Math.max((hi - lo) * 0.06, 1);
    if (near < lo) lo = near - extra; else hi = near + extra;
  }
  return [lo, hi];
}

function drawChart(index) {
  const info = state.indices[index];
  const alerts = state.alerts.filter((a) => a.index === index);
  const pts = info.levels;
  const W = 400, H = 180, L = 58, R = 10, T = 10, B = 22;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `${index} levels` });
  const values = pts.map((p) => p.level).concat(alerts.map((a) => a.level ?? a.milestone).filter((v) => v !== null));
  if (!values.length) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis" }, "no level reported yet"));
    return root;
  }
  const [lo, hi] = yRange(values, info);
  const n = Math.max(pts.length, 1);
  const x = (i) => (n === 1 ? (L + W - R) / 2 : L + (i * (W - L - R)) / (n - 1));
  const y = (v) => T + ((hi - v) * (H - T - B)) / (hi - lo || 1);
  root.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "grid" }));
  root.append(svg("text", { x: W - R, y: H - 6, "text-anchor": "end", class: "axis" },
    `${pts.length} level${pts.length === 1 ? "" : "s"} →`));
  for (const v of [lo, hi]) {
    root.append(svg("text", { x: L - 6, y: y(v) + 3, "text-anchor": "end", class: "axis" }, fmt(Math.round(v))));
  }
  for (const m of milestoneLines(info, lo, hi, alerts)) {
    root.append(svg("line", { x1: L, x2: W - R, y1: y(m), y2: y(m), class: "mline" }));
    root.append(svg("text", { x: L + 3, y: y(m) - 3, class: "mlabel" }, fmt(m)));
  }
  if (pts.length > 1) {
    root.append(svg("path", { class: "path",
      d: pts.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.level).toFixed(1)}`).join(" ") }));
  }
  pts.forEach((p, i) => {
    const c = svg("circle", { cx: x(i), cy: y(p.level), r: 3.2, class: p.intraday ? "pt intraday" : "pt" });
    c.append(svg("title", {}, `${fmt(p.level)}${p.intraday ? " (intraday)" : ""} · ${p.source || ""}\n${p.sentence}`));
    root.append(c);
  });
  for (const a of alerts) {
    let i = -1;
    pts.forEach((p, j) => { if (p.article_id === a.article_id && p.seq < a.seq) i = j; });
    if (i < 0) pts.forEach((p, j) => { if (p.seq < a.seq) i = j; });
    const cx = i < 0 ? W - R - 6 : x(i);
    const v = a.level ?? a.milestone;
    const cy = y(v);
    const up = a.direction !== "down";
    const d = up ? `M${cx},${cy - 12} l6,9 l-12,0 z` : `M${cx},${cy + 12} l6,-9 l-12,0 z`;
    const mark = svg("path", { d, class: `mark ${a.kind}`, "data-alert-id": a.alert_id });
    mark.append(svg("title", {}, `${a.kind === "milestone" ? "milestone " + fmt(a.milestone) : "record"} ${a.direction} · ${a.sentence}`));
    root.append(mark);
  }
  return root;
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
      const info = state.indices[index];
      let card = box.querySelector(`[data-index="${CSS.escape(index)}"]`);
      if (!card) {
        card = el("div", { class: "card chart", "data-index": index });
        const after = [...box.children].find((c) => c.dataset.index > index);
        box.insertBefore(card, after || null);
      }
      const last = info.levels.length ? info.levels[info.levels.length - 1].level : null;
      const count = state.alerts.filter((a) => a.index === index).length;
      const sub = `${info.step ? "step " + fmt(info.step) : "no step"}` +
        `${info.milestones && info.milestones.length ? " · milestones " + info.milestones.map(fmt).join(", ") : ""}` +
        ` · ${count} alert${count === 1 ? "" : "s"}`;
      card.replaceChildren(el("h3", {}, index, el("span", { class: "sub" }, sub), el("span", { class: "last" }, fmt(last))),
        drawChart(index));
    }
    dirty.clear();
  });
}

// ---- the stream ---------------------------------------------------------------------------------

function onSnapshot(s) {
  state.alerts = []; state.ids.clear(); state.indices = {};
  document.querySelector("#alerts tbody").replaceChildren();
  document.getElementById("charts").replaceChildren();
  for (const a of [...s.alerts].reverse()) addAlert(a, false);
  for (const [index, info] of Object.entries(s.indices)) {
    ensureIndex(index, info).levels = info.levels;
    redraw(index);
  }
  document.getElementById("no-alerts").hidden = state.alerts.length > 0;
  setCounts(s.counts);
}

function connect() {
  const source = new EventSource("/live/events");
  source.addEventListener("open", () => setStatus("live", "live"));
  source.addEventListener("error", () => setStatus("reconnecting…", "down"));
  source.addEventListener("snapshot", (e) => onSnapshot(JSON.parse(e.data)));
  source.addEventListener("levels", (e) => {
    const d = JSON.parse(e.data);
    for (const p of d.points) {
      const info = ensureIndex(p.index, d.info[p.index]);
      info.levels.push(p);
      if (info.levels.length > 2000) info.levels.shift();
      redraw(p.index);
    }
    setCounts(d.counts);
  });
  source.addEventListener("alert", (e) => {
    const d = JSON.parse(e.data);
    ensureIndex(d.alert.index, d.info);
    if (addAlert(d.alert, true)) redraw(d.alert.index);
    setCounts(d.counts);
  });
  source.addEventListener("counts", (e) => setCounts(JSON.parse(e.data)));
}

connect();
