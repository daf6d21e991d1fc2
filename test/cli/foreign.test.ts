/**
 * The CLI against workbooks other programs wrote: test/fixtures/foreign holds files from
 * the public test suites of other xlsx readers and writers (SOURCES.md lists each with its
 * origin, generator and oddities; survey.py re-checks the oddities).
 *
 * Each readable file is run twice: as it is, and with a small indicator table added below
 * the last used row of its first worksheet (foreignTable.ts). Each run must either refuse
 * the file with one Vietnamese line (exit 2, nothing written), or write a copy in which:
 * - exceljs opens the copy (when it opens the input);
 * - every XML part is well-formed, namespaces included;
 * - the top-level children of the worksheets and the styles part are in schema order;
 * - every cell the user had is unchanged, and new cells sit only in the result columns;
 * - every other ZIP entry keeps its compressed bytes.
 * With LibreOffice on the PATH, the copy is also read by LibreOffice (to CSV, the user's
 * rows must be there as they were) and the input re-saved by LibreOffice must give the
 * same indicator figures.
 */
import ExcelJS from "exceljs";
import { execFile } from "child_process";
import { createReadStream, existsSync, readdirSync } from "fs";
import { promises as fs } from "fs";
import path from "path";
import { createInterface } from "readline";
import { Run, runMain } from "../fixtures/cli";
import type { WorkbookReport } from "../../src/core/job";
import { readReportJson } from "../../src/core/reportJson";
import { makeTempDir, removeTempDir } from "../fixtures/workbooks";
import {
  addIndicatorTable,
  AddedTable,
  cellPosition,
  CellRecord,
  columnName,
  decodeXml,
  INDICATORS,
  Package,
  parseXml,
  readCells,
  topLevelChildren,
} from "./foreignTable";

jest.setTimeout(120_000);

const DIR = path.join(__dirname, "..", "fixtures", "foreign");
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

/**
 * Files that are no readable .xlsx package: a corrupt or truncated ZIP (fuzzer output, a bad
 * CRC, a file cut in half), an encrypted workbook (an OLE compound file), Excel's owner
 * lock file `~$…`, an empty archive, a ZIP with no workbook, a PowerPoint file named .xlsx.
 * The CLI must refuse each with exit 2 and one Vietnamese line naming the file.
 */
const UNREADABLE = new Set([
  "calamine--issue252.xlsx",
  "closedxml--loadpivottables.xlsx",
  "excelize--encryptaes.xlsx",
  "exceljs--missing-bits.xlsx",
  "poi--clusterfuzz-testcase-minimized-poifuzzer-5040805309710336.xlsx",
  "poi--clusterfuzz-testcase-minimized-poixssffuzzer-4828727001088000.xlsx",
  "poi--clusterfuzz-testcase-minimized-xlsx2csvfuzzer-5636439151607808.xlsx",
  "poi--invalid.xlsx",
  "poi--protected_passtika.xlsx",
  "xlnt--1_powerpoint_presentation.xlsx",
  "xlsxwriter--rich_string01-truncated.xlsx",
]);
const READABLE = FILES.filter((f) => !UNREADABLE.has(f));

/** ECMA-376 Part 1, §18.3.1.99 CT_Worksheet: the sequence of its children. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
/** Children that may repeat (maxOccurs="unbounded"). */
const WORKSHEET_REPEATS = new Set(["cols", "conditionalFormatting"]);

