import { Report, ReportRow } from "../engine";
import { WorkbookReport } from "../job";
import { formatNumber, formatPercent } from "../numbers";
import { splitAgencies } from "../agencies";
import { DONE, LAGGING } from "../statuses";
import { fold } from "../text";
import {
  archiveLine,
  Block,
  DraftDocument,
  DraftPart,
  DraftTable,
  endList,
  finished,
  listLines,
  tableText,
} from "./document";
import { periodWords } from "./period";
import { doneSentence, laggingSentence, SentenceContext, YEAR_MISSING } from "./sentences";
import { DraftSettings } from "./settings";
import { fillWith, TemplateId, Templates } from "./templates";

export { DONE, LAGGING };

/** The values every document-level template may use. */
export function documentValues(
  report: WorkbookReport,
  settings: DraftSettings
): Record<string, string> {
  const words = periodWords(report.period.months);
  return {
    Năm: settings.year === null ? YEAR_MISSING : String(settings.year),
    "Kỳ báo cáo": words.report,
    "KỲ BÁO CÁO": words.report.toLocaleUpperCase("vi"),
    "Kỳ còn lại": words.rest,
    "Tỷ lệ thời gian": formatPercent(report.period.expectedShare, 0),
    "Cơ quan tổng hợp": settings.compilingAgency,
    Hạn: settings.deadline,
  };
}

/** Fills a document-level template, with extra values for the part at hand. */
export function documentFiller(
  report: WorkbookReport,
  settings: DraftSettings,
  templates: Templates
) {
  const values = documentValues(report, settings);
  // The part's values over the document's, looked up as `{ ...values, ...extra }` would
  // give them, without a merged copy per part.
  const own = (from: Record<string, string>, field: string): string | undefined =>
    Object.hasOwn(from, field) ? (from[field] ?? "") : undefined;
  return (id: TemplateId, extra: Record<string, string> = {}): string =>
    fillWith(id, templates[id], (field) => own(extra, field) ?? own(values, field) ?? "");
}

export function sentenceContext(
  report: WorkbookReport,
  settings: DraftSettings,
  templates: Templates
): SentenceContext {
  const words = periodWords(report.period.months);
  return { templates, year: settings.year, report: words.report, rest: words.rest };
}

/** A group of rows under one lead (or one set of co-leads), in sheet order. */
export interface AgencyGroup {
  leads: string[];
  rows: ReportRow[];
}

/** The rows that stand on their own, each with its `trong đó` rows folded into it. */
export function withSubs(report: WorkbookReport): Unit[] {
  const units: Unit[] = [];
  eachUnit(report, (row, subs) => units.push({ row, subs }));
  return units;
}

/**
 * `withSubs` one unit at a time, for a draft that keeps only some of them: a list of
 * every unit of 100.000 rows, kept while it is filtered, is a heap to copy. A row's parts
 * are the `sub` rows right under it that name it as their parent, as the reader gives
 * them (a part's parent is the last row above that is not a part); a part found anywhere
 * else stands on its own.
 */
export function eachUnit(
  report: WorkbookReport,
  visit: (row: ReportRow, subs: readonly ReportRow[], sheet: Report) => void
): void {
  // Sheet by sheet in the workbook's order: a part never crosses into the next sheet. A
  // breakdown sheet's rows are its indicator's detail, assigned with that indicator.
  const details = new Set(report.breakdowns.map((b) => b.sheet));
  for (const sheet of report.sheets) {
    if (details.has(sheet.sheet)) continue;
    const rows = sheet.rows;
    // One pass, no index of parents: on a large sheet a map of them costs more than the draft.
    let i = 0;
    while (i < rows.length) {
      const row = rows[i];
      let end = i + 1;
      while (end < rows.length && rows[end].type === "sub" && rows[end].parentRow === row.row)
        end++;
      visit(row, end === i + 1 ? NO_SUBS : rows.slice(i + 1, end), sheet);
      i = end;
    }
  }
}

/** A breakdown of more rows than this goes to an appendix rather than under its sentence. */
const APPENDIX_ROWS = 15;

/** Each breakdown sheet's report, by the sheet and row of the indicator it details. */
function breakdownsByRow(report: WorkbookReport): Map<string, Map<number, Report>> {
  const bySheet = new Map<string, Map<number, Report>>();
  for (const { sheet, indicator } of report.breakdowns) {
    const detail = report.sheets.find((s) => s.sheet === sheet);
    if (detail === undefined) continue;
    let rows = bySheet.get(indicator.sheet);
    if (rows === undefined) bySheet.set(indicator.sheet, (rows = new Map()));
    rows.set(indicator.row, detail);
  }
  return bySheet;
}

/**
 * A breakdown as the seed prints it (Plan 65, new enterprises by district): STT,
 * locality, plan, actual, progress in %, what is left; its totals row last.
 */
