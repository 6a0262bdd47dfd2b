// Placeholders of the playbook templates, as Go's risk.Fill replaces them:
// each has a Chinese and an English name; an empty value leaves it standing
// so the operator sees what is still to write.
import type { PlaybookVars } from '../api'

export const placeholders: ReadonlyArray<[keyof PlaybookVars, string, string]> = [
  ['group', '{群名}', '{group}'],
  ['date', '{日期}', '{date}'],
  ['event', '{事件}', '{event}'],
  ['backup', '{备用群}', '{backup}'],
]

export function fill(body: string, vars: PlaybookVars): string {
  let out = body
  for (const [key, zh, en] of placeholders) {
    const v = vars[key].trim()
    if (!v) continue
    out = out.split(zh).join(v).split(en).join(v)
  }
  return out
}

/** missing lists the placeholders still standing in a filled text, as it writes them. */
export function missing(text: string): string[] {
  const out: string[] = []
  for (const [, zh, en] of placeholders) {
    if (text.includes(zh)) out.push(zh)
    else if (text.includes(en)) out.push(en)
  }
  return out
}
