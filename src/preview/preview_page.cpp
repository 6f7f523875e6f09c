#include "preview/preview_page.hpp"

namespace attnreel::preview {

namespace {

// The page asks the server for the state (long-polling /api/state?since=G, which answers
// when a save changes it) and for frames (/frame?t=), one at a time: while one is on its
// way, only the latest time asked for is kept, so scrubbing and playing never queue up
// stale frames. Hooks for tests: #frame carries data-time and data-serial of the frame it
// shows; <html> carries data-generation of the latest state.
constexpr const char* kPage = R"PAGE(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>attnreel preview</title>
<style>
  :root { color-scheme: dark; --bg: #0b1120; --panel: #111827; --line: #1f2937; --text: #e2e8f0;
          --dim: #94a3b8; --accent: #38bdf8; --error: #f87171; --warn: #fbbf24; }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.4 system-ui, sans-serif; }
  header { display: flex; gap: 16px; align-items: baseline; padding: 10px 16px; border-bottom: 1px solid var(--line); }
  header h1 { font-size: 15px; margin: 0; font-weight: 600; }
  #status { color: var(--dim); margin-left: auto; font-size: 12px; }
  #error { margin: 12px 16px 0; padding: 10px 12px; border: 1px solid var(--error); border-radius: 6px;
           background: #2a1215; color: #fecaca; white-space: pre-wrap; font-family: ui-monospace, monospace; }
  #error b { color: var(--error); }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 16px; padding: 12px 16px; }
  #view { background: #000; border-radius: 6px; overflow: hidden; line-height: 0; }
  #frame { width: 100%; height: auto; max-height: calc(100vh - 190px); object-fit: contain; display: block; }
  #caption { margin-top: 8px; padding: 6px 10px; text-align: center; background: var(--panel); border-radius: 6px; }
  #controls { display: flex; gap: 6px; align-items: center; margin-top: 10px; }
  button { background: var(--panel); color: var(--text); border: 1px solid var(--line); border-radius: 5px;
           padding: 5px 9px; font: inherit; cursor: pointer; min-width: 36px; }
  button:hover { border-color: var(--accent); }
  #scrubber { flex: 1; accent-color: var(--accent); }
  #time { font-variant-numeric: tabular-nums; color: var(--dim); min-width: 190px; text-align: right; }
  aside { background: var(--panel); border-radius: 6px; padding: 8px 0; max-height: calc(100vh - 90px);
          overflow-y: auto; overflow-x: hidden; }
  aside h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--dim); margin: 6px 12px; }
  ol, ul { list-style: none; margin: 0; padding: 0; }
  #steps li { display: grid; grid-template-columns: 92px minmax(0, 1fr) auto; gap: 8px; padding: 4px 12px; cursor: pointer;
              border-left: 3px solid transparent; }
  #steps li:hover { background: #172033; }
  #steps li.active { border-left-color: var(--accent); background: #13263a; }
  #steps li.section { color: var(--accent); font-weight: 600; }
  #steps .when { color: var(--dim); font-variant-numeric: tabular-nums; }
  #steps .line { color: var(--dim); font-size: 12px; white-space: nowrap; }
  #steps .what { overflow-wrap: break-word; }
  #warnings li { padding: 4px 12px; color: var(--warn); font-size: 12px; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header><h1 id="file">attnreel preview</h1><span id="status">connecting…</span></header>
<div id="error" hidden></div>
<main>
  <section>
    <div id="view"><img id="frame" alt="the frame at the chosen time"></div>
    <div id="caption" hidden></div>
    <div id="controls">
      <button id="to-start" title="first frame (Home)">|&#9664;</button>
      <button id="prev-step" title="previous step ([ or Shift+Left)">&#9664;&#9664;</button>
      <button id="prev-frame" title="previous frame (Left)">&#9664;</button>
      <button id="play" title="play / pause (Space)">Play</button>
      <button id="next-frame" title="next frame (Right)">&#9654;</button>
      <button id="next-step" title="next step (] or Shift+Right)">&#9654;&#9654;</button>
      <button id="to-end" title="last frame (End)">&#9654;|</button>
      <input id="scrubber" type="range" min="0" max="0" step="1" value="0" aria-label="time">
      <span id="time"></span>
    </div>
  </section>
  <aside>
    <h2>Timeline</h2>
    <ol id="steps"></ol>
    <h2 id="warnings-title" hidden>Warnings</h2>
    <ul id="warnings"></ul>
  </aside>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
