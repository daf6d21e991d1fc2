/**
 * Draft wording as plain-text templates with named Vietnamese placeholders (docs/rules.md §5):
 * edited by officials, saved as JSON in the workbook, never executed as code.
 */
import { workbookReport } from "../../../src/core/job";
import fc from "fast-check";
import path from "path";
import ExcelJS from "exceljs";
import { tableFromWorksheet } from "../../../src/xlsx/sheet";
import { computeSheet, Report } from "../../../src/core/engine";
import { draft, renderText } from "../../../src/core/draft";
import {
  DEFAULT_TEMPLATES,
  fill,
  isTemplateId,
  loadTemplates,
  parseTemplate,
  saveTemplates,
  TEMPLATE_FIELDS,
  TemplateError,
  TemplateId,
  Templates,
  tidy,
  validateTemplate,
} from "../../../src/core/draft/templates";
import type { CellValue, Table } from "../../../src/core/types";

const SAMPLE = path.resolve(__dirname, "..", "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");
const INVESTMENT_DEFAULT =
  "- Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 19.904 tỷ đồng.";

let report: Report;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const sheet = workbook.getWorksheet("Chỉ tiêu KT-XH 2024");
  if (!sheet) throw new Error("sample main sheet missing");
  report = computeSheet(tableFromWorksheet(sheet));
});

const saved = (templates: Record<string, unknown>): string =>
  JSON.stringify({ version: 1, templates });

/** The message of what `fn` throws, or fails. */
function thrown(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error("expected a TemplateError");
}

describe("the default templates", () => {
  it("all parse and use only their own placeholders", () => {
    for (const id of Object.keys(DEFAULT_TEMPLATES) as TemplateId[]) {
      expect(() => validateTemplate(id, DEFAULT_TEMPLATES[id])).not.toThrow();
    }
    expect(Object.keys(DEFAULT_TEMPLATES).sort()).toEqual(Object.keys(TEMPLATE_FIELDS).sort());
  });

  it("load unchanged from nothing, and save as an empty list", () => {
    for (const input of [null, undefined, "", "   "]) {
      expect(loadTemplates(input)).toEqual({ templates: DEFAULT_TEMPLATES, errors: [] });
    }
    expect(JSON.parse(saveTemplates({ ...DEFAULT_TEMPLATES }))).toEqual({
      version: 1,
      templates: {},
    });
  });
});

describe("a custom template", () => {
  it("changes the wording of the draft", () => {
    const json = saved({
      "row.remaining.up": "{Kỳ còn lại} cần thực hiện thêm {Còn lại} {Đơn vị tính} nữa",
      "plan.indicators": "a) Các chỉ tiêu chưa đạt",
    });
    const doc = draft(workbookReport([report]), { templates: json });
    const text = renderText(doc);
    expect(doc.errors).toEqual([]);
    expect(text).toContain(
      "- Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); 6 tháng cuối năm cần thực hiện thêm 19.904 tỷ đồng nữa."
    );
    expect(text).toContain("\na) Các chỉ tiêu chưa đạt\n");
    expect(text).not.toContain("a) Chỉ tiêu chủ yếu");
    expect(text).not.toContain(INVESTMENT_DEFAULT);
  });

  it("changes the letter too", () => {
    const json = saved({ "letter.deadline": "Đề nghị gửi về {Cơ quan tổng hợp} trước {Hạn}./." });
    const text = renderText(
      draft(workbookReport([report]), {
        kind: "letter",
        templates: json,
        settings: { deadline: "15/07/2024" },
      })
    );
    expect(text).toContain("\nĐề nghị gửi về Sở Kế hoạch và Đầu tư trước 15/7/2024./.\n");
    expect(text).not.toContain("chậm nhất ngày");
  });

  it("may write spaces inside the braces of a placeholder", () => {
    expect(fill("plan.subtitle", "Năm { Năm }", { Năm: "2026" })).toBe("Năm 2026");
  });

  it("is accepted without the {version, templates} wrapper", () => {
    const { templates, errors } = loadTemplates(
      JSON.stringify({ "plan.title": "KẾ HOẠCH HÀNH ĐỘNG" })
    );
    expect(errors).toEqual([]);
    expect(templates["plan.title"]).toBe("KẾ HOẠCH HÀNH ĐỘNG");
  });
});

