import { Report, ReportRow } from "../engine";
import { formatPercent } from "../numbers";
import { splitAgencies } from "../rows";
import { fold } from "../text";
import { Block, DraftDocument, DraftPart } from "./document";
import { periodWords } from "./period";
import { doneSentence, laggingSentence, SentenceContext, YEAR_MISSING } from "./sentences";
import { DraftSettings } from "./settings";
import { fill, TemplateId, Templates } from "./templates";

/** Rows the plan lists as done (section I) and as lagging (section II, by agency). */
export const DONE = new Set<ReportRow["status"]>(["achieved", "on_track", "qualitative"]);
export const LAGGING = new Set<ReportRow["status"]>(["at_risk", "off_track", "no_data"]);

/** The values every document-level template may use. */
export function documentValues(report: Report, settings: DraftSettings): Record<string, string> {
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
export function documentFiller(report: Report, settings: DraftSettings, templates: Templates) {
  const values = documentValues(report, settings);
  return (id: TemplateId, extra: Record<string, string> = {}): string =>
    fill(id, templates[id], { ...values, ...extra });
}

export function sentenceContext(
  report: Report,
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
export function withSubs(report: Report): Unit[] {
  const byParent = new Map<number, ReportRow[]>();
  for (const row of report.rows) {
    if (row.type === "sub" && row.parentRow !== null) {
      byParent.set(row.parentRow, [...(byParent.get(row.parentRow) ?? []), row]);
    }
  }
  const parents = new Set(report.rows.map((r) => r.row));
  return report.rows
    .filter((row) => row.type !== "sub" || row.parentRow === null || !parents.has(row.parentRow))
    .map((row) => ({ row, subs: byParent.get(row.row) ?? [] }));
}

export interface Unit {
  row: ReportRow;
  subs: ReportRow[];
}

/**
 * A unit needs work when its row or any of its parts lags: rural water achieved while its
 * clean-water part is at risk goes to section II whole, as Plan 65 writes it.
 */
export function lags(unit: Unit, statuses: Set<ReportRow["status"]> = LAGGING): boolean {
  return statuses.has(unit.row.status) || unit.subs.some((sub) => statuses.has(sub.status));
}

/** Groups rows by their lead agency cell (`A; B` are co-leads), first appearance first. */
export function groupByLead(rows: ReportRow[]): AgencyGroup[] {
  const groups = new Map<string, AgencyGroup>();
  for (const row of rows) {
    const leads = splitAgencies(row.agency);
    const key = leads.map(fold).join(";");
    const group = groups.get(key) ?? { leads, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `A`, `A và B`, `A, B và C` */
export function joinAgencies(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} và ${names[names.length - 1]}`;
}

const UNASSIGNED = "Các chỉ tiêu chưa xác định cơ quan chủ trì";

/** The assignment plan (Kế hoạch phân công) of DOMAIN §5, from a report. */
export function draftPlan(
  report: Report,
  settings: DraftSettings,
  templates: Templates
): DraftDocument {
  const doc = documentFiller(report, settings, templates);
  const context = sentenceContext(report, settings, templates);
  const units = withSubs(report);
  const done = units.filter((u) => DONE.has(u.row.status) && u.row.type !== "total");
  const lagging = units.filter((u) => lags(u));
  const parts: DraftPart[] = [
    {
      id: "title",
      blocks: [
        { style: "title", text: doc("plan.title") },
        { style: "subtitle", text: doc("plan.subtitle") },
        { style: "paragraph", text: doc("plan.intro") },
      ],
    },
    {
      id: "section1",
      // No row on track: no section I rather than a heading over nothing.
      blocks:
        done.length === 0
          ? []
          : [
              { style: "heading", text: doc("plan.section1") },
              ...done.map((u): Block => ({ style: "bullet", text: doneSentence(u.row, context) })),
              { style: "paragraph", text: doc("plan.section1.closing") },
            ],
    },
    { id: "section2", blocks: [{ style: "heading", text: doc("plan.section2") }] },
  ];
  const subsOf = new Map(lagging.map((u) => [u.row.row, u.subs]));
  groupByLead(lagging.map((u) => u.row)).forEach((group, i) => {
    const lead = group.leads.length > 0 ? joinAgencies(group.leads) : UNASSIGNED;
    const partners = [...new Set(group.rows.flatMap((r) => r.partners))];
    const solutions = [
      ...new Set(group.rows.flatMap((r) => (r.solutions === "" ? [] : r.solutions.split("\n")))),
    ];
    parts.push({
      id: `agency:${lead}`,
      agency: lead,
      blocks: [
        {
          style: "subheading",
          text: doc("plan.agency", {
            "Số thứ tự": String(i + 1),
            "Cơ quan chủ trì": lead,
            "Cơ quan phối hợp": joinAgencies(partners),
          }),
        },
        { style: "subheading", text: doc("plan.indicators") },
        ...group.rows.map((row): Block => ({
          style: "bullet",
          text: laggingSentence(row, subsOf.get(row.row) ?? [], context),
        })),
        { style: "subheading", text: doc("plan.solutions") },
        ...(solutions.length > 0
          ? solutions.map((text): Block => ({ style: "bullet", text }))
          : [
              {
                style: "note" as const,
                text: doc("plan.solutions.missing", { "Cơ quan chủ trì": lead }),
              },
            ]),
      ],
    });
  });
  parts.push({ id: "closing", blocks: [{ style: "paragraph", text: doc("plan.closing") }] });
  return {
    kind: "plan",
    header: {
      issuingBody: settings.issuingBody,
      number: settings.planNumber,
      placeDate: `${settings.place}, ${settings.date}`,
    },
    parts,
    signer: settings.planSigner,
    signerName: settings.signerName,
    errors: [],
  };
}
