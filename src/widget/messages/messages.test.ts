import { afterEach, describe, expect, it, vi } from "vitest";
import { ClientErrorCode } from "../../api/api-error.ts";
import { InputErrorCode } from "../../flow/entry-input.ts";
import { errorCodes } from "../../shared/error-codes.ts";
import { de } from "./de.ts";
import { durationText } from "./duration-text.ts";
import { en, type Messages } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { errorMessage, languageOf, loadMessages } from "./index.ts";
import { it as italian } from "./it.ts";
import { nl } from "./nl.ts";
import { packProblems, sameAsEnglish } from "./pack-check.ts";

const every = [...errorCodes, ...Object.values(ClientErrorCode), ...Object.values(InputErrorCode)];
const packs: Record<string, Messages> = { en, de, fr, nl, es, it: italian };
const translations = Object.entries(packs).filter(([lang]) => lang !== "en");

/** Texts that are the same word as in English, by language; anything else equal to English is a copy. */
const sameWord: Record<string, string[]> = {
  de: ["pin", "status"],
  fr: [],
  nl: ["status"],
  es: ["pin"],
  it: ["pin"],
};

describe("messages", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each(Object.entries(packs))(
    "loadMessages(%s) gives that language's pack, which says it is that language",
    async (lang, pack) => {
      expect(await loadMessages(lang)).toBe(pack);
      expect(pack.lang).toBe(lang);
    },
  );

  it.each(translations)("%s has every key English has (nested and function keys too), none empty", (_lang, pack) => {
    expect(packProblems(en, pack)).toEqual([]);
  });

  it("the key check catches a missing, empty, mistyped or extra key at any depth", () => {
    const broken: Record<string, unknown> = { ...de, errors: { ...de.errors }, statuses: { ...de.statuses } };
    delete broken.retry;
    (broken.errors as Record<string, string>).PIN_LOCKED = " ";
    delete (broken.statuses as Partial<Messages["statuses"]>).held;
    broken.expiring = "not a function";
    broken.checked = () => "";
    broken.retyr = "Erneut versuchen";
    expect(packProblems(en, broken).sort()).toEqual(
      [
        "retry: missing",
        "errors.PIN_LOCKED: empty",
        "statuses.held: missing",
        "expiring: string instead of function",
        'checked(2): ""',
        'checked(1): ""',
        'checked(null): ""',
        "retyr: not in English",
      ].sort(),
    );
  });

  it.each(translations)("%s really is its own language, not a copy of English", (lang, pack) => {
    expect(sameAsEnglish(en, pack).sort()).toEqual([...(sameWord[lang] ?? [])].sort());
  });

  it("a sample of texts differs between all six languages (no pack is a copy of another)", () => {
    const sample = (m: Messages) => [
      m.title,
      m.check,
      m.hold,
      m.redeem,
      m.retry,
      m.statuses.expired,
      m.errors.INTERNAL,
      m.errors.CODE_MISSING,
      m.expiring(300),
    ];
    const columns = Object.values(packs).map(sample);
    for (let i = 0; i < columns[0]!.length; i++) {
      const row = columns.map((column) => column[i]);
      expect(new Set(row).size, row.join(" | ")).toBe(row.length);
    }
  });

  it.each(Object.entries(packs))(
    "%s: split tender's Remove and Retry show a short word, and their names say which voucher",
    (_lang, m) => {
      const code = "••••1234";
      for (const [word, name] of [
        [m.tender.remove, m.tender.removeVoucher(code)],
        [m.tender.retry, m.tender.retryVoucher(code)],
      ] as const) {
        expect(word).not.toContain(code);
        expect(name).toContain(code);
        // The visible word is part of the name (WCAG 2.5.3), so speech input can press it by what it shows.
        expect(name.toLocaleLowerCase()).toContain(word.toLocaleLowerCase());
      }
    },
  );

  it.each(Object.entries(packs))(
    "%s has words for every error code of the closed set, the client and the form",
    (_lang, m) => {
      for (const code of every) expect((m.errors as Record<string, string>)[code], code).toBeTruthy();
      for (const code of every) expect(errorMessage(m, code)).toBe((m.errors as Record<string, string>)[code]);
    },
  );

  it("words for a refusal depend on what the account's vouchers are like", () => {
    const access = { kind: "access", pin: "none" } as const;
    expect(errorMessage(en, "VOUCHER_INVALID", access)).toBe(en.access.unknown);
    expect(errorMessage(en, "VOUCHER_EXPIRED", access)).toBe(en.access.expired);
    expect(errorMessage(de, "VOUCHER_INACTIVE", access)).toBe(de.access.inactive);
    expect(errorMessage(fr, "VOUCHER_INVALID", access)).toBe(fr.access.unknown);
    expect(errorMessage(en, "PROVIDER_ERROR", access)).toBe(en.errors.PROVIDER_ERROR);
    expect(errorMessage(en, "VOUCHER_INVALID", { kind: "value", pin: "none" })).toBe(en.codeInvalid);
    expect(errorMessage(nl, "VOUCHER_INVALID", { kind: "value", pin: "none" })).toBe(nl.codeInvalid);
    expect(errorMessage(en, "VOUCHER_INVALID", { kind: "value", pin: "required" })).toBe(en.errors.VOUCHER_INVALID);
    expect(errorMessage(en, "VOUCHER_INVALID")).toBe(en.errors.VOUCHER_INVALID);
  });

  it("an unknown code from a newer server gets the generic message", () => {
    expect(errorMessage(en, "SOMETHING_NEW")).toBe(en.errors.INTERNAL);
    expect(errorMessage(italian, "SOMETHING_NEW")).toBe(italian.errors.INTERNAL);
  });

  it("picks the pack by the language subtag, whatever the region or case", async () => {
    expect(languageOf("fr-CA")).toBe("fr");
    expect(languageOf("nl_BE")).toBe("nl");
    expect(await loadMessages("de-AT")).toBe(de);
    expect(await loadMessages("DE")).toBe(de);
    expect(await loadMessages("fr-FR")).toBe(fr);
    expect(await loadMessages("fr-CA")).toBe(fr);
    expect(await loadMessages("nl-BE")).toBe(nl);
    expect(await loadMessages("es-MX")).toBe(es);
    expect(await loadMessages("it-CH")).toBe(italian);
    expect(await loadMessages("en-US")).toBe(en);
  });

  it("English for a language without a pack", async () => {
    expect(await loadMessages("pt-BR")).toBe(en);
    expect(await loadMessages("ja")).toBe(en);
    // "es" must be the subtag, not a prefix: Estonian is not Spanish, Danish not German.
    expect(await loadMessages("et-EE")).toBe(en);
    expect(await loadMessages("da-DK")).toBe(en);
  });

  it("with no locale, the browser's first preferred language", async () => {
    vi.stubGlobal("navigator", { languages: ["nl-NL", "en-GB"], language: "en-GB" });
    expect(await loadMessages("")).toBe(nl);
    expect(await loadMessages(undefined)).toBe(nl);
    expect(await loadMessages("it")).toBe(italian);
    vi.stubGlobal("navigator", { languages: [], language: "es-ES" });
    expect(await loadMessages("")).toBe(es);
    vi.stubGlobal("navigator", undefined);
    expect(await loadMessages("")).toBe(en);
  });

  it("English when a pack cannot be fetched (after its retries)", async () => {
    vi.resetModules();
    vi.doMock("./fr.ts", () => {
      throw new Error("chunk failed to load");
    });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const fresh = await import("./index.ts");
      const english = (await import("./en.ts")).en;
      expect(await settled(fresh.loadMessages("fr-FR"))).toBe(english);
      expect(await fresh.loadMessages("nl-NL")).not.toBe(english);
    } finally {
      vi.useRealTimers();
      vi.doUnmock("./fr.ts");
      vi.resetModules();
    }
  });

  it("fails only when English cannot be fetched either", async () => {
    vi.resetModules();
    for (const pack of ["./en.ts", "./fr.ts"]) {
      vi.doMock(pack, () => {
        throw new Error(`${pack} failed to load`);
      });
    }
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const fresh = await import("./index.ts");
      // (Vitest reports a failing mock factory in words of its own.)
      await expect(settled(fresh.loadMessages("en-GB"))).rejects.toThrow();
      await expect(settled(fresh.loadMessages("fr-FR"))).rejects.toThrow();
      expect((await fresh.loadMessages("de-DE")).lang).toBe("de");
    } finally {
      vi.useRealTimers();
      for (const pack of ["./en.ts", "./fr.ts"]) vi.doUnmock(pack);
      vi.resetModules();
    }
  });
});

