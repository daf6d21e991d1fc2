import { cleanName, isSubRow, isTotalName } from "../../src/core/rowNames";

describe("isTotalName", () => {
  it.each<[string]>([
    ["Tổng cộng"],
    ["TỔNG CỘNG"],
    ["Tổng cộng toàn tỉnh"],
    ["Toàn tỉnh"],
    ["Cộng"],
    ["Cộng:"],
    ["Tổng số"],
    ["Tổng"],
    ["Toàn thành phố"],
    ["Tổng cộng (toàn tỉnh)"],
    ["Total"],
  ])("%j is a totals row", (name) => {
    expect(isTotalName(name)).toBe(true);
  });

  it.each<[string]>([
    ["Tổng vốn đầu tư toàn xã hội"],
    ["Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"],
    ["Công nghiệp"],
    ["Công nghiệp - xây dựng"],
    ["Tổng sản phẩm trên địa bàn (GRDP)"],
    ["Tổng số doanh nghiệp thành lập mới"],
    ["Cộng đồng dân cư"],
    ["Xã Tổng Cộng"],
    [""],
  ])("%j is not a totals row", (name) => {
    expect(isTotalName(name)).toBe(false);
  });
});

describe("isSubRow", () => {
  it.each<[string, string]>([
    ["", "- Trong đó: BHXH tự nguyện"],
    ["", "Trong đó: xã đạt chuẩn nông thôn mới"],
    ["-", "Tỷ lệ hộ dùng nước sạch"],
    ["1.1", "Nông nghiệp"],
    ["a)", "Vốn ngân sách"],
  ])("%j %j is a part of the row above", (label, name) => {
    expect(isSubRow(label, name)).toBe(true);
  });

  it.each<[string, string]>([
    ["1", "Tổng vốn đầu tư toàn xã hội"],
    ["", "Trong doanh nghiệp nhà nước"],
    ["II", "CHỈ TIÊU XÃ HỘI"],
  ])("%j %j stands on its own", (label, name) => {
    expect(isSubRow(label, name)).toBe(false);
  });
});

describe("cleanName", () => {
  it("drops stacked part marks", () => {
    expect(cleanName("- Trong đó: BHXH tự nguyện")).toBe("BHXH tự nguyện");
    expect(cleanName("+ Nông nghiệp")).toBe("Nông nghiệp");
    expect(cleanName("Trong doanh nghiệp nhà nước")).toBe("Trong doanh nghiệp nhà nước");
  });
});
