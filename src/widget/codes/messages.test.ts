import { describe, expect, it } from "vitest";
import { errorCodes } from "../../shared/error-codes.ts";
import { codesErrorText, codesMessages, de, en } from "./messages.ts";

const keys = (o: object): string[] => Object.keys(o).sort();

describe("codes messages", () => {
  it("have the same words in English and German, and German differs", () => {
    expect(keys(de)).toEqual(keys(en));
    expect(keys(de.errors)).toEqual(keys(en.errors));
    expect(keys(de.states)).toEqual(keys(en.states));
    expect(de.add).not.toBe(en.add);
  });

  it("put every error code of the closed set into words", () => {
    for (const m of [en, de]) for (const code of errorCodes) expect(codesErrorText(m, code)).toBeTruthy();
    expect(codesErrorText(en, "SOMETHING_NEW")).toBe(en.errors.INTERNAL);
  });

  it("pick German for de locales only", () => {
    expect(codesMessages("de-AT")).toBe(de);
    expect(codesMessages("DE")).toBe(de);
    expect(codesMessages("en-GB")).toBe(en);
    expect(codesMessages("")).toBe(en);
    expect(en.deleteCode("ABC")).toBe("Delete code ABC");
    expect(de.page(2)).toBe("Seite 2");
  });
});
