import { BoundedCache } from "../../src/core/boundedCache";

describe("BoundedCache", () => {
  it("gives back what was set, and set returns the value", () => {
    const cache = new BoundedCache<string, number>(3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.set("a", 1)).toBe(1);
    expect(cache.get("a")).toBe(1);
  });

  it("forgets everything when full, then keeps the new value", () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("c")).toBe(3);
  });
});
