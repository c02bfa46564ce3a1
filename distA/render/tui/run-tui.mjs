import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_exit_codes,
  require_main
} from "../../chunks/chunk-V6M5VHGB.mjs";
import {
  ENDPOINT_TABLE_TITLE,
  GLYPHS,
  LEVEL_LABELS,
  causeText,
  endpointTable,
  formatDuration,
  stageLabel,
  summaryLine,
  topFix,
  visibleFindings
} from "../../chunks/chunk-PUKLK6KA.mjs";
import {
  require_version
} from "../../chunks/chunk-SBET7HUB.mjs";
import {
  __toESM
} from "../../chunks/chunk-JO3HUCP3.mjs";

// src/render/tui/run-tui.tsx
var import_exit_codes2 = __toESM(require_exit_codes(), 1);
var import_main = __toESM(require_main(), 1);
import chalk from "chalk";
import { render } from "ink";

// src/render/tui/DoctorApp.tsx
var import_exit_codes = __toESM(require_exit_codes(), 1);
var import_version = __toESM(require_version(), 1);
import { Box as Box5, Text as Text5, measureElement, useApp, useInput, useStdin, useStdout as useStdout2 } from "ink";
import { useCallback as useCallback2, useEffect as useEffect3, useRef as useRef2, useState as useState3 } from "react";

// src/render/tui/CheckRow.tsx
import { Box as Box2, Text as Text2 } from "ink";

// src/render/tui/theme.ts
var SPINNER_FRAME_MS = 80;
function themeFor(style) {
  const glyphs = GLYPHS[style.unicode ? "unicode" : "ascii"];
  const spinner = style.unicode ? ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"] : ["[-]", "[\\]", "[|]", "[/]"];
  const pending = style.unicode ? "\xB7" : "[ ]";
  return {
    color: style.color > 0,
    unicode: style.unicode,
    glyphs,
    pending,
    spinner,
    pointer: style.unicode ? "\u203A" : ">",
    separator: style.unicode ? " \xB7 " : " - ",
    glue: style.unicode ? "\xA0" : " ",
    glyphWidth: Math.max(...[...Object.values(glyphs), ...spinner, pending].map((g) => g.length))
  };
}
function tone(theme, color) {
  return theme.color && color ? { color } : {};
}
var STATUS_TONES = {
  pass: "green",
  warn: "yellow",
  fail: "red",
  skip: void 0,
  crash: "magenta"
};

