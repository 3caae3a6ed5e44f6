import { describe, expect, it } from "vitest";
import { outsideReference, outsideReferences } from "./support/repository-paths.ts";

describe("the repository stands alone", () => {
  it("no file under src, test, bench or scripts refers to a path outside it", () => {
    const { files, found } = outsideReferences();
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it("recognises the ways a test could reach outside", () => {
    expect(outsideReference("test/support/x.ts", "../../../beside/eval/sessions")).toBeDefined();
    expect(outsideReference("test/support/x.ts", "../beside/eval")).toBeDefined();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's text, as the scan reads it
    expect(outsideReference("bench/x.ts", "../../beside/eval/${name}.json")).toBeDefined();
    expect(outsideReference("test/x.test.ts", "/work/beside/eval/rubric.md")).toBeDefined();
    expect(outsideReference("test/support/x.ts", "../..")).toBeUndefined();
    expect(outsideReference("test/support/x.ts", "../fixtures/shared-eval/README.md")).toBeUndefined();
    expect(outsideReference("bench/x.ts", "../src/config.ts")).toBeUndefined();
  });
});
