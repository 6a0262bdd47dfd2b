// Incident timers: how long is left (or how long overdue), ticking once a
// second while a screen shows them.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export interface TimerState {
  overdue: boolean
  /** milliseconds left (or past due), never negative */
  ms: number
}

/** timerState compares a due instant with now; an unreadable time counts as not overdue. */
export function timerState(dueAt: string, now: number): TimerState {
  const due = Date.parse(dueAt)
  if (Number.isNaN(due)) return { overdue: false, ms: 0 }
  return due >= now ? { overdue: false, ms: due - now } : { overdue: true, ms: now - due }
}

/** durationParts splits a span into the two units worth showing. */
export function durationParts(ms: number): { key: 'dhm' | 'hm' | 'ms'; d: number; h: number; m: number; s: number } {
  const total = Math.floor(ms / 1000)
  const d = Math.floor(total / 86400)
  const h = Math.floor((total % 86400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (d > 0) return { key: 'dhm', d, h, m, s }
  if (h > 0) return { key: 'hm', d, h, m, s }
  return { key: 'ms', d, h, m, s }
}

/** useNow is the current time, updated every second while mounted. */
export function useNow(stepMs = 1000) {
  const now = ref(Date.now())
  let handle: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    handle = setInterval(() => (now.value = Date.now()), stepMs)
  })
  onBeforeUnmount(() => clearInterval(handle))
  return now
}
