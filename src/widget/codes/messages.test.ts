import { afterEach, describe, expect, it, vi } from "vitest";
import { ClientErrorCode } from "../../api/api-error.ts";
import { errorCodes } from "../../shared/error-codes.ts";
import { packProblems, sameAsEnglish } from "../messages/pack-check.ts";
import {
  type CodesMessages,
  codesErrorText,
  codesMessages,
  codesPacks,
  de,
  en,
  es,
  fr,
  it as italian,
  nl,
} from "./messages.ts";

const translations = Object.entries(codesPacks).filter(([lang]) => lang !== "en");

/** Texts that are the same word as in English, by language; anything else equal to English is a copy. */
const sameWord: Record<string, string[]> = {
  de: ["table", "code"],
  fr: ["table", "code", "actions", "pages", "page(2)", "page(1)", "page(null)"],
  nl: ["table", "code"],
  es: [],
  it: [],
};

describe("codes messages", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("six languages, each saying which it is", () => {
    expect(Object.keys(codesPacks).sort()).toEqual(["de", "en", "es", "fr", "it", "nl"]);
    for (const [lang, m] of Object.entries(codesPacks)) expect(m.lang, lang).toBe(lang);
  });

  it.each(translations)("%s has every key English has (nested and function keys too), none empty", (_lang, pack) => {
    expect(packProblems(en, pack)).toEqual([]);
  });

  it("the key check catches a missing nested key", () => {
    const broken = { ...fr, states: { ...fr.states, deleted: undefined } } as unknown as CodesMessages;
    expect(packProblems(en, broken)).toEqual(["states.deleted: undefined instead of string"]);
  });

  it.each(translations)("%s really is its own language, not a copy of English", (lang, pack) => {
    expect(sameAsEnglish(en, pack).sort()).toEqual([...(sameWord[lang] ?? [])].sort());
  });

  it("a sample of texts differs between all six languages", () => {
    const sample = (m: CodesMessages) => [
      m.title,
      m.add,
      m.delete,
      m.states.expired,
      m.errors.INTERNAL,
      m.confirmTitle,
    ];
    const columns = Object.values(codesPacks).map(sample);
    for (let i = 0; i < columns[0]!.length; i++) {
      const row = columns.map((column) => column[i]);
      expect(new Set(row).size, row.join(" | ")).toBe(row.length);
    }
  });

  it("put every error code of the closed set and the client's into words", () => {
    for (const m of Object.values(codesPacks)) {
      for (const code of [...errorCodes, ...Object.values(ClientErrorCode)]) {
        expect(codesErrorText(m, code)).toBe((m.errors as Record<string, string>)[code]);
        expect(codesErrorText(m, code), `${m.lang} ${code}`).toBeTruthy();
      }
    }
    expect(codesErrorText(en, "SOMETHING_NEW")).toBe(en.errors.INTERNAL);
    expect(codesErrorText(nl, "SOMETHING_NEW")).toBe(nl.errors.INTERNAL);
  });

  it("pick the language by its subtag, English for the rest", () => {
    expect(codesMessages("de-AT")).toBe(de);
    expect(codesMessages("DE")).toBe(de);
    expect(codesMessages("fr-CA")).toBe(fr);
    expect(codesMessages("nl-BE")).toBe(nl);
    expect(codesMessages("es-419")).toBe(es);
    expect(codesMessages("it-IT")).toBe(italian);
    expect(codesMessages("en-GB")).toBe(en);
    expect(codesMessages("pt-PT")).toBe(en);
    expect(codesMessages("constructor")).toBe(en);
    expect(en.deleteCode("ABC")).toBe("Delete code ABC");
    expect(de.page(2)).toBe("Seite 2");
    expect(italian.page(2)).toBe("Pagina 2");
  });

  it("with no locale, the browser's first preferred language", () => {
    vi.stubGlobal("navigator", { languages: ["es-ES", "en"], language: "en" });
    expect(codesMessages("")).toBe(es);
    vi.stubGlobal("navigator", undefined);
    expect(codesMessages("")).toBe(en);
  });
});