export function breakdownTable(detail: Report, context: SentenceContext): DraftTable {
  const figure = (row: ReportRow, value: number | null): string =>
    value === null ? "" : formatNumber(value, row.decimals);
  const cells = (row: ReportRow): string[] => [
    row.name,
    figure(row, row.target),
    figure(row, row.actual),
    row.achievement === null ? "" : formatNumber(row.achievement * 100, 2),
    row.remaining === null ? "" : figure(row, Math.max(0, row.remaining)),
  ];
  const parts = detail.rows.filter((row) => row.type !== "total");
  const total = detail.rows.find((row) => row.type === "total");
  return {
    header: [
      "STT",
      "Địa phương",
      "Kế hoạch",
      `Thực hiện ${context.report}`,
      "Tiến độ so với kế hoạch (%)",
      `Nhiệm vụ ${context.rest}`,
    ],
    rows: parts.map((row, i) => [String(i + 1), ...cells(row)]),
    total: total === undefined ? null : ["", ...cells(total)],
    align: ["center", "left", "right", "right", "right", "right"],
  };
}

function tableBlock(table: DraftTable): Block {
  return { style: "table", text: tableText(table), table };
}

/** The parts of a unit that has none, one array for them all (a unit's parts are read-only). */
const NO_SUBS: readonly ReportRow[] = [];

export interface Unit {
  row: ReportRow;
  subs: readonly ReportRow[];
}

/**
 * A unit needs work when its row or any of its parts lags: rural water achieved while its
 * clean-water part is at risk goes to section II whole, as Plan 65 writes it.
 */
export function lags(unit: Unit, statuses: ReadonlySet<ReportRow["status"]> = LAGGING): boolean {
  return rowLags(unit.row, unit.subs, statuses);
}

/** `lags` of a row and its parts. */
export function rowLags(
  row: ReportRow,
  subs: readonly ReportRow[],
  statuses: ReadonlySet<ReportRow["status"]> = LAGGING
): boolean {
  return statuses.has(row.status) || subs.some((sub) => statuses.has(sub.status));
}

/** Groups rows by their lead agency cell (`A; B` are co-leads), first appearance first. */
export function groupByLead(rows: ReportRow[]): AgencyGroup[] {
  return groupsByLead(rows, (row) => row).map(({ leads, items }) => ({ leads, rows: items }));
}

/**
 * Anything with a row, grouped by the row's lead agency cell (`A; B` are co-leads, named in
 * any case), first appearance first: the plan's parts, and the pane's lagging list.
 */