// src/render/tui/lines.ts
function lineWidth(line) {
  return line.indent + line.parts.reduce((n, p) => n + [...p.text].length, 0);
}
function rowsOf(line, columns) {
  return Math.max(1, Math.ceil(lineWidth(line) / Math.max(1, columns)));
}
function wrapWords(text, width) {
  return wrapParts([{ text }], width).map((parts) => parts.map((p) => p.text).join(""));
}
function wrapParts(parts, width) {
  const lines = [[]];
  let used = 0;
  const append = (part) => {
    const line = lines[lines.length - 1];
    const last = line[line.length - 1];
    if (last && sameStyle(last, part)) line[line.length - 1] = { ...last, text: last.text + part.text };
    else line.push(part);
    used += [...part.text].length;
  };
  for (const part of parts) {
    const paragraphs = part.text.split("\n");
    paragraphs.forEach((paragraph, p) => {
      if (p > 0) {
        lines.push([]);
        used = 0;
      }
      paragraph.split(/(?<= )/).forEach((word) => {
        const length = [...word.trimEnd()].length;
        if (used > 0 && used + length > width) {
          const line = lines[lines.length - 1];
          const last = line[line.length - 1];
          if (last) line[line.length - 1] = { ...last, text: last.text.trimEnd() };
          lines.push([]);
          used = 0;
        }
        if (word !== "") append({ ...part, text: word });
      });
    });
  }
  return lines;
}
function sameStyle(a, b) {
  return a.tone === b.tone && a.bold === b.bold && a.dim === b.dim && a.underline === b.underline;
}
function prose(text, indent, columns, style = {}) {
  return styledProse([{ ...style, text }], indent, columns);
}
function styledProse(parts, indent, columns) {
  return wrapParts(parts, Math.max(10, columns - indent)).map((line) => ({ indent, parts: line.length > 0 ? line : [{ text: " " }] }));
}
function hintLines(hint, indent, columns, showText = true) {
  const lines = [];
  if (showText) {
    const [first = "", ...rest] = wrapWords(hint.text, Math.max(10, columns - indent - 5));
    lines.push({ indent, parts: [{ text: "fix: ", tone: "cyan" }, { text: first }] }, ...rest.map((t) => ({ indent: indent + 5, parts: [{ text: t }] })));
  }
  for (const command of hint.command?.split("\n") ?? []) lines.push({ indent: indent + 2, parts: [{ text: "$ ", tone: "cyan" }, { text: command }], verbatim: true });
  for (const snippet of hint.snippet?.split("\n") ?? []) lines.push({ indent: indent + 4, parts: [{ text: snippet || " " }], verbatim: true });
  if (hint.docs) lines.push({ indent: indent + 2, parts: [{ text: `see ${hint.docs}`, dim: true }], verbatim: true });
  return lines;
}
var LEVEL_TONES = { fail: "red", warn: "yellow", info: void 0 };
function detailLines(record, indent, columns) {
  const findings = visibleFindings(record, true);
  const { error } = record;
  const lines = [];
  if (error && !findings.some((f) => f.code === error.code && f.stage === error.stage)) {
    lines.push({ indent, parts: [{ text: stageLabel(record) ?? `at ${error.stage}`, bold: true, tone: STATUS_TONES[record.status] }, { text: " " }, { text: error.code, bold: true }] });
    lines.push(...prose(error.detail, indent + 2, columns));
    if (error.cause) lines.push(...prose(`cause: ${causeText(error.cause)}`, indent + 2, columns, { dim: true }));
  }
  for (const finding of findings) {
    lines.push({
      indent,
      parts: [
        { text: LEVEL_LABELS[finding.level], bold: finding.level !== "info", tone: LEVEL_TONES[finding.level] },
        { text: " " },
        { text: finding.code, bold: true },
        { text: ` [${finding.stage}]` }
      ]
    });
    lines.push(...prose(finding.detail, indent + 2, columns));
    if (finding.cause) lines.push(...prose(`cause: ${causeText(finding.cause)}`, indent + 2, columns, { dim: true }));
    for (const hint of finding.hints ?? []) lines.push(...hintLines(hint, indent + 2, columns));
  }
  const blockedBy = record.blockedBy ?? [];
  if (blockedBy.length > 0) lines.push(...prose(`Fix ${blockedBy.join(", ")} first: this check needs it.`, indent, columns));
  for (const section of record.evidence) {
    lines.push({ indent, parts: [{ text: section.title, bold: true, underline: true }] });
    for (const line of section.lines) lines.push({ indent: indent + 2, parts: [{ text: line || " " }], verbatim: true });
  }
  if (lines.length === 0) lines.push({ indent, parts: [{ text: "Nothing more to show.", dim: true }] });
  return lines;
}
function copyableCommand(record) {
  for (const finding of visibleFindings(record, false)) {
    for (const hint of finding.hints ?? []) if (hint.command) return hint.command;
  }
  return void 0;
}
function osc52(text) {
  return `\x1B]52;c;${Buffer.from(text, "utf8").toString("base64")}\x07`;
}

// src/render/tui/LinesView.tsx
import { Box, Text } from "ink";
import { jsx, jsxs } from "react/jsx-runtime";
function LinesView({ lines, theme }) {
  return /* @__PURE__ */ jsx(Box, { flexDirection: "column", children: lines.map((line, index) => /* @__PURE__ */ jsx(Box, { flexShrink: 0, width: Math.max(1, lineWidth(line)), children: /* @__PURE__ */ jsxs(Text, { children: [
    " ".repeat(line.indent),
    line.parts.map((part, j) => /* @__PURE__ */ jsx(Text, { bold: part.bold ?? false, dimColor: part.dim ?? false, underline: part.underline ?? false, ...tone(theme, part.tone), children: part.text }, j))
  ] }) }, index)) });
}

