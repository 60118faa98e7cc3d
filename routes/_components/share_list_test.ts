import assert from "node:assert/strict";
import { type ListedShare, shareRange } from "./share_list.tsx";

Deno.test("shareRange: a share's range in days, positions only for an end that is gone", () => {
  const share = (s: Partial<ListedShare>) =>
    ({ fromSeq: null, toSeq: null, fromDay: null, toDay: null, ...s }) as ListedShare;
  assert.equal(shareRange(share({})), "the whole chat");
  assert.equal(
    shareRange(share({ fromSeq: 834, toSeq: 881, fromDay: "2019-07-12", toDay: "2019-07-14" })),
    "Jul 12, 2019 – Jul 14, 2019",
  );
  assert.equal(
    shareRange(share({ fromSeq: 1, toSeq: 2, fromDay: "2024-03-02", toDay: "2024-03-02" })),
    "Mar 2, 2024",
  );
  assert.equal(shareRange(share({ fromSeq: 5, fromDay: "2024-03-04" })), "from Mar 4, 2024");
  assert.equal(shareRange(share({ toSeq: 5, toDay: "2024-03-04" })), "up to Mar 4, 2024");
  assert.equal(
    shareRange(share({ fromSeq: 5, toSeq: 9, toDay: "2024-03-04" })),
    "message 5 – Mar 4, 2024",
  );
});
