// Which due items raise a notice: each item once when it comes due and once
// when it turns overdue, keyed by id and time so a moved item reminds again.
import type { ContentItem } from '../api'

export interface Reminder {
  item: ContentItem
  kind: 'due' | 'overdue'
}

/** reminderKey names one notice of an item. */
export const reminderKey = (it: ContentItem, kind: Reminder['kind']) => `${it.id}@${it.at}:${kind}`

/**
 * pickReminders returns the notices to raise now and marks them in seen.
 * An item reminded of when it came due is reminded again, once, when it
 * turns overdue; one that was already overdue when first seen (the app was
 * closed, or a plan was drafted for a week under way) is only counted into
 * one summary line, so a week away does not raise a dozen notices.
 */
export function pickReminders(items: ContentItem[], seen: Set<string>): { notices: Reminder[]; overdue: number } {
  const notices: Reminder[] = []
  let overdue = 0
  for (const it of items) {
    if (it.status !== 'planned' || (it.due !== 'due' && it.due !== 'overdue')) continue
    const key = reminderKey(it, it.due)
    if (seen.has(key)) continue
    seen.add(key)
    if (it.due === 'overdue' && !seen.has(reminderKey(it, 'due'))) {
      overdue++
      continue
    }
    notices.push({ item: it, kind: it.due })
  }
  return { notices, overdue }
}

/** copyText is what the Copy button of a due item puts on the clipboard. */
export function copyText(it: Pick<ContentItem, 'displayTitle' | 'body'>): string {
  return it.body.trim() ? `${it.displayTitle}\n\n${it.body.trim()}` : it.displayTitle
}
