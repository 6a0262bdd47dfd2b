// A screen showing a group's (or every group's) figures reads them again
// when the live watch has brought new messages: after a poll (live:changed)
// it compares the group's message count with the one it last saw, so a poll
// that brought nothing (most of them) costs one small read and no reload.
import { onBeforeUnmount } from 'vue'
import { groups } from '../api'
import { onChanged } from '../api/live'
import { useWeek } from '../health/week'

/** messages is the group's message count, or every group's (groupId null). */
async function messages(groupId: number | null): Promise<number> {
  if (groupId !== null) return (await groups.get(groupId)).messages
  return (await groups.list()).reduce((n, g) => n + g.messages, 0)
}

/**
 * onLiveImport calls reload (after the weeks holding data are read again)
 * each time a poll of the group groupId() names (null: any group) brought
 * new messages, until the calling component unmounts.
 */
export function onLiveImport(groupId: () => number | null, reload: () => unknown) {
  const { reloadWeeks } = useWeek()
  let seen: { id: number | null; count: number } | null = null
  const check = async (id: number) => {
    const want = groupId()
    if (want !== null && id !== want && id !== 0) return
    try {
      const count = await messages(want)
      const before = seen
      seen = { id: want, count }
      if (!before || before.id !== want || before.count === count) return
      await reloadWeeks().catch(() => undefined)
      await reload()
    } catch {
      // the next poll tries again
    }
  }
  void check(0)
  onBeforeUnmount(onChanged((id) => void check(id)))
}