// src/render/tui/CheckRow.tsx
import { Fragment, jsx as jsx2, jsxs as jsxs2 } from "react/jsx-runtime";
function CheckRow({ row, theme, selected, expanded, now, idWidth, wide, last, details, bodyWidth }) {
  const { glyph, glyphTone, body, duration } = describe(row, theme, now);
  const id = /* @__PURE__ */ jsx2(Text2, { bold: selected, wrap: "truncate-end", children: row.id });
  return /* @__PURE__ */ jsxs2(Box2, { flexDirection: "column", children: [
    /* @__PURE__ */ jsxs2(Box2, { children: [
      /* @__PURE__ */ jsx2(Box2, { flexShrink: 0, width: 2, children: /* @__PURE__ */ jsx2(Text2, { ...tone(theme, "cyan"), children: selected ? theme.pointer : " " }) }),
      /* @__PURE__ */ jsx2(Box2, { flexShrink: 0, width: theme.glyphWidth + 1, children: /* @__PURE__ */ jsx2(Text2, { ...tone(theme, glyphTone), children: glyph }) }),
      wide ? /* @__PURE__ */ jsxs2(Fragment, { children: [
        /* @__PURE__ */ jsx2(Box2, { flexShrink: 0, width: idWidth + 2, children: id }),
        /* @__PURE__ */ jsx2(Box2, { flexGrow: 1, flexShrink: 1, flexDirection: "column", children: /* @__PURE__ */ jsx2(LinesView, { lines: styledProse([...body, ...duration ? [{ text: ` (${duration})`, dim: true }] : []], 0, bodyWidth), theme }) })
      ] }) : /* @__PURE__ */ jsxs2(Box2, { flexDirection: "column", flexGrow: 1, flexShrink: 1, children: [
        /* @__PURE__ */ jsxs2(Box2, { children: [
          id,
          duration && /* @__PURE__ */ jsxs2(Text2, { dimColor: true, children: [
            " (",
            duration,
            ")"
          ] })
        ] }),
        /* @__PURE__ */ jsx2(LinesView, { lines: styledProse(body, 0, bodyWidth), theme })
      ] })
    ] }),
    expanded && /* @__PURE__ */ jsx2(Box2, { marginBottom: last ? 0 : 1, children: row.state.phase === "settled" ? details : /* @__PURE__ */ jsx2(Box2, { paddingLeft: 4, children: /* @__PURE__ */ jsx2(Text2, { dimColor: true, children: row.state.phase === "running" ? "Still running: details show when it settles." : "Not started yet." }) }) })
  ] });
}
function describe(row, theme, now) {
  const { state } = row;
  switch (state.phase) {
    case "pending":
      return { glyph: theme.pending, glyphTone: void 0, body: [{ text: "waiting", dim: true }] };
    case "running": {
      const frame = theme.spinner[Math.floor(now / SPINNER_FRAME_MS) % theme.spinner.length] ?? "";
      const elapsed = `${(Math.max(0, now - state.startedAt) / 1e3).toFixed(1)}${theme.glue}s`;
      return {
        glyph: frame,
        glyphTone: "cyan",
        body: [
          { text: state.stage ?? "starting", tone: "cyan" },
          { text: `${theme.separator}${elapsed}`, dim: true }
        ]
      };
    }
    case "settled": {
      const { record } = state;
      const where = stageLabel(record);
      const skipped = record.status === "skip";
      return {
        glyph: theme.glyphs[record.status],
        glyphTone: STATUS_TONES[record.status],
        body: [
          ...where ? [{ text: `${where}: `, tone: STATUS_TONES[record.status], dim: skipped }] : [],
          { text: record.summary, dim: skipped }
        ],
        // A skipped check did not run: no duration to show.
        ...!skipped && { duration: formatDuration(record.durationMs).replace(" ", theme.glue) }
      };
    }
  }
}

