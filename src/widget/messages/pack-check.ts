/**
 * Test support for language packs (the widget's and `<voucher-codes>`'s): compares a pack with English key by
 * key, nested objects and function-valued keys included, and lists every text a pack can say. Not imported
 * by the widget.
 */

type Pack = Record<string, unknown>;

const kind = (value: unknown): string => (value === null ? "null" : typeof value);

/**
 * Where `pack` does not have `reference`'s shape, as dotted paths: a key missing, an extra key (a typo), a
 * value of another kind (text for a function), an empty text, or a function that says nothing.
 */
export function packProblems(reference: Pack, pack: Pack, path = ""): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(reference)) {
    const at = path + key;
    const want = reference[key];
    const have = pack[key];
    if (!(key in pack)) problems.push(`${at}: missing`);
    else if (kind(have) !== kind(want)) problems.push(`${at}: ${kind(have)} instead of ${kind(want)}`);
    else if (typeof want === "object" && want) problems.push(...packProblems(want as Pack, have as Pack, `${at}.`));
    else if (typeof have === "string" && !have.trim()) problems.push(`${at}: empty`);
    else if (typeof have === "function") {
      for (const [args, text] of calls(have as Fn)) {
        if (typeof text !== "string" || !text.trim() || text.includes("undefined"))
          problems.push(`${at}(${args}): ${JSON.stringify(text)}`);
      }
    }
  }
  for (const key of Object.keys(pack)) if (!(key in reference)) problems.push(`${path + key}: not in English`);
  return problems;
}

type Fn = (...args: unknown[]) => unknown;

/**
 * A message function called the ways the widget calls them: every argument 2 (a count or a text), every
 * argument 1 (the singular), and the last argument null (the "no end date", "nothing left" branches).
 */
function calls(fn: Fn): [string, unknown][] {
  const n = Math.max(fn.length, 1);
  const variants: unknown[][] = [Array(n).fill(2), Array(n).fill(1), [...Array(n - 1).fill(2), null]];
  return variants.map((args) => [args.map(String).join(", "), fn(...args)]);
}

/** Every text a pack can say, by dotted path; functions by path and arguments, e.g. `expiring(2)`. */
export function packTexts(pack: Pack, path = ""): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(pack)) {
    const at = path + key;
    if (typeof value === "string") texts.set(at, value);
    else if (typeof value === "function")
      for (const [args, text] of calls(value as Fn)) texts.set(`${at}(${args})`, String(text));
    else if (typeof value === "object" && value)
      for (const [k, v] of packTexts(value as Pack, `${at}.`)) texts.set(k, v);
  }
  return texts;
}

/** The paths where `pack` says exactly what English says (a copied text, unless the word is the same). */
export function sameAsEnglish(en: Pack, pack: Pack): string[] {
  const english = packTexts(en);
  return [...packTexts(pack)].filter(([at, text]) => english.get(at) === text).map(([at]) => at);
}
