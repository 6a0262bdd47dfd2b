// The week every week screen shows: one choice shared by all of them for the
// session. Until the operator picks one, each screen opens on the latest week
// that holds data for what it shows (docs/ux.md): a group's screens on the group's
// latest week with messages, the Overview and the Reports on the latest week
// of any group; the current week when there is none. Once picked (in the
// picker, or 查看这一周 after an import), the week is kept everywhere.
import { computed, ref } from 'vue'
import { health, type Week } from '../api'

const weeks = ref<Week[]>([])
const selected = ref<string>('')
/** the operator chose the week: it no longer follows the screen's default */
const picked = ref(false)
/** the group whose screens are open; null: all groups (Overview, Reports) */
const scope = ref<number | null>(null)
let loading: Promise<void> | null = null

/** hasDataFor: the week holds messages of the group (null: of any group). */
export function hasDataFor(w: Week, groupId: number | null): boolean {
  return groupId == null ? !!w.hasData : (w.groups ?? []).includes(groupId)
}

/** defaultWeek is where a screen opens: the latest week with data, else the current week. */
export function defaultWeek(list: Week[], groupId: number | null): string {
  const withData = list.find((w) => hasDataFor(w, groupId))
  const current = list.find((w) => w.current) ?? list.find((w) => !w.ahead)
  return (withData ?? current)?.week ?? ''
}

function follow() {
  if (!picked.value || !weeks.value.some((w) => w.week === selected.value)) {
    const d = defaultWeek(weeks.value, scope.value)
    if (d) selected.value = d
  }
}

function fetchWeeks(): Promise<void> {
  loading = health
    .weeks()
    .then((list) => {
      weeks.value = list
      follow()
    })
    .catch((e: unknown) => {
      loading = null
      throw e
    })
  return loading
}

/** loadWeeks asks Go for the weeks once. */
function loadWeeks(): Promise<void> {
  return loading ?? fetchWeeks()
}

/** reloadWeeks asks again: an import or an undo changed which weeks hold data. */
function reloadWeeks(): Promise<void> {
  return fetchWeeks()
}

/** setWeek is the operator's choice, kept on every screen. */
function setWeek(week: string) {
  selected.value = week
  picked.value = true
}

/** setScope says whose screens are open (router): an unpicked week follows them. */
function setScope(groupId: number | null) {
  scope.value = groupId
  if (!picked.value) follow()
}

/**
 * note is set when the screen shows, by default, another week than the
 * current one: the current week holds no data for it yet.
 */
const note = computed<{ week: Week; group: boolean } | null>(() => {
  if (picked.value) return null
  const w = weeks.value.find((x) => x.week === selected.value)
  if (!w || w.current || !weeks.value.some((x) => x.current)) return null
  return { week: w, group: scope.value != null }
})

/** useWeek is the shared week picker state. */
export function useWeek() {
  return { weeks, week: selected, scope, note, setWeek, setScope, loadWeeks, reloadWeeks }
}

/** resetWeek forgets the loaded weeks and the choice (tests). */
export function resetWeek() {
  weeks.value = []
  selected.value = ''
  picked.value = false
  scope.value = null
  loading = null
}