// src/render/tui/KeyLegend.tsx
import { Box as Box3, Text as Text3 } from "ink";
import { jsx as jsx3, jsxs as jsxs3 } from "react/jsx-runtime";
function KeyLegend({ theme, idle, keyboard, scrolls }) {
  if (!keyboard) return /* @__PURE__ */ jsx3(Text3, { dimColor: true, children: "No keyboard (stdin is not a terminal): exits when the run is done." });
  const keys = [
    [theme.unicode ? "\u2191\u2193" : "up/down", "select"],
    ["enter", "details"],
    ...scrolls ? [["PgUp/PgDn", "scroll"]] : [],
    ...idle ? [["c", "copy fix"], ["r", "rerun"], ["s", "save report"]] : [],
    ["q", "quit"]
  ];
  return /* @__PURE__ */ jsx3(Box3, { flexWrap: "wrap", children: keys.map(([key, action]) => /* @__PURE__ */ jsx3(Box3, { marginRight: 2, children: /* @__PURE__ */ jsxs3(Text3, { children: [
    /* @__PURE__ */ jsx3(Text3, { bold: true, children: key }),
    /* @__PURE__ */ jsxs3(Text3, { dimColor: true, children: [
      " ",
      action
    ] })
  ] }) }, key)) });
}

// src/render/tui/RunSummary.tsx
import { Box as Box4, Text as Text4 } from "ink";
import { jsx as jsx4, jsxs as jsxs4 } from "react/jsx-runtime";
function RunSummary({ run, theme, interrupted, columns }) {
  switch (run.phase) {
    case "running": {
      const done = run.rows.filter((r) => r.state.phase === "settled").length;
      return /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: `${done} of ${run.rows.length} checks done` });
    }
    case "stopping":
      return /* @__PURE__ */ jsx4(Text4, { bold: true, children: "Stopping: waiting for the checks to let go..." });
    case "crashed":
      return /* @__PURE__ */ jsxs4(Text4, { bold: true, children: [
        "codex-doctor crashed (a bug, not your network): ",
        run.error?.message
      ] });
    case "done":
      break;
  }
  const report = run.report;
  if (!report) return null;
  const fix = topFix(report);
  const table = endpointTable(report.checks);
  return /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", children: [
    table.lines.length > 0 && /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", marginBottom: 1, children: [
      /* @__PURE__ */ jsx4(Text4, { bold: true, children: ENDPOINT_TABLE_TITLE }),
      /* @__PURE__ */ jsx4(Text4, { dimColor: true, children: `  ${table.header}` }),
      table.lines.map((line, i) => /* @__PURE__ */ jsx4(Text4, { ...tone(theme, STATUS_TONES[line.status]), children: `  ${line.text}` }, i))
    ] }),
    /* @__PURE__ */ jsxs4(Text4, { children: [
      /* @__PURE__ */ jsx4(Text4, { bold: true, children: summaryLine(report.counts) }),
      /* @__PURE__ */ jsxs4(Text4, { dimColor: true, children: [
        " in ",
        formatDuration(report.durationMs)
      ] })
    ] }),
    fix && /* @__PURE__ */ jsxs4(Box4, { flexDirection: "column", children: [
      /* @__PURE__ */ jsx4(
        LinesView,
        {
          lines: styledProse([{ text: "Fix first", bold: true, tone: "cyan" }, { text: ` (${fix.check.id}, ${fix.finding.code}): ${fix.hint.text}` }], 0, columns),
          theme
        }
      ),
      /* @__PURE__ */ jsx4(LinesView, { lines: hintLines(fix.hint, 0, columns, false), theme })
    ] }),
    interrupted && /* @__PURE__ */ jsx4(Text4, { bold: true, children: "Interrupted." })
  ] });
}