const view = { scene: null, serial: 0, t: 0, playing: false, playFrom: 0, playStart: 0,
               inFlight: false, wanted: null, shownUrl: null };

const fps = () => (view.scene ? view.scene.fps : 30);
const duration = () => (view.scene ? view.scene.duration : 0);
const frameOf = (t) => Math.round(t * fps());
const timeOf = (k) => Math.min(k / fps(), duration());
const fmt = (t) => t.toFixed(2);

function setTime(t) {
  view.t = Math.max(0, Math.min(duration(), t));
  $("scrubber").value = frameOf(view.t);
  $("time").textContent = `${fmt(view.t)} / ${fmt(duration())} s · frame ${frameOf(view.t)}`;
  markActiveStep();
  if (!view.playing) keepTimeInUrl();
  requestFrame(view.t);
}

function keepTimeInUrl() {
  const url = new URL(location.href);
  url.searchParams.set("t", String(+view.t.toFixed(4)));
  history.replaceState(null, "", url);
}

function requestFrame(t) {
  if (!view.scene) return;
  view.wanted = t;
  if (!view.inFlight) fetchWanted();
}

async function fetchWanted() {
  const t = view.wanted;
  view.wanted = null;
  view.inFlight = true;
  try {
    const response = await fetch(`/frame?t=${t}`);
    if (response.ok) {
      const url = URL.createObjectURL(await response.blob());
      const img = $("frame");
      await new Promise((done) => { img.onload = done; img.onerror = done; img.src = url; });
      if (view.shownUrl) URL.revokeObjectURL(view.shownUrl);
      view.shownUrl = url;
      img.dataset.serial = response.headers.get("X-Attnreel-Serial");
      img.dataset.time = String(t);
      showCaption(decodeURIComponent(response.headers.get("X-Attnreel-Caption") || ""));
    }
  } catch (e) { /* the server has gone: the state poll says so */ }
  view.inFlight = false;
  if (view.wanted !== null) fetchWanted();
}

// Playing follows the wall clock: each frame shown is the one for the time it is now, so
// slow frames are skipped rather than slowing the scene down.
function playTick() {
  if (!view.playing) return;
  let t = view.playFrom + (performance.now() - view.playStart) / 1000;
  if (t >= duration()) { t = duration(); pause(); }
  setTime(timeOf(frameOf(t)));
  if (view.playing) requestAnimationFrame(playTick);
}
function play() {
  if (!view.scene) return;
  if (view.t >= duration()) view.t = 0;
  view.playing = true;
  view.playFrom = view.t;
  view.playStart = performance.now();
  $("play").textContent = "Pause";
  requestAnimationFrame(playTick);
}
function pause() {
  view.playing = false;
  $("play").textContent = "Play";
  keepTimeInUrl();
}

// Step boundaries: where steps start, and the end of the scene.
function boundaries() {
  const times = view.scene.steps.map((s) => s.start).concat([duration()]);
  return [...new Set(times)].sort((a, b) => a - b);
}
function jumpStep(direction) {
  if (!view.scene) return;
  const eps = 0.5 / fps();
  const list = boundaries();
  const target = direction > 0 ? list.find((b) => b > view.t + eps)
                               : list.filter((b) => b < view.t - eps).pop();
  pause();
  setTime(target === undefined ? (direction > 0 ? duration() : 0) : target);
}
function stepFrame(direction) { pause(); setTime(timeOf(frameOf(view.t) + direction)); }

function markActiveStep() {
  if (!view.scene) return;
  const items = $("steps").children;
  view.scene.steps.forEach((s, i) => {
    const active = s.end > s.start && view.t >= s.start && (view.t < s.end || (view.t === duration() && s.end === duration()));
    items[i].classList.toggle("active", active);
  });
}

// The caption of the frame shown (the server sends it with the frame), when the scene speaks.
function showCaption(text) {
  $("caption").hidden = !text;
  $("caption").textContent = text;
}

