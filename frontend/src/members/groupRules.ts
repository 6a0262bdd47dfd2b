// The printable 群规 text generated from a group's rule set, in the UI
// language; the operator edits it before copying it into the group.
import type { RuleSet } from '../api'

type Translate = (key: string, args?: Record<string, unknown>) => string

/** groupRulesText writes the rules as numbered lines under a title. */
export function groupRulesText(r: RuleSet, t: Translate, sep: string): string {
  const lines: string[] = []
  const ads = r.adWords.slice(0, 6).join(sep)
  if (r.adWords.length) lines.push(t('rules.text.ads', { words: ads }))
  if (r.whitelist.length) lines.push(t('rules.text.links', { hosts: r.whitelist.join(sep) }))
  else lines.push(t('rules.text.noLinks'))
  if (r.floodCount > 0) lines.push(t('rules.text.flood', { count: r.floodCount, seconds: r.floodSeconds }))
  if (r.attackWords.length) lines.push(t('rules.text.attack'))
  lines.push(t('rules.text.strikes', { days: r.strikeDays, limit: r.strikeLimit }))
  lines.push(t('rules.text.inactive', { days: r.inactiveDays }))
  if (r.shareQuota > 0) lines.push(t('rules.text.shares', { quota: r.shareQuota }))
  return [t('rules.text.title'), ...lines.map((l, i) => `${i + 1}. ${l}`)].join('\n')
}
