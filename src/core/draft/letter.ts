import { ReportRow } from "../engine";
import { WorkbookReport } from "../job";
import { splitAgencies } from "../agencies";
import { fold } from "../text";
import { archiveLine, Block, DraftDocument, endList, listLines } from "./document";
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

/**
 * Indicators as one clause, each named as such so that a comma inside a name cannot be
 * taken for a separator: `chỉ tiêu a, chỉ tiêu b và chỉ tiêu c`. `;` is left to separate
 * an agency's duties (what it leads; what it supports for each lead).
 */
const names = (rows: ReportRow[]): string =>
  joinAgencies(rows.map((row) => `chỉ tiêu ${midSentence(row.name)}`));

/**
 * `Kính gửi:` and its recipients, Decree 30's way: one on the same line; several one a
 * line, `;` after each but the last.
 */
function addressees(agencies: string[]): Block[] {
  const names = recipientNames(agencies);
  if (names.length === 1) return [{ style: "addressee", text: `Kính gửi: ${names[0]}.` }];
  return [
    { style: "addressee", text: "Kính gửi:" },
    ...listLines(names).map((text): Block => ({ style: "recipient", text })),
  ];
}

/**
 * Who is addressed, each once, as the 2023 letter writes it: a group (`Các sở, ban, ngành
 * tỉnh`) is left out where the letter names one of its members, which it then reaches by
 * name; two or more departments (`Sở …`) share one line, `Các sở: Y tế; Xây dựng`.
 */
export function recipientNames(agencies: readonly string[]): string[] {
  // The kind each named body starts with, told once for all groups: a letter to every
  // commune names thousands of bodies, and each group would fold every one of them again.
  const namedKinds = new Set(agencies.filter((a) => !isGroup(a)).map(kindOf));
  const kept = agencies.filter((a) => !isGroup(a) || !groupKinds(a).some((k) => namedKinds.has(k)));
  const departments = kept.filter((a) => /^sở\s/i.test(a));
  if (departments.length < 2) return kept;
  const line = `Các sở: ${departments.map((a) => a.replace(/^sở\s+/i, "")).join("; ")}`;
  const out: string[] = [];
  for (const agency of kept) {
    if (!departments.includes(agency)) out.push(agency);
    else if (agency === departments[0]) out.push(line);
  }
  return out;
}

/** `Các sở, ban, ngành tỉnh`, `các chủ đầu tư`: a kind of body, not one body. */
const isGroup = (agency: string): boolean => /^các\s/i.test(agency.trim());

/** The kinds of body a group names, folded: `Các sở, ban, ngành tỉnh` // ["so", "ban", "nganh"] */
function groupKinds(group: string): string[] {
  return fold(group)
    .replace(/^cac\s+/, "")
    .split(/,\s*|\s+va\s+/)
    .map((kind) => kind.trim().split(/\s+/)[0]);
}

/** The kind a named body starts with, folded: `Sở Y tế` // "so"; a group covers it when it names it. */
const kindOf = (agency: string): string => fold(agency).split(/\s+/)[0];

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
  const lines = list.map(agencyLine);
  // The list of requests ends as Decree 30 ends a list: `.` after the last.
  if (lines.length > 0) {
    const last = lines[lines.length - 1];
    lines[lines.length - 1] = { ...last, text: endList(last.text) };
  }
  return {
    kind: "letter",
    header: {
      parentBody: settings.issuingBody,
      issuingBody: settings.compilingAgency.toLocaleUpperCase("vi"),
      number: settings.letterNumber,
      subject: doc("letter.subject"),
      placeDate: `${settings.place}, ${settings.date}`,
    },
    parts: [
      { id: "recipients", blocks: addressees(list.map((d) => d.agency)) },
      { id: "intro", blocks: [{ style: "paragraph", text: doc("letter.intro") }] },
      ...list.map((d, i) => ({ id: `agency:${d.agency}`, agency: d.agency, blocks: [lines[i]] })),
      {
        id: "closing",
        blocks: [{ style: "paragraph", text: doc("letter.deadline") }],
      },
    ],
    copies: listLines(["Như trên", archiveLine(settings.archiveUnit)]),
    signature: { lines: settings.letterSigner, name: settings.signerName },
    errors: [],
  };
}