export function groupsByLead<T>(
  items: T[],
  rowOf: (item: T) => ReportRow
): { leads: string[]; items: T[] }[] {
  const groups = new Map<string, { leads: string[]; items: T[] }>();
  // A sheet names a few dozen agencies over thousands of rows: each cell text is split once.
  const keys = new Map<string, string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const agency = rowOf(item).agency;
    let key = keys.get(agency);
    if (key === undefined) {
      key = splitAgencies(agency).map(fold).join(";");
      keys.set(agency, key);
    }
    let group = groups.get(key);
    if (group === undefined) {
      group = { leads: splitAgencies(agency), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** `A`, `A và B`, `A, B và C` */
export function joinAgencies(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} và ${names[names.length - 1]}`;
}

const UNASSIGNED = "Các chỉ tiêu chưa xác định cơ quan chủ trì";

/**
 * The assignment plan (Kế hoạch phân công) of docs/rules.md §5, from every sheet of a workbook:
 * section I lists what is done on any sheet, section II has one part per lead agency.
 */
export function draftPlan(
  report: WorkbookReport,
  settings: DraftSettings,
  templates: Templates
): DraftDocument {
  return finished(draftingPlan(report, settings, templates));
}

/** Sentences written between two steps of `draftingPlan`. */
const SENTENCES_PER_STEP = 500;

/**
 * `draftPlan` a step at a time: it stops (yields) every `SENTENCES_PER_STEP` sentences, so
 * that a page drafting a commune table's plan (a second's work at 100.000 rows) can paint
 * and answer clicks between steps. Returns the plan.
 */
export function* draftingPlan(
  report: WorkbookReport,
  settings: DraftSettings,
  templates: Templates
): Generator<void, DraftDocument> {
  const doc = documentFiller(report, settings, templates);
  const context = sentenceContext(report, settings, templates);
  const done: ReportRow[] = [];
  const lagging: Unit[] = [];
  let indicators = 0;
  let onTrack = 0;
  let missed = 0;
  // The breakdown of an indicator by locality, shown under its sentence (docs/rules.md §5.1).
  const detailOf = breakdownsByRow(report);
  const details = new Map<ReportRow, Report>();
  eachUnit(report, (row, subs, sheet) => {
    if (row.type === "total") return;
    const detail = detailOf.get(sheet.sheet)?.get(row.row);
    if (detail !== undefined) details.set(row, detail);
    indicators++;
    // A row achieved whose `trong đó` part lags is listed in both sections, counted as lagging.
    if (DONE.has(row.status)) done.push(row);
    if (rowLags(row, subs)) {
      lagging.push({ row, subs });
      if (row.likelyMissed || subs.some((sub) => sub.likelyMissed)) missed++;
    } else if (DONE.has(row.status)) onTrack++;
  });
  const counts = {
    "Số chỉ tiêu": String(indicators),
    "Số chỉ tiêu đạt": String(onTrack),
    "Số chỉ tiêu chậm": String(lagging.length),
    "Số chỉ tiêu khó đạt": String(missed),
  };
  // The seed's opening: what the months achieved, then "Tuy nhiên…" when something lags.
  let opening = doc("plan.opening", counts);
  if (lagging.length > 0) opening += ` ${doc("plan.opening.lagging", counts)}`;
  if (missed > 0) opening += ` ${doc("plan.opening.missed", counts)}`;
  const title: DraftPart = {
    id: "title",
    blocks: [
      { style: "title", text: doc("plan.title") },
      { style: "subtitle", text: doc("plan.subtitle") },
      { style: "paragraph", text: opening },
      { style: "paragraph", text: doc("plan.intro") },
    ],
  };
  const section1: Block[] = [];
  let written = 0;
  // No row on track: no section I rather than a heading over nothing.
  if (done.length > 0) {
    // "Đạt trên 50%" only when every line under it is: a row on track within the band
    // but below the calendar share is on track, and the heading says no more than that.
    const share = report.period.expectedShare - 1e-9;
    const aboveShare = done.every((row) => row.achievement === null || row.achievement >= share);
    section1.push({
      style: "heading",
      text: doc(aboveShare ? "plan.section1" : "plan.section1.onTrack"),
    });
    for (let i = 0; i < done.length; i++) {
      const text = doneSentence(done[i], context);
      section1.push({ style: "bullet", text: i === done.length - 1 ? endList(text) : text });
      if (++written % SENTENCES_PER_STEP === 0) yield;
    }
    section1.push({ style: "paragraph", text: doc("plan.section1.closing") });
  }
  const parts: DraftPart[] = [
    title,
    { id: "section1", blocks: section1 },
    { id: "section2", blocks: [{ style: "heading", text: doc("plan.section2") }] },
  ];
  // The same for every agency: filled once, when there is one.
  let indicatorsHeading: string | undefined;
  let solutionsHeading: string | undefined;
  const leads: string[] = [];
  const appendices: DraftPart[] = [];
  const groups = groupsByLead(lagging, (u) => u.row);
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    const lead = group.leads.length > 0 ? joinAgencies(group.leads) : UNASSIGNED;
    const partners = new Set<string>();
    const solutions = new Set<string>();
    for (let u = 0; u < group.items.length; u++) {
      const { row } = group.items[u];
      for (const partner of row.partners) partners.add(partner);
      if (row.solutions !== "") for (const line of row.solutions.split("\n")) solutions.add(line);
    }
    const blocks: Block[] = [
      {
        style: "subheading",
        text: doc("plan.agency", {
          "Số thứ tự": String(i + 1),
          "Cơ quan chủ trì": lead,
          "Cơ quan phối hợp": joinAgencies([...partners]),
        }),
      },
      { style: "subheading", text: (indicatorsHeading ??= doc("plan.indicators")) },
    ];
    for (let u = 0; u < group.items.length; u++) {
      if (++written % SENTENCES_PER_STEP === 0) yield;
      const { row, subs } = group.items[u];
      const sentence = laggingSentence(row, subs, context);
      const detail = details.get(row);
      if (detail === undefined) {
        blocks.push({ style: "bullet", text: sentence });
        continue;
      }
      const table = breakdownTable(detail, context);
      if (table.rows.length <= APPENDIX_ROWS) {
        blocks.push({ style: "bullet", text: `${sentence.replace(/\.$/, "")}; cụ thể:` });
        blocks.push(tableBlock(table));
        continue;
      }
      // A long table goes to an appendix, named where the sentence needs it.
      const number = appendices.length + 1;
      const name = doc("plan.appendix", { "Số phụ lục": String(number) });
      blocks.push({
        style: "bullet",
        text: `${sentence.replace(/\.$/, "")} (chi tiết tại ${name} kèm theo).`,
      });
      appendices.push({
        id: `appendix:${number}`,
        blocks: [
          { style: "title", text: name.toLocaleUpperCase("vi") },
          { style: "subtitle", text: `${row.name} ${context.report}` },
          tableBlock(table),
        ],
      });
    }
    blocks.push({ style: "subheading", text: (solutionsHeading ??= doc("plan.solutions")) });
    for (const text of solutions) blocks.push({ style: "bullet", text });
    if (solutions.size === 0)
      blocks.push({
        style: "note",
        text: doc("plan.solutions.missing", { "Cơ quan chủ trì": lead }),
      });
    parts.push({ id: `agency:${lead}`, agency: lead, blocks });
    leads.push(...group.leads);
  }
  parts.push({ id: "closing", blocks: [{ style: "paragraph", text: doc("plan.closing") }] });
  return {
    kind: "plan",
    header: {
      issuingBody: settings.issuingBody,
      number: settings.planNumber,
      placeDate: `${settings.place}, ${settings.date}`,
    },
    parts,
    // Each agency assigned work receives the plan; co-leads of several groups once.
    copies: listLines([...new Set(leads), archiveLine(settings.archiveUnit)]),
    signature: { lines: settings.planSigner, name: settings.signerName },
    appendices,
    errors: [],
  };
}