/** ECMA-376 Part 1, §18.8.39 CT_Stylesheet. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const OWN_PREFIX = "Chỉ tiêu · ";
/** The last row and column of a sheet (XFD1048576). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** Functions whose value changes on every calculation. */
const VOLATILE = /\b(NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;
const STACK = /^\s+at\s|Error:|TypeError|RangeError/m;

const lines = (text: string): string[] => text.split("\n").filter((line) => line.trim() !== "");

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

let tmp: string;
beforeAll(async () => {
  tmp = await makeTempDir();
});
afterAll(async () => {
  await removeTempDir(tmp);
});

// ---------------------------------------------------------------------------------------
// One case: a file as it is, or with the table added

type Variant = "as-is" | "table";

interface Case {
  file: string;
  variant: Variant;
  /** The CLI's input: the corpus file, or it with the table. */
  input: Buffer;
  inputPath: string;
  table?: AddedTable;
  run: Run;
  copy?: Buffer;
  report?: WorkbookReport;
  failures: string[];
}

const cases = new Map<string, Promise<Case>>();

/** Runs a case once; the LibreOffice checks reuse what the first pass computed. */
function runCase(file: string, variant: Variant): Promise<Case> {
  const key = `${variant}:${file}`;
  let found = cases.get(key);
  if (found === undefined) {
    found = computeCase(file, variant);
    cases.set(key, found);
  }
  return found;
}

async function computeCase(file: string, variant: Variant): Promise<Case> {
  const original = await fs.readFile(path.join(DIR, file));
  const dir = path.join(tmp, variant, file.replace(/\.xlsx$/, ""));
  await fs.mkdir(dir, { recursive: true });
  let input: Buffer = original;
  let table: AddedTable | undefined;
  if (variant === "table") {
    table = addIndicatorTable(original);
    input = table.data;
  }
  const inputPath = path.join(dir, file);
  await fs.writeFile(inputPath, input);
  const outPath = path.join(dir, "copy.xlsx");
  const jsonPath = path.join(dir, "report.json");
  const run = await runMain(["compute", inputPath, "--out", outPath, "--json", jsonPath]);
  const c: Case = { file, variant, input, inputPath, table, run, failures: [] };
  const fail = (text: string): void => void c.failures.push(`${file} [${variant}]: ${text}`);

  if (run.thrown !== undefined) {
    fail(
      `main() threw (the binary would exit 70 with a stack trace): ${describeError(run.thrown)}`
    );
    return c;
  }
  const written = readdirSync(dir).filter((f) => f !== file);
  if (run.code !== 0) {
    const said = lines(run.stderr);
    const refusal =
      run.code === 2 && said.length === 1 && VIETNAMESE.test(said[0]) && !STACK.test(run.stderr);
    if (!refusal) fail(`exit ${run.code}, stderr ${JSON.stringify(run.stderr.slice(0, 400))}`);
    else if (variant === "table")
      fail(
        `refused the workbook with the added table (header at row ${table?.headerRow} of "${table?.sheet}"): exit 2, ${said[0]}`
      );
    if (written.length > 0) fail(`exit ${run.code} but wrote ${written.join(", ")}`);
    return c;
  }
  if (STACK.test(run.stderr))
    fail(`exit 0 with a stack trace on stderr: ${run.stderr.slice(0, 300)}`);
  if (!existsSync(outPath)) {
    fail("exit 0 but no copy at --out");
    return c;
  }
  const stray = written.filter((f) => f !== "copy.xlsx" && f !== "report.json");
  if (stray.length > 0) fail(`left files behind: ${stray.join(", ")}`);
  c.copy = await fs.readFile(outPath);
  c.report = readReportJson(await fs.readFile(jsonPath, "utf8"));
  await checkCopy(c, fail);
  if (table) checkTableReport(c, table, fail);
  return c;
}

// ---------------------------------------------------------------------------------------
// The checks on a written copy

async function loadsInExcelJs(data: Buffer): Promise<string | null> {
  try {
    await new ExcelJS.Workbook().xlsx.load(data as unknown as ArrayBuffer);
    return null;
  } catch (error) {
    return describeError(error);
  }
}

function orderProblems(children: string[], order: string[], repeats: Set<string>): string[] {
  const problems: string[] = [];
  let highest = -1;
  let highestName = "";
  const seen = new Set<string>();
  for (const name of children) {
    const at = order.indexOf(name);
    if (at < 0) {
      problems.push(`<${name}> is no child of this element`);
      continue;
    }
    if (seen.has(name) && !repeats.has(name)) problems.push(`<${name}> twice`);
    seen.add(name);
    if (at < highest) problems.push(`<${name}> after <${highestName}>`);
    else {
      highest = at;
      highestName = name;
    }
  }
  return problems;
}

function childrenOf(pkg: Package, part: string | undefined): string[] | null {
  if (part === undefined) return null;
  const xml = pkg.text(part);
  if (xml === undefined) return null;
  try {
    return topLevelChildren(xml);
  } catch {
    return null;
  }
}

const sameCell = (a: CellRecord, b: CellRecord): boolean =>
  a.type === b.type && a.value === b.value && a.formula === b.formula;
const showCell = (c: CellRecord | undefined): string =>
  c === undefined ? "(none)" : JSON.stringify({ t: c.type, v: c.value.slice(0, 60), f: c.formula });
const isBlank = (c: CellRecord): boolean => c.value === "" && c.formula === null;

async function checkCopy(c: Case, fail: (text: string) => void): Promise<void> {
  const copy = c.copy as Buffer;
  const report = c.report as WorkbookReport;
  let before: Package;
  let after: Package;
  try {
    before = new Package(c.input);
    after = new Package(copy);
  } catch (error) {
    fail(`the copy is not a readable ZIP: ${describeError(error)}`);
    return;
  }

  // exceljs opens the copy whenever it opens the input.
  const copyError = await loadsInExcelJs(copy);
  if (copyError !== null) {
    const inputError = await loadsInExcelJs(c.input);
    if (inputError === null)
      fail(`exceljs cannot open the copy (it opens the input): ${copyError}`);
  }

  // Which parts the CLI may change: the sheets it computed and the styles part; where the
  // input had no styles part, the new one and the two parts that point to it.
  const sheetsBefore = before.worksheets();
  const writtenNames = new Set(report.sheets.map((s) => s.sheet));
  const writtenParts = sheetsBefore
    .filter((s) => writtenNames.has(s.name) && s.part)
    .map((s) => s.part as string);
  const allowed = new Set<string>(writtenParts.map((p) => before.entry(p) as string));
  const stylesBefore = before.stylesPart;
  const stylesAfter = after.stylesPart;
  if (stylesBefore !== undefined) allowed.add(before.entry(stylesBefore) as string);
  const addedStyles = stylesBefore === undefined && stylesAfter !== undefined;
  if (addedStyles) {
    allowed.add(before.entry("[Content_Types].xml") ?? "[Content_Types].xml");
    const wb = before.workbookPart;
    const slash = wb.lastIndexOf("/");
    const rels = `${wb.slice(0, slash + 1)}_rels/${wb.slice(slash + 1)}.rels`;
    allowed.add(before.entry(rels) ?? rels);
  }

  // Every other entry: there, with the same compressed bytes; nothing else added.
  const beforeEntries = new Map(before.archive.entries.map((e) => [e.name, e]));
  const afterEntries = new Map(after.archive.entries.map((e) => [e.name, e]));
  for (const [name, entry] of beforeEntries) {
    const other = afterEntries.get(name);
    if (other === undefined) fail(`entry ${name} is missing from the copy`);
    else if (!allowed.has(name) && !entry.raw.equals(other.raw))
      fail(
        `entry ${name} changed (compressed ${entry.raw.length} → ${other.raw.length} bytes, method ${entry.method} → ${other.method}); only ${[...allowed].join(", ")} may`
      );
  }
  for (const name of afterEntries.keys())
    if (!beforeEntries.has(name)) {
      const isNewStyles =
        addedStyles && stylesAfter !== undefined && after.entry(stylesAfter) === name;
      if (!isNewStyles) fail(`entry ${name} was added to the copy`);
    }

  // Every XML part well-formed (a part copied as it was from a malformed input is not the CLI's doing).
  for (const entry of after.archive.entries) {
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    let text: string;
    try {
      text = decodeXml(after.archive.bytes(entry.name) as Buffer);
    } catch (error) {
      fail(`entry ${entry.name} cannot be inflated: ${describeError(error)}`);
      continue;
    }
    try {
      parseXml(text);
    } catch (error) {
      const old = beforeEntries.get(entry.name);
      let inputBroken = false;
      if (old && old.raw.equals(entry.raw))
        try {
          parseXml(decodeXml(before.archive.bytes(entry.name) as Buffer));
        } catch {
          inputBroken = true;
        }
      if (!inputBroken) fail(`${entry.name} is not well-formed XML: ${describeError(error)}`);
    }
  }

  // Schema order of the changed worksheets and the styles part: no problem the input did not have.
  const orderCheck = (part: string | undefined, order: string[], repeats: Set<string>): void => {
    const now = childrenOf(after, part);
    if (now === null) return;
    const was = childrenOf(before, part);
    const old = new Set(was === null ? [] : orderProblems(was, order, repeats));
    for (const problem of orderProblems(now, order, repeats))
      if (!old.has(problem)) fail(`${part}: ${problem} (children: ${now.join(" ")})`);
  };
  for (const part of writtenParts) orderCheck(part, WORKSHEET_ORDER, WORKSHEET_REPEATS);
  orderCheck(stylesAfter, STYLESHEET_ORDER, new Set());

  // Every cell of every sheet: the user's unchanged; new ones only in the result columns.
  const sstBefore = before.sharedStrings();
  const sstAfter = after.sharedStrings();
  const sheetsAfter = new Map(after.worksheets().map((s) => [s.name, s]));
  for (const sheet of sheetsBefore) {
    const other = sheetsAfter.get(sheet.name);
    if (other === undefined || other.part === null) {
      fail(`sheet "${sheet.name}" is missing from the copy`);
      continue;
    }
    const oldXml = before.text(sheet.part as string) as string;
    const newXml = after.text(other.part) as string;
    let oldCells: Map<string, CellRecord>;
    let newCells: Map<string, CellRecord>;
    try {
      oldCells = readCells(oldXml, sstBefore);
    } catch {
      continue; // the input's own sheet does not parse: nothing to compare against
    }
    try {
      newCells = readCells(newXml, sstAfter);
    } catch (error) {
      fail(`sheet "${sheet.name}" (${other.part}) cannot be read: ${describeError(error)}`);
      continue;
    }
    // The result columns: where the copy has one of the CLI's own headers ("Chỉ tiêu · …")
    // in a cell that was empty or absent.
    const resultCols = new Set<number>();
    for (const [ref, cell] of newCells) {
      const was = oldCells.get(ref);
      if ((was === undefined || isBlank(was)) && cell.value.startsWith(OWN_PREFIX))
        resultCols.add((cellPosition(ref) as [number, number])[1]);
    }
    const outside = [...newCells.keys()].filter((ref) => {
      const [row, col] = cellPosition(ref) as [number, number];
      return row > MAX_ROW || col > MAX_COL;
    });
    if (outside.length > 0)
      fail(
        `sheet "${sheet.name}": ${outside.length} cell(s) beyond XFD1048576, the end of a sheet: ${outside.slice(0, 5).join(", ")}`
      );
    const changed: string[] = [];
    for (const [ref, cell] of oldCells) {
      const now = newCells.get(ref);
      if (now !== undefined && sameCell(cell, now)) continue;
      const col = (cellPosition(ref) as [number, number])[1];
      if (resultCols.has(col) && isBlank(cell)) continue; // an empty formatted cell filled with a result
      changed.push(`${ref} ${showCell(cell)} → ${showCell(now)}`);
    }
    if (changed.length > 0)
      fail(
        `sheet "${sheet.name}": ${changed.length} user cell(s) changed: ${changed.slice(0, 5).join("; ")}`
      );
    const strays = [...newCells.keys()].filter(
      (ref) => !oldCells.has(ref) && !resultCols.has((cellPosition(ref) as [number, number])[1])
    );
    if (strays.length > 0)
      fail(
        `sheet "${sheet.name}": ${strays.length} new cell(s) outside the result columns ` +
          `(${[...resultCols].map(columnName).join(",") || "none"}): ${strays
            .slice(0, 5)
            .map((ref) => `${ref} ${showCell(newCells.get(ref))}`)
            .join("; ")}`
      );
  }
}

const numberOf = (value: number | string): number =>
  typeof value === "number" ? value : Number(value.replace(/\./g, "").replace(",", "."));

/** The added table must be the one the CLI found, with the figures it was given. */
function checkTableReport(c: Case, table: AddedTable, fail: (text: string) => void): void {
  const sheet = (c.report as WorkbookReport).sheets.find((s) => s.sheet === table.sheet);
  if (sheet === undefined) {
    fail(`no report for the sheet "${table.sheet}" that got the table`);
    return;
  }
  INDICATORS.forEach((ind, i) => {
    const row = sheet.rows.find((r) => r.row === table.rows[i]);
    if (row === undefined) {
      fail(`"${table.sheet}" row ${table.rows[i]} (${ind.name}) is not in the report`);
      return;
    }
    const got = { status: row.status, target: row.target, actual: row.actual };
    const want = { status: ind.status, target: numberOf(ind.target), actual: numberOf(ind.actual) };
    if (got.status !== want.status || got.target !== want.target || got.actual !== want.actual)
      fail(
        `"${table.sheet}" row ${row.row} (${ind.name}): ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`
      );
  });
}

// ---------------------------------------------------------------------------------------

describe("the foreign corpus", () => {
  it("has at least 60 files, the unreadable ones listed", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(60);
    for (const file of UNREADABLE) expect(FILES).toContain(file);
  });
});