describe("a broken template is reported in Vietnamese and the default used", () => {
  it("names an unknown placeholder ({Kế hoạch năm})", () => {
    const json = saved({ "row.target": "{Chỉ tiêu} năm {Năm} là {Kế hoạch năm} {Đơn vị tính}" });
    const { templates, errors } = loadTemplates(json);
    expect(templates["row.target"]).toBe(DEFAULT_TEMPLATES["row.target"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Mẫu "row.target"');
    expect(errors[0]).toContain("{Kế hoạch năm}");
    expect(errors[0]).toContain("trường không có");
    expect(errors[0]).toContain("{Kế hoạch}"); // what may be used instead
    expect(errors[0]).toContain("Dùng mẫu mặc định.");

    const doc = draft(workbookReport([report]), { templates: json });
    expect(doc.errors).toEqual(errors);
    expect(renderText(doc)).toContain(INVESTMENT_DEFAULT);
  });

  it("refuses a placeholder another template owns", () => {
    // {Hạn} belongs to the document templates, not to a row sentence.
    const error = thrown(() => validateTemplate("row.actual", "đạt {Thực hiện} trước {Hạn}"));
    expect(error.template).toBe("row.actual");
    expect(error.message).toContain("{Hạn}");
  });

  it("gives the position of an unclosed `{`", () => {
    const error = thrown(() => parseTemplate("plan.title", "KẾ HOẠCH {Năm"));
    expect(error.message).toBe(
      'Mẫu "plan.title" bị lỗi: dấu "{" ở vị trí 10 chưa được đóng bằng "}".'
    );
    // A `{` opened inside another placeholder is the same mistake.
    expect(thrown(() => parseTemplate("plan.title", "A {Năm {Năm}")).message).toContain("vị trí 3");
  });

  it("gives the position of a stray `}`", () => {
    const error = thrown(() => parseTemplate("plan.title", "KẾ HOẠCH }"));
    expect(error.message).toBe(
      'Mẫu "plan.title" bị lỗi: dấu "}" ở vị trí 10 không có dấu "{" mở tương ứng.'
    );
    expect(thrown(() => parseTemplate("plan.title", "{Năm} }")).message).toContain("vị trí 7");
  });

  it("keeps the default on brace errors when loading, and says where", () => {
    const { templates, errors } = loadTemplates(
      saved({ "plan.title": "KẾ HOẠCH {Năm", "plan.subtitle": "Năm {Năm}}" })
    );
    expect(templates["plan.title"]).toBe("KẾ HOẠCH");
    expect(templates["plan.subtitle"]).toBe(DEFAULT_TEMPLATES["plan.subtitle"]);
    expect(errors).toEqual([
      'Mẫu "plan.title" bị lỗi: dấu "{" ở vị trí 10 chưa được đóng bằng "}". Dùng mẫu mặc định.',
      'Mẫu "plan.subtitle" bị lỗi: dấu "}" ở vị trí 10 không có dấu "{" mở tương ứng. Dùng mẫu mặc định.',
    ]);
  });

  it("skips an unknown template name and a template that is not text", () => {
    const { templates, errors } = loadTemplates(
      saved({ "plan.tittle": "X", "plan.title": 42, "plan.closing": "Hết./." })
    );
    expect(errors).toEqual([
      'Không có mẫu tên "plan.tittle"; bỏ qua.',
      'Mẫu "plan.title" phải là một đoạn văn bản; dùng mẫu mặc định.',
    ]);
    expect(templates["plan.title"]).toBe(DEFAULT_TEMPLATES["plan.title"]);
    expect(templates["plan.closing"]).toBe("Hết./.");
  });
});

describe("JSON round trip", () => {
  it("saves only the changed templates, and loads them back over the defaults", () => {
    const edited: Templates = {
      ...DEFAULT_TEMPLATES,
      "plan.title": "KẾ HOẠCH HÀNH ĐỘNG",
      "letter.support": "cùng {Cơ quan chủ trì} thực hiện chỉ tiêu {Chỉ tiêu}",
    };
    const json = saveTemplates(edited);
    expect(JSON.parse(json)).toEqual({
      version: 1,
      templates: {
        "plan.title": "KẾ HOẠCH HÀNH ĐỘNG",
        "letter.support": "cùng {Cơ quan chủ trì} thực hiện chỉ tiêu {Chỉ tiêu}",
      },
    });
    expect(loadTemplates(json)).toEqual({ templates: edited, errors: [] });
    // A second round trip changes nothing.
    expect(saveTemplates(loadTemplates(json).templates)).toBe(json);
  });

  it("gives an error and the defaults for invalid JSON", () => {
    for (const bad of ["{", "{'plan.title': 'x'}", "KẾ HOẠCH", '{"templates": {"plan.title": "x"'])
      expect(loadTemplates(bad)).toEqual({
        templates: DEFAULT_TEMPLATES,
        errors: ["Tệp mẫu không phải JSON hợp lệ; dùng mẫu mặc định."],
      });
    const doc = draft(workbookReport([report]), { templates: "{not json" });
    expect(doc.errors).toEqual(["Tệp mẫu không phải JSON hợp lệ; dùng mẫu mặc định."]);
    expect(renderText(doc)).toContain(INVESTMENT_DEFAULT);
  });

  it("gives an error and the defaults for JSON that holds no templates", () => {
    for (const bad of ["null", "42", '"text"', '{"templates": "x"}'])
      expect(loadTemplates(bad)).toEqual({
        templates: DEFAULT_TEMPLATES,
        errors: ["Tệp mẫu không có danh sách mẫu; dùng mẫu mặc định."],
      });
  });
});

describe("a template is text, never code", () => {
  let exitSpy: jest.SpyInstance;
  beforeEach(() => {
    exitSpy = jest.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`process.exit(${code}) was called`);
    }) as never);
  });
  afterEach(() => exitSpy.mockRestore());

  it("rejects `${process.exit()}` as an unknown placeholder, and never calls it", () => {
    const { templates, errors } = loadTemplates(
      saved({ "plan.title": "KẾ HOẠCH ${process.exit()}" })
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("{process.exit()}");
    expect(templates["plan.title"]).toBe("KẾ HOẠCH");
    const doc = draft(workbookReport([report]), {
      templates: saved({ "plan.title": "${process.exit(3)}" }),
    });
    expect(renderText(doc)).not.toContain("process.exit");
    expect(exitSpy).not.toHaveBeenCalled();
  });

  it("outputs template-literal and code-like text without braces literally", () => {
    const literal = "KẾ HOẠCH `$` + require('fs') /* x */ ${1+1 năm {Năm}";
    // An unclosed `${` is refused; the same text closed with a known placeholder is kept as written.
    expect(loadTemplates(saved({ "plan.title": literal })).errors[0]).toContain("vị trí");
    const safe = "KẾ HOẠCH `$` + require('fs') /* x */ $ năm {Năm} = 1+1";
    const { templates, errors } = loadTemplates(saved({ "plan.title": safe }));
    expect(errors).toEqual([]);
    const text = renderText(
      draft(workbookReport([report]), { templates: saveTemplates(templates) })
    );
    expect(text).toContain("\nKẾ HOẠCH `$` + require('fs') /* x */ $ năm 2024 = 1+1\n");
    expect(exitSpy).not.toHaveBeenCalled();
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"])(
    "rejects {%s} when loading, and drafts with the default",
    (name) => {
      const json = saved({
        "plan.title": `KẾ HOẠCH {${name}}`,
        "row.target": `{${name}} {Chỉ tiêu}`,
      });
      const { templates, errors } = loadTemplates(json);
      expect(errors).toHaveLength(2);
      for (const error of errors) expect(error).toContain(`{${name}}`);
      expect(templates["plan.title"]).toBe("KẾ HOẠCH");
      const text = renderText(draft(workbookReport([report]), { templates: json }));
      expect(text).toContain(INVESTMENT_DEFAULT);
      expect(text).not.toMatch(/native code|\[object Object\]|function /);
    }
  );

  it("does not let a JSON `__proto__` or `constructor` key touch the templates", () => {
    const json = '{"templates": {"__proto__": {"plan.title": "X"}, "constructor": "Y"}}';
    const { templates, errors } = loadTemplates(json);
    expect(templates).toEqual(DEFAULT_TEMPLATES);
    expect(Object.getPrototypeOf(templates)).toBe(Object.prototype);
    expect(errors).toEqual([
      'Không có mẫu tên "__proto__"; bỏ qua.',
      'Không có mẫu tên "constructor"; bỏ qua.',
    ]);
    expect(isTemplateId("constructor")).toBe(false);
    expect(isTemplateId("__proto__")).toBe(false);
    expect(isTemplateId("toString")).toBe(false);
  });

  it("outputs template syntax found in the workbook's data literally", () => {
    const rows: CellValue[][] = [
      [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Kế hoạch",
        "Thực hiện 6 tháng đầu năm",
        "Cơ quan chủ trì",
        "Nhiệm vụ, giải pháp",
      ],
      [
        1,
        "Chỉ tiêu {Năm} ${process.exit()}",
        "tỷ đồng",
        100,
        10,
        "Sở {Cơ quan tổng hợp}",
        "Giải pháp {Hạn} {constructor}",
      ],
    ];
    const table: Table = { sheet: "S", origin: { row: 1, col: 1 }, values: rows, merges: [] };
    const text = renderText(
      draft(workbookReport([computeSheet(table)]), { settings: { year: 2026 } })
    );
    expect(text).toContain("\n1. Sở {Cơ quan tổng hợp}\n");
    expect(text).toContain("\n- Chỉ tiêu {Năm} ${process.exit()} năm 2026 là 100 tỷ đồng:");
    expect(text).toContain("\n- Giải pháp {Hạn} {constructor}\n");
    expect(exitSpy).not.toHaveBeenCalled();
  });

  // Placeholders are looked up as own keys only: `{constructor}` is not a value.
  it("fill never resolves a placeholder to an Object.prototype member", () => {
    expect(fill("row.target", "{constructor}|{__proto__}|{toString}", {})).toBe("||");
  });

  it("fill substitutes text only, and leaves a missing value empty", () => {
    expect(fill("row.target", "{Chỉ tiêu} năm {Năm}", { "Chỉ tiêu": "${x}", Năm: "{Năm}" })).toBe(
      "${x} năm {Năm}"
    );
    expect(fill("row.target", "A {Kế hoạch} B", {})).toBe("A B");
  });
});

describe("tidy", () => {
  it("applies Vietnamese typography after substitution", () => {
    expect(tidy("  đạt 41,46 %  kế hoạch ( đạt ) ;  xong .")).toBe(
      "đạt 41,46% kế hoạch (đạt); xong."
    );
    expect(tidy("a\t\tb")).toBe("a b");
  });

  // The rules one at a time, as they are written: the one-pass tidy must give the same text.
  const byRules = (text: string): string =>
    text
      .replace(/[ \t]+/g, " ")
      .replace(/ +([%,;:.)])/g, "$1")
      .replace(/\( +/g, "(")
      .replace(/ +\n/g, "\n")
      .trim();

  it("gives what its rules give one after another", () => {
    const text = fc
      .array(fc.constantFrom(..." \t\n\r%,;:.)(ađ\u00a0".split(""), "  ", "{x}"), { maxLength: 24 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (t) => tidy(t) === byRules(t)),
      { numRuns: 3000 }
    );
  });
});
