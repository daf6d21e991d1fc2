import fc from "fast-check";
import {
  blockBytes,
  cellBytes,
  isPayloadTooLarge,
  payloadBytes,
  utf8Length,
} from "../../src/excel/payload";

/** What the wire carries: the JSON text, encoded in UTF-8. */
const wire = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

const cell = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom("Đúng tiến độ", "4.874,53", 'a "quoted"\nline\\', "\u0001", "😀", "\ud800x"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null)
);

describe("payload bytes", () => {
  it("counts a block of rows as the bytes of its JSON in UTF-8", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }), (rows) => {
        expect(blockBytes(rows)).toBe(wire(rows));
      })
    );
  });

  it("counts a cell the same way", () => {
    fc.assert(fc.property(cell, (value) => expect(cellBytes(value)).toBe(wire(value))));
  });

  it("counts Vietnamese letters as two or three bytes, not one", () => {
    expect(utf8Length("Đạt")).toBe(6);
    expect(payloadBytes(["Đạt"])).toBe(10);
    expect(cellBytes("Đạt")).toBe(8);
  });

  it("knows Excel's refusal of a payload over the limit by its code", () => {
    const error = (code: string) => Object.assign(new Error("RichApi.Error"), { code });
    expect(isPayloadTooLarge(error("ResponsePayloadSizeLimitExceeded"))).toBe(true);
    expect(isPayloadTooLarge(error("RequestPayloadSizeLimitExceeded"))).toBe(true);
    expect(isPayloadTooLarge(error("GeneralException"))).toBe(false);
    expect(isPayloadTooLarge("ResponsePayloadSizeLimitExceeded")).toBe(false);
  });
});
