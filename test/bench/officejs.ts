/**
 * Goal 4: Office.js round trips and payload bytes of one compute (read + write) through
 * the real adapter over the in-memory Excel object model. The limit is one read and one
 * write per 5 MB (Excel on the web's cap, 5 × 1024 × 1024 bytes) of payload each way,
 * bytes as they go on the wire (JSON in UTF-8), plus one trip that keeps what the result
 * columns hold before the write (values and formats), so that a failed write and "Xoá kết
 * quả" can put them back exactly: loads queued in the write's own request are lost when
 * that request fails partway, which is when they are needed.
 */
import { computeWorkbook } from "../../src/core/job";
import { createExcelHost } from "../../src/excel/host";
import { FakeExcel, FakeSheet, WEB_LIMIT } from "../excel/fakeExcel";
import { benchTable } from "./generate";
import { print, target } from "./report";

export const OFFICE_SIZES = [10, 1000, 10000, 100000];
/** Up to this many rows the whole job must fit in four round trips (three before the keep trip). */
const SMALL = 10000;

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export async function benchOfficeJs(): Promise<void> {
  for (const size of OFFICE_SIZES) {
    const table = benchTable(size);
    const excel = new FakeExcel([FakeSheet.fromTable(table)]);
    const host = createExcelHost({ run: excel.run });
    // The trips up to the end of the read are the read's; the rest are the write's.
    let readTrips = 0;
    const counted = {
      ...host,
      readSheet: async (name?: string) => {
        const table = await host.readSheet(name);
        readTrips = excel.stats.roundTrips;
        return table;
      },
    };
    // Named, as the pane names the sheet it computes: no listing trip.
    await computeWorkbook(counted, [table.sheet]);
    const { roundTrips, requestBytes, responseBytes, refused } = excel.stats;
    const read = sum(responseBytes);
    const written = sum(requestBytes);
    const limit = Math.ceil(read / WEB_LIMIT) + Math.ceil(written / WEB_LIMIT);
    print(`officejs-round-trips-${size}`, roundTrips);
    print(`officejs-read-trips-${size}`, readTrips);
    print(`officejs-write-trips-${size}`, roundTrips - readTrips);
    print(`officejs-total-bytes-${size}`, read + written);
    print(`officejs-read-bytes-${size}`, read);
    print(`officejs-written-bytes-${size}`, written);
    print(`officejs-max-request-bytes-${size}`, Math.max(...requestBytes));
    print(`officejs-max-response-bytes-${size}`, Math.max(...responseBytes));
    print(`officejs-limit-${size}`, limit);
    // A trip Excel refused for its size is a wasted round trip: none on a regular sheet.
    print(`officejs-refused-trips-${size}`, refused.length);
    if (size <= SMALL) target(`officejs-round-trips-${size}`, roundTrips, 4);
    else target(`officejs-round-trips-${size}`, roundTrips, 2 + limit);
  }
}
