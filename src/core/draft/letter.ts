import { Report, ReportRow } from "../engine";
import { splitAgencies } from "../rows";
import { fold } from "../text";
import { Block, DraftDocument } from "./document";
import { documentFiller, documentValues, joinAgencies, lags, withSubs } from "./plan";
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
  const duty = (agency: string): Duty => {
    const key = fold(agency);
    let found = byKey.get(key);
    if (!found) {
      found = { agency, leads: [], supports: new Map() };
      byKey.set(key, found);
    }
    return found;
  };
  for (const row of rows) {
    const leads = splitAgencies(row.agency);
    for (const lead of leads) duty(lead).leads.push(row);
    const leadName = joinAgencies(leads);
    for (const partner of row.partners) {
      if (leads.some((lead) => fold(lead) === fold(partner))) continue;
      const supports = duty(partner).supports;
      supports.set(leadName, [...(supports.get(leadName) ?? []), row]);
    }
  }
  return [...byKey.values()];
}

const names = (rows: ReportRow[]): string => rows.map((row) => midSentence(row.name)).join("; ");

/** The request letter (Công văn đề nghị) of DOMAIN §5: per agency, what it leads and supports, and the deadline. */
export function draftLetter(
  report: Report,
  settings: DraftSettings,
  templates: Templates
): DraftDocument {
  const docValues = documentValues(report, settings);
  const doc = documentFiller(report, settings, templates);
  const asked = withSubs(report)
    .filter((u) => u.row.type !== "total" && (lags(u, ASKS) || u.row.likelyMissed))
    .map((u) => u.row);
  // The compiling department writes the letter; it does not ask itself.
  const list = duties(asked).filter((d) => fold(d.agency) !== fold(settings.compilingAgency));
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