// src/render/tui/use-columns.ts
import { useStdout } from "ink";
import { useEffect, useState } from "react";
function useColumns(fixed) {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(() => fixed ?? (stdout.columns || 80));
  useEffect(() => {
    if (fixed !== void 0) return void 0;
    const onResize = () => setColumns(stdout.columns || 80);
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? columns;
}
function useRows(fixed) {
  const { stdout } = useStdout();
  const [rows, setRows] = useState(() => fixed ?? stdout.rows);
  useEffect(() => {
    if (fixed !== void 0) return void 0;
    const onResize = () => setRows(stdout.rows);
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? rows;
}

// src/render/tui/use-doctor-run.ts
import { useCallback, useEffect as useEffect2, useReducer, useRef, useState as useState2 } from "react";
function pendingRows(planned) {
  return new Map(planned.map((p) => [p.id, { phase: "pending" }]));
}
function settle(rows, records) {
  const next = new Map(rows);
  for (const record of records) next.set(record.id, { phase: "settled", record });
  return next;
}
function reducerFor(planned) {
  return (state, action) => {
    switch (action.type) {
      case "reset":
        return { rows: pendingRows(planned), phase: "running", report: void 0, error: void 0 };
      case "stopping":
        return state.phase === "running" ? { ...state, phase: "stopping" } : state;
      case "finished":
        return { ...state, rows: settle(state.rows, action.report.checks), phase: "done", report: action.report };
      case "crashed":
        return { ...state, phase: "crashed", error: action.error };
      case "event":
        return { ...state, rows: applyEvent(state.rows, action.event, action.at) };
    }
  };
}
function applyEvent(rows, event, at) {
  switch (event.type) {
    case "start":
      return new Map(rows).set(event.id, { phase: "running", startedAt: at });
    case "stage": {
      const row = rows.get(event.id);
      const startedAt = row?.phase === "running" ? row.startedAt : at;
      return new Map(rows).set(event.id, { phase: "running", startedAt, stage: event.stage });
    }
    case "end":
      return settle(rows, [event.record]);
    case "done":
      return settle(rows, event.checks);
  }
}
function useDoctorRun(session, clock) {
  const [state, dispatch] = useReducer(reducerFor(session.planned), void 0, () => ({
    rows: pendingRows(session.planned),
    phase: "running",
    report: void 0,
    error: void 0
  }));
  const [now, setNow] = useState2(clock);
  const controller = useRef(void 0);
  const settled = useRef(Promise.resolve());
  const inProgress = useRef(false);
  const start = useCallback(() => {
    const abort = new AbortController();
    controller.current = abort;
    inProgress.current = true;
    dispatch({ type: "reset" });
    setNow(clock());
    settled.current = session.run((event) => dispatch({ type: "event", event, at: clock() }), abort.signal).then(
      (report) => dispatch({ type: "finished", report }),
      (error) => dispatch({ type: "crashed", error: error instanceof Error ? error : new Error(String(error)) })
    ).finally(() => {
      inProgress.current = false;
    });
  }, [session, clock]);
  useEffect2(() => {
    start();
    return () => controller.current?.abort(new Error("interrupted"));
  }, [start]);
  const ticking = state.phase === "running" || state.phase === "stopping";
  useEffect2(() => {
    if (!ticking) return void 0;
    const timer = setInterval(() => setNow(clock()), SPINNER_FRAME_MS);
    return () => clearInterval(timer);
  }, [ticking, clock]);
  const rerun = useCallback(() => {
    if (inProgress.current) return false;
    start();
    return true;
  }, [start]);
  const interrupt = useCallback(async () => {
    if (inProgress.current) {
      dispatch({ type: "stopping" });
      controller.current?.abort(new Error("interrupted"));
    }
    await settled.current;
  }, []);
  return {
    rows: session.planned.map((p) => ({ ...p, state: state.rows.get(p.id) ?? { phase: "pending" } })),
    phase: state.phase,
    report: state.report,
    error: state.error,
    now,
    rerun,
    interrupt
  };
}

// src/render/tui/DoctorApp.tsx
import { jsx as jsx5, jsxs as jsxs5 } from "react/jsx-runtime";
var monotonic = () => performance.now();
var NARROW_BELOW = 60;
var DETAILS_INDENT = 4;
function DoctorApp({ session, style, onExit, clock = monotonic, signal, columns, rows, banner }) {
  const theme = themeFor(style);
  const width = useColumns(columns);
  const height = useRows(rows);
  const { stdout } = useStdout2();
  const run = useDoctorRun(session, clock);
  const { exit } = useApp();
  const { isRawModeSupported: keyboard } = useStdin();
  const [selected, setSelected] = useState3(0);
  const moved = useRef2(false);
  const [expanded, setExpanded] = useState3(void 0);
  const [scroll, setScroll] = useState3(0);
  const rootRef = useRef2(null);
  const [chrome, setChrome] = useState3(0);
  const [notice, setNotice] = useState3(void 0);
  const [leaving, setLeaving] = useState3(false);
  const [interrupted, setInterrupted] = useState3(false);
  const finished = useRef2(false);
  const finish = useCallback2(
    (outcome) => {
      if (finished.current) return;
      finished.current = true;
      onExit(outcome);
      setLeaving(true);
    },
    [onExit]
  );
  useEffect3(() => {
    if (leaving) exit();
  }, [leaving, exit]);
  const { interrupt } = run;
  const stop = useCallback2(() => {
    setInterrupted(true);
    void interrupt().then(() => finish(import_exit_codes.ExitCode.interrupted));
  }, [interrupt, finish]);
  const quit = (force) => {
    switch (run.phase) {
      case "running":
        return stop();
      case "stopping":
        if (force) finish(import_exit_codes.ExitCode.interrupted);
        return;
      case "done":
        return finish(interrupted ? import_exit_codes.ExitCode.interrupted : run.report?.exitCode ?? import_exit_codes.ExitCode.interrupted);
      case "crashed":
        return finish(run.error ?? new Error("the run failed"));
    }
  };
  useEffect3(() => {
    if (!signal) return void 0;
    if (signal.aborted) {
      stop();
      return void 0;
    }
    signal.addEventListener("abort", stop, { once: true });
    return () => signal.removeEventListener("abort", stop);
  }, [signal, stop]);
  useEffect3(() => {
    if (run.phase === "crashed") finish(run.error ?? new Error("the run failed"));
  }, [run.phase, run.error, finish]);
  useEffect3(() => {
    if (!keyboard && run.phase === "done" && run.report) finish(interrupted ? import_exit_codes.ExitCode.interrupted : run.report.exitCode);
  }, [keyboard, run.phase, run.report, interrupted, finish]);
  const save = () => {
    const report = run.report;
    if (!report) return;
    setNotice({ kind: "saving" });
    session.save(report).then(
      (saved) => setNotice({ kind: "saved", saved }),
      (error) => setNotice({ kind: "message", text: `Could not save the report: ${error instanceof Error ? error.message : String(error)}` })
    );
  };
  const rowCount = run.rows.length;
  const selectedRow = run.rows[Math.min(selected, rowCount - 1)];
  const selectedId = selectedRow?.id;
  useEffect3(() => {
    if (run.phase !== "done" || moved.current) return;
    const statuses = run.rows.map((r) => r.state.phase === "settled" ? r.state.record.status : void 0);
    const first = ["fail", "crash", "warn"].map((s) => statuses.indexOf(s)).find((i) => i >= 0);
    if (first !== void 0) setSelected(first);
  }, [run.phase, run.rows]);
  const expandedRow = run.rows.find((r) => r.id === expanded);
  const details = expandedRow?.state.phase === "settled" ? detailLines(expandedRow.state.record, DETAILS_INDENT, width) : void 0;
  const fix = run.phase === "done" && run.report ? topFix(run.report) : void 0;
  const summaryOverflow = fix ? hintLines(fix.hint, 0, width, false).reduce((n, l) => n + rowsOf(l, width) - 1, 0) : 0;
  const budget = height === void 0 ? void 0 : Math.max(3, height - 1 - chrome - summaryOverflow);
  const window = details && budget !== void 0 ? scrollWindow(details, scroll, budget, width) : void 0;
  const shownDetails = window ? window.lines.length + (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0) : details?.length ?? 0;
  useEffect3(() => {
    if (!rootRef.current) return;
    const measured = measureElement(rootRef.current).height - shownDetails;
    if (measured !== chrome) setChrome(measured);
  });
  const page = Math.max(1, (budget ?? 3) - 3);
  const copy = () => {
    const command = selectedRow?.state.phase === "settled" ? copyableCommand(selectedRow.state.record) : void 0;
    if (command === void 0) return setNotice({ kind: "message", text: `No command to copy for ${selectedId ?? "this row"}.` });
    stdout.write(osc52(command));
    setNotice({ kind: "copied", command });
  };
  const onKey = (input, key) => {
    if (key.ctrl && input === "c" || input === "q") return quit(key.ctrl);
    if (key.upArrow || input === "k" || key.downArrow || input === "j") {
      moved.current = true;
      setScroll(0);
      const step = key.upArrow || input === "k" ? -1 : 1;
      return setSelected((s) => Math.min(rowCount - 1, Math.max(0, s + step)));
    }
    if (key.return || input === " ") {
      setScroll(0);
      return setExpanded((e) => e === selectedId ? void 0 : selectedId);
    }
    if (key.pageDown || input === "d") return setScroll((s) => Math.min(s + page, Math.max(0, (details?.length ?? 1) - 1)));
    if (key.pageUp || input === "u") return setScroll((s) => Math.max(0, s - page));
    if (input === "c") return copy();
    if (key.escape) return setExpanded(void 0);
    if (input === "s" && run.phase === "done") return save();
    if (input === "r" && run.phase === "done" && run.rerun()) {
      setInterrupted(false);
      setNotice(void 0);
    }
    return void 0;
  };
  const onKeyRef = useRef2(onKey);
  onKeyRef.current = onKey;
  const stableOnKey = useCallback2((input, key) => onKeyRef.current(input, key), []);
  useInput(stableOnKey, { isActive: keyboard && !leaving });
  const idWidth = Math.max(8, ...run.rows.map((r) => r.id.length));
  return /* @__PURE__ */ jsxs5(Box5, { ref: rootRef, flexDirection: "column", width, children: [
    /* @__PURE__ */ jsxs5(Text5, { children: [
      /* @__PURE__ */ jsxs5(Text5, { bold: true, children: [
        "codex-doctor ",
        import_version.VERSION
      ] }),
      ": the Codex TLS and proxy runbook"
    ] }),
    banner && /* @__PURE__ */ jsx5(Text5, { dimColor: true, children: banner }),
    /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", marginY: 1, children: [
      run.rows.map((row, index) => /* @__PURE__ */ jsx5(
        CheckRow,
        {
          row,
          theme,
          selected: row.id === selectedId,
          expanded: row.id === expanded,
          now: run.now,
          idWidth,
          wide: width >= NARROW_BELOW,
          last: index === rowCount - 1,
          bodyWidth: width - 2 - (theme.glyphWidth + 1) - (width >= NARROW_BELOW ? idWidth + 2 : 0),
          ...row.id === expanded && details && { details: /* @__PURE__ */ jsx5(DetailsView, { lines: details, window, theme }) }
        },
        row.id
      )),
      rowCount === 0 && /* @__PURE__ */ jsx5(Text5, { dimColor: true, children: "No checks selected." })
    ] }),
    /* @__PURE__ */ jsx5(RunSummary, { run, theme, interrupted, columns: width }),
    notice && /* @__PURE__ */ jsx5(NoticeLine, { notice, theme, columns: width }),
    !leaving && /* @__PURE__ */ jsx5(Box5, { marginTop: 1, children: /* @__PURE__ */ jsx5(KeyLegend, { theme, idle: run.phase === "done", keyboard, scrolls: window !== void 0 && (window.above > 0 || window.below > 0) }) })
  ] });
}
function scrollWindow(lines, offset, budget, columns) {
  const total = lines.reduce((n, l) => n + rowsOf(l, columns), 0);
  if (total <= budget) return { lines: [...lines], above: 0, below: 0 };
  const start = Math.min(Math.max(0, offset), lines.length - 1);
  const room = Math.max(1, budget - (start > 0 ? 1 : 0) - 1);
  const shown = [];
  let used = 0;
  for (let i = start; i < lines.length; i++) {
    const rowsNeeded = rowsOf(lines[i], columns);
    if (shown.length > 0 && used + rowsNeeded > room) break;
    shown.push(lines[i]);
    used += rowsNeeded;
  }
  return { lines: shown, above: start, below: lines.length - start - shown.length };
}
function DetailsView({ lines, window, theme }) {
  if (!window) return /* @__PURE__ */ jsx5(LinesView, { lines, theme });
  return /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", children: [
    window.above > 0 && /* @__PURE__ */ jsx5(Text5, { dimColor: true, children: `${" ".repeat(DETAILS_INDENT)}... ${window.above} line(s) above (PgUp or u)` }),
    /* @__PURE__ */ jsx5(LinesView, { lines: window.lines, theme }),
    window.below > 0 && /* @__PURE__ */ jsx5(Text5, { dimColor: true, children: `${" ".repeat(DETAILS_INDENT)}... ${window.below} more line(s) (PgDn or d)` })
  ] });
}
function NoticeLine({ notice, theme, columns }) {
  switch (notice.kind) {
    case "copied":
      return /* @__PURE__ */ jsxs5(Box5, { flexDirection: "column", children: [
        /* @__PURE__ */ jsx5(Text5, { ...tone(theme, "green"), children: "Copied to the clipboard (OSC 52):" }),
        /* @__PURE__ */ jsx5(LinesView, { lines: [{ indent: 2, parts: [{ text: notice.command }], verbatim: true }], theme })
      ] });
    case "saving":
      return /* @__PURE__ */ jsx5(Text5, { dimColor: true, children: "Saving the report..." });
    case "saved":
      return /* @__PURE__ */ jsx5(
        LinesView,
        {
          lines: styledProse([{ text: "Saved the report to ", tone: "green" }, { text: notice.saved.json }, { text: " and, for a ticket, to " }, { text: notice.saved.markdown }, { text: " (readable only by you)." }], 0, columns),
          theme
        }
      );
    case "message":
      return /* @__PURE__ */ jsx5(LinesView, { lines: styledProse([{ text: notice.text, tone: "yellow" }], 0, columns), theme });
  }
}