describe("compute on unreadable files", () => {
  it.each([...UNREADABLE].sort())(
    "%s: exit 2, one Vietnamese line naming the file, nothing written",
    async (file) => {
      const dir = path.join(tmp, "unreadable", file);
      await fs.mkdir(dir, { recursive: true });
      const input = path.join(dir, file);
      await fs.copyFile(path.join(DIR, file), input);
      const run = await runMain([
        "compute",
        input,
        "--out",
        path.join(dir, "copy.xlsx"),
        "--json",
        path.join(dir, "r.json"),
      ]);
      const failures: string[] = [];
      if (run.thrown !== undefined) failures.push(`main() threw: ${describeError(run.thrown)}`);
      else {
        const said = lines(run.stderr);
        if (run.code !== 2) failures.push(`exit ${run.code}, expected 2`);
        if (said.length !== 1)
          failures.push(
            `${said.length} lines on stderr: ${JSON.stringify(run.stderr.slice(0, 400))}`
          );
        else {
          if (!VIETNAMESE.test(said[0])) failures.push(`not Vietnamese: ${said[0]}`);
          if (!said[0].includes(file)) failures.push(`does not name the file: ${said[0]}`);
        }
        if (STACK.test(run.stderr)) failures.push(`stack trace on stderr`);
      }
      const left = readdirSync(dir).filter((f) => f !== file);
      if (left.length > 0) failures.push(`wrote ${left.join(", ")}`);
      expect(failures.map((f) => `${file}: ${f}`)).toEqual([]);
    }
  );
});

