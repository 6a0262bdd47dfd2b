// The guided start's state as the checklist shows it: which steps, where
// each one's button goes, whether the card shows at all.
import type { Checklist, StartStepName } from '../api'

export const startSteps: readonly StartStepName[] = ['members', 'chat', 'health', 'report']

/** stepPath is where a step's button goes (a hash-history path). */
export function stepPath(groupId: number, step: StartStepName): string {
  switch (step) {
    case 'members':
      return `/import?group=${groupId}&kind=members`
    case 'chat':
      return `/import?group=${groupId}&kind=chat`
    case 'health':
      return `/groups/${groupId}/health`
    case 'report':
      return `/reports?group=${groupId}`
  }
}

/** nextStep is the first step not done, null when all are. */
export function nextStep(c: Checklist): StartStepName | null {
  return c.steps.find((s) => !s.done)?.step ?? null
}

/** doneCount is how many steps are done. */
export function doneCount(c: Checklist): number {
  return c.steps.filter((s) => s.done).length
}

/** checklistShown: the card shows until every step is done or the operator closes it. */
export function checklistShown(c: Checklist | null): boolean {
  return c != null && !c.complete && !c.dismissed
}

/**
 * openPath goes to a path of the app (hash history). Plain buttons use it
 * instead of a router-link's slot, so a screen works the same with or without
 * a router (tests mount screens alone).
 */
export function openPath(path: string) {
  window.location.hash = `#${path}`
}