function showSteps(scene) {
  const list = $("steps");
  list.replaceChildren();
  for (const s of scene.steps) {
    const li = document.createElement("li");
    const section = s.description.startsWith("section ");
    li.className = section ? "section" : "";
    li.innerHTML = `<span class="when"></span><span class="what"></span><span class="line"></span>`;
    li.children[0].textContent = section ? fmt(s.start) : `${fmt(s.start)}–${fmt(s.end)}`;
    li.children[1].textContent = section ? "§ " + s.description.slice(8) : s.description;
    li.children[2].textContent = `line ${s.line}`;
    li.title = `${scene.file}:${s.line}`;
    li.addEventListener("click", () => { pause(); setTime(s.start); });
    list.appendChild(li);
  }
  const warnings = $("warnings");
  warnings.replaceChildren();
  for (const w of scene.warnings) {
    const li = document.createElement("li");
    li.textContent = w.text;
    warnings.appendChild(li);
  }
  $("warnings-title").hidden = scene.warnings.length === 0;
}

function showError(error) {
  const box = $("error");
  box.hidden = !error;
  if (!error) return;
  const m = error.mark;
  box.innerHTML = "<b></b>\n<span></span>";
  box.children[0].textContent = m.line ? `Line ${m.line}, column ${m.column}: the last save does not load; ` +
                                         "this is the last good frame." : "The last save does not load.";
  box.children[1].textContent = error.message;
}

function applyState(state) {
  document.documentElement.dataset.generation = String(state.generation);
  showError(state.error);
  $("status").textContent = state.error ? "error, showing the last good scene"
                                        : `loaded in ${Math.round(state.load_seconds * 1000)} ms`;
  if (!state.scene || state.serial === view.serial) return;
  const first = view.scene === null;
  view.scene = state.scene;
  view.serial = state.serial;
  document.title = `${state.scene.name}: attnreel preview`;
  $("file").textContent = state.scene.file;
  $("scrubber").max = String(frameOf(duration()));
  const img = $("frame");
  img.width = state.scene.preview_width;
  img.height = state.scene.preview_height;
  showSteps(state.scene);
  const fromUrl = Number(new URL(location.href).searchParams.get("t"));
  setTime(first && Number.isFinite(fromUrl) ? fromUrl : view.t);  // a save keeps the time
}

async function followState() {
  let since = null;
  for (;;) {
    try {
      const response = await fetch("/api/state" + (since === null ? "" : `?since=${since}`));
      const state = await response.json();
      since = state.generation;
      applyState(state);
    } catch (e) {
      $("status").textContent = "disconnected: is attnreel preview still running?";
      await new Promise((done) => setTimeout(done, 1000));
    }
  }
}

$("scrubber").addEventListener("input", (e) => { pause(); setTime(timeOf(Number(e.target.value))); });
$("play").addEventListener("click", () => (view.playing ? pause() : play()));
$("prev-frame").addEventListener("click", () => stepFrame(-1));
$("next-frame").addEventListener("click", () => stepFrame(1));
$("prev-step").addEventListener("click", () => jumpStep(-1));
$("next-step").addEventListener("click", () => jumpStep(1));
$("to-start").addEventListener("click", () => { pause(); setTime(0); });
$("to-end").addEventListener("click", () => { pause(); setTime(duration()); });
document.addEventListener("keydown", (e) => {
  if (e.target.tagName === "INPUT" && e.key !== " ") return;
  const keys = { " ": () => (view.playing ? pause() : play()), Home: () => { pause(); setTime(0); },
                 End: () => { pause(); setTime(duration()); }, "[": () => jumpStep(-1), "]": () => jumpStep(1),
                 ArrowLeft: () => (e.shiftKey ? jumpStep(-1) : stepFrame(-1)),
                 ArrowRight: () => (e.shiftKey ? jumpStep(1) : stepFrame(1)) };
  if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
});
followState();
</script>
</body>
</html>
)PAGE";

}  // namespace

const std::string& preview_page() {
    static const std::string page = kPage;
    return page;
}

}  // namespace attnreel::preview