describe("compute on foreign workbooks as they are", () => {
  it.each(READABLE)("%s", async (file) => {
    const c = await runCase(file, "as-is");
    expect(c.failures).toEqual([]);
  });
});

describe("compute on foreign workbooks with an indicator table added", () => {
  it.each(READABLE)("%s", async (file) => {
    const c = await runCase(file, "table");
    expect(c.failures).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// LibreOffice: reads the copies, and re-saves the inputs

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir !== "" && existsSync(candidate)) return candidate;
  }
  return null;
}

const SOFFICE = onPath("soffice");
const describeWithLibreOffice = SOFFICE ? describe : describe.skip;

/** One LibreOffice run over many files (it starts once: a few seconds, not a few a file). */
function soffice(
  profile: string,
  convertTo: string,
  outdir: string,
  files: string[]
): Promise<string> {
  return new Promise((resolve) => {
    if (files.length === 0) {
      resolve("");
      return;
    }
    execFile(
      SOFFICE as string,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        convertTo,
        "--outdir",
        outdir,
        ...files,
      ],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve(`${stdout}${stderr}${error ? `\n${error.message}` : ""}`)
    );
  });
}

/** CSV of sheet `n` (1-based), as shown, UTF-8. LibreOffice names it `<base>-<sheet>.csv`. */
const csvFilter = (n: number): string =>
  `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,${n}`;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A CSV read line by line, each row without its trailing empty fields: LibreOffice writes
 * every row out to the sheet's last used column, which for a workbook with a cell at
 * FOO100000 is 100.000 rows of 4.460 commas, more than a string can hold at once. The
 * trailing commas go before the row is split: splitting them first and popping the empty
 * fields would keep each row's backing store of 4.461 slots (100.000 rows: some 3,5 GB).
 * A comma after the last quote of a whole record is outside any quoted field, so cutting
 * the trailing run of commas drops exactly the trailing empty unquoted fields.
 */