/**
 * `promise` once settled, the fake clock moved on while it waits out its retries' pauses (and the real
 * event loop let through, where the test's module loader does its work).
 */
async function settled<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  const settle = () => {
    done = true;
  };
  promise.then(settle, settle);
  while (!done) {
    await vi.advanceTimersByTimeAsync(50);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return promise;
}

describe("time left, through Intl", () => {
  // Intl joins number and unit with a no-break space in some languages: compare the words.
  const words = (text: string) => text.replace(/\s/g, " ");

  it("each language's own plural for the countdown warnings", () => {
    expect(words(en.expiring(300))).toBe("5 minutes left on the hold.");
    expect(words(en.expiring(60))).toBe("1 minute left on the hold.");
    expect(words(en.expiring(45))).toBe("45 seconds left on the hold.");
    expect(words(en.expiring(1))).toBe("1 second left on the hold.");
    expect(words(de.expiring(60))).toBe("Noch 1 Minute reserviert.");
    expect(words(de.expiring(300))).toBe("Noch 5 Minuten reserviert.");
    expect(words(fr.expiring(300))).toBe("La réservation expire dans 5 minutes.");
    expect(words(fr.expiring(1))).toBe("La réservation expire dans 1 seconde.");
    expect(words(nl.expiring(60))).toBe("De reservering verloopt over 1 minuut.");
    expect(words(nl.expiring(300))).toBe("De reservering verloopt over 5 minuten.");
    expect(words(es.expiring(60))).toBe("Queda 1 minuto de reserva.");
    expect(words(es.expiring(300))).toBe("Quedan 5 minutos de reserva.");
    expect(words(italian.expiring(60))).toBe("Manca 1 minuto alla scadenza del blocco.");
    expect(words(italian.expiring(45))).toBe("Mancano 45 secondi alla scadenza del blocco.");
  });

  it("whole minutes from a minute up, seconds below", () => {
    expect(words(durationText("en", 90))).toBe("2 minutes");
    expect(words(durationText("en", 59))).toBe("59 seconds");
    expect(words(durationText("de", 1))).toBe("1 Sekunde");
    expect(words(durationText("it", 120))).toBe("2 minuti");
  });
});
