// Small pure helpers of the Reply assistant and Highlights screens.

/** splitKeywords reads the keywords field: commas (ASCII or full-width), 、 or new lines separate; blanks and repeats dropped. */
export function splitKeywords(text: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const part of text.split(/[,，、\n]/)) {
    const k = part.trim()
    if (!k || seen.has(k.toLowerCase())) continue
    seen.add(k.toLowerCase())
    out.push(k)
  }
  return out
}

/** joinKeywords writes keywords back into the field. */
export function joinKeywords(keywords: string[], locale: string): string {
  return keywords.join(locale === 'en' ? ', ' : '，')
}

/** insertAt puts token into text at the selection [start, end) and returns the new text and caret. */
export function insertAt(text: string, token: string, start: number | null | undefined, end: number | null | undefined): { text: string; caret: number } {
  const s = start == null || start < 0 || start > text.length ? text.length : start
  const e = end == null || end < s || end > text.length ? s : end
  return { text: text.slice(0, s) + token + text.slice(e), caret: s + token.length }
}

/** placeholderToken is how a placeholder is written in the UI language: {成员} or {member}. */
export function placeholderToken(p: { key: string; zh: string }, locale: string): string {
  return locale === 'en' ? `{${p.key}}` : `{${p.zh}}`
}

/** placeholderNames writes canonical keys (member, rules_link …) as the UI language spells them, for messages. */
export function placeholderNames(keys: string[], placeholders: { key: string; zh: string }[], locale: string): string {
  return keys
    .map((k) => {
      const p = placeholders.find((x) => x.key === k)
      return p ? placeholderToken(p, locale) : `{${k}}`
    })
    .join(locale === 'en' ? ', ' : '、')
}

/** copyToClipboard writes text; false when the clipboard refused. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
