import { describe, expect, it } from 'vitest'
import type { Checklist } from '../api'
import { checklistShown, doneCount, nextStep, startSteps, stepPath } from './checklist'

function list(done: boolean[], extra: Partial<Checklist> = {}): Checklist {
  return {
    groupId: 3,
    steps: startSteps.map((step, i) => ({ step, done: done[i] ?? false })),
    complete: done.length === 4 && done.every(Boolean),
    dismissed: false,
    ...extra,
  }
}

describe('the guided start', () => {
  it('goes member list → chat → health → report, each to its screen for the group', () => {
    expect(startSteps).toEqual(['members', 'chat', 'health', 'report'])
    expect(startSteps.map((s) => stepPath(3, s))).toEqual([
      '/import?group=3&kind=members',
      '/import?group=3&kind=chat',
      '/groups/3/health',
      '/reports?group=3',
    ])
  })

  it('points at the first step not done and counts the ones done', () => {
    expect(nextStep(list([]))).toBe('members')
    expect(nextStep(list([true, false]))).toBe('chat')
    // a step may be done out of order (a chat before the member list)
    expect(nextStep(list([false, true, true]))).toBe('members')
    expect(doneCount(list([false, true, true]))).toBe(2)
    expect(nextStep(list([true, true, true, true]))).toBeNull()
  })

  it('shows until all four are done or it is closed', () => {
    expect(checklistShown(null)).toBe(false)
    expect(checklistShown(list([]))).toBe(true)
    expect(checklistShown(list([true, true, true]))).toBe(true)
    expect(checklistShown(list([true, true, true, true]))).toBe(false)
    expect(checklistShown(list([true], { dismissed: true }))).toBe(false)
  })
})
