// The import that is running, kept outside the Import screen: leaving the
// screen does not stop Go's job, and coming back shows its progress, its
// Cancel button and its result again.
import { ref } from 'vue'
import { imports, type ImportProgress, type ImportRequest, type ImportResult } from './api'
import { useWeek } from './health/week'

export const running = ref(false)
export const cancelling = ref(false)
export const progress = ref<ImportProgress>({ done: 0, total: 0 })
/** the last job's summary (also when cancelled or failed) */
export const result = ref<ImportResult | null>(null)
/** why the last job failed: an ApiError from Start or the done event's {code, message} */
export const runError = ref<unknown>(null)
/** the group the running (or last) import went into */
export const runGroupId = ref<number | null>(null)

let job: imports.ImportJob | null = null
let abandon: ((r: ImportResult) => void) | null = null

/** runImport starts an import and resolves once it is over; one at a time. */
export async function runImport(req: ImportRequest): Promise<void> {
  if (running.value) return
  running.value = true
  cancelling.value = false
  progress.value = { done: 0, total: 0 }
  result.value = null
  runError.value = null
  runGroupId.value = req.groupId
  try {
    // A waiting notice keeps the bytes read so far; the next count clears it.
    job = await imports.start(req, (p) => (progress.value = p.waiting ? { ...progress.value, waiting: true } : p))
    const gaveUp = new Promise<ImportResult>((resolve) => (abandon = resolve))
    const r = await Promise.race([job.done, gaveUp])
    result.value = r
    if (r.error && !r.cancelled) runError.value = r.error
    // A chat brings weeks with data: every week picker offers them now.
    if (!r.error && !r.cancelled && r.firstAt) useWeek().reloadWeeks().catch(() => {})
  } catch (e) {
    runError.value = e
  } finally {
    job = null
    abandon = null
    running.value = false
    cancelling.value = false
  }
}

/**
 * cancelImport asks Go to stop the job. Go answers with the job's done event;
 * should that never come, the screen stops waiting after `giveUpMs`.
 */
export async function cancelImport(cancelled: () => ImportResult, giveUpMs = 5000): Promise<void> {
  if (!job || cancelling.value) return
  cancelling.value = true
  const waiting = abandon
  try {
    await job.cancel()
  } catch (e) {
    runError.value = e
  }
  setTimeout(() => waiting?.(cancelled()), giveUpMs)
}

/** clearOutcome forgets the last job's result and error (not a running job). */
export function clearOutcome(): void {
  if (running.value) return
  result.value = null
  runError.value = null
}

/** resetImportRun is for tests: no job, no outcome. */
export function resetImportRun(): void {
  job = null
  abandon = null
  running.value = false
  cancelling.value = false
  progress.value = { done: 0, total: 0 }
  result.value = null
  runError.value = null
  runGroupId.value = null
}
