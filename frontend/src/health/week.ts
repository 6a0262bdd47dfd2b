// The week every week screen shows: one choice shared by all of them for the
// session; a new start opens on the latest week that holds data (UX.md), the
// current week when none does.
import { ref } from 'vue'
import { health, type Week } from '../api'

const weeks = ref<Week[]>([])
const selected = ref<string>('')
let loading: Promise<void> | null = null

/** loadWeeks asks Go for the weeks once; the latest week with data unless one was picked. */
function loadWeeks(): Promise<void> {
  loading ??= health
    .weeks()
    .then((list) => {
      weeks.value = list
      if (!list.some((w) => w.week === selected.value)) selected.value = (list.find((w) => w.hasData) ?? list[0])?.week ?? ''
    })
    .catch((e: unknown) => {
      loading = null
      throw e
    })
  return loading
}

function setWeek(week: string) {
  selected.value = week
}

/** useWeek is the shared week picker state. */
export function useWeek() {
  return { weeks, week: selected, setWeek, loadWeeks }
}

/** resetWeek forgets the loaded weeks (tests). */
export function resetWeek() {
  weeks.value = []
  selected.value = ''
  loading = null
}
