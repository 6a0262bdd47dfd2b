// Arithmetic of the week grid and the month grid on the group's wall clock:
// times from Go are RFC 3339 strings in the group's zone, and an item is
// placed by the date and time the string carries, never the browser's zone.
import { wallClock } from '../format'
import { options } from '../options'

const pad2 = (n: number) => String(n).padStart(2, '0')

/** dayKey is "2024-03-04" of a date or RFC 3339 time, '' when unreadable. */
export function dayKey(at: string): string {
  const w = wallClock(at)
  return w ? `${w.year}-${pad2(w.month)}-${pad2(w.day)}` : ''
}

/** minuteOf is the minutes after midnight of an RFC 3339 time. */
export function minuteOf(at: string): number {
  const w = wallClock(at)
  return w ? w.hour * 60 + w.minute : 0
}

/** addDays moves a "2024-03-04" day by n days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`
}

/** weekdayOf is 0 (Sunday) to 6 of a "2024-03-04" day. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** weekDays are the seven days from a week's start (its Monday). */
export function weekDays(start: string): string[] {
  const first = dayKey(start)
  return first ? Array.from({ length: 7 }, (_, i) => addDays(first, i)) : []
}

/** mondayOf is the Monday on or before a day. */
export function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7))
}

/** isoWeekOf is the ISO week ("2024-W10") holding a "2024-03-04" day, as Go names weeks. */
export function isoWeekOf(day: string): string {
  const thursday = addDays(mondayOf(day), 3)
  const [y, m, d] = thursday.split('-').map(Number)
  const n = Math.floor((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 / 7) + 1
  return `${y}-W${pad2(n)}`
}

/** monthGrid is the days a month view shows: whole weeks, Monday first, covering the month of day. */
export function monthGrid(day: string): { first: string; days: string[] } {
  const first = day.slice(0, 8) + '01'
  const start = mondayOf(first)
  const nextMonth = addDays(first, 32).slice(0, 8) + '01'
  const days: string[] = []
  for (let d = start; d < nextMonth || days.length % 7 !== 0; d = addDays(d, 1)) days.push(d)
  return { first, days }
}

/** localInput is "2024-03-04T20:30", what Go reads in the group's zone. */
export function localInput(day: string, minute: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minute)))
  return `${day}T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`
}

/** snap rounds minutes to a step (15 by default) and keeps them in the day. */
export function snap(minute: number, step = 15): number { // not a Go rule: the grid's step
  return Math.max(0, Math.min(24 * 60 - step, Math.round(minute / step) * step))
}

/**
 * shift moves a time by days and minutes, as the keyboard does on a card
 * (←/→ a day, ↑/↓ 30 minutes): it stays on its day when minutes would
 * cross midnight.
 */
export function shift(at: string, days: number, minutes: number): string {
  const day = dayKey(at)
  const m = Math.max(0, Math.min(24 * 60 - 15, minuteOf(at) + minutes))
  return localInput(addDays(day, days), m)
}

/** primeTime is Go's prime time (content.PrimeStart, PrimeEnd), in minutes, end exclusive. */
export const primeTime = {
  get start() { return options().thresholds.primeStartMinute },
  get end() { return options().thresholds.primeEndMinute },
}

/** inPrime says whether a time lies in prime time. */
export const inPrime = (at: string) => {
  const m = minuteOf(at)
  return m >= primeTime.start && m < primeTime.end
}
