// A screen showing a group's (or every group's) figures reads them again
// when the live watch has brought new messages: each poll says how many it
// imported (live:changed), so a poll that brought nothing (most of them)
// costs no read at all.
import { onBeforeUnmount } from 'vue'
import { onChanged } from '../api/live'
import { useWeek } from '../health/week'

/**
 * onLiveImport calls reload (after the weeks holding data are read again)
 * each time a poll of the group groupId() names (null: any group) brought
 * new messages, until the calling component unmounts.
 */
export function onLiveImport(groupId: () => number | null, reload: () => unknown) {
  const { reloadWeeks } = useWeek()
  const check = async (id: number, imported: number) => {
    const want = groupId()
    if (imported <= 0 || (want !== null && id !== want)) return
    try {
      await reloadWeeks().catch(() => undefined)
      await reload()
    } catch {
      // the next poll tries again
    }
  }
  onBeforeUnmount(onChanged((id, imported) => void check(id, imported)))
}