async function readCsvOf(dir: string, base: string): Promise<string[][] | null> {
  const name = readdirSync(dir).find(
    (f) => f === `${base}.csv` || (f.startsWith(`${base}-`) && f.endsWith(".csv"))
  );
  if (name === undefined) return null;
  const rows: string[][] = [];
  let pending: string | null = null;
  const lines = createInterface({
    input: createReadStream(path.join(dir, name), { encoding: "utf8" }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    pending = pending === null ? line : `${pending}\n${line}`;
    // An odd number of quotes: a quoted field runs on to the next line.
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    let end = pending.length;
    while (end > 0 && pending.charCodeAt(end - 1) === 44 /* , */) end--;
    const row = end === 0 ? [] : (parseCsv(pending.slice(0, end))[0] ?? []);
    while (row.length > 0 && row[row.length - 1] === "") row.pop(); // quoted empty fields ("")
    rows.push(row);
    pending = null;
  }
  return rows;
}

/** A message with its file's path taken out, to compare runs on two copies of a file. */
const sameWords = (text: string, file: string): string => text.split(file).join("<file>");

type Row = WorkbookReport["sheets"][number]["rows"][number];

/** What the re-save comparison looks at of a row: figures and status, rounded past noise. */
function figures(row: Row | undefined) {
  if (row === undefined) return undefined;
  const round = (n: number | null): number | null => (n === null ? null : Number(n.toFixed(9)));
  return {
    status: row.status,
    target: row.target,
    actual: row.actual,
    achievement: round(row.achievement),
    remaining: round(row.remaining),
  };
}

interface LibreOfficeRun {
  inCsv: string;
  outCsv: string;
  resaved: string;
  log: string;
}

describeWithLibreOffice("LibreOffice reads the copies of the workbooks with a table", () => {
  let lo: LibreOfficeRun;
  const base = (file: string): string => file.replace(/\.xlsx$/, "");

  beforeAll(async () => {
    const root = path.join(tmp, "libreoffice");
    lo = {
      inCsv: path.join(root, "in-csv"),
      outCsv: path.join(root, "out-csv"),
      resaved: path.join(root, "resaved"),
      log: "",
    };
    const inputs = path.join(root, "in");
    const copies = path.join(root, "out");
    for (const dir of [inputs, copies, lo.inCsv, lo.outCsv, lo.resaved])
      await fs.mkdir(dir, { recursive: true });
    const byPosition = new Map<number, { inputs: string[]; copies: string[] }>();
    for (const file of READABLE) {
      const c = await runCase(file, "table");
      const position = (c.table as AddedTable).position;
      const group = byPosition.get(position) ?? { inputs: [], copies: [] };
      byPosition.set(position, group);
      const input = path.join(inputs, file);
      await fs.writeFile(input, c.input);
      group.inputs.push(input);
      if (c.copy) {
        const copy = path.join(copies, file);
        await fs.writeFile(copy, c.copy);
        group.copies.push(copy);
      }
    }
    const profile = path.join(root, "profile");
    for (const [position, group] of byPosition) {
      lo.log += await soffice(profile, csvFilter(position), lo.inCsv, group.inputs);
      lo.log += await soffice(profile, csvFilter(position), lo.outCsv, group.copies);
    }
    lo.log += await soffice(
      profile,
      "xlsx:Calc MS Excel 2007 XML",
      lo.resaved,
      READABLE.map((f) => path.join(inputs, f))
    );
  }, 1_800_000);

  it("converted the inputs (else the checks below would compare nothing)", () => {
    const converted = READABLE.filter((f) =>
      readdirSync(lo.inCsv).some((c) => c.startsWith(`${base(f)}-`) || c === `${base(f)}.csv`)
    );
    expect({
      converted: converted.length,
      log: converted.length < READABLE.length * 0.9 ? lo.log.slice(-2000) : "",
    }).toEqual({
      converted: expect.any(Number),
      log: "",
    });
  });

  it.each(READABLE)(
    "%s: the user's rows are in LibreOffice's reading of the copy",
    async (file) => {
      const c = await runCase(file, "table");
      const table = c.table as AddedTable;
      if (c.copy === undefined) return; // no copy: the first pass has failed it already
      const before = await readCsvOf(lo.inCsv, base(file));
      if (before === null) return; // LibreOffice cannot read the input itself
      const after = await readCsvOf(lo.outCsv, base(file));
      const failures: string[] = [];
      if (after === null)
        failures.push(`LibreOffice could not convert the copy (it converts the input)`);
      else {
        if (after.length < before.length)
          failures.push(`the copy has ${after.length} CSV rows, the input ${before.length}`);
        // CSV row i, field j is cell (i + 1, j + 1); a volatile formula's cell (NOW()) is
        // left out, as LibreOffice recalculates it on each load.
        const pkg = new Package(c.input);
        const volatile = new Set<string>();
        for (const [ref, cell] of readCells(pkg.text(table.part) as string, pkg.sharedStrings()))
          if (cell.formula !== null && VOLATILE.test(cell.formula)) volatile.add(ref);
        const diffs: string[] = [];
        before.forEach((fields, i) => {
          let width = fields.length;
          while (width > 0 && fields[width - 1] === "") width--;
          const keep = (_: string, j: number): boolean =>
            !volatile.has(`${columnName(j + 1)}${i + 1}`);
          const shown = after[i] ?? [];
          const got = Array.from({ length: width }, (_, j) => shown[j] ?? "").filter(keep);
          const want = fields.slice(0, width).filter(keep);
          if (got.join("\u0001") !== want.join("\u0001"))
            diffs.push(
              `row ${i + 1}: ${JSON.stringify(want).slice(0, 160)} became ${JSON.stringify(got).slice(0, 160)}`
            );
        });
        if (diffs.length > 0)
          failures.push(
            `${diffs.length} row(s) differ as LibreOffice shows them: ${diffs.slice(0, 3).join("; ")}`
          );
      }
      expect(failures.map((f) => `${file} [table, LibreOffice CSV]: ${f}`)).toEqual([]);
    }
  );

  it.each(READABLE)("%s: re-saved by LibreOffice, the same indicator results", async (file) => {
    const c = await runCase(file, "table");
    const table = c.table as AddedTable;
    const resaved = path.join(lo.resaved, file);
    const failures: string[] = [];
    if (!existsSync(resaved)) {
      // LibreOffice cannot read every package (ZIP entries named with backslashes): then it
      // has no CSV of the input either, and there is nothing to compare.
      if ((await readCsvOf(lo.inCsv, base(file))) !== null)
        failures.push(`LibreOffice did not re-save the input`);
    } else {
      const json = path.join(lo.resaved, `${base(file)}.json`);
      const run = await runMain(["compute", resaved, "--json", json]);
      if (run.thrown !== undefined)
        failures.push(`main() threw on the re-saved file: ${describeError(run.thrown)}`);
      else if (
        run.code !== 0 &&
        c.run.code === run.code &&
        sameWords(c.run.stderr, c.inputPath) === sameWords(run.stderr, resaved)
      ) {
        // The same refusal as before the re-save: the first pass reports it.
      } else if (run.code !== 0)
        failures.push(`exit ${run.code} on the re-saved file: ${run.stderr.trim().slice(0, 300)}`);
      else if (c.run.code !== 0)
        failures.push(
          `exit 0 on the re-saved file, but exit ${c.run.code} before: ${c.run.stderr.trim().slice(0, 200)}`
        );
      else {
        const again = readReportJson(await fs.readFile(json, "utf8"));
        const sheet = again.sheets.find((s) => s.sheet === table.sheet);
        const first = c.report?.sheets.find((s) => s.sheet === table.sheet);
        if (sheet === undefined) failures.push(`no report for "${table.sheet}" after the re-save`);
        else
          INDICATORS.forEach((ind, i) => {
            const got = figures(sheet.rows.find((r) => r.name === ind.name));
            // Before: the first run's figures, or, where that run failed, the table's own.
            const want = figures(first?.rows.find((r) => r.row === table.rows[i])) ?? {
              status: ind.status,
              target: numberOf(ind.target),
              actual: numberOf(ind.actual),
            };
            if (got === undefined)
              failures.push(`"${ind.name}" is not in the report after the re-save`);
            else {
              const keys = Object.keys(want) as (keyof typeof got)[];
              if (keys.some((k) => got[k] !== want[k as keyof typeof want]))
                failures.push(
                  `"${ind.name}": ${JSON.stringify(got)} after the re-save, ${JSON.stringify(want)} before`
                );
            }
          });
      }
    }
    expect(failures.map((f) => `${file} [table, LibreOffice re-save]: ${f}`)).toEqual([]);
  });
});
