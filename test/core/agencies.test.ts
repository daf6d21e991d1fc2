import { splitAgencies } from "../../src/core/agencies";

describe("splitAgencies", () => {
  it.each<[string, string[]]>([
    ["Sở Tài chính; Thuế tỉnh", ["Sở Tài chính", "Thuế tỉnh"]],
    ["Sở Tài chính;Thuế tỉnh;", ["Sở Tài chính", "Thuế tỉnh"]],
    ["- Sở Y tế\n- Sở Nội vụ\r\n+ Công an tỉnh", ["Sở Y tế", "Sở Nội vụ", "Công an tỉnh"]],
    [
      "Ủy ban nhân dân các huyện, thị xã, thành phố",
      ["Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ],
    [
      "Các sở, ban, ngành tỉnh; UBND các xã, phường",
      ["Các sở, ban, ngành tỉnh", "UBND các xã, phường"],
    ],
    ["", []],
  ])("%j", (text, parts) => {
    expect(splitAgencies(text)).toEqual(parts);
  });
});