// src/render/tui/terminal-rows.ts
import { stripVTControlCharacters } from "node:util";
var ERASE = /^((?:\u001B\[\?2026h)?)((?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G)/;
function eraseLines(count) {
  return count <= 0 ? "" : `${"\x1B[2K\x1B[1A".repeat(count - 1)}\x1B[2K\x1B[G`;
}
function terminalRows(text, columns) {
  return stripVTControlCharacters(text).split("\n").reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / Math.max(1, columns))), 0);
}
function rowCounting(stream) {
  let frame = "";
  let written = false;
  const write = (chunk, ...rest) => {
    let out = chunk;
    if (typeof chunk === "string") {
      const erase = ERASE.exec(chunk);
      if (erase) {
        const rewritten = eraseLines(terminalRows(frame, stream.columns || 80));
        frame = chunk.slice(erase[0].length);
        out = erase[1] + rewritten + frame;
      } else frame += chunk;
      if (chunk !== "") written = true;
    }
    return stream.write(out, ...rest);
  };
  const proxy = new Proxy(stream, {
    get(target, property) {
      if (property === "write") return write;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
  return { stream: proxy, endsLine: () => !written || frame.endsWith("\n") };
}

// src/render/tui/run-tui.tsx
import { jsx as jsx6 } from "react/jsx-runtime";
async function runTui(session, io, options = {}) {
  if (!isTerminalStream(io.stdout)) throw new Error("the interactive mode needs a terminal stream (use --plain)");
  const terminal = rowCounting(io.stdout);
  const stdout = terminal.stream;
  const style = (0, import_main.textStyle)(io);
  chalk.level = style.color;
  const result = { outcome: import_exit_codes2.ExitCode.interrupted };
  const app = render(
    /* @__PURE__ */ jsx6(
      DoctorApp,
      {
        session,
        style,
        onExit: (outcome) => {
          result.outcome = outcome;
        },
        ...io.signal && { signal: io.signal },
        ...options.banner && { banner: options.banner }
      }
    ),
    // Ctrl-C is a key the app handles: it interrupts the run and exits 130.
    // Nothing in the doctor writes to the console (checks return data), so there is nothing to patch.
    { stdout, exitOnCtrlC: false, patchConsole: false, ...options.stdin && { stdin: options.stdin } }
  );
  await app.waitUntilExit();
  if (!terminal.endsLine()) stdout.write("\n");
  if (result.outcome instanceof Error) throw result.outcome;
  return result.outcome;
}
function isTerminalStream(out) {
  return typeof out.on === "function";
}
export {
  runTui
};
