import { ReportRow } from "../engine";
import { WorkbookReport } from "../job";
import { splitAgencies } from "../agencies";
import { fold } from "../text";
import { Block, DraftDocument } from "./document";
import { documentFiller, documentValues, eachUnit, joinAgencies, rowLags } from "./plan";
import { DraftSettings, midSentence } from "./settings";
import { fill, TemplateId, Templates } from "./templates";

/** The letter asks about targets that are low or likely missed (the 2023 letter's words). */
const ASKS = new Set<ReportRow["status"]>(["at_risk", "off_track"]);

interface Duty {
  agency: string;
  leads: ReportRow[];
  /** Rows the agency supports, grouped by the lead it supports. */
  supports: Map<string, ReportRow[]>;
}

/** Each agency's duties: the rows it leads, then those it supports, in sheet order. */
export function duties(rows: ReportRow[]): Duty[] {
  const byKey = new Map<string, Duty>();
  const duty = (agency: string, key: string): Duty => {
    let found = byKey.get(key);
    if (!found) {
      found = { agency, leads: [], supports: new Map() };
      byKey.set(key, found);
    }
    return found;
  };
  // A sheet names a few dozen agencies over thousands of rows: each name is folded once.
  const folded = new Map<string, string>();
  const foldOnce = (name: string): string => {
    let key = folded.get(name);
    if (key === undefined) folded.set(name, (key = fold(name)));
    return key;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const leads = splitAgencies(row.agency);
    const leadKeys = leads.map(foldOnce);
    leads.forEach((lead, i) => duty(lead, leadKeys[i]).leads.push(row));
    const leadName = joinAgencies(leads);
    for (const partner of row.partners) {
      const key = foldOnce(partner);
      if (leadKeys.includes(key)) continue;
      // Pushed, not copied: an agency may support thousands of one lead's rows.
      const supports = duty(partner, key).supports;
      const supported = supports.get(leadName);
      if (supported === undefined) supports.set(leadName, [row]);
      else supported.push(row);
    }
  }
  return [...byKey.values()];
}

const names = (rows: ReportRow[]): string => rows.map((row) => midSentence(row.name)).join("; ");

/** The request letter (Công văn đề nghị) of docs/rules.md §5: per agency, what it leads and supports, and the deadline. */
export function draftLetter(
  report: WorkbookReport,
  settings: DraftSettings,
  templates: Templates
): DraftDocument {
  const docValues = documentValues(report, settings);
  const doc = documentFiller(report, settings, templates);
  const asked: ReportRow[] = [];
  eachUnit(report, (row, subs) => {
    if (row.type !== "total" && (rowLags(row, subs, ASKS) || row.likelyMissed)) asked.push(row);
  });
  // The compiling department writes the letter; it does not ask itself.
  const compiling = fold(settings.compilingAgency);
  const list = duties(asked).filter((d) => fold(d.agency) !== compiling);
  const agencyLine = (d: Duty): Block => {
    const support = [...d.supports.entries()]
      .map(([lead, rows]) =>
        fill("letter.support", templates["letter.support"], {
          ...docValues,
          "Cơ quan chủ trì": lead,
          "Chỉ tiêu": names(rows),
        })
      )
      .join("; ");
    const values = { "Cơ quan": d.agency, "Chỉ tiêu chủ trì": names(d.leads), "Phối hợp": support };
    const id: TemplateId =
      d.leads.length === 0
        ? "letter.agency.support"
        : support === ""
          ? "letter.agency.lead"
          : "letter.agency";
    return { style: "bullet", text: doc(id, values) };
  };
  return {
    kind: "letter",
    header: {
      issuingBody: settings.issuingBody,
      unit: settings.compilingAgency.toLocaleUpperCase("vi"),
      number: settings.letterNumber,
      subject: doc("letter.subject"),
      placeDate: `${settings.place}, ${settings.date}`,
    },
    parts: [
      {
        id: "recipients",
        blocks: [
          { style: "paragraph", text: "Kính gửi:" },
          ...list.map((d): Block => ({ style: "bullet", text: `${d.agency};` })),
        ],
      },
      { id: "intro", blocks: [{ style: "paragraph", text: doc("letter.intro") }] },
      ...list.map((d) => ({ id: `agency:${d.agency}`, agency: d.agency, blocks: [agencyLine(d)] })),
      {
        id: "closing",
        blocks: [
          { style: "paragraph", text: doc("letter.deadline") },
          { style: "note", text: "Nơi nhận:" },
          { style: "note", text: "- Như trên;" },
          { style: "note", text: "- Lưu: VT." },
        ],
      },
    ],
    signer: settings.letterSigner,
    signerName: settings.signerName,
    errors: [],
  };
}
